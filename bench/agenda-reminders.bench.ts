// 10,000 reminders due, sent by the job queue's runner (bench/agenda/reminder-runner.ts: the
// runner and the agenda's handlers, in a process of its own as the server runs them), first to
// the local outbox, then to a local SMTP server (smtp-server, in this process), each run timed
// from the runner's start to the last reminder job finished. Target (issue 10): ≤ 60 s.
// Then the kill test: a runner is killed with SIGKILL once the SMTP server has received half of
// the reminders, a new runner is started on the same database, and the reminders received per
// meeting are counted: exactly one for every meeting except those whose send was in flight at
// the kill, which are recorded 'failed' with 'uncertain: …' and never sent again (received once
// or not at all, never twice). Each meeting's worker has an address of their own, so the SMTP
// envelope's recipient names the meeting.
// PostgreSQL: the two runners are two processes on one database. PGlite (BENCH_ONLY=pglite, or
// both by default): one process holds a data directory, so the second runner opens it after the
// kill (the lock file names a dead process) and takes back every lease at its start.
// Run: node --import tsx bench/agenda-reminders.bench.ts   (BENCH_ONLY=postgres|pglite, REMINDERS=10000)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { REMINDER_JOB } from '../src/server/appointments/notifications.js';
import { openDatabase, type Database } from '../src/server/db/database.js';
import { enqueueJobs } from '../src/server/jobs/index.js';
import { addDays, isoWeekday } from '../src/shared/time/rome-date.js';
import { romeToday } from '../src/shared/time/rome-time.js';
import { buildAgendaWorld, formatPercentiles, loadAverage, openAgendaDatabase, type Engine } from './agenda/world.js';

const REMINDERS = Number(process.env.REMINDERS ?? 10_000);
const LEASE_MS = 5000;
const engines: Engine[] = process.env.BENCH_ONLY ? [process.env.BENCH_ONLY as Engine] : ['postgres', 'pglite'];

// The local SMTP server: counts each message by its envelope recipient once the whole message
// is in, before it answers 250 (a runner killed in between never hears the answer).
const received = new Map<string, number>();
let receivedTotal = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  // A real mail server is another machine: this one should not spend the runner's time on a
  // reverse DNS lookup of 127.0.0.1 for every connection.
  disableReverseLookup: true,
  logger: false,
  onData(stream, session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      for (const to of session.envelope.rcptTo) received.set(to.address, (received.get(to.address) ?? 0) + 1);
      receivedTotal++;
      callback();
    });
  },
});
// A runner killed mid-session resets its connections: expected here, not a reason to stop.
smtp.on('error', () => undefined);
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
// SMTP_PARAMS: nodemailer options for the runner's transport (e.g. "maxConnections=8"); the product's defaults otherwise.
const SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}${process.env.SMTP_PARAMS ? `?${process.env.SMTP_PARAMS}` : ''}`;

interface Runner {
  child: ChildProcess;
  remaining: number;
  done: number;
  lines: string[];
  exited: Promise<void>;
}

function startRunner(env: NodeJS.ProcessEnv): Runner {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/agenda/reminder-runner.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const runner: Runner = {
    child,
    remaining: Number.POSITIVE_INFINITY,
    done: 0,
    lines: [],
    exited: new Promise((resolve) => child.once('exit', () => resolve())),
  };
  let buffer = '';
  child.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      const m = /^remaining (\d+) done (\d+)/.exec(line);
      if (m) {
        runner.remaining = Number(m[1]);
        runner.done = Number(m[2]);
      } else runner.lines.push(line);
    }
  });
  child.stderr!.on('data', (d: Buffer) => runner.lines.push(d.toString()));
  return runner;
}

async function until(check: () => boolean, runner: Runner, timeoutMs = 600_000) {
  const t0 = performance.now();
  while (!check()) {
    if (runner.child.exitCode !== null) throw new Error(`runner exited:\n${runner.lines.join('\n')}`);
    if (performance.now() - t0 > timeoutMs) throw new Error(`timed out:\n${runner.lines.join('\n')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function stopRunner(runner: Runner) {
  runner.child.kill('SIGTERM');
  await runner.exited;
  const logged = runner.lines.filter((l) => l.trim());
  if (logged.length) console.log(`  runner said: ${logged.slice(0, 5).join(' | ').slice(0, 600)}`);
}

/** Every reminder job back to queued and due, nothing sent: the next run starts from the same state. */
async function reset(database: Database) {
  const { db } = database;
  await sql`delete from appointment_messages`.execute(db);
  await sql`delete from appointment_links`.execute(db);
  await sql`update jobs set state = 'queued', attempts = 0, locked_by = null, locked_until = null, last_error = null,
    finished_at = null, run_at = now() - interval '1 second' where kind = ${REMINDER_JOB}`.execute(db);
  received.clear();
  receivedTotal = 0;
}

async function messageCounts(database: Database) {
  const { rows } = await sql<{ status: string; uncertain: boolean; n: number }>`
    select status, coalesce(error like 'uncertain:%', false) as uncertain, count(*)::int as n
    from appointment_messages where kind = 'reminder' group by 1, 2 order by 1, 2`.execute(database.db);
  return rows.map((r) => `${r.status}${r.uncertain ? ' (uncertain)' : ''} ${r.n}`).join(', ');
}

/**
 * Baseline in the same run: a one-row write committed, the unit a job's work is made of (a job
 * commits three times: the message row, its outcome, the job's completion).
 */
async function commitBaseline(database: Database) {
  const { db } = database;
  await sql`create table if not exists bench_commit (n integer)`.execute(db);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await db.transaction().execute((trx) => sql`insert into bench_commit values (${i})`.execute(trx));
    times.push(performance.now() - t0);
  }
  await sql`drop table bench_commit`.execute(db);
  console.log(`  baseline: one-row insert and commit         ${formatPercentiles(times)}   load ${await loadAverage()}`);
}

