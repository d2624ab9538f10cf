import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_OWNERS } from '../src/server/db/table-owners.js';
import { NODE_RUNTIME_E2E, PGLITE_ONLY_E2E } from '../vitest.config.js';
import { INFRASTRUCTURE, ROOT, domainOf, importsOf, sourceFiles, tablesNamedIn } from './structure/source-scan.js';

const serverFiles = [...sourceFiles(`${ROOT}/src/server`), ...sourceFiles(`${ROOT}/src/cli`)];
const rel = (f: string) => relative(ROOT, f);

/** Files that may name their own domain's tables: repositories, and the migrator's own table. */
function mayWriteSql(file: string): boolean {
  return /\.repository\.ts$/.test(file) || rel(file) === 'src/server/db/migrate.ts';
}

describe('each table has one owning domain', () => {
  it('a file names only tables of its own domain', () => {
    const offences: string[] = [];
    for (const file of serverFiles) {
      const domain = domainOf(file);
      for (const table of tablesNamedIn(file)) {
        const owner = TABLE_OWNERS[table as keyof typeof TABLE_OWNERS];
        if (owner !== domain) offences.push(`${rel(file)} names ${table} (owned by ${owner})`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('within the owner, only repositories write SQL for its tables', () => {
    const offences: string[] = [];
    for (const file of serverFiles) {
      if (mayWriteSql(file)) continue;
      for (const table of tablesNamedIn(file)) offences.push(`${rel(file)} names ${table}`);
    }
    expect(offences).toEqual([]);
  });

  it('the map lists every table the migrations create, and no other', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const created = new Set<string>(['schema_migrations']);
    for (const name of readdirSync(`${ROOT}/migrations`)) {
      const text = readFileSync(`${ROOT}/migrations/${name}`, 'utf8');
      for (const m of text.matchAll(/create (?:table|(?:or replace )?view)(?: if not exists)? ([a-z_]+)/gi)) created.add(m[1]!);
    }
    expect([...created].sort()).toEqual(Object.keys(TABLE_OWNERS).sort());
  });
});

describe('domains talk through their published functions', () => {
  const edges = serverFiles.flatMap(importsOf);

  it('a cross-domain import goes through the owner’s index.ts', () => {
    const offences = edges
      .filter((e) => {
        const from = domainOf(e.from);
        const to = domainOf(e.target);
        if (!rel(e.target).startsWith('src/server/') || from === to || to === '' || INFRASTRUCTURE.has(to)) return false;
        return !rel(e.target).endsWith(`src/server/${to}/index.ts`);
      })
      .map((e) => `${rel(e.from)} imports ${e.specifier}`);
    expect(offences).toEqual([]);
  });

  it('no server code imports the command line', () => {
    const offences = edges
      .filter((e) => rel(e.from).startsWith('src/server/') && rel(e.target).startsWith('src/cli/'))
      .map((e) => `${rel(e.from)} imports ${e.specifier}`);
    expect(offences).toEqual([]);
  });

  it('the domains form no cycle', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of edges) {
      const from = domainOf(e.from);
      const to = domainOf(e.target);
      if (!rel(e.from).startsWith('src/server/') || !rel(e.target).startsWith('src/server/')) continue;
      if (from === to || from === '' || to === '' || INFRASTRUCTURE.has(to)) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
    expect(findCycles(graph)).toEqual([]);
  });

  it('the files of a domain form no import cycle', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of edges) {
      if (domainOf(e.from) !== domainOf(e.target) || domainOf(e.from) === '') continue;
      // Type-only imports are erased, but a cycle of them still tangles a module: count them too.
      if (!graph.has(e.from)) graph.set(e.from, new Set());
      graph.get(e.from)!.add(e.target);
    }
    expect(findCycles(graph).map((c) => c.map(rel).join(' → '))).toEqual([]);
  });
});

/** Every elementary cycle reachable in a small graph, each reported once from its smallest node. */
function findCycles(graph: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const visit = (start: string, node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      if (next === start) {
        const key = [...path].sort().join('|');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...path, start]);
        }
      } else if (next > start && !path.includes(next)) visit(start, next, [...path, next]);
    }
  };
  for (const node of [...graph.keys()].sort()) visit(node, node, [node]);
  return cycles;
}

describe('the tests a PostgreSQL run leaves out', () => {
  it('are the command-line tests that run on a PGlite data directory of their own whatever the run', () => {
    for (const file of PGLITE_ONLY_E2E) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(text, file).toMatch(/DATABASE_URL: ''/);
      expect(text, file).not.toMatch(/inject\('pgAdminUrl'\)/);
    }
  });
});

describe('the tests the Node.js 24 pass runs', () => {
  it('are end-to-end files that exist', () => {
    for (const file of NODE_RUNTIME_E2E) {
      expect(file, file).toMatch(/\.e2e\.test\.ts$/);
      expect(existsSync(join(ROOT, file)), file).toBe(true);
    }
  });
});
