// `npm start` on a warm install (dependencies installed; the web app, the server bundle and the
// database template built by `npm ci`) with PGlite: time to the first served page, to a ready API
// (/api/health 200) and to a demo account's sign-in answering 200. Targets: first page ≤ 5 s;
// sign-in ≤ 10 s on a first start (empty data directory), ≤ 3 s on a restart.
// Baseline in the same run: a first start with DATABASE_TEMPLATE=off, which initialises PostgreSQL,
// runs every migration and loads the reference data in place (what every first start did before).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM script
import { ensureWebBuild } from '../scripts/web-build.mjs';
// @ts-expect-error plain ESM script
import { ensureServerBuild } from '../scripts/server-build.mjs';
import { DEMO_PASSWORD } from '../src/server/demo/index.js';
import { databaseTemplateIsUsable } from '../src/server/runtime.js';
import { freePort, startAndWait, stop } from './lib.js';

ensureWebBuild();
await ensureServerBuild();
if (!databaseTemplateIsUsable()) throw new Error('the database template is missing or stale: run `npm run build` first');

const base: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ESCO_AUTO_IMPORT: 'false' };
delete base.NODE_ENV;

async function until(what: string, started: number, probe: () => Promise<boolean>): Promise<number> {
  for (;;) {
    if (await probe().catch(() => false)) return performance.now() - started;
    if (performance.now() - started > 120_000) throw new Error(`${what}: not within 120 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One `npm start`: first page, API ready, sign-in works (seconds since the process started). */
async function measure(dataDir: string, env: NodeJS.ProcessEnv) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // What `npm start` runs, started directly so that stopping it stops the server itself
  // (a signal to npm may leave its child holding the PGlite directory).
  const { child, readyMs } = await startAndWait(
    process.execPath,
    ['scripts/start.mjs', '--port', String(port), '--data-dir', dataDir],
    env,
    `${url}/`,
    120_000,
  );
  try {
    const html = await (await fetch(`${url}/`)).text();
    if (!html.includes('<div id="root">')) throw new Error('the first page is not the web app');
    const signInMs = await until('sign-in', started, async () => {
      const res = await fetch(`${url}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'orientatrice@ricolloca.example', password: DEMO_PASSWORD }),
      });
      return res.status === 200;
    });
    const apiMs = await until('API ready', started, async () => (await fetch(`${url}/api/health`)).status === 200);
    return { firstPage: readyMs / 1000, api: apiMs / 1000, signIn: signInMs / 1000 };
  } finally {
    await stop(child);
  }
}

const rows: Array<[string, Awaited<ReturnType<typeof measure>>]> = [];
const dirs: string[] = [];
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ricolloca-bench-start-'));
  dirs.push(dir);
  return dir;
};
try {
  const baselineDir = newDir();
  rows.push(['first start, no template (baseline)', await measure(baselineDir, { ...base, DATABASE_TEMPLATE: 'off' })]);
  const dataDir = newDir();
  rows.push(['first start (empty data directory)', await measure(dataDir, base)]);
  rows.push(['restart (existing data directory)', await measure(dataDir, base)]);
  rows.push(['restart again', await measure(dataDir, base)]);
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
console.log('npm start on PGlite, warm install: seconds to the first page / API ready / a demo sign-in answering 200');
console.log('targets: first page ≤ 5 s; sign-in ≤ 10 s on a first start, ≤ 3 s on a restart');
for (const [label, r] of rows) {
  console.log(
    `  ${label.padEnd(38)} first page ${r.firstPage.toFixed(2)} s, API ready ${r.api.toFixed(2)} s, sign-in works ${r.signIn.toFixed(2)} s`,
  );
}
