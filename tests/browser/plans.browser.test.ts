import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENDA_PASSWORD } from '../factories/agenda.js';
import { planWorld } from '../factories/plans.js';
import type { OfficeWorker } from '../factories/workshops.js';
import { officeIdByCode } from '../helpers/test-app.js';
import {
  consoleProblems,
  expectAccessible,
  screenshot,
  signInThroughForm,
  startBrowserHarness,
  type BrowserHarness,
} from './browser-helpers.js';

// A consultant of CPI Modena drafts Barbieri Emanuele's patto di servizio, adds an action, signs it
// in the dialog and reads that the enrolment is now "Iscritto"; then the overdue action on her home.

let h: BrowserHarness;
let barbieri: OfficeWorker;
let programmeId: string;
const EMAIL = 'ilaria.colombo@cpi-modena.example';

beforeAll(async () => {
  h = await startBrowserHarness();
  const db = h.t.database.db;
  const world = await planWorld(h.t.app, db, {
    officeId: await officeIdByCode(h.t.database, 'CPI-MO'),
    consultant: { fullName: 'Ilaria Colombo', email: EMAIL },
    workers: [{ firstName: 'Emanuele', lastName: 'Barbieri', state: 'assessed' }],
    index: 9500,
  });
  barbieri = world.workers[0]!;
  programmeId = world.programmeId;
});
afterAll(() => h.close());

describe('the action plan in the browser', () => {
  it('signing a plan: drafted, an action added, signed in the dialog, the enrolment moves to enrolled', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, EMAIL, AGENDA_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/lavoratori/${barbieri.id}`);
    await page.getByRole('heading', { level: 2, name: 'Patto di servizio' }).waitFor();
    await page.getByRole('link', { name: 'Apri il patto' }).click();
    await page.getByRole('heading', { level: 1, name: 'Patto di servizio di Barbieri Emanuele' }).waitFor();
    await page.getByText('Nessun patto di servizio per questo lavoratore.').waitFor();

    await page.getByLabel('Programma').selectOption(programmeId);
    await page.getByRole('button', { name: 'Prepara il patto in bozza' }).click();
    await page.getByText('Patto preparato in bozza').waitFor();
    await page.getByText('Bozza', { exact: true }).waitFor();

    // An action without a due date is said beside the field before anything is sent.
    await page.getByLabel('Tema').fill('Ricerca attiva del lavoro');
    await page.getByLabel('Obiettivo').fill('Un curriculum aggiornato');
    await page.getByRole('textbox', { name: 'Azione', exact: true }).fill('Preparare il curriculum con l’orientatrice');
    await page.getByRole('button', { name: 'Aggiungi l’azione' }).click();
    await page.getByText('Inserire una data nel formato gg/mm/aaaa').waitFor();
    await page.getByLabel('Entro il').fill('2026-11-20');
    await page.getByRole('button', { name: 'Aggiungi l’azione' }).click();
    await page.getByRole('heading', { level: 3, name: 'Ricerca attiva del lavoro' }).waitFor();
    await page.getByRole('heading', { level: 4, name: 'Un curriculum aggiornato' }).waitFor();
    await expectAccessible(page, 'patto in bozza');
    await screenshot(page, '70-patto-bozza');

    await page.getByRole('button', { name: 'Registra la firma' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registra la firma del patto' });
    await dialog.getByLabel('Modalità di firma').selectOption({ label: 'di persona' });
    await expectAccessible(page, 'firma del patto');
    await screenshot(page, '71-patto-firma');
    await dialog.getByRole('button', { name: 'Registra la firma' }).click();
    await page.getByText('Patto firmato: l’iscrizione al programma è ora «Iscritto».').waitFor();
    await page.getByText('Firmato', { exact: true }).waitFor();
    // Past its date on a signed plan: the action is overdue.
    await page.getByText('Scaduta', { exact: true }).waitFor();
    const row = await h.t.database.db
      .selectFrom('enrollments')
      .select('state')
      .where('worker_id', '=', barbieri.id)
      .where('programme_id', '=', programmeId)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('enrolled');
    await expectAccessible(page, 'patto firmato');
    await screenshot(page, '72-patto-firmato');

    await page.goto(`${h.baseUrl}/`);
    const card = page.getByRole('heading', { level: 2, name: 'Azioni scadute dei miei patti' });
    await card.waitFor();
    await page.getByRole('link', { name: 'Barbieri Emanuele' }).waitFor();
    await expectAccessible(page, 'home con azioni scadute');
    // The session check before signing in answers 401; nothing else failed.
    expect(consoleProblems(page).filter((p) => !p.includes('status of 401'))).toEqual([]);
  });

  it('a consultant renames a theme of the plan in place, refused an empty title beside the field', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, EMAIL, AGENDA_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/lavoratori/${barbieri.id}/piano`);
    await page.getByRole('heading', { level: 3, name: 'Ricerca attiva del lavoro' }).waitFor();
    await page.getByRole('button', { name: 'Modifica: Titolo del tema «Ricerca attiva del lavoro»' }).click();
    const title = page.getByRole('textbox', { name: 'Titolo del tema «Ricerca attiva del lavoro»' });
    expect(await title.inputValue()).toBe('Ricerca attiva del lavoro');
    await title.fill('   ');
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Scrivere il testo.').waitFor();

    await title.fill('Ricerca attiva nel distretto ceramico di Sassuolo e Fiorano');
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await page.getByRole('heading', { level: 3, name: 'Ricerca attiva nel distretto ceramico di Sassuolo e Fiorano' }).waitFor();
    // The objective and its action stayed under the renamed theme.
    await page.getByRole('heading', { level: 4, name: 'Un curriculum aggiornato' }).waitFor();
    await page.getByText('Preparare il curriculum con l’orientatrice').waitFor();
    const versions = await page.evaluate(async (id) => {
      const plans = await (await fetch(`/api/v1/workers/${id}/plans`)).json();
      return (await fetch(`/api/v1/plans/${plans.items[0].id}/versions`)).json();
    }, barbieri.id);
    expect(versions.items.map((v: { change: string }) => v.change)).toContain(
      'Tema «Ricerca attiva del lavoro» rinominato «Ricerca attiva nel distretto ceramico di Sassuolo e Fiorano»',
    );
    await expectAccessible(page, 'patto con tema rinominato');
    await screenshot(page, '74-patto-tema-rinominato');
  });

  it('is usable at 360 px', async () => {
    const { page } = await h.newPage({ width: 360, height: 800 });
    await signInThroughForm(page, h.baseUrl, EMAIL, AGENDA_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/lavoratori/${barbieri.id}/piano`);
    await page.getByRole('button', { name: 'Registra una verifica' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'patto a 360 px');
    await screenshot(page, '73-patto-360');
  });
});
