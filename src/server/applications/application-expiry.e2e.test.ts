import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationsEmployer, publishedVacancy, seedWorkers, type SeededWorker } from '../../../tests/factories/applications.js';
import { networkOf } from '../../../tests/factories/programmes.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { createAppointmentsModule } from '../appointments/index.js';
import { createAuditRepository, createAuditService } from '../audit/index.js';
import { channelsFromEnv } from '../outreach/index.js';
import { createJobsModule } from '../jobs/index.js';
import { createPlacementsModule } from '../placements/index.js';
import type { EmployerReminder } from './application.service.js';
import { applicationExpiryJob, APPLICATION_EXPIRY_KIND, createApplicationsModule } from './applications.module.js';

let t: TestApp;
let modena: string;
let network: string;
let vacancyId: string;
const DAY = 86_400_000;
const reminders: EmployerReminder[] = [];

// The daily job as buildApp wires it, on the test's fake clock, with a reminder sender that keeps what it is handed.
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
let applications: ReturnType<typeof createApplicationsModule>['applications'];
let jobs: ReturnType<typeof createJobsModule>;

const signedIn = async (email: string) => {
  const agent = await signIn(t.app, email);
  expect((await agent.put('/api/v1/auth/session/office', { officeId: modena })).statusCode).toBe(200);
  return agent;
};

/** Proposed by the consultant and moved by the matcher up to `to`. */
async function applicationAt(w: SeededWorker, to: 'preselected' | 'sent' | 'interview', interviewInDays = 3) {
  const consultant = await signedIn(DEMO.consultant);
  const matcher = await signedIn(DEMO.matcher);
  let a = (await consultant.post('/api/v1/applications', { vacancyId, workerId: w.id, source: 'consultant' })).json();
  const move = async (body: Record<string, unknown>) => {
    const res = await matcher.post(`/api/v1/applications/${a.id}/moves`, { version: a.version, ...body });
    expect(res.statusCode, res.body).toBe(200);
    a = res.json();
  };
  await move({ action: 'preselect' });
  if (to === 'preselected') return a.id as string;
  await move({ action: 'send', cvId: w.cvId });
  if (to === 'sent') return a.id as string;
  await move({
    action: 'interview',
    interview: { at: new Date(t.clock().getTime() + interviewInDays * DAY).toISOString(), place: 'Sede di Mirandola' },
  });
  return a.id as string;
}

async function stateOf(id: string, as: Agent) {
  return (await as.get(`/api/v1/applications/${id}`)).json();
}

beforeAll(async () => {
  t = await createTestApp();
  modena = await officeIdByCode(t.database, 'CPI-MO');
  network = await networkOf(t.database.db, modena);
  const employer = await applicationsEmployer(t.database.db, network, modena);
  vacancyId = await publishedVacancy(t.database.db, {
    networkId: network,
    officeId: modena,
    employerId: employer.employerId,
    siteId: employer.siteIds[0]!,
    title: 'Impiegato/a amministrativo/a',
    positions: 5,
  });
  const audit = createAuditService({ db: t.database.db, repository: createAuditRepository() });
  const placements = createPlacementsModule({ db: t.database.db, audit, clock: t.clock, reopenAfterEarlyEnd: async () => [] });
  applications = createApplicationsModule({
    db: t.database.db,
    audit,
    clock: t.clock,
    placements: placements.placements,
    placeOnHire: async () => [],
    interviews: createAppointmentsModule({ db: t.database.db, audit, clock: t.clock, channels: channelsFromEnv() }).interviews,
    sendEmployerReminder: async (r) => {
      reminders.push(r);
    },
  }).applications;
  jobs = createJobsModule({ db: t.database.db, databaseKind: t.database.kind, audit, clock: t.clock, log: silent });
  jobs.registerPeriodic(applicationExpiryJob(applications, silent));
});
afterAll(async () => {
  await t.close();
});

