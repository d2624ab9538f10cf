import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { getProfile } from '../../src/server/profiles/index.js';
import { DEMO } from '../helpers/test-app.js';
import {
  consoleProblems,
  expectAccessible,
  screenshot,
  signInAndOpen,
  signInThroughForm,
  startHarnessWithWorker,
  type BrowserHarness,
} from './browser-helpers.js';

let h: BrowserHarness;
let workerId: string;

beforeAll(async () => {
  ({ h, workerId } = await startHarnessWithWorker(
    { firstName: 'Giuseppe', lastName: 'Barbieri', birthDate: '1972-11-08', address: 'Via Mazzini 4', email: null },
    9501,
  ));
});
afterAll(() => h.close());

const fixture = resolve('tests/fixtures/cv/europass-v2/europass-v2.0-barbieri.xml');

describe('importing a CV into a profile in the browser', () => {
  it('a consultant reads a Europass CV, sees what it adds and the differing details, unticks a job and adds the rest', async () => {
    const { page } = await h.newPage();
    await signInAndOpen(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD, `/lavoratori/${workerId}`);
    await page.getByRole('heading', { level: 1, name: 'Barbieri Giuseppe' }).waitFor();
    await page.getByRole('link', { name: 'Importa un CV nel profilo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importa un CV nel profilo' }).waitFor();
    await page.getByText('Lavoratore: Barbieri Giuseppe').waitFor();

    await page.getByLabel('Scegli il file').setInputFiles(fixture);
    await page.getByRole('button', { name: 'Leggi il CV' }).click();
    await page.getByText('CV letto: Europass XML, versione 2.0').waitFor();
    // The record is not changed: the street the CV gives is shown beside it.
    const details = page.getByRole('region', { name: 'Dati anagrafici' });
    await details.getByRole('cell', { name: 'Via Radici in Piano 218' }).waitFor();
    await details.getByRole('cell', { name: 'Via Mazzini 4' }).waitFor();

    const work = page.getByRole('group', { name: 'Esperienze di lavoro' });
    const glazing = work.getByRole('checkbox', { name: /Operaio addetto alla linea di smaltatura – Ceramiche Fiorano Nuova S\.p\.A\./ });
    const warehouse = work.getByRole('checkbox', { name: /Magazziniere – Trasporti Ferrari Gino & C\. s\.n\.c\./ });
    expect(await glazing.isChecked()).toBe(true);
    // Bootstrap Italia draws its own box: the label is what a person clicks.
    await work.getByText('Magazziniere – Trasporti Ferrari Gino & C. s.n.c.').click();
    expect(await warehouse.isChecked()).toBe(false);
    await page
      .getByRole('group', { name: 'Lingue' })
      .getByRole('checkbox', { name: /francese.*Ascolto A2/i })
      .waitFor();
    await page.getByRole('group', { name: 'Patenti di guida' }).getByRole('checkbox', { name: 'Patente C' }).waitFor();
    const forklift = page.getByRole('group', { name: /uso del carrello elevatore/ });
    await forklift.getByText('Aggiungi con le parole del CV').click();
    expect(await forklift.getByRole('radio', { name: 'Aggiungi con le parole del CV' }).isChecked()).toBe(true);
    await expectAccessible(page, 'importa-cv-anteprima');
    await screenshot(page, '100-importa-cv-anteprima');

    await page.getByRole('button', { name: 'Aggiungi al profilo' }).click();
    await page
      .getByRole('status')
      .getByText(/^Profilo aggiornato \(versione 1\)/)
      .waitFor();
    const profile = await getProfile(h.t.database.db, workerId);
    expect(profile.document.work.map((w) => w.employer)).toEqual(['Ceramiche Fiorano Nuova S.p.A.']);
    expect(profile.document.skills.map((s) => [s.label, s.source])).toEqual([['uso del carrello elevatore', 'cv']]);
    expect(profile.document.drivingLicences).toEqual(['B', 'C']);
    // The session check before signing in answers 401: expected, nothing else.
    expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);
  });

  it('at 360 px, in English: a PDF without a CV is refused with a clear message', async () => {
    const { page } = await h.newPage({ width: 360, height: 780, locale: 'en-GB' });
    await signInThroughForm(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /^Buongiorno/ }).waitFor();
    // As an operator does it: the header's language menu.
    await page.getByRole('button', { name: /^Lingua/ }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: /^Hello/ }).waitFor();
    await page.goto(`${h.baseUrl}/lavoratori/${workerId}/profilo/importa-cv`);
    await page.getByRole('heading', { level: 1, name: 'Import a CV into the profile' }).waitFor();
    await page.getByLabel('Choose the file').setInputFiles({
      name: 'cv.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(
        '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF',
      ),
    });
    await page.getByRole('button', { name: 'Read the CV' }).click();
    await page
      .getByRole('alert')
      .getByText(/The PDF (does not contain a Europass CV|is damaged)/)
      .waitFor();
    await expectAccessible(page, 'import-cv-360');
    await screenshot(page, '101-importa-cv-360-en');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });
});
