import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
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
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(() => h.close());

describe('staff sign-in in the browser', () => {
  it('refuses a wrong password with a clear Italian message and keeps the user on the sign-in page', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.baseUrl}/`);
    await expect.poll(() => page.url()).toContain('/accesso');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('it');
    await expectAccessible(page, 'accesso');
    await screenshot(page, '01-accesso');
    await signInThroughForm(page, h.baseUrl, DEMO.consultant, 'password-sbagliata');
    await page.getByRole('alert').getByText('E-mail o password non corretti.').waitFor();
    expect(page.url()).toContain('/accesso');
    await expect.poll(() => page.getByLabel(/^Password/).inputValue()).toBe('');
    await expectAccessible(page, 'accesso-errore');
    await screenshot(page, '02-accesso-password-errata');
  });

  it('signs in, shows the desk with the office and the roles, and signs out', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Elena' }).waitFor();
    await page.getByText('Orientatore').first().waitFor();
    await page.getByText('Via delle Costellazioni 180, 41126 Modena (MO)').waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
    for (const area of ['Lavoratori', 'Aziende', 'Programmi', 'Centralino', 'Report']) {
      await nav.getByRole('link', { name: area }).waitFor();
    }
    // Areas still to come are named with "in arrivo", and are not links to a screen.
    for (const area of ['Agenda', 'Offerte']) {
      await nav.getByText(area, { exact: true }).waitFor();
      expect(await nav.getByRole('link', { name: area }).count()).toBe(0);
    }
    expect(await nav.getByText('in arrivo').count()).toBe(2);
    // A consultant is not an administrator: no administration entry.
    expect(await nav.getByRole('link', { name: 'Amministrazione' }).count()).toBe(0);
    await expectAccessible(page, 'scrivania');
    await screenshot(page, '03-scrivania-orientatrice');

    // The office switcher moves the session to another office where the account holds a role.
    await page.getByLabel('Sede di lavoro').selectOption({ label: 'CPI Sassuolo' });
    await page.getByText('Ora lavori nella sede: Centro per l’impiego di Sassuolo').waitFor();
    await page.getByText('Via Mazzini 30, 41049 Sassuolo (MO)').waitFor();

    await page.getByRole('button', { name: 'Menu utente di Elena Rinaldi' }).click();
    await page.getByRole('button', { name: 'Esci' }).click();
    await page.getByRole('heading', { name: 'Accesso del personale' }).waitFor();
    // The session is gone on the server too: the API refuses the old cookie.
    const status = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).status);
    expect(status).toBe(401);
    expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);
  });

  it('switches the interface to English and back', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.frontoffice, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Luca' }).waitFor();
    await page.getByRole('button', { name: 'Lingua' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello, Luca' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Workers' }).waitFor();
    await screenshot(page, '04-desk-english');
    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByRole('button', { name: 'Italiano' }).click();
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Luca' }).waitFor();
  });

  it('works on a 360 px wide phone: the menu opens from the toggler', async () => {
    const { page } = await h.newPage({ width: 360, height: 740 });
    await signInThroughForm(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Marco' }).waitFor();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    await screenshot(page, '05-telefono-scrivania');
    await page.getByRole('button', { name: 'Apri il menu' }).click();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Programmi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programmi' }).waitFor();
    await expectAccessible(page, 'telefono-programmi');
    await screenshot(page, '06-telefono-programmi');
  });

  it('can be used with the keyboard alone', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.baseUrl}/accesso`);
    await page.getByLabel('E-mail').waitFor();
    // Tab from the top of the page until the e-mail field has focus, then type and submit with Enter.
    for (let i = 0; i < 15; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('type') === 'email')) break;
    }
    await page.keyboard.type(DEMO.matcher);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Sara' }).waitFor();
  });
});
