import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/server/appointments/notifications.js';
import { romeLocal } from '../../src/shared/time/rome-time.js';
import { DEMO, officeIdByCode, signIn } from '../helpers/test-app.js';
import { consoleProblems, expectAccessible, screenshot, startBrowserHarness, type BrowserHarness } from './browser-helpers.js';
import { agendaKit, noProblems } from './agenda-helpers.js';

// The consultant books, finds and cancels a meeting; the worker opens the link in their message on a phone.
let h: BrowserHarness;
let modena: string;
let consultantId: string;
const { worker, signedInPage } = agendaKit(
  () => h,
  () => modena,
  900,
);

/** Every day 07:00–20:00 from today in Modena only: whatever day and hour the suite runs, a slot is near. */
async function openAvailability() {
  const agent = await signIn(h.t.app, DEMO.consultant);
  const session = (await agent.get('/api/v1/auth/session')).json();
  consultantId = session.user.id;
  // The test owns her calendar: whatever the demo gave her (other offices' hours, meetings, absences) goes.
  const db = h.t.database.db;
  await db.deleteFrom('appointments').where('consultant_id', '=', consultantId).execute();
  await db.deleteFrom('availability_exceptions').where('consultant_id', '=', consultantId).execute();
  await db.deleteFrom('consultant_availability').where('consultant_id', '=', consultantId).execute();
  const today = romeLocal(new Date()).date;
  const rules = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '07:00', to: '20:00', validFrom: today, validTo: null }));
  const response = await agent.put(`/api/v1/agenda/consultants/${consultantId}/availability`, { officeId: modena, rules });
  expect(response.statusCode, response.body).toBe(200);
}

beforeAll(async () => {
  h = await startBrowserHarness();
  modena = await officeIdByCode(h.t.database, 'CPI-MO');
  await openAvailability();
});
afterAll(() => h.close());

