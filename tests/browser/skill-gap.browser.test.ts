import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { importEsco, readEscoZips } from '../../src/server/taxonomy/index.js';
import { AGENDA_PASSWORD } from '../factories/agenda.js';
import { planWorld } from '../factories/plans.js';
import { buildCourse, buildProvider } from '../factories/training.js';
import type { OfficeWorker } from '../factories/workshops.js';
import { escoMiniZips, removeFixtureZips } from '../fixtures/taxonomy/esco-fixture.js';
import { DEMO, officeIdByCode } from '../helpers/test-app.js';
import {
  consoleProblems,
  expectAccessible,
  screenshot,
  signInThroughForm,
  startBrowserHarness,
  type BrowserHarness,
} from './browser-helpers.js';

// The skill gap of two welders of CPI Modena on their real profiles and the network's catalogue:
// Colombo Ilaria has no plan yet (the page offers to create it), Esposito Gennaro has a draft plan
// that already holds one of the courses; his consultant adds the other with one click.

const skill = (id: string) => `http://data.europa.eu/esco/skill/${id}`;
const SOLDERING = skill('136596a4-00b5-4ed3-bb6e-717198c1ccbe');
const ARC_WELDING = skill('27d26fd6-5795-4f0a-884e-112df7c68314');
const WELDING_EQUIPMENT = skill('2fcd95a4-1f9a-41cf-95a9-4701bde476b4');
const WELDING_TECHNIQUES = skill('530cb489-d900-46ab-9350-4d50ccd49eea');
const BASE = 'Saldatura ad arco e a filo: corso base';
const TECHNOLOGY = 'Tecnologia dei processi di saldatura';
const EMAIL = 'marta.ferrari@cpi-modena.example';

let h: BrowserHarness;
let colombo: OfficeWorker;
let esposito: OfficeWorker;
let planId: string;

