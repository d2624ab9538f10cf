import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { insertProfilesBulk } from '../../src/server/profiles/index.js';
import { emptyProfile } from '../../src/shared/schemas/profiles.schema.js';
import { loadEscoMini, SKILLS } from '../factories/training.js';
import { networkOf } from '../factories/programmes.js';
import { buildEmployerWithSites } from '../factories/vacancies.js';
import { buildWorker, insertWorkers } from '../factories/workers.js';
import { removeFixtureZips } from '../fixtures/taxonomy/esco-fixture.js';
import { DEMO, officeIdByCode } from '../helpers/test-app.js';
import { expectAccessible, screenshot, signInAndOpen, startBrowserHarness, type BrowserHarness } from './browser-helpers.js';

let h: BrowserHarness;
let vacancyId: string;

beforeAll(async () => {
  h = await startBrowserHarness();
  await loadEscoMini(h.t.database);
  removeFixtureZips();
  const db = h.t.database.db;
  const carpi = await officeIdByCode(h.t.database, 'CPI-CA');
  const network = await networkOf(db, carpi);
  const employer = await buildEmployerWithSites(db, {
    networkId: network,
    officeId: carpi,
    name: 'Ristorazione Collettiva Carpigiana S.r.l.',
    sites: [{ comuneCode: '036005', name: 'Centro cottura di via Roosevelt' }],
  });
  const vacancy = await db
    .insertInto('vacancies')
    .values({
      network_id: network,
      office_id: carpi,
      employer_id: employer.employerId,
      site_id: employer.siteIds[0]!,
      comune_code: '036005',
      cp2011_code: '5.2.2.1.0',
      title: 'Addetto/a alla cucina',
      contract_type: 'permanent',
      working_time: 'full_time',
      positions: 2,
      deadline: '2099-12-31',
      state: 'published',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  vacancyId = vacancy.id;
  await db
    .insertInto('vacancy_skills')
    .values([
      { vacancy_id: vacancyId, skill_uri: SKILLS.foodSafety.uri, relevance: 'essential' },
      { vacancy_id: vacancyId, skill_uri: SKILLS.teamwork.uri, relevance: 'essential' },
      { vacancy_id: vacancyId, skill_uri: SKILLS.weldingInspection.uri, relevance: 'optional' },
    ])
    .execute();
  // Barbieri lives in Bomporto (13 km from Carpi), Esposito in Soliera (7 km); both commute up to 25 km.
  const ids = await insertWorkers(db, [
    buildWorker({ firstName: 'Giuseppe', lastName: 'Barbieri', officeId: carpi, residenceComuneCode: '036002', cigsEndDate: '2027-03-31' }),
    buildWorker({ firstName: 'Maria', lastName: 'Esposito', officeId: carpi, residenceComuneCode: '036044', cigsEndDate: '2026-12-31' }),
  ]);
  const doc = (uris: string[]) => {
    const d = emptyProfile();
    d.skills = uris.map((uri) => ({ id: randomUUID(), escoUri: uri, label: 'cucina', source: 'declared' as const, keywords: [] }));
    d.mobility = { maxKm: 25, means: ['car'], relocate: false };
    return d;
  };
  await insertProfilesBulk(db, [
    {
      workerId: ids[0]!,
      networkId: network,
      officeId: carpi,
      document: doc([SKILLS.foodSafety.uri, SKILLS.teamwork.uri]),
      actorId: null,
      changes: { sections: ['skills'], added: {}, changed: {}, removed: {} },
    },
    {
      workerId: ids[1]!,
      networkId: network,
      officeId: carpi,
      document: doc([SKILLS.foodSafety.uri]),
      actorId: null,
      changes: { sections: ['skills'], added: {}, changed: {}, removed: {} },
    },
  ]);
}, 180_000);
afterAll(() => h?.close());

describe('candidate search in the browser', () => {
  it('a job matcher opens «Cerca candidati» from the vacancy, reads why each fits, narrows the radius and sees Barbieri go', async () => {
    const { page } = await h.newPage();
    await signInAndOpen(page, h.baseUrl, DEMO.matcher, DEMO_PASSWORD, `/offerte/${vacancyId}`);
    await page.getByRole('heading', { level: 1, name: 'Addetto/a alla cucina' }).waitFor();
    await page.getByRole('link', { name: 'Cerca candidati' }).click();
    await page.getByRole('heading', { level: 1, name: /Candidati per l’offerta/ }).waitFor();
    await page.getByText('Tutte le sedi della rete', { exact: true }).click();
    await page.getByRole('button', { name: 'Cerca' }).click();
    const results = page.getByRole('region', { name: 'Candidati trovati' });
    await results.getByText('2 candidati').waitFor();
    await expect
      .poll(() => results.getByRole('heading', { level: 3 }).allTextContents())
      .toEqual(['Barbieri Giuseppe · Bomporto', 'Esposito Maria · Soliera']);
    await results
      .getByText('2 di 2 competenze richieste; 0 di 1 gradite; 13 km da Carpi; CIGS fino al 31/03/2027; disponibile da subito')
      .waitFor();
    await expectAccessible(page, 'offerta-candidati');
    await screenshot(page, '82-offerta-candidati');

    // «Proponi» starts Barbieri's application: the row says so and offers no second click.
    await results.getByRole('button', { name: 'Proponi Barbieri Giuseppe' }).click();
    await results.getByRole('status').filter({ hasText: 'Proposto: è tra le candidature dell’offerta' }).waitFor();
    expect(await results.getByRole('button', { name: 'Proponi Barbieri Giuseppe' }).count()).toBe(0);
    expect(await results.getByRole('button', { name: 'Proponi Esposito Maria' }).count()).toBe(1);

    await page.getByLabel('Raggio in km').fill('10');
    await page.getByRole('button', { name: 'Cerca' }).click();
    await results.getByText('1 candidato').waitFor();
    await expect.poll(() => results.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Esposito Maria · Soliera']);
    await results.getByText(/7,1 km da Carpi/).waitFor();

    await page.getByLabel('Raggio in km').fill('1');
    await page.getByRole('button', { name: 'Cerca' }).click();
    await results.getByText('Nessun candidato con questi filtri. Allargare il raggio o chiedere meno competenze.').waitFor();

    // The vacancy lists Barbieri among the proposed, found by the search, and the matcher preselects him.
    await page.goto(`${h.baseUrl}/offerte/${vacancyId}`);
    const applications = page.getByRole('region', { name: 'Candidature' });
    await applications.getByRole('heading', { level: 3, name: /Proposte/ }).waitFor();
    await applications
      .getByText(/Barbieri/)
      .first()
      .waitFor();
    await applications.getByText('Trovato dalla ricerca candidati').waitFor();
    await applications.getByRole('button', { name: 'Preseleziona' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Conferma|Preseleziona/ })
      .click();
    await applications.getByRole('heading', { level: 3, name: /Preselezionate/ }).waitFor();
  });

  it('fits a 360 px screen', async () => {
    const { page } = await h.newPage({ width: 360, height: 780 });
    await signInAndOpen(page, h.baseUrl, DEMO.matcher, DEMO_PASSWORD, `/offerte/${vacancyId}/candidati`);
    await page.getByText('Tutte le sedi della rete', { exact: true }).click();
    await page.getByRole('button', { name: 'Cerca' }).click();
    await page.getByText('2 candidati').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'offerta-candidati-360');
    await screenshot(page, '83-offerta-candidati-360');
  });
});
