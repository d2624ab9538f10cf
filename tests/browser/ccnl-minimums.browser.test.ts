import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { DEMO } from '../helpers/test-app.js';
import { expectAccessible, screenshot, signInAndOpen, startBrowserHarness, type BrowserHarness } from './browser-helpers.js';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
}, 180_000);
afterAll(() => h?.close());

describe('CCNL minimum pay tables in the browser', () => {
  it('an administrator adds the minimum of a commercio level, is refused an overlapping one beside the field, and the screen passes axe', async () => {
    const { page } = await h.newPage();
    await signInAndOpen(page, h.baseUrl, DEMO.admin, DEMO_PASSWORD, '/amministrazione');
    await page.getByRole('link', { name: 'Minimi retributivi dei CCNL' }).click();
    await page.getByRole('heading', { level: 1, name: 'Minimi retributivi dei CCNL' }).waitFor();
    // The demo's tables are listed with the agreement's name.
    await page.getByText('CCNL per i dipendenti dalle aziende metalmeccaniche e della installazione di impianti').first().waitFor();
    await expectAccessible(page, 'minimi-ccnl');

    const add = async (from: string, to: string) => {
      await page.getByRole('button', { name: 'Aggiungi un minimo' }).click();
      const form = page.locator('form');
      await form.getByRole('combobox', { name: 'Contratto collettivo (CCNL)' }).fill('H011');
      await page
        .getByRole('option', { name: /Terziario della Distribuzione e dei Servizi/ })
        .first()
        .click();
      await form.getByLabel('Livello').fill('2');
      await form.getByLabel('Minimo mensile lordo (€)').fill('1.950,00');
      await form.getByLabel('Valido dal').fill(from);
      await form.getByLabel('Valido fino al').fill(to);
      await form.getByLabel('Fonte').fill('rinnovo 22 marzo 2024, tabella 1° aprile 2025');
      await form.getByRole('button', { name: 'Salva' }).click();
    };

    await add('2025-04-01', '2026-03-31');
    await page.getByText('Minimo salvato.').waitFor();
    const row = page.getByRole('row', { name: /H011.*rinnovo 22 marzo 2024/ });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.textContent()).toMatch(/1\.950,00\s€/);

    await add('2026-01-01', '');
    const overlap = page.getByText('Il periodo si sovrappone a un’altra tabella dei minimi dello stesso contratto e livello');
    await overlap.waitFor();
    // Beside the field: the start date's input is described by the message.
    const validFrom = page.locator('form').getByLabel('Valido dal');
    expect(await validFrom.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'minimi-ccnl-sovrapposto');
    await screenshot(page, 'minimi-ccnl-sovrapposto');
    await page.getByRole('button', { name: 'Annulla' }).click();
    await expect.poll(() => row.count()).toBe(1);

    // The filter by CCNL keeps the list to one agreement.
    await page.getByRole('combobox', { name: 'Filtra per contratto collettivo (CCNL)' }).fill('I14B');
    await page
      .getByRole('option', { name: /logistica, trasporto merci e spedizioni/ })
      .first()
      .click();
    await expect.poll(() => page.getByRole('row', { name: /H011/ }).count()).toBe(0);
    await page.getByRole('row', { name: /I14B/ }).first().waitFor();
  }, 120_000);

  it('is usable at 360 px: nothing wider than the screen, the form reachable', async () => {
    const { page } = await h.newPage({ width: 360, height: 740 });
    await signInAndOpen(page, h.baseUrl, DEMO.admin, DEMO_PASSWORD, '/amministrazione/minimi-ccnl');
    await page.getByRole('heading', { level: 1, name: 'Minimi retributivi dei CCNL' }).waitFor();
    await page.getByRole('button', { name: 'Aggiungi un minimo' }).click();
    await page.locator('form').getByLabel('Livello').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'minimi-ccnl-360');
    await screenshot(page, 'minimi-ccnl-360');
  }, 60_000);
});
