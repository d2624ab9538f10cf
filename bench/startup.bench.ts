// `npm start` to first served page, on a warm install (dependencies installed; the web app and the
// server bundle built by the first run) with PGlite. Target: ≤ 5 s. Measures the very first start
// (empty data directory) and two restarts; for each, also when the API is ready (migrations,
// reference data and, on the first start, the demo data loaded: /api/health answers 200).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM script
import { ensureWebBuild } from '../scripts/web-build.mjs';
// @ts-expect-error plain ESM script
import { ensureServerBuild } from '../scripts/server-build.mjs';
import { freePort, startAndWait, stop } from './lib.js';

ensureWebBuild();
await ensureServerBuild();
const dataDir = mkdtempSync(join(tmpdir(), 'ricolloca-bench-start-'));
const env = { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ESCO_AUTO_IMPORT: 'false' };
const results: string[] = [];
try {
  for (const label of ['first start (empty data directory)', 'restart (existing data directory)', 'restart again']) {
    const port = await freePort();
    const started = performance.now();
    // What `npm start` runs, started directly so that stopping it stops the server itself
    // (a signal to npm may leave its child holding the PGlite directory).
    const { child, readyMs } = await startAndWait(
      process.execPath,
      ['scripts/start.mjs', '--port', String(port), '--data-dir', dataDir],
      env,
      `http://127.0.0.1:${port}/`,
    );
    try {
      const html = await (await fetch(`http://127.0.0.1:${port}/`)).text();
      if (!html.includes('<div id="root">')) throw new Error('the first page is not the web app');
      let apiMs = 0;
      for (;;) {
        const health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
        if (health?.status === 200) {
          apiMs = performance.now() - started;
          break;
        }
        if (performance.now() - started > 120_000) throw new Error('the API was not ready within 120 s');
        await new Promise((r) => setTimeout(r, 50));
      }
      results.push(
        `${label.padEnd(38)} first page ${(readyMs / 1000).toFixed(2)} s, API ready (sign-in possible) ${(apiMs / 1000).toFixed(2)} s`,
      );
    } finally {
      await stop(child);
    }
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
console.log('npm start → first served page (PGlite, warm install), target ≤ 5 s');
for (const line of results) console.log(`  ${line}`);
