// A process that runs the job queue's runner with the agenda's notification handlers, as the
// server does (same runner, same defaults: 4 jobs at a time), for bench/agenda-reminders.bench.ts,
// which starts it, may kill it with SIGKILL, and starts another. The database is DATABASE_URL
// (PostgreSQL) or DATA_DIR (a PGlite data directory, which only one process may hold); e-mail
// goes over SMTP_URL when set, to the local outbox otherwise (channelsFromEnv, as in production).
// LEASE_MS shortens the lease (default 5 minutes) so that a killed runner's jobs come back within
// the benchmark. Prints "remaining <n> done <n>" every 200 ms and exits on SIGTERM after the
// running jobs end.
import { sql } from 'kysely';
import { createAppointmentMessagesRepository } from '../../src/server/appointments/appointment-messages.repository.js';
import { createAppointmentRepository } from '../../src/server/appointments/appointment.repository.js';
import { createAppointmentNotifications, REMINDER_JOB } from '../../src/server/appointments/notifications.js';
import { openDatabase } from '../../src/server/db/database.js';
import { createJobRunner } from '../../src/server/jobs/index.js';
import { createJobsRepository } from '../../src/server/jobs/jobs.repository.js';
import { channelsFromEnv } from '../../src/server/outreach/index.js';

const database = process.env.DATABASE_URL
  ? await openDatabase({ url: process.env.DATABASE_URL, poolSize: 10 })
  : await openDatabase({ dataDir: process.env.DATA_DIR! });
await database.opened;
const { db } = database;
const clock = () => new Date();
const channels = channelsFromEnv();
const notifications = createAppointmentNotifications({
  db,
  appointments: createAppointmentRepository(),
  messages: createAppointmentMessagesRepository(),
  channels,
  clock,
  publicUrl: 'https://lavoro.provincia.example',
});
const errors: string[] = [];
const log = {
  info: () => undefined,
  warn: (obj: object) => void errors.push(JSON.stringify(obj)),
  error: (obj: object) => void errors.push(JSON.stringify(obj)),
};
const runner = createJobRunner({
  db,
  databaseKind: database.kind,
  repository: createJobsRepository(),
  clock,
  log,
  leaseMs: Number(process.env.LEASE_MS ?? 5 * 60_000),
  pollMs: 200,
});
for (const handler of notifications.handlers) runner.register(handler);
await runner.start();

let stopping = false;
const report = setInterval(async () => {
  if (stopping) return;
  try {
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from jobs where kind = ${REMINDER_JOB} and state in ('queued', 'running')`.execute(db);
    console.log(`remaining ${rows[0]!.n} done ${runner.stats.done} retried ${runner.stats.retried} failed ${runner.stats.failed}`);
    for (const e of errors.splice(0)) console.log(`log ${e}`);
  } catch {
    // closing
  }
}, 200);

process.on('SIGTERM', () => {
  stopping = true;
  clearInterval(report);
  void runner
    .stop()
    .then(() => channels.email.close?.())
    .then(() => database.close())
    .then(() => process.exit(0));
});
