import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { romeToday } from '../../src/shared/time/rome-date.js';
import { addDays, formatItalianDate } from '../../src/shared/time/rome-date.js';
import { DEMO } from '../helpers/test-app.js';
import {
  consoleProblems,
  expectAccessible,
  screenshot,
  signInAndOpen,
  startHarnessWithWorker,
  type BrowserHarness,
} from './browser-helpers.js';

let h: BrowserHarness;
let workerId: string;
beforeAll(async () => {
  ({ h, workerId } = await startHarnessWithWorker({ firstName: 'Francesca', lastName: "Dall'Olio" }, 9701));
});
afterAll(() => h.close());

describe('delivered services in the browser', () => {
  it('a consultant records a CV support session by hand on the worker page, told beside the field what is wrong', async () => {
    const { page } = await h.newPage();
    await signInAndOpen(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD, `/lavoratori/${workerId}`);
    await page.getByRole('heading', { level: 1, name: "Dall'Olio Francesca" }).waitFor();
    const section = page.getByRole('region', { name: 'Servizi erogati' });
    await section.getByText('Nessun servizio erogato finora.').waitFor();
    await section.getByRole('button', { name: 'Registra un servizio' }).click();

    const dialog = page.getByRole('dialog', { name: "Registra un servizio erogato a Dall'Olio Francesca" });
    await dialog.waitFor();
    await dialog.getByLabel('Servizio').selectOption({ label: 'Supporto al CV' });
    const today = romeToday(new Date());
    // A day in the future: the server refuses it, and says so under the date.
    await dialog.getByLabel('Data').fill(addDays(today, 2));
    await dialog.getByLabel('Durata in minuti').fill('');
    await dialog.getByRole('button', { name: 'Registra', exact: true }).click();
    await dialog.getByText('Inserire un numero').waitFor();
    await dialog.getByLabel('Durata in minuti').fill('45');
    await dialog.getByRole('button', { name: 'Registra', exact: true }).click();
    await dialog.getByText('Il servizio non può avere una data futura').waitFor();
    expect(await dialog.getByLabel('Data').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'servizio-a-mano-errore');
    await screenshot(page, '90-servizio-a-mano-errore');

    await dialog.getByLabel('Data').fill(today);
    await dialog.getByLabel('Nota').fill('Revisione del CV per le aziende del distretto biomedicale');
    await dialog.getByRole('button', { name: 'Registra', exact: true }).click();
    await page
      .getByRole('status')
      .getByText(`Servizio registrato: Supporto al CV del ${formatItalianDate(today)}.`)
      .waitFor();
    await section.getByText('In tutto: 0,75 ore').waitFor();
    await section.getByText('Registrato a mano').waitFor();
    await section.getByText('con Elena Rinaldi', { exact: false }).waitFor();
    await section.getByRole('button', { name: `Correggi del ${formatItalianDate(today)}` }).waitFor();
    await page.getByRole('region', { name: 'Storia' }).getByText('Servizio erogato registrato').waitFor();
    await expectAccessible(page, 'servizi-erogati-lavoratore');
    await screenshot(page, '91-servizi-erogati-lavoratore');
    expect(consoleProblems(page).filter((p) => !p.includes('401') && !p.includes('422') && !p.includes('400'))).toEqual([]);
  });

  it('a coordinator reads the funder’s totals per consultant on a phone-sized screen', async () => {
    const { page } = await h.newPage({ width: 360, height: 780 });
    await signInAndOpen(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD, `/report/servizi`);
    await page
      .getByRole('heading', { level: 1, name: 'Report' })
      .or(page.getByRole('heading', { level: 1 }))
      .first()
      .waitFor();
    await page.getByLabel('Raggruppa per').selectOption({ label: 'Operatore' });
    await page.getByRole('button', { name: 'Mostra' }).click();
    await page.waitForURL(/per=consultant/);
    const table = page.getByRole('table', { name: /Servizi erogati dal .* per Operatore/ });
    await table.waitFor();
    await table.getByRole('row', { name: /Elena Rinaldi/ }).waitFor();
    await expectAccessible(page, 'servizi-erogati-totali');
    await screenshot(page, '92-servizi-erogati-totali-360');
  });
});
