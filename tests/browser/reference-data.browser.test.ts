import type { Locator, Page } from 'playwright-core';
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

const ESCO_SENTENCE = 'This service uses the ESCO classification of the European Commission.';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(() => h.close());

async function openReferenceData(page: Page) {
  await signInThroughForm(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD);
  await page.getByRole('heading', { level: 1, name: 'Buongiorno, Elena' }).waitFor();
  await page.getByRole('contentinfo').getByRole('link', { name: 'Dati di riferimento' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dati di riferimento' }).waitFor();
}

/** Tabs forward until the given field has focus, as a keyboard user would. */
async function tabTo(page: Page, field: Locator) {
  for (let i = 0; i < 40; i += 1) {
    if (await field.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('field never received focus');
}

const activeOptionText = (combobox: Locator) =>
  combobox.evaluate((input) => {
    const id = input.getAttribute('aria-activedescendant');
    return id ? (document.getElementById(id)?.textContent ?? '') : '';
  });

/** Arrow keys down the open list to the option whose text starts with `name`, then Enter. */
async function chooseWithKeyboard(page: Page, combobox: Locator, name: string) {
  const listbox = page.locator(`#${await combobox.getAttribute('aria-controls')}`);
  await listbox
    .getByRole('option', { name: new RegExp(`^${name}\\b`) })
    .first()
    .waitFor();
  for (let i = 0; i < 10; i += 1) {
    await page.keyboard.press('ArrowDown');
    if ((await activeOptionText(combobox)).startsWith(name)) break;
  }
  expect(await activeOptionText(combobox)).toMatch(new RegExp(`^${name}`));
  await page.keyboard.press('Enter');
  await expect.poll(() => combobox.getAttribute('aria-expanded')).toBe('false');
  expect(await combobox.inputValue()).toBe(name);
}

describe('reference data in the browser', () => {
  it('a consultant picks an occupation and two comuni with the keyboard alone and checks the commute', async () => {
    const { page } = await h.newPage();
    await openReferenceData(page);

    // The page title has focus after navigation; the first field is one Tab away.
    const occupation = page.getByRole('combobox', { name: 'Professione' });
    await tabTo(page, occupation);
    expect(await occupation.getAttribute('aria-autocomplete')).toBe('list');
    expect(await occupation.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.type('saldat');
    const occupations = page.getByRole('listbox', { name: 'Professione' });
    await occupations.getByRole('option').first().waitFor();
    expect(await occupation.getAttribute('aria-expanded')).toBe('true');
    const count = await occupations.getByRole('option').count();
    // The live region tells screen-reader users how many suggestions there are.
    await page
      .getByRole('status')
      .filter({ hasText: new RegExp(`^${count} risultat[oi] disponibil[ei]$`) })
      .waitFor({ state: 'attached' });
    await expectAccessible(page, 'dati-di-riferimento-elenco-aperto');
    await screenshot(page, '20-dati-di-riferimento-suggerimenti');

    await page.keyboard.press('ArrowDown');
    const firstOption = occupations.getByRole('option').first();
    expect(await occupation.getAttribute('aria-activedescendant')).toBe(await firstOption.getAttribute('id'));
    expect(await firstOption.getAttribute('aria-selected')).toBe('true');
    const chosen = (await firstOption.locator('.rc-autocomplete__label').textContent())?.trim() ?? '';
    expect(chosen).toMatch(/saldat|welder/i);
    await page.keyboard.press('Enter');
    await expect.poll(() => occupation.getAttribute('aria-expanded')).toBe('false');
    expect(await occupation.inputValue()).toBe(chosen);
    // The card shows what was chosen: its code and classification.
    const occupationCard = page.locator('.it-card', { has: occupation });
    await occupationCard.getByText('Codice', { exact: true }).waitFor();
    await occupationCard.getByText('Classificazione', { exact: true }).waitFor();

    // Escape closes the list and keeps the text; typing after a choice forgets the choice.
    await page.keyboard.press('Backspace');
    await occupations.getByRole('option').first().waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => occupation.getAttribute('aria-expanded')).toBe('false');
    expect(await occupation.inputValue()).toBe(chosen.slice(0, -1));
    await occupationCard.getByText('Nessuna voce scelta.').waitFor();
    // Down arrow reopens the list; choosing again shows the details again.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => occupation.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Enter');
    await occupationCard.getByText('Codice', { exact: true }).waitFor();

    // Commute: from Modena (typed with a typo) to Carpi.
    const from = page.getByRole('combobox', { name: 'Comune di partenza' });
    await tabTo(page, from);
    await page.keyboard.type('modna');
    await chooseWithKeyboard(page, from, 'Modena');
    const to = page.getByRole('combobox', { name: 'Comune di arrivo' });
    await tabTo(page, to);
    await page.keyboard.type('carpi');
    await chooseWithKeyboard(page, to, 'Carpi');

    const distance = page.getByTestId('commute-distance');
    await distance.getByText(/Distanza in linea d’aria da Modena a Carpi: [\d.,]+ km/).waitFor();
    const km = Number((/: ([\d.,]+) km/.exec((await distance.textContent()) ?? '')?.[1] ?? '').replace(',', '.'));
    expect(km).toBeGreaterThan(10);
    expect(km).toBeLessThan(25);

    // Comuni within the default 20 km of Modena include Carpi, with its distance.
    expect(await page.getByLabel('Raggio in km').inputValue()).toBe('20');
    const nearby = page.getByRole('table', { name: 'Comuni entro 20 km da Modena' });
    const carpi = nearby.getByRole('row', { name: /^Carpi\b/ });
    await carpi.waitFor();
    expect(await carpi.getByRole('cell').last().textContent()).toMatch(/^\d+,\d$/);
    expect(await nearby.getByRole('rowheader', { name: 'Modena', exact: true }).count()).toBe(0);

    await expectAccessible(page, 'dati-di-riferimento');
    await screenshot(page, '21-dati-di-riferimento');
    // Only the session check before signing in may fail (401).
    expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);
  });

  it('works on a 360 px wide phone', async () => {
    const { page } = await h.newPage({ width: 360, height: 740 });
    await openReferenceData(page);
    const from = page.getByRole('combobox', { name: 'Comune di partenza' });
    await from.fill('modena');
    await page
      .getByRole('listbox', { name: 'Comune di partenza' })
      .getByRole('option', { name: /^Modena\b/ })
      .click();
    await page.getByRole('table', { name: 'Comuni entro 20 km da Modena' }).waitFor();
    const comune = page.getByRole('combobox', { name: 'Comune', exact: true });
    await comune.fill('carp');
    await page.getByRole('listbox', { name: 'Comune', exact: true }).getByRole('option').first().waitFor();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'telefono-dati-di-riferimento');
    await screenshot(page, '22-telefono-dati-di-riferimento');
  });

  it('marks a label that exists only in English', async () => {
    const { page } = await h.newPage();
    // The test database holds no ESCO labels (production imports ESCO after start), so the
    // skills answer is stubbed with an English-only concept, as the API returns it.
    await page.route('**/api/v1/taxonomy/skills?*', (route) =>
      route.fulfill({
        json: {
          items: [
            {
              id: 'http://data.europa.eu/esco/skill/0e2f8d3f-2d5e-4b1e-8a7e-9b8a0c6f1a11',
              kind: 'esco_skill',
              code: '0e2f8d3f-2d5e-4b1e-8a7e-9b8a0c6f1a11',
              label: 'arc welding',
              labelLanguage: 'en',
              fallback: true,
              matchedLabel: 'electric arc welding',
              match: 'fuzzy',
              detail: 'abilità/competenza',
            },
          ],
        },
      }),
    );
    await openReferenceData(page);
    const skill = page.getByRole('combobox', { name: 'Competenza' });
    await skill.fill('arc weld');
    const option = page.getByRole('listbox', { name: 'Competenza' }).getByRole('option').first();
    await option.waitFor();
    expect(await option.locator('[lang="en"]').first().textContent()).toBe('arc welding');
    expect(await option.textContent()).toContain('(etichetta disponibile solo in inglese)');
    expect(await option.textContent()).toContain('anche: electric arc welding');
    await expectAccessible(page, 'competenza-solo-inglese');
    await skill.press('ArrowDown');
    await skill.press('Enter');
    // The chosen English label keeps its language, and the field says why it is in English.
    expect(await skill.getAttribute('lang')).toBe('en');
    const description = await skill.evaluate((input) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(description).toContain('etichetta disponibile solo in inglese');
  });

  it('the about page credits the data sources, with their load status once signed in', async () => {
    // Signed out: the static text and list of sources.
    const { page: visitor } = await h.newPage();
    await visitor.goto(`${h.baseUrl}/informazioni`);
    await visitor.getByRole('heading', { level: 1, name: 'Informazioni su Ricolloca' }).waitFor();
    await visitor.getByRole('heading', { level: 2, name: 'Informazioni sui dati' }).waitFor();
    await visitor.locator('[lang="en"]', { hasText: ESCO_SENTENCE }).waitFor();
    await visitor.getByText('Traduzione: questo servizio utilizza la classificazione ESCO della Commissione europea.').waitFor();
    await visitor.getByText('Fonte: ISTAT', { exact: true }).waitFor();
    await visitor.getByText(/Openpolis \/ ISTAT \(licenza CC BY 4\.0\)/).waitFor();
    await visitor.getByText(/CNEL/).first().waitFor();
    await visitor
      .getByText(/Europass/)
      .first()
      .waitFor();
    await visitor.getByText('Accedi per vedere lo stato del caricamento e il numero di voci di ogni fonte.').waitFor();
    await expectAccessible(visitor, 'informazioni-ospite');

    // Signed in: each source with its version, licence, entries and status.
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Elena' }).waitFor();
    await page.getByRole('contentinfo').getByRole('link', { name: 'Informazioni' }).click();
    await page.locator('[lang="en"]', { hasText: ESCO_SENTENCE }).first().waitFor();
    await page.getByText('Voci caricate').first().waitFor();
    expect(await page.getByText('Accedi per vedere lo stato').count()).toBe(0);
    await page.getByText('Caricata', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: 'Dati di riferimento' }).first().waitFor();
    await expectAccessible(page, 'informazioni');
    await screenshot(page, '23-informazioni-dati');
  });
});
