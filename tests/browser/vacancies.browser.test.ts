import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { romeToday } from '../../src/shared/time/rome-time.js';
import { loadEscoMini } from '../factories/training.js';
import { networkOf } from '../factories/programmes.js';
import { buildEmployerWithSites, COMUNI } from '../factories/vacancies.js';
import { removeFixtureZips } from '../fixtures/taxonomy/esco-fixture.js';
import { DEMO, officeIdByCode } from '../helpers/test-app.js';
import { expectAccessible, screenshot, signInThroughForm, startBrowserHarness, type BrowserHarness } from './browser-helpers.js';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
  await loadEscoMini(h.t.database);
  removeFixtureZips();
  const db = h.t.database.db;
  const mirandola = await officeIdByCode(h.t.database, 'CPI-MI');
  const network = await networkOf(db, mirandola);
  // An employer of the Bassa registered this week, with no vacancy yet: a plant in Mirandola and a
  // warehouse in Concordia sulla Secchia. The form finds it by name and offers its two sites.
  await buildEmployerWithSites(db, {
    networkId: network,
    officeId: mirandola,
    name: 'Officine Meccaniche Bassa Modenese S.r.l.',
    sites: [
      { comuneCode: COMUNI.mirandola, name: 'Stabilimento di via Statale Nord' },
      { comuneCode: '036010', name: 'Magazzino ricambi' },
    ],
  });
}, 180_000);
afterAll(() => h?.close());

const inDays = (n: number) => romeToday(new Date(Date.now() + n * 86_400_000));

describe('vacancies in the browser', () => {
  it('a matcher writes a welding vacancy in Mirandola, is refused a past deadline, ticks the suggested skills and publishes it; a consultant of another office finds it', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.matcher, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.getByLabel('Sede di lavoro').selectOption({ label: 'CPI Mirandola' });
    await page
      .getByText(/Ora lavori nella sede: .*Mirandola/)
      .first()
      .waitFor();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Offerte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Offerte di lavoro' }).waitFor();
    await page.getByRole('link', { name: 'Nuova offerta' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuova offerta di lavoro' }).waitFor();

    await page.getByLabel('Azienda che assume').fill('officine mecc');
    await page.getByRole('button', { name: /^Scegli Officine Meccaniche Bassa Modenese S\.r\.l\./ }).click();
    await page.getByRole('status').filter({ hasText: 'Scelta: Officine Meccaniche Bassa Modenese S.r.l.' }).waitFor();
    await page.getByLabel('Sede di lavoro dell’azienda').selectOption({ label: 'Stabilimento di via Statale Nord – Mirandola' });
    await page.getByLabel('Titolo dell’offerta').fill('Addetto/a alla saldatura');
    await page.getByRole('combobox', { name: 'Professione ESCO' }).fill('welder');
    await page
      .getByRole('option', { name: /^welder/ })
      .first()
      .click();
    await page.getByRole('group', { name: 'Competenze suggerite dalla professione' }).waitFor();
    const suggested = page.getByRole('group', { name: 'Competenze suggerite dalla professione' });
    await suggested.getByText('applicare le tecniche di saldatura ad arco').click();
    await suggested.getByText('usare le attrezzature per saldatura').click();
    await expect.poll(() => suggested.getByRole('checkbox', { name: 'applicare le tecniche di saldatura ad arco' }).isChecked()).toBe(true);
    await page.getByLabel('Tipo di contratto').selectOption({ label: 'Tempo determinato' });
    await page.getByLabel('Durata in mesi').fill('12');
    await page.getByLabel('Numero di posizioni').fill('2');
    await page.getByLabel('Scadenza').fill(inDays(-3));
    await expectAccessible(page, 'offerte-nuova');
    await page.getByRole('button', { name: 'Salva la bozza' }).click();

    const deadline = page.getByLabel('Scadenza');
    await page.locator('.invalid-feedback', { hasText: 'La scadenza non può essere nel passato' }).waitFor();
    await expect.poll(() => deadline.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, '80-offerte-scadenza-passata');
    await deadline.fill(inDays(30));
    await page.getByRole('button', { name: 'Salva la bozza' }).click();

    await page.getByRole('heading', { level: 1, name: 'Addetto/a alla saldatura' }).waitFor();
    await page.getByText('Bozza', { exact: true }).first().waitFor();
    const required = page.locator('h3', { hasText: 'Richieste' }).locator('xpath=..');
    await required.getByText('applicare le tecniche di saldatura ad arco').waitFor();
    await page.getByRole('button', { name: 'Pubblica' }).click();
    await page.getByRole('dialog', { name: 'Pubblica' }).getByRole('button', { name: 'Conferma' }).click();
    await page.getByText('Offerta aggiornata: Pubblicata').first().waitFor();
    await expectAccessible(page, 'offerta');
    await screenshot(page, '81-offerta-pubblicata');

    // Elena Rinaldi works in Modena: the vacancy is Mirandola's, and every office sees it.
    const other = await h.newPage();
    await signInThroughForm(other.page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD);
    await other.page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await other.page.goto(`${h.baseUrl}/offerte`);
    await other.page.getByLabel('Cerca nel titolo').fill('saldatura');
    await other.page.getByRole('link', { name: 'Addetto/a alla saldatura' }).click();
    await other.page.getByRole('heading', { level: 1, name: 'Addetto/a alla saldatura' }).waitFor();
    await other.page.getByText('Centro per l’impiego di Mirandola').first().waitFor();
    expect(await other.page.getByRole('button', { name: 'Chiudi l’offerta' }).count()).toBe(0);
    await expectAccessible(other.page, 'offerte-altra-sede');
  }, 180_000);

  it('shows the list and the board at 360 px without sideways scrolling', async () => {
    const { page } = await h.newPage({ width: 360, height: 740 });
    await signInThroughForm(page, h.baseUrl, DEMO.matcher, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    for (const [path, heading] of [
      ['/offerte', 'Offerte di lavoro'],
      ['/offerte/bacheca', 'Bacheca dell’incontro domanda-offerta'],
    ] as const) {
      await page.goto(`${h.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await expectAccessible(page, path);
      await screenshot(page, `82-offerte-360${path.replaceAll('/', '-')}`);
    }
  }, 90_000);
});
