// Type-ahead timing over the whole taxonomy: `npx tsx bench/taxonomy-search.bench.ts`
// (PGlite in memory; BENCH_DATABASE_URL=postgres://… adds PostgreSQL). 200 queries, each timed
// around the service call and through the HTTP stack (app.inject), after one warm-up pass.
import { readFile } from 'node:fs/promises';
import { buildApp } from '../src/server/app.js';
import { migrate } from '../src/server/db/migrate.js';
import { DEMO_PASSWORD } from '../src/server/demo/demo-organisation.js';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import { escoFiles } from '../src/server/taxonomy/import/esco-first-start.js';
import { importEsco, readEscoZips } from '../src/server/taxonomy/import/esco-import.js';
import { createSearchService } from '../src/server/taxonomy/search.service.js';
import { createTaxonomyRepository, type SearchGroup } from '../src/server/taxonomy/taxonomy.repository.js';
import { ms, openBenchDatabases, percentile } from './taxonomy-bench-db.js';
import { BENCH_QUERIES, type BenchKind } from './taxonomy-queries.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const GROUP: Record<BenchKind, SearchGroup> = {
  occupations: 'occupation',
  skills: 'skill',
  sectors: 'sector',
  comuni: 'comune',
  education: 'education',
  ccnl: 'ccnl',
};

function summary(label: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(34)} p50 ${ms(percentile(sorted, 50))}   p95 ${ms(percentile(sorted, 95))}   max ${ms(sorted.at(-1) ?? 0)}   (${sorted.length} queries)`,
  );
}

process.env.NODE_ENV ??= 'test'; // no first-start ESCO job: the benchmark loads ESCO itself
for (const open of await openBenchDatabases()) {
  const bench = await open();
  try {
    const { database } = bench;
    await migrate(database);
    await seedDemo(database);
    const files = escoFiles('v1.1.1');
    await importEsco(database, { ...(await readEscoZips([files.classification, files.relations])), version: 'v1.1.1' });
    const isco = await readFile(files.iscoItalian);
    await importEsco(database, {
      version: 'v1.1.1',
      classification: { name: 'ISCOGroups_it.csv', bundle: new Map([['ISCOGroups_it.csv', isco]]), partial: true },
    });
    const labels = await database.db
      .selectFrom('taxonomy_labels')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();

    const search = createSearchService({ db: database.db, repository: createTaxonomyRepository() });
    const app = await buildApp({ database, logLevel: 'silent' });
    await app.ready();
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'sportello@ricolloca.example', password: DEMO_PASSWORD },
    });
    const cookie = signIn.cookies.find((c) => c.name === 'ricolloca_session')!;
    const headers = { cookie: `ricolloca_session=${cookie.value}` };

    const service: number[] = [];
    const serviceCpu: number[] = [];
    const http: number[] = [];
    const byKind = new Map<BenchKind, number[]>();
    const slowest: Array<[number, string]> = [];
    let empty = 0;
    for (let round = 0; round <= ROUNDS; round++) {
      for (const { kind, q, lang } of BENCH_QUERIES) {
        let started = performance.now();
        const cpu = process.cpuUsage();
        const items = await search.search(GROUP[kind], { q, limit: 10, lang });
        const serviceMs = performance.now() - started;
        const cpuUsed = process.cpuUsage(cpu);
        started = performance.now();
        const res = await app.inject({ method: 'GET', url: `/api/v1/taxonomy/${kind}?q=${encodeURIComponent(q)}&lang=${lang}`, headers });
        const httpMs = performance.now() - started;
        if (res.statusCode !== 200) throw new Error(`${kind} ${q}: ${res.statusCode} ${res.body}`);
        if (round === 0) {
          if (items.length === 0) empty += 1;
          continue; // warm-up
        }
        service.push(serviceMs);
        serviceCpu.push((cpuUsed.user + cpuUsed.system) / 1000);
        http.push(httpMs);
        byKind.set(kind, [...(byKind.get(kind) ?? []), serviceMs]);
        slowest.push([serviceMs, `${kind} "${q}"`]);
      }
    }
    await app.close();

    const [load1] = (await import('node:os')).loadavg();
    console.log(
      `\n${bench.label}: ${Number(labels.n).toLocaleString('en')} labels, ${BENCH_QUERIES.length} queries × ${ROUNDS} rounds (${empty} with no result); ` +
        `load average ${load1!.toFixed(1)} on ${(await import('node:os')).cpus().length} CPUs`,
    );
    summary('service (search use case)', service);
    // On PGlite the database runs in this process, so this is the whole search's work without the
    // time spent waiting for a CPU; on PostgreSQL it leaves out the server's share.
    summary('service, CPU time of this process', serviceCpu);
    summary('HTTP via app.inject (with auth)', http);
    for (const [kind, samples] of byKind) summary(`  service, ${kind}`, samples);
    slowest.sort((a, b) => b[0] - a[0]);
    console.log(
      `  slowest: ${slowest
        .slice(0, 6)
        .map(([t, q]) => `${q} ${t.toFixed(1)} ms`)
        .join('; ')}`,
    );
  } finally {
    await bench.dispose();
  }
}
