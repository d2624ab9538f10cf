import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { insertProfilesBulk } from '../../src/server/profiles/index.js';
import { emptyProfile } from '../../src/shared/schemas/profiles.schema.js';
import { romeToday } from '../../src/shared/time/rome-time.js';
import { publishedVacancy, seedWorkers, type SeededWorker } from '../factories/applications.js';
import { networkOf } from '../factories/programmes.js';
import { loadEscoMini, SKILLS } from '../factories/training.js';
import { buildEmployerWithSites, COMUNI } from '../factories/vacancies.js';
import { removeFixtureZips } from '../fixtures/taxonomy/esco-fixture.js';
import { DEMO, officeIdByCode } from '../helpers/test-app.js';
import { expectAccessible, screenshot, signInThroughForm, startBrowserHarness, type BrowserHarness } from './browser-helpers.js';

/**
 * A job matcher's day (issue 12, Tests), as Sara Colombo, the demo's matcher, working in Mirandola:
 * she publishes a welding vacancy through the form, searches candidates, proposes and pre-selects
 * Rosa D’Angelo (who has consented to send her profile to employers and has a CV), sends her with
 * the CV, records the interview and the offer, walks the contract checklist, records the hire, sees
 * the follow-ups scheduled, and reads the notice that Carpi's application of the same worker, to
 * another employer, was withdrawn because she was hired.
 */
let h: BrowserHarness;
let worker: SeededWorker;
let employerId: string;
const inDays = (n: number) => romeToday(new Date(Date.now() + n * 86_400_000));

