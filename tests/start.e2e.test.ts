import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/server/demo/demo-organisation.js';
import { DEMO } from './helpers/test-app.js';

// `npm start` as a user runs it: the built server bundle, PGlite in a data directory of its own.
const parent = mkdtempSync(join(tmpdir(), 'ricolloca-start-'));
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(parent, { recursive: true, force: true });
});

function start(port: number) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '', ESCO_AUTO_IMPORT: 'false', LOG_LEVEL: 'warn' };
  delete env.VITEST;
  delete env.NODE_ENV;
  const child = spawn(process.execPath, ['scripts/start.mjs', '--port', String(port), '--data-dir', join(parent, 'data')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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

describe('npm start', () => {
  it('serves the first page at once, gets ready with the demo, refuses a second server on the same data, and restarts', async () => {
    const port = 39_000 + (process.pid % 1000);
    const base = `http://127.0.0.1:${port}`;
    const first = start(port);
    const html = await until('first page', async () => {
      const res = await fetch(`${base}/`);
      return res.ok ? res.text() : undefined;
    });
    expect(html).toContain('<div id="root">');
    await until('API ready', async () => ((await fetch(`${base}/api/health`)).status === 200 ? true : undefined));
    await until('ready message', async () => (first.out.text.includes('Ricolloca is ready') ? true : undefined), 5000);
    expect(first.out.text).toContain(`http://localhost:${port}`);
    expect(first.out.text).toContain('Demo data loaded on this first start.');
    for (const email of Object.values(DEMO)) expect(first.out.text).toContain(email);

    const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO.consultant, password: DEMO_PASSWORD }),
    });
    expect(signIn.status).toBe(200);

    // A second server on the same data directory would corrupt it: it stops with a clear message.
    const second = start(port + 1);
    expect(await second.exited).not.toBe(0);
    expect(second.out.text).toMatch(/in use by the Ricolloca process \d+/);

    expect(await stopped(first)).toBe(0);
    const again = start(port);
    await until('API ready after restart', async () => ((await fetch(`${base}/api/health`)).status === 200 ? true : undefined));
    await until(
      'ready message after restart',
      async () => (again.out.text.includes('Demo data already present.') ? true : undefined),
      5000,
    );
    expect(await stopped(again)).toBe(0);
  }, 180_000);
});