describe('applications: the daily expiry and the employer reminders', () => {
  it('records the reminders due at 7 and 14 days after sending and expires what the employer left unanswered for 60 days', async () => {
    const [sentW, interviewW, preselectedW] = await seedWorkers(t.database.db, {
      networkId: network,
      officeId: modena,
      names: [
        ['Alessandro', 'Ferrari'],
        ['Martina', 'Romano'],
        ['Giuseppe', 'Colombo'],
      ],
    });
    const sent = await applicationAt(sentW!, 'sent');
    const interview = await applicationAt(interviewW!, 'interview');
    const preselected = await applicationAt(preselectedW!, 'preselected');

    // Eight days on, on the job queue: the first reminder of the sent application, none for the interview.
    t.clock.advance(8 * DAY);
    await jobs.runner.seedPeriodic();
    expect(await jobs.runner.drain()).toBe(1);
    // The demo's own sent applications have reminders of their own: these are the ones of this test's.
    const mine = () => reminders.filter((r) => [sent, interview, preselected].includes(r.applicationId));
    expect(mine()).toEqual([{ applicationId: sent, vacancyId, officeId: modena, daysSinceSent: 7 }]);
    let matcher = await signedIn(DEMO.matcher);
    const afterWeek = await stateOf(sent, matcher);
    expect(afterWeek.state).toBe('sent');
    expect(afterWeek.events.at(-1)).toMatchObject({ kind: 'employer_reminder_due', from: null, to: null, actorName: null });
    expect(afterWeek.events.at(-1).note).toContain('7 giorni');

    // The same day again records nothing twice.
    await applications.expireOverdue();
    expect(mine()).toHaveLength(1);
    t.clock.advance(7 * DAY);
    await applications.expireOverdue();
    expect(mine()).toEqual([
      { applicationId: sent, vacancyId, officeId: modena, daysSinceSent: 7 },
      { applicationId: sent, vacancyId, officeId: modena, daysSinceSent: 14 },
    ]);

    // Sixty days without an answer: the sent and the interview applications expire, the preselected one waits.
    t.clock.advance(46 * DAY);
    const done = await applications.expireOverdue();
    expect(done.expired).toBeGreaterThanOrEqual(2);
    matcher = await signedIn(DEMO.matcher);
    const [s, i, p] = await Promise.all([stateOf(sent, matcher), stateOf(interview, matcher), stateOf(preselected, matcher)]);
    expect([s.state, i.state, p.state]).toEqual(['expired', 'expired', 'preselected']);
    expect(s.events.at(-1)).toMatchObject({ kind: 'move', from: 'sent', to: 'expired', actorName: null });
    expect(i.events.at(-1)).toMatchObject({ from: 'interview', to: 'expired' });
    expect(s.actions).toEqual([]);
    const next = await t.database.db
      .selectFrom('jobs')
      .select('run_at')
      .where('kind', '=', APPLICATION_EXPIRY_KIND)
      .where('state', '=', 'queued')
      .execute();
    expect(next).toHaveLength(1);
  });

  it('cancels the interview still ahead of an application that expires, and writes the expiry on the worker’s timeline', async () => {
    const [w] = await seedWorkers(t.database.db, { networkId: network, officeId: modena, names: [['Chiara', 'Marchetti']] });
    // The employer set the interview far ahead, then never answered: sixty days on, it is still to come.
    const id = await applicationAt(w!, 'interview', 90);
    t.clock.advance(61 * DAY);
    await applications.expireOverdue();
    const matcher = await signedIn(DEMO.matcher);
    expect((await stateOf(id, matcher)).state).toBe('expired');
    const page = (await matcher.get(`/api/v1/workers/${w!.id}/appointments`)).json();
    expect(page.upcoming).toEqual([]);
    expect(page.past).toEqual([
      expect.objectContaining({
        applicationId: id,
        status: 'cancelled',
        cancelReason: 'La candidatura è scaduta senza risposta dell’azienda',
      }),
    ]);
    const timeline = (await matcher.get(`/api/v1/workers/${w!.id}/timeline`)).json().items as Array<{
      kind: string;
      actorName: string | null;
    }>;
    expect(timeline.find((e) => e.kind === 'application.expired')).toMatchObject({ actorName: null });
    expect(timeline.map((e) => e.kind)).toContain('appointment.cancelled');
  });

  it('uses the network’s own expiry days once an administrator sets them', async () => {
    const admin = await signedIn(DEMO.admin);
    expect((await admin.get('/api/v1/applications/settings')).json()).toEqual({ expiryDays: 60, version: 0 });
    const saved = await admin.put('/api/v1/applications/settings', { expiryDays: 30, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ expiryDays: 30, version: 1 });
    expectProblem(await admin.put('/api/v1/applications/settings', { expiryDays: 45, version: 0 }), 409, 'APPLICATION_VERSION_CONFLICT');

    const [w] = await seedWorkers(t.database.db, { networkId: network, officeId: modena, names: [['Sofia', 'Ricci']] });
    const sent = await applicationAt(w!, 'sent');
    t.clock.advance(29 * DAY);
    await applications.expireOverdue();
    const matcher = await signedIn(DEMO.matcher);
    expect((await stateOf(sent, matcher)).state).toBe('sent');
    t.clock.advance(2 * DAY);
    await applications.expireOverdue();
    expect((await stateOf(sent, await signedIn(DEMO.matcher))).state).toBe('expired');
  });
});
