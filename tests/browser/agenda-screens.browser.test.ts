import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '../../src/shared/time/rome-date.js';
import { romeLocal, romeToUtc } from '../../src/shared/time/rome-time.js';
import { agendaConsultant } from '../factories/agenda.js';
import { DEMO, officeIdByCode, signIn, type Agent } from '../helpers/test-app.js';
import { expectAccessible, screenshot, startBrowserHarness, type BrowserHarness } from './browser-helpers.js';
import { agendaKit, noProblems, workshopDay } from './agenda-helpers.js';

// The agenda's screens around the workshops and the messages: a worker's workshops on their page,
// a workshop in the week grid (opened on its page, two "Giuseppe Russo" told apart there), and the
// editor of the messages' texts (an SMS past one part, saved, a refused placeholder, the default back).
let h: BrowserHarness;
let modena: string;
let facilitator: { id: string; fullName: string; agent: Agent };
const PASSWORD = 'Agenda.Prova.2026!';
const EMAIL = 'lucia.fontana@cpi-modena.example';
const { worker, signedInPage } = agendaKit(
  () => h,
  () => modena,
  1500,
);
const monday = (iso: string) => addDays(iso, 1 - isoWeekday(iso));

beforeAll(async () => {
  h = await startBrowserHarness();
  modena = await officeIdByCode(h.t.database, 'CPI-MO');
  // A consultant of her own: the demo's consultants carry the demo's month of meetings.
  facilitator = await agendaConsultant(h.t.app, h.t.database.db, { officeId: modena, fullName: 'Lucia Fontana', email: EMAIL });
});
afterAll(() => h.close());

