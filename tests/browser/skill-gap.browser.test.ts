import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { importEsco, readEscoZips } from '../../src/server/taxonomy/index.js';
import { buildWorker, insertWorkers } from '../factories/workers.js';
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

const skill = (id: string) => `http://data.europa.eu/esco/skill/${id}`;
const SOLDERING = skill('136596a4-00b5-4ed3-bb6e-717198c1ccbe');
const ARC_WELDING = skill('27d26fd6-5795-4f0a-884e-112df7c68314');
const WELDING_EQUIPMENT = skill('2fcd95a4-1f9a-41cf-95a9-4701bde476b4');

let h: BrowserHarness;
let workerId: string;
const profiles = new Map<string, Set<string>>();

beforeAll(async () => {
  h = await startBrowserHarness({
    skillGapSources: {
      profileSkillUris: async (_db, id) => profiles.get(id) ?? new Set(),
      coursesTeachingSkills: async () => [
        {
          id: 'corso-saldatura',
          title: 'Saldatura ad arco e a filo: corso base',
          hours: 120,
          startDate: '2099-02-01',
          enrolmentOpen: false,
          skillUris: [ARC_WELDING, WELDING_EQUIPMENT],
        },
      ],
    },
  });
  const zips = escoMiniZips();
  await importEsco(h.t.database, { ...(await readEscoZips([zips.classificationEn, zips.relations])), version: 'v1.1.1' });
  removeFixtureZips();
  const modena = await officeIdByCode(h.t.database, 'CPI-MO');
  [workerId] = (await insertWorkers(h.t.database.db, [buildWorker({ officeId: modena, firstName: 'Gennaro', lastName: 'Esposito' })])) as [
    string,
  ];
  profiles.set(workerId, new Set([SOLDERING]));
});
afterAll(() => h.close());

describe('skill gap in the browser', () => {
  for (const width of [1280, 360]) {
    it(`a consultant picks a target occupation on the worker page and sees what is missing, near and taught (${width} px)`, async () => {
      const { page } = await h.newPage({ width, height: 900 });
      await signInThroughForm(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD);
      await page.getByRole('heading', { level: 1, name: 'Buongiorno, Elena' }).waitFor();
      await page.goto(`${h.baseUrl}/lavoratori/${workerId}`);
      await page.getByRole('heading', { level: 2, name: 'Divario di competenze' }).waitFor();
      await page.getByText('Scegliere una professione per vedere il divario.').waitFor();

      const occupation = page.getByRole('combobox', { name: 'Professione obiettivo' });
      await occupation.fill('welder');
      await page
        .getByRole('listbox', { name: 'Professione obiettivo' })
        .getByRole('option', { name: /^welder/ })
        .first()
        .click();

      const essential = page.getByRole('list', { name: /Competenze essenziali mancanti/ });
      await essential.waitFor();
      await page.getByRole('heading', { level: 3, name: 'Competenze essenziali mancanti (5)' }).waitFor();
      // Italian labels shipped with the product, no "English" mark on them.
      const arc = essential.getByRole('listitem').filter({ hasText: 'applicare le tecniche di saldatura ad arco' });
      await arc.waitFor();
      expect(await arc.textContent()).toContain('vicina: ha «apply soldering techniques», dello stesso gruppo');
      expect(await arc.getByText('solo in inglese').count()).toBe(0);
      await page.getByText('Saldatura ad arco e a filo: corso base').waitFor();
      expect(await page.getByText(/Colma 2 competenze mancanti \(2 essenziali\)/).count()).toBe(1);

      await expectAccessible(page, `skill gap ${width}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `skill-gap-${width}`);
      // The 401 is the session check of the sign-in page, before signing in.
      expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);
    });
  }

  it('a coordinator enters an Italian label on the translations screen and the list shows who and when', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
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
