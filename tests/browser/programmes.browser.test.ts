import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
let programmeId: string;
let firstInLine: string;

beforeAll(async () => {
  h = await startBrowserHarness();
  // The demo programme, made full (100 places, all taken) with two workers waiting.
  const db = h.t.database.db;
  const programme = await db.selectFrom('programmes').select('id').where('code', '=', 'RIC-CIGS-MO').executeTakeFirstOrThrow();
  programmeId = programme.id;
  const coordinator = await signIn(h.t.app, DEMO.coordinator);
  expect((await coordinator.patch(`/api/v1/programmes/${programmeId}`, { capacity: 100 })).statusCode).toBe(200);
  const eligible = await db
    .selectFrom('enrollments as e')
    .innerJoin('workers as w', 'w.id', 'e.worker_id')
    .select(['e.worker_id', 'w.last_name', 'w.first_name', 'e.priority_cigs_end'])
    .where('e.programme_id', '=', programmeId)
    .where('e.state', '=', 'eligible')
    .orderBy('e.priority_cigs_end')
    .orderBy('w.id')
    .limit(2)
    .execute();
  for (const w of eligible) {
    const res = await coordinator.post(`/api/v1/programmes/${programmeId}/enrollments`, { workerId: w.worker_id, channel: 'hotline' });
    expect(res.json().state).toBe('waiting');
    h.t.clock.advance(60_000);
  }
  firstInLine = `${eligible[0]!.last_name} ${eligible[0]!.first_name}`;
});
afterAll(() => h.close());

