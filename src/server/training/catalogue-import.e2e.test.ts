import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeFixtureZips } from '../../../tests/fixtures/taxonomy/esco-fixture.js';
import { buildProvider, loadEscoMini, SKILLS } from '../../../tests/factories/training.js';
import { networkOf } from '../../../tests/factories/programmes.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/training/${name}`, import.meta.url));

let t: TestApp;
let coordinator: Agent;
let consultant: Agent;
let providerId: string;
let otherProviderId: string;

beforeAll(async () => {
  t = await createTestApp();
  await loadEscoMini(t.database);
  coordinator = await signIn(t.app, DEMO.coordinator);
  consultant = await signIn(t.app, DEMO.consultant);
  const network = await networkOf(t.database.db, await officeIdByCode(t.database, 'CPI-MO'));
  providerId = await buildProvider(t.database.db, network, 'Formodena – Formazione Professionale per i Territori Modenesi');
  otherProviderId = await buildProvider(t.database.db, network, 'Nuovo Cescot Emilia');
});
afterAll(async () => {
  await t.close();
  removeFixtureZips();
});

const upload = (agent: Agent, step: 'dry-run' | 'apply', bytes: Buffer, query: string) =>
  agent.request({
    method: 'POST',
    url: `/api/v1/training/imports/${step}?${query}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: bytes,
  });

const coursesOf = async (provider: string) =>
  (await coordinator.get(`/api/v1/training/courses?providerId=${provider}&limit=200`)).json().items as Array<Record<string, unknown>>;

describe('a provider’s catalogue from CSV or XLSX', () => {
  it('answers 401, 403 and 400 first', async () => {
    const file = fixture('catalogo-formodena-2026.csv');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/v1/training/imports/dry-run?providerId=${providerId}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: file,
    });
    expectProblem(anonymous, 401, 'UNAUTHENTICATED');
    expectProblem(await upload(consultant, 'dry-run', file, `providerId=${providerId}`), 403, 'FORBIDDEN');
    const bad = expectProblem(await upload(coordinator, 'dry-run', file, 'providerId=Formodena'), 400, 'VALIDATION_FAILED');
    expect(bad.errors[0].path).toBe('querystring/providerId');
  });

  it('reports every row’s mistakes in Italian and creates nothing', async () => {
    const res = await upload(coordinator, 'dry-run', fixture('catalogo-con-errori.csv'), `providerId=${providerId}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ rows: 4, valid: 1 });
    expect(body.mapping).toEqual([
      'title',
      'description',
      'hours',
      'startDate',
      'endDate',
      'place',
      'seats',
      'cost',
      'funding',
      'enrolmentDeadline',
      'certificate',
      'skills',
    ]);
    expect(body.errors).toEqual([
      { row: 2, field: 'hours', message: 'Ore non valide: «quaranta» (un numero intero da 1 a 2000, es. 40)' },
      { row: 3, field: 'startDate', message: 'Data non valida: «31/02/2026» (scrivere GG/MM/AAAA, es. 15/03/2026)' },
      { row: 3, field: 'skills', message: 'Competenza sconosciuta: «operate forklift» (un URI ESCO o il nome di una competenza ESCO)' },
      { row: 4, field: 'title', message: 'Titolo mancante' },
    ]);
    expect(body.preview).toEqual([{ row: 5, title: 'Competenze digitali di base', startDate: '2026-10-12', hours: 24, skills: 1 }]);

    const apply = await upload(coordinator, 'apply', fixture('catalogo-con-errori.csv'), `providerId=${providerId}`);
    const problem = expectProblem(apply, 422, 'CATALOGUE_ROWS_INVALID');
    expect(problem.detail).toBe('Il file ha 3 righe con errori: nessun corso è stato creato. Correggere e riprovare.');
    expect(problem.errors).toContainEqual({ path: 'rows/4/title', message: 'Titolo mancante' });
    expect(await coursesOf(providerId)).toEqual([]);
  });

  it('imports a clean catalogue whole, with places, funding and ESCO skills by URI or label', async () => {
    const dry = (await upload(coordinator, 'dry-run', fixture('catalogo-formodena-2026.csv'), `providerId=${providerId}`)).json();
    expect(dry).toMatchObject({ rows: 4, valid: 4, errors: [] });
    const res = await upload(coordinator, 'apply', fixture('catalogo-formodena-2026.csv'), `providerId=${providerId}&status=open`);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().created).toBe(4);
    const courses = await coursesOf(providerId);
    const byTitle = new Map(courses.map((c) => [c.title, c]));
    expect(byTitle.get('Saldatura a filo MIG/MAG – livello base')).toMatchObject({
      hours: 80,
      startDate: '2026-09-07',
      endDate: '2026-10-30',
      delivery: 'in_person',
      place: 'Modena (MO)',
      comuneCode: '036023',
      seats: 12,
      funding: 'gol',
      enrolmentDeadline: '2026-08-31',
      certificate: 'Certificazione EN ISO 9606-1',
      status: 'open',
      // Named in the reader's language by the one label rule: ESCO's Italian labels.
      skills: expect.arrayContaining([
        { uri: SKILLS.arcWelding.uri, label: 'applicare le tecniche di saldatura ad arco', labelLanguage: 'it' },
        { uri: SKILLS.weldingEquipment.uri, label: 'usare le attrezzature per saldatura', labelLanguage: 'it' },
      ]),
    });
    expect(byTitle.get('HACCP per addetti alla produzione alimentare')).toMatchObject({
      costEur: 120,
      funding: 'a_pagamento',
      place: 'Carpi',
    });
    expect(byTitle.get('Inglese per la logistica – livello A2')).toMatchObject({ delivery: 'online', place: '', funding: 'fse_plus' });
    expect(byTitle.get('Lavorare in squadra nei reparti produttivi')).toMatchObject({
      delivery: 'blended',
      place: 'Sassuolo (MO)',
      funding: 'fondo_nuove_competenze',
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'training.catalogue_imported')
      .where('entity_id', '=', providerId)
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ courses: 4, status: 'open' });
  });

  it('reads the same catalogue from an Excel workbook, with the columns mapped by hand', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Catalogo');
    sheet.addRow(['Corso', 'Monte ore', 'Dal', 'Al', 'Luogo', 'Partecipanti', 'Fondo', 'Note interne']);
    sheet.addRow([
      'Manutenzione elettrica industriale',
      120,
      new Date(Date.UTC(2026, 10, 2)),
      '18/12/2026',
      'Mirandola (MO)',
      10,
      'Fondimpresa',
      'aula 3',
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const dry = (await upload(coordinator, 'dry-run', bytes, `providerId=${otherProviderId}`)).json();
    expect(dry.mapping).toEqual(['title', 'hours', 'startDate', 'endDate', 'place', 'seats', 'funding', null]);
    expect(dry.errors).toEqual([]);
    // The operator leaves out "Luogo" and maps "Note interne" as the place instead: an override.
    const mapping = encodeURIComponent('title,hours,startDate,endDate,,seats,funding,place');
    const res = await upload(coordinator, 'apply', bytes, `providerId=${otherProviderId}&mapping=${mapping}`);
    expect(res.statusCode, res.body).toBe(201);
    expect(await coursesOf(otherProviderId)).toEqual([
      expect.objectContaining({
        title: 'Manutenzione elettrica industriale',
        hours: 120,
        startDate: '2026-11-02',
        endDate: '2026-12-18',
        place: 'aula 3',
        funding: 'fondi_interprofessionali',
        status: 'draft',
      }),
    ]);
    const wrong = await upload(coordinator, 'dry-run', bytes, `providerId=${otherProviderId}&mapping=${encodeURIComponent('title,title')}`);
    expect(expectProblem(wrong, 422, 'CATALOGUE_MAPPING_INVALID').detail).toBe('Il campo «title» è assegnato a più di una colonna.');
  });
});
