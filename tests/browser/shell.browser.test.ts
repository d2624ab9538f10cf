import { readdirSync, readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
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

/** The top-level sections of the interface strings: a raw key on screen starts with one of them. */
const SECTIONS = [
  ...new Set(
    readdirSync('src/web/i18n')
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => Object.keys(JSON.parse(readFileSync(`src/web/i18n/${f}`, 'utf8')))),
  ),
];
const RAW_KEY = new RegExp(`(?<![\\w@.])(?:${SECTIONS.join('|')})\\.[A-Za-z_][\\w.]*`, 'g');

async function signedIn(email: string, options: { width?: number; height?: number; locale?: string } = {}) {
  const { page } = await h.newPage(options);
  await signInThroughForm(page, h.baseUrl, email, DEMO_PASSWORD);
  await page.getByRole('heading', { level: 1, name: /^Buongiorno/ }).waitFor();
  return page;
}

async function openPage(page: Page, path: string) {
  await page.goto(`${h.baseUrl}${path}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  // Lists load after the heading: wait for the network to settle before reading the screen.
  await page.waitForLoadState('networkidle');
}

const MAIN_PAGES = [
  '/',
  '/lavoratori',
  '/lavoratori/nuovo',
  '/aziende',
  '/programmi',
  '/programmi/nuovo',
  '/centralino',
  '/contatti',
  '/report',
  '/agenda',
  '/offerte',
  '/amministrazione',
  '/amministrazione/sedi',
  '/amministrazione/personale',
  '/amministrazione/personale/nuovo',
  '/amministrazione/registro',
  '/dati-di-riferimento',
  '/account/password',
];

describe('the web shell', () => {
  it('shows no raw interface key on the main pages, in Italian and in English', async () => {
    const page = await signedIn(DEMO.admin);
    const found: string[] = [];
    for (const language of ['Italiano', 'English']) {
      if (language === 'English') {
        await openPage(page, '/');
        await page.getByRole('button', { name: /^Lingua/ }).click();
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('heading', { level: 1, name: /^Hello/ }).waitFor();
      }
      for (const path of MAIN_PAGES) {
        await openPage(page, path);
        const text = await page.locator('body').innerText();
        for (const key of text.match(RAW_KEY) ?? []) found.push(`${language} ${path}: ${key}`);
      }
    }
    // Back to Italian: the choice is stored on the account.
    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('button', { name: 'Italiano' }).click();
    await page.getByRole('button', { name: 'Lingua: IT' }).waitFor();
    expect(found).toEqual([]);
    // The check itself recognises a raw key.
    expect('Centralino comingSoon.hotline'.match(RAW_KEY)).toEqual(['comingSoon.hotline']);
    expect('giulia.bianchi@ricolloca.example'.match(RAW_KEY)).toBeNull();
  });

  it('offers a skip link first, names the language button by what it shows, and closes notices with "Chiudi"', async () => {
    const page = await signedIn(DEMO.consultant);
    await openPage(page, '/');
    // From the top of the document, the first Tab reaches the skip link, which then shows.
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    await page.keyboard.press('Tab');
    const first = page.locator(':focus');
    expect((await first.textContent())?.trim()).toBe('Vai al contenuto principale');
    expect((await first.boundingBox())!.width).toBeGreaterThan(50);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('main')?.id ?? document.activeElement?.id)).toBe('main');

    // WCAG 2.5.3: the accessible name contains the visible "IT"; the axe rule runs in every scan.
    await page.getByRole('button', { name: 'Lingua: IT' }).waitFor();
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag21a'])
      .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
      .analyze();
    expect(axe.passes.map((r) => r.id)).toContain('label-content-name-mismatch');
    await expectAccessible(page, 'scrivania');

    // A notice (office switched) closes with a button named "Chiudi", and "Close" in English.
    await page.getByLabel('Sede di lavoro').selectOption({ index: 1 });
    const notice = page.getByRole('status').getByText(/^Ora lavori nella sede/);
    await notice.waitFor();
    await page.getByRole('status').getByRole('button', { name: 'Chiudi', exact: true }).click();
    await notice.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Lingua: IT' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Language: EN' }).waitFor();
    await page.getByLabel('Office').selectOption({ index: 0 });
    await page.getByRole('status').getByRole('button', { name: 'Close', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Language: EN' }).click();
    await page.getByRole('button', { name: 'Italiano' }).click();
    await page.getByRole('button', { name: 'Lingua: IT' }).waitFor();
  });

  it('draws every text field as one (a bottom border), whether or not it declares its type', async () => {
    const page = await signedIn(DEMO.admin);
    const checked: string[] = [];
    for (const path of ['/programmi/nuovo', '/lavoratori/nuovo', '/amministrazione/personale/nuovo', '/contatti', '/aziende/nuova']) {
      await openPage(page, path);
      const fields = await page
        .locator('main input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not([type=file])')
        .evaluateAll((inputs) =>
          inputs
            .filter((i) => (i as HTMLElement).offsetParent !== null)
            .map((i) => {
              const style = getComputedStyle(i);
              const label = i.id ? document.querySelector(`label[for="${CSS.escape(i.id)}"]`)?.textContent?.trim() : '';
              return {
                label: label || i.getAttribute('aria-label') || i.outerHTML.slice(0, 60),
                typed: i.hasAttribute('type'),
                border: `${style.borderBottomStyle} ${style.borderBottomWidth}`,
              };
            }),
        );
      expect(fields.length).toBeGreaterThan(0);
      const borderless = fields.filter((f) => !/^solid [1-9]/.test(f.border));
      expect(borderless.map((f) => `${path}: ${f.label} (${f.border})`)).toEqual([]);
      checked.push(...fields.filter((f) => !f.typed).map((f) => `${path}: ${f.label}`));
    }
    await screenshot(page, '90-campi-di-testo');
    // Fields without a type attribute were among those checked (programme code and name, staff name …).
    expect(checked.length).toBeGreaterThan(0);
  });

  it('ships its fonts (Lora for callouts) from its own origin, and offers every area as a working screen', async () => {
    const { page } = await h.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(h.baseUrl) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    // Lora (Bootstrap Italia's face for callouts) loads from the product's own origin, like every other font.
    await page.goto(h.baseUrl);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const loraLoaded = await page.evaluate(async () => {
      await document.fonts.load('16px Lora');
      return [...document.fonts].some((f) => f.family.replaceAll('"', '') === 'Lora' && f.status === 'loaded');
    });
    expect(loraLoaded).toBe(true);
    await signInThroughForm(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /^Buongiorno/ }).waitFor();
    expect(foreign).toEqual([]);

    // Offerte is a working area now: a link, and nothing in the navigation or on the desk is "in arrivo".
    const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
    await nav.getByRole('link', { name: 'Offerte' }).waitFor();
    await nav.getByRole('link', { name: 'Agenda' }).waitFor();
    await nav.getByRole('link', { name: 'Programmi' }).waitFor();
    expect(await nav.getByText('in arrivo').count()).toBe(0);
    await page
      .getByRole('main')
      .getByRole('link', { name: /Offerte/ })
      .first()
      .waitFor();
    expect(await page.getByRole('main').getByText('in arrivo').count()).toBe(0);
    await screenshot(page, '91-scrivania-aree');
    expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);
  });

  it('fits the offices and campaigns tables in 360 px without sideways scrolling', async () => {
    const page = await signedIn(DEMO.admin, { width: 360, height: 780 });
    for (const [path, name] of [
      ['/amministrazione/sedi', '92-sedi-360'],
      ['/contatti', '93-campagne-360'],
    ] as const) {
      await openPage(page, path);
      await page.locator('main table').first().waitFor();
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), path).toBeLessThanOrEqual(360);
      await screenshot(page, name);
    }
  });

  it('gives focus back to the opener when a dialog closes', async () => {
    const page = await signedIn(DEMO.coordinator);
    const programme = await h.t.database.db
      .selectFrom('programmes')
      .select('id')
      .where('code', '=', 'RIC-CIGS-MO')
      .executeTakeFirstOrThrow();
    await openPage(page, `/programmi/${programme.id}`);
    const table = page.getByRole('table', { name: 'Iscrizioni al programma' });
    const history = table.getByRole('button', { name: /^Storico di / }).first();
    await history.waitFor();
    const name = (await history.getAttribute('aria-label'))!;
    await history.click();
    const dialog = page.getByRole('dialog', { name });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(name);

    await history.click();
    await dialog.getByRole('button', { name: 'Chiudi' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(name);

    // The transition dialog too: cancelled, focus is back on the button that opened it.
    const move = table.getByRole('button', { name: /^Ritira: / }).first();
    const moveName = (await move.getAttribute('aria-label'))!;
    await move.click();
    await page.getByRole('dialog', { name: moveName }).getByRole('button', { name: 'Annulla' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(moveName);
  });
});

describe('a full page load', () => {
  it('asks for the session and for the worker list once each, with React in its production build', async () => {
    const page = await signedIn(DEMO.coordinator);
    const asked: string[] = [];
    const consoleLines: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path === '/api/v1/auth/session' || path === '/api/v1/workers') asked.push(path);
    });
    page.on('console', (message) => consoleLines.push(message.text()));
    await openPage(page, '/lavoratori');
    expect(asked.sort()).toEqual(['/api/v1/auth/session', '/api/v1/workers']);
    // The development build greets the console with this line, and doubles every effect.
    expect(consoleLines.filter((line) => line.includes('React DevTools'))).toEqual([]);
  });
});

describe('the worker list', () => {
  it('says how many workers match in all, and heads the name column in the order shown', async () => {
    const page = await signedIn(DEMO.coordinator);
    const { n } = await h.t.database.db
      .selectFrom('workers')
      .select(h.t.database.db.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const expected = new Intl.NumberFormat('it-IT', { useGrouping: 'always' }).format(Number(n));
    await openPage(page, '/lavoratori');
    await page.getByText(`${expected} lavoratori`, { exact: true }).waitFor();
    await page.getByRole('columnheader', { name: 'Cognome e nome' }).waitFor();
    // Filtered: the count follows the filters, and one match is said in the singular.
    await page.getByLabel('Cerca per nome, codice fiscale o telefono').fill('zzzz-nessuno');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.getByText('Nessun').first().waitFor();
    await screenshot(page, '94-lavoratori-totale');
  });
});
