import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import { buildProgramme, networkOf } from '../../../tests/factories/programmes.js';
import { enrolledWorkers } from '../../../tests/factories/workshops.js';
import type { Database } from '../db/database.js';
import { romeToday } from '../../shared/time/rome-date.js';
import { addPlanAction } from './plan-actions.js';
import { deleteAction, findPlan, insertPlan, planTree, takePlanForChange, versionsOf } from './plan.repository.js';

// The plans' SQL on PGlite and PostgreSQL: versions and stale updates, the one open plan per worker
// and programme, themes and objectives found by title, the append-only logs, and the demo's plans.

let database: Database;
let base: { networkId: string; officeId: string; programmeId: string; workerIds: string[]; consultantId: string };

const terms = {
  profilingClass: '',
  contactIntervalDays: 30,
  reviewIntervalDays: 90,
  searchEvidence: '',
  willingActivities: true,
  willingTraining: true,
  acceptsCongruousOffers: true,
  notes: '',
};

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  const db = database.db;
  const office = await db.selectFrom('offices').select('id').where('code', '=', 'CPI-CA').executeTakeFirstOrThrow();
  const networkId = await networkOf(db, office.id);
  const programmeId = await buildProgramme(db, { networkId, officeIds: [office.id] });
  const workers = await enrolledWorkers(
    db,
    { officeId: office.id, programmeId },
    [
      { firstName: 'Giuseppe', lastName: 'Esposito', caseId: null, state: 'assessed' },
      { firstName: 'Anna Maria', lastName: 'De Santis', caseId: null, state: 'registered' },
    ],
    9600,
  );
  const consultant = await db
    .selectFrom('staff_users')
    .select('id')
    .where('email', '=', 'f.dangelo@ricolloca.example')
    .executeTakeFirstOrThrow();
  base = { networkId, officeId: office.id, programmeId, workerIds: workers.map((w) => w.id), consultantId: consultant.id };
});
afterAll(() => database.close());

const newPlan = (workerId: string) =>
  insertPlan(database.db, { ...base, workerId, createdBy: base.consultantId, now: new Date(), consultantId: base.consultantId, ...terms });

describe('the plans’ repository', () => {
  it('keeps one open plan per worker and programme; a closed one leaves room for the next', async () => {
    const first = await newPlan(base.workerIds[0]!);
    await expect(newPlan(base.workerIds[0]!)).rejects.toMatchObject({ code: '23505' });
    await takePlanForChange(database.db, first.id, new Date(), {
      state: 'closed',
      closedOn: romeToday(new Date()),
      signedOn: romeToday(new Date()),
      signedHow: 'paper',
    });
    const second = await newPlan(base.workerIds[0]!);
    expect(second.id).not.toBe(first.id);
  });

  it('raises the version on every change and applies an update only to the version it was made on', async () => {
    const plan = await newPlan(base.workerIds[1]!);
    const now = new Date();
    expect((await takePlanForChange(database.db, plan.id, now, { baseVersion: 1, profilingClass: 'Fascia 2' }))?.version).toBe(2);
    expect(await takePlanForChange(database.db, plan.id, now, { baseVersion: 1, profilingClass: 'Fascia 3' })).toBeUndefined();
    expect(await takePlanForChange(database.db, plan.id, now, { fromStates: ['signed'], state: 'closed' })).toBeUndefined();
    expect(await findPlan(database.db, plan.id)).toMatchObject({ version: 2, profilingClass: 'Fascia 2', state: 'draft' });
  });

  it('files actions under the theme and objective of the same title, and removes them when emptied', async () => {
    const plan = await newPlan(base.workerIds[1]!).catch(
      async () =>
        await database.db
          .selectFrom('plans')
          .select('id')
          .where('worker_id', '=', base.workerIds[1]!)
          .where('state', '<>', 'closed')
          .executeTakeFirstOrThrow(),
    );
    const add = (themeTitle: string | undefined, description: string) =>
      database.db.transaction().execute((trx) =>
        addPlanAction(trx, {
          planId: plan.id,
          themeTitle,
          objectiveTitle: 'Competenze digitali',
          description,
          owner: 'worker',
          dueDate: '2027-02-15',
          actorId: base.consultantId,
        }),
      );
    await add('Formazione', 'Corso di informatica di base');
    await add('Formazione', 'Certificazione delle competenze digitali');
    const { actionId } = await add(undefined, 'Colloquio di orientamento');
    const tree = await planTree(database.db, plan.id);
    expect(tree.themes.map((t) => [t.title, t.objectives.map((o) => o.actions.length)])).toEqual([
      ['Formazione', [2]],
      ['Percorso concordato', [1]],
    ]);
    const versions = await versionsOf(database.db, plan.id);
    expect(versions[0]!.change).toBe('Azione aggiunta: Colloquio di orientamento');
    const action = tree.themes[1]!.objectives[0]!.actions[0]!;
    expect(action.id).toBe(actionId);
    await deleteAction(database.db, action);
    expect((await planTree(database.db, plan.id)).themes.map((t) => t.title)).toEqual(['Formazione']);
  });

  it('refuses to rewrite a version or a transition', async () => {
    await expect(sql`update plan_versions set change = 'riscritto'`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`update plan_transitions set reason = 'riscritto'`.execute(database.db)).rejects.toThrow(/append-only/);
  });
});

describe('the demo’s plans', () => {
  it('holds plans at every stage: drafts, signed, under revision, closed with an outcome, and overdue actions', async () => {
    const db = database.db;
    const states = await db
      .selectFrom('plans')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('state')
      .execute();
    const count = new Map(states.map((s) => [s.state, Number(s.n)]));
    for (const state of ['draft', 'signed', 'under_review', 'closed'] as const) expect(count.get(state) ?? 0, state).toBeGreaterThan(0);
    const closed = await db
      .selectFrom('plans')
      .select(['outcome_summary', 'closed_on'])
      .where('state', '=', 'closed')
      .where('programme_id', '<>', base.programmeId)
      .execute();
    for (const c of closed) expect(c.outcome_summary).toMatch(/Assunt/);
    const overdue = await db
      .selectFrom('plan_actions as a')
      .innerJoin('plans as p', 'p.id', 'a.plan_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('p.state', 'in', ['signed', 'under_review'])
      .where('a.status', 'in', ['todo', 'in_progress'])
      .where('a.due_on', '<', romeToday(new Date()))
      .executeTakeFirstOrThrow();
    expect(Number(overdue.n)).toBeGreaterThan(0);
    // Each consultant of reference works in the office of the plan.
    const strays = await db
      .selectFrom('plans as p')
      .select('p.id')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('staff_roles as r')
              .select('r.user_id')
              .whereRef('r.user_id', '=', 'p.consultant_id')
              .whereRef('r.office_id', '=', 'p.office_id'),
          ),
        ),
      )
      .execute();
    expect(strays).toEqual([]);
  });
});
