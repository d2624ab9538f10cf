// The skill gap of a worker against an ESCO occupation, over the full ESCO v1.1.1 relations the
// product ships and a catalogue of 500 courses: `npx tsx bench/skill-gap.bench.ts` (PostgreSQL on
// BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres, in a database of its own;
// BENCH_PGLITE=1 adds PGlite in memory). Each request is GET /api/v1/workers/:id/skill-gap through
// the HTTP stack (app.inject) as a consultant, for the 60 occupations with most skills (up to 340)
// in turn: the session, then three round trips in a row — the worker, the occupation's skills with
// every label (one statement) and the profile's skills together; the hierarchy (one statement),
// the labels of the worker's skills and the catalogue together; the audit row. The profile and the
// catalogue are stand-ins (a worker holding a fifth of the skills, 500 generated courses), so the
// figure is the taxonomy reads, the ranking and the HTTP stack. Baseline in the same run: a bare
// indexed lookup of one ESCO concept by URI; on this shared machine compare the ratio to it.
// Target: p95 ≤ 50 ms on PostgreSQL.
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.js';
import { migrate } from '../src/server/db/migrate.js';
import { DEMO_PASSWORD } from '../src/server/demo/demo-organisation.js';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import type { CourseOffer, SkillGapSources } from '../src/server/skillgap/index.js';
import { escoFiles } from '../src/server/taxonomy/import/esco-first-start.js';
import { importEsco, readEscoZips } from '../src/server/taxonomy/import/esco-import.js';
import { ms, openBenchDatabases, percentile } from './taxonomy-bench-db.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const OCCUPATIONS = 60;
const COURSES = 500;

process.env.NODE_ENV ??= 'test'; // no first-start ESCO job: the benchmark loads ESCO itself
process.env.BENCH_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

function line(label: string, samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(40)} p50 ${ms(percentile(s, 50))}   p95 ${ms(percentile(s, 95))}   p99 ${ms(percentile(s, 99))}   (${s.length})`,
  );
}

/** A deterministic pseudo-random sequence, so two runs time the same catalogue. */
function random(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

const openers = await openBenchDatabases();
// PGlite is opt-in here: the target is PostgreSQL's.
for (const open of process.env.BENCH_PGLITE ? openers : openers.slice(1)) {
  const bench = await open();
  try {
    const { database } = bench;
    const { db } = database;
    await migrate(database);
    await seedDemo(database);
    const files = escoFiles('v1.1.1');
    let started = performance.now();
    await importEsco(database, { ...(await readEscoZips([files.classification, files.relations])), version: 'v1.1.1' });
    const relations = await db
      .selectFrom('esco_occupation_skills')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(
      `\n${bench.label}: ESCO v1.1.1 loaded in ${((performance.now() - started) / 1000).toFixed(0)} s, ${relations.n} occupation–skill relations`,
    );

    // Occupations with many skills (the heavy cases), and a catalogue over their skills.
    const { rows: occupations } = await sql<{ uri: string }>`
      select o.uri from esco_occupation_skills r join taxonomy_concepts o on o.id = r.occupation_id
       group by o.uri order by count(*) desc, o.uri limit ${OCCUPATIONS}`.execute(db);
    const { rows: skills } = await sql<{ uri: string }>`
      select distinct s.uri from esco_occupation_skills r
        join taxonomy_concepts s on s.id = r.skill_id
        join taxonomy_concepts o on o.id = r.occupation_id
       where o.uri = any(${occupations.map((o) => o.uri)}::text[]) order by s.uri`.execute(db);
    const next = random(42);
    const catalogue: CourseOffer[] = Array.from({ length: COURSES }, (_, i) => ({
      id: `corso-${i}`,
      title: `Corso ${i + 1}`,
      providerName: 'Ente di formazione Cesvip Modena',
      hours: 8 * (1 + Math.floor(next() * 40)),
      seatsLeft: 12,
      startDate: `2099-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      enrolmentOpen: i % 7 === 0,
      enrolmentDeadline: null,
      skillUris: Array.from({ length: 2 + Math.floor(next() * 8) }, () => skills[Math.floor(next() * skills.length)]!.uri),
    }));
    // A worker who already has a fifth of those skills.
    const held = new Set(skills.filter((_, i) => i % 5 === 0).map((s) => s.uri));
    const sources: SkillGapSources = {
      profileSkillUris: async () => held,
      // Stands in for training's query: the courses teaching any of the skills asked for.
      coursesTeachingSkills: async (_db, { skillUris }) => {
        const wanted = new Set(skillUris);
        return catalogue.filter((c) => c.skillUris.some((u) => wanted.has(u)));
      },
    };

    const app = await buildApp({ database, logLevel: 'silent', skillGapSources: sources });
    await app.ready();
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'orientatrice@ricolloca.example', password: DEMO_PASSWORD },
    });
    const cookie = signIn.cookies.find((c) => c.name === 'ricolloca_session')!;
    const headers = { cookie: `ricolloca_session=${cookie.value}` };
    const officeId = (await db.selectFrom('offices').select('id').where('code', '=', 'CPI-MO').executeTakeFirstOrThrow()).id;
    const workers = await db.selectFrom('workers').select('id').where('office_id', '=', officeId).orderBy('id').limit(20).execute();

    const baseline: number[] = [];
    const gap: number[] = [];
    let missing = 0;
    let courses = 0;
    for (let i = -20; i < REQUESTS; i++) {
      const occupation = occupations[(i + 20) % occupations.length]!.uri;
      started = performance.now();
      await sql`select id from taxonomy_concepts where uri = ${occupation}`.execute(db);
      const base = performance.now() - started;
      started = performance.now();
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/workers/${workers[(i + 20) % workers.length]!.id}/skill-gap?occupation=${encodeURIComponent(occupation)}`,
        headers,
      });
      const took = performance.now() - started;
      if (res.statusCode !== 200) throw new Error(`skill gap: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (i < 0) continue; // warm-up
      const body = res.json() as { missingEssential: unknown[]; missingOptional: unknown[]; courses: unknown[] };
      missing += body.missingEssential.length + body.missingOptional.length;
      courses += body.courses.length;
      baseline.push(base);
      gap.push(took);
    }
    line('baseline: one ESCO concept by URI', baseline);
    line('GET /workers/:id/skill-gap', gap);
    const p = (xs: number[], q: number) =>
      percentile(
        [...xs].sort((a, b) => a - b),
        q,
      );
    console.log(
      `  ratio to the baseline: p50 ${(p(gap, 50) / p(baseline, 50)).toFixed(1)}×, p95 ${(p(gap, 95) / p(baseline, 95)).toFixed(1)}×`,
    );
    console.log(
      `  ${OCCUPATIONS} occupations (the ones with most skills), ${COURSES} courses; per answer on average ` +
        `${(missing / gap.length).toFixed(0)} missing skills, ${(courses / gap.length).toFixed(0)} courses ranked`,
    );
    await app.close();
  } finally {
    await bench.dispose();
  }
}
