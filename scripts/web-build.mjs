// Builds the web app (Vite) when dist/web is missing or older than any of its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function webBuildIsStale(root = process.cwd()) {
  const index = join(root, 'dist/web/index.html');
  if (!existsSync(index)) return true;
  const sources = ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'].map((p) => newestMtime(join(root, p)));
  return Math.max(...sources) > statSync(index).mtimeMs;
}

export function ensureWebBuild(root = process.cwd()) {
  if (!webBuildIsStale(root)) return false;
  console.log('Building the web app…');
  // Always React's production build, whoever asks: a build started from the test runner inherits
  // NODE_ENV=test, which gave the development build (StrictMode's doubled effects sent every
  // first request of a page twice) to the next `npm start`.
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return true;
}