beforeAll(async () => {
  h = await startBrowserHarness();
  await loadEscoMini(h.t.database);
  removeFixtureZips();
  const db = h.t.database.db;
  const mirandola = await officeIdByCode(h.t.database, 'CPI-MI');
  const carpi = await officeIdByCode(h.t.database, 'CPI-CA');
  const network = await networkOf(db, mirandola);
  ({ employerId } = await buildEmployerWithSites(db, {
    networkId: network,
    officeId: mirandola,
    name: 'Carpenterie Metalliche Malagoli S.r.l.',
    sites: [{ comuneCode: COMUNI.mirandola, name: 'Officina di via Statale Nord', address: 'Via Statale Nord 112' }],
  }));
  [worker] = (await seedWorkers(db, { networkId: network, officeId: mirandola, names: [['Rosa', 'D’Angelo']] })) as [SeededWorker];
  await db.updateTable('workers').set({ residence_comune_code: COMUNI.mirandola }).where('id', '=', worker.id).execute();
  const profile = emptyProfile();
  profile.skills = [SKILLS.arcWelding, SKILLS.weldingEquipment].map((s) => ({
    id: randomUUID(),
    escoUri: s.uri,
    label: s.label,
    source: 'declared' as const,
    keywords: [],
  }));
  profile.mobility = { maxKm: 30, means: ['car'], relocate: false };
  await insertProfilesBulk(db, [
    {
      workerId: worker.id,
      networkId: network,
      officeId: mirandola,
      document: profile,
      actorId: null,
      changes: { sections: ['skills'], added: {}, changed: {}, removed: {} },
    },
  ]);
  // Carpi's office had sent her to a logistics employer of Carpi: the hire will withdraw that application.
  const carpiEmployer = await buildEmployerWithSites(db, {
    networkId: network,
    officeId: carpi,
    name: 'Logistica Carpigiana S.p.A.',
    sites: [{ comuneCode: COMUNI.carpi, name: 'Magazzino di via dell’Industria', address: 'Via dell’Industria 21' }],
  });
  const carpiVacancy = await publishedVacancy(db, {
    networkId: network,
    officeId: carpi,
    employerId: carpiEmployer.employerId,
    siteId: carpiEmployer.siteIds[0]!,
    title: 'Carrellista di magazzino',
  });
  const sent = await db
    .insertInto('applications')
    .values({
      network_id: network,
      office_id: carpi,
      vacancy_id: carpiVacancy,
      worker_id: worker.id,
      source: 'consultant',
      state: 'sent',
      cv_id: worker.cvId,
      sent_at: new Date(Date.now() - 3 * 86_400_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('application_events')
    .values([
      { application_id: sent.id, kind: 'move', from_state: null, to_state: 'proposed' },
      { application_id: sent.id, kind: 'move', from_state: 'preselected', to_state: 'sent' },
    ])
    .execute();
}, 180_000);
afterAll(() => h?.close());

const applicationsOf = (page: Page) => page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Candidature' }) });
const rosa = (page: Page) => applicationsOf(page).getByRole('listitem').filter({ hasText: 'D’Angelo Rosa' });

async function confirmMove(page: Page, action: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await rosa(page).getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: 'Conferma' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('a job matcher’s day in the browser', () => {
  it('publishes a vacancy, finds and sends a candidate, records interview, offer, checklist and hire, and reads the notice', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.matcher, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    // The header offers her the areas she works in, not the agenda, the hotline or the reports she may not open.
    const areas = page.getByRole('navigation', { name: 'Navigazione principale' });
    await areas.getByRole('link', { name: 'Offerte' }).waitFor();
    for (const closed of ['Agenda', 'Centralino', 'Contatti', 'Report'])
      expect(await areas.getByRole('link', { name: closed }).count()).toBe(0);
    await page.getByLabel('Sede di lavoro').selectOption({ label: 'CPI Mirandola' });
    await page
      .getByText(/Ora lavori nella sede: .*Mirandola/)
      .first()
      .waitFor();

    // 1. The vacancy, through the form: welder, the suggested skills, Metalmeccanici industria C2, published.
    await page.goto(`${h.baseUrl}/offerte/nuova`);
    await page.getByRole('heading', { level: 1, name: 'Nuova offerta di lavoro' }).waitFor();
    await page.getByLabel('Azienda che assume').fill('carpenterie metalliche');
    await page.getByRole('button', { name: /^Scegli Carpenterie Metalliche Malagoli S\.r\.l\./ }).click();
    await page
      .getByLabel('Sede di lavoro dell’azienda')
      .selectOption({ label: 'Officina di via Statale Nord – Via Statale Nord 112 – Mirandola' });
    await page.getByLabel('Titolo dell’offerta').fill('Saldatore/trice a filo');
    await page.getByRole('combobox', { name: 'Professione ESCO' }).fill('welder');
    await page
      .getByRole('option', { name: /^welder/ })
      .first()
      .click();
    const suggested = page.getByRole('group', { name: 'Competenze suggerite dalla professione' });
    await suggested.getByText('applicare le tecniche di saldatura ad arco').click();
    await suggested.getByText('usare le attrezzature per saldatura').click();
    await page.getByLabel('Tipo di contratto').selectOption({ label: 'Tempo indeterminato' });
    await page.getByRole('combobox', { name: 'Contratto collettivo (CCNL)' }).fill('C011');
    await page.getByRole('option', { name: /C011/ }).first().click();
    await page.getByLabel('Livello di inquadramento').fill('C2');
    await page.getByLabel('Retribuzione lorda mensile minima (€)').fill('2.150,00');
    await page.getByLabel('Numero di posizioni').fill('1');
    await page.getByLabel('Scadenza').fill(inDays(30));
    await expectAccessible(page, 'giornata-offerta-modulo');
    await screenshot(page, 'giornata-01-offerta-modulo');
    await page.getByRole('button', { name: 'Salva la bozza' }).click();
    await page.getByRole('heading', { level: 1, name: 'Saldatore/trice a filo' }).waitFor();
    await page.getByRole('button', { name: 'Pubblica' }).click();
    await page.getByRole('dialog', { name: 'Pubblica' }).getByRole('button', { name: 'Conferma' }).click();
    await page.getByText('Offerta aggiornata: Pubblicata').first().waitFor();
    const vacancyUrl = page.url();

    // 2. The candidate search: Rosa D’Angelo fits, and is proposed from the results.
    await page.getByRole('link', { name: 'Cerca candidati' }).click();
    await page.getByRole('heading', { level: 1, name: /Candidati per l’offerta/ }).waitFor();
    await page.getByRole('button', { name: 'Cerca' }).click();
    const results = page.getByRole('region', { name: 'Candidati trovati' });
    await results
      .getByText(/2 di 2 competenze richieste/)
      .first()
      .waitFor();
    await expectAccessible(page, 'giornata-ricerca');
    await screenshot(page, 'giornata-02-ricerca');
    await results.getByRole('button', { name: 'Proponi D’Angelo Rosa' }).click();
    await results.getByRole('status').filter({ hasText: 'Proposto: è tra le candidature dell’offerta' }).waitFor();

    // 3. Pre-selected, then sent with her CV (her consent to share the profile is recorded).
    await page.goto(vacancyUrl);
    await rosa(page).waitFor();
    await confirmMove(page, 'Preseleziona');
    await applicationsOf(page)
      .getByRole('heading', { name: /Preselezionate/ })
      .waitFor();
    await confirmMove(page, 'Invia all’azienda', async (d) => {
      await d.getByLabel('CV da inviare').selectOption({ label: 'CV per le aziende' });
    });
    await applicationsOf(page)
      .getByRole('heading', { name: /Inviate all’azienda/ })
      .waitFor();
    await screenshot(page, 'giornata-03-inviata');

    // 4. The interview, then 5. the offer on the vacancy's terms.
    await confirmMove(page, 'Fissa il colloquio', async (d) => {
      await d.getByLabel('Data e ora del colloquio').fill(`${inDays(3)}T10:30`);
      await d.getByLabel('Luogo del colloquio').fill('Via Statale Nord 112, Mirandola');
    });
    await applicationsOf(page)
      .getByRole('heading', { name: /A colloquio/ })
      .waitFor();
    await rosa(page).getByRole('button', { name: 'Offerta di assunzione' }).click();
    const offer = page.getByRole('dialog', { name: 'Offerta di assunzione' });
    await offer.getByText('Condizioni riprese dall’offerta di lavoro').waitFor();
    expect(await offer.getByLabel('Livello').inputValue()).toBe('C2');
    await offer.getByLabel('Ore settimanali').fill('40');
    await offer.getByLabel('Data di inizio del rapporto').fill(inDays(20));
    await expectAccessible(page, 'giornata-offerta-assunzione');
    await offer.getByRole('button', { name: 'Conferma' }).click();
    await offer.waitFor({ state: 'hidden' });
    await applicationsOf(page)
      .getByRole('heading', { name: /Con offerta di assunzione/ })
      .waitFor();

    // 6. The contract checklist, walked with the worker.
    await rosa(page).getByRole('button', { name: 'Contratto e lista di controllo' }).click();
    const section = applicationsOf(page);
    await section.locator('label', { hasText: 'Documento d’identità valido' }).click();
    await section
      .getByText(/spuntata da Sara Colombo/)
      .first()
      .waitFor();
    expect(await section.getByLabel('Documento d’identità valido').isChecked()).toBe(true);
    await expectAccessible(page, 'giornata-lista-contratto');
    await screenshot(page, 'giornata-04-lista-contratto');

    // 7. The hire.
    await confirmMove(page, 'Assunto');
    await applicationsOf(page)
      .getByRole('heading', { name: /Assunti/ })
      .waitFor();
    await screenshot(page, 'giornata-05-assunta');

    // 8. The follow-ups at 1, 3 and 6 months are scheduled: the hire's page, opened from the contract panel, lists them.
    const hired = applicationsOf(page).getByRole('listitem').filter({ hasText: 'D’Angelo Rosa' });
    const toHire = hired.getByRole('link', { name: 'Apri l’assunzione e le verifiche' });
    // The contract panel opened for the checklist may have closed as the application moved to «Assunti».
    if ((await toHire.count()) === 0) await hired.getByRole('button', { name: 'Contratto e lista di controllo' }).click();
    await toHire.click();
    await page.getByRole('heading', { level: 1, name: 'Assunzione di D’Angelo Rosa' }).waitFor();
    const followUps = page.getByRole('region', { name: 'Verifiche a 1, 3 e 6 mesi' });
    expect(await followUps.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^Verifica a 1 mese, dovuta il \d{2}\/\d{2}\/\d{4}/),
      expect.stringMatching(/^Verifica a 3 mesi, dovuta il/),
      expect.stringMatching(/^Verifica a 6 mesi, dovuta il/),
    ]);
    expect(await followUps.getByRole('button', { name: 'Registra la verifica' }).count()).toBe(3);
    await expectAccessible(page, 'giornata-assunzione');
    await screenshot(page, 'giornata-05b-assunzione');

    // The employer's history with the network: one candidate sent, answered the same day (the interview), one hire.
    await page.goto(`${h.baseUrl}/aziende-che-assumono/${employerId}`);
    const history = page.getByRole('region', { name: 'Storico con la rete' });
    await history.getByText('L’azienda ha risposto a 1 candidato su 1; in mediana entro un giorno.').waitFor();
    await history.getByText('Coperta: 1').waitFor();
    await expectAccessible(page, 'giornata-storico-azienda');
    await screenshot(page, 'giornata-06-storico-azienda');

    // 9. Carpi's application of Rosa was withdrawn: the notice is in «Avvisi», for the matchers of Carpi (Sara is one).
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Offerte' }).click();
    const header = page.getByRole('link', { name: /^Avvisi\s*\d+\s+da leggere$/ });
    await header.click();
    await page.getByRole('heading', { level: 1, name: 'Avvisi' }).waitFor();
    const item = page
      .getByTestId('notices-list')
      .getByRole('listitem')
      .filter({ hasText: 'Assunzione con un’altra candidatura per «Saldatore/trice a filo»' });
    await item
      .getByText('la candidatura di D’Angelo Rosa del vostro ufficio a «Carrellista di magazzino» è stata ritirata.', { exact: false })
      .waitFor();
    await expectAccessible(page, 'giornata-avvisi');
    await screenshot(page, 'giornata-07-avvisi');
    const unreadBefore = Number(await page.getByTestId('notices-unread').textContent());
    await item.getByRole('button', { name: 'Segna come letto' }).click();
    await item.getByRole('button', { name: 'Segna come letto' }).waitFor({ state: 'detached' });
    await expect
      .poll(async () =>
        Number((await page.getByTestId('notices-unread').count()) ? await page.getByTestId('notices-unread').textContent() : 0),
      )
      .toBe(unreadBefore - 1);
    await item.getByRole('link', { name: 'Apri l’offerta e le sue candidature' }).click();
    await page.getByRole('heading', { level: 1, name: 'Carrellista di magazzino' }).waitFor();
  }, 300_000);

  it('reads the notices at 360 px, the header fitting without sideways scrolling', async () => {
    const { page } = await h.newPage({ width: 360, height: 740 });
    await signInThroughForm(page, h.baseUrl, DEMO.matcher, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/avvisi`);
    await page.getByRole('heading', { level: 1, name: 'Avvisi' }).waitFor();
    await page.getByRole('link', { name: /^Avvisi/ }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'avvisi-360');
    await screenshot(page, 'giornata-08-avvisi-360');
  }, 120_000);
});
