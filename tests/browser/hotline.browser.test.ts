import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { buildCigsCase, buildProgramme, networkOf } from '../factories/programmes.js';
import { buildWorker, insertWorkers, type WorkerSeed } from '../factories/workers.js';
import { DEMO, officeIdByCode } from '../helpers/test-app.js';
import {
  consoleProblems,
  expectAccessible,
  screenshot,
  signInThroughForm,
  startBrowserHarness,
  type BrowserHarness,
} from './browser-helpers.js';

// The front office (sportello@ricolloca.example) takes calls with the keyboard only.
let h: BrowserHarness;
let modena: string;
let carpi: string;
let network: string;
let seq = 700;

async function worker(overrides: Partial<WorkerSeed> = {}) {
  const db = h.t.database.db;
  const { caseId } = await buildCigsCase(db, network, { reason: 'cessazione_attivita' });
  const seed = buildWorker({ officeId: modena, cigsCaseId: caseId, ...overrides }, seq++);
  const [id] = await insertWorkers(db, [seed]);
  return { id: id!, ...seed, national: seed.phone!.replace('+39', '') };
}

/** Presses Tab until the element has the focus: proves it is reachable by keyboard, in order. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('not reachable with Tab');
}

const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.labels?.[0]?.textContent?.trim() ?? el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
  });

beforeAll(async () => {
  h = await startBrowserHarness();
  modena = await officeIdByCode(h.t.database, 'CPI-MO');
  carpi = await officeIdByCode(h.t.database, 'CPI-CA');
  network = await networkOf(h.t.database.db, modena);
});
afterAll(() => h.close());

describe('the hotline in the browser, keyboard only, as the front office', () => {
  it('takes calls: focus on the name, the choice of programme, name-only matches, digits refused, another office, real states', async () => {
    const db = h.t.database.db;
    const second = await buildProgramme(db, { networkId: network, officeIds: [modena], capacity: 50 });
    await db.updateTable('programmes').set({ name: 'GOL Ceramica 2026', starts_on: '2026-06-01' }).where('id', '=', second).execute();
    const barbieri = await worker({ firstName: 'Giuseppe', lastName: 'Barbieri' });
    const dangelo = await worker({ firstName: 'Nicolò', lastName: "D'Angelo" });
    const carpiWorker = await worker({ firstName: 'Emanuele', lastName: 'Benedetti', officeId: carpi });
    const waiting = await worker({ firstName: 'Anna', lastName: 'Esposito' });
    const full = await buildProgramme(db, { networkId: network, officeIds: [modena], capacity: 1 });
    await db.updateTable('programmes').set({ name: 'Laboratorio digitale', starts_on: '2026-09-01' }).where('id', '=', full).execute();
    await db
      .insertInto('enrollments')
      .values({
        programme_id: full,
        worker_id: barbieri.id,
        office_id: modena,
        state: 'registered',
        requested_at: new Date('2026-09-02T08:00:00Z'),
      })
      .execute();
    await db
      .insertInto('enrollments')
      .values({
        programme_id: full,
        worker_id: waiting.id,
        office_id: modena,
        state: 'waiting',
        priority_cigs_end: '2099-06-30',
        requested_at: new Date('2026-09-03T08:00:00Z'),
      })
      .execute();

    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.frontoffice, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/centralino`);
    await page.getByRole('heading', { level: 1, name: 'Centralino' }).waitFor();
    const name = page.getByLabel(/^Nome e cognome/);
    const programme = page.getByLabel('Programma');
    await programme.waitFor();

    // 1. The cursor is in "Nome e cognome" when the screen opens.
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    // 6. Several open programmes: the office's default (earliest start) first and chosen.
    const options = await programme.locator('option').allTextContents();
    expect(options[0]).toMatch(/\(predefinito\)$/);
    expect(options).toEqual(expect.arrayContaining(['GOL Ceramica 2026', 'Laboratorio digitale']));
    await expectAccessible(page, 'centralino-apertura');
    await screenshot(page, '50-centralino-apertura');

    // A known worker by phone, name said surname first: preselected; the operator picks the second programme.
    await page.keyboard.type('Barbieri Giuseppe');
    await page.keyboard.press('Tab');
    await page.keyboard.type(barbieri.national);
    const match = page.getByRole('radio', { name: /^Giuseppe Barbieri ·/ });
    await match.waitFor();
    expect(await match.isChecked()).toBe(true);
    await tabTo(page, programme);
    await page.keyboard.press('ArrowDown');
    expect(await programme.inputValue()).toBe(second);
    await tabTo(page, page.getByRole('button', { name: 'Verifica requisiti e iscrivi' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Barbieri Giuseppe: iscrizione registrata al programma «GOL Ceramica 2026».').waitFor();
    // The next call starts from the default programme again.
    expect(await programme.locator('option:checked').textContent()).toMatch(/\(predefinito\)$/);
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.waitForTimeout(400); // the notice fades in
    await screenshot(page, '51-centralino-iscritto');

    // 7. The old notice clears when a new call starts; 2. a match on the name only is never preselected.
    await page.keyboard.type('N');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('');
    await page.keyboard.type("icolò D'Angelo");
    await page.keyboard.press('Tab');
    await page.keyboard.type('340 999 1234');
    const byName = page.getByRole('radio', { name: /^Nicolò D'Angelo ·/ });
    await byName.waitFor();
    expect(await byName.isChecked()).toBe(false);
    expect(await page.getByRole('radio', { name: /^Nuovo lavoratore/ }).isChecked()).toBe(false);
    await page.keyboard.press('Enter');
    await page.getByText('Scegliere il lavoratore trovato oppure «Nuovo lavoratore»').waitFor();
    expect(await focusedLabel(page)).toMatch(/^Nicolò D'Angelo/);
    await expectAccessible(page, 'centralino-solo-nome');
    await screenshot(page, '52-centralino-solo-nome');
    await page.keyboard.press('Space');
    expect(await byName.isChecked()).toBe(true);
    await tabTo(page, page.getByRole('button', { name: 'Metti solo in richiamata' }));
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .getByText(/^Nicolò D'Angelo: richiamata messa in coda\. Il nuovo numero è stato aggiunto ai contatti del lavoratore\.$/)
      .waitFor();
    const kept = await db.selectFrom('worker_phones').select('phone').where('worker_id', '=', dangelo.id).execute();
    expect(kept).toEqual([{ phone: '+393409991234' }]);

    // 7. A caller name with digits: refused beside the field.
    await page.keyboard.type('Giuseppe Russo 333');
    await page.keyboard.press('Tab');
    await page.keyboard.type('333 444 5566');
    await page.keyboard.press('Enter');
    await page.getByText('Il nome non può contenere cifre').waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'centralino-nome-con-cifre');
    await screenshot(page, '53-centralino-nome-con-cifre');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Shift+Tab');

    // 3. A caller another office follows: said, masked, handed over with the reason.
    await page.keyboard.type('Emanuele Benedetti');
    await page.keyboard.press('Tab');
    await page.keyboard.type(carpiWorker.national);
    await page.getByText('Il lavoratore è seguito dal CPI di Carpi').waitFor();
    expect(await page.getByText(carpiWorker.national).count()).toBe(0);
    const handOver = page.getByRole('button', { name: 'Passa la chiamata al CPI di Carpi' });
    await tabTo(page, handOver);
    await page.keyboard.press('Enter');
    const reason = page.getByLabel('Motivo, per la sede che richiamerà');
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Chiede un appuntamento a Carpi');
    await screenshot(page, '54-centralino-altra-sede');
    await expectAccessible(page, 'centralino-altra-sede');
    await tabTo(page, page.getByRole('button', { name: 'Conferma il passaggio al CPI di Carpi' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Emanuele Benedetti: chiamata passata al CPI di Carpi, che lo richiamerà.').waitFor();
    const handed = await db
      .selectFrom('callbacks')
      .select(['office_id', 'reason'])
      .where('worker_id', '=', carpiWorker.id)
      .executeTakeFirstOrThrow();
    expect(handed.office_id).toBe(carpi);
    expect(handed.reason).toMatch(/^Chiamata passata dal CPI di Modena il \d\d\/\d\d\/\d{4}: Chiede un appuntamento a Carpi\./);
    expect(
      await db.selectFrom('workers').select('id').where('last_name', '=', 'Benedetti').where('first_name', '=', 'Emanuele').execute(),
    ).toHaveLength(1);

    // 4. A caller on the waiting list is told their real place, never "iscrizione registrata".
    await page.keyboard.type('Anna Esposito');
    await page.keyboard.press('Tab');
    await page.keyboard.type(waiting.national);
    await page.getByRole('radio', { name: /^Anna Esposito ·/ }).waitFor();
    await tabTo(page, programme);
    await programme.press('End');
    expect(await programme.inputValue()).toBe(full);
    await tabTo(page, page.getByRole('button', { name: 'Verifica requisiti e iscrivi' }));
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .getByText('Anna Esposito: è già in lista d’attesa, posizione 1 (programma «Laboratorio digitale»).')
      .waitFor();
    expect(
      await page
        .getByRole('status')
        .getByText(/iscrizione registrata/)
        .count(),
    ).toBe(0);
    await page.waitForTimeout(400); // the notice fades in
    await screenshot(page, '55-centralino-gia-in-lista');
    expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);
  });

  it('works the callback queue: no preselected outcome, focus to the next row, "chiusa: non raggiungibile", the timeline shows each outcome', async () => {
    const db = h.t.database.db;
    const now = h.t.clock();
    const gallo = await worker({ firstName: 'Marco', lastName: 'Gallo' });
    const fontana = await worker({ firstName: 'Chiara', lastName: 'Fontana' });
    // Gallo has had two unanswered attempts: the third ends the callback. Both due before the demo's.
    const early = new Date(now.getTime() - 400 * 86_400_000);
    const cb = await db
      .insertInto('callbacks')
      .values({
        network_id: network,
        office_id: modena,
        worker_id: gallo.id,
        reason: 'Richiamare il lavoratore',
        attempts: 2,
        last_outcome: 'busy',
        next_attempt_at: early,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('callback_attempts')
      .values([
        { callback_id: cb.id, outcome: 'no_answer', at: early },
        { callback_id: cb.id, outcome: 'busy', at: early },
      ])
      .execute();
    await db
      .insertInto('callbacks')
      .values({
        network_id: network,
        office_id: modena,
        worker_id: fontana.id,
        reason: 'Richiamare il lavoratore',
        next_attempt_at: new Date(early.getTime() + 60_000),
      })
      .execute();

    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.frontoffice, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/centralino`);
    const queue = page.getByRole('table', { name: 'Richiamate' });
    await queue.waitFor();
    const rows = queue.getByRole('row');
    await expect.poll(() => rows.nth(1).getByRole('rowheader').textContent()).toBe('Marco Gallo');
    const galloSelect = rows.nth(1).getByRole('combobox');
    expect(await galloSelect.inputValue()).toBe('');
    expect(await rows.nth(2).getByRole('combobox').inputValue()).toBe('');

    // Recording without choosing is refused beside the select.
    await tabTo(page, rows.nth(1).getByRole('button', { name: /Registra esito/ }));
    await page.keyboard.press('Enter');
    await rows.nth(1).getByText('Scegliere l’esito', { exact: true }).last().waitFor();
    expect(await galloSelect.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => galloSelect.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'richiamate-esito-mancante');
    await screenshot(page, '56-richiamate-esito-mancante');

    await page.keyboard.press('ArrowDown'); // "Non risponde"
    expect(await galloSelect.inputValue()).toBe('no_answer');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Esito registrato per Marco Gallo. Richiamata chiusa: non raggiungibile.').waitFor();
    // Focus goes to the next row: Fontana's outcome.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Esito della chiamata a Chiara Fontana');
    await page.waitForTimeout(400); // the notice fades in
    await screenshot(page, '57-richiamate-chiusa');

    await page.goto(`${h.baseUrl}/lavoratori/${gallo.id}`);
    await page.getByRole('heading', { name: 'Storia' }).waitFor();
    await page.getByText('Richiamata: non risponde, chiusa: non raggiungibile').waitFor();
    await screenshot(page, '58-lavoratore-storia-richiamata');

    const { page: narrow } = await h.newPage({ width: 360, height: 780 });
    await signInThroughForm(narrow, h.baseUrl, DEMO.frontoffice, DEMO_PASSWORD);
    await narrow.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await narrow.goto(`${h.baseUrl}/centralino`);
    await narrow
      .getByRole('button', { name: /^Registra esito/ })
      .first()
      .waitFor();
    expect(await narrow.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(narrow, 'centralino-360');
    await screenshot(narrow, '59-centralino-360');
  });

  it('says beside the date that a closed day is already there, when the coordinator adds it twice', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/centralino`);
    await page.getByText('Orari e chiusure del centralino').click();
    const date = page.getByRole('textbox', { name: 'Data', exact: true });
    for (let attempt = 0; attempt < 2; attempt++) {
      await date.fill('2026-12-28');
      await page.getByRole('textbox', { name: 'Motivo', exact: true }).fill('Inventario di fine anno');
      await page.getByRole('button', { name: 'Aggiungi chiusura' }).click();
      if (attempt === 0) await page.getByText('Chiusura aggiunta.').waitFor();
    }
    const message = 'Il 28/12/2026 è già un giorno di chiusura della sede.';
    await page.getByRole('alert').getByText(message).waitFor();
    await expect.poll(() => date.getAttribute('aria-invalid')).toBe('true');
    const described = (await date.getAttribute('aria-describedby')) ?? '';
    const beside = await page.evaluate(
      (ids) =>
        ids
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      described,
    );
    expect(beside).toContain(message);
    // The browser logs the 401 before sign-in and the 409 as failed loads; no script error besides.
    expect(consoleProblems(page).filter((p) => !p.startsWith('Failed to load resource'))).toEqual([]);
  });
});
