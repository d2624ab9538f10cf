import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escoMiniZips, ESCO_MINI, removeFixtureZips } from '../../../tests/fixtures/taxonomy/esco-fixture.js';
import { DEMO, createTestApp, expectProblem, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { projectPath } from '../paths.js';
import { importEsco, readEscoZips } from './index.js';

const skill = (id: string) => `http://data.europa.eu/esco/skill/${id}`;
const ARC_WELDING = skill('27d26fd6-5795-4f0a-884e-112df7c68314');
const WELDING_EQUIPMENT = skill('2fcd95a4-1f9a-41cf-95a9-4701bde476b4');
const JOIN_METALS = skill('29d762da-1711-4a3c-b424-f0a404f4bf2d');
const COOKING = skill('f3934441-4bff-4076-9945-e6c51a01c467');

let t: TestApp;
let coordinator: Agent;
let consultant: Agent;
let coordinatorName: string;
const zips = escoMiniZips();

beforeAll(async () => {
  t = await createTestApp();
  await importEsco(t.database, { ...(await readEscoZips([zips.classificationEn, zips.relations])), version: 'v1.1.1' });
  // These tests start from a network with no labels of its own (the demo loads the shipped ones).
  await t.database.db.deleteFrom('taxonomy_network_labels').execute();
  coordinator = await signIn(t.app, DEMO.coordinator);
  coordinatorName = (
    await t.database.db.selectFrom('staff_users').select('full_name').where('email', '=', DEMO.coordinator).executeTakeFirstOrThrow()
  ).full_name;
  consultant = await signIn(t.app, DEMO.consultant);
});
afterAll(async () => {
  await t.close();
  removeFixtureZips();
});

const put = (agent: Agent, body: unknown) => agent.put('/api/v1/taxonomy/skill-labels', body);
const importCsv = (agent: Agent, csv: string, dryRun: boolean) => agent.post('/api/v1/taxonomy/skill-labels/import', { csv, dryRun });

describe('PUT /api/v1/taxonomy/skill-labels', () => {
  it('401 without a session', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/taxonomy/skill-labels',
      payload: { conceptUri: ARC_WELDING, label: 'saldatura ad arco' },
    });
    expectProblem(response, 401, 'UNAUTHENTICATED');
  });

  it('403 for a consultant: the network’s labels are kept by coordinators and administrators', async () => {
    expectProblem(await put(consultant, { conceptUri: ARC_WELDING, label: 'saldatura ad arco' }), 403, 'FORBIDDEN');
  });

  it('400 with an empty label or a URI that is not ESCO’s', async () => {
    const body = expectProblem(
      await put(coordinator, { conceptUri: 'https://esco.example/saldatura', label: ' ' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body/conceptUri', 'body/label']);
  });

  it('422 for an ESCO URI the loaded release does not have', async () => {
    expectProblem(
      await put(coordinator, { conceptUri: skill('00000000-0000-4000-8000-000000000000'), label: 'saldatura' }),
      422,
      'ESCO_CONCEPT_UNKNOWN',
    );
  });

  it('saves the label with who and when; the skill search then finds "saldatura" in Italian', async () => {
    const response = await put(coordinator, {
      conceptUri: ARC_WELDING,
      label: 'saldatura ad arco con elettrodo',
      alternatives: ['saldatura a elettrodo', 'saldatura a elettrodo', 'saldatura ad arco con elettrodo'],
    });
    expect(response.statusCode).toBe(200);
    const saved = response.json();
    expect(saved).toMatchObject({
      conceptUri: ARC_WELDING,
      escoLabelEn: 'apply arc welding techniques',
      escoLabelIt: null,
      missingItalian: false,
    });
    expect(saved.networkLabel).toMatchObject({ label: 'saldatura ad arco con elettrodo', alternatives: ['saldatura a elettrodo'] });
    expect(saved.networkLabel.updatedByName).toBe(coordinatorName);

    const search = await consultant.get('/api/v1/taxonomy/skills?q=saldatura&lang=it');
    expect(search.json().items[0]).toMatchObject({
      id: ARC_WELDING,
      label: 'saldatura ad arco con elettrodo',
      labelLanguage: 'it',
      fallback: false,
    });

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['entity_label'])
      .where('action', '=', 'taxonomy.skill_label_saved')
      .execute();
    expect(audit.map((a) => a.entity_label)).toContain('saldatura ad arco con elettrodo');
  });
});