/** Baseline in the same run: the product's SMTP sender alone, no queue and no database (bench/agenda/smtp-baseline.ts). */
async function smtpBaseline() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/agenda/smtp-baseline.ts'], {
    env: { ...process.env, SMTP_URL, COUNT: String(REMINDERS) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise((resolve) => child.once('exit', resolve));
  const ms = Number(/baseline ([\d.]+)/.exec(out)?.[1]);
  console.log(
    `  baseline: the SMTP sender alone, ${REMINDERS} messages with their .ics   ${(ms / 1000).toFixed(1)} s (${Math.round(REMINDERS / (ms / 1000))}/s)   load ${await loadAverage()}`,
  );
  received.clear();
  receivedTotal = 0;
}

async function timedRun(label: string, env: NodeJS.ProcessEnv, database: () => Promise<Database>) {
  const t0 = performance.now();
  const runner = startRunner(env);
  let first = 0;
  await until(() => {
    if (!first && Number.isFinite(runner.remaining)) first = performance.now();
    return runner.remaining === 0;
  }, runner);
  const total = performance.now() - t0;
  const load = await loadAverage();
  await stopRunner(runner);
  const db = await database();
  console.log(
    `  ${label}: ${REMINDERS} reminders in ${(total / 1000).toFixed(1)} s from the runner's start ` +
      `(${((performance.now() - first) / 1000).toFixed(1)} s after its first report; ${Math.round(REMINDERS / (total / 1000))}/s)   load ${load}`,
  );
  console.log(`    messages: ${await messageCounts(db)}${env.SMTP_URL ? `; SMTP received ${receivedTotal}` : ''}`);
  return db;
}

