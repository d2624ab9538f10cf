// Vacancy search with filters over 200,000 vacancies on PostgreSQL: the search endpoint's server
// time (the service call: filters, the stable order, the capped count, the names beside each row).
// Target: p95 ≤ 50 ms. Baseline in the same run: one vacancy read by its primary key.
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres): a fresh database is
// created, migrated, seeded with the demo, filled with generate_series, and dropped at the end
// (BENCH_KEEP=1 keeps it; BENCH_REUSE=<that name> migrates a kept one and measures again).
// BENCH_VACANCIES changes the size. The load average is printed at the start and the end: the
// machine is shared.
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { createAuditRepository } from '../src/server/audit/audit.repository.js';
import { createAuditService } from '../src/server/audit/audit.service.js';
import type { Actor } from '../src/server/auth/actor.js';
import { openDatabase } from '../src/server/db/database.js';
import { migrate } from '../src/server/db/migrate.js';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import { createVacancyRepository } from '../src/server/vacancies/vacancy.repository.js';
import { createVacancyService } from '../src/server/vacancies/vacancy.service.js';
import { vacancyQuerySchema } from '../src/shared/schemas/vacancies.schema.js';

const VACANCIES = Number(process.env.BENCH_VACANCIES ?? 200_000);
const EMPLOYERS = 4_000;
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const reuse = process.env.BENCH_REUSE;
const name = reuse ?? `rc_bench_vacancies_${process.pid}`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`load average at the start: ${load()}`);
// Comuni of the province of Modena (ISTAT), where the sites are.
const COMUNI = ['036023', '036005', '036022', '036040', '036013', '036038', '036034', '036045', '036046', '036027', '036030', '036015'];
const TITLES = [
  'Addetto/a alla saldatura',
  'Operaio/a metalmeccanico/a',
  'Magazziniere/a con patentino del muletto',
  'Autista patente C con CQC',
  'Tecnico/a di laboratorio biomedicale',
  'Addetto/a al confezionamento alimentare',
  'Operatore/trice di linea ceramica',
  'Manutentore/trice elettromeccanico/a',
  'Impiegato/a amministrativo/a',
  'Addetto/a alle pulizie industriali',
  'Cuoco/a di mensa aziendale',
  'Programmatore/trice CNC',
  'Carrellista',
  'Montatore/trice meccanico/a',
  'Addetto/a al controllo qualità',
  'Operatore/trice socio-sanitario/a',
];
const OCCUPATIONS = Array.from({ length: 40 }, (_, i) => `http://data.europa.eu/esco/occupation/bench-${String(i).padStart(4, '0')}`);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
let seed = 11;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const arr = (values: readonly string[]) => sql.lit(`{${values.map((v) => `"${v}"`).join(',')}}`);

