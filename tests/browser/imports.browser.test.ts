import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { DEMO } from '../helpers/test-app.js';
import {
  consoleProblems,
  expectAccessible,
  screenshot,
  signInThroughForm,
  startBrowserHarness,
  type BrowserHarness,
} from './browser-helpers.js';
import { eligibleList, tableOf, toCsvWindows1252 } from '../fixtures/imports/eligible-list.js';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(() => h.close());

const fixture = (name: string) => resolve('tests/fixtures/imports', name);

describe('importing a list of workers in the browser', () => {
  it('a coordinator uploads a list, adjusts the mapping, sees the row errors, fixes the file and imports it', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/lavoratori`);
    await page.getByRole('link', { name: 'Importa da file' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importa lavoratori da file' }).waitFor();

    await page.getByLabel('File CSV o Excel (.xlsx)').setInputFiles(fixture('lavoratori-con-errori.csv'));
    await page.getByRole('button', { name: 'Carica il file' }).click();
    await page.getByRole('heading', { level: 2, name: '2. Associa le colonne ai campi' }).waitFor();
    const causale = page.getByRole('combobox', { name: 'Campo: Causale' });
    expect(await causale.inputValue()).toBe('cigsReason');
    expect(await page.getByRole('combobox', { name: 'Campo: C.F.' }).inputValue()).toBe('codiceFiscale');
    await causale.selectOption('');
    await page.getByText(/Crea le aziende mancanti/).click();
    await expectAccessible(page, 'importa-associazione');
    await screenshot(page, '70-importa-associazione');

    await page.getByRole('button', { name: 'Verifica senza salvare' }).click();
    await page.getByRole('heading', { level: 2, name: '3. Esito della verifica' }).waitFor();
    await page.getByText(/Ci sono righe con errori/).waitFor();
    await page.getByRole('cell', { name: /il carattere di controllo non torna/ }).waitFor();
    await page.getByRole('cell', { name: /«31\/02\/1980» non è una data valida/ }).waitFor();
    // Nothing can be imported all-or-nothing while rows are refused: no such button is offered.
    expect(await page.getByRole('button', { name: /^Importa \d+ righe/ }).count()).toBe(0);
    // Without the reason the companies the file names cannot get a CIGS period: said once for the file.
    await page.getByText(/aziende senza periodo CIGS/).waitFor();
    await page.getByText('Nuovi lavoratori nella sede: Centro per l’impiego di Modena').waitFor();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Scarica le righe rifiutate (CSV)' }).click();
    expect((await downloading).suggestedFilename()).toBe('lavoratori-con-errori-righe-rifiutate.csv');
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await expectAccessible(page, 'importa-errori');
    await screenshot(page, '71-importa-errori');

    await page.getByRole('button', { name: 'Carica un altro file' }).click();
    await page.getByLabel('File CSV o Excel (.xlsx)').setInputFiles(fixture('lavoratori-validi.xlsx'));
    await page.getByRole('button', { name: 'Carica il file' }).click();
    await page.getByText(/lavoratori-validi\.xlsx: Formato XLSX/).waitFor();
    // Same columns as the last file: its mapping comes back, Causale left out included.
    await page.getByText('Associazione ripresa dall’ultimo file con le stesse colonne.').waitFor();
    expect(await page.getByRole('combobox', { name: 'Campo: Causale' }).inputValue()).toBe('');
    await page.getByRole('combobox', { name: 'Campo: Causale' }).selectOption('cigsReason');
    await page.getByText(/Crea le aziende mancanti/).click();
    await page.getByRole('button', { name: 'Verifica senza salvare' }).click();
    await page.getByText('Nessun errore: si può importare.').waitFor();
    await page.getByRole('button', { name: 'Importa 20 righe' }).click();
    await page.getByRole('heading', { name: 'Importazione completata' }).waitFor();
    await page.getByText('20 lavoratori creati, 0 aggiornati, 0 invariati.').waitFor();
    await expectAccessible(page, 'importa-completata');
    await screenshot(page, '72-importa-completata');
    expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);
  });

  it('an INPS list in one "Nominativo" column: odd headers mapped, the target office chosen, the valid rows imported and the refused ones downloaded', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/lavoratori/importa`);
    await page.getByRole('heading', { level: 1, name: 'Importa lavoratori da file' }).waitFor();
    const list = eligibleList({ layout: 'inps', nameOrder: 'mixed', from: 2000, rows: 30 });
    await page
      .getByLabel('File CSV o Excel (.xlsx)')
      .setInputFiles({ name: 'elenco-inps.csv', mimeType: 'text/csv', buffer: toCsvWindows1252(tableOf(list)) });
    await page.getByRole('button', { name: 'Carica il file' }).click();
    await page.getByRole('heading', { level: 2, name: '2. Associa le colonne ai campi' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Campo: COGNOME E NOME' }).inputValue()).toBe('fullName');
    expect(await page.getByRole('combobox', { name: 'Campo: Fine C.I.G.S.' }).inputValue()).toBe('cigsEnd');
    expect(await page.getByRole('combobox', { name: 'Campo: Cod. Fiscale' }).inputValue()).toBe('codiceFiscale');
    // Leaving out the CIGS end date is warned about before the dry run, and the column is listed as not imported.
    await page.getByRole('combobox', { name: 'Campo: Fine C.I.G.S.' }).selectOption('');
    await page.getByText(/Nessuna colonna è associata alla data di fine CIGS/).waitFor();
    await page.getByText('Colonna non importata:').waitFor();
    await screenshot(page, '74-importa-avviso-fine-cigs');
    await page.getByRole('combobox', { name: 'Campo: Fine C.I.G.S.' }).selectOption('cigsEnd');
    await page.getByText(/Nessuna colonna è associata alla data di fine CIGS/).waitFor({ state: 'detached' });
    await page.getByLabel('Sede a cui assegnare i nuovi lavoratori').selectOption({ label: 'Centro per l’impiego di Sassuolo' });
    await page.getByRole('button', { name: 'Verifica senza salvare' }).click();
    await page.getByRole('heading', { level: 2, name: '3. Esito della verifica' }).waitFor();
    // Companies nobody registered: one line for the file, not one per row.
    await page.getByText(/\d aziend[ae] non registrat[ae]: .*officine dall’olio s\.n\.c\. \(\d+ righe\)/i).waitFor();
    await page.getByRole('cell', { name: 'Vedi «Problemi dell’intero file».' }).first().waitFor();
    expect(await page.getByRole('cell', { name: /azienda sconosciuta/ }).count()).toBe(0);
    await page.getByText('Nuovi lavoratori nella sede: Centro per l’impiego di Sassuolo').waitFor();
    await page.getByText(/Crea le aziende mancanti/).click();
    await page.getByRole('button', { name: 'Verifica senza salvare' }).click();
    const refused = list.rows.length - list.rows.filter((r) => !r.broken && r.duplicateOf === undefined).length;
    const valid = list.rows.length - refused;
    await page.getByRole('button', { name: `Importa solo le ${valid} righe valide` }).waitFor();
    await expectAccessible(page, 'importa-nominativo');
    await screenshot(page, '75-importa-nominativo-verifica');
    await page.getByRole('button', { name: `Importa solo le ${valid} righe valide` }).click();
    await page.getByRole('heading', { name: 'Importazione completata' }).waitFor();
    await page.getByText(`${valid} lavoratori creati, 0 aggiornati, 0 invariati.`).waitFor();
    await page.getByText(`${refused} righe rifiutate non sono state importate.`).waitFor();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Scarica le righe rifiutate (Excel)' }).click();
    expect((await downloading).suggestedFilename()).toBe('elenco-inps-righe-rifiutate.xlsx');
    await expectAccessible(page, 'importa-nominativo-completata');
    await screenshot(page, '76-importa-nominativo-completata');
    expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);
  });

  it('works on a 360 px phone screen', async () => {
    const { page } = await h.newPage({ width: 360, height: 780 });
    await signInThroughForm(page, h.baseUrl, DEMO.admin, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/lavoratori/importa`);
    await page.getByLabel('File CSV o Excel (.xlsx)').setInputFiles(fixture('lavoratori-con-errori.csv'));
    await page.getByRole('button', { name: 'Carica il file' }).click();
    await page.getByRole('button', { name: 'Verifica senza salvare' }).click();
    await page.getByText(/Ci sono righe con errori/).waitFor();
    await expectAccessible(page, 'importa-360');
    await screenshot(page, '73-importa-360');
  });
});
