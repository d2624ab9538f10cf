import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { applyProfileChanges } from '../../src/server/profiles/index.js';
import { longCv } from '../../src/server/cv/export/cv-samples.test-helper.js';
import { DEMO } from '../helpers/test-app.js';
import {
  consoleProblems,
  expectAccessible,
  screenshot,
  signInAndOpen,
  startHarnessWithWorker,
  type BrowserHarness,
} from './browser-helpers.js';

let h: BrowserHarness;
let workerId: string;

beforeAll(async () => {
  // A worker of the demo consultant's office, with the long sample CV's career as profile.
  const world = await startHarnessWithWorker(
    { firstName: 'Nicolò', lastName: 'Esposito', email: 'nicolo.esposito@esempio.it', birthDate: '1969-05-12' },
    9600,
  );
  ({ h, workerId } = world);
  const { office } = world;
  await h.t.database.db.transaction().execute((tx) =>
    applyProfileChanges(tx, {
      workerId,
      officeId: office.id,
      networkId: office.networkId,
      baseVersion: null,
      actorId: null,
      reason: 'edit',
      change: () => longCv().profile,
    }),
  );
});
afterAll(() => h.close());

/** The text of the CV's PDF as the server makes it now, through the page's own session. */
async function pdfText(page: Page, jsonResumeHref: string): Promise<string> {
  const response = await page.request.get(new URL(jsonResumeHref.replace(/json-resume$/, 'pdf'), page.url()).href);
  expect(response.status()).toBe(200);
  const file = join(mkdtempSync(join(tmpdir(), 'ricolloca-cv-')), 'cv.pdf');
  writeFileSync(file, await response.body());
  // pdftotext joins a line the layout broke; spaces are normalised so a name is found whole.
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('a worker’s CVs in the browser', () => {
  it('a consultant builds a CV from the profile, chooses its sections, saves it and previews the PDF', async () => {
    const { page } = await h.newPage();
    await signInAndOpen(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD, `/lavoratori/${workerId}`);
    await page.getByRole('heading', { level: 1, name: 'Esposito Nicolò' }).waitFor();
    await page.getByRole('link', { name: 'CV', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'CV di Nicolò Esposito' }).waitFor();
    await page.getByText('Nessun CV ancora: crearne uno dal profilo.').waitFor();

    await page.getByLabel('Titolo del nuovo CV').fill('CV per la logistica');
    await page.getByRole('button', { name: 'Crea dal profilo' }).click();
    await page.getByRole('status').getByText('CV creato.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Modifica del CV «CV per la logistica»' }).waitFor();

    await page.getByLabel('Riga sotto il nome').fill('Carrellista con patentino');
    // Bootstrap Italia draws the checkbox with its label, which takes the click.
    await page.getByRole('group', { name: 'Sezioni e ordine' }).getByText('Istruzione e formazione', { exact: true }).click();
    expect(await page.getByRole('checkbox', { name: 'Istruzione e formazione' }).isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Sposta su: Competenze linguistiche' }).click();
    await page.getByRole('button', { name: 'Salva una nuova versione' }).click();
    await page.getByRole('status').getByText('Salvata la versione 2.').waitFor();
    await page.getByText(/versione 2 · Aggiornato il/).waitFor();
    await expectAccessible(page, 'cv');
    await screenshot(page, '90-cv');

    await page.getByRole('button', { name: 'Anteprima del PDF' }).click();
    await page.locator('iframe[title="Anteprima del CV «CV per la logistica» in PDF"]').waitFor();
    const json = await page.getByRole('link', { name: 'Scarica JSON Resume' }).getAttribute('href');
    expect(json).toMatch(new RegExp(`/api/v1/workers/${workerId}/cvs/[0-9a-f-]{36}/json-resume$`));
    const resume = await page.evaluate(async (url) => (await fetch(url)).json(), json!);
    expect(resume.basics.label).toBe('Carrellista con patentino');
    expect(resume.education).toBeUndefined();
    expect(Object.keys(resume)).toContain('languages');
    expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);
  });

  it('a consultant leaves one job out of the CV: the PDF no longer has it, the profile still does', async () => {
    const { page } = await h.newPage();
    await signInAndOpen(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD, `/lavoratori/${workerId}/cv`);
    await page.getByRole('heading', { level: 2, name: 'Modifica del CV «CV per la logistica»' }).waitFor();
    const href = (await page.getByRole('link', { name: 'Scarica JSON Resume' }).getAttribute('href'))!;
    const before = await pdfText(page, href);
    expect(before).toContain('Caseificio Sociale Santa Rita');
    expect(before).toContain('Tessitura D’Angelo S.p.A.');

    const leaveOut = page.getByRole('group', { name: 'Voci del profilo da lasciare fuori da questo CV' });
    const casaro = leaveOut.getByRole('checkbox', { name: /^Lascia fuori: Casaro · Caseificio Sociale Santa Rita/ });
    expect(await casaro.isChecked()).toBe(false);
    // Bootstrap Italia draws the checkbox with its label, which takes the click.
    await leaveOut.getByText(/^Lascia fuori: Casaro · Caseificio Sociale Santa Rita/).click();
    expect(await casaro.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Salva una nuova versione' }).click();
    await page.getByRole('status').getByText('Salvata la versione 3.').waitFor();
    await page.getByText(/versione 3 · Aggiornato il/).waitFor();
    await expect.poll(() => leaveOut.getByRole('checkbox', { name: /^Lascia fuori: Casaro/ }).isChecked()).toBe(true);

    const after = await pdfText(page, href);
    expect(after).not.toContain('Caseificio Sociale Santa Rita');
    expect(after).not.toContain('Casaro');
    expect(after).toContain('Tessitura D’Angelo S.p.A.');
    const profile = await page.evaluate(async (id) => (await fetch(`/api/v1/workers/${id}/profile`)).json(), workerId);
    expect(profile.document.work.map((w: { employer: string }) => w.employer)).toContain('Caseificio Sociale Santa Rita');

    await page.getByRole('button', { name: 'Anteprima del PDF' }).click();
    await page.locator('iframe[title="Anteprima del CV «CV per la logistica» in PDF"]').waitFor();
    await expectAccessible(page, 'cv with an entry left out');
    await screenshot(page, '92-cv-entry-left-out');
  });

  it('is usable at 360 px, and in English', async () => {
    const { page } = await h.newPage({ width: 360, height: 780 });
    await signInAndOpen(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD, `/lavoratori/${workerId}/cv`);
    await page.getByRole('heading', { level: 2, name: /Modifica del CV/ }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'cv-360');
    await screenshot(page, '91-cv-360');
    await page.evaluate(() => localStorage.setItem('ricolloca.language', 'en'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'CVs of Nicolò Esposito' }).waitFor();
    await page.getByRole('button', { name: 'Save a new version' }).waitFor();
    await page.getByRole('checkbox', { name: 'Work experience' }).waitFor();
  });
});