beforeAll(async () => {
  h = await startBrowserHarness();
  const db = h.t.database.db;
  const zips = escoMiniZips();
  await importEsco(h.t.database, { ...(await readEscoZips([zips.classificationEn, zips.relations])), version: 'v1.1.1' });
  removeFixtureZips();
  const world = await planWorld(h.t.app, db, {
    officeId: await officeIdByCode(h.t.database, 'CPI-MO'),
    consultant: { fullName: 'Marta Ferrari', email: EMAIL },
    workers: [
      { firstName: 'Ilaria', lastName: 'Colombo', state: 'registered' },
      { firstName: 'Gennaro', lastName: 'Esposito', state: 'assessed' },
    ],
    index: 9700,
  });
  [colombo, esposito] = world.workers as [OfficeWorker, OfficeWorker];
  const marta = world.consultant.agent;
  // Both solder, as they told at the interview: one of the welder's skills.
  for (const w of [colombo, esposito]) {
    const res = await marta.patch(`/api/v1/workers/${w.id}/profile`, {
      baseVersion: 0,
      skills: [{ id: randomUUID(), escoUri: SOLDERING, label: 'apply soldering techniques', source: 'declared' }],
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const cfp = await buildProvider(db, world.networkId, 'Centro Formazione Emilia Ovest');
  const ifoa = await buildProvider(db, world.networkId, 'Istituto Formazione Operatori Aziendali');
  await buildCourse(db, {
    networkId: world.networkId,
    providerId: cfp,
    title: BASE,
    hours: 120,
    startDate: '2027-01-12',
    endDate: '2027-03-26',
    skillUris: [ARC_WELDING, WELDING_EQUIPMENT],
  });
  await buildCourse(db, {
    networkId: world.networkId,
    providerId: ifoa,
    title: TECHNOLOGY,
    hours: 40,
    startDate: '2027-02-01',
    endDate: '2027-02-26',
    skillUris: [WELDING_TECHNIQUES],
  });
  const plan = await marta.post(`/api/v1/workers/${esposito.id}/plans`, { programmeId: world.programmeId });
  expect(plan.statusCode, plan.body).toBe(201);
  planId = plan.json().id;
  const added = await marta.post(`/api/v1/plans/${planId}/actions`, {
    themeTitle: 'Formazione',
    description: `Frequentare il corso «${TECHNOLOGY}» (ente Istituto Formazione Operatori Aziendali, dal 01/02/2027)`,
    owner: 'worker',
    dueDate: '2027-02-01',
  });
  expect(added.statusCode, added.body).toBe(201);
});
afterAll(() => h.close());

async function pickWelder(page: import('playwright-core').Page) {
  const occupation = page.getByRole('combobox', { name: 'Professione obiettivo' });
  await occupation.fill('welder');
  await page
    .getByRole('listbox', { name: 'Professione obiettivo' })
    .getByRole('option', { name: /^welder/ })
    .first()
    .click();
}

describe('skill gap in the browser', () => {
  for (const width of [1280, 360]) {
    it(`a consultant picks a target occupation on the worker page and sees what is missing, near and taught (${width} px)`, async () => {
      const { page } = await h.newPage({ width, height: 900 });
      await signInThroughForm(page, h.baseUrl, EMAIL, AGENDA_PASSWORD);
      await page.getByRole('heading', { level: 1, name: 'Buongiorno, Marta' }).waitFor();
      await page.goto(`${h.baseUrl}/lavoratori/${colombo.id}`);
      await page.getByRole('heading', { level: 2, name: 'Divario di competenze' }).waitFor();
      await page.getByText('Scegliere una professione per vedere il divario.').waitFor();

      await pickWelder(page);

      const essential = page.getByRole('list', { name: /Competenze essenziali mancanti/ });
      await essential.waitFor();
      await page.getByRole('heading', { level: 3, name: 'Competenze essenziali mancanti (5)' }).waitFor();
      // Italian labels shipped with the product, no "English" mark on them.
      const arc = essential.getByRole('listitem').filter({ hasText: 'applicare le tecniche di saldatura ad arco' });
      await arc.waitFor();
      expect(await arc.textContent()).toContain('vicina: ha «apply soldering techniques», dello stesso gruppo');
      expect(await arc.getByText('solo in inglese').count()).toBe(0);
      // The demo's catalogue may list welding courses too: ours is read in its own item.
      const base = page.getByRole('listitem').filter({ hasText: BASE });
      await base.waitFor();
      expect(await base.textContent()).toContain('Centro Formazione Emilia Ovest · 120 ore · dal 12/01/2027 · iscrizioni aperte');
      expect(await base.textContent()).toContain(
        'Colma 2 competenze mancanti (2 essenziali): applicare le tecniche di saldatura ad arco; usare le attrezzature per saldatura',
      );
      // No plan yet: the way to create it, not a button that could not work.
      await base.getByRole('link', { name: /^Crea il patto/ }).waitFor();
      expect(await page.getByRole('button', { name: /^Aggiungi al patto/ }).count()).toBe(0);

      await expectAccessible(page, `skill gap ${width}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `skill-gap-${width}`);
      // The 401 is the session check of the sign-in page, before signing in.
      expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);
    });
  }

  it('a consultant adds a course to the worker’s plan with one click and finds it on the plan page', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, EMAIL, AGENDA_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Marta' }).waitFor();
    await page.goto(`${h.baseUrl}/lavoratori/${esposito.id}`);
    await page.getByRole('heading', { level: 2, name: 'Divario di competenze' }).waitFor();
    await pickWelder(page);

    // The course already in the plan says so; the other one may be added.
    const inPlan = page.getByRole('button', { name: `Nel patto: «${TECHNOLOGY}»` });
    await inPlan.waitFor();
    expect(await inPlan.isDisabled()).toBe(true);
    const add = page.getByRole('button', { name: `Aggiungi al patto: «${BASE}»` });
    await add.click();
    await page.getByText(`Il corso «${BASE}» è nel patto di servizio, tra le azioni del lavoratore.`).waitFor();
    const done = page.getByRole('button', { name: `Nel patto: «${BASE}»` });
    await done.waitFor();
    expect(await done.isDisabled()).toBe(true);
    expect(await done.textContent()).toBe('Nel patto');
    await expectAccessible(page, 'skill gap, course added to the plan');
    await screenshot(page, 'skill-gap-in-plan');

    await page.goto(`${h.baseUrl}/lavoratori/${esposito.id}/piano?patto=${planId}`);
    await page.getByRole('heading', { level: 3, name: 'Formazione' }).waitFor();
    const action = page.getByRole('listitem').filter({
      hasText: `Frequentare il corso «${BASE}» (ente Centro Formazione Emilia Ovest, dal 12/01/2027)`,
    });
    await action.waitFor();
    expect(await action.textContent()).toContain('12/01/2027');
    expect(await page.getByText(`Frequentare il corso «${TECHNOLOGY}»`, { exact: false }).count()).toBe(1);
    expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);
  });

  it('a coordinator enters an Italian label on the translations screen and the list shows who and when', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    // The home's greeting, not the sign-in page's own heading: the session exists before moving on.
    await page.getByRole('heading', { level: 1, name: /^Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/amministrazione/traduzioni-competenze`);
    await page.getByRole('heading', { level: 1, name: 'Traduzioni delle competenze' }).waitFor();
    // The demo's labels of the skills this (miniature) ESCO holds are listed.
    await page.getByRole('cell', { name: /applicare le tecniche di saldatura ad arco/ }).waitFor();

    await page.getByRole('combobox', { name: 'Competenza' }).fill('soldering');
    await page
      .getByRole('listbox', { name: 'Competenza' })
      .getByRole('option', { name: /^apply soldering techniques/ })
      .first()
      .click();
    await page.getByLabel(/^Etichetta italiana/).fill('brasatura dolce');
    await page.getByLabel('Etichette alternative').fill('saldobrasatura\nstagnatura');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByText('Etichetta salvata.').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'brasatura dolce' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Inserita da .+ il \d{2}\/\d{2}\/\d{2,4}/);
    await expectAccessible(page, 'skill translations');
    await screenshot(page, 'skill-translations');
    expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);
  });
});
