import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { romeToday } from '../../src/shared/time/rome-time.js';
import { addDays } from '../../src/shared/time/rome-date.js';
import { applicationsEmployer, publishedVacancy, seedWorkers } from '../factories/applications.js';
import { networkOf } from '../factories/programmes.js';
import { DEMO, officeIdByCode, signIn, type Agent } from '../helpers/test-app.js';
import { expectAccessible, screenshot, signInThroughForm, startBrowserHarness, type BrowserHarness } from './browser-helpers.js';

/**
 * After the hire: the consultant's reminder on the home page, the follow-ups due answered in place,
 * and the hire's own page with its early end.
 */
let h: BrowserHarness;
let placementId: string;
const today = romeToday(new Date());

async function ok(agent: Agent, url: string, body: Record<string, unknown>) {
  const res = await agent.post(url, body);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}

beforeAll(async () => {
  h = await startBrowserHarness();
  const db = h.t.database.db;
  const modena = await officeIdByCode(h.t.database, 'CPI-MO');
  const network = await networkOf(db, modena);
  const employer = await applicationsEmployer(db, network, modena);
  const vacancyId = await publishedVacancy(db, {
    networkId: network,
    officeId: modena,
    employerId: employer.employerId,
    siteId: employer.siteIds[0]!,
    title: 'Carpentiere/a in ferro',
    positions: 1,
  });
  const [w] = await seedWorkers(db, { networkId: network, officeId: modena, names: [['Rocco', 'Malagoli']] });
  const [consultant, matcher] = await Promise.all([signIn(h.t.app, DEMO.consultant), signIn(h.t.app, DEMO.matcher)]);
  for (const agent of [consultant, matcher])
    expect((await agent.put('/api/v1/auth/session/office', { officeId: modena })).statusCode).toBe(200);
  // Proposed by the consultant, taken through to the hire by the matcher; the job began five weeks ago.
  let a = await ok(consultant, '/api/v1/applications', { vacancyId, workerId: w!.id, source: 'consultant' });
  a = await ok(matcher, `/api/v1/applications/${a.id}/moves`, { action: 'preselect', version: a.version });
  a = await ok(matcher, `/api/v1/applications/${a.id}/moves`, { action: 'send', version: a.version, cvId: w!.cvId });
  a = await ok(matcher, `/api/v1/applications/${a.id}/moves`, {
    action: 'interview',
    version: a.version,
    interview: { at: new Date(Date.now() + 3 * 86_400_000).toISOString(), place: 'Via Statale Nord 112, Mirandola' },
  });
  a = await ok(matcher, `/api/v1/applications/${a.id}/moves`, {
    action: 'offer',
    version: a.version,
    offer: {
      contractType: 'permanent',
      ccnlCode: 'C011',
      ccnlLevel: 'C2',
      weeklyHours: 40,
      monthlyGrossCents: 215_000,
      startDate: addDays(today, 7),
    },
  });
  a = await ok(matcher, `/api/v1/applications/${a.id}/moves`, {
    action: 'hire',
    version: a.version,
    hire: { contractType: 'permanent', startDate: addDays(today, -36) },
  });
  placementId = a.placementId;
}, 180_000);
afterAll(() => h?.close());

describe('after the hire in the browser', () => {
  it('reminds the consultant of the one-month follow-up on the home page, and records it in place', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Elena' }).waitFor();
    const card = page.getByRole('region', { name: 'Verifiche dopo l’assunzione da fare' });
    // The demo's own hires have follow-ups due too: the count names them all, Malagoli among them.
    await card.getByText(/^\d+ verifich?e? dovut[ae] entro oggi$/).waitFor();
    expect(await card.getByRole('link', { name: 'Malagoli Rocco' }).count()).toBe(1);
    await card.getByRole('link', { name: 'Tutte le verifiche' }).click();

    await page.getByRole('heading', { level: 1, name: 'Verifiche dopo l’assunzione' }).waitFor();
    const list = page.getByRole('list', { name: 'Verifiche dopo l’assunzione' });
    const item = list.getByRole('listitem').filter({ hasText: 'Malagoli Rocco' });
    await item.getByText(/Verifica a 1 mese, dovuta il .* · Carpenterie Barbieri & Figli S\.r\.l\. · Carpentiere\/a in ferro/).waitFor();
    expect(await item.getByText('In ritardo').count()).toBe(1);
    await item.getByRole('button', { name: 'Registra la verifica' }).click();
    const form = item.getByRole('form', { name: 'Verifica a 1 mese di Malagoli Rocco' });
    // Saved without saying whether he still works there: asked first, nothing sent.
    await form.getByRole('button', { name: 'Salva la verifica' }).click();
    await form.getByRole('alert').filter({ hasText: 'Indicare se il lavoratore è ancora occupato' }).waitFor();
    await form.locator('label', { hasText: 'Sì' }).click();
    await form.getByLabel('Soddisfazione del lavoratore').selectOption('4');
    await form.getByLabel('Di cosa ha bisogno (facoltativo)').fill('Corso per il patentino del carroponte');
    await form.getByRole('button', { name: 'Salva la verifica' }).click();
    await item.getByText('Ancora occupato · soddisfazione 4 – soddisfatto · bisogni: Corso per il patentino del carroponte').waitFor();
    expect(await item.getByRole('button', { name: 'Registra la verifica' }).count()).toBe(0);
    await expectAccessible(page, 'verifiche dopo l’assunzione');
    await screenshot(page, 'placements-follow-ups');

    // Answered once: the home page no longer reminds of it.
    await page.goto(`${h.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Elena' }).waitFor();
    const again = page.getByRole('region', { name: 'Verifiche dopo l’assunzione da fare' });
    await again.getByText(/verifich?e? dovut[ae] entro oggi|Nessuna verifica da fare entro oggi/).waitFor();
    expect(await again.getByRole('link', { name: 'Malagoli Rocco' }).count()).toBe(0);
  }, 120_000);

  it('shows the hire with its follow-ups and records its early end, at 360 px', async () => {
    const { page } = await h.newPage({ width: 360, height: 800 });
    await signInThroughForm(page, h.baseUrl, DEMO.matcher, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/assunzioni/${placementId}`);
    await page.getByRole('heading', { level: 1, name: 'Assunzione di Malagoli Rocco' }).waitFor();
    const followUps = page.getByRole('region', { name: 'Verifiche a 1, 3 e 6 mesi' });
    expect(await followUps.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Verifica a 1 mese,'),
      expect.stringContaining('Verifica a 3 mesi'),
      expect.stringContaining('Verifica a 6 mesi'),
    ]);
    const end = page.getByRole('form', { name: 'Fine anticipata del rapporto' });
    await end.getByLabel(/^Data di fine/).fill(addDays(today, -2));
    await end.getByLabel(/^Motivo/).fill('Non ha superato il periodo di prova');
    await end.getByRole('button', { name: 'Registra la fine anticipata' }).click();
    await page.getByText('Fine anticipata registrata.').waitFor();
    await page
      .getByText(/Non ha superato il periodo di prova/)
      .first()
      .waitFor();
    // Ended: no more follow-ups to record, no second early end.
    expect(await page.getByRole('button', { name: 'Registra la verifica' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Fine anticipata del rapporto' }).count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'assunzione 360');
    await screenshot(page, 'placement-360');
  }, 120_000);
});
