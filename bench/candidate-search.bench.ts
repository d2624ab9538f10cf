// Candidate search for a vacancy (matching, issue 12) over 1,000,000 worker profiles: the service
// call of GET /api/v1/vacancies/:id/candidates (defaults, office + skills + radius, the whole
// network, CIGS order, a later page; ranking, names, masking and the audit row included).
// Target on PostgreSQL: p95 ≤ 100 ms. Baseline in the same run: one worker by primary key.
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), a fresh
// database created, migrated, seeded with the demo, filled with generate_series and dropped at the
// end (BENCH_KEEP=1 keeps it; BENCH_REUSE=<that name> migrates a kept one and measures again
// without the quarter of an hour of generation). BENCH_ENGINE=pglite runs on an in-memory PGlite
// instead, at BENCH_WORKERS (default there 100,000: a million profiles do not fit PGlite's memory
// comfortably). The load average is printed at the start and the end: the machine is shared.
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { createAuditRepository } from '../src/server/audit/audit.repository.js';
import { createAuditService } from '../src/server/audit/audit.service.js';
import type { Actor } from '../src/server/auth/actor.js';
import { openDatabase, type Database } from '../src/server/db/database.js';
import { migrate } from '../src/server/db/migrate.js';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import { createCandidateSearch } from '../src/server/matching/candidate-search.service.js';
import { comuniNear } from '../src/server/taxonomy/index.js';
import { candidateQuerySchema } from '../src/shared/schemas/matching.schema.js';

