import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationsEmployer, publishedVacancy, seedWorkers } from '../../../tests/factories/applications.js';
import { networkOf } from '../../../tests/factories/programmes.js';
import { SURNAMES } from '../../../tests/factories/workers.js';
import { DEMO, createTestApp, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { romeToday } from '../../shared/time/rome-time.js';

let t: TestApp;
let matcher: Agent;
let modena: string;
let network: string;

beforeAll(async () => {
  t = await createTestApp();
  modena = await officeIdByCode(t.database, 'CPI-MO');
  network = await networkOf(t.database.db, modena);
  matcher = await signIn(t.app, DEMO.matcher);
  expect((await matcher.put('/api/v1/auth/session/office', { officeId: modena })).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
});

describe('applications: concurrent hires on one vacancy', () => {
  it('hires exactly three of fifty workers with an offer on a vacancy with three positions, and fills it', async () => {
    const employer = await applicationsEmployer(t.database.db, network, modena);
    const vacancyId = await publishedVacancy(t.database.db, {
      networkId: network,
      officeId: modena,
      employerId: employer.employerId,
      siteId: employer.siteIds[0]!,
      title: 'Operaio/a di linea',
      positions: 3,
    });
    const names = Array.from({ length: 50 }, (_, i) => ['Giuseppe', `${SURNAMES[i % SURNAMES.length]}`] as [string, string]);
    const workers = await seedWorkers(t.database.db, { networkId: network, officeId: modena, names });
    // Fifty applications at the offer, seeded in one statement (the moves up to it are tested elsewhere).
    const offers = await t.database.db
      .insertInto('applications')
      .values(
        workers.map((w) => ({
          network_id: network,
          office_id: modena,
          vacancy_id: vacancyId,
          worker_id: w.id,
          source: 'consultant' as const,
          state: 'offer' as const,
          cv_id: w.cvId,
          sent_at: new Date(),
        })),
      )
      .returning('id')
      .execute();

    const startDate = romeToday(new Date(t.clock().getTime() + 7 * 86_400_000));
    const answers = await Promise.all(
      offers.map((a) =>
        matcher.post(`/api/v1/applications/${a.id}/moves`, { action: 'hire', version: 1, hire: { contractType: 'permanent', startDate } }),
      ),
    );
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(47);
    expect(new Set(answers.filter((r) => r.statusCode === 409).map((r) => r.json().code))).toEqual(new Set(['VACANCY_NO_POSITION_LEFT']));

    const vacancy = (await matcher.get(`/api/v1/vacancies/${vacancyId}`)).json();
    expect(vacancy).toMatchObject({ state: 'filled', positions: 3, positionsFilled: 3 });
    expect(vacancy.log.filter((m: { to: string }) => m.to === 'filled')).toHaveLength(1);
    const placements = await t.database.db.selectFrom('placements').select('application_id').where('vacancy_id', '=', vacancyId).execute();
    expect(placements).toHaveLength(3);
    const followUps = await t.database.db
      .selectFrom('placement_follow_ups')
      .select('id')
      .where('placement_id', 'in', t.database.db.selectFrom('placements').select('id').where('vacancy_id', '=', vacancyId))
      .execute();
    expect(followUps).toHaveLength(9);
    // The refused hires left their applications as they were: still at the offer, version 1.
    const states = await t.database.db
      .selectFrom('applications')
      .select(['state', 'version'])
      .where('vacancy_id', '=', vacancyId)
      .execute();
    expect(states.filter((s) => s.state === 'hired')).toHaveLength(3);
    expect(states.filter((s) => s.state === 'offer' && s.version === 1)).toHaveLength(47);
  });

  it('hires a worker with two offers once when two matchers record both hires at the same moment', async () => {
    const employer = await applicationsEmployer(t.database.db, network, modena);
    const [first, second] = await Promise.all(
      ['Saldatore/saldatrice TIG', 'Manutentore/manutentrice meccanico'].map((title) =>
        publishedVacancy(t.database.db, {
          networkId: network,
          officeId: modena,
          employerId: employer.employerId,
          siteId: employer.siteIds[0]!,
          title,
          positions: 2,
        }),
      ),
    );
    const [worker] = await seedWorkers(t.database.db, { networkId: network, officeId: modena, names: [['Nicolò', 'D’Angelo']] });
    const offers = await t.database.db
      .insertInto('applications')
      .values(
        [first!, second!].map((vacancyId) => ({
          network_id: network,
          office_id: modena,
          vacancy_id: vacancyId,
          worker_id: worker!.id,
          source: 'consultant' as const,
          state: 'offer' as const,
          cv_id: worker!.cvId,
          sent_at: new Date(),
        })),
      )
      .returning('id')
      .execute();
    // The coordinator of the office is the second person recording a hire.
    const coordinator = await signIn(t.app, DEMO.coordinator);
    const startDate = romeToday(new Date(t.clock().getTime() + 7 * 86_400_000));
    const answers = await Promise.all(
      [matcher, coordinator].map((agent, i) =>
        agent.post(`/api/v1/applications/${offers[i]!.id}/moves`, {
          action: 'hire',
          version: 1,
          hire: { contractType: 'permanent', startDate },
        }),
      ),
    );
    // One hire, the other refused as changed meanwhile (it was withdrawn: hired elsewhere), never a 500.
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const states = await t.database.db
      .selectFrom('applications')
      .select(['state', 'reason_code'])
      .where('worker_id', '=', worker!.id)
      .orderBy('state')
      .execute();
    expect(states).toEqual([
      { state: 'hired', reason_code: null },
      { state: 'withdrawn', reason_code: 'hired_elsewhere' },
    ]);
    expect(await t.database.db.selectFrom('placements').select('id').where('worker_id', '=', worker!.id).execute()).toHaveLength(1);
  });
});
