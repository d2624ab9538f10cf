// A realistic operator mix on PostgreSQL: 50 connections for 60 s (BENCH_DURATION to shorten),
// each picking its next request by weight, as the job centre's staff use the product:
//   worker list page 20%, name search ("barbieri", "de luca", …) 15%, worker page 30%,
//   worker timeline 17%, hotline lookup of a caller by phone 10%, an enrolment moved one step
//   forward (POST with the CSRF token) 8%.
// Prints throughput (and as a ratio of bare Fastify driven by the same client loops in the same run),
// p50/p95/p99 per request type, and the 5xx count (target: zero).
// The demo data (about 700 workers) is enough; the server runs in its own process.
// Requests go through Node's fetch (keep-alive; one connection per loop at most).
// BENCH_DATABASE_URL as in bench/README.md (a fresh database is created and dropped).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBenchDatabase, freePort, listAll, signInAs, startAndWait, stop, thousands, type BenchSession } from './lib.js';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 60);
const CONNECTIONS = 50;

const SEARCHES = ['barbieri', 'de luca', "d'angelo", 'rossi', 'ferrari', 'esposito', 'bianchi', 'marino'];
/** One step forward for an enrolment in each state (moves the mix makes; reasons are not needed). */
const NEXT_STATE: Record<string, string> = {
  eligible: 'contacted',
  contacted: 'registered',
  registered: 'assessed',
  assessed: 'enrolled',
  enrolled: 'placed',
};

interface Sample {
  ms: number[];
  status: Map<number, number>;
}

/** The same client loops against bare Fastify answering constant JSON, for scale on this machine now. */
async function baselineReqPerSec(seconds: number): Promise<number> {
  const port = await freePort();
  const script = `const app = (await import('fastify')).default(); app.get('/', async () => ({ hello: 'world' })); await app.listen({ port: ${port}, host: '127.0.0.1' });`;
  const { child } = await startAndWait(process.execPath, ['--input-type=module', '-e', script], process.env, `http://127.0.0.1:${port}/`);
  try {
    let count = 0;
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < until) {
          await (await fetch(`http://127.0.0.1:${port}/`)).arrayBuffer();
          count++;
        }
      }),
    );
    return count / seconds;
  } finally {
    await stop(child);
  }
}

const BASELINE_S = Math.min(10, DURATION_S);
const baseline = await baselineReqPerSec(BASELINE_S);
console.log(`Fastify constant JSON through the same client (baseline): ${thousands(baseline)} req/s over ${BASELINE_S} s`);

