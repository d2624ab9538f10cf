import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENROLLMENT_STATES } from '../../shared/schemas/programmes.schema.js';

/** Every source file of the server, tests aside. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.includes('.test.') ? [path] : [];
  });
}

const labels = (language: string) =>
  JSON.parse(readFileSync(`src/web/i18n/${language}.json`, 'utf8')).auditActions as Record<string, string>;

describe('audit action labels', () => {
  it('name in words, in Italian and English, every action the server writes to the log', () => {
    const written = new Set<string>();
    for (const file of sources('src/server')) {
      const text = readFileSync(file, 'utf8');
      // `action: 'worker.read'`, and both arms of `action: disabled ? 'staff.disabled' : 'staff.enabled'`.
      for (const match of text.matchAll(/action: ([^,}\n]+)/g)) {
        for (const code of match[1]!.matchAll(/'([a-z_]+\.[a-z_.]+)'/g)) written.add(code[1]!);
      }
    }
    // `enrollment.${state}`: one code per enrolment state.
    for (const state of ENROLLMENT_STATES) written.add(`enrollment.${state}`);
    expect(written.size).toBeGreaterThan(50);
    for (const language of ['it', 'en']) {
      const known = labels(language);
      expect(
        [...written].filter((code) => !known[code]),
        language,
      ).toEqual([]);
    }
  });
});
