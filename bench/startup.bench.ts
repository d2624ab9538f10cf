// `npm start` to first served page, on a warm install (dependencies installed, web app built)
// with PGlite. Target: ≤ 5 s. Measures the very first start (migrations + demo data) and a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM script
import { ensureWebBuild } from '../scripts/web-build.mjs';
import { freePort, startAndWait, stop } from './lib.js';

ensureWebBuild();
const dataDir = mkdtempSync(join(tmpdir(), 'ricolloca-bench-start-'));
const env = { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn' };
const results: string[] = [];
try {
  for (const label of ['first start (empty data dir: migrate + demo data)', 'restart (existing data dir)', 'restart again']) {
    const port = await freePort();
    // What `npm start` runs, started directly so that stopping it stops the server itself
    // (a signal to npm may leave its child holding the PGlite directory).
    const { child, readyMs } = await startAndWait(process.execPath, ['scripts/start.mjs', '--port', String(port), '--data-dir', dataDir], env, `http://127.0.0.1:${port}/`);
    const page = await fetch(`http://127.0.0.1:${port}/`);
    const html = await page.text();
    if (!html.includes('<div id="root">')) throw new Error('the first page is not the web app');
    results.push(`${label.padEnd(52)} ${(readyMs / 1000).toFixed(2)} s to first served page`);
    await stop(child);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
console.log('npm start → first page (PGlite, warm install), target ≤ 5 s');
for (const line of results) console.log(`  ${line}`);
