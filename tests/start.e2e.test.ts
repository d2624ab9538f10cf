import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../src/server/db/database.js';
import { DEMO_PASSWORD } from '../src/server/demo/index.js';
import { DEMO } from './helpers/test-app.js';

// `npm start` as a user runs it: the built server bundle, PGlite in a data directory of its own
// (or, for a real installation, PostgreSQL on the run's server when the suite runs on one).
const parent = mkdtempSync(join(tmpdir(), 'ricolloca-start-'));
const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups) await cleanup();
  rmSync(parent, { recursive: true, force: true });
});

let nextPort = 39_000 + ((process.pid * 7) % 900);

function start(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '', ESCO_AUTO_IMPORT: 'false', LOG_LEVEL: 'warn', ...extraEnv };
  delete env.VITEST;
  if (!('NODE_ENV' in extraEnv)) delete env.NODE_ENV;
  const child = spawn(process.execPath, ['scripts/start.mjs', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const out = { text: '' };
  child.stdout!.on('data', (d) => (out.text += d));
  child.stderr!.on('data', (d) => (out.text += d));
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
  return { child, out, exited };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopped(run: ReturnType<typeof start>) {
  run.child.kill('SIGTERM');
  return run.exited;
}

// Ready means migrated and the reference data loaded. Alone, an empty PostgreSQL database gets
// there in about 10 s; in CI the server is shared with e2e files copying their databases from
// templates while the browser tier runs beside them, and one first start took over 90 s there.
// The start-up's own speed is the first-start benchmark's subject, not this test's.
const READY_WITHIN_MS = 240_000;

async function ready(base: string, run: ReturnType<typeof start>) {
  const health = await until(
    'API ready',
    async () => {
      const res = await fetch(`${base}/api/health`);
      return res.status === 200 ? ((await res.json()) as { demo: boolean }) : undefined;
    },
    READY_WITHIN_MS,
  );
  await until('ready message', async () => (run.out.text.includes('Ricolloca is ready') ? true : undefined), 5000);
  return health;
}

const signIn = (base: string, email: string, password = DEMO_PASSWORD) =>
  fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

/** An address of this machine other than loopback, to check that nothing answers there. */
function outsideAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

describe('npm start', () => {
  it('serves the first page at once, gets ready with the demo, listens only on 127.0.0.1, refuses a second server on the same data, and restarts', async () => {
    const port = nextPort++;
    const base = `http://127.0.0.1:${port}`;
    const dataDir = join(parent, 'trial');
    const first = start(['--port', String(port), '--data-dir', dataDir]);
    const html = await until('first page', async () => {
      const res = await fetch(`${base}/`);
      return res.ok ? res.text() : undefined;
    });
    expect(html).toContain('<div id="root">');
    expect(await ready(base, first)).toMatchObject({ status: 'ok', demo: true });
    expect(first.out.text).toContain(`http://localhost:${port}`);
    expect(first.out.text).toContain('(on 127.0.0.1,');
    expect(first.out.text).toContain('Demo data loaded on this first start.');
    for (const email of Object.values(DEMO)) expect(first.out.text).toContain(email);
    expect(first.out.text).not.toContain('/primo-accesso');
    expect((await signIn(base, DEMO.consultant)).status).toBe(200);

    // Nothing answers on the machine's other addresses: HOST or --host would open them.
    const outside = outsideAddress();
    if (outside) await expect(fetch(`http://${outside}:${port}/api/health`)).rejects.toThrow();

    // A second server on the same data directory would corrupt it: it stops with a clear message.
    const second = start(['--port', String(nextPort++), '--data-dir', dataDir]);
    expect(await second.exited).not.toBe(0);
    expect(second.out.text).toMatch(/in use by the Ricolloca process \d+/);

    expect(await stopped(first)).toBe(0);
    const again = start(['--port', String(port), '--data-dir', dataDir]);
    // The demo stays the demo on a restart.
    expect(await ready(base, again)).toMatchObject({ demo: true });
    expect(again.out.text).toContain('Demo data already present.');
    expect(await stopped(again)).toBe(0);
  }, 600_000);

  it('starts again from the template after a process was killed while filling a new data directory', async () => {
    const dataDir = join(parent, 'interrupted');
    // What a kill -9 during the first seconds leaves: part of the directory, and the loading marker.
    mkdirSync(join(dataDir, 'pgdata', 'base'), { recursive: true });
    writeFileSync(join(dataDir, 'pgdata', 'PG_VERSION'), '17\n');
    writeFileSync(join(dataDir, 'pgdata.loading'), '999999');
    const port = nextPort++;
    const run = start(['--port', String(port), '--data-dir', dataDir]);
    expect(await ready(`http://127.0.0.1:${port}`, run)).toMatchObject({ status: 'ok', demo: true });
    expect(run.out.text).toContain('from the prepared template');
    expect(existsSync(join(dataDir, 'pgdata.loading'))).toBe(false);
    expect(await stopped(run)).toBe(0);
  }, 300_000);

  it('refuses TRUST_PROXY=true with a start-up error that says what to write', async () => {
    const run = start(['--port', String(nextPort++), '--data-dir', join(parent, 'proxy')], { TRUST_PROXY: 'true' });
    expect(await run.exited).not.toBe(0);
    expect(run.out.text).toContain('TRUST_PROXY=1 for one');
  }, 60_000);
});

// A real installation: no demo unless --demo, and the first-access link instead.
const installations: Array<{ name: string; args: () => Promise<string[]>; env: NodeJS.ProcessEnv }> = [
  {
    name: 'NODE_ENV=production on PGlite',
    args: async () => ['--data-dir', join(parent, 'production')],
    env: { NODE_ENV: 'production' },
  },
];
const pgAdminUrl = inject('pgAdminUrl');
if (pgAdminUrl) {
  installations.push({
    name: 'DATABASE_URL (PostgreSQL)',
    env: {},
    args: async () => {
      const name = `rc_start_${randomBytes(5).toString('hex')}`;
      const admin = await openDatabase({ url: pgAdminUrl, poolSize: 1 });
      await admin.execScript(`create database ${name}`);
      cleanups.push(async () => {
        await admin.execScript(`drop database if exists ${name} with (force)`);
        await admin.close();
      });
      const url = new URL(pgAdminUrl);
      url.pathname = `/${name}`;
      return ['--database-url', url.toString()];
    },
  });
}

describe.each(installations)('a real installation: $name', ({ args, env }) => {
  it('loads no demo and prints the one-time first-access link; with --demo the demo is loaded', async () => {
    const where = await args();
    const port = nextPort++;
    const base = `http://127.0.0.1:${port}`;
    const real = start(['--port', String(port), ...where], env);
    expect(await ready(base, real)).toMatchObject({ status: 'ok', demo: false });
    expect(real.out.text).not.toContain('Demo sign-in accounts');
    expect(real.out.text).not.toContain(DEMO_PASSWORD);
    expect((await signIn(base, DEMO.admin)).status).toBe(401);
    const token = new RegExp(`http://localhost:${port}/primo-accesso#([A-Za-z0-9_-]+)`).exec(real.out.text)?.[1];
    expect(token).toBeDefined();
    const check = await fetch(`${base}/api/v1/setup/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(check.status).toBe(200);
    expect(await stopped(real)).toBe(0);

    // Asked for explicitly, the demo is loaded into the still empty database.
    const demo = start(['--port', String(port), '--demo', ...where], env);
    expect(await ready(base, demo)).toMatchObject({ demo: true });
    expect(demo.out.text).toContain('Demo data loaded on this first start.');
    expect(demo.out.text).not.toContain('/primo-accesso');
    expect((await signIn(base, DEMO.admin)).status).toBe(200);
    expect(await stopped(demo)).toBe(0);
  }, 600_000);
});