describe('the agenda in the browser', () => {
  it('books from the worker page (a double click books once), shows it in the week view, cancels it with a reason', async () => {
    const workerId = await worker('Nicolò', "D'Angelo");
    const page = await signedInPage(DEMO.consultant);
    await page.goto(`${h.baseUrl}/lavoratori/${workerId}`);
    await page.getByRole('heading', { level: 1, name: "D'Angelo Nicolò" }).waitFor();
    const section = page.getByRole('region', { name: 'Appuntamenti' });
    await section.getByText('Nessun appuntamento in programma.').waitFor();

    await section.getByRole('button', { name: 'Fissa un appuntamento' }).click();
    const dialog = page.getByRole('dialog', { name: "Nuovo appuntamento per D'Angelo Nicolò" });
    await dialog.waitFor();
    await dialog.getByLabel('Tipo di appuntamento').selectOption({ label: 'Primo colloquio (60 min)' });
    const slots = dialog.getByRole('group', { name: 'Primi orari liberi' });
    const first = slots.getByRole('button').first();
    await first.waitFor();
    await expectAccessible(page, 'agenda-prenotazione');
    await screenshot(page, '90-agenda-prenotazione');
    const label = (await first.textContent())!;
    await first.dblclick();
    await page
      .getByRole('status')
      .getByText(/^Appuntamento fissato per /)
      .waitFor();
    await dialog.waitFor({ state: 'detached' });
    const upcoming = section.getByRole('listitem').filter({ hasText: 'Primo colloquio' });
    await upcoming.first().waitFor();
    expect(await upcoming.count()).toBe(1);
    const booked = (await h.t.database.db.selectFrom('appointments').selectAll().where('worker_id', '=', workerId).execute()) as Array<{
      id: string;
      starts_at: Date;
    }>;
    expect(booked).toHaveLength(1);
    expect(label).toContain(romeLocal(booked[0]!.starts_at).time);
    await expectAccessible(page, 'scheda-lavoratore-appuntamenti');
    await screenshot(page, '91-scheda-lavoratore-appuntamenti');

    // The week holding the meeting, in the office's calendar.
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Agenda' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    const day = romeLocal(booked[0]!.starts_at).date;
    const monday = (iso: string) => {
      const d = new Date(`${iso}T12:00:00Z`);
      return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
    };
    if (monday(day) !== monday(romeLocal(new Date()).date)) await page.getByRole('button', { name: 'Settimana successiva' }).click();
    const card = page.getByRole('button', { name: /Primo colloquio\s*, (D'Angelo|Nicolò)/ });
    await card.waitFor();
    await page
      .getByRole('link', { name: /D'Angelo/ })
      .first()
      .waitFor();
    await expectAccessible(page, 'agenda-settimana');
    await screenshot(page, '92-agenda-settimana');

    await card.click();
    const detail = page.getByRole('dialog', { name: /^Primo colloquio · / });
    await detail.getByRole('button', { name: 'Annulla appuntamento' }).click();
    const cancel = page.getByRole('dialog', { name: /^Annulla l’appuntamento di / });
    await cancel.getByRole('button', { name: 'Annulla l’appuntamento' }).click();
    await cancel.getByText('Indicare il motivo dell’annullamento').waitFor();
    await cancel.getByLabel(/^Motivo/).fill('Il lavoratore ha trovato lavoro');
    await expectAccessible(page, 'agenda-annulla');
    await cancel.getByRole('button', { name: 'Annulla l’appuntamento' }).click();
    await page
      .getByRole('status')
      .getByText(/appuntamento di .* annullato/i)
      .waitFor();
    await card.waitFor({ state: 'detached' });
    const row = await h.t.database.db
      .selectFrom('appointments')
      .select(['status', 'cancel_reason'])
      .where('id', '=', booked[0]!.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'cancelled', cancel_reason: 'Il lavoratore ha trovato lavoro' });

    // Shown again with the cancelled ones.
    // Bootstrap Italia draws the checkbox with its label, which takes the click.
    await page.getByText('Mostra anche gli annullati').click();
    await card.waitFor();
    await page.getByRole('button', { name: 'Elenco' }).click();
    await page.getByText('Annullato').first().waitFor();
    await screenshot(page, '93-agenda-elenco');
    noProblems(page);
  });

  it('a slot taken while the dialog was open: the Italian detail and the proposals in its place, one of which books', async () => {
    const workerId = await worker('Francesca', 'Bianchi');
    const rival = await worker('Marco', 'Russo');
    const page = await signedInPage(DEMO.consultant);
    await page.goto(`${h.baseUrl}/lavoratori/${workerId}`);
    await page.getByRole('heading', { level: 1, name: 'Bianchi Francesca' }).waitFor();
    // The sections above it load on their own and push it down: click once it has loaded too.
    const section = page.getByRole('region', { name: 'Appuntamenti' });
    await section.getByText('Nessun appuntamento in programma.').waitFor();
    await section.getByRole('button', { name: 'Fissa un appuntamento' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuovo appuntamento per Bianchi Francesca' });
    await dialog.waitFor();
    await dialog.getByLabel('Modalità').selectOption({ label: 'Al telefono' });
    const group = dialog.getByRole('group', { name: 'Primi orari liberi' });
    await expect.poll(() => group.getAttribute('aria-busy')).toBe('false');
    const shown = group.getByRole('button').first();
    await shown.waitFor();

    // Someone else takes the consultant's first slot meanwhile.
    const agent = await signIn(h.t.app, DEMO.consultant);
    const types = (await agent.get(`/api/v1/agenda/setup?officeId=${modena}`)).json().types as Array<{ id: string; name: string }>;
    const label = await dialog.getByLabel('Tipo di appuntamento').locator('option:checked').textContent();
    const typeId = types.find((t) => label?.startsWith(`${t.name} (`))!.id;
    const slot = (await agent.get(`/api/v1/agenda/free-slots?officeId=${modena}&typeId=${typeId}&mode=phone&limit=1`)).json().items[0];
    const taken = await agent.post('/api/v1/appointments', {
      workerId: rival,
      officeId: modena,
      typeId,
      consultantId: slot.consultantId,
      mode: 'phone',
      start: slot.start,
    });
    expect(taken.statusCode, taken.body).toBe(201);

    await shown.click();
    await dialog
      .getByRole('alert')
      .getByText(/L’operatore ha già un appuntamento|L’orario è appena stato occupato/)
      .waitFor();
    await dialog.getByRole('heading', { name: 'Orari proposti al posto di quello scelto' }).waitFor();
    await expectAccessible(page, 'agenda-orario-occupato');
    await screenshot(page, '99-agenda-orario-occupato');
    const proposals = dialog.getByRole('group', { name: 'Orari proposti al posto di quello scelto' });
    expect(await proposals.getByRole('button', { name: new RegExp(`, ${slot.startTime} · ${slot.consultantName}`) }).count()).toBe(0);
    await proposals.getByRole('button').first().click();
    await page
      .getByRole('status')
      .getByText(/^Appuntamento fissato per Bianchi Francesca: /)
      .waitFor();
    noProblems(page, [409, 422]);
  });

  it('the front office books the first meeting during a call, and from the callback queue', async () => {
    const db = h.t.database.db;
    const workerId = await worker('Giulia', 'Ferrari');
    const phone = (await db.selectFrom('workers').select('phone').where('id', '=', workerId).executeTakeFirstOrThrow()).phone!;
    const page = await signedInPage(DEMO.frontoffice);
    await page.goto(`${h.baseUrl}/centralino`);
    await page.getByRole('heading', { level: 1, name: 'Centralino' }).waitFor();
    await page.getByLabel(/^Nome e cognome/).fill('Giulia Ferrari');
    await page.getByLabel(/^Telefono/).fill(phone.replace('+39', ''));
    await page.getByRole('radio', { name: /^Giulia Ferrari ·/ }).waitFor();
    await page.getByRole('button', { name: 'Metti solo in richiamata' }).click();
    await page
      .getByRole('status')
      .getByText(/^Giulia Ferrari: richiamata messa in coda/)
      .waitFor();

    await page.getByRole('button', { name: 'Fissa un appuntamento per Giulia Ferrari' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuovo appuntamento per Giulia Ferrari' });
    await dialog.getByLabel('Modalità').selectOption({ label: 'Al telefono' });
    const group = dialog.getByRole('group', { name: 'Primi orari liberi' });
    await expect.poll(() => group.getAttribute('aria-busy')).toBe('false');
    await expectAccessible(page, 'centralino-prenotazione');
    await screenshot(page, '98-centralino-prenotazione');
    await group.getByRole('button').first().click();
    await page
      .getByRole('status')
      .getByText(/^Appuntamento fissato per Ferrari Giulia: /)
      .waitFor();
    const call = await db
      .selectFrom('appointments')
      .select(['booked_via', 'source_id', 'mode'])
      .where('worker_id', '=', workerId)
      .execute();
    expect(call).toEqual([{ booked_via: 'hotline', source_id: expect.any(String), mode: 'phone' }]);

    // The callback queued by the same call: a second meeting booked from its row.
    const row = page.getByRole('row', { name: /Giulia Ferrari/ });
    await row.getByRole('button', { name: 'Fissa appuntamento Giulia Ferrari' }).click();
    const again = page.getByRole('dialog', { name: 'Nuovo appuntamento per Giulia Ferrari' });
    await again.getByLabel('A partire dal').fill(romeLocal(Date.now() + 7 * 86_400_000).date);
    const slots = again.getByRole('group', { name: 'Primi orari liberi' });
    await expect.poll(() => slots.getAttribute('aria-busy')).toBe('false');
    await slots.getByRole('button').first().click();
    // The first booking's notice may still be on screen: wait for the second booking itself (on a
    // loaded machine the notice of the first one answered the wait before the second was saved).
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .getByText(/^Appuntamento fissato per Ferrari Giulia: /)
          .count(),
      )
      .toBeGreaterThan(0);
    await expect
      .poll(async () =>
        (await db.selectFrom('appointments').select('booked_via').where('worker_id', '=', workerId).orderBy('starts_at').execute()).map(
          (b) => b.booked_via,
        ),
      )
      .toEqual(['hotline', 'callback']);
    noProblems(page);
  });

  it('moves a meeting by dragging it in the week view, asking the reason', async () => {
    const workerId = await worker('Giuseppe', 'Barbieri');
    // Tall enough that the card and the time it goes to are both on screen, as on a tablet held upright.
    const page = await signedInPage(DEMO.consultant, { height: 1800 });
    await page.goto(`${h.baseUrl}/lavoratori/${workerId}`);
    await page.getByRole('heading', { level: 1, name: 'Barbieri Giuseppe' }).waitFor();
    const section = page.getByRole('region', { name: 'Appuntamenti' });
    await section.getByText('Nessun appuntamento in programma.').waitFor();
    await section.getByRole('button', { name: 'Fissa un appuntamento' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuovo appuntamento per Barbieri Giuseppe' });
    const typeSelect = dialog.getByLabel('Tipo di appuntamento');
    const followUp = typeSelect.locator('option', { hasText: 'Colloquio di verifica' });
    await followUp.waitFor({ state: 'attached' });
    await typeSelect.selectOption((await followUp.getAttribute('value'))!);
    // By phone: no room to find free at the new time, whatever the demo's meetings hold.
    await dialog.getByLabel('Modalità').selectOption({ label: 'Al telefono' });
    // The first slot of a day ahead: 3.5 hours after the grid's first hour that day is free and ahead of the notice.
    await dialog.getByLabel('A partire dal').fill(romeLocal(Date.now() + 2 * 86_400_000).date);
    const group = dialog.getByRole('group', { name: 'Primi orari liberi' });
    await expect.poll(() => group.getAttribute('aria-busy')).toBe('false');
    await group.getByRole('button').first().click();
    await page
      .getByRole('status')
      .getByText(/^Appuntamento fissato per Barbieri/)
      .waitFor();
    const [appointment] = await h.t.database.db
      .selectFrom('appointments')
      .select(['id', 'starts_at'])
      .where('worker_id', '=', workerId)
      .execute();
    const date = romeLocal(appointment!.starts_at).date;

    await page.goto(`${h.baseUrl}/agenda`);
    await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    await page.getByRole('button', { name: 'Giorno', exact: true }).click();
    const days = Math.round((Date.parse(`${date}T12:00:00Z`) - Date.parse(`${romeLocal(new Date()).date}T12:00:00Z`)) / 86_400_000);
    for (let i = 0; i < days; i++) await page.getByRole('button', { name: 'Giorno successivo' }).click();
    await page.getByRole('button', { name: /Colloquio di verifica.*,\s*Barbieri Giuseppe/ }).waitFor();
    const item = page.locator('.agenda-grid-item').filter({ hasText: 'Barbieri Giuseppe' });
    const column = page.locator('.agenda-grid-column').first();
    const box = (await column.boundingBox())!;
    // 6 rem an hour: 3.5 hours below the grid's first hour.
    const hourPx = await page.evaluate(() => 6 * parseFloat(getComputedStyle(document.documentElement).fontSize));
    const firstHour = Number((await page.locator('.agenda-grid-hour').first().textContent())!.slice(0, 2));
    const target = `${String(firstHour + 3).padStart(2, '0')}:30`;
    // A person's drag: press on the card, move in steps (the browser fires dragover on the way), release.
    const from = (await item.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + hourPx * 3.5 + 2, { steps: 12 });
    await page.mouse.up();
    const move = page.getByRole('dialog', { name: /^Sposta l’appuntamento di Barbieri/ });
    await move.waitFor();
    await move.getByText(new RegExp(`alle ${target}\\.$`)).waitFor();
    await move.getByLabel(/^Motivo dello spostamento/).fill('Richiesta del lavoratore');
    await expectAccessible(page, 'agenda-trascina');
    await move.getByRole('button', { name: 'Sposta', exact: true }).click();
    await page
      .getByRole('status')
      .getByText(new RegExp(`spostato a .* alle ${target}\\.`))
      .waitFor();
    const moved = await h.t.database.db
      .selectFrom('appointments')
      .select('starts_at')
      .where('id', '=', appointment!.id)
      .executeTakeFirstOrThrow();
    expect(romeLocal(moved.starts_at)).toMatchObject({ date, time: target });
    await screenshot(page, '94-agenda-giorno-spostato');
    noProblems(page);
  });

  it('marks attendance on past meetings from the worker page (two absences flag the worker), and prints the day', async () => {
    const workerId = await worker('Emanuele', 'Esposito');
    const agent = await signIn(h.t.app, DEMO.consultant);
    const types = (await agent.get(`/api/v1/agenda/setup?officeId=${modena}`)).json().types as Array<{ id: string; code: string }>;
    const typeId = types.find((t) => t.code === 'cv_review')!.id;
    const slots = (await agent.get(`/api/v1/agenda/free-slots?officeId=${modena}&typeId=${typeId}&mode=phone&limit=20`)).json()
      .items as Array<{
      consultantId: string;
      start: string;
      end: string;
    }>;
    // Two meetings of the worker that do not overlap (slots of one consultant are alternatives 15 minutes apart).
    const picked = [slots[0]!, slots.find((x) => x.start >= slots[0]!.end)!];
    const ids: string[] = [];
    for (const [n, slot] of picked.entries()) {
      const created = await agent.post('/api/v1/appointments', {
        workerId,
        officeId: modena,
        typeId,
        consultantId: slot.consultantId,
        mode: 'phone',
        start: slot.start,
      });
      expect(created.statusCode, created.body).toBe(201);
      ids.push(created.json().id);
      // A fixture: the meetings took place a few hours ago (the API books only ahead of the minimum notice).
      const start = new Date(Date.now() - (3 + 2 * n) * 3_600_000);
      await h.t.database.db
        .updateTable('appointments')
        .set({ starts_at: start, ends_at: new Date(start.getTime() + 45 * 60_000) })
        .where('id', '=', created.json().id)
        .execute();
    }

    const page = await signedInPage(DEMO.consultant);
    await page.goto(`${h.baseUrl}/lavoratori/${workerId}`);
    const section = page.getByRole('region', { name: 'Appuntamenti' });
    const attendance = section.getByRole('group', { name: /^Presenza di / });
    await expect.poll(() => attendance.count()).toBe(2);
    await expectAccessible(page, 'scheda-lavoratore-presenza');
    for (let n = 2; n > 0; n--) {
      await attendance.first().getByRole('button', { name: 'Assente' }).click();
      await page
        .getByRole('status')
        .getByText(/: Assente\.$/)
        .waitFor();
      await expect.poll(() => attendance.count()).toBe(n - 1);
    }
    expect(await section.getByText('Assente', { exact: true }).count()).toBe(2);
    await section.getByText('Assente a 2 appuntamenti negli ultimi 6 mesi.').waitFor();
    await expectAccessible(page, 'scheda-lavoratore-assenze');
    await screenshot(page, '9a-scheda-lavoratore-assenze');
    const rows = await h.t.database.db.selectFrom('appointments').select('status').where('id', 'in', ids).execute();
    expect(rows.map((r) => r.status)).toEqual(['absent', 'absent']);

    await page.goto(`${h.baseUrl}/agenda`);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /^Stampa agenda del giorno/ }).click();
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
    noProblems(page);
  });

  it("the worker's link page at 360 px: what, when, where, with whom; confirm, then ask for another time", async () => {
    const workerId = await worker('Anna', 'Esposito');
    const agent = await signIn(h.t.app, DEMO.consultant);
    const types = (await agent.get(`/api/v1/agenda/setup?officeId=${modena}`)).json().types as Array<{ id: string; code: string }>;
    const typeId = types.find((t) => t.code === 'orientation')!.id;
    const slots = (
      await agent.get(`/api/v1/agenda/free-slots?officeId=${modena}&typeId=${typeId}&mode=in_person&from=${await nextDay()}&limit=1`)
    ).json();
    const slot = slots.items[0];
    const created = await agent.post('/api/v1/appointments', {
      workerId,
      officeId: modena,
      typeId,
      consultantId: slot.consultantId,
      mode: 'in_person',
      start: slot.start,
      roomId: slot.roomId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const token = randomBytes(32).toString('base64url');
    await h.t.database.db
      .insertInto('appointment_links')
      .values({ token_hash: hashToken(token), appointment_id: created.json().id, expires_at: new Date(Date.now() + 30 * 86_400_000) })
      .execute();

    const { page } = await h.newPage({ width: 360, height: 780 });
    await page.goto(`${h.baseUrl}/appuntamento/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Il suo appuntamento' }).waitFor();
    await page.getByText('Gentile Anna').waitFor();
    await page.getByText('Colloquio di orientamento').waitFor();
    await page.getByText(`ore ${slot.startTime}`).first().waitFor();
    await expectAccessible(page, 'link-lavoratore');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, '95-link-lavoratore-360');

    await page.getByRole('button', { name: 'Confermo' }).click();
    await page.getByRole('status').getByText('Grazie: appuntamento confermato.').waitFor();
    await page.getByText('Confermato', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Chiedo un altro orario' }).click();
    const choice = page.getByRole('group', { name: 'Scelga un altro orario' }).getByRole('radio');
    await choice.first().waitFor();
    await expectAccessible(page, 'link-lavoratore-orari');
    await screenshot(page, '96-link-lavoratore-orari-360');
    // Bootstrap Italia draws the radio with its label, which takes the click.
    await page.locator('label[for^="slot-"]').nth(1).click();
    expect(await choice.nth(1).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Scelgo questo orario' }).click();
    await page.getByRole('status').getByText('Fatto: l’appuntamento è spostato al nuovo orario.').waitFor();
    const after = await h.t.database.db
      .selectFrom('appointments')
      .select('starts_at')
      .where('id', '=', created.json().id)
      .executeTakeFirstOrThrow();
    expect(after.starts_at.toISOString()).not.toBe(new Date(slot.start).toISOString());
    await screenshot(page, '97-link-lavoratore-spostato-360');
    expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);
  });
});

/** Tomorrow in Rome: its 07:00 is always more than the minimum notice away. */
async function nextDay() {
  return romeLocal(Date.now() + 86_400_000).date;
}