describe('POST /api/v1/taxonomy/skill-labels/import', () => {
  it('401, 403 and 400 first', async () => {
    expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/v1/taxonomy/skill-labels/import', payload: { csv: 'x', dryRun: true } }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(await importCsv(consultant, 'uri;etichetta;alternative\n', true), 403, 'FORBIDDEN');
    expectProblem(await coordinator.post('/api/v1/taxonomy/skill-labels/import', { csv: '' }), 400, 'VALIDATION_FAILED');
  });

  it('a dry run names each bad row in Italian and writes nothing; an apply with errors writes nothing either', async () => {
    const csv = [
      'uri;etichetta;alternative',
      `${WELDING_EQUIPMENT};usare la saldatrice;saldatrice|attrezzatura di saldatura`,
      `${JOIN_METALS};;`,
      'saldatura;saldatura a punti;',
      `${skill('00000000-0000-4000-8000-000000000000')};brasatura;`,
      `${WELDING_EQUIPMENT};usare la saldatrice a filo;`,
    ].join('\n');
    for (const dryRun of [true, false]) {
      const result = (await importCsv(coordinator, csv, dryRun)).json();
      expect(result).toMatchObject({ dryRun, rows: 5, applied: false });
      expect(result.errors).toEqual([
        { line: 3, message: 'manca l’etichetta' },
        { line: 4, message: 'URI ESCO non valido' },
        { line: 5, message: 'l’URI non è una competenza o professione dell’ESCO caricato' },
        { line: 6, message: 'URI già presente alla riga 2' },
      ]);
    }
    const search = await consultant.get('/api/v1/taxonomy/skills?q=saldatrice&lang=it');
    expect(search.json().items.map((i: { id: string }) => i.id)).not.toContain(WELDING_EQUIPMENT);
  });

  it('applies a clean file whole, counting the labels it adds and replaces', async () => {
    const csv = [
      'uri;etichetta;alternative',
      `${WELDING_EQUIPMENT};usare la saldatrice;saldatrice|attrezzatura di saldatura`,
      `${ARC_WELDING};saldatura ad arco;saldatura a elettrodo`,
      `${COOKING};usare tecniche di cottura;cottura`,
    ].join('\n');
    const dry = (await importCsv(coordinator, csv, true)).json();
    expect(dry).toMatchObject({ rows: 3, added: 2, replaced: 1, applied: false, errors: [] });
    const applied = (await importCsv(coordinator, csv, false)).json();
    expect(applied).toMatchObject({ rows: 3, added: 2, replaced: 1, applied: true });

    const list = (await coordinator.get('/api/v1/taxonomy/skill-labels')).json();
    expect(list.items.map((i: { networkLabel: { label: string } }) => i.networkLabel.label).sort()).toEqual([
      'saldatura ad arco',
      'usare la saldatrice',
      'usare tecniche di cottura',
    ]);
    const search = await consultant.get('/api/v1/taxonomy/skills?q=saldatrice&lang=it');
    expect(search.json().items[0]).toMatchObject({ id: WELDING_EQUIPMENT, label: 'usare la saldatrice' });
  });

  it('the labels shipped with the product are a valid file', async () => {
    const csv = readFileSync(projectPath('data', 'reference', 'esco', 'skill-labels-it.csv'), 'utf8');
    const result = (await importCsv(coordinator, csv, true)).json();
    // The test database holds only the miniature ESCO: rows of other skills are reported, none malformed.
    expect(result.rows).toBeGreaterThanOrEqual(200);
    expect(
      result.errors.every((e: { message: string }) => e.message === 'l’URI non è una competenza o professione dell’ESCO caricato'),
    ).toBe(true);
    expect(result.errors.length).toBeLessThan(result.rows);
  });
});

describe('DELETE /api/v1/taxonomy/skill-labels', () => {
  it('403 for a consultant, 400 without a URI, 404 for a label the network does not have, then removes one', async () => {
    const url = `/api/v1/taxonomy/skill-labels?conceptUri=${encodeURIComponent(COOKING)}`;
    expectProblem(await consultant.request({ method: 'DELETE', url }), 403, 'FORBIDDEN');
    expectProblem(await coordinator.request({ method: 'DELETE', url: '/api/v1/taxonomy/skill-labels' }), 400, 'VALIDATION_FAILED');
    expect((await coordinator.request({ method: 'DELETE', url })).statusCode).toBe(200);
    expectProblem(await coordinator.request({ method: 'DELETE', url }), 404, 'SKILL_LABEL_NOT_FOUND');
  });
});

describe('GET /api/v1/taxonomy/occupation-skills', () => {
  it('401 without a session, 400 without an occupation, group or profession', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/taxonomy/occupation-skills?isco=7212` }), 401, 'UNAUTHENTICATED');
    expectProblem(await consultant.get('/api/v1/taxonomy/occupation-skills'), 400, 'VALIDATION_FAILED');
    expectProblem(await consultant.get('/api/v1/taxonomy/occupation-skills?isco=72a'), 400, 'VALIDATION_FAILED');
  });

  it('gives the welders of ISCO group 7212 with their skills, in Italian where the network has it', async () => {
    const body = (await consultant.get('/api/v1/taxonomy/occupation-skills?isco=7212')).json();
    const welder = body.items.find((o: { uri: string }) => o.uri === ESCO_MINI.welderUri);
    expect(body.items).toHaveLength(2);
    expect(welder.skills.find((s: { uri: string }) => s.uri === WELDING_EQUIPMENT)).toEqual({
      uri: WELDING_EQUIPMENT,
      label: 'usare la saldatrice',
      labelLanguage: 'it',
      essential: true,
    });
  });

  it('422 for a CP2011 profession, which ESCO is not linked to', async () => {
    expectProblem(await consultant.get('/api/v1/taxonomy/occupation-skills?cp2011=6.2.1.2.0'), 422, 'CP2011_NOT_LINKED');
  });
});
