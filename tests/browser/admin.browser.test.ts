import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { DEMO, signIn } from '../helpers/test-app.js';
import { expectAccessible, screenshot, signInThroughForm, startBrowserHarness, type BrowserHarness } from './browser-helpers.js';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(() => h.close());

describe('administration in the browser', () => {
  it('an administrator creates a consultant account, who signs in and must replace the temporary password', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.admin, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Giulia' }).waitFor();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Amministrazione' }).click();
    await page.getByRole('heading', { level: 1, name: 'Amministrazione' }).waitFor();
    await expectAccessible(page, 'amministrazione');
    await page.getByRole('link', { name: 'Personale' }).click();
    await page.getByRole('heading', { level: 1, name: 'Account del personale' }).waitFor();
    await page.getByRole('row', { name: /Elena Rinaldi/ }).waitFor();
    await expectAccessible(page, 'personale');
    await screenshot(page, '10-personale');

    await page.getByRole('link', { name: 'Nuovo account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuovo account del personale' }).waitFor();
    // Submitting without roles is refused with the reason, and nothing is created.
    await page.getByLabel(/^Nome e cognome/).fill('Chiara Neri');
    await page.getByLabel(/^E-mail/).fill('chiara.neri@ricolloca.example');
    await page.getByRole('button', { name: 'Crea account' }).click();
    await page.getByRole('alert').getByText('Assegnare almeno un ruolo in una sede').waitFor();
    await expectAccessible(page, 'nuovo-account-errore');
    await page.getByRole('checkbox', { name: 'Orientatore presso Centro per l’impiego di Carpi' }).check();
    await page.getByRole('checkbox', { name: 'Orientatore presso Centro per l’impiego di Mirandola' }).check();
    await screenshot(page, '11-nuovo-account');
    await page.getByRole('button', { name: 'Crea account' }).click();
    const temporary = (await page.getByTestId('temporary-password').textContent())?.trim() ?? '';
    expect(temporary).toMatch(/^[A-Za-z2-9]{14}$/);
    await expectAccessible(page, 'account-creato');
    await screenshot(page, '12-account-creato');

    // The new consultant signs in elsewhere with the temporary password …
    const { page: consultant } = await h.newPage();
    await signInThroughForm(consultant, h.baseUrl, 'chiara.neri@ricolloca.example', temporary);
    await consultant.getByRole('heading', { level: 1, name: 'Cambia password' }).waitFor();
    await consultant.getByText('Stai usando una password temporanea').waitFor();
    await expectAccessible(consultant, 'cambio-password');
    await screenshot(consultant, '13-cambio-password-obbligatorio');
    // … cannot go anywhere else before changing it …
    await consultant.goto(`${h.baseUrl}/lavoratori`);
    await consultant.getByRole('heading', { level: 1, name: 'Cambia password' }).waitFor();
    await consultant.getByLabel(/^Password attuale/).fill(temporary);
    await consultant.getByLabel(/^Nuova password/).fill('orto botanico di primavera');
    await consultant.getByLabel(/^Ripeti la nuova password/).fill('orto botanico di primavera');
    await consultant.getByRole('button', { name: 'Cambia password' }).click();
    // … and then lands on the desk of the first office she was given.
    await consultant.getByRole('heading', { level: 1, name: 'Buongiorno, Chiara' }).waitFor();
    await consultant.getByText('Password cambiata.').waitFor();
    await consultant.getByText('Via Nuova Ponente 20, 41012 Carpi (MO)').waitFor();

    // The administrator sees the account in the list, and in the audit log.
    await page.goto(`${h.baseUrl}/amministrazione/registro`);
    await page.getByRole('heading', { level: 1, name: 'Registro degli accessi' }).waitFor();
    await page.getByRole('cell', { name: 'Account creato' }).first().waitFor();
    await page.getByRole('cell', { name: 'Password cambiata' }).first().waitFor();
    await expectAccessible(page, 'registro');
    await screenshot(page, '14-registro-accessi');
  });

  it('an administrator edits the opening hours of an office', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.admin, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Giulia' }).waitFor();
    // The administrator's eleven header areas fit a 1280 px screen: no sideways scrolling, the last one in view.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    const lastArea = await page.getByRole('navigation').getByRole('link', { name: 'Amministrazione', exact: true }).boundingBox();
    expect(lastArea!.x + lastArea!.width).toBeLessThanOrEqual(1280);
    await page.goto(`${h.baseUrl}/amministrazione/sedi`);
    await page.getByRole('heading', { level: 1, name: 'Sedi della rete' }).waitFor();
    await expectAccessible(page, 'sedi');
    await screenshot(page, '15-sedi');
    await page.getByRole('link', { name: 'Modifica: Centro per l’impiego di Vignola' }).click();
    await page.getByRole('heading', { level: 1, name: /Modifica sede/ }).waitFor();
    await page.getByRole('button', { name: 'Aggiungi fascia oraria' }).click();
    await page.locator('#slot-day-5').selectOption({ label: 'Giovedì' });
    await page.locator('#slot-opens-5').fill('14:30');
    await page.locator('#slot-closes-5').fill('13:00');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByRole('alert').getByText('L’orario di chiusura deve seguire quello di apertura').waitFor();
    await page.locator('#slot-closes-5').fill('16:30');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByText('Sede salvata.').waitFor();
    await expectAccessible(page, 'modifica-sede');
    await screenshot(page, '16-modifica-sede');
    const saved = await h.t.database.db
      .selectFrom('offices')
      .select('opening_hours')
      .where('code', '=', 'CPI-VI')
      .executeTakeFirstOrThrow();
    expect(saved.opening_hours).toContainEqual({ day: 4, opens: '14:30', closes: '16:30' });
  });

  it('the audit log says who did what to whom in words, filters by person, worker and action, and explains empty or reversed periods', async () => {
    // Luca Galli (front office) registers and opens two workers' records.
    const frontoffice = await signIn(h.t.app, DEMO.frontoffice);
    const barbieri = (await frontoffice.post('/api/v1/workers', { firstName: 'Emanuele', lastName: 'Barbieri' })).json().id as string;
    const dangelo = (await frontoffice.post('/api/v1/workers', { firstName: 'Nicolò', lastName: 'D’Angelo' })).json().id as string;
    for (const id of [barbieri, dangelo]) expect((await frontoffice.get(`/api/v1/workers/${id}`)).statusCode).toBe(200);

    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.admin, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Giulia' }).waitFor();
    await page.goto(`${h.baseUrl}/amministrazione/registro`);
    await page.getByRole('heading', { level: 1, name: 'Registro degli accessi' }).waitFor();
    await page.getByRole('cell', { name: 'Lettura scheda lavoratore — Barbieri Emanuele', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Lettura scheda lavoratore — D’Angelo Nicolò', exact: true }).waitFor();

    // By person and action, both chosen from lists.
    await page.getByLabel('Persona del personale').selectOption({ label: 'Luca Galli' });
    await page.getByLabel('Azione', { exact: true }).selectOption({ label: 'Lettura scheda lavoratore' });
    await page.getByRole('button', { name: 'Filtra' }).click();
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect((await rows.allTextContents()).every((r) => r.includes('Luca Galli') && r.includes('Lettura scheda lavoratore'))).toBe(true);

    // By worker, found by name: Barbieri's trail only (created and read).
    await page.getByLabel('Azione', { exact: true }).selectOption({ label: 'Tutte le azioni' });
    await page.getByLabel('Lavoratore: cerca per cognome e nome').fill('Barbieri Emanuele');
    const workerSelect = page.getByLabel('Lavoratore', { exact: true });
    // The demo has namesakes (with a codice fiscale); the one registered here has none.
    await expect.poll(() => workerSelect.locator(`option[value="${barbieri}"]`).textContent()).toBe('Barbieri Emanuele');
    await workerSelect.selectOption(barbieri);
    await page.getByRole('button', { name: 'Filtra' }).click();
    await expect
      .poll(() => rows.allTextContents())
      .toEqual([
        expect.stringContaining('Lettura scheda lavoratore — Barbieri Emanuele'),
        expect.stringContaining('Nuovo lavoratore — Barbieri Emanuele'),
      ]);
    await expectAccessible(page, 'registro-filtri');
    await screenshot(page, '17-registro-per-lavoratore');

    // A period with nothing in it says so.
    await page.getByRole('button', { name: 'Azzera filtri' }).click();
    await page.getByLabel('Dal', { exact: true }).fill('2020-03-09');
    await page.getByLabel('Al', { exact: true }).fill('2020-03-10');
    await page.getByRole('button', { name: 'Filtra' }).click();
    await page.getByText('Nessuna voce in questo periodo.').waitFor();

    // A reversed period: the API's message beside the start date, tied to it for screen readers.
    await page.getByLabel('Dal', { exact: true }).fill('2026-03-10');
    await page.getByLabel('Al', { exact: true }).fill('2026-03-09');
    await page.getByRole('button', { name: 'Filtra' }).click();
    const from = page.getByLabel('Dal', { exact: true });
    await expect.poll(() => from.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await from.getAttribute('aria-describedby'))!;
    expect(await page.evaluate((id) => document.getElementById(id)?.textContent?.trim(), describedBy)).toBe(
      'La data iniziale è successiva alla finale',
    );
    await expectAccessible(page, 'registro-periodo-invertito');
    await screenshot(page, '18-registro-periodo-invertito');
  });

  it('keeps non-administrators out of the administration screens', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.frontoffice, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Luca' }).waitFor();
    await page.goto(`${h.baseUrl}/amministrazione/personale`);
    await page.getByRole('alert').getByText('Non hai i permessi per questa pagina.').waitFor();
  });
});