async function killTest(env: NodeJS.ProcessEnv, reopen: () => Promise<Database>) {
  const t0 = performance.now();
  const first = startRunner({ ...env, SMTP_URL, LEASE_MS: String(LEASE_MS) });
  await until(() => receivedTotal >= REMINDERS / 2, first);
  first.child.kill('SIGKILL');
  await first.exited;
  const atKill = receivedTotal;
  const killedAt = performance.now();
  const second = startRunner({ ...env, SMTP_URL, LEASE_MS: String(LEASE_MS) });
  await until(() => second.remaining === 0, second);
  const load = await loadAverage();
  await stopRunner(second);
  const database = await reopen();
  const { rows } = await sql<{ email: string; status: string | null; error: string | null }>`
    select w.email, m.status, m.error
    from appointments a join workers w on w.id = a.worker_id
    left join appointment_messages m on m.appointment_id = a.id and m.kind = 'reminder' and m.channel = 'email'
    where w.email like 'lavoratore%@posta.example'`.execute(database.db);
  let once = 0;
  let never = 0;
  let twice = 0;
  let uncertain = 0;
  let uncertainReceived = 0;
  let neverButNotUncertain = 0;
  for (const r of rows) {
    const n = received.get(r.email) ?? 0;
    const isUncertain = r.status === 'failed' && (r.error ?? '').startsWith('uncertain:');
    if (isUncertain) {
      uncertain++;
      if (n === 1) uncertainReceived++;
    }
    if (n === 0) {
      never++;
      if (!isUncertain) neverButNotUncertain++;
    } else if (n === 1) once++;
    else twice++;
  }
  console.log(
    `  kill test: SIGKILL after ${atKill} received (${((killedAt - t0) / 1000).toFixed(1)} s), second runner done ` +
      `${((performance.now() - killedAt) / 1000).toFixed(1)} s after the kill (lease ${LEASE_MS / 1000} s)   load ${load}`,
  );
  console.log(`    meetings: ${rows.length}; reminder received exactly once: ${once}; more than once: ${twice}; never: ${never}`);
  console.log(
    `    in flight at the kill, recorded failed 'uncertain: …': ${uncertain} (of which received by the SMTP server before the kill: ${uncertainReceived}); ` +
      `never received and not uncertain: ${neverButNotUncertain}`,
  );
  console.log(`    messages: ${await messageCounts(database)}`);
  return database;
}

/** Next Monday in Rome: the meetings are ahead of the real clock the runner reads. */
function nextMonday(): string {
  let day = addDays(romeToday(new Date()), 1);
  while (isoWeekday(day) !== 1) day = addDays(day, 1);
  return day;
}

async function fill(database: Database) {
  const world = await buildAgendaWorld(database, {
    from: nextMonday(),
    weeks: 16,
    meetings: REMINDERS,
    extraWorkers: REMINDERS,
    onlyExtraWorkers: true,
  });
  const appointments = await database.db
    .selectFrom('appointments')
    .select(['id', 'network_id'])
    .where('office_id', '=', world.officeId)
    .execute();
  const now = new Date(Date.now() - 1000);
  for (let i = 0; i < appointments.length; i += 1000)
    await enqueueJobs(
      database.db,
      appointments.slice(i, i + 1000).map((a) => ({
        // The reminder job as notifications.ts enqueues it at booking time, already due.
        kind: REMINDER_JOB,
        dedupeKey: `appointment:${a.id}:reminder:0`,
        payload: { appointmentId: a.id, kind: 'reminder' },
        runAt: now,
        subjectId: a.id,
        subjectVersion: 0,
        networkId: a.network_id,
        maxAttempts: 6,
      })),
    );
  const distinct = await sql<{
    n: number;
  }>`select count(distinct worker_id)::int as n from appointments where office_id = ${world.officeId}`.execute(database.db);
  return `${world.meetings} meetings of ${world.consultants.length} consultants (${world.from} – ${world.to}), ${distinct.rows[0]!.n} workers each with an e-mail address`;
}

try {
  for (const engine of engines) {
    const t0 = performance.now();
    if (engine === 'postgres') {
      const { database, url, drop } = await openAgendaDatabase('postgres', 'rc_bench_agenda_reminders');
      try {
        console.log(`\npostgres: ${await fill(database)}; ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        await commitBaseline(database);
        const env = { DATABASE_URL: url };
        const same = async () => database;
        await timedRun('local outbox', env, same);
        await reset(database);
        await smtpBaseline();
        await timedRun(`SMTP (${SMTP_URL})`, { ...env, SMTP_URL }, same);
        await reset(database);
        await killTest(env, same);
      } finally {
        await drop();
      }
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'agenda-reminders-'));
      const dataDir = join(dir, 'pgdata');
      try {
        let { database } = await openAgendaDatabase('pglite', '', { dataDir });
        console.log(`\npglite (${dataDir}): ${await fill(database)}; ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        await commitBaseline(database);
        await database.close();
        // One process holds the data directory: this one closes it before each runner opens it.
        const reopen = async () => {
          database = await openDatabase({ dataDir });
          await database.opened;
          return database;
        };
        const env = { DATA_DIR: dataDir };
        await timedRun('local outbox', env, reopen);
        await reset(database);
        await database.close();
        await smtpBaseline();
        await timedRun(`SMTP (${SMTP_URL})`, { ...env, SMTP_URL }, reopen);
        await reset(database);
        await database.close();
        await killTest(env, reopen);
        await database.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
} finally {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
}
