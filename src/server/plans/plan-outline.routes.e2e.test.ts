import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaConsultant } from '../../../tests/factories/agenda.js';
import { planWorld } from '../../../tests/factories/plans.js';
import type { OfficeWorker } from '../../../tests/factories/workshops.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';

// Correcting a plan already written, as a consultant of CPI Modena does with the worker: a theme and
// an objective renamed in place, an action reworded, the consultant of reference handed over; each a
// version of the plan, audited, refused to another office and to a closed plan.

let t: TestApp;
let marta: Agent;
let martaId: string;
let luca: { id: string; agent: Agent };
let programmeId: string;
let barbieri: OfficeWorker;
let planId: string;
let themeId: string;
let objectiveId: string;
let actionId: string;

interface Theme {
  id: string;
  title: string;
  objectives: Array<{ id: string; title: string; actions: Array<{ id: string; description: string }> }>;
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-12-01T09:00:00Z'));
  const modena = await officeIdByCode(t.database, 'CPI-MO');
  const world = await planWorld(t.app, t.database.db, {
    officeId: modena,
    consultant: { fullName: 'Marta Dell’Acqua', email: 'marta.dellacqua@cpi-modena.example' },
    workers: [{ firstName: 'Emanuele', lastName: 'Barbieri', state: 'assessed' }],
    index: 9600,
  });
  marta = world.consultant.agent;
  martaId = world.consultant.id;
  programmeId = world.programmeId;
  [barbieri] = world.workers as [OfficeWorker];
  luca = await agendaConsultant(t.app, t.database.db, {
    officeId: modena,
    fullName: 'Luca Sant’Elia',
    email: 'luca.santelia@cpi-modena.example',
  });
  const created = await marta.post(`/api/v1/workers/${barbieri.id}/plans`, { programmeId });
  planId = created.json().id;
  const add = (body: Record<string, unknown>) => marta.post(`/api/v1/plans/${planId}/actions`, body);
  await add({
    themeTitle: 'Ricerca attiva',
    objectiveTitle: 'Curriculum',
    description: 'Preparare il curriculum',
    owner: 'worker',
    dueDate: '2026-12-15',
  });
  const last = await add({
    themeTitle: 'Formazione',
    objectiveTitle: 'Patentino per il carrello elevatore',
    description: 'Frequentare il corso di 12 ore',
    owner: 'worker',
    dueDate: '2027-01-31',
  });
  const themes = last.json().themes as Theme[];
  themeId = themes[0]!.id;
  objectiveId = themes[0]!.objectives[0]!.id;
  actionId = themes[0]!.objectives[0]!.actions[0]!.id;
});
afterAll(() => t.close());

const themeUrl = () => `/api/v1/plans/${planId}/themes/${themeId}`;
const objectiveUrl = () => `/api/v1/plans/${planId}/objectives/${objectiveId}`;

describe('renaming a theme or an objective: the guards', () => {
  it('answers 401 without a session, 403 to the front office, 400 to an empty or overlong title', async () => {
    expectProblem(await t.app.inject({ method: 'PATCH', url: themeUrl(), payload: { title: 'Lavoro' } }), 401, 'UNAUTHENTICATED');
    const frontoffice = await signIn(t.app, DEMO.frontoffice);
    expectProblem(await frontoffice.patch(themeUrl(), { title: 'Lavoro' }), 403, 'FORBIDDEN');
    expectProblem(await frontoffice.patch(objectiveUrl(), { title: 'Lavoro' }), 403, 'FORBIDDEN');
    const empty = expectProblem(await marta.patch(themeUrl(), { title: '   ' }), 400, 'VALIDATION_FAILED');
    expect(empty.errors.map((e: { path: string }) => e.path)).toEqual(['body/title']);
    const long = expectProblem(await marta.patch(objectiveUrl(), { title: 'a'.repeat(301) }), 400, 'VALIDATION_FAILED');
    expect(long.errors.map((e: { path: string }) => e.path)).toEqual(['body/title']);
    expectProblem(await marta.patch(`/api/v1/plans/${planId}/themes/not-a-theme`, { title: 'Lavoro' }), 400, 'VALIDATION_FAILED');
  });

  it('does not find a theme or objective of another plan, nor a plan of another office', async () => {
    const unknown = '5a4f3c2e-1b0d-4c9a-8e7f-6d5c4b3a2910';
    expectProblem(await marta.patch(`/api/v1/plans/${planId}/themes/${unknown}`, { title: 'Lavoro' }), 404, 'PLAN_THEME_NOT_FOUND');
    expectProblem(await marta.patch(`/api/v1/plans/${planId}/objectives/${unknown}`, { title: 'Lavoro' }), 404, 'PLAN_OBJECTIVE_NOT_FOUND');
    const carpi = await officeIdByCode(t.database, 'CPI-CA');
    const other = await agendaConsultant(t.app, t.database.db, {
      officeId: carpi,
      fullName: 'Giulia Conti',
      email: 'giulia.conti.outline@cpi-carpi.example',
    });
    expectProblem(await other.agent.patch(themeUrl(), { title: 'Lavoro' }), 404, 'PLAN_NOT_FOUND');
    expectProblem(await other.agent.patch(objectiveUrl(), { title: 'Lavoro' }), 404, 'PLAN_NOT_FOUND');
  });
});