describe('programmes and the coordinators’ dashboard in the browser', () => {
  it('a coordinator withdraws an enrolled worker with a reason and the first in line takes the place', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Programmi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programmi' }).waitFor();
    await page.getByText('100 di 100 posti occupati').first().waitFor();
    await expectAccessible(page, 'programmi');
    await screenshot(page, '40-programmi');

    await page.getByRole('link', { name: 'Ricollocazione lavoratori in CIGS — Modena' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ricollocazione lavoratori in CIGS — Modena' }).waitFor();
    await page.getByText('Posti: 100 di 100 posti occupati, 0 liberi, 2 in lista d’attesa').waitFor();
    const waiting = page.getByRole('table', { name: 'Lista d’attesa' });
    await expect.poll(() => waiting.getByRole('row').count()).toBe(3);
    expect(await waiting.getByRole('row').nth(1).textContent()).toContain(firstInLine);
    await expectAccessible(page, 'programma');
    await screenshot(page, '41-programma');

    const filtered = page.waitForResponse((r) => r.url().includes('/enrollments') && r.url().includes('state=enrolled'));
    await page.getByLabel('Stato', { exact: true }).selectOption({ label: 'Patto di servizio firmato' });
    await filtered;
    await page.getByText('40 risultati').waitFor();
    // Every row shown is now an enrolled worker.
    const stateBadges = async () =>
      new Set(
        (await page.getByRole('table', { name: 'Iscrizioni al programma' }).locator('tbody .badge').allTextContents()).filter(
          (text) => !/giorn|scadut|oggi/i.test(text),
        ),
      );
    await expect.poll(stateBadges).toEqual(new Set(['Patto di servizio firmato']));
    const table = page.getByRole('table', { name: 'Iscrizioni al programma' });
    // The first enrolment this coordinator may act on (rows of offices where they hold no role show no moves).
    const actionable = table
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: /^Ritira/ }) })
      .first();
    const name = (await actionable.getByRole('rowheader').textContent())!.trim();
    // From here on the row is found by the worker's name, not by its position, which a re-render may change.
    const enrolled = table.getByRole('row').filter({ has: page.getByRole('button', { name: `Ritira: ${name}`, exact: true }) });
    // Only the moves the transitions table allows a coordinator from "enrolled".
    await enrolled.getByRole('button', { name: /^Ritira/ }).waitFor();
    expect((await enrolled.getByRole('button').allTextContents()).map((s) => s.trim())).toEqual([
      'Collocato',
      'Ritira',
      'CIGS terminata',
      'Storico',
    ]);
    await enrolled.getByRole('button', { name: `Ritira: ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Ritira: ${name}` });
    expect(await dialog.getByRole('button', { name: 'Conferma' }).isDisabled()).toBe(true);
    await dialog.getByLabel(/^Motivo/).fill('Trasferito in altra regione');
    await expectAccessible(page, 'ritiro');
    await screenshot(page, '42-ritiro-motivo');
    await dialog.getByRole('button', { name: 'Conferma' }).click();

    await page.getByRole('status').getByText(`Posto assegnato al primo in lista: ${firstInLine}.`).waitFor();
    await page.getByText('Posti: 100 di 100 posti occupati, 0 liberi, 1 in lista d’attesa').waitFor();
    await page.getByText(`Posto liberato assegnato a ${firstInLine}, primo in lista d’attesa.`).waitFor();
    await expect.poll(() => page.getByRole('table', { name: 'Lista d’attesa' }).getByRole('row').count()).toBe(2);

    await page.getByLabel('Stato', { exact: true }).selectOption({ label: 'Ritirato' });
    await page.getByRole('button', { name: `Storico di ${name}` }).click();
    const log = page.getByRole('dialog', { name: `Storico di ${name}` });
    const row = log.getByRole('row', { name: /Trasferito in altra regione/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Patto di servizio firmato → RitiratoMarco Bellini');
    await expectAccessible(page, 'storico');
    await log.getByRole('button', { name: 'Chiudi' }).click();
    expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);
  });

  it('the dashboard shows charts with data tables and downloads a CSV for Excel', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/report`);
    await page.getByRole('heading', { level: 1, name: 'Cruscotto dei programmi' }).waitFor();
    const funnel = page.getByRole('img', { name: /Imbuto del programma/ });
    await funnel.waitFor();
    expect(await funnel.getAttribute('aria-labelledby')).toBeTruthy();
    await page.getByRole('img', { name: /CIGS in scadenza/ }).waitFor();
    await page
      .getByRole('table', { name: 'Per sede' })
      .getByRole('row', { name: /Modena/ })
      .waitFor();
    await page
      .getByRole('table', { name: 'Per azienda' })
      .getByRole('row', { name: /Ceramiche Secchia/ })
      .waitFor();
    await expectAccessible(page, 'cruscotto');
    await screenshot(page, '43-cruscotto');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Scarica «Per sede» in CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ricolloca-offices-\d{4}-\d{2}-\d{2}\.csv$/);
    // Saved through the connection: the tier's one Chromium runs in another process, so there is no
    // local path of the download to read.
    const saved = join(mkdtempSync(join(tmpdir(), 'ricolloca-download-')), download.suggestedFilename());
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Sede;Posti occupati;In attesa;Aventi diritto');
    expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);
  });

  it('a coordinator creates a programme from the form', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/programmi`);
    await page.getByRole('link', { name: 'Nuovo programma' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuovo programma' }).waitFor();
    await page.getByLabel(/^Codice/).fill('ric-carpi-27');
    await page.getByLabel(/^Nome/).fill('Ricollocazione — Carpi 2027');
    await page.getByLabel(/^Inizio/).fill('2027-01-01');
    await page.getByLabel(/^Fine/).fill('2026-06-30');
    await page.getByLabel(/^Posti/).fill('50');
    // Bootstrap Italia draws its own box: the label is what a user clicks.
    await page.locator('label', { hasText: /^Centro per l’impiego di Carpi$/ }).click();
    expect(await page.getByRole('checkbox', { name: 'Centro per l’impiego di Carpi' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Salva' }).click();
    // The end before the start is refused beside the field, before sending (the form runs the contract's schema).
    await page.getByText('La data di fine non può precedere quella di inizio').waitFor();
    expect(await page.getByLabel(/^Fine/).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'nuovo-programma');
    await screenshot(page, '46-nuovo-programma');
    await page.getByLabel(/^Fine/).fill('2027-12-31');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ricollocazione — Carpi 2027' }).waitFor();
    await page.getByText('Posti: 0 di 50 posti occupati, 50 liberi, 0 in lista d’attesa').waitFor();
    await page.getByText('Programma salvato.').waitFor();
  });

  it('a coordinator changes a programme’s capacity, dates, status and offices, and they are still there after a reload', async () => {
    const coordinator = await signIn(h.t.app, DEMO.coordinator);
    const offices = (await coordinator.get('/api/v1/offices')).json().items as Array<{ id: string; name: string }>;
    const modena = offices.find((o) => o.name === 'Centro per l’impiego di Modena')!;
    const created = await coordinator.post('/api/v1/programmes', {
      code: 'RIC-SASSUOLO-26',
      name: 'Ricollocazione — distretto ceramico',
      startsOn: '2026-02-01',
      endsOn: '2026-12-31',
      capacity: 30,
      status: 'draft',
      officeIds: [modena.id],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;

    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/programmi/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Ricollocazione — distretto ceramico' }).waitFor();
    await page.getByRole('link', { name: 'Modifica programma' }).click();
    await page.getByRole('heading', { level: 1, name: 'Modifica programma' }).waitFor();
    await expect.poll(() => page.getByLabel(/^Posti/).inputValue()).toBe('30');
    await page.getByLabel(/^Posti/).fill('45');
    await page.getByLabel(/^Inizio/).fill('2026-03-01');
    await page.getByLabel(/^Fine/).fill('2027-06-30');
    await page.getByLabel(/^Stato/).selectOption({ label: 'Aperto' });
    await page.locator('label', { hasText: /^Centro per l’impiego di Carpi$/ }).click();
    await page.locator('label', { hasText: /^Centro per l’impiego di Modena$/ }).click();
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByText('Programma salvato.').waitFor();
    await page.getByText('Posti: 0 di 45 posti occupati, 45 liberi, 0 in lista d’attesa').waitFor();

    await page.goto(`${h.baseUrl}/programmi/${id}/modifica`);
    await page.getByRole('heading', { level: 1, name: 'Modifica programma' }).waitFor();
    await expect.poll(() => page.getByLabel(/^Posti/).inputValue()).toBe('45');
    expect(await page.getByLabel(/^Inizio/).inputValue()).toBe('2026-03-01');
    expect(await page.getByLabel(/^Fine/).inputValue()).toBe('2027-06-30');
    expect(await page.getByLabel(/^Stato/).inputValue()).toBe('open');
    expect(await page.getByRole('checkbox', { name: 'Centro per l’impiego di Carpi' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Centro per l’impiego di Modena' }).isChecked()).toBe(false);
    await expectAccessible(page, 'modifica-programma');
    await screenshot(page, '47-modifica-programma');
    const stored = (await coordinator.get(`/api/v1/programmes/${id}`)).json();
    expect(stored).toMatchObject({ capacity: 45, startsOn: '2026-03-01', endsOn: '2027-06-30', status: 'open' });
    expect(stored.officeIds).toEqual([offices.find((o) => o.name === 'Centro per l’impiego di Carpi')!.id]);
  });

  it('a coordinator adds the eligible workers after seeing how many and who, and enrols a worker from the worker’s page', async () => {
    const coordinator = await signIn(h.t.app, DEMO.coordinator);
    const offices = (await coordinator.get('/api/v1/offices')).json().items as Array<{ id: string; name: string }>;
    const mirandola = offices.find((o) => o.name === 'Centro per l’impiego di Mirandola')!;
    const pid = (
      await coordinator.post('/api/v1/programmes', {
        code: 'RIC-BASSA-26',
        name: 'Ricollocazione — Bassa modenese',
        startsOn: '2026-01-01',
        capacity: 5,
        status: 'open',
        officeIds: [mirandola.id],
      })
    ).json().id as string;
    const preview = (await coordinator.get(`/api/v1/programmes/${pid}/eligible`)).json();
    expect(preview.total).toBeGreaterThan(1);

    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    // Enrol one worker from their page first: the programme is chosen, the result of the rules shown.
    const first = preview.items[0] as { workerId: string; workerName: string };
    await page.goto(`${h.baseUrl}/lavoratori/${first.workerId}`);
    await page.getByRole('heading', { level: 2, name: 'Iscrivi a un programma' }).waitFor();
    await page.getByLabel('Programma', { exact: true }).selectOption({ label: 'Ricollocazione — Bassa modenese (5 liberi)' });
    await page.getByText('Ha i requisiti del programma.').waitFor();
    await expectAccessible(page, 'iscrivi-lavoratore');
    await screenshot(page, '48-iscrivi-lavoratore');
    await page.getByRole('button', { name: 'Iscrivi il lavoratore' }).click();
    await page.getByRole('status').getByText(`${first.workerName} è iscritto al programma «Ricollocazione — Bassa modenese».`).waitFor();
    // The same worker again: the page says they are in, and offers no second registration.
    await page.getByText(/^Già nel programma: Iscritto dal \d{2}\/\d{2}\/\d{4}\.$/).waitFor();
    expect(await page.getByRole('button', { name: 'Iscrivi il lavoratore' }).isDisabled()).toBe(true);

    // A worker of another office: the reasons are shown and the button stays off.
    const other = (
      await coordinator.get('/api/v1/workers?limit=1&officeId=' + offices.find((o) => o.name === 'Centro per l’impiego di Vignola')!.id)
    ).json().items?.[0];
    expect(other).toBeDefined();
    await page.goto(`${h.baseUrl}/lavoratori/${other.id}`);
    await page.getByLabel('Programma', { exact: true }).selectOption({ label: 'Ricollocazione — Bassa modenese (4 liberi)' });
    await page.getByText('Non ha i requisiti del programma:').waitFor();
    await page.getByText('la sede del lavoratore non partecipa al programma').waitFor();
    expect(await page.getByRole('button', { name: 'Iscrivi il lavoratore' }).isDisabled()).toBe(true);

    await page.goto(`${h.baseUrl}/programmi/${pid}`);
    await page.getByRole('heading', { level: 1, name: 'Ricollocazione — Bassa modenese' }).waitFor();
    await page.getByRole('button', { name: 'Aggiungi gli aventi diritto' }).click();
    const dialog = page.getByRole('dialog', { name: 'Aggiungere gli aventi diritto a «Ricollocazione — Bassa modenese»?' });
    const count = preview.total - 1;
    await dialog.getByText(`${count} lavoratori hanno i requisiti e non sono ancora nel programma`).waitFor();
    expect(await dialog.getByRole('listitem').count()).toBe(Math.min(20, count));
    expect(await dialog.getByText(first.workerName).count()).toBe(0);
    await expectAccessible(page, 'aggiungi-aventi-diritto');
    await screenshot(page, '49-aggiungi-aventi-diritto');
    await dialog.getByRole('button', { name: `Aggiungi ${count} lavoratori` }).click();
    await page.getByRole('status').getByText(`${count} lavoratori aggiunti come aventi diritto.`).waitFor();
    expect((await coordinator.get(`/api/v1/programmes/${pid}`)).json().counts).toMatchObject({ eligible: count, registered: 1 });
    expect(consoleProblems(page).filter((p) => !p.includes('401') && !p.includes('409'))).toEqual([]);
  });

  it('works on a 360 px phone screen', async () => {
    const { page } = await h.newPage({ width: 360, height: 780 });
    await signInThroughForm(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/programmi/${programmeId}`);
    await page.getByRole('heading', { level: 1, name: 'Ricollocazione lavoratori in CIGS — Modena' }).waitFor();
    await page.getByRole('table', { name: 'Lista d’attesa' }).waitFor();
    await expectAccessible(page, 'programma-360');
    await screenshot(page, '44-programma-360');
    await page.getByRole('button', { name: 'Aggiungi gli aventi diritto' }).click();
    const dialog = page.getByRole('dialog', { name: /^Aggiungere gli aventi diritto/ });
    await dialog.getByText(/hanno i requisiti e non sono ancora nel programma|Nessun nuovo avente diritto/).waitFor();
    await expectAccessible(page, 'aggiungi-aventi-diritto-360');
    await screenshot(page, '44b-aggiungi-aventi-diritto-360');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await dialog.getByRole('button', { name: 'Annulla' }).click();
    await page.goto(`${h.baseUrl}/report`);
    await page.getByRole('img', { name: /Imbuto del programma/ }).waitFor();
    await expectAccessible(page, 'cruscotto-360');
    await screenshot(page, '45-cruscotto-360');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
