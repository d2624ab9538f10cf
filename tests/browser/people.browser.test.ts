import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { partitaIvaCheckDigit } from '../../src/shared/schemas/companies.schema.js';
import { buildWorker, insertWorkers } from '../factories/workers.js';
import { DEMO, officeIdByCode } from '../helpers/test-app.js';
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

describe('workers and companies in the browser', () => {
  it('a coordinator searches the workers, opens one and adds a note', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Lavoratori' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lavoratori' }).waitFor();
    await page.getByRole('table', { name: 'Elenco dei lavoratori' }).getByRole('row').nth(5).waitFor();
    await expectAccessible(page, 'lavoratori');
    await screenshot(page, '40-lavoratori');

    await page.getByLabel('Cerca per nome, codice fiscale o telefono').fill('rossi');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.waitForURL(/q=rossi/);
    const first = page
      .getByRole('table', { name: 'Elenco dei lavoratori' })
      .getByRole('link', { name: /^Rossi / })
      .first();
    await first.waitFor();
    const rows = await page.getByRole('table', { name: 'Elenco dei lavoratori' }).getByRole('row').count();
    const rossi = await page
      .getByRole('table', { name: 'Elenco dei lavoratori' })
      .getByRole('link', { name: /^Rossi / })
      .count();
    expect(rossi).toBe(rows - 1);
    const name = (await first.textContent())!.trim();
    await first.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'CIGS' }).waitFor();
    await page
      .getByText(/\d+ giorni/)
      .first()
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Storia' }).waitFor();
    await page.getByText('Importato da elenco').waitFor();

    await page.getByLabel('Nuova nota').fill('Ha chiamato: disponibile per il colloquio di giovedì.');
    await page.getByRole('button', { name: 'Aggiungi nota' }).click();
    await page.getByRole('status').getByText('Nota aggiunta.').waitFor();
    await page.getByRole('region', { name: 'Note' }).getByText('Ha chiamato: disponibile per il colloquio di giovedì.').waitFor();
    await page.getByRole('region', { name: 'Storia' }).getByText('Nota aggiunta').waitFor();
    await expectAccessible(page, 'scheda-lavoratore');
    await screenshot(page, '41-scheda-lavoratore');
    // The 401s are the session probe before signing in.
    expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);
  });

  it('warns of a duplicate while a worker is being registered, and decodes the codice fiscale', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.frontoffice, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    const known = await h.t.database.db
      .selectFrom('workers as w')
      .innerJoin('offices as o', 'o.id', 'w.office_id')
      .select(['w.phone', 'w.last_name'])
      .where('o.code', '=', 'CPI-MO')
      .limit(1)
      .executeTakeFirstOrThrow();
    await page.goto(`${h.baseUrl}/lavoratori/nuovo`);
    await page.getByRole('heading', { level: 1, name: 'Nuovo lavoratore' }).waitFor();
    await page.getByLabel(/^Nome/).first().fill('Carla');
    await page.getByLabel(/^Cognome/).fill('Neri');
    await page.getByLabel('Telefono').fill(known.phone!.replace('+39', ''));
    await page.getByRole('alert').getByText('Possibili doppioni già registrati').waitFor();
    await page
      .getByRole('alert')
      .getByText(/stesso telefono/)
      .waitFor();
    await page.getByLabel('Codice fiscale').fill('NRECRL85T52F257N');
    await page.getByText(/Il codice fiscale non è valido|Dal codice fiscale/).waitFor();
    await expectAccessible(page, 'nuovo-lavoratore');
    await screenshot(page, '42-nuovo-lavoratore');
  });

  it('the front office finds Barbieri by surname and by name and surname, and sees a worker of another office masked', async () => {
    const modena = await officeIdByCode(h.t.database, 'CPI-MO');
    const carpi = await officeIdByCode(h.t.database, 'CPI-CA');
    const barbieri = buildWorker({ officeId: modena, firstName: 'Emanuele', lastName: 'Barbieri' }, 7001);
    const esposito = buildWorker({ officeId: carpi, firstName: 'Giuseppe', lastName: 'Esposito' }, 7002);
    await insertWorkers(h.t.database.db, [barbieri, esposito]);
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.frontoffice, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/lavoratori`);
    await page.getByRole('heading', { level: 1, name: 'Lavoratori' }).waitFor();
    const table = page.getByRole('table', { name: 'Elenco dei lavoratori' });
    for (const q of ['Barbieri', 'Emanuele Barbieri', 'barbieri emanuele', barbieri.phone!.slice(-4)]) {
      await page.getByLabel('Cerca per nome, codice fiscale o telefono').fill(q);
      await page.getByRole('button', { name: 'Cerca', exact: true }).click();
      await table
        .getByRole('link', { name: /^Barbieri Emanuele/ })
        .first()
        .waitFor();
    }
    await screenshot(page, '48-ricerca-barbieri');

    // Registering someone whose phone a Carpi worker already has: shown by initials and office only.
    await page.goto(`${h.baseUrl}/lavoratori/nuovo`);
    await page.getByRole('heading', { level: 1, name: 'Nuovo lavoratore' }).waitFor();
    await page.getByLabel(/^Nome/).first().fill('Giuseppe');
    await page.getByLabel(/^Cognome/).fill('Esposito');
    await page.getByLabel('Telefono').fill(esposito.phone!.slice(3));
    const warning = page.getByRole('alert').filter({ hasText: 'Possibili doppioni già registrati' });
    await warning.getByText('E. G., seguito dal Centro per l’impiego di Carpi: rivolgersi a quella sede').waitFor();
    expect(await warning.getByRole('link').count()).toBe(0);
    expect(await warning.textContent()).not.toContain(esposito.codiceFiscale!);
    await expectAccessible(page, 'doppione-altra-sede');
    await screenshot(page, '49-doppione-altra-sede');
  });

  it('refuses a birth date in the future and an unknown citizenship beside their fields', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.frontoffice, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/lavoratori/nuovo`);
    await page.getByRole('heading', { level: 1, name: 'Nuovo lavoratore' }).waitFor();
    await page.getByLabel(/^Nome/).first().fill('Nicolò');
    await page.getByLabel(/^Cognome/).fill("D'Angelo");
    await page.getByLabel('Data di nascita').fill('2099-03-01');
    await page.getByLabel('Cittadinanza').fill('XX');
    await page.getByRole('button', { name: 'Salva' }).click();
    const birthDate = page.getByLabel('Data di nascita');
    await page.getByText('La data di nascita non può essere nel futuro').waitFor();
    await page.getByText(/^Cittadinanza sconosciuta/).waitFor();
    expect(await birthDate.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await birthDate.getAttribute('aria-describedby'))!.split(' ');
    const descriptions = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(descriptions.join(' ')).toContain('La data di nascita non può essere nel futuro');
    expect(await page.getByLabel('Cittadinanza').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'lavoratore-errori');
    await screenshot(page, '50-lavoratore-errori');
    await page.getByLabel('Data di nascita').fill('1971-03-01');
    await page.getByLabel('Cittadinanza').fill('IT');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByRole('heading', { level: 1, name: /D'Angelo|D’Angelo/ }).waitFor();
  });

  it('a coordinator registers a company with its CIGS case, refused first for impossible dates', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Aziende' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aziende in crisi' }).waitFor();
    await page.getByRole('link', { name: 'Ceramiche Secchia S.p.A.' }).waitFor();
    await expectAccessible(page, 'aziende');
    await screenshot(page, '43-aziende');

    await page.getByRole('link', { name: 'Nuova azienda' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuova azienda' }).waitFor();
    await page.getByLabel(/^Ragione sociale/).fill('Tornerie di Spilamberto S.r.l.');
    await page.getByLabel('Partita IVA').fill(`0456123036${partitaIvaCheckDigit('0456123036')}`);
    await page.getByLabel(/^Indirizzo/).fill('Via Roma 1');
    await expectAccessible(page, 'nuova-azienda');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByRole('heading', { level: 3, name: 'Registra periodo di CIGS' }).waitFor();
    await page.getByLabel('Estremi dell’autorizzazione').fill('D.D. 3001/2026');
    await page.getByLabel(/^Inizio/).fill('2026-06-01');
    await page.getByLabel(/^Fine/).fill('2026-01-31');
    await page.getByRole('button', { name: 'Registra periodo di CIGS' }).click();
    // Refused before sending, beside the field (the shared schema's rule).
    await page.getByText('La data di fine della CIGS non può precedere la data di inizio').waitFor();
    expect(await page.getByLabel(/^Fine/).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'cigs-errore');
    await screenshot(page, '44-cigs-errore');
    await page.getByLabel(/^Fine/).fill('2027-05-31');
    await page.getByRole('button', { name: 'Registra periodo di CIGS' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tornerie di Spilamberto S.r.l.' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Periodi di CIGS' }).waitFor();
    await page.getByText('Cessazione di attività · D.D. 3001/2026').waitFor();

    await page.goto(`${h.baseUrl}/aziende`);
    await page.getByRole('link', { name: 'Officine Meccaniche Tiepido S.r.l.' }).click();
    await page.getByRole('table', { name: 'Lavoratori dell’azienda, per fine CIGS più vicina' }).getByRole('row').nth(10).waitFor();
    await expectAccessible(page, 'azienda-coorte');
    await screenshot(page, '45-azienda-coorte');
  });

  it('is usable on a 360 px phone', async () => {
    const { page } = await h.newPage({ width: 360, height: 780 });
    await signInThroughForm(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/lavoratori`);
    await page.getByRole('heading', { level: 1, name: 'Lavoratori' }).waitFor();
    const card = page.locator('.rc-worker-cards li').first();
    await card.waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'lavoratori-360');
    await screenshot(page, '46-lavoratori-360');
    await card.getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: 'CIGS' }).waitFor();
    await expectAccessible(page, 'scheda-360');
    await screenshot(page, '47-scheda-lavoratore-360');
  });
});
