import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, officeIdByCode, type Agent, type TestApp } from '../helpers/test-app.js';
import { networkOf } from '../factories/programmes.js';
import { ESCO_MINI, escoMiniZips, removeFixtureZips } from '../fixtures/taxonomy/esco-fixture.js';
import { importEsco, readEscoZips } from '../../src/server/taxonomy/index.js';
import { accountWith, buildWorld, createOffice, matrixPasswordHash, personalSecrets, type World } from './idor-world.js';

/**
 * Every read that shows personal data leaves one audit row per page, naming what it showed by id
 * (GDPR art. 5(2) accountability: who saw whose data) and nothing of the people themselves.
 */

let t: TestApp;
let coordinator: Agent;
let world: World;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const zips = escoMiniZips();
  await importEsco(t.database, { ...(await readEscoZips([zips.classificationEn, zips.relations])), version: 'v1.1.1' });
  removeFixtureZips();
  const network = await networkOf(db, await officeIdByCode(t.database, 'CPI-MO'));
  const officeId = await createOffice(db, network, 'CPI-FI', 'Centro per l’impiego di Finale Emilia', 'Finale Emilia');
  const owner = await accountWith(t.app, db, {
    email: 'coordinatrice.finale@matrice.example',
    fullName: 'Benedetti Chiara',
    officeId,
    role: 'coordinator',
    passwordHash: await matrixPasswordHash(),
  });
  coordinator = owner.agent;
  world = await buildWorld(
    db,
    { ...owner, email: 'coordinatrice.finale@matrice.example' },
    {
      networkId: network,
      officeId,
      officeName: 'Centro per l’impiego di Finale Emilia',
      tag: 'Finale',
      firstName: 'Ornella',
      lastName: 'Bernardeschi',
      index: 7101,
    },
  );
}, 120_000);
afterAll(() => t.close());

/** Runs the read and returns the audit rows it wrote (by action), checking it answered 200. */
async function auditOf(action: string, read: () => Promise<{ statusCode: number; body: string }>) {
  const last = await t.database.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirstOrThrow();
  const res = await read();
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  const rows = await t.database.db
    .selectFrom('audit_log')
    .select(['action', 'actor_label', 'entity_type', 'entity_id', 'details'])
    .where('id', '>', Number(last.id ?? 0))
    .where('action', '=', action)
    .execute();
  expect(rows, action).toHaveLength(1);
  const row = rows[0]!;
  expect(row.actor_label).toContain('Benedetti Chiara');
  // Ids only: never the codice fiscale, the phone, the surname or the birth date of whoever was shown.
  const text = JSON.stringify(row.details);
  for (const secret of personalSecrets(world)) expect(text, `${action} details`).not.toContain(secret);
  return row as typeof row & { details: { ids?: string[]; workerIds?: string[]; rows?: number[] } };
}