const ENGINE = process.env.BENCH_ENGINE === 'pglite' ? 'pglite' : 'postgres';
const WORKERS = Number(process.env.BENCH_WORKERS ?? (ENGINE === 'pglite' ? 100_000 : 1_000_000));
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const reuse = ENGINE === 'postgres' ? process.env.BENCH_REUSE : undefined;
const name = reuse ?? `rc_bench_candidates_${process.pid}`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`load average at the start: ${load()}`);
/** ESCO-like skill URIs of the generated profiles: 3,000 skills, the first ones far commoner (as "teamwork" is). */
const SKILLS = 3000;
const skillUri = (n: number) => `http://data.europa.eu/esco/skill/00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
let seed = 11;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};

let admin: Database | undefined;
let database: Database;
if (ENGINE === 'postgres') {
  admin = await openDatabase({ url: adminUrl, poolSize: 1 });
  if (!reuse) await admin.execScript(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  database = await openDatabase({ url: url.toString(), poolSize: 4 });
} else {
  database = await openDatabase({ memory: true });
}
try {
  let t0 = performance.now();
  await migrate(database);
  if (!reuse) await seedDemo(database);
  console.log(`${ENGINE}: migrated${reuse ? ` (reused ${name})` : ' and seeded'} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const { db } = database;
  const network = await db.selectFrom('networks').select('id').executeTakeFirstOrThrow();
  const offices = await db.selectFrom('offices').select(['id', 'code']).where('network_id', '=', network.id).orderBy('code').execute();
  const carpi = offices.find((o) => o.code === 'CPI-CA')!.id;
  // Residences: the comuni within 60 km of Carpi (Modena, Reggio Emilia, Bologna, Mantova), nearer ones commoner.
  const near = (await comuniNear(db, '036005', 60))!;
  const comuni = [...near.within.entries()].sort((a, b) => a[1].km - b[1].km).map(([code]) => code);
  console.log(`${comuni.length} comuni within 60 km of Carpi; ${offices.length} offices`);

  if (!reuse) {
    // The workers and their profiles, in bulk; the indexes of both tables rebuilt after.
    const dropped: Array<{ indexname: string; indexdef: string }> = [];
    for (const table of ['workers', 'worker_profiles', 'worker_profile_skills']) {
      const rows = (
        await sql<{ indexname: string; indexdef: string }>`select indexname, indexdef from pg_indexes
          where tablename = ${table} and indexname not like '%pkey' and indexname <> 'workers_codice_fiscale_key'`.execute(db)
      ).rows;
      for (const index of rows) await sql.raw(`drop index ${index.indexname}`).execute(db);
      dropped.push(...rows);
    }
    t0 = performance.now();
    const officeArray = sql.lit(`{${offices.map((o) => o.id).join(',')}}`);
    const comuneArray = sql.lit(`{${comuni.join(',')}}`);
    const SURNAMES = [
      'Rossi',
      'Ferrari',
      'Bianchi',
      'Russo',
      'Esposito',
      'Barbieri',
      'Gallo',
      'Conti',
      'Benedetti',
      'Montanari',
      "D''Angelo",
      'De Luca',
    ];
    const FIRST = ['Giuseppe', 'Maria', 'Emanuele', 'Anna', 'Nicolò', 'Giulia', 'Marco', 'Francesca', 'Luca', 'Chiara'];
    const CHUNK = 100_000;
    for (let from = 1; from <= WORKERS; from += CHUNK) {
      const to = Math.min(WORKERS, from + CHUNK - 1);
      await sql`
        insert into workers (network_id, office_id, first_name, last_name, search_name, residence_comune_code, phone, cigs_end_date)
        select ${network.id}::uuid,
          (${officeArray}::uuid[])[1 + (i * 13) % ${sql.lit(offices.length)}],
          f, s, lower(s || ' ' || f),
          -- nearer comuni commoner: the square of a uniform number picks low indexes more often
          (${comuneArray}::text[])[1 + floor(${sql.lit(comuni.length)} * power((abs(hashint4(i)) % 10000) / 10000.0, 1.6))::int],
          '+393' || lpad(((i::bigint * 7919) % 1000000000)::text, 9, '0'),
          current_date + (i % 700)
        from (
          select i,
            (${sql.lit(`{${SURNAMES.map((s) => `"${s.replace("''", "'")}"`).join(',')}}`)}::text[])[1 + (i * 31) % ${sql.lit(SURNAMES.length)}] as s,
            (${sql.lit(`{${FIRST.join(',')}}`)}::text[])[1 + (i * 17) % ${sql.lit(FIRST.length)}] as f
          from generate_series(${sql.lit(from)}, ${sql.lit(to)}) as i
        ) g`.execute(db);
    }
    console.log(`inserted ${WORKERS.toLocaleString('en')} workers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    t0 = performance.now();
    // Each profile: 6–13 skills, skewed towards the common ones; a longest commute of 10–50 km; one in five available later.
    // The skill rows (worker_profile_skills) are filled in one statement after, not by the trigger row by row.
    await sql`alter table worker_profiles disable trigger worker_profiles_skills_sync`.execute(db);
    await sql`
      insert into worker_profiles (worker_id, network_id, office_id, version, document)
      select w.id, w.network_id, w.office_id, 1, jsonb_build_object(
        'skills', (select jsonb_agg(jsonb_build_object('id', md5(w.id::text || j)::uuid, 'escoUri',
                     'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-' || lpad(floor(${sql.lit(SKILLS)} * power((abs(hashint4(hashtext(w.id::text) + j)) % 100000) / 100000.0, 2))::int::text, 12, '0'),
                     'label', 'competenza', 'source', 'declared', 'keywords', '[]'::jsonb))
                   from generate_series(1, 6 + abs(hashtext(w.id::text)) % 8) j),
        'mobility', jsonb_build_object('maxKm', 10 + (abs(hashtext(w.id::text)) % 5) * 10, 'means', '["car"]'::jsonb, 'relocate', false),
        'availability', case when abs(hashtext(w.id::text)) % 5 = 0
          then jsonb_build_object('availableFrom', (current_date + 60)::text, 'workingTimes', '[]'::jsonb, 'shifts', '[]'::jsonb, 'contractTypes', '[]'::jsonb)
          else jsonb_build_object('workingTimes', '[]'::jsonb, 'shifts', '[]'::jsonb, 'contractTypes', '[]'::jsonb) end)
      from workers w
      where not exists (select 1 from worker_profiles p where p.worker_id = w.id)`.execute(db);
    await sql`insert into worker_profile_skills (worker_id, network_id, skill_uri)
      select distinct p.worker_id, p.network_id, u
        from worker_profiles p, jsonb_array_elements_text(jsonb_path_query_array(p.document, '$.skills[*].escoUri')) u
       where not exists (select 1 from worker_profile_skills s where s.worker_id = p.worker_id)`.execute(db);
    await sql`alter table worker_profiles enable trigger worker_profiles_skills_sync`.execute(db);
    console.log(`built the profiles and their skill rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    t0 = performance.now();
    for (const index of dropped) await sql.raw(index.indexdef).execute(db);
    // vacuum: the visibility map, for index-only scans of the skill rows and of the workers' comuni.
    for (const table of ['workers', 'worker_profiles', 'worker_profile_skills']) await sql.raw(`vacuum analyze ${table}`).execute(db);
    console.log(`rebuilt ${dropped.length} indexes and analysed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else {
    for (const table of ['workers', 'worker_profiles', 'worker_profile_skills']) await sql.raw(`vacuum analyze ${table}`).execute(db);
  }

  // The vacancy: a demo vacancy of Carpi's, moved to Carpi, asking 7 skills (2 common, 5 rarer) and 3 nice to have.
  const vacancy = await db.selectFrom('vacancies').select(['id']).orderBy('id').executeTakeFirstOrThrow();
  await db.updateTable('vacancies').set({ comune_code: '036005', office_id: carpi }).where('id', '=', vacancy.id).execute();
  await db.deleteFrom('vacancy_skills').where('vacancy_id', '=', vacancy.id).execute();
  const required = [3, 40, 150, 400, 700, 1200, 2000];
  const optional = [10, 90, 900];
  await db
    .insertInto('vacancy_skills')
    .values([
      ...required.map((n) => ({ vacancy_id: vacancy.id, skill_uri: skillUri(n), relevance: 'essential' as const })),
      ...optional.map((n) => ({ vacancy_id: vacancy.id, skill_uri: skillUri(n), relevance: 'optional' as const })),
    ])
    .execute();

  const search = createCandidateSearch({
    db,
    audit: createAuditService({ db, repository: createAuditRepository() }),
    clock: () => new Date(),
  });
  const staff = await db.selectFrom('staff_users').select('id').where('email', '=', 'incontro@ricolloca.example').executeTakeFirstOrThrow();
  const actor = (roles: Actor['roles'], officeId: string): Actor => ({
    userId: staff.id,
    email: 'bench@ricolloca.example',
    fullName: 'bench',
    language: 'it',
    mustChangePassword: false,
    officeId,
    networkId: network.id,
    roles,
    assignments: [{ officeId, role: roles[0]! }],
    session: { tokenHash: '', csrfToken: '' },
  });
  const office = () => offices[rand(offices.length)]!.id;
  type Case = { kind: string; who: Actor; query: Record<string, string | string[]> };
  const cases: Case[] = [];
  for (let i = 0; i < RUNS; i++) {
    const who = actor(['consultant'], office());
    cases.push({ kind: 'office + skills + radius', who, query: { radiusKm: String([10, 20, 30][rand(3)]) } });
    cases.push({ kind: 'office + own commute', who, query: {} });
    cases.push({ kind: 'office + 3 of 7 skills', who, query: { minSkills: '3', radiusKm: '40' } });
    cases.push({ kind: 'network + radius 15', who: actor(['matcher'], carpi), query: { network: 'true', radiusKm: '15' } });
    cases.push({ kind: 'office, CIGS order, page 3', who, query: { sort: 'cigs_end', radiusKm: '25', offset: '50' } });
  }
  const sampleIds = (await db.selectFrom('workers').select('id').orderBy('id').limit(500).execute()).map((r) => r.id);

  const timings = new Map<string, number[]>();
  const sizes = new Map<string, number[]>();
  const all: number[] = [];
  const run = async (c: Case) => {
    const q = candidateQuerySchema.parse(c.query);
    const started = performance.now();
    const page = await search.search({ actor: c.who, requestId: 'bench', ip: '127.0.0.1' }, vacancy.id, q);
    return { page, ms: performance.now() - started };
  };
  for (const c of cases.slice(0, 10)) await run(c); // warm-up: catalogues, plans, the comuni remembered
  for (const c of cases) {
    const { ms, page } = await run(c);
    all.push(ms);
    timings.set(c.kind, [...(timings.get(c.kind) ?? []), ms]);
    sizes.set(c.kind, [...(sizes.get(c.kind) ?? []), page.total]);
  }
  const baseline: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await db
      .selectFrom('workers')
      .select(['id', 'first_name', 'last_name'])
      .where('id', '=', sampleIds[rand(sampleIds.length)]!)
      .executeTakeFirst();
    baseline.push(performance.now() - started);
  }
  const line = (label: string, values: number[], extra = '') => {
    const sorted = [...values].sort((a, b) => a - b);
    const f = (p: number) => percentile(sorted, p).toFixed(1).padStart(7);
    return `  ${label.padEnd(28)} n=${String(values.length).padStart(3)}  p50 ${f(50)} ms  p95 ${f(95)} ms  p99 ${f(99)} ms  max ${sorted.at(-1)!.toFixed(1).padStart(7)} ms${extra}`;
  };
  console.log(
    `candidate search over ${WORKERS.toLocaleString('en')} profiles (${ENGINE}, service call, 25 per page), target p95 ≤ 100 ms on PostgreSQL`,
  );
  for (const [kind, values] of timings) {
    const n = sizes.get(kind)!.sort((a, b) => a - b);
    console.log(line(kind, values, `  candidates ${n[0]}–${n.at(-1)}`));
  }
  console.log(line('ALL', all));
  console.log(line('baseline: worker by id', baseline));
  console.log(`load average at the end: ${load()}`);
} finally {
  await database.close();
  if (admin) {
    if (process.env.BENCH_KEEP !== '1' && !reuse) await admin.execScript(`drop database ${name}`);
    await admin.close();
  }
}
