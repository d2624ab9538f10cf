import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  applicationsEmployer,
  publishedVacancy,
  recordEmployerConsent,
  seedWorkers,
  type SeededWorker,
} from '../../../tests/factories/applications.js';
import { COMUNI } from '../../../tests/factories/vacancies.js';
import { networkOf } from '../../../tests/factories/programmes.js';
import { startLocalTransports, type LocalTransports } from '../../../tests/helpers/local-transports.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { createAuditRepository, createAuditService } from '../audit/index.js';
import { createAppointmentsModule } from '../appointments/index.js';
import { channelsFromEnv } from '../outreach/index.js';
import { createPlacementsModule } from '../placements/index.js';
import { applyProfileChanges } from '../profiles/index.js';
import { cvChoicesSchema } from '../../shared/schemas/cvs.schema.js';
import { createApplicationsModule } from './applications.module.js';
import { REFUSED_THROUGH_LINK } from './employer-link.service.js';

// A matcher of Modena sends candidates to Carpenterie Barbieri & Figli, whose HR office and
// production manager receive candidates (the owner does not): the e-mails reach a real local SMTP
// server, with the CV PDF attached, and the employer answers through the link without an account.

const DAY = 86_400_000;
const mails: ParsedMail[] = [];
const refused = new Set<string>();
let transports: LocalTransports;
let t: TestApp;
let modena: string;
let network: string;
let vacancyId: string;
let employerId: string;
let matcher: Agent;
let consultant: Agent;

const HR = 'selezione@carpenteriebarbieri.it';
const PRODUCTION = 'l.esposito@carpenteriebarbieri.it';
const OWNER = 'titolare@carpenteriebarbieri.it';
const VACANCY = 'Saldatore/saldatrice a filo (MIG/MAG)';
const HIDDEN_SKILL = 'Conduzione di carrelli elevatori';
const SHOWN_SKILL = 'Saldatura a filo continuo MIG/MAG';

const signedIn = async (email: string) => {
  const agent = await signIn(t.app, email);
  expect((await agent.put('/api/v1/auth/session/office', { officeId: modena })).statusCode).toBe(200);
  return agent;
};

