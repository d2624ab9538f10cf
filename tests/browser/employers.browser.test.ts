import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { partitaIvaCheckDigit } from '../../src/shared/schemas/companies.schema.js';
import { DEMO } from '../helpers/test-app.js';
import {
  consoleProblems,
  expectAccessible,
  screenshot,
  signInThroughForm,
  startBrowserHarness,
  type BrowserHarness,
} from './browser-helpers.js';

let h: BrowserHarness;
const BASE = '0498765036';
const GOOD = `${BASE}${partitaIvaCheckDigit(BASE)}`;
const WRONG = `${BASE}${(Number(partitaIvaCheckDigit(BASE)) + 1) % 10}`;
const NAME = "Ceramiche dell'Appennino S.r.l.";

beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(() => h.close());

describe('hiring employers in the browser', () => {
  it('a job matcher registers an employer, is refused a wrong partita IVA beside the field, adds a site and a contact, records the consent and finds it again', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.matcher, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Offerte' }).click();
    await page.getByRole('navigation', { name: 'Offerte e aziende che assumono' }).getByRole('link', { name: 'Chi assume' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aziende che assumono' }).waitFor();
    await page.getByText(/\d+ aziende trovate/).waitFor();
    await expectAccessible(page, 'aziende-che-assumono');
    // The header keeps "Offerte" marked under its tab, and fits a 1280 px screen without sideways scrolling.
    const offerte = page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Offerte' });
    expect(await offerte.getAttribute('class')).toContain('active');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    await page.getByRole('link', { name: 'Nuova azienda che assume' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuova azienda che assume' }).waitFor();
    await page.getByLabel('Ragione sociale').fill(NAME);
    const vat = page.getByLabel('Partita IVA', { exact: true });
    await vat.fill(WRONG);
    await page.getByRole('button', { name: 'Salva' }).click();
    // The message is beside the field, in Italian, and the field is announced as invalid.
    await page.getByText('La partita IVA non è valida: 11 cifre con la cifra di controllo corretta').waitFor();
    expect(await vat.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'azienda-che-assume-errore');
    await vat.fill(GOOD);
    await page.getByLabel('Codice fiscale', { exact: true }).fill(GOOD);
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    await page.getByText('L’azienda non ha ancora dato il consenso').waitFor();

    // A site in Sassuolo.
    const comune = page.getByRole('combobox', { name: 'Comune' });
    await comune.fill('sassuolo');
    await page
      .getByRole('listbox', { name: 'Comune' })
      .getByRole('option', { name: /Sassuolo/ })
      .first()
      .click();
    await page.getByLabel('Indirizzo').fill('Via Radici in Monte 12');
    // Bootstrap Italia draws the checkbox on its label: the label is what a person clicks.
    await page.locator('label', { hasText: 'Sede principale' }).click();
    expect(await page.getByLabel('Sede principale').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Aggiungi la sede' }).click();
    await page.getByText('Sassuolo (MO)').waitFor();

    // An HR contact with an apostrophe in her surname.
    await page.getByLabel('Nome e cognome').fill("Chiara D'Angelo");
    await page.getByLabel('Ruolo').selectOption('hr');
    await page.getByLabel('E-mail', { exact: true }).last().fill('c.dangelo@ceramicheappennino.example');
    await page.getByRole('button', { name: 'Aggiungi il referente' }).click();
    await page.getByText("Chiara D'Angelo").waitFor();
    await page.getByText('Risorse umane', { exact: false }).first().waitFor();

    // The consent, by phone.
    await page.getByLabel('Come è stato dato').selectOption('phone');
    await page.getByRole('button', { name: 'Registra il consenso' }).click();
    await page.getByText(/Consenso dato il .* \(telefono\), registrato da/).waitFor();
    await expectAccessible(page, 'azienda-che-assume');
    await screenshot(page, 'employers-01-scheda');

    // Removing asks first; cancelling keeps the contact.
    await page.getByRole('button', { name: "Togli il referente Chiara D'Angelo" }).click();
    const dialog = page.getByRole('dialog', { name: 'Togliere il referente?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Annulla' }).click();
    await page.getByText("Chiara D'Angelo").waitFor();

    // Found again by its name, typed with the typographic apostrophe.
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Offerte' }).click();
    await page.getByRole('navigation', { name: 'Offerte e aziende che assumono' }).getByRole('link', { name: 'Chi assume' }).click();
    await page.getByLabel('Nome, partita IVA o codice fiscale').fill('dell’Appennino');
    await page.getByRole('button', { name: 'Cerca' }).click();
    await page.getByText('1 azienda trovata').waitFor();
    const row = page.getByRole('row', { name: new RegExp(NAME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    await row.getByText('Sassuolo').waitFor();
    await row.getByRole('cell', { name: 'Sì' }).waitFor();
    // The session probe of the sign-in page answers 401 before signing in, as in the other browser tests.
    expect(consoleProblems(page).filter((p) => !p.includes('status of 401'))).toEqual([]);
  }, 120_000);

  it('fits a 360 px phone: the list and the employer page, without sideways scrolling', async () => {
    const { page } = await h.newPage({ width: 360, height: 780 });
    await signInThroughForm(page, h.baseUrl, DEMO.matcher, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/aziende-che-assumono`);
    await page.getByText(/\d+ aziende trovate/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'employers-02-elenco-360');
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('heading', { level: 2, name: 'Sedi' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'azienda-che-assume-360');
    await screenshot(page, 'employers-03-scheda-360');
  }, 120_000);
});
