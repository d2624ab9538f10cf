import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { applyProfileChanges } from '../../src/server/profiles/index.js';
import { importEsco, readEscoZips } from '../../src/server/taxonomy/index.js';
import { profileDocumentSchema } from '../../src/shared/schemas/profiles.schema.js';
import { escoMiniZips, removeFixtureZips } from '../fixtures/taxonomy/esco-fixture.js';
import { buildWorker, insertWorkers } from '../factories/workers.js';
import { DEMO, officeIdByCode, signIn } from '../helpers/test-app.js';
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
/** A worker with a work history to correct: a ceramics job and an earlier one. */
let dellOrtoId: string;
/** A worker whose CV named a skill in his own words, and who wants to cook. */
let ferrariId: string;
const CERAMICS_JOB = '4b1e7c62-93d5-4a0f-8f1e-2c6d9a7b5e31';

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
  const networkId = (await h.t.database.db.selectFrom('offices').select('network_id').where('id', '=', office).executeTakeFirstOrThrow())
    .network_id;
  /** A worker of Modena with a profile's first version written as the system would. */
  const profiled = async (worker: Parameters<typeof buildWorker>[0], seed: number, document: Record<string, unknown>) => {
    const [id] = await insertWorkers(h.t.database.db, [buildWorker({ officeId: office, ...worker }, seed)]);
    await h.t.database.db.transaction().execute((tx) =>
      applyProfileChanges(tx, {
        workerId: id!,
        officeId: office,
        networkId,
        baseVersion: null,
        actorId: null,
        reason: 'edit',
        change: () => profileDocumentSchema.parse(document),
      }),
    );
    return id!;
  };
  dellOrtoId = await profiled({ firstName: 'Maria Grazia', lastName: 'Dell’Orto', birthDate: '1974-02-09' }, 5204, {
    work: [
      {
        id: CERAMICS_JOB,
        employer: 'Sassuolo Ceramiche Riunite',
        jobTitle: 'Addetta all’impastatrice',
        startDate: '2009-03',
        endDate: '2024-11',
        tasks: 'Dosaggio delle argille e controllo dell’impasto.',
      },
    ],
  });
  ferrariId = await profiled({ firstName: 'Gianluca', lastName: 'Ferrari', birthDate: '1979-10-03' }, 5205, {
    skills: [{ id: '0b5c1f5e-7a43-4d1e-9f62-3d8e2b7a9c14', label: 'saldatura a filo continuo', source: 'cv' }],
    desiredOccupations: [
      {
        id: '6f0e2d9a-1c4b-4e7f-8a35-b2d91c0e4f73',
        escoOccupationUri: 'http://data.europa.eu/esco/occupation/90f75f67-495d-49fa-ab57-2f320e251d7e',
        label: 'cuoco/cuoca',
      },
    ],
  });
  // A company the network knows, to be found by part of its name.
  const coordinator = await signIn(h.t.app, DEMO.coordinator);
  const company = await coordinator.post('/api/v1/companies', { name: 'Ceramiche dell’Appennino Modenese S.r.l.' });
  expect(company.statusCode, company.body).toBe(201);
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

  it('a consultant corrects the end of a job in place, is refused an end before the start, and picks a known employer', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Elena' }).waitFor();
    await page.goto(`${h.baseUrl}/lavoratori/${dellOrtoId}/profilo`);
    await page.getByRole('heading', { level: 1, name: 'Profilo professionale' }).waitFor();
    await page.getByText('Versione 1', { exact: false }).waitFor();
    const work = page.getByRole('region', { name: 'Esperienze di lavoro' });
    await work.getByRole('button', { name: /^Modifica Addetta all’impastatrice · Sassuolo Ceramiche Riunite/ }).click();

    // The same fields as the add form, filled in; the add form is not shown meanwhile.
    const entry = work.getByRole('listitem', { name: /^Correzione di Addetta all’impastatrice/ });
    expect(await entry.getByLabel('Datore di lavoro').inputValue()).toBe('Sassuolo Ceramiche Riunite');
    expect(await entry.getByLabel(/^Inizio/).inputValue()).toBe('2009-03');
    const end = entry.getByLabel(/^Fine/);
    expect(await end.inputValue()).toBe('2024-11');
    expect(await work.getByRole('button', { name: 'Aggiungi' }).count()).toBe(0);

    await end.fill('2008-12');
    await entry.getByRole('button', { name: 'Salva la correzione' }).click();
    await expect.poll(() => end.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await end.getAttribute('aria-describedby'))!.split(' ');
    const said = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(said).toContain('La fine non può precedere l’inizio');
    await page.getByText('Versione 1', { exact: false }).waitFor();

    await end.fill('2025-01-31');
    await entry.getByRole('button', { name: 'Salva la correzione' }).click();
    await work.getByText('Addetta all’impastatrice · Sassuolo Ceramiche Riunite · 2009-03 – 2025-01-31').waitFor();
    await page.getByText(/^Versione 2 ·/).waitFor();
    await expectAccessible(page, 'profile entry corrected');

    // A new job whose employer is found among the network's companies by part of its name.
    await work.getByLabel('Datore di lavoro').fill('appennino');
    await work.getByRole('button', { name: 'Usa Ceramiche dell’Appennino Modenese S.r.l.' }).click();
    expect(await work.getByLabel('Datore di lavoro').inputValue()).toBe('Ceramiche dell’Appennino Modenese S.r.l.');
    await work.getByText('Azienda nota alla rete: scrivere di nuovo il nome per indicarne un’altra.').waitFor();
    await work.getByLabel('Mansione come dichiarata').fill('Smaltatrice');
    await work.getByLabel(/^Inizio/).fill('2025-03');
    await work.getByRole('button', { name: 'Aggiungi' }).click();
    await work.getByText(/^Smaltatrice · Ceramiche dell’Appennino Modenese S\.r\.l\. · 2025-03 – in corso/).waitFor();
    await page.getByText(/^Versione 3 ·/).waitFor();
    const saved = await page.evaluate(async (id) => (await fetch(`/api/v1/workers/${id}/profile`)).json(), dellOrtoId);
    const companyId = (
      await h.t.database.db
        .selectFrom('companies')
        .select('id')
        .where('name', '=', 'Ceramiche dell’Appennino Modenese S.r.l.')
        .executeTakeFirstOrThrow()
    ).id;
    expect(saved.document.work.map((w: { employer: string; companyId?: string }) => [w.employer, w.companyId ?? null])).toEqual([
      ['Sassuolo Ceramiche Riunite', null],
      ['Ceramiche dell’Appennino Modenese S.r.l.', companyId],
    ]);
    await expectAccessible(page, 'profile employer chosen');
    await screenshot(page, 'profile-entry-corrected');
  });

  it('a correction saved on a version someone changed meanwhile is refused and the page offers to reload', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Elena' }).waitFor();
    await page.goto(`${h.baseUrl}/lavoratori/${dellOrtoId}/profilo`);
    const work = page.getByRole('region', { name: 'Esperienze di lavoro' });
    await work.getByRole('button', { name: /^Modifica Smaltatrice/ }).click();
    const coordinator = await signIn(h.t.app, DEMO.coordinator);
    const meanwhile = await coordinator.patch(`/api/v1/workers/${dellOrtoId}/profile`, {
      baseVersion: 3,
      summary: 'Ceramista con trent’anni di reparto.',
    });
    expect(meanwhile.statusCode, meanwhile.body).toBe(200);
    const entry = work.getByRole('listitem', { name: /^Correzione di Smaltatrice/ });
    await entry.getByLabel(/^Fine/).fill('2025-10');
    await entry.getByRole('button', { name: 'Salva la correzione' }).click();
    await page.getByRole('button', { name: 'Ricarica il profilo' }).click();
    await page.getByText(/^Versione 4 ·/).waitFor();
    // The correction typed is still in its form, to be saved again on the newest version.
    expect(await entry.getByLabel(/^Fine/).inputValue()).toBe('2025-10');
    await entry.getByRole('button', { name: 'Salva la correzione' }).click();
    await work.getByText(/^Smaltatrice · .* · 2025-03 – 2025-10/).waitFor();
    await page.getByText(/^Versione 5 ·/).waitFor();
    expect(await page.getByRole('region', { name: 'Presentazione' }).getByRole('textbox').inputValue()).toBe(
      'Ceramista con trent’anni di reparto.',
    );
  });

  it('a consultant ties a skill in the worker’s own words to ESCO, says the worker judged its level, and changes the occupation sought', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Elena' }).waitFor();
    await page.goto(`${h.baseUrl}/lavoratori/${ferrariId}/profilo`);
    const skills = page.getByRole('region', { name: 'Competenze' });
    const mine = skills.getByRole('list').first();
    await mine.getByText('Parole del lavoratore, non ancora collegate a una competenza ESCO').waitFor();

    await skills.getByRole('button', { name: 'Collega «saldatura a filo continuo» a una competenza ESCO' }).click();
    const match = skills.getByRole('form', { name: 'Collega «saldatura a filo continuo» a una competenza ESCO' });
    await match.getByRole('combobox', { name: 'Competenza ESCO per «saldatura a filo continuo»' }).fill('unire');
    await match
      .getByRole('option', { name: /^unire metalli/ })
      .first()
      .click();
    await match.getByRole('button', { name: 'Salva la correzione' }).click();
    await mine.getByLabel('Livello di unire metalli').waitFor();
    expect(await mine.getByText('Parole del lavoratore, non ancora collegate a una competenza ESCO').count()).toBe(0);
    // Still a skill from the CV: tying it to ESCO changes what it is called, not where it came from.
    expect(await mine.getByRole('listitem').first().textContent()).toContain('(dal CV)');

    await mine.getByLabel('Livello di unire metalli').selectOption('intermediate');
    await mine.getByLabel('Chi ha valutato unire metalli').waitFor();
    expect(await mine.getByLabel('Chi ha valutato unire metalli').inputValue()).toBe('consultant');
    await mine.getByLabel('Chi ha valutato unire metalli').selectOption('self');
    await page.getByText(/^Versione 4 ·/).waitFor();

    const desired = page.getByRole('region', { name: 'Professioni cercate' });
    await desired.getByRole('button', { name: /^Modifica cuoco\/cuoca/ }).click();
    await desired.getByRole('combobox', { name: 'Nuova professione cercata' }).fill('saldatore');
    await desired
      .getByRole('option', { name: /^saldatore\/saldatrice/ })
      .first()
      .click();
    await desired.getByRole('button', { name: 'Salva la correzione' }).click();
    await desired.getByText('saldatore/saldatrice', { exact: true }).waitFor();
    expect(await desired.getByText('cuoco/cuoca').count()).toBe(0);
    await page.getByText(/^Versione 5 ·/).waitFor();

    // What the page saved is what the API holds: the ESCO concept, the worker's words kept, the assessor.
    const api = await signIn(h.t.app, DEMO.coordinator);
    const profile = (await api.get(`/api/v1/workers/${ferrariId}/profile`)).json() as {
      document: { skills: Array<Record<string, unknown>>; desiredOccupations: Array<Record<string, unknown>> };
    };
    expect(profile.document.skills).toEqual([
      expect.objectContaining({
        escoUri: 'http://data.europa.eu/esco/skill/29d762da-1711-4a3c-b424-f0a404f4bf2d',
        source: 'cv',
        level: 'intermediate',
        assessedBy: 'self',
        keywords: ['saldatura a filo continuo'],
      }),
    ]);
    expect(profile.document.desiredOccupations).toEqual([
      expect.objectContaining({
        id: '6f0e2d9a-1c4b-4e7f-8a35-b2d91c0e4f73',
        escoOccupationUri: 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b',
      }),
    ]);
    await expectAccessible(page, 'profile skill tied to ESCO');
    await screenshot(page, 'profile-skill-tied-to-esco');
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
