// Sign-in throttling under a burst of concurrent guesses, against real server processes over HTTP:
//   - 400 concurrent wrong passwords at one account (from 127.0.0.2),
//   - 400 concurrent guesses spread over 50 accounts from one address (127.0.0.3),
//   - the right password sent as the 40th of 40 concurrent guesses at one account (127.0.0.4).
// For each: the answers (401 = the password was verified, 429 = refused before verifying) and the
// `auth.sign_in_failed` rows of the audit log, counted in the database after the burst. Limits:
// 5 verified per account, 30 per address per 15 minutes. On PostgreSQL the burst is split over two
// server processes on one database (two instances); on PGlite one process owns the data directory.
// These are counts, not speeds: no baseline is needed. BENCH_ONLY=pglite|postgres runs one database.
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/server/db/schema.js';
import { openDatabase } from '../src/server/db/database.js';
import { createBenchDatabase, freePort, startAndWait, stop } from './lib.js';

const ONLY = process.env.BENCH_ONLY;
const PASSWORD = 'Demo.Modena.2026';
const ACCOUNTS = [
  'admin@ricolloca.example',
  'coordinatore@ricolloca.example',
  'orientatrice@ricolloca.example',
  'sportello@ricolloca.example',
  'incontro@ricolloca.example',
];

/** One sign-in from a chosen loopback address (the throttle counts per address). */
function signIn(port: number, from: string, email: string, password: string): Promise<number> {
  const body = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        localAddress: from,
        method: 'POST',
        path: '/api/v1/auth/sign-in',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        agent: false,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const tally = (codes: number[]) => {
  const counts = new Map<number, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([code, n]) => `${n}×${code}`)
    .join(', ');
};

async function burst(ports: number[]) {
  const pick = (i: number) => ports[i % ports.length]!;
  const oneAccount = await Promise.all(
    Array.from({ length: 400 }, (_, i) => signIn(pick(i), '127.0.0.2', 'sportello@ricolloca.example', `Ghirlandina.${i}`)),
  );
  const guesses = [...Array.from({ length: 39 }, (_, i) => `Tortellini.${i}`), PASSWORD];
  const fortieth = await Promise.all(guesses.map((g, i) => signIn(pick(i), '127.0.0.4', 'coordinatore@ricolloca.example', g)));
  const fifty = [...ACCOUNTS, ...Array.from({ length: 45 }, (_, i) => `utente.${i}@ricolloca.example`)];
  const manyAccounts = await Promise.all(
    Array.from({ length: 400 }, (_, i) => signIn(pick(i), '127.0.0.3', fifty[i % 50]!, `Secchia.${i}`)),
  );
  return { oneAccount, manyAccounts, fortieth };
}

async function report(label: string, result: Awaited<ReturnType<typeof burst>>, count: (ip: string) => Promise<number>) {
  console.log(`\n${label}`);
  console.log(
    `  400 wrong passwords, one account:          ${tally(result.oneAccount)}; verified (audit rows): ${await count('127.0.0.2')} (limit 5)`,
  );
  console.log(
    `  400 guesses over 50 accounts, one address: ${tally(result.manyAccounts)}; verified (audit rows): ${await count('127.0.0.3')} (limit 30)`,
  );
  console.log(
    `  right password as guess 40 of 40:          answered ${result.fortieth[39]} (${tally(result.fortieth)}); verified (audit rows): ${await count('127.0.0.4')} (limit 5)`,
  );
}

/** Failed sign-ins recorded from one address: each one is a verified password. */
async function failuresIn(db: Kysely<DB>, ip: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log
    where action = 'auth.sign_in_failed' and ip = ${ip}`.execute(db);
  return rows[0]!.n;
}

async function onPostgres() {
  const bench = await createBenchDatabase('rc_bench_signin');
  if (!bench) return console.log('\nPostgreSQL: no server on BENCH_DATABASE_URL, skipped');
  const children = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < 2; i += 1) {
      const port = await freePort();
      const { child } = await startAndWait(
        process.execPath,
        ['bin/ricolloca.mjs', 'serve', '--demo', '--port', String(port)],
        { ...process.env, DATABASE_URL: bench.url, LOG_LEVEL: 'warn', ESCO_AUTO_IMPORT: 'false' },
        `http://127.0.0.1:${port}/api/health`,
        120_000,
      );
      children.push(child);
      ports.push(port);
    }
    const result = await burst(ports);
    const database = await openDatabase({ url: bench.url, poolSize: 1 });
    try {
      await report('PostgreSQL, two server processes on one database', result, (ip) => failuresIn(database.db, ip));
    } finally {
      await database.close();
    }
  } finally {
    for (const child of children) await stop(child);
    await bench.drop();
  }
}

async function onPGlite() {
  const dataDir = mkdtempSync(join(tmpdir(), 'ricolloca-bench-signin-'));
  try {
    const port = await freePort();
    const { child } = await startAndWait(
      process.execPath,
      ['bin/ricolloca.mjs', 'serve', '--demo', '--port', String(port), '--data-dir', dataDir],
      { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ESCO_AUTO_IMPORT: 'false' },
      `http://127.0.0.1:${port}/api/health`,
      120_000,
    );
    let result;
    try {
      result = await burst([port]);
    } finally {
      await stop(child);
    }
    const database = await openDatabase({ dataDir: join(dataDir, 'pgdata') });
    try {
      await report('PGlite, one server process', result, (ip) => failuresIn(database.db, ip));
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (ONLY !== 'pglite') await onPostgres();
if (ONLY !== 'postgres') await onPGlite();
