import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newLinkToken } from '../../src/server/appointments/notifications.js';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { addDays, isoWeekday } from '../../src/shared/time/rome-date.js';
import { romeLocal, romeToUtc } from '../../src/shared/time/rome-time.js';
import { buildCigsCase, buildProgramme, networkOf } from '../factories/programmes.js';
import { enrolledWorkers, type OfficeWorker } from '../factories/workshops.js';
import { DEMO, officeIdByCode, signIn } from '../helpers/test-app.js';
import {
  consoleProblems,
  expectAccessible,
  screenshot,
  signInThroughForm,
  startBrowserHarness,
  type BrowserHarness,
} from './browser-helpers.js';

// Invitations by company from the session page (a preview with same-name workers told apart,
// all ticked, one unticked), and the worker's answer on the public page at phone width.
let h: BrowserHarness;
let sessionId: string;
let esposito: OfficeWorker[];

/** A Tuesday to Thursday at least a week ahead, off the fixed national holidays. */
function workshopDay(): string {
  const holidays = ['01-01', '01-06', '01-31', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'];
  let day = addDays(romeLocal(new Date()).date, 9);
  while (isoWeekday(day) < 2 || isoWeekday(day) > 4 || holidays.includes(day.slice(5))) day = addDays(day, 1);
  return day;
}

beforeAll(async () => {
  h = await startBrowserHarness();
  const db = h.t.database.db;
  const modena = await officeIdByCode(h.t.database, 'CPI-MO');
  const networkId = await networkOf(db, modena);
  const { caseId } = await buildCigsCase(db, networkId, { companyName: 'Lanificio Ghirlandina S.p.A.' });
  const programmeId = await buildProgramme(db, { networkId, officeIds: [modena], capacity: 50 });
  const workers = await enrolledWorkers(
    db,
    { officeId: modena, programmeId },
    [
      { firstName: 'Giuseppe', lastName: 'Esposito', caseId, state: 'registered' },
      { firstName: 'Giuseppe', lastName: 'Esposito', caseId, state: 'enrolled' },
      { firstName: 'Ilaria', lastName: 'Conti', caseId, state: 'assessed' },
      { firstName: 'Tommaso', lastName: 'Ferrari', caseId, state: 'placed' },
    ],
    820,
  );
  esposito = workers.slice(0, 2);
  const consultant = await signIn(h.t.app, DEMO.consultant);
  const me = await db.selectFrom('staff_users').select('id').where('email', '=', DEMO.consultant).executeTakeFirstOrThrow();
  const created = await consultant.post('/api/v1/workshops', {
    officeId: modena,
    topic: 'hiring_company',
    title: 'Un’azienda che assume: Ferrari Logistica',
    facilitatorIds: [me.id],
    place: 'Sala conferenze, via Rainusso 70',
    start: romeToUtc(workshopDay(), '17:30').toISOString(),
    durationMinutes: 90,
    seats: 3,
  });
  expect(created.statusCode, created.body).toBe(201);
  sessionId = created.json().items[0].id;
});
afterAll(() => h.close());

describe('workshop invitations and the worker’s answer', () => {
  it('invites everyone enrolled from one company, from the session page, with one unticked', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/agenda/incontri/${sessionId}`);
    await page.getByRole('heading', { level: 1, name: 'Un’azienda che assume: Ferrari Logistica' }).waitFor();
    await page.getByRole('button', { name: 'Invita' }).click();
    const invite = page.getByRole('dialog', { name: 'Invita a «Un’azienda che assume: Ferrari Logistica»' });
    expect(await invite.getByRole('radio', { name: 'Gli iscritti di un’azienda in crisi' }).isChecked()).toBe(true);
    await invite.getByLabel('Azienda', { exact: true }).selectOption({ label: 'Lanificio Ghirlandina S.p.A. (3 iscritti)' });
    // Tommaso Ferrari was placed: his enrolment has ended, he is not listed.
    await invite.getByRole('heading', { name: '3 lavoratori da invitare:' }).waitFor();
    const boxes = invite.getByRole('checkbox');
    expect(await boxes.count()).toBe(3);
    for (let i = 0; i < 3; i++) expect(await boxes.nth(i).isChecked()).toBe(true);
    // The two Giuseppe Esposito, told apart by codice fiscale.
    for (const w of esposito) await invite.getByText(`${w.codiceFiscale} · Lanificio Ghirlandina S.p.A.`).waitFor();
    expect(await invite.getByText('Ferrari Tommaso').count()).toBe(0);
    await invite.locator('label').filter({ hasText: 'Conti Ilaria' }).click();
    expect(await invite.getByRole('checkbox', { name: /Conti Ilaria/ }).isChecked()).toBe(false);
    await expectAccessible(page, 'incontro-invita-azienda');
    await screenshot(page, 'b0-incontro-invita-azienda');
    await invite.getByRole('button', { name: 'Invia 2 inviti' }).click();
    await page
      .getByRole('status')
      .getByText(/^Inviati 2 inviti/)
      .waitFor();
    await page.getByRole('region', { name: 'Invitati in attesa di risposta (2)' }).waitFor();

    // Asked again, the preview shows them as invited and ticks only Conti.
    await page.getByRole('button', { name: 'Invita' }).click();
    await invite.getByLabel('Azienda', { exact: true }).selectOption({ label: 'Lanificio Ghirlandina S.p.A. (3 iscritti)' });
    await invite.getByRole('heading', { name: '1 lavoratore da invitare: 2 sono già nell’incontro.' }).waitFor();
    expect(await invite.getByText('Invitato', { exact: true }).count()).toBe(2);
    await invite.getByRole('radio', { name: 'Gli iscritti senza supporto al CV ricevuto' }).check({ force: true });
    await invite.getByText(/non hanno ancora ricevuto un servizio di supporto al CV/).waitFor();
    await screenshot(page, 'b1-incontro-invita-senza-cv');
    expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);
  });

  it('the worker answers on the public page at 360 px: Partecipo, then Non posso più venire', async () => {
    const { token, hash } = newLinkToken();
    const session = await h.t.database.db
      .selectFrom('group_sessions')
      .select('ends_at')
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    await h.t.database.db
      .insertInto('appointment_links')
      .values({ token_hash: hash, session_id: sessionId, worker_id: esposito[0]!.id, expires_at: session.ends_at })
      .execute();
    const { page } = await h.newPage({ width: 360, height: 780 });
    await page.goto(`${h.baseUrl}/incontro/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Il suo incontro di gruppo' }).waitFor();
    await page.getByText('Gentile Giuseppe').waitFor();
    await page.getByText('dalle 17:30 alle 19:00').waitFor();
    await page.getByText('Sala conferenze, via Rainusso 70').waitFor();
    await page.getByText('3 posti liberi').waitFor();
    await page.getByText('Non ha ancora risposto').waitFor();
    expect(await page.getByText('Esposito').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'incontro-link');
    await screenshot(page, 'b2-incontro-link-360');

    await page.getByRole('button', { name: 'Partecipo', exact: true }).click();
    await page.getByRole('status').getByText('Grazie: ha un posto all’incontro.').waitFor();
    await page.getByText('Ha un posto: la aspettiamo').waitFor();
    await page.getByText('2 posti liberi').waitFor();
    expect(await page.getByRole('button', { name: 'Partecipo', exact: true }).count()).toBe(0);
    await expectAccessible(page, 'incontro-link-prenotato');
    await screenshot(page, 'b3-incontro-link-prenotato-360');
    await page.getByRole('button', { name: 'Non posso più venire' }).click();
    await page
      .getByRole('status')
      .getByText(/^Fatto: non è più iscritto all’incontro/)
      .waitFor();
    await page.getByText('Ha detto che non può più venire').waitFor();
    const row = await h.t.database.db
      .selectFrom('group_participants')
      .select('status')
      .where('session_id', '=', sessionId)
      .where('worker_id', '=', esposito[0]!.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('cancelled');

    // An unknown link says so in words.
    await page.goto(`${h.baseUrl}/incontro/${'Q'.repeat(24)}`);
    await page
      .getByRole('alert')
      .getByText(/Il link non è valido o è scaduto/)
      .waitFor();
    await page.waitForLoadState('networkidle');
    await page
      .getByRole('alert')
      .getByText(/Il link non è valido o è scaduto/)
      .waitFor();
    await expectAccessible(page, 'incontro-link-sconosciuto');
    await screenshot(page, 'b4-incontro-link-sconosciuto-360');
    expect(hashToken(token)).toBe(hash);
    expect(consoleProblems(page).filter((p) => !p.includes('401') && !p.includes('404'))).toEqual([]);
  });
});