async function workshop(title: string, day: string, time: string, seats: number) {
  const response = await facilitator.agent.post('/api/v1/workshops', {
    officeId: modena,
    topic: 'cv_writing',
    title,
    facilitatorIds: [facilitator.id],
    place: 'Biblioteca Delfini, corso Canalgrande 103',
    start: romeToUtc(day, time).toISOString(),
    durationMinutes: 90,
    seats,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().items[0].id as string;
}
const book = async (id: string, workerId: string) =>
  expect((await facilitator.agent.put(`/api/v1/workshops/${id}/participants/${workerId}`, {})).statusCode).toBe(200);

describe('workshops on the agenda’s screens', () => {
  it('lists a worker’s workshops on their page, shows a session in the week grid and opens it, with same-name participants told apart', async () => {
    const ottavia = await worker('Ottavia', 'Barbieri');
    const russoA = await worker('Giuseppe', 'Russo', { birthDate: '1968-03-12', birthPlaceCode: 'F257' });
    const russoB = await worker('Giuseppe', 'Russo', { birthDate: '1975-11-02', birthPlaceCode: 'F839' });
    const day = workshopDay(1);
    const cv = await workshop('Il curriculum che funziona', day, '16:00', 12);
    const full = await workshop('Prepararsi al colloquio', addDays(day, 7), '10:00', 1);
    await book(cv, ottavia);
    await book(cv, russoA);
    await book(cv, russoB);
    await book(full, russoA);
    await book(full, ottavia);

    // The worker's page: beside the meetings, the two sessions with her status in each.
    const page = await signedInPage(EMAIL, { password: PASSWORD });
    await page.goto(`${h.baseUrl}/lavoratori/${ottavia}`);
    await page.getByRole('heading', { level: 1, name: 'Barbieri Ottavia' }).waitFor();
    const mine = page.getByRole('region', { name: 'Incontri di gruppo' });
    const booked = mine.getByRole('listitem').filter({ hasText: 'Il curriculum che funziona' });
    await booked.getByText('Prenotato').waitFor();
    await booked.getByText('16:00–17:30').waitFor();
    await booked.getByText(/Scrivere il curriculum · Centro per l’impiego di Modena · Biblioteca Delfini/).waitFor();
    await mine.getByRole('listitem').filter({ hasText: 'Prepararsi al colloquio' }).getByText('In lista d’attesa, posizione 1').waitFor();
    await expectAccessible(page, 'scheda-lavoratore-incontri');
    await screenshot(page, 'b0-scheda-lavoratore-incontri');

    // The week holding the session, in the office's calendar: a block with the topic and the seats.
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Agenda' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    await page.getByRole('button', { name: 'Settimana', exact: true }).click();
    const weeks = (Date.parse(monday(day)) - Date.parse(monday(romeLocal(new Date()).date))) / (7 * 86_400_000);
    for (let i = 0; i < weeks; i++) await page.getByRole('button', { name: 'Settimana successiva' }).click();
    const grid = page.getByRole('region', { name: 'Calendario' });
    const block = grid.getByRole('link', { name: /Incontro di gruppo: 16:00–17:30 Il curriculum che funziona/ });
    await block.waitFor();
    const card = grid.locator('.agenda-card-workshop', { hasText: 'Il curriculum che funziona' });
    await card.getByText('3/12 posti').waitFor();
    expect(await grid.locator('li.agenda-grid-item', { hasText: 'Il curriculum che funziona' }).getAttribute('draggable')).toBe('false');
    await expectAccessible(page, 'agenda-settimana-incontro');
    await screenshot(page, 'b1-agenda-settimana-incontro');
    // Filtered by the facilitator it stays; by a consultant who does not lead it, it goes.
    await page.getByLabel('Consulente').selectOption({ label: 'Lucia Fontana' });
    await block.waitFor();
    await page.getByLabel('Consulente').selectOption({ label: 'Elena Rinaldi' });
    await block.waitFor({ state: 'detached' });
    await page.getByLabel('Consulente').selectOption({ label: 'Tutti i consulenti' });

    await block.click();
    await page.getByRole('heading', { level: 1, name: 'Il curriculum che funziona' }).waitFor();
    const seated = page.getByRole('listitem').filter({ hasText: 'Russo Giuseppe' });
    await expect.poll(() => seated.count()).toBe(2);
    await seated.filter({ hasText: 'nascita 12/03/1968' }).waitFor();
    await seated.filter({ hasText: 'nascita 02/11/1975' }).waitFor();
    const endings = await seated.locator('.visually-hidden', { hasText: 'codice fiscale che termina con' }).allTextContents();
    expect(new Set(endings).size).toBe(2);
    await expectAccessible(page, 'incontro-omonimi');
    await screenshot(page, 'b2-incontro-omonimi');
    noProblems(page);

    // On a phone: the list view shows the session among the day's meetings.
    const phone = await signedInPage(EMAIL, { password: PASSWORD, width: 360, height: 780 });
    await phone.goto(`${h.baseUrl}/lavoratori/${ottavia}`);
    await phone.getByRole('region', { name: 'Incontri di gruppo' }).getByText('Prenotato').waitFor();
    await expectAccessible(phone, 'scheda-lavoratore-incontri-telefono');
    await screenshot(phone, 'b3-scheda-lavoratore-incontri-telefono');
    await phone.goto(`${h.baseUrl}/agenda`);
    await phone.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    for (let i = 0; i < weeks; i++) await phone.getByRole('button', { name: 'Settimana successiva' }).click();
    await phone.getByRole('link', { name: /Incontro di gruppo: 16:00–17:30 Il curriculum che funziona/ }).waitFor();
    await expectAccessible(phone, 'agenda-elenco-incontro-telefono');
    await screenshot(phone, 'b4-agenda-elenco-incontro-telefono');
    await phone.goto(`${h.baseUrl}/agenda/incontri/${cv}`);
    await phone.getByRole('heading', { level: 1, name: 'Il curriculum che funziona' }).waitFor();
    await phone.locator('.agenda-worker-identity', { hasText: 'nascita 12/03/1968' }).waitFor();
    await screenshot(phone, 'b5-incontro-omonimi-telefono');
    noProblems(phone);
  });
});

describe('the editor of the messages’ texts', () => {
  it('grows an SMS past one part and sees the count change, saves it, is refused an unknown placeholder beside the text, goes back to the default', async () => {
    const page = await signedInPage(DEMO.coordinator);
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Agenda' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    await page.getByRole('link', { name: 'Testi dei messaggi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Testi dei messaggi' }).waitFor();
    await page.getByLabel('Messaggio', { exact: true }).selectOption({ label: 'Promemoria' });
    await page.getByRole('heading', { level: 2, name: 'Promemoria: e-mail e SMS' }).waitFor();
    const sms = page.getByRole('region', { name: /SMS/ });
    const text = sms.getByLabel(/^Testo dell’SMS/);
    const count = sms.getByTestId('sms-count');
    const parts = async () => Number((await count.textContent())!.match(/(\d+) SMS/)![1]);
    await count.waitFor();
    const before = await parts();
    expect(before).toBe(1);
    await expect.poll(async () => (await count.textContent())!).toMatch(/GSM-7/);
    // Inserted at the cursor: the placeholder button, then words that take it past 160 characters.
    await text.click();
    await text.press('End');
    await sms.getByRole('button', { name: 'Inserisci operatore' }).click();
    await text.press('End');
    await text.pressSequentially(' Se non può venire, ci avvisi almeno un giorno prima: il posto va a chi aspetta.');
    await expect.poll(parts).toBeGreaterThan(before);
    await expect.poll(async () => (await sms.getByTestId('example-sms').textContent())!).toContain('Elena Rinaldi');
    await expectAccessible(page, 'testi-messaggi');
    await screenshot(page, 'b6-testi-messaggi');

    await sms.getByRole('button', { name: /^Salva/ }).click();
    await page.getByRole('status').getByText('Promemoria (SMS): testo salvato.').waitFor();
    await sms.getByText('testo della rete').waitFor();
    const saved = (await (await signIn(h.t.app, DEMO.coordinator)).get('/api/v1/agenda/templates')).json();
    const reminder = saved.items.find((x: { kind: string; channel: string }) => x.kind === 'reminder' && x.channel === 'sms');
    expect(reminder.body).toContain('{{operatore}} Se non può venire');
    expect(reminder.sms.segments).toBe(await parts());

    // A placeholder the agenda does not know: the server refuses it, said under the text.
    await text.fill(`${reminder.body} Codice: {{codice_pratica}}`);
    await sms.getByRole('button', { name: /^Salva/ }).click();
    await sms.locator('.invalid-feedback').getByText('Segnaposto sconosciuti: {{codice_pratica}}').waitFor();
    expect(await text.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'testi-messaggi-errore');
    await screenshot(page, 'b7-testi-messaggi-errore');

    await sms.getByRole('button', { name: /^Torna al testo predefinito/ }).click();
    await page.getByRole('status').getByText('Promemoria (SMS): ripristinato il testo predefinito.').waitFor();
    await sms.getByText('testo predefinito').waitFor();
    await expect.poll(() => text.inputValue()).toBe('{{sede}}: promemoria {{data}} ore {{ora}}, {{luogo}}. Info: {{link}}');
    await expect.poll(parts).toBe(1);
    noProblems(page, [400]);

    // On a phone, and read-only for a consultant: no save, no placeholders to insert.
    const phone = await signedInPage(EMAIL, { password: PASSWORD, width: 360, height: 780 });
    await phone.goto(`${h.baseUrl}/agenda/messaggi`);
    await phone.getByRole('heading', { level: 1, name: 'Testi dei messaggi' }).waitFor();
    await phone.getByRole('region', { name: /SMS/ }).getByTestId('sms-count').waitFor();
    expect(await phone.getByRole('button', { name: /^Salva/ }).count()).toBe(0);
    await expectAccessible(phone, 'testi-messaggi-telefono');
    await screenshot(phone, 'b8-testi-messaggi-telefono');
    noProblems(phone);
  });
});
