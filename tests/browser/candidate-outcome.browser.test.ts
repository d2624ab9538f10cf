import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newLinkToken } from '../../src/server/appointments/index.js';
import { applicationsEmployer, publishedVacancy, seedWorkers } from '../factories/applications.js';
import { networkOf } from '../factories/programmes.js';
import { DEMO, officeIdByCode, signIn } from '../helpers/test-app.js';
import { consoleProblems, expectAccessible, screenshot, startBrowserHarness, type BrowserHarness } from './browser-helpers.js';

// The employer opens the link of the candidate's e-mail on a phone, without an account: asks for an
// interview with the times it proposes, then records that the candidate was not selected; the link
// then says it is no longer valid.
let h: BrowserHarness;
let token: string;
let applicationId: string;

beforeAll(async () => {
  h = await startBrowserHarness();
  const db = h.t.database.db;
  const modena = await officeIdByCode(h.t.database, 'CPI-MO');
  const networkId = await networkOf(db, modena);
  const employer = await applicationsEmployer(db, networkId, modena);
  const vacancyId = await publishedVacancy(db, {
    networkId,
    officeId: modena,
    employerId: employer.employerId,
    siteId: employer.siteIds[0]!,
    title: 'Operatore/operatrice di macchine CNC',
  });
  const [worker] = await seedWorkers(db, { networkId, officeId: modena, names: [['Nicolò', "D'Angelo"]] });
  const consultant = await signIn(h.t.app, DEMO.consultant);
  const matcher = await signIn(h.t.app, DEMO.matcher);
  for (const agent of [consultant, matcher]) await agent.put('/api/v1/auth/session/office', { officeId: modena });
  const proposed = await consultant.post('/api/v1/applications', { vacancyId, workerId: worker!.id, source: 'consultant' });
  expect(proposed.statusCode, proposed.body).toBe(201);
  applicationId = proposed.json().id;
  expect((await matcher.post(`/api/v1/applications/${applicationId}/moves`, { version: 1, action: 'preselect' })).statusCode).toBe(200);
  const sent = await matcher.post(`/api/v1/applications/${applicationId}/moves`, { version: 2, action: 'send', cvId: worker!.cvId });
  expect(sent.statusCode, sent.body).toBe(200);
  // The e-mail went to the local outbox: a link of the same kind as the one it carried.
  const link = newLinkToken();
  token = link.token;
  await db
    .insertInto('application_links')
    .values({ token_hash: link.hash, application_id: applicationId, expires_at: new Date(Date.now() + 30 * 86_400_000) })
    .execute();
});
afterAll(() => h.close());

describe('the employer’s outcome page', () => {
  it('records an interview wanted, then not selected with a reason, at 360 px', async () => {
    const { page } = await h.newPage({ width: 360, height: 780 });
    await page.goto(`${h.baseUrl}/esito-candidato/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Esito del candidato' }).waitFor();
    await page.getByText('Operatore/operatrice di macchine CNC').waitFor();
    await page.getByText('Carpenterie Barbieri & Figli S.r.l.').waitFor();
    await page.getByText('Nicolò D.', { exact: true }).waitFor();
    expect(await page.getByText("D'Angelo").count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'esito-candidato');
    await screenshot(page, 'h1-esito-candidato-360');

    await page.getByRole('button', { name: 'Vogliamo fare un colloquio' }).click();
    await page.getByLabel('Quando può venire a colloquio? (facoltativo)').fill('Martedì 15 alle 10, chiedere di Chiara Barbieri');
    await expectAccessible(page, 'esito-candidato-colloquio');
    await page.getByRole('button', { name: 'Invia la risposta' }).click();
    await page
      .getByRole('status')
      .getByText(/ha ricevuto la richiesta di colloquio/)
      .waitFor();
    await page.getByText('Ha già risposto: «Vogliamo fare un colloquio». Può aggiornare la risposta.').waitFor();

    await page.getByRole('button', { name: 'Non selezionato' }).click();
    const send = page.getByRole('button', { name: 'Invia la risposta' });
    expect(await send.isDisabled()).toBe(true);
    await page.getByLabel('Motivo').selectOption({ label: 'Posizione già coperta' });
    await expectAccessible(page, 'esito-candidato-non-selezionato');
    await screenshot(page, 'h2-esito-candidato-motivo-360');
    await send.click();
    await page.getByRole('status').getByText('Grazie: l’esito è stato registrato.').waitFor();
    await page.getByText('L’esito di questo candidato è registrato: il link non serve più.').waitFor();
    await expectAccessible(page, 'esito-candidato-registrato');
    await screenshot(page, 'h3-esito-candidato-registrato-360');

    const state = await h.t.database.db
      .selectFrom('applications')
      .select(['state', 'reason_code'])
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow();
    expect(state).toEqual({ state: 'refused', reason_code: 'position_filled' });

    // Opened again: the link has done its work.
    await page.reload();
    await page.getByText(/Il link è scaduto o l’esito di questo candidato è già stato registrato/).waitFor();
    // The shell's session probe (no account: 401) and the expired link (410) are the only failed loads.
    expect(consoleProblems(page).filter((p) => !p.includes('401') && !p.includes('410'))).toEqual([]);
  });
});
