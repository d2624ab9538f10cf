// Worker list with filters and search over 1,000,000 workers on PostgreSQL: the list endpoint's
// server time (the service call: scope, filters, keyset page, joins). Target: p95 ≤ 50 ms.
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres): a fresh database is
// created, migrated, seeded with the demo, filled with generate_series, and dropped at the end
// (BENCH_KEEP=1 keeps it). BENCH_WORKERS changes the size.
import { sql } from 'kysely';
import { createAuditRepository } from '../src/server/audit/audit.repository.js';
import { createAuditService } from '../src/server/audit/audit.service.js';
import type { Actor } from '../src/server/auth/actor.js';
import { openDatabase } from '../src/server/db/database.js';
import { migrate } from '../src/server/db/migrate.js';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import { createWorkerRepository } from '../src/server/people/worker.repository.js';
import { createWorkerService } from '../src/server/people/worker.service.js';
import { workerListQuerySchema } from '../src/shared/schemas/people.schema.js';

const WORKERS = Number(process.env.BENCH_WORKERS ?? 1_000_000);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `rc_bench_workers_${process.pid}`;
const ROOTS = [
  'Ross',
  'Bian',
  'Ferr',
  'Espos',
  'Roman',
  'Colomb',
  'Ricc',
  'Marin',
  'Grec',
  'Brun',
  'Gall',
  'Cont',
  'Manc',
  'Cost',
  'Giord',
  'Rizz',
  'Lomb',
  'Mor',
  'Barb',
  'Font',
  'Sant',
  'Mari',
  'Rin',
  'Car',
  'Mart',
  'Leon',
  'Long',
  'Gent',
  'Vit',
  'Serr',
  'Copp',
  'Par',
  'Vill',
  'Pell',
  'Malag',
  'Berg',
  'Guid',
  'Mess',
  'Lug',
  'Zan',
];
const SUFFIXES = ['i', 'ini', 'etti', 'elli', 'ato', 'one', 'oni', 'ucci', 'ese', 'acci', 'otti', 'aldi', 'ieri', 'ano', 'ari'];
const SURNAMES = ROOTS.flatMap((r) => SUFFIXES.map((s) => r + s));
const FIRST = [
  'Marco',
  'Luca',
  'Giuseppe',
  'Andrea',
  'Francesco',
  'Alessandro',
  'Matteo',
  'Davide',
  'Stefano',
  'Paolo',
  'Simone',
  'Roberto',
  'Antonio',
  'Giovanni',
  'Fabio',
  'Massimo',
  'Giulia',
  'Francesca',
  'Chiara',
  'Sara',
  'Elena',
  'Valentina',
  'Martina',
  'Anna',
  'Laura',
  'Federica',
  'Silvia',
  'Lucia',
  'Paola',
  'Roberta',
  'Monica',
  'Alessia',
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
let seed = 7;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};

