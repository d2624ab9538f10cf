// Builds what `npm start` serves: the web app (Vite) and the server bundle (esbuild), each only
// when its sources changed, and the database template a first start loads in one step (a migrated
// PGlite database with the reference data), only when the migrations changed. Run by `npm ci`
// (prepare), so the first `npm start` starts at once.
import { execFileSync } from 'node:child_process';
import { ensureServerBuild } from './server-build.mjs';
import { ensureWebBuild } from './web-build.mjs';

ensureWebBuild();
await ensureServerBuild();
execFileSync(process.execPath, ['bin/ricolloca.mjs', 'build-template', '--if-stale'], {
  stdio: 'inherit',
  env: { ...process.env, LOG_LEVEL: 'warn' },
});
