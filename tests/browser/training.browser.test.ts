import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { importEsco, readEscoZips } from '../../src/server/taxonomy/index.js';
import { escoMiniZips, removeFixtureZips } from '../fixtures/taxonomy/esco-fixture.js';
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
afterAll(async () => {
  await h.close();
  removeFixtureZips();
});

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

/** A provider's catalogue as exported from a spreadsheet: semicolons, Italian dates, ESCO skills by URI or name. */
const catalogueCsv = (deadlineOfSecond: string) =>
  [
    'Titolo del corso;Durata (ore);Data inizio;Data fine;Sede / Comune / Online;Posti disponibili;Finanziamento;Scadenza iscrizioni;Attestato rilasciato;Competenze ESCO',
    'Saldatura TIG su acciaio inox;60;08/03/2027;23/04/2027;Mirandola;10;GOL;01/03/2027;Certificazione EN ISO 9606-1;apply arc welding techniques',
    `Controllo qualità delle saldature;24;12/04/2027;23/04/2027;Mirandola;8;FSE+;${deadlineOfSecond};;perform welding inspection`,
    'Sicurezza in officina – rischio alto;16;15/03/2027;19/03/2027;online;30;Fondo nuove competenze;;Attestato di frequenza;',
  ].join('\r\n');

describe('the coordinator’s catalogue screens', () => {
  const providerName = 'Centro di Formazione Professionale «Bassa Modenese»';
  const title = 'Saldatura a filo continuo (MIG/MAG)';
  let providerId = '';
  const coursesOfProvider = async () =>
    (await h.t.database.db.selectFrom('training_courses').select('title').where('provider_id', '=', providerId).execute()).map(
      (c) => c.title,
    );

  beforeAll(async () => {
    const zips = escoMiniZips();
    await importEsco(h.t.database, { ...(await readEscoZips([zips.classificationEn, zips.relations])), version: 'v1.1.1' });
    await importEsco(h.t.database, { ...(await readEscoZips([zips.classificationIt])), version: 'v1.1.1', lang: 'it' });
  });

  it('registers a provider, adds a course with two ESCO skills, imports a catalogue, and shows the enrolment log', async () => {
    const { page } = await h.newPage();
    await signInThroughForm(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    await page.goto(`${h.baseUrl}/formazione`);
    await page.getByRole('link', { name: 'Enti di formazione' }).click();

    // The provider.
    await page.getByRole('heading', { level: 1, name: 'Enti di formazione' }).waitFor();
    await page.getByLabel(/^Denominazione/).fill(providerName);
    await page.getByLabel(/^Codice fiscale o partita IVA/).fill('IT 03561240367');
    await page.getByLabel('Email', { exact: true }).fill('segreteria@cfp-bassamodenese.example');
    await page.getByLabel('Accreditamento', { exact: true }).fill('Ente accreditato dalla Regione Emilia-Romagna (formazione continua)');
    await page.getByRole('button', { name: 'Registra l’ente' }).click();
    const row = page.getByRole('row').filter({ hasText: providerName });
    await row.waitFor();
    expect(await row.textContent()).toContain('C.F./P. IVA 03561240367');
    const provider = await h.t.database.db
      .selectFrom('training_providers')
      .select('id')
      .where('name', '=', providerName)
      .executeTakeFirstOrThrow();
    providerId = provider.id;
    await expectAccessible(page, 'enti di formazione');

    // The course: refused beside the field while its deadline follows the start.
    await page.goto(`${h.baseUrl}/formazione`);
    await page.getByRole('link', { name: 'Nuovo corso' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuovo corso' }).waitFor();
    await page.getByLabel(/^Ente di formazione/).selectOption({ label: providerName });
    await page.getByLabel('Stato', { exact: true }).selectOption('open');
    await page.getByLabel(/^Titolo del corso/).fill(title);
    await page
      .getByLabel('Descrizione', { exact: true })
      .fill('Saldatura a filo con gas di protezione attivo su acciaio al carbonio, lettura del disegno e sicurezza.');
    const skill = page.getByRole('combobox', { name: 'Cerca una competenza ESCO' });
    await skill.fill('saldatura ad arco');
    await page
      .getByRole('option', { name: /applicare tecniche di saldatura ad arco/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Aggiungi competenza' }).click();
    await skill.fill('attrezzature per la saldatura');
    await page
      .getByRole('option', { name: /utilizzare attrezzature per la saldatura/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Aggiungi competenza' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Competenze scelte' }).getByRole('listitem').count()).toBe(2);
    await page.getByLabel(/^Ore/).fill('80');
    await page.getByLabel(/^Posti/).fill('12');
    await page.getByLabel(/^Inizio/).fill('2027-03-01');
    await page.getByLabel(/^Fine/).fill('2027-04-30');
    await page.getByLabel('Scadenza iscrizioni', { exact: true }).fill('2027-03-10');
    await page.getByLabel('Sede', { exact: true }).fill('Officina didattica, via Pico 12, Mirandola');
    await page.getByLabel('Attestato', { exact: true }).fill('Certificazione EN ISO 9606-1');
    await page.getByRole('button', { name: 'Aggiungi il corso' }).click();
    const deadline = page.getByLabel('Scadenza iscrizioni', { exact: true });
    await expect.poll(() => deadline.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('La scadenza delle iscrizioni non può seguire l’inizio del corso').waitFor();
    expect(await coursesOfProvider()).toEqual([]);
    await expectAccessible(page, 'corso con scadenza dopo l’inizio');
    await screenshot(page, '73-formazione-nuovo-corso-errore');
    await deadline.fill('2027-02-22');
    await page.getByRole('button', { name: 'Aggiungi il corso' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const skills = page.getByRole('definition').filter({ has: page.getByRole('listitem') });
    await expect.poll(() => skills.getByRole('listitem').count()).toBe(2);
    const courseUrl = page.url();

    // The catalogue import: one row with its deadline after the start is refused and nothing is created.
    await page.goto(`${h.baseUrl}/formazione/importa`);
    await page.getByRole('heading', { level: 1, name: 'Importa un catalogo' }).waitFor();
    await page.getByLabel('Ente di formazione').selectOption({ label: providerName });
    const file = page.getByLabel('File CSV o Excel (.xlsx)');
    await file.setInputFiles({
      name: 'catalogo-bassa-modenese.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(catalogueCsv('20/04/2027')),
    });
    await page.getByRole('button', { name: 'Verifica il file' }).click();
    await page.getByText('1 riga su 3 ha errori: nessun corso sarà importato finché non sono corretti.').waitFor();
    const errors = page.getByRole('region', { name: 'Errori riga per riga' });
    expect(await errors.getByRole('row').nth(1).textContent()).toMatch(
      /^3Scadenza iscrizioniLa scadenza delle iscrizioni non può seguire l’inizio del corso/,
    );
    expect(await page.getByRole('combobox', { name: 'Campo: Durata (ore)' }).inputValue()).toBe('hours');
    expect(await page.getByRole('button', { name: /^Importa/ }).count()).toBe(0);
    expect(await coursesOfProvider()).toEqual([title]);
    await expectAccessible(page, 'catalogo con una riga errata');
    await screenshot(page, '74-formazione-import-errori');

    await file.setInputFiles({
      name: 'catalogo-bassa-modenese.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(catalogueCsv('05/04/2027')),
    });
    await page.getByRole('button', { name: 'Verifica il file' }).click();
    await page.getByText(`Il file è corretto: 3 corsi pronti per ${providerName}.`).waitFor();
    await page.getByRole('button', { name: 'Importa 3 corsi' }).click();
    await page.getByText(`3 corsi importati per ${providerName}.`).waitFor();
    expect((await coursesOfProvider()).sort()).toEqual(
      ['Controllo qualità delle saldature', title, 'Saldatura TIG su acciaio inox', 'Sicurezza in officina – rischio alto'].sort(),
    );

    // Enrolling a worker shows on the course's log: who, when, why.
    const modena = await officeIdByCode(h.t.database, 'CPI-MO');
    const w = await h.t.database.db
      .selectFrom('workers')
      .select(['id', 'first_name', 'last_name'])
      .where('office_id', '=', modena)
      .orderBy('last_name', 'desc')
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const name = `${w.last_name} ${w.first_name}`;
    const courseId = courseUrl.split('/').pop()!;
    await page.goto(`${h.baseUrl}/lavoratori/${w.id}`);
    await page.getByRole('heading', { level: 2, name: 'Corsi di formazione' }).waitFor();
    await page.getByLabel('Corso', { exact: true }).selectOption(courseId);
    await page.getByLabel('Motivo dell’iscrizione (facoltativo)').fill('Previsto nel patto di servizio: riqualificazione da saldatore');
    await page.getByRole('button', { name: 'Iscrivi', exact: true }).click();
    await page.getByText(`${name} iscritto a «${title}».`).first().waitFor();
    await page.goto(courseUrl);
    await page.getByRole('heading', { level: 2, name: 'Registro delle iscrizioni' }).waitFor();
    const log = page.getByRole('region', { name: 'Registro delle iscrizioni' });
    const entry = log.getByRole('row').filter({ hasText: name });
    await entry.waitFor();
    const text = await entry.textContent();
    expect(text).toContain('Iscritto');
    expect(text).toContain('Marco Bellini');
    expect(text).toContain('Previsto nel patto di servizio: riqualificazione da saldatore');
    await expectAccessible(page, 'corso con il registro delle iscrizioni');
    await screenshot(page, '75-formazione-registro');
    expect(consoleProblems(page).filter((p) => !p.includes('status of 401'))).toEqual([]);
  }, 180_000);

  it('shows the course form and the catalogue import at 360 px without sideways scrolling', async () => {
    const { page } = await h.newPage({ width: 360, height: 740 });
    await signInThroughForm(page, h.baseUrl, DEMO.coordinator, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
    for (const [path, heading] of [
      ['/formazione/corsi/nuovo', 'Nuovo corso'],
      ['/formazione/importa', 'Importa un catalogo'],
      ['/formazione/enti', 'Enti di formazione'],
    ] as const) {
      await page.goto(`${h.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await screenshot(page, '76-formazione-enti-360');
  }, 60_000);
});