const admin = await openDatabase({ url: adminUrl, poolSize: 1 });
if (!reuse) await admin.execScript(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ url: url.toString(), poolSize: 4 });
try {
  let t0 = performance.now();
  await migrate(database);
  if (!reuse) await seedDemo(database);
  console.log(`migrated${reuse ? ` (reused ${name})` : ' and seeded'} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const { db } = database;
  const network = await db.selectFrom('networks').select('id').executeTakeFirstOrThrow();
  const offices = await db.selectFrom('offices').select('id').orderBy('code').execute();
  const officeIds = offices.map((o) => o.id);

  if (!reuse) {
    t0 = performance.now();
    // Employers with one site each, in the province's comuni; then the vacancies over them.
    await sql`
      insert into employers (network_id, office_id, name)
      select ${network.id}::uuid, (${arr(officeIds)}::uuid[])[1 + i % ${sql.lit(officeIds.length)}], 'Azienda modenese n. ' || i
      from generate_series(1, ${EMPLOYERS}) as i`.execute(db);
    await sql`
      insert into employer_sites (employer_id, comune_code, head_office)
      select e.id, (${arr(COMUNI)}::text[])[1 + (row_number() over (order by e.id))::int % ${sql.lit(COMUNI.length)}], true
      from employers e where e.name like 'Azienda modenese n. %'`.execute(db);
    await sql`
      insert into vacancies (network_id, office_id, employer_id, site_id, comune_code, esco_occupation_uri, title, contract_type,
        duration_months, working_time, weekly_hours, positions, positions_filled, deadline, state, created_at, updated_at)
      select ${network.id}::uuid, s.office_id, s.employer_id, s.id, s.comune_code,
        (${arr(OCCUPATIONS)}::text[])[1 + (i * 7) % ${sql.lit(OCCUPATIONS.length)}],
        (${arr(TITLES)}::text[])[1 + (i * 13) % ${sql.lit(TITLES.length)}] || ' – rif. ' || i,
        (array['permanent','fixed_term','apprenticeship','agency'])[1 + (i / 7) % 4],
        case when (i / 7) % 4 = 1 then 6 + i % 19 end,
        case when i % 5 = 0 then 'part_time' else 'full_time' end,
        case when i % 5 = 0 then 20 + i % 11 end,
        1 + i % 5, 0,
        current_date - 200 + (i % 600),
        -- Most are over: filled, closed or expired; a quarter are published, a few drafts.
        (array['published','filled','closed','expired','published','expired','filled','draft'])[1 + i % 8],
        now(), now()
      from generate_series(1, ${VACANCIES}) as i
      join (
        select s.id, s.employer_id, s.comune_code, e.office_id, row_number() over (order by s.id) as n
        from employer_sites s join employers e on e.id = s.employer_id
      ) s on s.n = 1 + (i * 31) % ${sql.lit(EMPLOYERS)}`.execute(db);
    await sql`analyze vacancies`.execute(db);
    console.log(`inserted ${VACANCIES.toLocaleString('en')} vacancies in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else {
    await sql`vacuum analyze vacancies`.execute(db);
  }

  const service = createVacancyService({
    db,
    repository: createVacancyRepository(),
    audit: createAuditService({ db, repository: createAuditRepository() }),
    clock: () => new Date(),
  });
  const actor: Actor = {
    userId: '00000000-0000-4000-8000-000000000000',
    email: 'b',
    fullName: 'bench',
    language: 'it',
    mustChangePassword: false,
    officeId: officeIds[0]!,
    networkId: network.id,
    roles: ['matcher'],
    assignments: [],
    session: { tokenHash: '', csrfToken: '' },
  };
  const employers = await db.selectFrom('employers').select('id').orderBy('id').limit(200).execute();
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const WORDS = ['saldatura', 'magazzin', 'autista', 'ceramica', 'manutentore', 'cuoco', 'carrellista', 'qualità'];

  type Case = { kind: string; query: Record<string, string> };
  const cases: Case[] = [];
  for (let i = 0; i < 30; i++) cases.push({ kind: 'published, soonest deadline', query: { state: 'published' } });
  for (let i = 0; i < 30; i++) cases.push({ kind: 'title words', query: { q: WORDS[rand(WORDS.length)]!, state: 'published' } });
  for (let i = 0; i < 20; i++) cases.push({ kind: 'title words, any state', query: { q: WORDS[rand(WORDS.length)]! } });
  for (let i = 0; i < 30; i++)
    cases.push({
      kind: 'comune + contract',
      query: { comuneCode: COMUNI[rand(COMUNI.length)]!, contractType: 'fixed_term', state: 'published' },
    });
  for (let i = 0; i < 30; i++)
    cases.push({ kind: 'office + state', query: { officeId: officeIds[rand(officeIds.length)]!, state: 'published' } });
  for (let i = 0; i < 20; i++) cases.push({ kind: 'occupation', query: { escoOccupationUri: OCCUPATIONS[rand(OCCUPATIONS.length)]! } });
  for (let i = 0; i < 20; i++) cases.push({ kind: 'employer', query: { employerId: employers[rand(employers.length)]!.id } });
  for (let i = 0; i < 20; i++)
    cases.push({ kind: 'deadline window', query: { deadlineFrom: day(0), deadlineTo: day(14 + rand(30)), state: 'published' } });
  for (let i = 0; i < 20; i++) cases.push({ kind: 'page 5 of published', query: { state: 'published', offset: '100' } });

  const run = async (c: Case) => {
    const started = performance.now();
    const page = await service.search(actor, vacancyQuerySchema.parse(c.query));
    return { page, ms: performance.now() - started };
  };
  for (const c of cases.slice(0, 15)) await run(c);
  const byKind = new Map<string, number[]>();
  const all: number[] = [];
  for (const c of cases) {
    const { ms, page } = await run(c);
    if (page.items.length === 0 && c.kind !== 'employer') console.log(`  (no rows for ${c.kind} ${JSON.stringify(c.query)})`);
    all.push(ms);
    byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), ms]);
  }

  // Baseline: one vacancy by primary key, the cheapest read the database answers.
  const ids = await db.selectFrom('vacancies').select('id').orderBy('id').limit(200).execute();
  const base: number[] = [];
  for (const { id } of ids) {
    const started = performance.now();
    await db.selectFrom('vacancies').select(['id', 'title']).where('id', '=', id).executeTakeFirst();
    base.push(performance.now() - started);
  }
  const fmt = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `p50 ${percentile(s, 50).toFixed(1)} ms  p95 ${percentile(s, 95).toFixed(1)} ms  max ${s.at(-1)!.toFixed(1)} ms  (n=${s.length})`;
  };
  console.log(`\nvacancy search over ${VACANCIES.toLocaleString('en')} vacancies (PostgreSQL, service call)`);
  for (const [kind, xs] of byKind) console.log(`  ${kind.padEnd(30)} ${fmt(xs)}`);
  console.log(`  ${'ALL'.padEnd(30)} ${fmt(all)}   target p95 ≤ 50 ms`);
  console.log(`  ${'baseline: one row by id'.padEnd(30)} ${fmt(base)}`);
  console.log(`load average at the end: ${load()}`);
} finally {
  await database.close();
  // pg's pool.end() resolves before its sockets close: let them go before the forced drop.
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (process.env.BENCH_KEEP !== '1' && !reuse) await admin.execScript(`drop database if exists ${name} with (force)`);
  await admin.close();
}
