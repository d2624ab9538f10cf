// Bundles the server and CLI (TypeScript under src/) into dist/server/ricolloca.mjs with esbuild,
// when the bundle is missing or older than any of its sources. `npm start` runs the bundle: plain
// JavaScript starts in a fraction of the time the TypeScript loader needs for the same modules.
// Dependencies stay external (loaded from node_modules as they are).
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { newestMtime } from './web-build.mjs';

export const SERVER_BUNDLE = 'dist/server/ricolloca.mjs';

export function serverBuildIsStale(root = process.cwd()) {
  const bundle = join(root, SERVER_BUNDLE);
  if (!existsSync(bundle)) return true;
  const sources = ['src/server', 'src/cli', 'src/shared', 'package-lock.json', 'tsconfig.json'].map((p) => newestMtime(join(root, p)));
  return Math.max(...sources) > statSync(bundle).mtimeMs;
}

export async function ensureServerBuild(root = process.cwd()) {
  if (!serverBuildIsStale(root)) return false;
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    write: false,
  });
  // Written beside and renamed into place: a process starting meanwhile reads the old bundle or
  // the new one, never half of one (several commands may rebuild at once).
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  return true;
}
