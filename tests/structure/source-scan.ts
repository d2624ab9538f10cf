import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { TABLE_OWNERS } from '../../src/server/db/table-owners.js';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Folders of src/server that are infrastructure, not domains: anyone may import them directly. */
export const INFRASTRUCTURE = new Set(['db', 'http']);

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The domain folder a file of src/server belongs to ('' for src/server/*.ts, 'cli' for src/cli). */
export function domainOf(file: string): string {
  const rel = relative(ROOT, file).split(/[\\/]/);
  if (rel[0] === 'src' && rel[1] === 'server') return rel.length > 3 ? rel[2]! : '';
  if (rel[0] === 'src' && rel[1] === 'cli') return 'cli';
  return rel.slice(0, 2).join('/');
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const KYSELY_CALL =
  /\b(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|mergeInto|using)\(\s*\[?\s*['"`]([a-z_]+)/g;
const SQL_WORD = /\b(?:from|join|into|update|table|exists)\s+(?:only\s+)?([a-z_]+)\b/gi;

/** The tables of TABLE_OWNERS a source file names, in Kysely calls or in SQL text. */
export function tablesNamedIn(file: string): Set<string> {
  const text = stripComments(readFileSync(file, 'utf8'));
  const found = new Set<string>();
  for (const m of text.matchAll(KYSELY_CALL)) if (m[1]! in TABLE_OWNERS) found.add(m[1]!);
  // SQL inside template literals: look only between backticks.
  for (const literal of text.match(/`[^`]*`/g) ?? []) {
    for (const m of literal.matchAll(SQL_WORD)) if (m[1]! in TABLE_OWNERS) found.add(m[1]!);
  }
  return found;
}

export interface ImportEdge {
  from: string;
  specifier: string;
  target: string;
}

/** Relative imports of a file, resolved to the absolute path they name. */
export function importsOf(file: string): ImportEdge[] {
  const text = stripComments(readFileSync(file, 'utf8'));
  const edges: ImportEdge[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
    const specifier = (m[1] ?? m[2])!;
    edges.push({ from: file, specifier, target: resolve(file, '..', specifier.replace(/\.js$/, '.ts')) });
  }
  return edges;
}