const admin = await openDatabase({ url: adminUrl, poolSize: 1 });
await admin.execScript(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ url: url.toString(), poolSize: 4 });
try {
  let t0 = performance.now();
  await migrate(database);
  await seedDemo(database);
  console.log(`migrated and seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const { db } = database;
  const network = await db.selectFrom('networks').select('id').executeTakeFirstOrThrow();
  const offices = await db.selectFrom('offices').select('id').orderBy('code').execute();
  const cases = await db.selectFrom('cigs_cases').select('id').orderBy('id').execute();

  // Indexes are dropped during the bulk insert and rebuilt after: far faster than maintaining them row by row.
  const indexes = (
    await sql<{
      indexname: string;
      indexdef: string;
    }>`select indexname, indexdef from pg_indexes where tablename = 'workers' and indexname not like '%pkey' and indexname <> 'workers_codice_fiscale_key'`.execute(
      db,
    )
  ).rows;
  for (const index of indexes) await sql.raw(`drop index ${index.indexname}`).execute(db);
  t0 = performance.now();
  await sql`
    insert into workers (network_id, office_id, codice_fiscale, first_name, last_name, search_name, birth_date, sex, residence_comune_code, phone, email, cigs_case_id, cigs_end_date)
    select ${network.id}::uuid,
      (${sql.lit(`{${offices.map((o) => o.id).join(',')}}`)}::uuid[])[1 + (i * 13) % ${sql.lit(offices.length)}],
      case when i % 10 = 0 then null else
        upper(left(translate(s, 'aeiou', '') || 'XXX', 3)) || upper(left(translate(f, 'aeiou', '') || 'XXX', 3))
        || lpad(((i % 45) + 60)::text, 2, '0') || substr('ABCDEHLMPRST', 1 + i % 12, 1) || lpad((1 + i % 28)::text, 2, '0')
        || upper(lpad(to_hex(i), 5, '0')) end,
      f, s, lower(s || ' ' || f),
      date '1960-01-01' + (i % 16000),
      case when i % 2 = 0 then 'M' else 'F' end,
      '036023',
      '+393' || lpad(((i::bigint * 7919) % 1000000000)::text, 9, '0'),
      case when i % 3 = 0 then 'w' || i || '@posta.example' end,
      (${sql.lit(`{${cases.map((c) => c.id).join(',')}}`)}::uuid[])[1 + i % ${sql.lit(cases.length)}],
      current_date + (i % 400)
    from (
      select i,
        (${sql.lit(`{${SURNAMES.join(',')}}`)}::text[])[1 + (i * 31) % ${sql.lit(SURNAMES.length)}] as s,
        (${sql.lit(`{${FIRST.join(',')}}`)}::text[])[1 + (i * 17) % ${sql.lit(FIRST.length)}] as f
      from generate_series(1, ${WORKERS}) as i
    ) g`.execute(db);
  console.log(`inserted ${WORKERS.toLocaleString('en')} workers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  t0 = performance.now();
  for (const index of indexes) await sql.raw(index.indexdef).execute(db);
  await sql`analyze workers`.execute(db);
  console.log(`rebuilt ${indexes.length} indexes and analysed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const service = createWorkerService({
    db,
    workers: createWorkerRepository(),
    audit: createAuditService({ db, repository: createAuditRepository() }),
    clock: () => new Date(),
  });
  const actor = (roles: Actor['roles'], officeId: string): Actor => ({
    userId: '00000000-0000-4000-8000-000000000000',
    email: 'b',
    fullName: 'bench',
    language: 'it',
    mustChangePassword: false,
    officeId,
    networkId: network.id,
    roles,
    assignments: [],
    session: { tokenHash: '', csrfToken: '' },
  });
  const coordinator = actor(['coordinator'], offices[0]!.id);
  const office = () => offices[rand(offices.length)]!.id;
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const sample = await db
    .selectFrom('workers')
    .select(['codice_fiscale', 'phone'])
    .where('codice_fiscale', 'is not', null)
    .orderBy('id')
    .limit(200)
    .execute();

  type Case = { kind: string; who: Actor; query: Record<string, string> };
  const cases200: Case[] = [];
  for (let i = 0; i < 40; i++) cases200.push({ kind: 'office filter', who: actor(['frontoffice'], office()), query: {} });
  for (let i = 0; i < 40; i++) {
    const surname = SURNAMES[rand(SURNAMES.length)]!;
    cases200.push({
      kind: 'name search',
      who: rand(2) ? coordinator : actor(['consultant'], office()),
      query: { q: rand(3) === 0 ? `${FIRST[rand(FIRST.length)]} ${surname}` : surname.toLowerCase() },
    });
  }
  for (let i = 0; i < 25; i++)
    cases200.push({
      kind: 'codice fiscale prefix',
      who: coordinator,
      query: { q: sample[rand(sample.length)]!.codice_fiscale!.slice(0, 6 + rand(8)) },
    });
  for (let i = 0; i < 15; i++)
    cases200.push({ kind: 'phone prefix', who: coordinator, query: { q: sample[rand(sample.length)]!.phone!.slice(3, 9 + rand(4)) } });
  for (let i = 0; i < 30; i++)
    cases200.push({
      kind: 'CIGS ending before',
      who: rand(2) ? coordinator : actor(['consultant'], office()),
      query: { cigsEndBefore: day([30, 60, 90][rand(3)]!), ...(rand(2) ? { hasCodiceFiscale: 'true' } : {}) },
    });
  for (let i = 0; i < 10; i++)
    cases200.push({ kind: 'company filter', who: coordinator, query: { cigsCaseId: cases[rand(cases.length)]!.id } });

  const timings = new Map<string, number[]>();
  const all: number[] = [];
  const run = async (c: Case, extra: Record<string, string> = {}) => {
    const q = workerListQuerySchema.parse({ ...c.query, ...extra });
    const started = performance.now();
    const page = await service.list({ actor: c.who, requestId: 'bench', ip: '127.0.0.1' }, q);
    const ms = performance.now() - started;
    return { page, ms };
  };
  // Warm-up: the first queries load catalogues and plans.
  for (const c of cases200.slice(0, 10)) await run(c);
  const slowest: Array<{ ms: number; c: Case }> = [];
  for (const c of cases200) {
    const { ms } = await run(c);
    all.push(ms);
    slowest.push({ ms, c });
    timings.set(c.kind, [...(timings.get(c.kind) ?? []), ms]);
  }
  // Pagination: 8 lists walked 5 pages deep by keyset cursor (40 more measurements, 200 in total… plus).
  for (let i = 0; i < 8; i++) {
    const c: Case = { kind: 'keyset pages 2–6', who: rand(2) ? coordinator : actor(['frontoffice'], office()), query: {} };
    let cursor = (await run(c)).page.nextCursor;
    for (let p = 0; p < 5 && cursor; p++) {
      const { page, ms } = await run(c, { cursor });
      all.push(ms);
      timings.set(c.kind, [...(timings.get(c.kind) ?? []), ms]);
      cursor = page.nextCursor;
    }
  }
  const line = (label: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `  ${label.padEnd(24)} n=${String(values.length).padStart(3)}  p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(sorted, 95).toFixed(1).padStart(6)} ms  max ${sorted.at(-1)!.toFixed(1).padStart(6)} ms`;
  };
  console.log(`worker list over ${WORKERS.toLocaleString('en')} workers (PostgreSQL, service call, 25 per page), target p95 ≤ 50 ms`);
  for (const [kind, values] of timings) console.log(line(kind, values));
  console.log(line('ALL', all));
  console.log(
    '  slowest:',
    slowest
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((s) => `${s.ms.toFixed(0)} ms ${s.c.kind} ${JSON.stringify(s.c.query)} (${s.c.who.roles[0]})`)
      .join('; '),
  );
} finally {
  await database.close();
  if (!process.env.BENCH_KEEP) await admin.execScript(`drop database if exists ${name} with (force)`);
  await admin.close();
}