const mailsTo = (...to: string[]) => mails.filter((m) => to.includes(m.to && !Array.isArray(m.to) ? m.to.value[0]!.address! : ''));
const mailsAbout = (name: string) => mails.filter((m) => (m.subject ?? '').includes(name));
const tokenOf = (mail: ParsedMail) => /\/esito-candidato\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1]!;
const outcome = (token: string) => `/api/v1/public/candidate-outcome/${token}`;

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'cv-mail-'));
  try {
    const file = join(dir, 'cv.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A worker with a profile of two skills and a CV that hides one of them, living in Carpi. */
async function workerWithProfile(first: string, last: string, consent: boolean | null = true): Promise<SeededWorker> {
  const [w] = await seedWorkers(t.database.db, { networkId: network, officeId: modena, names: [[first, last]], consent });
  const hiddenId = randomUUID();
  await t.database.db.updateTable('workers').set({ residence_comune_code: COMUNI.carpi }).where('id', '=', w!.id).execute();
  await t.database.db.transaction().execute((tx) =>
    applyProfileChanges(tx, {
      workerId: w!.id,
      officeId: modena,
      networkId: network,
      baseVersion: null,
      actorId: null,
      reason: 'edit',
      change: (p) => ({
        ...p,
        skills: [
          { id: randomUUID(), label: SHOWN_SKILL, source: 'declared' as const, keywords: [] },
          { id: hiddenId, label: HIDDEN_SKILL, source: 'declared' as const, keywords: [] },
        ],
      }),
    }),
  );
  await t.database.db
    .updateTable('worker_cvs')
    .set({ choices: JSON.stringify(cvChoicesSchema.parse({ headline: 'Saldatore con patentino', hiddenEntryIds: [hiddenId] })) })
    .where('id', '=', w!.cvId)
    .execute();
  return w!;
}

async function preselected(w: SeededWorker, vacancy = vacancyId) {
  const proposed = await consultant.post('/api/v1/applications', { vacancyId: vacancy, workerId: w.id, source: 'consultant' });
  expect(proposed.statusCode, proposed.body).toBe(201);
  const moved = await matcher.post(`/api/v1/applications/${proposed.json().id}/moves`, { version: 1, action: 'preselect' });
  expect(moved.statusCode, moved.body).toBe(200);
  return moved.json() as { id: string; version: number };
}

async function sent(w: SeededWorker, vacancy = vacancyId) {
  const a = await preselected(w, vacancy);
  const res = await matcher.post(`/api/v1/applications/${a.id}/moves`, { version: a.version, action: 'send', cvId: w.cvId });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  transports = await startLocalTransports({ from: 'CPI Modena <cpi.modena@ricolloca.example>', mails, refusedRecipients: refused });
  t = await createTestApp();
  modena = await officeIdByCode(t.database, 'CPI-MO');
  network = await networkOf(t.database.db, modena);
  const employer = await applicationsEmployer(t.database.db, network, modena);
  employerId = employer.employerId;
  await t.database.db.updateTable('employers').set({ email: 'info@carpenteriebarbieri.it' }).where('id', '=', employerId).execute();
  await t.database.db
    .insertInto('employer_contacts')
    .values([
      { employer_id: employerId, full_name: 'Chiara Barbieri', role: 'hr', email: HR, receives_candidates: true },
      { employer_id: employerId, full_name: 'Luca Esposito', role: 'manager', email: PRODUCTION, receives_candidates: true },
      { employer_id: employerId, full_name: 'Giovanni Barbieri', role: 'owner', email: OWNER, receives_candidates: false },
    ])
    .execute();
  vacancyId = await publishedVacancy(t.database.db, {
    networkId: network,
    officeId: modena,
    employerId,
    siteId: employer.siteIds[0]!,
    title: VACANCY,
    positions: 6,
  });
  matcher = await signedIn(DEMO.matcher);
  consultant = await signedIn(DEMO.consultant);
});
afterAll(async () => {
  await t.close();
  await transports.close();
});

describe('applications: the candidate e-mailed to the employer', () => {
  it('sends one e-mail per contact that receives candidates, with the CV PDF attached and only what the CV shows', async () => {
    const w = await workerWithProfile('Alessandro', 'Ferrari');
    const application = await sent(w);
    const received = mailsAbout('Alessandro Ferrari');
    expect(received.map((m) => (m.to as { value: Array<{ address: string }> }).value[0]!.address).sort()).toEqual([PRODUCTION, HR].sort());
    expect(mailsTo(OWNER)).toEqual([]);
    for (const mail of received) {
      expect(mail.subject).toBe(`Candidato per «${VACANCY}»: Alessandro Ferrari`);
      expect(mail.text).toContain('Residenza: Carpi (MO)');
      expect(mail.text).toContain('Profilo: Saldatore con patentino');
      expect(mail.text).toContain(SHOWN_SKILL);
      expect(mail.text).not.toContain(HIDDEN_SKILL);
      // Whom to answer: the matcher who sent it and the office.
      expect(mail.text).toContain(matcherName);
      expect(mail.text).toMatch(/\/esito-candidato\/[A-Za-z0-9_-]{24}/);
      expect(mail.attachments).toHaveLength(1);
      const [cv] = mail.attachments;
      expect(cv!.filename).toBe('CV-Ferrari-Alessandro.pdf');
      expect(cv!.contentType).toBe('application/pdf');
      expect(cv!.content.subarray(0, 4).toString()).toBe('%PDF');
      const text = pdfText(cv!.content);
      expect(text).toContain('Ferrari');
      expect(text).toContain(SHOWN_SKILL);
      expect(text).not.toContain(HIDDEN_SKILL);
    }
    // Each e-mail has a link of its own; only hashes are stored.
    expect(new Set(received.map(tokenOf)).size).toBe(2);
    const stored = await t.database.db
      .selectFrom('application_links')
      .select('token_hash')
      .where('application_id', '=', application.id)
      .execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(tokenOf(received[0]!));
    const detail = (await matcher.get(`/api/v1/applications/${application.id}`)).json();
    expect(detail.employerMessages).toHaveLength(2);
    expect(detail.employerMessages.map((m: { recipient: string }) => m.recipient).sort()).toEqual([PRODUCTION, HR].sort());
    for (const m of detail.employerMessages) {
      expect(m).toMatchObject({ kind: 'candidate', sequence: 1, status: 'sent', transport: 'smtp', error: null, sentByName: matcherName });
      expect(m.attachmentName).toBe('CV-Ferrari-Alessandro.pdf');
    }
    expect(detail.canResend).toBe(true);
  });

  it('refuses to send without the worker’s consent, and no e-mail leaves', async () => {
    const w = await workerWithProfile('Martina', 'Romano', false);
    const a = await preselected(w);
    const before = mails.length;
    const res = await matcher.post(`/api/v1/applications/${a.id}/moves`, { version: a.version, action: 'send', cvId: w.cvId });
    expectProblem(res, 422, 'APPLICATION_CONSENT_MISSING');
    expect(mails.length).toBe(before);
    expect((await matcher.get(`/api/v1/applications/${a.id}`)).json()).toMatchObject({ state: 'preselected', employerMessages: [] });
  });

  it('keeps the move when the mail server refuses an address, shows the failure and sends again on request', async () => {
    const w = await workerWithProfile('Giuseppe', 'Colombo');
    refused.add(PRODUCTION);
    const application = await sent(w);
    expect(application.state).toBe('sent');
    expect(mailsAbout('Giuseppe Colombo').map((m) => (m.to as { text: string }).text)).toEqual([HR]);
    const failed = application.employerMessages.find((m: { recipient: string }) => m.recipient === PRODUCTION);
    expect(failed).toMatchObject({ status: 'failed', transport: 'smtp' });
    expect(failed.error).toMatch(/Mailbox unavailable/);
    expect(application.employerMessages.find((m: { recipient: string }) => m.recipient === HR)).toMatchObject({ status: 'sent' });

    // 401, 403 (a consultant), 400, 409 (stale) before the resend itself.
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/applications/${application.id}/resend`, payload: { version: 1 } })).statusCode,
    ).toBe(401);
    expectProblem(
      await consultant.post(`/api/v1/applications/${application.id}/resend`, { version: application.version }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await matcher.post(`/api/v1/applications/${application.id}/resend`, {}), 400, 'VALIDATION_FAILED');
    expectProblem(
      await matcher.post(`/api/v1/applications/${application.id}/resend`, { version: 99 }),
      409,
      'APPLICATION_VERSION_CONFLICT',
    );

    refused.delete(PRODUCTION);
    const again = await matcher.post(`/api/v1/applications/${application.id}/resend`, { version: application.version });
    expect(again.statusCode, again.body).toBe(200);
    const second = again.json().employerMessages.filter((m: { sequence: number }) => m.sequence === 2);
    expect(second.map((m: { status: string }) => m.status)).toEqual(['sent', 'sent']);
    expect(mailsAbout('Giuseppe Colombo').filter((m) => (m.to as { text: string }).text === PRODUCTION)).toHaveLength(1);
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', application.id)
      .where('action', '=', 'application.resend')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('writes to the employer’s own address when no contact receives candidates', async () => {
    const other = await t.database.db
      .insertInto('employers')
      .values({ network_id: network, office_id: modena, name: 'Ceramiche Ricci S.p.A.', email: 'personale@ceramicericci.it' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('employer_contacts')
      .values({
        employer_id: other.id,
        full_name: 'Marco Ricci',
        role: 'owner',
        email: 'marco@ceramicericci.it',
        receives_candidates: false,
      })
      .execute();
    const site = await t.database.db
      .insertInto('employer_sites')
      .values({ employer_id: other.id, name: '', address: 'Via Ghiarola Nuova 20', comune_code: COMUNI.sassuolo, head_office: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ceramics = await publishedVacancy(t.database.db, {
      networkId: network,
      officeId: modena,
      employerId: other.id,
      siteId: site.id,
      title: 'Addetto/a alla smaltatura',
    });
    const w = await workerWithProfile('Chiara', 'Conti');
    await sent(w, ceramics);
    expect(mailsAbout('Chiara Conti').map((m) => (m.to as { text: string }).text)).toEqual(['personale@ceramicericci.it']);
  });

  it('allows the sending to an employer without any address and says it must go by hand', async () => {
    const other = await t.database.db
      .insertInto('employers')
      .values({ network_id: network, office_id: modena, name: 'Panificio Conti di Sassuolo' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const site = await t.database.db
      .insertInto('employer_sites')
      .values({ employer_id: other.id, name: '', address: 'Via Radici 4', comune_code: COMUNI.sassuolo, head_office: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    const bakery = await publishedVacancy(t.database.db, {
      networkId: network,
      officeId: modena,
      employerId: other.id,
      siteId: site.id,
      title: 'Aiuto panettiere',
    });
    const w = await workerWithProfile('Sofia', 'Ricci');
    const before = mails.length;
    const application = await sent(w, bakery);
    expect(application.state).toBe('sent');
    expect(mails.length).toBe(before);
    expect(application.employerMessages).toEqual([expect.objectContaining({ kind: 'candidate', recipient: '', status: 'no_address' })]);
  });
});

describe('applications: the employer reminders and the outcome link', () => {
  // The fake clock moves days on: sessions are opened again for each test.
  beforeEach(async () => {
    matcher = await signedIn(DEMO.matcher);
    consultant = await signedIn(DEMO.consultant);
  });

  it('reminds the same contacts at 7 and 14 days, naming the candidate, with the outcome link', async () => {
    const w = await workerWithProfile('Francesca', 'Bianchi');
    const application = await sent(w);
    const audit = createAuditService({ db: t.database.db, repository: createAuditRepository() });
    const placements = createPlacementsModule({ db: t.database.db, audit, clock: t.clock, reopenAfterEarlyEnd: async () => [] });
    const { applications } = createApplicationsModule({
      db: t.database.db,
      audit,
      clock: t.clock,
      placements: placements.placements,
      placeOnHire: async () => [],
      interviews: createAppointmentsModule({ db: t.database.db, audit, clock: t.clock, channels: channelsFromEnv() }).interviews,
      email: channelsFromEnv().email,
      publicUrl: 'https://lavoro.provincia.modena.it',
    });
    const reminders = () => mails.filter((m) => m.subject === `Promemoria: la candidatura di Francesca Bianchi per «${VACANCY}»`);
    t.clock.advance(6 * DAY);
    await applications.expireOverdue();
    expect(reminders()).toHaveLength(0);
    t.clock.advance(2 * DAY);
    await applications.expireOverdue();
    expect(
      reminders()
        .map((m) => (m.to as { text: string }).text)
        .sort(),
    ).toEqual([PRODUCTION, HR].sort());
    expect(reminders()[0]!.text).toContain(`la candidatura di Francesca Bianchi per l’offerta «${VACANCY}»`);
    expect(reminders()[0]!.text).toMatch(/https:\/\/lavoro\.provincia\.modena\.it\/esito-candidato\/[A-Za-z0-9_-]{24}/);
    expect(reminders()[0]!.attachments).toHaveLength(0);
    // The same day again sends nothing twice; at 14 days the second reminder.
    await applications.expireOverdue();
    expect(reminders()).toHaveLength(2);
    t.clock.advance(7 * DAY);
    await applications.expireOverdue();
    expect(reminders()).toHaveLength(4);
    expect(reminders()[3]!.text).toContain('non abbiamo ancora un riscontro');
    // A worker who withdraws the consent gets no reminder about them: the row says why.
    const withdrawn = await workerWithProfile('Matteo', 'Barbieri');
    matcher = await signedIn(DEMO.matcher);
    consultant = await signedIn(DEMO.consultant);
    const quiet = await sent(withdrawn);
    await recordEmployerConsent(t.database.db, withdrawn.id, modena, false);
    t.clock.advance(8 * DAY);
    await applications.expireOverdue();
    expect(mails.filter((m) => m.subject?.startsWith('Promemoria: la candidatura di Matteo Barbieri'))).toEqual([]);
    const quietRows = await t.database.db
      .selectFrom('application_messages')
      .select(['status', 'error'])
      .where('application_id', '=', quiet.id)
      .where('kind', '=', 'reminder')
      .execute();
    expect(quietRows).toEqual([{ status: 'failed', error: expect.stringContaining('revocato il consenso') }]);
    const token = tokenOf(reminders()[3]!);
    const show = await t.app.inject({ method: 'GET', url: outcome(token) });
    expect(show.statusCode, show.body).toBe(200);
    expect(show.json().candidate).toBe('Francesca B.');
    matcher = await signedIn(DEMO.matcher);
    const detail = (await matcher.get(`/api/v1/applications/${application.id}`)).json();
    expect(
      detail.employerMessages.filter((m: { kind: string }) => m.kind === 'reminder').map((m: { sequence: number }) => m.sequence),
    ).toEqual([7, 7, 14, 14]);
  });

  it('shows the candidate by first name and initial, records the answers and refuses the application as a system move', async () => {
    const w = await workerWithProfile('Nicolò', "D'Angelo");
    const application = await sent(w);
    const [first, second] = mailsAbout("Nicolò D'Angelo");
    const token = tokenOf(first!);

    // A wrong token is 404, a malformed body 400, both problem+json in Italian and English.
    const unknown = await t.app.inject({ method: 'GET', url: outcome(randomBytes(18).toString('base64url')) });
    expectProblem(unknown, 404, 'APPLICATION_LINK_INVALID');
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const bad = await t.app.inject({ method: 'POST', url: outcome(token), payload: { answer: 'hired' } });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expectProblem(
      await t.app.inject({ method: 'POST', url: outcome(token), payload: { answer: 'not_selected', reason: 'hired_elsewhere' } }),
      400,
      'VALIDATION_FAILED',
    );
    const other = await t.app.inject({ method: 'POST', url: outcome(token), payload: { answer: 'not_selected', reason: 'other' } });
    expectProblem(other, 400, 'VALIDATION_FAILED');
    expect(other.json().errors).toEqual([expect.objectContaining({ path: 'body/note' })]);

    const shown = await t.app.inject({ method: 'GET', url: outcome(token) });
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({
      vacancyTitle: VACANCY,
      employerName: 'Carpenterie Barbieri & Figli S.r.l.',
      candidate: 'Nicolò D.',
      choices: ['wants_interview', 'not_selected'],
      answers: [],
    });
    expect(shown.json().reasons.map((r: { code: string }) => r.code)).toEqual([
      'profile_not_suitable',
      'position_filled',
      'no_show',
      'other',
    ]);
    expect(shown.body).not.toContain("D'Angelo");

    const interview = await t.app.inject({
      method: 'POST',
      url: outcome(token),
      payload: { answer: 'wants_interview', note: 'Martedì o mercoledì mattina, chiedere di Chiara' },
    });
    expect(interview.statusCode, interview.body).toBe(200);
    expect(interview.json().answers).toEqual([expect.objectContaining({ answer: 'wants_interview' })]);

    // The other contact's link answers for the same candidate: not selected.
    const no = await t.app.inject({
      method: 'POST',
      url: outcome(tokenOf(second!)),
      payload: { answer: 'not_selected', reason: 'position_filled' },
    });
    expect(no.statusCode, no.body).toBe(200);
    const detail = (await matcher.get(`/api/v1/applications/${application.id}`)).json();
    expect(detail.state).toBe('refused');
    expect(detail.reasonCode).toBe('position_filled');
    const answers = detail.events.filter((e: { kind: string }) => e.kind === 'employer_answer');
    expect(answers).toEqual([
      expect.objectContaining({ reasonCode: 'wants_interview', note: 'Martedì o mercoledì mattina, chiedere di Chiara', actorName: null }),
      expect.objectContaining({ reasonCode: 'position_filled', actorName: null }),
    ]);
    expect(detail.events.at(-1)).toMatchObject({ kind: 'move', from: 'sent', to: 'refused', note: REFUSED_THROUGH_LINK, actorName: null });
    expect(detail.canResend).toBe(false);

    const notices = await t.database.db
      .selectFrom('staff_notifications')
      .select(['recipient_role', 'payload'])
      .where('kind', '=', 'application.employer_answer')
      .where('office_id', '=', modena)
      .execute();
    expect(notices.filter((n) => JSON.stringify(n.payload).includes(application.id)).map((n) => n.recipient_role)).toEqual([
      'matcher',
      'matcher',
    ]);
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', application.id)
      .where('action', 'in', ['application.employer_answer', 'application.outcome_link_opened'])
      .execute();
    expect(audited.map((a) => a.action).sort()).toEqual([
      'application.employer_answer',
      'application.employer_answer',
      'application.outcome_link_opened',
    ]);
    expect(audited.every((a) => a.actor_id === null)).toBe(true);

    // A final answer ends both links.
    expectProblem(
      await t.app.inject({ method: 'POST', url: outcome(token), payload: { answer: 'wants_interview' } }),
      410,
      'APPLICATION_LINK_EXPIRED',
    );
    expectProblem(await t.app.inject({ method: 'GET', url: outcome(tokenOf(second!)) }), 410, 'APPLICATION_LINK_EXPIRED');
  });

  it('expires the link at the sending plus the network’s expiry days', async () => {
    const w = await workerWithProfile('Giulia', 'Esposito');
    await sent(w);
    const token = tokenOf(mailsAbout('Giulia Esposito')[0]!);
    expect((await t.app.inject({ method: 'GET', url: outcome(token) })).statusCode).toBe(200);
    t.clock.advance(61 * DAY);
    expectProblem(await t.app.inject({ method: 'GET', url: outcome(token) }), 410, 'APPLICATION_LINK_EXPIRED');
    expectProblem(
      await t.app.inject({ method: 'POST', url: outcome(token), payload: { answer: 'not_selected', reason: 'profile_not_suitable' } }),
      410,
      'APPLICATION_LINK_EXPIRED',
    );
  });
});

const matcherName = 'Sara Colombo';
