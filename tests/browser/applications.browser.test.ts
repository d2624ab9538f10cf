import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { applicationsEmployer, publishedVacancy, seedWorkers } from '../factories/applications.js';
import { networkOf } from '../factories/programmes.js';
import { DEMO, officeIdByCode } from '../helpers/test-app.js';
import { expectAccessible, screenshot, signInThroughForm, startBrowserHarness, type BrowserHarness } from './browser-helpers.js';

let h: BrowserHarness;
let vacancyId: string;
let offerVacancyId: string;

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
  // A worker at the interview for a vacancy of Metalmeccanici industria, level C2 (the demo's minimum 2.010,00 € at 40 hours), offering 1.200,00 €.
  offerVacancyId = await publishedVacancy(db, {
    networkId: network,
    officeId: modena,
    employerId: employer.employerId,
    siteId: employer.siteIds[0]!,
    title: 'Manutentore/trice elettromeccanico/a',
    positions: 1,
  });
  await db
    .updateTable('vacancies')
    .set({ ccnl_code: 'C011', ccnl_level: 'C2', weekly_hours: 40, pay_min_cents: 120_000 })
    .where('id', '=', offerVacancyId)
    .execute();
  const [ferrari] = await seedWorkers(db, { networkId: network, officeId: modena, names: [['Chiara', 'Ferrari']] });
  await db
    .insertInto('applications')
    .values({
      network_id: network,
      office_id: modena,
      vacancy_id: offerVacancyId,
      worker_id: ferrari!.id,
      source: 'consultant',
      state: 'interview',
      cv_id: ferrari!.cvId,
      sent_at: new Date(),
      interview_at: new Date(),
      interview_place: 'Via Emilia Est 1010, Modena',
    })
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

  it('records an offer below the CCNL minimum with a warning, then ticks the contract checklist, at 360 px', async () => {
    const { page } = await h.newPage({ width: 360, height: 740 });
    await signInThroughForm(page, h.baseUrl, DEMO.matcher, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/offerte/${offerVacancyId}`);
    const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Candidature' }) });
    const ferrari = section.getByRole('listitem').filter({ hasText: 'Ferrari Chiara' });
    await ferrari.getByRole('button', { name: 'Offerta di assunzione' }).click();
    const dialog = page.getByRole('dialog', { name: 'Offerta di assunzione' });
    // The terms start from the vacancy's.
    await dialog.getByText('Condizioni riprese dall’offerta di lavoro').waitFor();
    expect(await dialog.getByLabel('Livello').inputValue()).toBe('C2');
    expect(await dialog.getByLabel('Retribuzione lorda mensile (€)').inputValue()).toBe('1200,00');
    const start = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByLabel('Data di inizio del rapporto').fill(start);
    await dialog.getByRole('button', { name: 'Conferma' }).click();
    await page
      .getByText(
        /Offerta registrata, con un avviso: La retribuzione offerta \(1\.200,00\s€\) è sotto il minimo del CCNL per il livello C2 a 40 ore \(2\.010,00\s€\)/,
      )
      .first()
      .waitFor();
    await section.getByRole('heading', { name: /Con offerta di assunzione/ }).waitFor();

    await section
      .getByRole('listitem')
      .filter({ hasText: 'Ferrari Chiara' })
      .getByRole('button', { name: 'Contratto e lista di controllo' })
      .click();
    await section
      .getByRole('alert')
      .or(section.locator('.alert-warning'))
      .filter({ hasText: 'Avviso sulla retribuzione' })
      .first()
      .waitFor();
    const identity = section.getByLabel('Documento d’identità valido');
    // Bootstrap Italia draws the box on the label: the operator clicks the label.
    await section.locator('label', { hasText: 'Documento d’identità valido' }).click();
    await section
      .getByText(/spuntata da/)
      .first()
      .waitFor();
    expect(await identity.isChecked()).toBe(true);
    await section
      .getByRole('link', { name: /D\.Lgs\. 14 settembre 2015, n\. 148, art\. 24-bis comma 6/ })
      .first()
      .waitFor();
    // The worker says she holds the assegno di ricollocazione; the employer is private and unrelated to her crisis company.
    const incentives = section.locator('section', { has: page.getByRole('heading', { name: 'Incentivi all’assunzione' }) });
    const applicable = () => incentives.locator('h5', { hasText: 'Applicabili' });
    expect(await applicable().count()).toBe(0);
    await incentives.getByLabel('L’azienda che assume è un datore di lavoro privato?').selectOption('yes');
    await expect.poll(() => incentives.getByLabel('L’azienda che assume è un datore di lavoro privato?').isEnabled()).toBe(true);
    await incentives.getByLabel('Il lavoratore ha l’assegno di ricollocazione (accordo di ricollocazione)?').selectOption('yes');
    await expect
      .poll(() => incentives.getByLabel('Il lavoratore ha l’assegno di ricollocazione (accordo di ricollocazione)?').isEnabled())
      .toBe(true);
    await incentives.getByLabel(/assetti proprietari sostanzialmente coincidenti/).selectOption('no');
    await applicable().waitFor();
    // The vacancy's contract, taken by the offer, is permanent: the relief of art. 24-bis applies, for up to 18 months.
    const given = incentives.locator('li', {
      has: page.getByText('Esonero contributivo per l’assunzione di chi ha l’assegno di ricollocazione'),
    });
    await given.getByText('fino a 18 mesi').first().waitFor();
    expect(await incentives.getByLabel(/assetti proprietari sostanzialmente coincidenti/).inputValue()).toBe('no');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'candidatura-offerta-contratto');
    await screenshot(page, '92-candidatura-offerta-360');
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
