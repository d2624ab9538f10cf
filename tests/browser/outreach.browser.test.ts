import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { DEMO, signIn } from '../helpers/test-app.js';
import {
  consoleProblems,
  expectAccessible,
  screenshot,
  signInThroughForm,
  startBrowserHarness,
  type BrowserHarness,
} from './browser-helpers.js';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(() => h.close());

describe('hotline and outreach in the browser', () => {
  it('the front office records a call with the keyboard in a few seconds, matched to a known worker', async () => {
    const db = h.t.database.db;
    const worker = await db
      .selectFrom('workers as w')
      .innerJoin('offices as o', 'o.id', 'w.office_id')
      .select(['w.id', 'w.first_name', 'w.last_name', 'w.phone'])
      .where('o.code', '=', 'CPI-MO')
      .where('w.phone', 'is not', null)
      .where('w.first_name', '!=', '')
      .orderBy('w.last_name')
      .executeTakeFirstOrThrow();
    const national = worker.phone!.replace('+39', '');
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.frontoffice, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Centralino' }).click();
    await page.getByRole('heading', { level: 1, name: 'Centralino' }).waitFor();
    await page.getByText(/Centralino (aperto|chiuso)/).waitFor();
    await expectAccessible(page, 'centralino');
    await screenshot(page, '40-centralino-1280');

    // Keyboard only: the name field has the focus; Tab to the phone; Enter saves.
    const started = Date.now();
    await page.getByLabel(/^Nome e cognome/).focus();
    await page.keyboard.type(`${worker.first_name} ${worker.last_name}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type(national);
    const match = page.getByRole('radio', { name: new RegExp(`^${worker.first_name} ${worker.last_name} ·`) });
    await page.keyboard.press('Enter');
    await match.waitFor();
    expect(await match.isChecked()).toBe(true);
    await expectAccessible(page, 'centralino-abbinamento');
    await screenshot(page, '41-centralino-abbinamento');
    await page.keyboard.press('Enter');
    const notice = page.getByRole('status').getByText(new RegExp(`^${worker.first_name} ${worker.last_name}:`));
    await notice.waitFor();
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(8);
    expect(await page.getByRole('status').getByText('Nuovo lavoratore creato').count()).toBe(0);
    const call = await db.selectFrom('hotline_calls').select(['worker_id']).orderBy('at', 'desc').executeTakeFirstOrThrow();
    expect(call.worker_id).toBe(worker.id);
    // Ready for the next call: the form is empty and the name has the focus.
    expect(await page.getByLabel(/^Nome e cognome/).inputValue()).toBe('');

    // The callback queue: record "no answer" for the first callback due.
    const queue = page.getByRole('table', { name: 'Richiamate' });
    await queue.waitFor();
    const first = queue.getByRole('row').nth(1);
    const name = (await first.getByRole('rowheader').textContent())!.trim();
    await first.getByRole('combobox').selectOption('no_answer');
    await first.getByRole('button', { name: /Registra esito/ }).click();
    await page.getByRole('status').getByText(`Esito registrato per ${name}.`).waitFor();
    await screenshot(page, '42-centralino-richiamate');
    // The 401s are the session probe on the sign-in page, before signing in.
    expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);

    const { page: phone } = await h.newPage({ width: 360, height: 780 });
    await signInThroughForm(phone, h.baseUrl, DEMO.frontoffice, DEMO_PASSWORD);
    await phone.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await phone.goto(`${h.baseUrl}/centralino`);
    await phone.getByRole('heading', { level: 1, name: 'Centralino' }).waitFor();
    await phone
      .getByRole('button', { name: /^Registra esito/ })
      .first()
      .waitFor();
    await expectAccessible(phone, 'centralino-360');
    await screenshot(phone, '43-centralino-360');
  });

  it('a coordinator previews the SMS campaign text with its segment count', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Contatti' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campagne di contatto' }).waitFor();
    await page.getByText(/Modalità archivio locale: e-mail e SMS non vengono inviati davvero/).waitFor();
    await page.getByRole('row', { name: /SMS - CIGS in scadenza entro 3 mesi/ }).waitFor();
    await page.getByLabel('Modello da modificare').selectOption({ label: 'Invito SMS - servizio di ricollocazione (SMS)' });
    const count = page.getByTestId('sms-count');
    await count.waitFor();
    expect(await count.textContent()).toMatch(/^\d+ caratteri · GSM-7 · 2 SMS \(153 per parte, \d+ liberi\)$/);
    expect(await page.getByTestId('preview').textContent()).toContain('Gentile Maria Rossi, la sua CIGS termina il 31/03/2027');
    // Typing an È (outside the GSM alphabet) switches to 70 characters a part, as shown.
    await page.getByLabel('Testo', { exact: true }).press('End');
    await page.getByLabel('Testo', { exact: true }).pressSequentially(' È gratuito.');
    await page.getByText(/· UCS-2 · \d SMS \(67 per parte/).waitFor();
    await expectAccessible(page, 'contatti');
    await screenshot(page, '44-contatti-1280');
    await page.getByRole('button', { name: 'Destinatari: SMS - CIGS in scadenza entro 3 mesi' }).click();
    await page.getByRole('heading', { name: /Destinatari di «SMS - CIGS in scadenza entro 3 mesi»/ }).waitFor();
    await expectAccessible(page, 'contatti-destinatari');
    // The 401s are the session probe on the sign-in page, before signing in.
    expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);

    // The coordinator also keeps the hotline hours: add a Saturday slot.
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Centralino' }).click();
    await page.getByText('Orari e chiusure del centralino').click();
    await page.getByRole('button', { name: 'Aggiungi fascia' }).click();
    await page.getByLabel('Giorno della fascia 6').selectOption('6');
    await page.getByRole('button', { name: 'Salva orari' }).click();
    await page.getByRole('status').getByText('Orari salvati.').waitFor();
    await expectAccessible(page, 'centralino-orari');
    await screenshot(page, '46-centralino-orari');

    const { page: phone } = await h.newPage({ width: 360, height: 780 });
    await signInThroughForm(phone, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    await phone.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await phone.goto(`${h.baseUrl}/contatti`);
    await phone.getByRole('row', { name: /SMS - CIGS in scadenza entro 3 mesi/ }).waitFor();
    await expectAccessible(phone, 'contatti-360');
    await screenshot(phone, '45-contatti-360');
  });

  it('“Avvia” shows the recipients, who is left out and the billed SMS parts before sending; the outbox shows each message and takes an outcome', async () => {
    const coordinator = await signIn(h.t.app, DEMO.coordinator);
    const templates = (await coordinator.get('/api/v1/outreach/templates')).json().items as Array<{
      id: string;
      channel: string;
      name: string;
    }>;
    const sms = templates.find((x) => x.channel === 'sms')!;
    const programme = (await coordinator.get('/api/v1/programmes')).json().items.find((p: { code: string }) => p.code === 'RIC-CIGS-MO');
    const created = await coordinator.post('/api/v1/outreach/campaigns', {
      name: 'SMS - secondo invito dicembre',
      channel: 'sms',
      templateId: sms.id,
      programmeId: programme.id,
    });
    expect(created.statusCode).toBe(201);
    const preview = (await coordinator.get(`/api/v1/outreach/campaigns/${created.json().id}/start-preview`)).json();
    expect(preview.recipients).toBeGreaterThan(0);

    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/contatti`);
    await page.getByRole('heading', { level: 1, name: 'Campagne di contatto' }).waitFor();
    await page.getByRole('button', { name: 'Avvia: SMS - secondo invito dicembre' }).click();
    const dialog = page.getByRole('dialog', { name: 'Avviare «SMS - secondo invito dicembre»?' });
    await dialog.getByText(`${preview.recipients} destinatari`).waitFor();
    await dialog.getByText(`${preview.smsParts} SMS fatturati in tutto`, { exact: false }).waitFor();
    // The demo campaign reached part of the same people this month, and some are already in the programme.
    expect(preview.excluded.recentlyReached + preview.excluded.registered).toBeGreaterThan(0);
    if (preview.excluded.registered > 0)
      await dialog.getByText(`già iscritti o inseriti nel programma: ${preview.excluded.registered}`).waitFor();
    if (preview.excluded.recentlyReached > 0)
      await dialog.getByText(`già contattati negli ultimi 30 giorni: ${preview.excluded.recentlyReached}`).waitFor();
    // Nothing is sent before confirming.
    expect((await coordinator.get(`/api/v1/outreach/campaigns/${created.json().id}`)).json().status).toBe('draft');
    await expectAccessible(page, 'avvia-conferma');
    await screenshot(page, '47-avvia-conferma');
    await dialog.getByRole('button', { name: 'Conferma e avvia' }).click();
    await page
      .getByRole('status')
      .getByText(/^Campagna avviata: \d+ inviti\.$/)
      .waitFor();
    expect((await coordinator.get(`/api/v1/outreach/campaigns/${created.json().id}`)).json().status).toBe('running');

    await page.getByRole('button', { name: 'Messaggi: SMS - secondo invito dicembre' }).click();
    const outbox = page.getByRole('table', { name: /Ogni messaggio così come è stato inviato o registrato/ });
    await outbox.waitFor();
    const stored = (await coordinator.get(`/api/v1/outreach/campaigns/${created.json().id}/messages?limit=1`)).json().items[0];
    const row = outbox
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: stored.workerName, exact: true }) })
      .first();
    expect(await row.textContent()).toContain(stored.body);
    await row.getByRole('button', { name: `Registra esito: Rifiuta — ${stored.workerName}` }).click();
    await page.getByRole('status').getByText(`Esito registrato per ${stored.workerName}: Rifiuta.`).waitFor();
    await expectAccessible(page, 'messaggi');
    await screenshot(page, '48-messaggi');
    expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);
  });
});
