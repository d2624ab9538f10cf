// Authenticated GET of a small resource (one office) under 50 concurrent connections.
// Target: ≥ 3,000 requests/s on PostgreSQL on the 2-core reference machine; PGlite reported too.
// The server runs in its own process (as in production); autocannon runs in this one.
// PostgreSQL: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (a fresh database is created and dropped).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, startAndWait, stop } from './lib.js';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);

async function run(label: string, url: string, headers: Record<string, string>) {
  // Warm-up, then the measured run.
  await autocannon({ url, connections: 50, duration: 2, headers });
  const result = await autocannon({ url, connections: 50, duration: DURATION_S, headers });
  const non2xx = result.non2xx + result.errors;
  console.log(
    `${label.padEnd(42)} ${Math.round(result.requests.average).toString().padStart(6)} req/s average ` +
      `(p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms latency; ${result.requests.total} requests, ${non2xx} non-2xx/errors)`,
  );
}

/** For scale: Fastify alone answering a constant JSON object, in its own process, on this machine now. */
async function measureBaseline() {
  const port = await freePort();
  const script = `const app = (await import('fastify')).default(); app.get('/', async () => ({ hello: 'world' })); await app.listen({ port: ${port}, host: '127.0.0.1' });`;
  const { child } = await startAndWait(process.execPath, ['--input-type=module', '-e', script], process.env, `http://127.0.0.1:${port}/`);
  try {
    await run('Fastify constant JSON (baseline)', `http://127.0.0.1:${port}/`, {});
  } finally {
    await stop(child);
  }
}

async function measure(label: string, env: NodeJS.ProcessEnv, dataDir: string) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { child } = await startAndWait(
    process.execPath,
    ['bin/ricolloca.mjs', 'serve', '--port', String(port), '--data-dir', dataDir],
    { ...env, LOG_LEVEL: 'warn', ESCO_AUTO_IMPORT: 'false' },
    `${base}/api/health`,
  );
  try {
    const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'orientatrice@ricolloca.example', password: 'Demo.Modena.2026' }),
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const session = (await signIn.json()) as { currentOfficeId: string };
    const url = `${base}/api/v1/offices/${session.currentOfficeId}`;
    const check = await fetch(url, { headers: { cookie } });
    if (check.status !== 200) throw new Error(`GET ${url} answered ${check.status}`);
    await run(`${label} GET /api/v1/offices/:id`, url, { cookie });
    await run(`${label} GET /api/health`, `${base}/api/health`, {});
  } finally {
    await stop(child);
  }
}

console.log(`Authenticated GET /api/v1/offices/:id, 50 connections, ${DURATION_S} s, target ≥ 3,000 req/s on PostgreSQL`);
await measureBaseline();
const dataDir = mkdtempSync(join(tmpdir(), 'ricolloca-bench-http-'));
try {
  await measure('PGlite', { ...process.env, DATABASE_URL: '' }, dataDir);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const admin = new pg.Client({ connectionString: adminUrl });
try {
  await admin.connect();
} catch {
  console.log('PostgreSQL   skipped: no server at BENCH_DATABASE_URL');
  process.exit(0);
}
const name = `ricolloca_bench_${process.pid}`;
await admin.query(`create database ${name}`);
try {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await measure('PostgreSQL', { ...process.env, DATABASE_URL: url.toString() }, dataDir);
} finally {
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
