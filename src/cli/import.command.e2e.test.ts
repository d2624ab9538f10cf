import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/database.js';
import { loadDemoDataDir } from '../../tests/helpers/test-database.js';
import { fixtureCsv, fixtureWorker } from '../../tests/fixtures/imports/worker-fixtures.js';
import { LIST_COMPANIES, eligibleList, tableOf, toCsvWindows1252 } from '../../tests/fixtures/imports/eligible-list.js';

const run = promisify(execFile);
const env = { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent' };
const cli = (...args: string[]) => run(process.execPath, ['bin/ricolloca.mjs', ...args], { env, timeout: 120_000 });

let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ricolloca-cli-import-'));
  if (!(await loadDemoDataDir(dataDir))) await cli('seed-demo', '--data-dir', dataDir);
}, 120_000);

describe('ricolloca import workers', () => {
  it('reports row errors with exit code 1 and writes nothing, then imports the fixed file once', async () => {
    const broken = join(dataDir, 'con-errori.csv');
    writeFileSync(broken, fixtureCsv(10, 5000).replace(fixtureWorker(5003).codiceFiscale, 'XXXXXX00A00X000X'));
    const failed = await cli('import', 'workers', broken, '--data-dir', dataDir, '--office', 'CPI-MO', '--create-companies').then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => e,
    );
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/9 nuovi, 0 da aggiornare, 0 invariati, 1 con errori/);
    expect(failed.stdout).toMatch(/riga 5 \(.+\): Codice fiscale: il carattere di controllo non torna/);
    expect(failed.stdout).toContain('Nessun dato è stato scritto');
    // Not a terminal: plain percentage lines, not a redrawn bar.
    expect(failed.stdout).toMatch(/verifica delle righe: 100%/);

    const fixed = join(dataDir, 'corretto.csv');
    writeFileSync(fixed, fixtureCsv(10, 5000));
    const dry = await cli('import', 'workers', fixed, '--data-dir', dataDir, '--office', 'cpi-mo', '--create-companies', '--dry-run');
    expect(dry.stdout).toContain('nessun dato è stato scritto');
    const done = await cli('import', 'workers', fixed, '--data-dir', dataDir, '--office', 'CPI-MO', '--create-companies');
    expect(done.stdout).toMatch(/scrittura: 100%/);
    expect(done.stdout).toContain('Importazione completata: 10 lavoratori creati, 0 aggiornati, 0 invariati.');
    const again = await cli('import', 'workers', fixed, '--data-dir', dataDir, '--office', 'CPI-MO');
    expect(again.stdout).toMatch(/già stato importato/);

    await expect(cli('import', 'workers', fixed, '--data-dir', dataDir)).rejects.toMatchObject({
      stderr: expect.stringContaining('Choose the office with --office'),
    });

    const database = await openDatabase({ dataDir: join(dataDir, 'pgdata') });
    try {
      const w = await database.db
        .selectFrom('workers as w')
        .innerJoin('offices as o', 'o.id', 'w.office_id')
        .select(['o.code', 'w.last_name'])
        .where('w.codice_fiscale', '=', fixtureWorker(5003).codiceFiscale)
        .executeTakeFirstOrThrow();
      expect(w.code).toBe('CPI-MO');
    } finally {
      await database.close();
    }
  }, 180_000);

  it('says a file-wide problem once, imports the valid rows only with --valid-only and writes the refused rows to send back', async () => {
    const list = eligibleList({ from: 7000, rows: 30 });
    // The demo does not know the list's companies: only the unregistered one's rows keep theirs.
    const table = tableOf(list).map((cells, i) =>
      i > 0 && list.rows[i - 1]!.company !== LIST_COMPANIES.unregistered.name ? cells.map((c, j) => (j === 7 || j === 8 ? '' : c)) : cells,
    );
    const file = join(dataDir, 'elenco-azienda.csv');
    writeFileSync(file, toCsvWindows1252(table));
    const refused = join(dataDir, 'righe-rifiutate.csv');
    const done = await cli(
      'import',
      'workers',
      file,
      '--data-dir',
      dataDir,
      '--office',
      'CPI-MO',
      '--valid-only',
      '--refused-rows',
      refused,
    );
    const unregistered = list.rows.filter((r) => r.company === LIST_COMPANIES.unregistered.name).length;
    expect(done.stdout).toContain(`1 azienda non registrata: Officine Dall’Olio S.n.c. (${unregistered} righe)`);
    // Said once: its rows are not listed one by one.
    expect(done.stdout).not.toContain('azienda sconosciuta');
    expect(done.stdout).toContain(
      `Importazione completata: ${list.valid.length} lavoratori creati, 0 aggiornati, 0 invariati, ${list.rows.length - list.valid.length} righe rifiutate.`,
    );
    const lines = readFileSync(refused, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(['Riga del file', ...list.headers, 'Errori'].join(';'));
    expect(lines).toHaveLength(1 + list.rows.length - list.valid.length);
  }, 180_000);
});
