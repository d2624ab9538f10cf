import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { importEsco, readEscoZips } from '../../src/server/taxonomy/index.js';
import { escoMiniZips, removeFixtureZips } from '../fixtures/taxonomy/esco-fixture.js';
import { buildWorker, insertWorkers } from '../factories/workers.js';
import { DEMO, officeIdByCode } from '../helpers/test-app.js';
import {
  consoleProblems,
  expectAccessible,
  screenshot,
  signInThroughForm,
  startBrowserHarness,
  type BrowserHarness,
} from './browser-helpers.js';

let h: BrowserHarness;
let workerId: string;

beforeAll(async () => {
  h = await startBrowserHarness();
  const zips = escoMiniZips();
  await importEsco(h.t.database, { ...(await readEscoZips([zips.classificationEn, zips.relations])), version: 'v1.1.1' });
  await importEsco(h.t.database, { ...(await readEscoZips([zips.classificationIt])), version: 'v1.1.1', lang: 'it' });
  const office = await officeIdByCode(h.t.database, 'CPI-MO');
  workerId = (
    await insertWorkers(h.t.database.db, [
      buildWorker({ officeId: office, firstName: 'Settimio', lastName: 'Zanasi', birthDate: '1971-06-14' }, 5203),
    ])
  )[0]!;
});
afterAll(async () => {
  await h.close();
  removeFixtureZips();
});

describe('the professional profile in the browser', () => {
  it('a consultant builds a profile from an occupation’s suggested skills', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Elena' }).waitFor();
    await page.goto(`${h.baseUrl}/lavoratori/${workerId}`);
    await page.getByRole('heading', { level: 2, name: 'Profilo professionale' }).waitFor();
    await page.getByRole('link', { name: 'Apri il profilo professionale' }).click();
    await page.getByRole('heading', { level: 1, name: 'Profilo professionale' }).waitFor();
    await page.getByText('Profilo completo al 0%').waitFor();

    // A job of the work history, with its ESCO occupation chosen by its Italian label.
    const work = page.getByRole('region', { name: 'Esperienze di lavoro' });
    await work.getByLabel('Datore di lavoro').fill('Carpenterie Metalliche Modenesi S.r.l.');
    await work.getByLabel('Mansione come dichiarata').fill('Saldatore di carpenteria');
    const occupation = work.getByRole('combobox', { name: 'Professione (ESCO o CP2011)' });
    await occupation.fill('saldatore');
    await work
      .getByRole('option', { name: /^saldatore\/saldatrice/ })
      .first()
      .click();
    await work.getByLabel(/^Inizio/).fill('1996-02');
    await work.getByLabel(/^Fine/).fill('2025-07');
    await work.getByRole('button', { name: 'Aggiungi' }).click();
    await work.getByText(/Saldatore di carpenteria · Carpenterie Metalliche Modenesi S\.r\.l\./).waitFor();

    // The welder's skills are offered to tick, essential first, in Italian.
    const skills = page.getByRole('region', { name: 'Competenze' });
    const suggested = skills.getByRole('group', { name: 'Dall’esperienza: Saldatore di carpenteria' });
    await suggested.waitFor();
    await expect.poll(() => suggested.getByRole('checkbox').count()).toBe(7);
    await suggested.getByText('unire metalli', { exact: true }).click();
    await suggested.getByText('applicare tecniche di saldatura ad arco', { exact: true }).click();
    await suggested.getByText('risolvere problemi', { exact: true }).click();
    expect(await suggested.getByRole('checkbox', { name: 'unire metalli' }).isChecked()).toBe(true);
    await skills.getByRole('button', { name: 'Aggiungi le 3 competenze scelte' }).click();

    const mine = skills.getByRole('list').first();
    await mine.getByLabel('Livello di unire metalli').waitFor();
    expect(await mine.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('unire metalli'),
      expect.stringContaining('applicare tecniche di saldatura ad arco'),
      expect.stringContaining('risolvere problemi'),
    ]);
    // Ticked skills are now marked as the worker's, and cannot be added twice.
    const arc = suggested.getByRole('checkbox', { name: /applicare tecniche di saldatura ad arco/ });
    await expect.poll(() => arc.isDisabled()).toBe(true);
    expect(await arc.isChecked()).toBe(true);

    await skills.getByLabel('Livello di unire metalli').selectOption('advanced');
    await page.getByText('Versione 3').waitFor();

    await page.getByText('Profilo completo al 14%').waitFor();
    const history = page.getByRole('region', { name: 'Versioni del profilo' });
    await expect.poll(() => history.getByRole('row').count()).toBe(4);
    expect(await history.getByRole('row').nth(1).textContent()).toContain('Elena Rinaldi');

    await expectAccessible(page, 'profile');
    await screenshot(page, 'profile-from-suggested-skills');
    // The sign-in page's session check before signing in answers 401: the only refusal expected.
    expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);
  });

  it('is usable at 360 px', async () => {
    const { page } = await h.newPage({ width: 360, height: 800 });
    await signInThroughForm(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Elena' }).waitFor();
    await page.goto(`${h.baseUrl}/lavoratori/${workerId}/profilo`);
    await page.getByRole('heading', { level: 1, name: 'Profilo professionale' }).waitFor();
    await page.getByRole('region', { name: 'Competenze' }).getByText('unire metalli').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'profile at 360 px');
    await screenshot(page, 'profile-360');
  });
});
