import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { applicationsEmployer, publishedVacancy, seedWorkers } from '../factories/applications.js';
import { networkOf } from '../factories/programmes.js';
import { DEMO, officeIdByCode } from '../helpers/test-app.js';
import { expectAccessible, screenshot, signInThroughForm, startBrowserHarness, type BrowserHarness } from './browser-helpers.js';

let h: BrowserHarness;
let vacancyId: string;

beforeAll(async () => {
  h = await startBrowserHarness();
  const db = h.t.database.db;
  const modena = await officeIdByCode(h.t.database, 'CPI-MO');
  const network = await networkOf(db, modena);
  const employer = await applicationsEmployer(db, network, modena);
  vacancyId = await publishedVacancy(db, {
    networkId: network,
    officeId: modena,
    employerId: employer.employerId,
    siteId: employer.siteIds[0]!,
    title: 'Saldatore/trice a filo continuo',
    positions: 2,
  });
  // Two shortlisted workers: Barbieri has consented to send the profile to employers, D’Angelo has not.
  const [barbieri] = await seedWorkers(db, { networkId: network, officeId: modena, names: [['Emanuele', 'Barbieri']] });
  const [dangelo] = await seedWorkers(db, { networkId: network, officeId: modena, names: [['Nicolò', 'D’Angelo']], consent: null });
  const rows = await db
    .insertInto('applications')
    .values(
      [barbieri!, dangelo!].map((w) => ({
        network_id: network,
        office_id: modena,
        vacancy_id: vacancyId,
        worker_id: w.id,
        source: 'consultant' as const,
        state: 'preselected' as const,
      })),
    )
    .returning('id')
    .execute();
  await db
    .insertInto('application_events')
    .values(rows.map((r) => ({ application_id: r.id, kind: 'move' as const, from_state: null, to_state: 'proposed' as const })))
    .execute();
}, 180_000);
afterAll(() => h?.close());

describe('applications in the browser', () => {
  it('a matcher sends one shortlisted worker to the employer with a CV, and is told which consent the other lacks', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.matcher, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/offerte/${vacancyId}`);
    await page.getByRole('heading', { level: 1, name: 'Saldatore/trice a filo continuo' }).waitFor();
    const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Candidature' }) });
    await section.getByRole('heading', { name: /Preselezionate/ }).waitFor();

    const dangelo = section.getByRole('listitem').filter({ hasText: 'D’Angelo Nicolò' });
    await dangelo.getByRole('button', { name: 'Invia all’azienda' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invia all’azienda' });
    await dialog.getByLabel('CV da inviare').selectOption({ label: 'CV per le aziende' });
    await dialog.getByRole('button', { name: 'Conferma' }).click();
    await dialog.getByText(/Manca il consenso del lavoratore all’«Invio del profilo alle aziende»/).waitFor();
    await expectAccessible(page, 'candidatura-senza-consenso');
    await screenshot(page, '90-candidatura-senza-consenso');
    await dialog.getByRole('button', { name: 'Annulla' }).click();

    const barbieri = section.getByRole('listitem').filter({ hasText: 'Barbieri Emanuele' });
    await barbieri.getByRole('button', { name: 'Invia all’azienda' }).click();
    const send = page.getByRole('dialog', { name: 'Invia all’azienda' });
    await send.getByLabel('CV da inviare').selectOption({ label: 'CV per le aziende' });
    await send.getByRole('button', { name: 'Conferma' }).click();
    await page.getByText('Candidatura aggiornata: Inviate all’azienda').first().waitFor();
    await section.getByRole('heading', { name: /Inviate all’azienda/ }).waitFor();

    // Refused by the employer: the reasons are the list's, in Italian.
    await section
      .getByRole('listitem')
      .filter({ hasText: 'Barbieri Emanuele' })
      .getByRole('button', { name: 'Rifiutata dall’azienda' })
      .click();
    const refuse = page.getByRole('dialog', { name: 'Rifiutata dall’azienda' });
    const options = await refuse.getByLabel('Motivo').locator('option').allTextContents();
    expect(options).toEqual([
      'Scegliere il motivo',
      'Profilo non adeguato',
      'Posizione già coperta',
      'Non si è presentato al colloquio',
      'Altro',
    ]);
    await refuse.getByRole('button', { name: 'Annulla' }).click();
    await expectAccessible(page, 'candidature-offerta');
  }, 180_000);

  it('shows the vacancy’s applications at 360 px without sideways scrolling', async () => {
    const { page } = await h.newPage({ width: 360, height: 740 });
    await signInThroughForm(page, h.baseUrl, DEMO.matcher, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/offerte/${vacancyId}`);
    await page.getByRole('heading', { level: 2, name: 'Candidature' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, '91-candidature-360');
  }, 90_000);
});