describe('renaming and rewording', () => {
  it('renames the theme in place: its objectives and actions stay, the plan gets a version that says what changed', async () => {
    const res = await marta.patch(themeUrl(), { title: 'Ricerca attiva nel distretto ceramico di Sassuolo' });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json();
    expect(plan.version).toBe(4);
    expect((plan.themes as Theme[]).map((th) => [th.title, th.objectives.map((o) => o.title)])).toEqual([
      ['Ricerca attiva nel distretto ceramico di Sassuolo', ['Curriculum']],
      ['Formazione', ['Patentino per il carrello elevatore']],
    ]);
    expect((plan.themes as Theme[])[0]!.objectives[0]!.actions.map((a) => a.id)).toEqual([actionId]);
    const versions = (await marta.get(`/api/v1/plans/${planId}/versions`)).json().items as Array<{ version: number; change: string }>;
    expect(versions.find((v) => v.version === 4)?.change).toBe(
      'Tema «Ricerca attiva» rinominato «Ricerca attiva nel distretto ceramico di Sassuolo»',
    );
  });

  it('refuses a title another theme of the plan already has, beside nothing changed', async () => {
    expectProblem(await marta.patch(themeUrl(), { title: 'Formazione' }), 409, 'PLAN_THEME_TITLE_TAKEN');
    const plan = (await marta.get(`/api/v1/plans/${planId}`)).json();
    expect(plan.version).toBe(4);
    expect((plan.themes as Theme[]).map((th) => th.title)).toEqual(['Ricerca attiva nel distretto ceramico di Sassuolo', 'Formazione']);
  });

  it('renames the objective, and rewords its action, each a version', async () => {
    const renamed = await marta.patch(objectiveUrl(), { title: 'Un curriculum per l’industria ceramica' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().version).toBe(5);
    const reworded = await marta.patch(`/api/v1/plans/${planId}/actions/${actionId}`, {
      description: 'Preparare il curriculum europeo con l’orientatrice',
    });
    expect(reworded.statusCode, reworded.body).toBe(200);
    const plan = reworded.json();
    expect(plan.version).toBe(6);
    expect((plan.themes as Theme[])[0]!.objectives[0]).toMatchObject({
      title: 'Un curriculum per l’industria ceramica',
      actions: [{ id: actionId, description: 'Preparare il curriculum europeo con l’orientatrice' }],
    });
  });
});

describe('the consultant of reference', () => {
  it('offers the office’s consultants and coordinators, hands the plan over on the version read, and refuses anyone else', async () => {
    const plan = (await marta.get(`/api/v1/plans/${planId}`)).json();
    const choices = (plan.consultantChoices as Array<{ id: string; name: string }>).map((c) => c.name);
    expect(choices).toEqual(expect.arrayContaining(['Marta Dell’Acqua', 'Luca Sant’Elia']));
    const carpi = await officeIdByCode(t.database, 'CPI-CA');
    const outsider = await agendaConsultant(t.app, t.database.db, {
      officeId: carpi,
      fullName: 'Paola D’Amico',
      email: 'paola.damico@cpi-carpi.example',
    });
    expect(choices).not.toContain('Paola D’Amico');
    expectProblem(
      await marta.put(`/api/v1/plans/${planId}`, { baseVersion: plan.version, consultantId: outsider.id }),
      422,
      'PLAN_CONSULTANT_NOT_IN_OFFICE',
    );
    expectProblem(
      await marta.put(`/api/v1/plans/${planId}`, { baseVersion: plan.version - 1, consultantId: luca.id }),
      409,
      'PLAN_VERSION_CONFLICT',
    );
    const handed = await marta.put(`/api/v1/plans/${planId}`, { baseVersion: plan.version, consultantId: luca.id });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json()).toMatchObject({ consultant: { id: luca.id, name: 'Luca Sant’Elia' }, version: plan.version + 1 });
  });
});

describe('audit and a closed plan', () => {
  it('records each rename with who made it, and refuses renames once the plan is closed', async () => {
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'details'])
      .where('entity_id', '=', planId)
      .where('action', 'in', ['plan.theme_renamed', 'plan.objective_renamed'])
      .execute();
    expect(rows.map((r) => [r.action, r.actor_id])).toEqual([
      ['plan.theme_renamed', martaId],
      ['plan.objective_renamed', martaId],
    ]);
    expect(rows[0]!.details).toMatchObject({ from: 'Ricerca attiva', to: 'Ricerca attiva nel distretto ceramico di Sassuolo' });
    const signed = await marta.post(`/api/v1/plans/${planId}/sign`, { signedOn: '2026-12-01', how: 'paper' });
    expect(signed.statusCode, signed.body).toBe(200);
    const closed = await marta.post(`/api/v1/plans/${planId}/close`, {
      closedOn: '2026-12-01',
      outcomeSummary: 'Assunto da Sassuolo Ceramiche Riunite',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expectProblem(await marta.patch(themeUrl(), { title: 'Ricerca conclusa' }), 409, 'PLAN_CLOSED');
    expectProblem(await marta.patch(objectiveUrl(), { title: 'Curriculum consegnato' }), 409, 'PLAN_CLOSED');
  });
});
