// Reads under 50 concurrent connections, in one run, each figure beside a bare Fastify server
// measured in the same run (the machine is shared: only the ratio is comparable across runs):
//   - Fastify alone answering constant JSON (the baseline, 1.00),
//   - the product's /api/health,
//   - the authenticated GET /api/v1/offices/:id,
//   - the authenticated, audited GET /api/v1/workers/:id, rotating over every worker of the
//     signed-in consultant's office (each answer writes and commits its audit row first).
// On PostgreSQL and on PGlite. Targets (PostgreSQL): worker read ≥ 6,000 req/s or ≥ 0.12 of the
// baseline with p99 ≤ 50 ms; office read ≥ 10,000 req/s.
// After the runs, a fixed number of worker reads checks the audit log: exactly one `worker.read`
// row per 2xx answer (counted in the database before and after, the server stopped).
// The server runs in its own process (as in production); autocannon runs in this one.
// BENCH_DURATION (seconds per figure, default 10); BENCH_DATABASE_URL as in bench/README.md;
// BENCH_ONLY=pglite|postgres runs one database only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openDatabase, type Database } from '../src/server/db/database.js';
import { createBenchDatabase, freePort, listAll, signInAs, startAndWait, stop, thousands, type BenchSession } from './lib.js';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 50;
const VERIFY_READS = 5_000;
const ONLY = process.env.BENCH_ONLY;

interface Figure {
  reqPerSec: number;
  p50: number;
  p99: number;
  total: number;
  ok: number;
  non2xx: number;
}

let baseline = 0;

async function load(options: autocannon.Options): Promise<Figure> {
  const result = await autocannon({ connections: CONNECTIONS, ...options });
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

function print(label: string, f: Figure) {
  const ratio = baseline > 0 ? (f.reqPerSec / baseline).toFixed(3) : '—';
  console.log(
    `${label.padEnd(46)} ${thousands(f.reqPerSec).padStart(7)} req/s  ${ratio.padStart(5)} of baseline  ` +
      `p50 ${String(f.p50).padStart(3)} ms  p99 ${String(f.p99).padStart(4)} ms  (${thousands(f.total)} requests, ${f.non2xx} non-2xx/errors)`,
  );
  return f;
}

/** A warm-up of 2 s, then the measured run. */
async function measure(label: string, options: autocannon.Options): Promise<Figure> {
  await load({ ...options, duration: 2 });
  return print(label, await load({ ...options, duration: DURATION_S }));
}

/** For scale: Fastify alone answering a constant JSON object, in its own process, on this machine now. */
async function measureBaseline() {
  const port = await freePort();
  const script = `const app = (await import('fastify')).default(); app.get('/', async () => ({ hello: 'world' })); await app.listen({ port: ${port}, host: '127.0.0.1' });`;
  const { child } = await startAndWait(process.execPath, ['--input-type=module', '-e', script], process.env, `http://127.0.0.1:${port}/`);
  try {
    const url = `http://127.0.0.1:${port}/`;
    await load({ url, duration: 2 });
    const f = await load({ url, duration: DURATION_S });
    baseline = f.reqPerSec;
    print('Fastify constant JSON (baseline)', f);
  } finally {
    await stop(child);
  }
}

/** Rotates over `paths`, one after the other, on every connection. */
function rotating(base: string, paths: string[], headers: Record<string, string>): autocannon.Options {
  let next = 0;
  return {
    url: base,
    headers,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          request.path = paths[next++ % paths.length]!;
          return request;
        },
      },
    ],
  };
}

async function countWorkerReads(open: () => Promise<Database>): Promise<number> {
  const database = await open();
  try {
    const row = await database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'worker.read')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await database.close();
  }
}

async function measureProduct(label: string, databaseUrl: string, dataDir: string, open: () => Promise<Database>) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const start = () =>
    startAndWait(
      process.execPath,
      ['bin/ricolloca.mjs', 'serve', '--demo', '--port', String(port), '--data-dir', dataDir],
      { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', ESCO_AUTO_IMPORT: 'false' },
      `${base}/api/health`,
      120_000,
    );
  let { child } = await start();
  try {
    const session: BenchSession = await signInAs(base, 'orientatrice@ricolloca.example');
    const headers = { cookie: session.cookie };
    const officeUrl = `${base}/api/v1/offices/${session.officeId}`;
    const check = await fetch(officeUrl, { headers });
    if (check.status !== 200) throw new Error(`GET ${officeUrl} answered ${check.status}`);
    const workers = await listAll<{ id: string }>(base, `/api/v1/workers?officeId=${session.officeId}`, session);
    if (workers.length < 50) throw new Error(`only ${workers.length} workers in the consultant's office`);
    const workerPaths = workers.map((w) => `/api/v1/workers/${w.id}`);

    await measure(`${label} GET /api/health`, { url: `${base}/api/health` });
    await measure(`${label} GET /api/v1/offices/:id`, { url: officeUrl, headers });
    await measure(`${label} GET /api/v1/workers/:id (audited, ${workers.length} ids)`, rotating(base, workerPaths, headers));

    // Exactly one audit row per answered read: counted with the server stopped, before and after.
    await stop(child);
    const before = await countWorkerReads(open);
    ({ child } = await start());
    const verify = await load({ ...rotating(base, workerPaths, headers), amount: VERIFY_READS, timeout: 120 });
    await stop(child);
    const after = await countWorkerReads(open);
    const exact = after - before === verify.ok;
    console.log(
      `${label} audit check: ${thousands(verify.ok)} worker reads answered 2xx (${verify.non2xx} other), ` +
        `${thousands(after - before)} worker.read rows added: ${exact ? 'exactly one per read' : 'MISMATCH'}`,
    );
    if (!exact) process.exitCode = 1;
  } finally {
    await stop(child);
  }
}

console.log(
  `GET under ${CONNECTIONS} connections, ${DURATION_S} s per figure after a 2 s warm-up; ratio = req/s ÷ the baseline's req/s in this run.\n` +
    'Targets on PostgreSQL: worker read ≥ 6,000 req/s or ≥ 0.12 of the baseline, p99 ≤ 50 ms; office read ≥ 10,000 req/s.',
);
await measureBaseline();

const dataDir = mkdtempSync(join(tmpdir(), 'ricolloca-bench-http-'));
try {
  if (ONLY !== 'postgres') await measureProduct('PGlite', '', dataDir, () => openDatabase({ dataDir: join(dataDir, 'pgdata') }));
  if (ONLY !== 'pglite') {
    const bench = await createBenchDatabase('ricolloca_bench_http');
    if (!bench) console.log('PostgreSQL skipped: no server at BENCH_DATABASE_URL');
    else {
      try {
        await measureProduct('PostgreSQL', bench.url, dataDir, () => openDatabase({ url: bench.url, poolSize: 1 }));
      } finally {
        await bench.drop();
      }
    }
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
