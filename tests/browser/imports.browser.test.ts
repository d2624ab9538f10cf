import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { DEMO } from '../helpers/test-app.js';
import { consoleProblems, expectAccessible, screenshot, signInThroughForm, startBrowserHarness, type BrowserHarness } from './browser-helpers.js';

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
    expect(await page.getByRole('button', { name: /^Importa \d+ righe/ }).isDisabled()).toBe(true);
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await expectAccessible(page, 'importa-errori');
    await screenshot(page, '71-importa-errori');

    await page.getByRole('button', { name: 'Carica un altro file' }).click();
    await page.getByLabel('File CSV o Excel (.xlsx)').setInputFiles(fixture('lavoratori-validi.xlsx'));
    await page.getByRole('button', { name: 'Carica il file' }).click();
    await page.getByText(/lavoratori-validi\.xlsx: Formato XLSX/).waitFor();
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