const bench = await createBenchDatabase('ricolloca_bench_mix');
if (!bench) {
  console.log('operator mix skipped: no PostgreSQL server at BENCH_DATABASE_URL');
  process.exit(0);
}
const dataDir = mkdtempSync(join(tmpdir(), 'ricolloca-bench-mix-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const { child } = await startAndWait(
  process.execPath,
  ['bin/ricolloca.mjs', 'serve', '--demo', '--port', String(port), '--data-dir', dataDir],
  { ...process.env, DATABASE_URL: bench.url, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', ESCO_AUTO_IMPORT: 'false' },
  `${base}/api/health`,
  120_000,
);

try {
  const session: BenchSession = await signInAs(base, 'orientatrice@ricolloca.example');
  const workers = await listAll<{ id: string; phone: string | null; firstName: string; lastName: string }>(
    base,
    `/api/v1/workers?officeId=${session.officeId}`,
    session,
  );
  const callers = workers.filter((w) => w.phone);
  const programmes = (
    (await (await fetch(`${base}/api/v1/programmes`, { headers: { cookie: session.cookie } })).json()) as {
      items: Array<{ id: string }>;
    }
  ).items;
  const movable: Array<{ id: string; state: string }> = [];
  for (const p of programmes) {
    for (let offset = 0; ; offset += 200) {
      const page = (await (
        await fetch(`${base}/api/v1/programmes/${p.id}/enrollments?limit=200&offset=${offset}`, { headers: { cookie: session.cookie } })
      ).json()) as { items: Array<{ id: string; state: string; officeId: string }>; total: number };
      movable.push(...page.items.filter((e) => e.officeId === session.officeId && NEXT_STATE[e.state]));
      if (offset + 200 >= page.total) break;
    }
  }
  console.log(
    `Operator mix on PostgreSQL, ${CONNECTIONS} connections, ${DURATION_S} s: ${workers.length} workers of the consultant's office, ` +
      `${callers.length} with a phone, ${movable.length} enrolments that can move forward`,
  );

  const get = { cookie: session.cookie };
  const post = { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };
  const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;
  type Action = () => Promise<Response | null>;
  const actions: Array<[name: string, weight: number, run: Action]> = [
    ['worker list page', 20, () => fetch(`${base}/api/v1/workers?limit=25`, { headers: get })],
    ['name search', 15, () => fetch(`${base}/api/v1/workers?limit=25&q=${encodeURIComponent(pick(SEARCHES))}`, { headers: get })],
    ['worker page', 30, () => fetch(`${base}/api/v1/workers/${pick(workers).id}`, { headers: get })],
    ['worker timeline', 17, () => fetch(`${base}/api/v1/workers/${pick(workers).id}/timeline`, { headers: get })],
    [
      'hotline lookup by phone',
      10,
      () => {
        const w = pick(callers);
        return fetch(`${base}/api/v1/hotline/matches`, {
          method: 'POST',
          headers: post,
          body: JSON.stringify({ name: `${w.firstName} ${w.lastName}`, phone: w.phone }),
        });
      },
    ],
    [
      'enrolment move',
      8,
      async () => {
        const e = movable.shift();
        if (!e) return null;
        const to = NEXT_STATE[e.state]!;
        const res = await fetch(`${base}/api/v1/enrollments/${e.id}/transitions`, {
          method: 'POST',
          headers: post,
          body: JSON.stringify({ to }),
        });
        if (res.status === 200 && NEXT_STATE[to]) movable.push({ id: e.id, state: to });
        return res;
      },
    ],
  ];
  const totalWeight = actions.reduce((s, [, w]) => s + w, 0);
  const samples = new Map<string, Sample>(actions.map(([name]) => [name, { ms: [], status: new Map() }]));
  const choose = () => {
    let r = Math.random() * totalWeight;
    for (const a of actions) if ((r -= a[1]) < 0) return a;
    return actions[0]!;
  };

  const until = performance.now() + DURATION_S * 1000;
  let errors = 0;
  let skipped = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const [name, , run] = choose();
        const started = performance.now();
        try {
          const res = await run();
          if (!res) {
            skipped++;
            continue;
          }
          await res.arrayBuffer();
          const sample = samples.get(name)!;
          sample.ms.push(performance.now() - started);
          sample.status.set(res.status, (sample.status.get(res.status) ?? 0) + 1);
        } catch {
          errors++;
        }
      }
    }),
  );

  const pct = (sorted: number[], p: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
  let total = 0;
  let fivexx = 0;
  console.log(`${'request'.padEnd(26)} ${'count'.padStart(7)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)}  statuses`);
  for (const [name, s] of samples) {
    const sorted = s.ms.slice().sort((a, b) => a - b);
    total += sorted.length;
    for (const [status, n] of s.status) if (status >= 500) fivexx += n;
    const statuses = [...s.status].map(([status, n]) => `${status}×${n}`).join(' ');
    console.log(
      `${name.padEnd(26)} ${thousands(sorted.length).padStart(7)} ${pct(sorted, 50).toFixed(0).padStart(5)} ms ${pct(sorted, 95)
        .toFixed(0)
        .padStart(5)} ms ${pct(sorted, 99).toFixed(0).padStart(5)} ms  ${statuses}`,
    );
  }
  console.log(
    `throughput ${thousands(total / DURATION_S)} req/s, ${(total / DURATION_S / baseline).toFixed(3)} of the baseline (${thousands(total)} requests); 5xx: ${fivexx}; network errors: ${errors}; ` +
      `moves skipped (no enrolment left to move): ${skipped}`,
  );
  if (fivexx > 0 || errors > 0) process.exitCode = 1;
} finally {
  await stop(child);
  await bench.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