describe('reads of personal data are audited, one row per page naming the ids shown', () => {
  it('a CV import’s preview beside the worker’s record and profile', async () => {
    const cv = Buffer.from(
      JSON.stringify({
        basics: { name: 'Ornella Bernardeschi' },
        work: [{ name: 'Ceramica Marazzi', position: 'Scelta', startDate: '2019' }],
      }),
    );
    const preview = await auditOf('cv_import.previewed', () =>
      coordinator.request({
        method: 'POST',
        url: `/api/v1/workers/${world.worker.id}/cv-imports`,
        payload: cv,
        headers: { 'content-type': 'application/octet-stream' },
      }),
    );
    // The world's worker has a profile (version 1): the preview names the version it compared with.
    expect(preview).toMatchObject({
      entity_type: 'worker',
      entity_id: world.worker.id,
      details: { format: 'json_resume', profileVersion: 1 },
    });
  });

  it('a worker’s skill gap', async () => {
    const gap = await auditOf('skill_gap.read', () =>
      coordinator.get(`/api/v1/workers/${world.worker.id}/skill-gap?occupation=${encodeURIComponent(ESCO_MINI.welderUri)}`),
    );
    expect(gap).toMatchObject({ entity_type: 'worker', entity_id: world.worker.id });
    expect(gap.details).toMatchObject({ occupation: ESCO_MINI.welderUri, missingEssential: 5 });
  });

  it('the worker list and search, and the duplicate check', async () => {
    const list = await auditOf('worker.list.read', () => coordinator.get(`/api/v1/workers?q=${world.worker.lastName}`));
    expect(list.details.ids).toEqual([world.worker.id]);
    expect(list.details).toMatchObject({ query: { searched: true } });
    const dup = await auditOf('worker.duplicates.read', () =>
      coordinator.get(`/api/v1/workers/duplicates?phone=${encodeURIComponent(world.worker.phone)}`),
    );
    expect(dup.details.ids).toEqual([world.worker.id]);
  });

  it('the hotline’s matches and the callback queue', async () => {
    const matches = await auditOf('hotline.matches_read', () =>
      coordinator.post('/api/v1/hotline/matches', { name: 'Ornella Bernardeschi', phone: world.worker.phone }),
    );
    expect(matches.details.ids).toEqual([world.worker.id]);
    let shown: Array<{ id: string; workerId: string | null }> = [];
    const queue = await auditOf('hotline.callbacks_read', async () => {
      const res = await coordinator.get('/api/v1/callbacks');
      shown = res.json().items;
      return res;
    });
    // A coordinator's queue is the network's: the demo's callbacks and this office's one.
    expect(queue.details.ids).toEqual(shown.map((c) => c.id));
    expect(queue.details.ids).toContain(world.callbackId);
    expect(queue.details.workerIds).toContain(world.worker.id);
    expect(new Set(queue.details.workerIds)).toEqual(new Set(shown.flatMap((c) => (c.workerId ? [c.workerId] : []))));
  });

  it('the enrolment list, the staff notices and an eligibility check', async () => {
    const list = await auditOf('programme.enrollments.read', () => coordinator.get(`/api/v1/programmes/${world.programmeId}/enrollments`));
    expect(list.details).toMatchObject({ ids: [world.enrollmentId], workerIds: [world.worker.id] });
    const notices = await auditOf('programme.notifications.read', () =>
      coordinator.get(`/api/v1/programmes/${world.programmeId}/notifications`),
    );
    // The coordinators' notice only: the front office's is not theirs to read.
    expect(notices.details).toEqual({ ids: [world.coordinatorNoticeId], workerIds: [world.worker.id] });
    const check = await auditOf('programme.eligibility.read', () =>
      coordinator.get(`/api/v1/programmes/${world.programmeId}/eligibility/${world.worker.id}`),
    );
    expect(check).toMatchObject({ entity_type: 'worker', entity_id: world.worker.id, details: { programmeId: world.programmeId } });
  });

  it('a course with its enrolments, and a worker’s courses', async () => {
    const course = await auditOf('training.course_enrolments_read', () => coordinator.get(`/api/v1/training/courses/${world.courseId}`));
    expect(course).toMatchObject({
      entity_type: 'training_course',
      entity_id: world.courseId,
      details: { ids: [world.trainingEnrolmentId], workerIds: [world.worker.id] },
    });
    const courses = await auditOf('training.worker_courses_read', () => coordinator.get(`/api/v1/workers/${world.worker.id}/courses`));
    expect(courses).toMatchObject({ entity_type: 'worker', entity_id: world.worker.id, details: { ids: [world.trainingEnrolmentId] } });
  });

  it('a campaign’s recipients and outbox, and a company’s cohort', async () => {
    const recipients = await auditOf('outreach.recipients_read', () =>
      coordinator.get(`/api/v1/outreach/campaigns/${world.campaignId}/recipients`),
    );
    expect(recipients.details).toMatchObject({ ids: [world.recipientId], workerIds: [world.worker.id] });
    const outbox = await auditOf('outreach.outbox_read', () => coordinator.get(`/api/v1/outreach/campaigns/${world.campaignId}/messages`));
    expect(outbox.details).toMatchObject({ ids: [], workerIds: [] });
    const cohort = await auditOf('company.cohort.read', () => coordinator.get(`/api/v1/companies/${world.companyId}/cohort`));
    expect(cohort.details.workerIds).toEqual([world.worker.id]);
  });

  it('an employer with its contacts, and the list of employers', async () => {
    const one = await auditOf('employer.read', () => coordinator.get(`/api/v1/employers/${world.employerId}`));
    expect(one).toMatchObject({ entity_type: 'employer', entity_id: world.employerId, details: { contactIds: [world.employerContactId] } });
    expect(JSON.stringify(one.details)).not.toContain(world.employerContactName);
    const list = await auditOf('employer.list.read', () =>
      coordinator.get(`/api/v1/employers?q=${encodeURIComponent(world.employerName)}`),
    );
    expect(list.details.ids).toEqual([world.employerId]);
  });

  it('a vacancy’s and a worker’s applications, one application, a placement and the follow-ups due', async () => {
    const onVacancy = await auditOf('application.list.read', () => coordinator.get(`/api/v1/vacancies/${world.vacancyId}/applications`));
    expect(onVacancy.details).toMatchObject({ vacancyId: world.vacancyId, workerIds: [world.worker.id] });
    const ofWorker = await auditOf('application.list.read', () => coordinator.get(`/api/v1/workers/${world.worker.id}/applications`));
    expect(ofWorker).toMatchObject({ entity_type: 'worker', entity_id: world.worker.id, details: { ids: [world.applicationId] } });
    const one = await auditOf('application.read', () => coordinator.get(`/api/v1/applications/${world.applicationId}`));
    expect(one).toMatchObject({ entity_type: 'application', entity_id: world.applicationId, details: { workerId: world.worker.id } });
    const placement = await auditOf('placement.read', () => coordinator.get(`/api/v1/placements/${world.placementId}`));
    expect(placement).toMatchObject({ entity_type: 'placement', entity_id: world.placementId, details: { workerId: world.worker.id } });
    const due = await auditOf('placement.follow_ups.read', () => coordinator.get('/api/v1/placements/follow-ups?dueBy=2099-12-31'));
    expect(due.details).toMatchObject({ ids: [world.placementId], workerIds: [world.worker.id] });
  });

  it('a worker’s CVs: the list, one CV, its versions and both downloads', async () => {
    const base = `/api/v1/workers/${world.worker.id}/cvs`;
    const list = await auditOf('cv.list.read', () => coordinator.get(base));
    expect(list).toMatchObject({ entity_type: 'worker', entity_id: world.worker.id, details: { ids: [world.cvId] } });
    for (const [action, url] of [
      ['cv.read', `${base}/${world.cvId}`],
      ['cv.versions.read', `${base}/${world.cvId}/versions`],
      ['cv.pdf.downloaded', `${base}/${world.cvId}/pdf`],
      ['cv.json_resume.downloaded', `${base}/${world.cvId}/json-resume`],
    ] as const) {
      const row = await auditOf(action, () => coordinator.get(url));
      expect(row, action).toMatchObject({ entity_type: 'worker', entity_id: world.worker.id, details: { cvId: world.cvId } });
    }
  });

  it('a page of a vacancy’s candidates, naming the workers shown', async () => {
    // The world's vacancy names no skill nor occupation: every worker of the office within reach fits (Modena is 17 km from Sassuolo).
    const page = await auditOf('vacancy.candidates_read', () => coordinator.get(`/api/v1/vacancies/${world.vacancyId}/candidates`));
    expect(page).toMatchObject({ entity_type: 'vacancy', entity_id: world.vacancyId, details: { workerIds: [world.worker.id] } });
  });

  it('a workshop’s invitation preview', async () => {
    const preview = await auditOf('workshop.candidates_read', () =>
      coordinator.get(`/api/v1/workshops/${world.sessionId}/invitation-candidates?companyId=${world.companyId}`),
    );
    expect(preview).toMatchObject({ entity_id: world.sessionId, details: { workerIds: [world.worker.id] } });
  });

  it('a worker’s action plans, one plan, its versions and its PDF, and the office’s overdue actions and due reviews', async () => {
    const list = await auditOf('plan.listed', () => coordinator.get(`/api/v1/workers/${world.worker.id}/plans`));
    expect(list).toMatchObject({ entity_type: 'worker', entity_id: world.worker.id, details: { ids: [world.planId] } });
    expect(await auditOf('plan.read', () => coordinator.get(`/api/v1/plans/${world.planId}`))).toMatchObject({ entity_id: world.planId });
    expect(await auditOf('plan.versions_read', () => coordinator.get(`/api/v1/plans/${world.planId}/versions`))).toMatchObject({
      entity_id: world.planId,
    });
    expect(await auditOf('plan.printed', () => coordinator.get(`/api/v1/plans/${world.planId}/pdf`))).toMatchObject({
      entity_id: world.planId,
    });
    const overdue = await auditOf('plan.overdue_listed', () => coordinator.get('/api/v1/plans/overdue-actions?scope=office'));
    expect(overdue.details).toMatchObject({ ids: [world.planActionId], workerIds: [world.worker.id] });
    const reviews = await auditOf('plan.due_reviews_listed', () => coordinator.get('/api/v1/plans/due-reviews?scope=office'));
    expect(reviews.details).toMatchObject({ ids: [world.planId], workerIds: [world.worker.id] });
  });

  it('the dashboard and its exports', async () => {
    const dashboard = await auditOf('report.dashboard.read', () =>
      coordinator.get(`/api/v1/reports/dashboard?programmeId=${world.programmeId}`),
    );
    expect(dashboard).toMatchObject({ entity_id: world.programmeId, details: { workerIds: [] } });
    const exported = await auditOf('report.exported', () =>
      coordinator.get(`/api/v1/reports/export/waiting?programmeId=${world.programmeId}&format=csv`),
    );
    expect(exported.details).toEqual({ table: 'waiting', workerIds: [] });
  });

  it('the worker’s profile, its versions, its completeness and its suggested skills', async () => {
    const base = `/api/v1/workers/${world.worker.id}/profile`;
    for (const [action, url] of [
      ['worker.profile.read', base],
      ['worker.profile.versions.read', `${base}/versions`],
      ['worker.profile.version.read', `${base}/versions/1`],
      ['worker.profile.completeness.read', `${base}/completeness`],
      ['worker.profile.suggestions.read', `${base}/skill-suggestions`],
    ] as const) {
      const row = await auditOf(action, () => coordinator.get(url));
      expect(row, action).toMatchObject({ entity_type: 'worker', entity_id: world.worker.id });
    }
  });

  it('a worker’s delivered services, and the funder’s totals per worker', async () => {
    const list = await auditOf('service.list.read', () => coordinator.get(`/api/v1/workers/${world.worker.id}/services`));
    expect(list).toMatchObject({ entity_type: 'worker', entity_id: world.worker.id, details: { ids: [world.serviceRecordId] } });
    const totals = await auditOf('report.services.read', () =>
      coordinator.get(`/api/v1/services/totals?from=2026-11-01&to=2026-11-30&groupBy=worker&officeId=${world.officeId}`),
    );
    expect(totals.details).toMatchObject({ groupBy: 'worker', workerIds: [world.worker.id] });
  });

  it('an import’s row outcomes and its refused rows file', async () => {
    expect((await coordinator.post(`/api/v1/imports/${world.importId}/dry-run`, {})).statusCode).toBe(202);
    for (let i = 0; i < 200; i++) {
      const job = (await coordinator.get(`/api/v1/imports/${world.importId}`)).json();
      if (job.status !== 'validating') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    let shown: Array<{ rowNumber: number; label: string; workerId: string | null }> = [];
    const rows = await auditOf('import.rows.read', async () => {
      const res = await coordinator.get(`/api/v1/imports/${world.importId}/rows`);
      shown = res.json().items;
      return res;
    });
    expect(shown).toEqual([expect.objectContaining({ label: expect.stringContaining('Bernardeschi') })]);
    expect(rows).toMatchObject({ entity_type: 'import_job', entity_id: world.importId });
    expect(rows.details.rows).toEqual(shown.map((r) => r.rowNumber));
    expect(rows.details.workerIds).toEqual(shown.flatMap((r) => (r.workerId ? [r.workerId] : [])));
    const refused = await auditOf('import.refused_rows.downloaded', () =>
      coordinator.get(`/api/v1/imports/${world.importId}/refused-rows`),
    );
    expect(refused.details).toEqual({ rows: [], format: 'csv' });
  });

  it('a worker’s trail in the audit log lists the pages that showed them, not only the reads of their record', async () => {
    const admin = await accountWith(t.app, t.database.db, {
      email: 'amministratore.finale@matrice.example',
      fullName: 'Barbieri Emanuele',
      officeId: world.officeId,
      role: 'admin',
      passwordHash: await matrixPasswordHash(),
    });
    const trail = (await admin.agent.get(`/api/v1/audit?workerId=${world.worker.id}&limit=100`)).json().items as Array<{
      id: number;
      action: string;
    }>;
    // Reading the log is itself recorded: the log names people (the worker in an entry's label).
    const logReads = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_label', 'entity_type', 'details'])
      .where('action', '=', 'audit.log.read')
      .where('actor_label', 'like', 'Barbieri Emanuele%')
      .execute();
    expect(logReads).toHaveLength(1);
    expect(logReads[0]).toMatchObject({
      entity_type: 'audit_log',
      details: { ids: trail.map((e) => e.id), query: { workerId: world.worker.id } },
    });
    for (const secret of personalSecrets(world)) expect(JSON.stringify(logReads[0]!.details)).not.toContain(secret);
    expect(new Set(trail.map((e) => e.action))).toEqual(
      new Set([
        'application.list.read',
        'application.read',
        'placement.read',
        'placement.follow_ups.read',
        'skill_gap.read',
        'worker.list.read',
        'worker.duplicates.read',
        'hotline.matches_read',
        'hotline.callbacks_read',
        'programme.enrollments.read',
        'programme.notifications.read',
        'programme.eligibility.read',
        'outreach.recipients_read',
        'company.cohort.read',
        'workshop.candidates_read',
        'vacancy.candidates_read',
        'training.course_enrolments_read',
        'training.worker_courses_read',
        'plan.listed',
        'plan.read',
        'plan.versions_read',
        'plan.printed',
        'plan.overdue_listed',
        'plan.due_reviews_listed',
        'service.list.read',
        'report.services.read',
        'enrollment.registered',
        'hotline.call_recorded',
        // The world's profile (written when it was built) and its reads above.
        'worker.profile.updated',
        'worker.profile.read',
        'worker.profile.versions.read',
        'worker.profile.version.read',
        'worker.profile.completeness.read',
        'worker.profile.suggestions.read',
        // The world's CV (created by the office's coordinator), and its reads and downloads above.
        'cv.created',
        'cv.list.read',
        'cv.read',
        'cv.versions.read',
        'cv.pdf.downloaded',
        'cv.json_resume.downloaded',
        'cv_import.previewed',
      ]),
    );
  });
});
