import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { escoMiniZips, removeFixtureZips } from '../../../../tests/fixtures/taxonomy/esco-fixture.js';

const run = promisify(execFile);
// As an operator runs it: a process of its own on its own PGlite data directory.
const env = { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent' };
const cli = (...args: string[]) => run(process.execPath, ['bin/ricolloca.mjs', 'taxonomy', ...args], { env, timeout: 180_000 });
const dataDir = mkdtempSync(join(tmpdir(), 'ricolloca-taxonomy-cli-'));
const zips = escoMiniZips();

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  removeFixtureZips();
});

describe('ricolloca taxonomy', () => {
  it('refuses an unknown language and a broken zip before touching the database, in Italian and English', async () => {
    const unknown = await cli('import-esco', zips.classificationIt, '--lang', 'xx', '--data-dir', dataDir).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('Lingua "xx" sconosciuta') });
    expect((unknown as { stderr: string }).stderr).toContain('Unknown language "xx"');
    const notZip = await cli('import-esco', join(process.cwd(), 'package.json'), '--data-dir', dataDir).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(notZip).toMatchObject({ code: 1, stderr: expect.stringContaining('non è un archivio zip leggibile') });
    expect(existsSync(join(dataDir, 'pgdata'))).toBe(false);
  });

  it('imports the classification and relations zips with a progress line, then reports the sources', { timeout: 240_000 }, async () => {
    const imported = await cli('import-esco', zips.classificationEn, '--relations', zips.relations, '--data-dir', dataDir);
    expect(imported.stderr).toMatch(/ESCO import: labels/);
    expect(imported.stdout).toMatch(/ESCO v1\.1\.1 \(en\) imported in [\d.]+ s/);
    expect(imported.stdout).toContain('occupation–skill relations 13 (essential 10)');
    const status = await cli('status', '--data-dir', dataDir);
    expect(status.stdout).toMatch(/loaded\s+esco\s+v1\.1\.1\s+20 rows \[en\]/);
    expect(status.stdout).toMatch(/loaded\s+openpolis-comuni\s+2023\s+7899 rows/);
  });
});
