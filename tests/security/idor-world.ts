import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { hashPassword } from '../../src/server/auth/index.js';
import type { DB, Role } from '../../src/server/db/schema.js';
import { buildCigsCase, buildProgramme } from '../factories/programmes.js';
import { buildWorker, insertWorkers } from '../factories/workers.js';
import { signIn, type Agent } from '../helpers/test-app.js';
import { partitaIvaCheckDigit } from '../../src/shared/schemas/companies.schema.js';

/** The password of every account the IDOR matrix creates (not a demo password). */
export const MATRIX_PASSWORD = 'Matrice.Accessi.2026!';

export const ROLES: readonly Role[] = ['frontoffice', 'consultant', 'coordinator', 'matcher', 'admin'];

/**
 * Everything one office holds that a route can name by id: a worker with codice fiscale and phone,
 * their company and CIGS case, a programme with their enrolment, notices, a hotline callback, an
 * outreach template, campaign and recipient, an import, and the account that made them.
 */
export interface World {
  networkId: string;
  officeId: string;
  officeName: string;
  ownerId: string;
  ownerEmail: string;
  worker: { id: string; firstName: string; lastName: string; codiceFiscale: string; phone: string; birthDate: string };
  companyId: string;
  companyName: string;
  caseId: string;
  programmeId: string;
  programmeName: string;
  enrollmentId: string;
  /** A notice to the office's front office, and one to its coordinators. */
  noticeId: string;
  coordinatorNoticeId: string;
  callbackId: string;
  templateId: string;
  templateName: string;
  campaignId: string;
  campaignName: string;
  recipientId: string;
  importId: string;
  importFileName: string;
  /** The agenda: a consultant of the office, an absence of theirs, a room, and a meeting with the worker. */
  consultantId: string;
  exceptionId: string;
  roomId: string;
  roomName: string;
  appointmentTypeId: string;
  appointmentId: string;
  sessionId: string;
  /** Training: a provider of the network, its course, and the worker's enrolment in it. */
  trainingProviderId: string;
  courseId: string;
  courseTitle: string;
  trainingEnrolmentId: string;
  /** Vacancies: the published vacancy of the office's employer (below), owned by the office. */
  vacancyId: string;
  vacancyTitle: string;
  /** Contracts: a CCNL minimum pay table of the network, and its source note (unique to the world). */
  ccnlMinimumId: string;
  ccnlMinimumNote: string;
  /** The worker's action plan (patto di servizio), signed, with one action. */
  planId: string;
  planThemeId: string;
  planObjectiveId: string;
  planActionId: string;
  /** A delivered service entered by hand for the worker. */
  serviceRecordId: string;
  /** A CV of the worker (cv domain). */
  cvId: string;
  /** An employer the office follows, with a site and an HR contact (employers are the network's). */
  employerId: string;
  employerName: string;
  employerSiteId: string;
  employerContactId: string;
  employerContactName: string;
  /** Applications: the worker hired through the office's vacancy, the placement and its first follow-up. */
  applicationId: string;
  placementId: string;
  followUpId: string;
}

