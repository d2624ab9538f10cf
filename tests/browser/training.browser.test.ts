import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { DEMO, officeIdByCode } from '../helpers/test-app.js';
import {
  consoleProblems,
  expectAccessible,
  screenshot,
  signInThroughForm,
  startBrowserHarness,
  type BrowserHarness,
} from './browser-helpers.js';

let h: BrowserHarness;
let course: { id: string; title: string; waiting: number };
let worker: { id: string; name: string };

beforeAll(async () => {
  h = await startBrowserHarness();
  const db = h.t.database.db;
  // A coming demo course that is full, with its waiting list (src/server/demo/demo-training.ts).
  const courses = await db
    .selectFrom('training_courses as c')
    .select([
      'c.id',
      'c.title',
      'c.seats',
      (eb) =>
        eb
          .selectFrom('training_enrolments as e')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('e.course_id', '=', 'c.id')
          .where('e.state', '=', 'enrolled')
          .as('taken'),
      (eb) =>
        eb
          .selectFrom('training_enrolments as e')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('e.course_id', '=', 'c.id')
          .where('e.state', '=', 'waiting')
          .as('waiting'),
    ])
    .where('c.status', '=', 'open')
    .orderBy('c.start_date')
    .execute();
  const full = courses.find((c) => Number(c.taken) === c.seats && Number(c.waiting) > 0)!;
  course = { id: full.id, title: full.title, waiting: Number(full.waiting) };
  // A worker of Modena (the consultant's office) not yet in that course.
  const modena = await officeIdByCode(h.t.database, 'CPI-MO');
  const w = await db
    .selectFrom('workers')
    .select(['id', 'first_name', 'last_name'])
    .where('office_id', '=', modena)
    .where('id', 'not in', db.selectFrom('training_enrolments').select('worker_id').where('course_id', '=', course.id))
    .orderBy('last_name')
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  worker = { id: w.id, name: `${w.last_name} ${w.first_name}` };
});
afterAll(() => h.close());

describe('training in the browser', () => {
  it('a consultant enrols a worker in a full course: the worker goes on the waiting list, shown in order', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Formazione' }).click();
    await page.getByRole('heading', { level: 1, name: 'Formazione' }).waitFor();
    await page.getByText('40 corsi').waitFor();
    await expectAccessible(page, 'formazione');
    await screenshot(page, '70-formazione-catalogo');

    await page.goto(`${h.baseUrl}/lavoratori/${worker.id}`);
    await page.getByRole('heading', { level: 2, name: 'Corsi di formazione' }).waitFor();
    await page.getByLabel('Corso', { exact: true }).selectOption(course.id);
    await page.getByRole('button', { name: 'Iscrivi', exact: true }).click();
    await page
      .getByText(`«${course.title}» è pieno: ${worker.name} è in lista d’attesa, posizione ${course.waiting + 1}.`)
      .first()
      .waitFor();
    await page.getByRole('link', { name: course.title }).first().waitFor();

    await page.getByRole('link', { name: course.title }).first().click();
    await page.getByRole('heading', { level: 1, name: course.title }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Lista d’attesa' }).waitFor();
    // The consultant sees the waiting workers of their own office by name, each with their place in the whole list.
    const entry = page.locator('ol li').filter({ hasText: worker.name });
    await entry.waitFor();
    expect(await entry.textContent()).toContain(`posizione ${course.waiting + 1}`);
    expect(await page.locator('ol li').last().textContent()).toContain(worker.name);
    await expectAccessible(page, 'corso pieno con lista d’attesa');
    await screenshot(page, '71-formazione-corso-pieno');
    // The session probe before signing in answers 401; nothing else may fail.
    expect(consoleProblems(page).filter((p) => !p.includes('status of 401'))).toEqual([]);
  }, 120_000);

  it('shows the catalogue at 360 px without horizontal scrolling of the page', async () => {
    const { page } = await h.newPage({ width: 360, height: 740 });
    await signInThroughForm(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/formazione`);
    await page.getByRole('heading', { level: 1, name: 'Formazione' }).waitFor();
    await page.getByText('40 corsi').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, '72-formazione-360');
  }, 60_000);
});
