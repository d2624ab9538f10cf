import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../src/server/demo/demo-organisation.js';
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
// The same database served a second time by an app that runs the demo (as `npm start` does).
let demoApp: FastifyInstance;
let demoUrl: string;
beforeAll(async () => {
  h = await startBrowserHarness({ demo: false });
  demoApp = await buildApp({ database: h.t.database, clock: h.t.clock, logLevel: 'silent', webDir: resolve('dist/web'), demo: true });
  await demoApp.listen({ port: 0, host: '127.0.0.1' });
  const address = demoApp.server.address();
  demoUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  // The pages first: a page left open on the demo app keeps a request going, and the app's close
  // waits for it (the afterAll hook timed out at 60 s).
  for (const context of h.browser.contexts()) await context.close().catch(() => undefined);
  demoApp.server.closeAllConnections();
  await demoApp.close();
  await h.close();
});

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
    for (const area of ['Lavoratori', 'Aziende', 'Programmi', 'Agenda', 'Centralino', 'Formazione', 'Offerte']) {
      await nav.getByRole('link', { name: area }).waitFor();
    }
    // Only the areas she may open: the reports and the contact campaigns are the coordinators'.
    expect(await nav.getByRole('link', { name: 'Report' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Contatti' }).count()).toBe(0);
    // Every area is a working screen: none is named "in arrivo"; the employers are a tab of «Offerte».
    expect(await nav.getByText('in arrivo').count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Chi assume' }).count()).toBe(0);
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

  it('keeps the session for the browser’s life only, unless "Ricordami" is ticked', async () => {
    const { context, page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Elena' }).waitFor();
    const sessionCookie = async () => (await context.cookies()).find((c) => c.name === 'ricolloca_session');
    // -1: a session cookie, gone when the browser closes.
    expect((await sessionCookie())?.expires).toBe(-1);

    const other = await h.newPage();
    await other.page.goto(`${h.baseUrl}/accesso`);
    await other.page.getByLabel('E-mail').fill(DEMO.coordinator);
    await other.page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    const remember = other.page.getByRole('checkbox', { name: 'Ricordami su questo dispositivo' });
    expect(await remember.isChecked()).toBe(false);
    // Bootstrap Italia draws the box on the label: the label is what a user clicks.
    await other.page.getByText('Ricordami su questo dispositivo', { exact: true }).click();
    await expect.poll(() => remember.isChecked()).toBe(true);
    await expectAccessible(other.page, 'accesso-ricordami');
    await other.page.getByRole('button', { name: 'Accedi' }).click();
    await other.page.getByRole('heading', { level: 1, name: 'Buongiorno, Marco' }).waitFor();
    const remembered = (await other.context.cookies()).find((c) => c.name === 'ricolloca_session')!;
    const hoursLeft = (remembered.expires * 1000 - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(11.9);
    expect(hoursLeft).toBeLessThanOrEqual(12);
  });
});

describe('the demo accounts on the sign-in page', () => {
  it('are not shown when the server does not run the demo', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.baseUrl}/accesso`);
    await page.getByLabel('E-mail').waitFor();
    // The page has asked the server whether it runs the demo.
    await expect.poll(() => page.evaluate(async () => (await (await fetch('/api/health')).json()).demo)).toBe(false);
    await page.waitForLoadState('networkidle');
    expect(await page.getByText('Ambiente dimostrativo').count()).toBe(0);
    expect(await page.getByText(DEMO_PASSWORD).count()).toBe(0);
    expect(await page.getByText(DEMO.admin).count()).toBe(0);
  });

  it('lists the five accounts and their password when it does, and one of them signs in', async () => {
    const { page } = await h.newPage();
    await page.goto(`${demoUrl}/accesso`);
    const demo = page.getByRole('region', { name: 'Ambiente dimostrativo' });
    await demo.waitFor();
    await demo.getByText(DEMO_PASSWORD).waitFor();
    // Exactly the accounts the demo loads, each with its role.
    const listed = await demo.getByRole('listitem').allInnerTexts();
    expect(listed.map((text) => text.split(' — ')[0])).toEqual(DEMO_STAFF.map((s) => s.email));
    expect(listed).toContain('sportello@ricolloca.example — Sportello');
    await expectAccessible(page, 'accesso-demo');
    await screenshot(page, '07-accesso-demo');
    await signInThroughForm(page, demoUrl, DEMO.matcher, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Sara' }).waitFor();
  });
});
