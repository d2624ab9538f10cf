import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/shared/time/rome-date.js';
import { romeLocal, romeToUtc } from '../../src/shared/time/rome-time.js';
import { DEMO, officeIdByCode, signIn } from '../helpers/test-app.js';
import { expectAccessible, screenshot, startBrowserHarness, type BrowserHarness } from './browser-helpers.js';
import { agendaKit, noProblems, workshopDay } from './agenda-helpers.js';

// A consultant creates a workshop, fills it past its seats, frees a seat and cancels it; then
// records attendance of a session that has started and downloads its sheet.
let h: BrowserHarness;
let modena: string;
const { worker, signedInPage } = agendaKit(
  () => h,
  () => modena,
  700,
);

beforeAll(async () => {
  h = await startBrowserHarness();
  modena = await officeIdByCode(h.t.database, 'CPI-MO');
  // A small room, so that a workshop larger than it is refused beside its seats.
  const coordinator = await signIn(h.t.app, DEMO.coordinator);
  const room = await coordinator.post('/api/v1/agenda/rooms', { officeId: modena, name: 'Saletta piccola', capacity: 3 });
  expect(room.statusCode, room.body).toBe(201);
});
afterAll(() => h.close());

describe('group workshops in the browser', () => {
  it('creates a session, books it past its seats onto the waiting list, frees a seat for the first waiting, invites, cancels with a reason', async () => {
    await worker('Ottavia', 'Barbieri');
    await worker('Gennaro', 'Esposito');
    await worker('Nicolò', "D'Angelo");
    await worker('Ilaria', 'Conti');
    await worker('Tommaso', 'Ferrari');
    const page = await signedInPage(DEMO.consultant);
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Agenda' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    await page.getByRole('link', { name: 'Incontri di gruppo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Incontri di gruppo' }).waitFor();
    // The demo's own sessions of the office may be listed already.
    await page.getByRole('button', { name: 'Nuovo incontro' }).click();
    const form = page.getByRole('dialog', { name: 'Nuovo incontro di gruppo' });
    await form.getByLabel('Tema').selectOption({ label: 'Scrivere il curriculum' });
    await form.getByLabel(/^Titolo/).fill('Il curriculum che funziona');
    await form.getByLabel('Descrizione').fill('Portare il curriculum attuale, anche su carta.');
    // The consultant who creates it leads it unless unticked.
    await expect.poll(() => form.getByRole('checkbox', { name: 'Elena Rinaldi' }).isChecked()).toBe(true);
    const day = workshopDay();
    await form.getByLabel(/^Data/).fill(day);
    await form.getByLabel(/^Ora di inizio/).fill('17:30');
    await form.getByLabel(/^Durata/).fill('90');
    await form.getByLabel('Sala').selectOption({ label: 'Saletta piccola (3 posti)' });
    await form.getByLabel(/^Posti/).fill('20');
    await form.getByRole('button', { name: 'Crea l’incontro' }).click();
    // The server's refusal (ROOM_TOO_SMALL, body/seats) is said under the seats.
    await form.getByText('Al massimo 3 posti in questa stanza').waitFor();
    expect(await form.getByLabel(/^Posti/).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'incontro-nuovo-errore');
    await screenshot(page, 'a0-incontro-nuovo-errore');

    await form.getByLabel('Sala').selectOption({ label: 'Nessuna sala della sede' });
    await form.getByLabel('Altro luogo').fill('Biblioteca Delfini, corso Canalgrande 103');
    await form.getByLabel(/^Posti/).fill('2');
    await form.getByRole('button', { name: 'Crea l’incontro' }).click();
    await page.getByRole('heading', { level: 1, name: 'Il curriculum che funziona' }).waitFor();
    await page
      .getByRole('status')
      .getByText(/^Incontro «Il curriculum che funziona» creato per .* alle 17:30\.$/)
      .waitFor();
    const session = await h.t.database.db
      .selectFrom('group_sessions')
      .select(['id', 'starts_at', 'seats', 'place'])
      .where('title', '=', 'Il curriculum che funziona')
      .executeTakeFirstOrThrow();
    expect(session.starts_at.toISOString()).toBe(romeToUtc(day, '17:30').toISOString());
    expect(session).toMatchObject({ seats: 2, place: 'Biblioteca Delfini, corso Canalgrande 103' });

    // Four bookings for two seats: two booked, then the waiting list in order.
    await page.getByRole('button', { name: 'Aggiungi partecipante' }).click();
    const add = page.getByRole('dialog', { name: 'Aggiungi partecipante a «Il curriculum che funziona»' });
    const book = async (name: string, answer: RegExp) => {
      // The app's clock is the tests' own, standing still: each booking a second later, as people arrive.
      h.t.clock.advance(1000);
      await add.getByLabel('Cerca un lavoratore').fill(name);
      await add.getByRole('button', { name: `Prenota ${name}` }).click();
      await add.getByRole('status').getByText(answer).waitFor();
    };
    await book('Barbieri Ottavia', /^Barbieri Ottavia è prenotato/);
    await book('Esposito Gennaro', /^Esposito Gennaro è prenotato/);
    await book("D'Angelo Nicolò", /^Incontro al completo: D'Angelo Nicolò è in lista d’attesa, posizione 1\.$/);
    await expectAccessible(page, 'incontro-aggiungi');
    await screenshot(page, 'a1-incontro-aggiungi');
    await book('Conti Ilaria', /^Incontro al completo: Conti Ilaria è in lista d’attesa, posizione 2\.$/);
    // Someone already booked or waiting is said so, not offered again.
    await add.getByLabel('Cerca un lavoratore').fill('Barbieri Ottavia');
    await add.getByText('Prenotato', { exact: true }).waitFor();
    await add.getByRole('button', { name: 'Chiudi' }).click();
    await add.waitFor({ state: 'detached' });

    await page.getByText('2 prenotati su 2 posti · 2 in lista d’attesa').waitFor();
    await page.getByText('Al completo').waitFor();
    const waiting = page.getByRole('region', { name: 'Lista d’attesa (2)' });
    await waiting.getByRole('listitem').filter({ hasText: "D'Angelo Nicolò" }).getByText('In lista d’attesa, posizione 1').waitFor();
    await waiting.getByRole('listitem').filter({ hasText: 'Conti Ilaria' }).getByText('In lista d’attesa, posizione 2').waitFor();
    await expectAccessible(page, 'incontro-completo');
    await screenshot(page, 'a2-incontro-completo');

    // A booked participant withdraws: the first waiting takes the seat, and the page says who.
    await page.getByRole('button', { name: 'Ritira Barbieri Ottavia' }).click();
    await page
      .getByRole('status')
      .getByText(/^Barbieri Ottavia non partecipa più all’incontro: il posto è andato a D'Angelo Nicolò, primo in lista d’attesa/)
      .waitFor();
    const seated = page.getByRole('region', { name: 'Prenotati (2)' });
    await seated.getByRole('listitem').filter({ hasText: "D'Angelo Nicolò" }).getByText('Prenotato').waitFor();
    await page
      .getByRole('region', { name: 'Lista d’attesa (1)' })
      .getByRole('listitem')
      .filter({ hasText: 'Conti Ilaria' })
      .getByText('In lista d’attesa, posizione 1')
      .waitFor();
    await page.getByRole('region', { name: 'Ritirati o rinunciatari (1)' }).getByRole('link', { name: 'Barbieri Ottavia' }).waitFor();
    const statuses = await h.t.database.db
      .selectFrom('group_participants')
      .select(['status'])
      .where('session_id', '=', session.id)
      .orderBy('status')
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(['booked', 'booked', 'cancelled', 'waiting']);

    // An invitation picked from a search.
    await page.getByRole('button', { name: 'Invita' }).click();
    const invite = page.getByRole('dialog', { name: 'Invita a «Il curriculum che funziona»' });
    await invite.locator('label').filter({ hasText: 'Cerca i lavoratori a mano' }).click();
    await invite.getByLabel('Cerca un lavoratore').fill('Ferrari Tommaso');
    // Bootstrap Italia draws the checkbox with its label, which takes the click.
    await invite.getByRole('listitem').filter({ hasText: 'Ferrari Tommaso' }).locator('label').click();
    expect(await invite.getByRole('checkbox', { name: 'Scegli Ferrari Tommaso' }).isChecked()).toBe(true);
    await invite.getByRole('heading', { name: '1 lavoratore scelto' }).waitFor();
    await expectAccessible(page, 'incontro-invita');
    await invite.getByRole('button', { name: 'Invia 1 invito' }).click();
    await page
      .getByRole('status')
      .getByText(/^Inviato 1 invito/)
      .waitFor();
    await page.getByRole('region', { name: 'Invitati in attesa di risposta (1)' }).getByRole('link', { name: 'Ferrari Tommaso' }).waitFor();

    // More seats, with a reason: the next waiting takes the new seat. Fewer than the booked are refused beside the seats.
    await page.getByRole('button', { name: 'Modifica ora, luogo o posti' }).click();
    const edit = page.getByRole('dialog', { name: 'Modifica «Il curriculum che funziona»' });
    await edit.getByText(/tutti i 3 partecipanti prenotati o in lista d’attesa ricevono un avviso/).waitFor();
    await edit.getByLabel(/^Posti/).fill('1');
    await edit.getByLabel(/^Motivo della modifica/).fill('Sala più piccola');
    await edit.getByRole('button', { name: 'Salva e avvisa' }).click();
    await edit.getByText('Almeno 2 posti (i prenotati)').waitFor();
    await expectAccessible(page, 'incontro-modifica-errore');
    await screenshot(page, 'a7-incontro-modifica-errore');
    await edit.getByLabel(/^Posti/).fill('3');
    await edit.getByLabel(/^Motivo della modifica/).fill('Un posto in più in biblioteca');
    await edit.getByRole('button', { name: 'Salva e avvisa' }).click();
    await page.getByRole('status').getByText('Incontro «Il curriculum che funziona» modificato.').waitFor();
    await page.getByText('3 prenotati su 3 posti').waitFor();
    await page.getByRole('region', { name: 'Prenotati (3)' }).getByRole('link', { name: 'Conti Ilaria' }).waitFor();

    // Phone width: the session page in one column.
    const phone = await signedInPage(DEMO.consultant, { width: 360, height: 780 });
    await phone.goto(`${h.baseUrl}/agenda/incontri/${session.id}`);
    await phone.getByRole('heading', { level: 1, name: 'Il curriculum che funziona' }).waitFor();
    await phone.getByRole('link', { name: 'Ferrari Tommaso' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await expectAccessible(phone, 'incontro-360');
    await screenshot(phone, 'a3-incontro-360');
    await phone.goto(`${h.baseUrl}/agenda/incontri`);
    await phone.getByRole('link', { name: 'Il curriculum che funziona' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await expectAccessible(phone, 'incontri-elenco-360');
    await screenshot(phone, 'a4-incontri-elenco-360');
    noProblems(phone);

    // Cancelled with a reason (required): everyone booked, waiting or invited is told.
    await page.getByRole('button', { name: 'Annulla l’incontro' }).click();
    const cancel = page.getByRole('dialog', { name: 'Annulla «Il curriculum che funziona»' });
    await cancel.getByText(/i 4 lavoratori prenotati, in attesa o invitati ricevono un avviso/).waitFor();
    await cancel.getByRole('button', { name: 'Annulla l’incontro' }).click();
    await cancel.getByText('Indicare il motivo dell’annullamento').waitFor();
    await cancel.getByLabel(/^Motivo/).fill('La biblioteca è chiusa per lavori');
    await expectAccessible(page, 'incontro-annulla');
    await cancel.getByRole('button', { name: 'Annulla l’incontro' }).click();
    await page
      .getByRole('status')
      .getByText(/^Incontro «Il curriculum che funziona» annullato/)
      .waitFor();
    await page.getByText('motivo: La biblioteca è chiusa per lavori').waitFor();
    expect(await page.getByRole('button', { name: 'Aggiungi partecipante' }).count()).toBe(0);
    const row = await h.t.database.db
      .selectFrom('group_sessions')
      .select(['status', 'cancel_reason'])
      .where('id', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'cancelled', cancel_reason: 'La biblioteca è chiusa per lavori' });

    await page.getByRole('link', { name: 'Torna agli incontri di gruppo' }).click();
    await page.getByRole('link', { name: 'Il curriculum che funziona' }).waitFor();
    await page.getByText('Annullato', { exact: true }).waitFor();
    await expectAccessible(page, 'incontri-elenco');
    await screenshot(page, 'a5-incontri-elenco');
    noProblems(page, [409, 422]);
  });

  it('a session that has started: attendance per participant, and the attendance sheet as a PDF', async () => {
    const first = await worker('Giulia', 'Ricci');
    const second = await worker('Salvatore', 'Russo');
    const agent = await signIn(h.t.app, DEMO.consultant);
    const me = (await agent.get('/api/v1/auth/session')).json().user.id as string;
    const created = await agent.post('/api/v1/workshops', {
      officeId: modena,
      topic: 'interview_practice',
      title: 'Prepararsi al colloquio',
      facilitatorIds: [me],
      place: 'Aula 2',
      start: romeToUtc(workshopDay(), '19:00').toISOString(),
      durationMinutes: 120,
      seats: 10,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().items[0].id as string;
    for (const workerId of [first, second])
      expect((await agent.request({ method: 'PUT', url: `/api/v1/workshops/${id}/participants/${workerId}` })).statusCode).toBe(200);
    // Started half an hour ago (the API refuses a session in the past, so the clock is moved here).
    const start = new Date(h.t.clock().getTime() - 30 * 60_000);
    await h.t.database.db
      .updateTable('group_sessions')
      .set({ starts_at: start, ends_at: new Date(start.getTime() + 120 * 60_000) })
      .where('id', '=', id)
      .execute();

    const page = await signedInPage(DEMO.consultant);
    await page.goto(`${h.baseUrl}/agenda/incontri/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Prepararsi al colloquio' }).waitFor();
    await page.getByText(/L’incontro è iniziato: registra la presenza/).waitFor();
    // Started: no booking, no change, no cancellation; attendance instead.
    expect(await page.getByRole('button', { name: 'Aggiungi partecipante' }).count()).toBe(0);
    const ricci = page.getByRole('group', { name: 'Presenza di Ricci Giulia' });
    await ricci.getByRole('button', { name: 'Presente' }).click();
    await page.getByRole('status').getByText('Ricci Giulia: Presente.').waitFor();
    await expect.poll(() => ricci.getByRole('button', { name: 'Presente' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('group', { name: 'Presenza di Russo Salvatore' }).getByRole('button', { name: 'Giustificato' }).click();
    await page.getByRole('status').getByText('Russo Salvatore: Giustificato.').waitFor();
    await expectAccessible(page, 'incontro-presenze');
    await screenshot(page, 'a6-incontro-presenze');
    const marks = await h.t.database.db
      .selectFrom('group_participants')
      .select(['worker_id', 'status'])
      .where('session_id', '=', id)
      .execute();
    expect(Object.fromEntries(marks.map((m) => [m.worker_id, m.status]))).toEqual({ [first]: 'attended', [second]: 'excused' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Scarica il foglio presenze (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^presenze-\d{4}-\d{2}-\d{2}\.pdf$/);
    noProblems(page);
  });
  it('a weekly series at once: the same Rome time on each week, listed by date; a missing title is said beside it', async () => {
    const page = await signedInPage(DEMO.consultant);
    await page.goto(`${h.baseUrl}/agenda/incontri`);
    await page.getByRole('button', { name: 'Nuovo incontro' }).click();
    const form = page.getByRole('dialog', { name: 'Nuovo incontro di gruppo' });
    await form.getByLabel('Tema').selectOption({ label: 'Orientamento' });
    const day = workshopDay();
    await form.getByLabel(/^Data/).fill(day);
    await form.getByLabel(/^Ora di inizio/).fill('18:00');
    // An hour: the session of the test before still holds its facilitator's evening from 19:00.
    await form.getByLabel(/^Durata/).fill('60');
    await form.getByText('Ripeti ogni settimana').click();
    await form.getByLabel(/^Per quante settimane/).fill('3');
    await form.getByRole('button', { name: 'Crea la serie' }).click();
    // Checked before any request, with the API's own message, and the focus goes to the field.
    const title = form.getByLabel(/^Titolo/);
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    await title.fill('Orientamento al lavoro: quattro passi');
    await form.getByRole('button', { name: 'Crea la serie' }).click();
    await page
      .getByRole('status')
      .getByText(/^Creati 3 incontri «Orientamento al lavoro: quattro passi», uno a settimana dal /)
      .waitFor();
    const rows = await h.t.database.db
      .selectFrom('group_sessions')
      .select(['starts_at', 'series_id'])
      .where('title', '=', 'Orientamento al lavoro: quattro passi')
      .orderBy('starts_at')
      .execute();
    expect(rows.map((r) => romeLocal(r.starts_at))).toEqual(
      [0, 7, 14].map((d) => expect.objectContaining({ date: addDays(day, d), time: '18:00' })),
    );
    expect(new Set(rows.map((r) => r.series_id)).size).toBe(1);
    await page.getByRole('link', { name: 'Torna agli incontri di gruppo' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Orientamento al lavoro: quattro passi' }).count()).toBe(3);
    noProblems(page);
  });
});
