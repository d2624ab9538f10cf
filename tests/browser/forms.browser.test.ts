import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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

/** The message a field is described by, as a screen reader reads it, and whether it is marked invalid. */
async function fieldState(page: Page, label: RegExp | string) {
  const field = page.getByLabel(label).first();
  const invalid = await field.getAttribute('aria-invalid');
  const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
  const descriptions: string[] = [];
  for (const id of describedBy.split(' ').filter(Boolean))
    descriptions.push(((await page.locator(`[id="${id}"]`).textContent()) ?? '').trim());
  const classes = (await field.getAttribute('class')) ?? '';
  return { invalid, descriptions, red: classes.includes('is-invalid') };
}

async function openNewWorkerForm(page: Page, heading: string, language?: 'English') {
  await signInThroughForm(page, h.baseUrl, DEMO.frontoffice, DEMO_PASSWORD);
  await page.getByRole('heading', { level: 1, name: /^Buongiorno/ }).waitFor();
  if (language) {
    // As an operator does it: the header's language menu (the choice is kept on the account).
    await page.getByRole('button', { name: /^Lingua/ }).click();
    await page.getByRole('button', { name: language }).click();
    await page.getByRole('heading', { level: 1, name: /^Hello/ }).waitFor();
  }
  await page.goto(`${h.baseUrl}/lavoratori/nuovo`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('forms validated with the contract’s schemas', () => {
  it('shows the message under each field of an empty worker form, in Italian, before sending', async () => {
    const { page } = await h.newPage({ width: 360, height: 800 });
    await openNewWorkerForm(page, 'Nuovo lavoratore');
    let posted = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/workers')) posted++;
    });
    await page.getByLabel('Telefono').fill('12');
    await page.getByRole('button', { name: 'Salva' }).click();

    await expect.poll(() => fieldState(page, /^Nome/)).toEqual({ invalid: 'true', descriptions: ['Inserire il nome'], red: true });
    expect(await fieldState(page, /^Cognome/)).toEqual({ invalid: 'true', descriptions: ['Inserire il cognome'], red: true });
    expect(await fieldState(page, 'Telefono')).toEqual({
      invalid: 'true',
      descriptions: ['Il numero di telefono non è valido'],
      red: true,
    });
    // The focus goes to the first field to correct (WCAG 3.3.1).
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    expect(posted).toBe(0);
    await expectAccessible(page, 'nuovo-lavoratore-errori');
    await screenshot(page, '90-form-errori-360');

    // Corrected fields lose their error on the next submit; the server then takes the worker.
    await page.getByLabel(/^Nome/).first().fill('Nicolò');
    await page.getByLabel(/^Cognome/).fill("D'Angelo");
    await page.getByLabel('Telefono').fill('333 123 4567');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByRole('heading', { level: 1, name: /D'Angelo|Nicolò/ }).waitFor();
    expect(posted).toBe(1);
    expect(consoleProblems(page).filter((p) => !p.includes('401'))).toEqual([]);
  });

  it('speaks English when the interface is in English', async () => {
    const { page } = await h.newPage({ locale: 'en-GB' });
    await openNewWorkerForm(page, 'New worker', 'English');
    await page.getByLabel('E-mail').fill('emanuele.deluca@');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => fieldState(page, /^First name/))
      .toEqual({ invalid: 'true', descriptions: ['Enter the first name'], red: true });
    expect(await fieldState(page, /^Last name/)).toEqual({ invalid: 'true', descriptions: ['Enter the last name'], red: true });
    expect(await fieldState(page, 'E-mail')).toEqual({ invalid: 'true', descriptions: ['Enter a valid e-mail address'], red: true });
    expect(await page.locator('body').textContent()).not.toMatch(/Inserire|Troppo|>=|string/);
    await expectAccessible(page, 'new-worker-errors');
  });
});

describe('lists read through useApiQuery', () => {
  it('the worker list follows the header’s office switcher without a reload', async () => {
    const { page } = await h.newPage();
    // Elena Rinaldi is a consultant at Modena and at Sassuolo: she sees the workers of her current office.
    await signInThroughForm(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /^Buongiorno/ }).waitFor();
    const namesOf = async (code: string) =>
      new Set(
        (
          await h.t.database.db
            .selectFrom('workers as w')
            .innerJoin('offices as o', 'o.id', 'w.office_id')
            .select(['w.last_name', 'w.first_name'])
            .where('o.code', '=', code)
            .execute()
        ).map((w) => `${w.last_name} ${w.first_name}`),
      );
    const [modena, sassuolo] = [await namesOf('CPI-MO'), await namesOf('CPI-SA')];
    expect(modena.size).toBeGreaterThan(0);
    expect(sassuolo.size).toBeGreaterThan(0);
    const shownNames = async () => (await page.getByRole('table').getByRole('rowheader').allTextContents()).map((s) => s.trim());

    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Lavoratori' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lavoratori' }).waitFor();
    await expect.poll(async () => (await shownNames()).length).toBeGreaterThan(0);
    const current = await page.getByLabel('Sede di lavoro').inputValue();
    const [from, to] = (await shownNames()).every((n) => modena.has(n)) ? [modena, sassuolo] : [sassuolo, modena];
    expect((await shownNames()).every((n) => from.has(n))).toBe(true);

    const options = await page
      .getByLabel('Sede di lavoro')
      .locator('option')
      .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    // Read before switching: the new list may already be there when the next line runs.
    const before = await shownNames();
    await page.getByLabel('Sede di lavoro').selectOption(options.find((v) => v !== current)!);
    // The same page, no reload: the list now holds the other office's workers only.
    await expect
      .poll(async () => {
        const names = await shownNames();
        return names.length > 0 && names.every((n) => to.has(n)) && names.join() !== before.join();
      })
      .toBe(true);
  });
});

describe('the CIGS period form of a company', () => {
  it('refuses an end before the start beside the field, before sending anything', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /^Buongiorno/ }).waitFor();
    const company = await h.t.database.db.selectFrom('companies').select(['id', 'name']).orderBy('name').executeTakeFirstOrThrow();
    const casesOf = async () =>
      Number(
        (
          await h.t.database.db
            .selectFrom('cigs_cases')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('company_id', '=', company.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await casesOf();
    await page.goto(`${h.baseUrl}/aziende/${company.id}`);
    await page.getByRole('heading', { level: 1, name: company.name }).waitFor();
    const form = page.getByRole('form', { name: 'Registra periodo di CIGS' });
    await form.getByLabel(/^Inizio/).fill('2026-06-01');
    await form.getByLabel(/^Fine/).fill('2026-03-01');
    await form.getByRole('button', { name: 'Registra periodo di CIGS' }).click();
    await expect
      .poll(() => fieldState(page, /^Fine/))
      .toEqual({ invalid: 'true', descriptions: ['La data di fine della CIGS non può precedere la data di inizio'], red: true });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    expect(await casesOf()).toBe(before);
    await expectAccessible(page, 'azienda-periodo-cigs-errore');
  });
});