export async function createOffice(db: Kysely<DB>, networkId: string, code: string, name: string, comune: string): Promise<string> {
  const office = await db
    .insertInto('offices')
    .values({ network_id: networkId, code, name, comune, province: 'RE', opening_hours: '[]' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return office.id;
}

/** An account holding one role in one office (written directly, as a test fixture may), signed in. */
export async function accountWith(
  app: FastifyInstance,
  db: Kysely<DB>,
  o: { email: string; fullName: string; officeId: string; role: Role; passwordHash: string },
): Promise<{ id: string; agent: Agent }> {
  const user = await db
    .insertInto('staff_users')
    .values({
      email: o.email,
      full_name: o.fullName,
      password_hash: o.passwordHash,
      must_change_password: false,
      last_office_id: o.officeId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('staff_roles').values({ user_id: user.id, office_id: o.officeId, role: o.role }).execute();
  return { id: user.id, agent: await signIn(app, o.email, MATRIX_PASSWORD) };
}

export const matrixPasswordHash = () => hashPassword(MATRIX_PASSWORD);

/**
 * Builds an office's world through the API where a use case exists (enrolment, hotline call,
 * template, campaign, import) and directly where the scenario needs no use case (the worker, the
 * company, a notice, a campaign's recipient). `owner` is a coordinator of the office.
 */
export async function buildWorld(
  db: Kysely<DB>,
  owner: { id: string; email: string; agent: Agent },
  o: {
    networkId: string;
    officeId: string;
    officeName: string;
    tag: string;
    firstName: string;
    lastName: string;
    index: number;
  },
): Promise<World> {
  const ok = <T>(res: { statusCode: number; body: string; json(): T }, status: number): T => {
    if (res.statusCode !== status) throw new Error(`world ${o.tag}: expected ${status}, got ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const companyName = `Ceramiche ${o.tag} S.p.A.`;
  const { companyId, caseId } = await buildCigsCase(db, o.networkId, { companyName });
  const seed = buildWorker({ officeId: o.officeId, firstName: o.firstName, lastName: o.lastName, cigsCaseId: caseId }, o.index);
  const [workerId] = await insertWorkers(db, [seed]);
  const programmeName = `Ricollocazione ${o.tag}`;
  const programmeId = await buildProgramme(db, { networkId: o.networkId, officeIds: [o.officeId], capacity: 10 });
  await db.updateTable('programmes').set({ name: programmeName }).where('id', '=', programmeId).execute();

  const enrolled = ok<{ enrollmentId: string }>(
    await owner.agent.post(`/api/v1/programmes/${programmeId}/enrollments`, { workerId, channel: 'desk' }),
    201,
  );
  // The worker's profile, at version 1 (profiles): its versions are records of the office too.
  ok(
    await owner.agent.patch(`/api/v1/workers/${workerId}/profile`, {
      baseVersion: 0,
      summary: 'Operaio addetto alla smaltatura con vent’anni di esperienza',
      drivingLicences: ['B'],
    }),
    200,
  );
  const notice = (role: Role) =>
    db
      .insertInto('staff_notifications')
      .values({
        office_id: o.officeId,
        programme_id: programmeId,
        recipient_role: role,
        kind: 'waiting.promoted',
        payload: JSON.stringify({ workerId, enrollmentId: enrolled.enrollmentId }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const noticeId = (await notice('frontoffice')).id;
  const coordinatorNoticeId = (await notice('coordinator')).id;

  const national = seed.phone!.slice(3);
  const call = ok<{ callbackId: string }>(
    await owner.agent.post('/api/v1/hotline/calls', {
      name: `${o.firstName} ${o.lastName}`,
      phone: national,
      workerId,
      action: 'callback',
      reason: 'Richiamare per il colloquio',
    }),
    201,
  );

  const templateName = `Invito ${o.tag}`;
  const template = ok<{ id: string }>(
    await owner.agent.post('/api/v1/outreach/templates', {
      name: templateName,
      channel: 'sms',
      body: 'Gentile {{nome}}, il Centro per l’impiego la invita a un colloquio.',
    }),
    201,
  );
  const campaignName = `Campagna ${o.tag}`;
  const campaign = ok<{ id: string }>(
    await owner.agent.post('/api/v1/outreach/campaigns', { name: campaignName, channel: 'sms', templateId: template.id, programmeId }),
    201,
  );
  const recipient = await db
    .insertInto('outreach_recipients')
    .values({ campaign_id: campaign.id, worker_id: workerId!, office_id: o.officeId, priority: seed.cigsEndDate })
    .returning('id')
    .executeTakeFirstOrThrow();

  const importFileName = `elenco-${o.tag.toLowerCase()}.csv`;
  const csv = `Cognome;Nome;Codice fiscale;Telefono\n${o.lastName};${o.firstName};${seed.codiceFiscale};${national}\n`;
  const job = ok<{ id: string }>(
    await owner.agent.request({
      method: 'POST',
      url: `/api/v1/imports/workers?fileName=${encodeURIComponent(importFileName)}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(csv, 'utf8'),
    }),
    201,
  );

  // The agenda's records, written directly (the booking rules are the agenda's own tests).
  const consultant = await db
    .insertInto('staff_users')
    .values({ email: `orientatore.${o.tag.toLowerCase()}@matrice.example`, full_name: `Orientatore ${o.tag}`, password_hash: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('staff_roles').values({ user_id: consultant.id, office_id: o.officeId, role: 'consultant' }).execute();
  const exception = await db
    .insertInto('availability_exceptions')
    .values({ network_id: o.networkId, consultant_id: consultant.id, date: '2027-01-15', reason: 'leave', note: `Ferie ${o.tag}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const roomName = `Sala ${o.tag}`;
  const room = await db
    .insertInto('meeting_rooms')
    .values({ network_id: o.networkId, office_id: o.officeId, name: roomName, capacity: 12 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const type = await db
    .selectFrom('appointment_types')
    .select('id')
    .where('code', '=', 'first_interview')
    .where('network_id', 'is', null)
    .executeTakeFirstOrThrow();
  const appointment = await db
    .insertInto('appointments')
    .values({
      network_id: o.networkId,
      office_id: o.officeId,
      type_id: type.id,
      worker_id: workerId!,
      consultant_id: consultant.id,
      room_id: room.id,
      mode: 'in_person',
      starts_at: '2027-01-20T09:00:00Z',
      ends_at: '2027-01-20T10:00:00Z',
      booked_via: 'agenda',
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const session = await db
    .insertInto('group_sessions')
    .values({
      network_id: o.networkId,
      office_id: o.officeId,
      topic: 'cv_writing',
      title: `Laboratorio CV ${o.tag}`,
      room_id: room.id,
      starts_at: '2027-01-21T13:00:00Z',
      ends_at: '2027-01-21T15:00:00Z',
      seats: 12,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('group_session_facilitators').values({ session_id: session.id, staff_id: consultant.id }).execute();
  await db.insertInto('group_participants').values({ session_id: session.id, worker_id: workerId!, status: 'booked' }).execute();
  const cv = ok<{ id: string }>(await owner.agent.post(`/api/v1/workers/${workerId}/cvs`, { title: `CV ${o.tag}` }), 201);

  // Training, written directly (enrolment has its own tests): a provider, its course, the worker enrolled.
  const provider = await db
    .insertInto('training_providers')
    .values({ network_id: o.networkId, name: `Ente di formazione ${o.tag}`, tax_code: String(80_000_000_000 + o.index) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const courseTitle = `Saldatura ${o.tag}`;
  const course = await db
    .insertInto('training_courses')
    .values({
      network_id: o.networkId,
      provider_id: provider.id,
      title: courseTitle,
      hours: 40,
      start_date: '2027-03-01',
      end_date: '2027-04-30',
      delivery: 'online',
      seats: 10,
      funding: 'gol',
      status: 'open',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const trainingEnrolment = await db
    .insertInto('training_enrolments')
    .values({ network_id: o.networkId, office_id: o.officeId, course_id: course.id, worker_id: workerId!, state: 'enrolled' })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The vacancy of the employer the office's coordinator registers through the API.
  const employerWorld = await buildEmployer(owner.agent, o, ok);
  const vacancyTitle = `Saldatore/trice ${o.tag}`;
  const vacancy = await db
    .insertInto('vacancies')
    .values({
      network_id: o.networkId,
      office_id: o.officeId,
      employer_id: employerWorld.employerId,
      site_id: employerWorld.employerSiteId,
      comune_code: '036040',
      cp2011_code: '6.2.1.2.0',
      title: vacancyTitle,
      contract_type: 'permanent',
      working_time: 'full_time',
      positions: 1,
      deadline: '2099-12-31',
      state: 'published',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ccnlMinimumNote = `Tabella minimi rete ${o.tag}`;
  const ccnlMinimum = await db
    .insertInto('ccnl_minimum_pay')
    .values({
      network_id: o.networkId,
      ccnl_code: 'H011',
      level: `Livello ${o.tag}`,
      monthly_cents: 180_000,
      weekly_hours: 40,
      valid_from: '2025-01-01',
      source_note: ccnlMinimumNote,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const plan = await db
    .insertInto('plans')
    .values({
      network_id: o.networkId,
      office_id: o.officeId,
      worker_id: workerId!,
      programme_id: programmeId,
      consultant_id: consultant.id,
      state: 'signed',
      signed_on: '2026-11-02',
      signed_how: 'paper',
      next_review_on: '2026-11-30',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const place = { network_id: o.networkId, office_id: o.officeId, plan_id: plan.id };
  const theme = await db
    .insertInto('plan_themes')
    .values({ ...place, title: 'Ricerca attiva del lavoro', position: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const objective = await db
    .insertInto('plan_objectives')
    .values({ ...place, theme_id: theme.id, title: 'Un curriculum aggiornato', position: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const planAction = await db
    .insertInto('plan_actions')
    .values({
      ...place,
      objective_id: objective.id,
      owner: 'worker',
      description: `Curriculum di ${o.lastName}`,
      due_on: '2026-11-20',
      position: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const service = await db
    .insertInto('service_records')
    .values({
      network_id: o.networkId,
      office_id: o.officeId,
      worker_id: workerId!,
      programme_id: programmeId,
      staff_id: consultant.id,
      service_code: 'cv_support',
      delivery: 'individual',
      delivered_on: '2026-11-02',
      minutes: 60,
      source_type: 'manual',
      note: `Supporto al CV ${o.tag}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  // The worker hired through the vacancy: the application, its placement and the follow-up at one month.
  const application = await db
    .insertInto('applications')
    .values({
      network_id: o.networkId,
      office_id: o.officeId,
      vacancy_id: vacancy.id,
      worker_id: workerId!,
      source: 'consultant',
      state: 'hired',
      cv_id: cv.id,
      sent_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const placement = await db
    .insertInto('placements')
    .values({
      network_id: o.networkId,
      office_id: o.officeId,
      application_id: application.id,
      vacancy_id: vacancy.id,
      employer_id: employerWorld.employerId,
      worker_id: workerId!,
      contract_type: 'permanent',
      start_date: '2026-11-02',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const followUp = await db
    .insertInto('placement_follow_ups')
    .values({ placement_id: placement.id, office_id: o.officeId, months: 1, due_on: '2026-12-02' })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The offer's terms the hire came from (the worker's pay: shown only within the worker's scope).
  await db
    .insertInto('application_offers')
    .values({
      application_id: application.id,
      contract_type: 'permanent',
      ccnl_code: 'H011',
      ccnl_level: '4',
      weekly_hours: 40,
      monthly_gross_cents: 187_654,
      start_date: '2026-11-02',
      comune_code: null,
      recorded_by: owner.id,
      recorded_at: new Date(),
    })
    .execute();
  const hire = { applicationId: application.id, placementId: placement.id, followUpId: followUp.id };
  return {
    networkId: o.networkId,
    officeId: o.officeId,
    officeName: o.officeName,
    ownerId: owner.id,
    ownerEmail: owner.email,
    worker: {
      id: workerId!,
      firstName: o.firstName,
      lastName: o.lastName,
      codiceFiscale: seed.codiceFiscale!,
      phone: seed.phone!,
      birthDate: seed.birthDate!,
    },
    companyId,
    companyName,
    caseId,
    programmeId,
    programmeName,
    enrollmentId: enrolled.enrollmentId,
    noticeId,
    coordinatorNoticeId,
    callbackId: call.callbackId,
    templateId: template.id,
    templateName,
    campaignId: campaign.id,
    campaignName,
    recipientId: recipient.id,
    importId: job.id,
    importFileName,
    consultantId: consultant.id,
    exceptionId: exception.id,
    roomId: room.id,
    roomName,
    appointmentTypeId: type.id,
    appointmentId: appointment.id,
    sessionId: session.id,
    trainingProviderId: provider.id,
    courseId: course.id,
    courseTitle,
    trainingEnrolmentId: trainingEnrolment.id,
    vacancyId: vacancy.id,
    vacancyTitle,
    ccnlMinimumId: ccnlMinimum.id,
    ccnlMinimumNote,
    planId: plan.id,
    planThemeId: theme.id,
    planObjectiveId: objective.id,
    planActionId: planAction.id,
    serviceRecordId: service.id,
    cvId: cv.id,
    ...employerWorld,
    ...hire,
  };
}

/** An employer registered by the office's coordinator through the API, with a site and an HR contact. */
async function buildEmployer(
  agent: Agent,
  o: { tag: string; index: number },
  ok: <T>(res: { statusCode: number; body: string; json(): T }, status: number) => T,
) {
  const employerName = `Meccanica ${o.tag} S.r.l.`;
  const employerContactName = `Gualtiero Pellacani ${o.tag}`;
  const base = `07${String(o.index).padStart(5, '0')}036`;
  const taxCode = `${base}${partitaIvaCheckDigit(base)}`;
  const employer = ok<{ id: string }>(await agent.post('/api/v1/employers', { name: employerName, taxCode, atecoCode: '28.41' }), 201);
  const withSite = ok<{ sites: Array<{ id: string }> }>(
    await agent.post(`/api/v1/employers/${employer.id}/sites`, { comuneCode: '036040', headOffice: true }),
    201,
  );
  const withContact = ok<{ contacts: Array<{ id: string }> }>(
    await agent.post(`/api/v1/employers/${employer.id}/contacts`, { fullName: employerContactName, role: 'hr' }),
    201,
  );
  return {
    employerId: employer.id,
    employerName,
    employerSiteId: withSite.sites[0]!.id,
    employerContactId: withContact.contacts[0]!.id,
    employerContactName,
  };
}

/** What of a world must never reach a caller of another office: the person's own data. */
export function personalSecrets(w: World): string[] {
  return [w.worker.codiceFiscale, w.worker.phone.slice(3), w.worker.lastName, w.worker.birthDate];
}

/** What must never reach a caller of another network: the person, and everything else of the office. */
export function networkSecrets(w: World): string[] {
  return [
    ...personalSecrets(w),
    w.worker.id,
    w.officeName,
    w.ownerEmail,
    w.companyName,
    w.programmeName,
    w.courseTitle,
    w.vacancyTitle,
    w.ccnlMinimumNote,
    w.templateName,
    w.campaignName,
    w.importFileName,
    w.roomName,
    w.employerName,
    w.employerContactName,
  ];
}
