import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root directory (package.json, migrations/, data/reference/), found by walking up
 * from this module: the same answer whether the server runs from its TypeScript sources or from
 * the bundle `npm start` builds into dist/server.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && existsSync(join(dir, 'migrations')) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'ricolloca')
      return dir;
    if (dirname(dir) === dir) throw new Error(`Ricolloca's project directory not found above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
export const projectPath = (...segments: string[]) => join(PROJECT_ROOT, ...segments);
