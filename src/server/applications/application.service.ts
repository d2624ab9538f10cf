import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { canActOnWorker, requireNetwork, requireOffice, staffNamesById, type ActorContext, type RequestContext } from '../auth/index.js';
import { contractChecklist, lookUpAndCheckOfferPay, type HireFacts } from '../contracts/index.js';
import { cvById } from '../cv/index.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Executor } from '../db/executor.js';
import type { DB } from '../db/schema.js';
import type { FieldError } from '../http/problem.js';
import { officeNamesById } from '../organisation/index.js';
import type { EmployerInterviews } from '../appointments/index.js';
import { appendWorkerEvent, latestConsentOf, workerRefsByIds } from '../people/index.js';
import type { PlacementService } from '../placements/index.js';
import { insertStaffNotice } from '../programmes/index.js';
import { existingConceptCodes } from '../taxonomy/index.js';
import { takeVacancyPosition, vacancyRefsByIds } from '../vacancies/index.js';
import { romeToday } from '../../shared/time/rome-time.js';
import {
  pickableReasons,
  type ApplicationDetail,
  type ApplicationMoveRequest,
  type ApplicationWarning,
  HIRE_FACT_NAMES,
  type ChecklistTickRequest,
  type HireFactsRequest,
  type ProposeApplicationRequest,
} from '../../shared/schemas/applications.schema.js';
import { applicationErrors as E, applicationFieldMessages as M } from './application.errors.js';
import { rolesInApplicationOffice } from './application.policy.js';
import type {
  ApplicationChange,
  ApplicationRepository,
  ApplicationRow,
  NewApplicationEvent,
  OfferTermsRow,
} from './application.repository.js';
import { offerBelowMinimumWarning } from './offer-warning.js';
import { applicationSummaries } from './application-views.js';
import {
  APPLICATION_MATCHERS,
  APPLICATION_PROPOSERS,
  AWAITING_EMPLOYER_STATES,
  DEFAULT_EXPIRY_DAYS,
  findApplicationMove,
} from './application.states.js';
import type { EmployerMailRepository } from './employer-mail.repository.js';
import type { EmployerMail, EmployerReminder, EmployerReminderSender } from './employer-mail.service.js';

export { DEFAULT_EXPIRY_DAYS };
export type { EmployerReminder, EmployerReminderSender };

/** What a hire does to the worker's programme enrolment: programmes' published move, handed in by buildApp. */
export type PlaceOnHire = (
  trx: Executor,
  ctx: ActorContext,
  input: { workerId: string; reason: string },
) => Promise<Array<{ enrollmentId: string; programmeId: string; promoted: number }>>;

/** Without a mail channel (a test's service), a reminder due is recorded on the application's log only. */
export const recordOnlyReminder: EmployerReminderSender = async () => undefined;

const REMINDER_DAYS = [7, 14] as const;

type Deps = {
  db: Kysely<DB>;
  repository: ApplicationRepository;
  audit: AuditService;
  clock: () => Date;
  placements: PlacementService;
  placeOnHire: PlaceOnHire;
  interviews: EmployerInterviews;
  sendEmployerReminder?: EmployerReminderSender;
  /** The e-mails to the employer (candidate with CV, reminders); absent: nothing is sent. */
  employerMail?: EmployerMail;
  mailRepository: EmployerMailRepository;
};

const HIRED_ELSEWHERE = 'hired_elsewhere';

/** The closes that cancel an interview still ahead (an offer follows a held interview: it stays). */
const CLOSES_BEFORE_INTERVIEW: readonly ApplicationRow['state'][] = ['refused', 'declined', 'withdrawn', 'expired'];

/** Why the agenda cancels the interview, in the words the worker's cancellation carries. */
const INTERVIEW_CANCEL_REASON: Partial<Record<ApplicationRow['state'], string>> = {
  refused: 'L’azienda ha chiuso la candidatura',
  declined: 'La candidatura è stata ritirata su sua richiesta',
  withdrawn: 'La candidatura è stata ritirata dal centro per l’impiego',
  expired: 'La candidatura è scaduta senza risposta dell’azienda',
};

/** The interview was booked over a meeting the worker already has: said, not refused (the employer set the time). */
function interviewOverlapWarning(ctx: ActorContext, overlaps: number): ApplicationWarning {
  const it = `Il lavoratore ha già ${overlaps === 1 ? 'un appuntamento' : `${overlaps} appuntamenti`} in quell’orario: spostarlo dall’agenda.`;
  const en = `The worker already has ${overlaps === 1 ? 'a meeting' : `${overlaps} meetings`} at that time: move it from the agenda.`;
  return { code: 'INTERVIEW_OVERLAPS_MEETING', message: ctx.actor.language === 'en' ? en : it, messages: { it, en } };
}

/**
 * The worker's timeline line of an application move (people's appendWorkerEvent, in the move's
 * transaction): `application.<state reached>`, or `application.withdrawn_hired_elsewhere`.
 */
function timelineLine(
  trx: Executor,
  p: {
    row: Pick<ApplicationRow, 'id' | 'vacancyId' | 'workerId' | 'officeId'>;
    workerOfficeId: string;
    kind: string;
    actorId: string | null;
    at: Date;
    details?: Record<string, unknown>;
  },
) {
  return appendWorkerEvent(trx, {
    workerId: p.row.workerId,
    officeId: p.workerOfficeId,
    kind: p.kind,
    actorId: p.actorId,
    at: p.at,
    details: { applicationId: p.row.id, vacancyId: p.row.vacancyId, applicationOfficeId: p.row.officeId, ...p.details },
  });
}

type HireInput = NonNullable<ApplicationMoveRequest['hire']>;

/** The states whose application shows the offer's checklist and incentives. */
const CHECKLIST_STATES: readonly ApplicationRow['state'][] = ['offer', 'hired'];

/**
 * What is known of the hire: the offer's contract type and the facts the matcher has recorded since
 * (a fact not known is left out: unknown, never false).
 */
const hireFactsOf = (offer: Pick<OfferTermsRow, 'contractType' | 'facts'>): HireFacts => {
  const facts: HireFacts = { contractType: offer.contractType };
  for (const name of HIRE_FACT_NAMES) {
    const value = offer.facts?.[name];
    if (value !== null && value !== undefined) facts[name] = value;
  }
  return facts;
};

/** The offer's stored warning, in the caller's language first. */
function warningsOf(offer: OfferTermsRow, ctx: ActorContext): ApplicationWarning[] {
  if (!offer.warningIt) return [];
  const en = ctx.actor.language === 'en';
  return [
    {
      code: 'OFFER_BELOW_CCNL_MINIMUM',
      message: en ? offer.warningEn : offer.warningIt,
      messages: { it: offer.warningIt, en: offer.warningEn },
    },
  ];
}

const senderOf = (ctx: ActorContext) => ({ userId: ctx.actor.userId, fullName: ctx.actor.fullName, email: ctx.actor.email });

export function createApplicationService(deps: Deps) {
  const { db, repository: repo, audit, clock, placements, placeOnHire, interviews, employerMail, mailRepository } = deps;

  /** The interview still ahead of a closing application, cancelled in its transaction (the worker told). */
  async function cancelInterviewOnClose(trx: Executor, ctx: RequestContext, applicationId: string, to: ApplicationRow['state']) {
    if (!CLOSES_BEFORE_INTERVIEW.includes(to)) return null;
    return interviews.cancel(trx, ctx, { applicationId, reason: INTERVIEW_CANCEL_REASON[to] ?? 'Candidatura chiusa' });
  }
  const sendReminder = deps.sendEmployerReminder ?? employerMail?.sendReminder ?? recordOnlyReminder;

  /** The actor is a matcher, coordinator or administrator of the application's office. */
  const matchesFor = (ctx: ActorContext, row: ApplicationRow) =>
    rolesInApplicationOffice(ctx.actor, row).some((r) => APPLICATION_MATCHERS.includes(r));

  async function inNetwork(executor: Executor, ctx: ActorContext, id: string): Promise<ApplicationRow> {
    const row = await repo.find(executor, id);
    if (!row || row.networkId !== requireNetwork(ctx.actor)) throw E.notFound();
    return row;
  }

  async function detail(executor: Executor, ctx: ActorContext, row: ApplicationRow): Promise<ApplicationDetail> {
    const [[summary], events, placementIds, offer, ticks, messages] = await Promise.all([
      applicationSummaries(executor, ctx.actor, [row]),
      repo.eventsOf(executor, row.id),
      placements.idsByApplications(executor, [row.id]),
      repo.offerOf(executor, row.id),
      repo.ticksOf(executor, row.id),
      mailRepository.messagesOf(executor, row.id),
    ]);
    const actors = await staffNamesById(executor, [
      ...events.map((e) => e.actorId),
      ...messages.map((m) => m.sentBy),
      offer?.recordedBy ?? null,
      ...ticks.map((t) => t.tickedBy),
    ]);
    // The offer's pay and the checklist are the worker's: shown to who may see the worker.
    const inScope = summary!.worker.inScope;
    const walked = inScope && CHECKLIST_STATES.includes(row.state);
    const checklist = walked ? contractChecklist({ hire: offer ? hireFactsOf(offer) : undefined }) : null;
    const ticked = new Map(ticks.map((t) => [t.itemCode, t]));
    return {
      ...summary!,
      // The CV sent is the worker's personal data: shown to who may see the worker.
      cvId: summary!.worker.inScope ? row.cvId : null,
      // The e-mails name the candidate: shown to who may see the worker.
      employerMessages: inScope
        ? messages.map((m) => ({
            kind: m.kind,
            sequence: m.sequence,
            recipient: m.recipient,
            subject: m.subject,
            attachmentName: m.attachmentName,
            transport: m.transport,
            status: m.status,
            error: m.error,
            sentByName: m.sentBy ? (actors.get(m.sentBy) ?? null) : null,
            createdAt: m.createdAt.toISOString(),
            sentAt: m.sentAt?.toISOString() ?? null,
          }))
        : [],
      canResend: inScope && AWAITING_EMPLOYER_STATES.includes(row.state) && matchesFor(ctx, row),
      placementId: placementIds.get(row.id) ?? null,
      events: events.map((e) => ({
        kind: e.kind,
        from: e.from,
        to: e.to,
        reasonCode: e.reasonCode,
        note: summary!.worker.inScope ? e.note : '',
        actorName: e.actorId ? (actors.get(e.actorId) ?? null) : null,
        at: e.at.toISOString(),
      })),
      offer:
        inScope && offer
          ? {
              contractType: offer.contractType,
              ccnlCode: offer.ccnlCode,
              ccnlLevel: offer.ccnlLevel,
              weeklyHours: offer.weeklyHours,
              monthlyGrossCents: offer.monthlyGrossCents,
              startDate: offer.startDate,
              probationDays: offer.probationDays,
              comuneCode: offer.comuneCode,
              belowMinimum: offer.belowMinimum,
              proratedMinimumCents: offer.proratedMinimumCents,
              recordedByName: offer.recordedBy ? (actors.get(offer.recordedBy) ?? null) : null,
              recordedAt: offer.recordedAt.toISOString(),
            }
          : null,
      warnings: inScope && offer ? warningsOf(offer, ctx) : [],
      incentives: checklist?.incentives ?? null,
      checklist: checklist
        ? checklist.items.map((i) => {
            const t = ticked.get(i.code);
            return {
              code: i.code,
              section: i.section,
              label: i.label,
              help: i.help,
              sourceUrl: i.sourceUrl ?? null,
              done: t !== undefined,
              doneByName: t?.tickedBy ? (actors.get(t.tickedBy) ?? null) : null,
              doneAt: t ? t.tickedAt.toISOString() : null,
            };
          })
        : null,
      hireFacts: inScope && offer?.facts ? offer.facts : null,
    };
  }

  /** The offer's terms checked beside their fields (`body/offer/...`), and the pay checked against the CCNL minimum. */
  async function checkedOffer(
    row: ApplicationRow,
    input: NonNullable<ApplicationMoveRequest['offer']>,
    errors: FieldError[],
  ): Promise<Omit<OfferTermsRow, 'recordedBy' | 'recordedAt'> | undefined> {
    const before = errors.length;
    if (input.startDate < romeToday(clock())) errors.push({ path: 'body/offer/startDate', message: M.startDateInPast });
    const known = await existingConceptCodes(db, [input.ccnlCode], ['ccnl']);
    if (!known.has(input.ccnlCode)) errors.push({ path: 'body/offer/ccnlCode', message: M.unknownCcnl });
    if (errors.length > before) return undefined;
    const level = input.ccnlLevel.replace(/\s+/g, ' ');
    const { check } = await lookUpAndCheckOfferPay(db, row.networkId, {
      ccnlCode: input.ccnlCode,
      level: input.ccnlLevel,
      weeklyHours: input.weeklyHours,
      offeredMonthlyCents: input.monthlyGrossCents,
      date: input.startDate,
    });
    const warning =
      check.known && check.belowMinimum
        ? offerBelowMinimumWarning({ ...input, ccnlLevel: level, proratedMinimumCents: check.proratedMinimumCents })
        : null;
    return {
      applicationId: row.id,
      contractType: input.contractType,
      ccnlCode: input.ccnlCode,
      ccnlLevel: level,
      weeklyHours: input.weeklyHours,
      monthlyGrossCents: input.monthlyGrossCents,
      startDate: input.startDate,
      probationDays: input.probationDays ?? 0,
      comuneCode: input.comuneCode ?? null,
      belowMinimum: check.known ? check.belowMinimum : null,
      proratedMinimumCents: check.known ? check.proratedMinimumCents : null,
      warningIt: warning?.it ?? '',
      warningEn: warning?.en ?? '',
    };
  }

  /** The fields a move needs, every fault at once beside its field. */
  async function checkedChange(
    row: ApplicationRow,
    input: ApplicationMoveRequest,
  ): Promise<{ change: ApplicationChange; offer?: Omit<OfferTermsRow, 'recordedBy' | 'recordedAt'>; hire?: HireInput }> {
    const move = findApplicationMove(input.action, row.state)!;
    const errors: FieldError[] = [];
    const change: ApplicationChange = { state: move.to };
    let offer: Omit<OfferTermsRow, 'recordedBy' | 'recordedAt'> | undefined;
    let hire: HireInput | undefined;
    const note = input.note?.trim() ?? '';
    if (move.reasons) {
      const reason = input.reason?.trim() ?? '';
      if (!reason) errors.push({ path: 'body/reason', message: M.reasonRequired });
      else if (!pickableReasons(move.reasons).includes(reason)) errors.push({ path: 'body/reason', message: M.unknownReason });
      else if (reason === 'other' && !note) errors.push({ path: 'body/note', message: M.noteRequired });
      change.reasonCode = reason;
    }
    if (move.needs === 'cv') {
      if (!input.cvId) errors.push({ path: 'body/cvId', message: M.cvRequired });
      else if (!(await cvById(db, row.workerId, input.cvId))) errors.push({ path: 'body/cvId', message: M.cvOfAnotherWorker });
      change.cvId = input.cvId;
      change.sentAt = clock();
    }
    if (move.needs === 'interview') {
      if (!input.interview) errors.push({ path: 'body/interview', message: M.interviewRequired });
      else change.interview = { at: new Date(input.interview.at), place: input.interview.place, contact: input.interview.contact ?? '' };
    }
    if (move.needs === 'offer') {
      if (!input.offer) errors.push({ path: 'body/offer', message: M.offerRequired });
      else offer = await checkedOffer(row, input.offer, errors);
    }
    if (move.needs === 'hire') {
      // The hire's contract and start default to the offer's terms when the offer recorded them.
      const terms = input.hire ? undefined : await repo.offerOf(db, row.id);
      hire = input.hire ?? (terms ? { contractType: terms.contractType, startDate: terms.startDate } : undefined);
      if (!hire) errors.push({ path: 'body/hire', message: M.hireRequired });
    }
    if (errors.length > 0) throw E.invalidFields(errors);
    return { change, offer, hire };
  }

  /**
   * The hire, inside the move's transaction: one position of the vacancy taken under its row lock
   * (the vacancy refuses when none is left, and is filled by the last), the placement with its
   * follow-ups, the worker's enrolment closed as placed (the freed place goes to the waiting list),
   * and the worker's other open applications withdrawn, each office told.
   */
  async function hire(trx: Executor, ctx: ActorContext, row: ApplicationRow, input: HireInput, now: Date, workerOfficeId: string) {
    const taken = await takeVacancyPosition(trx, row.vacancyId, now);
    const vacancy = (await vacancyRefsByIds(trx, [row.vacancyId])).get(row.vacancyId)!;
    const placementId = await placements.createInTransaction(
      trx,
      ctx,
      {
        networkId: row.networkId,
        officeId: row.officeId,
        applicationId: row.id,
        vacancyId: row.vacancyId,
        employerId: vacancy.employerId,
        workerId: row.workerId,
        contractType: input.contractType,
        startDate: input.startDate,
      },
      row.proposedBy ?? ctx.actor.userId,
    );
    const enrolments = await placeOnHire(trx, ctx, { workerId: row.workerId, reason: `Assunzione: ${vacancy.title}` });
    const withdrawn = await repo.closeOpenOfWorker(trx, row.workerId, row.id, 'withdrawn', HIRED_ELSEWHERE, now);
    await repo.logEvents(
      trx,
      withdrawn.map((w) => ({
        applicationId: w.id,
        kind: 'move' as const,
        from: w.from,
        to: 'withdrawn' as const,
        reasonCode: HIRED_ELSEWHERE,
        note: `Assunto con la candidatura a «${vacancy.title}»`,
        actorId: null,
        at: now,
      })),
    );
    for (const w of withdrawn) {
      if (w.from === 'interview') await cancelInterviewOnClose(trx, ctx, w.id, 'withdrawn');
      await timelineLine(trx, {
        row: { id: w.id, vacancyId: w.vacancyId, workerId: row.workerId, officeId: w.officeId },
        workerOfficeId,
        kind: 'application.withdrawn_hired_elsewhere',
        actorId: null,
        at: now,
        details: { from: w.from, to: 'withdrawn', reason: HIRED_ELSEWHERE, hiredThrough: row.id, hiredFor: row.vacancyId },
      });
      await insertStaffNotice(
        trx,
        {
          officeId: w.officeId,
          recipientRole: 'matcher',
          kind: 'application.withdrawn_hired_elsewhere',
          payload: { applicationId: w.id, vacancyId: w.vacancyId, workerId: row.workerId, hiredFor: row.vacancyId },
        },
        now,
      );
      await audit.record(trx, ctx, {
        action: 'application.withdraw',
        entityType: 'application',
        entityId: w.id,
        officeId: w.officeId,
        details: { from: w.from, to: 'withdrawn', reason: HIRED_ELSEWHERE, hiredThrough: row.id },
      });
    }
    return {
      placementId,
      vacancyFilled: taken.filled,
      enrolments: enrolments.map((e) => e.enrollmentId),
      withdrawn: withdrawn.map((w) => w.id),
    };
  }

  return {
    async propose(ctx: ActorContext, input: ProposeApplicationRequest): Promise<ApplicationDetail> {
      const networkId = requireNetwork(ctx.actor);
      const { officeId } = requireOffice(ctx.actor);
      if (!ctx.actor.roles.some((r) => APPLICATION_PROPOSERS.includes(r))) throw E.moveForbidden();
      const vacancy = (await vacancyRefsByIds(db, [input.vacancyId])).get(input.vacancyId);
      if (!vacancy || vacancy.networkId !== networkId) throw E.vacancyNotFound();
      const worker = (await workerRefsByIds(db, [input.workerId])).get(input.workerId);
      if (!worker || !canActOnWorker(ctx.actor, worker)) throw E.workerNotFound();
      if (vacancy.state !== 'published') throw E.vacancyNotOpen();
      const alreadyProposed = async () => {
        const existing = await repo.openFor(db, input.vacancyId, input.workerId);
        return existing ? E.alreadyProposed((await officeNamesById(db, [existing.officeId])).get(existing.officeId) ?? '') : undefined;
      };
      const known = await alreadyProposed();
      if (known) throw known;
      const now = clock();
      let id: string;
      try {
        id = await db.transaction().execute(async (trx) => {
          const newId = await repo.insert(
            trx,
            {
              networkId,
              officeId,
              vacancyId: input.vacancyId,
              workerId: input.workerId,
              source: input.source,
              proposedBy: ctx.actor.userId,
            },
            now,
          );
          await repo.logEvents(trx, [
            {
              applicationId: newId,
              kind: 'move',
              from: null,
              to: 'proposed',
              reasonCode: input.source,
              note: input.note ?? '',
              actorId: ctx.actor.userId,
              at: now,
            },
          ]);
          await timelineLine(trx, {
            row: { id: newId, vacancyId: input.vacancyId, workerId: input.workerId, officeId },
            workerOfficeId: worker.officeId,
            kind: 'application.proposed',
            actorId: ctx.actor.userId,
            at: now,
            details: { from: null, to: 'proposed', vacancyTitle: vacancy.title, source: input.source },
          });
          await audit.record(trx, ctx, {
            action: 'application.proposed',
            entityType: 'application',
            entityId: newId,
            entityLabel: vacancy.title,
            officeId,
            details: { vacancyId: input.vacancyId, workerId: input.workerId, source: input.source },
          });
          return newId;
        });
      } catch (err) {
        // Two offices proposing the same worker at the same instant: the unique index decides.
        if (isUniqueViolation(err, 'applications_open_unique')) throw (await alreadyProposed()) ?? err;
        throw err;
      }
      return detail(db, ctx, (await repo.find(db, id))!);
    },

    async move(ctx: ActorContext, id: string, input: ApplicationMoveRequest): Promise<ApplicationDetail> {
      const before = await inNetwork(db, ctx, id);
      const roles = rolesInApplicationOffice(ctx.actor, before);
      if (!roles.some((r) => APPLICATION_MATCHERS.includes(r))) throw E.otherOffice();
      const move = findApplicationMove(input.action, before.state);
      if (!move) throw E.moveNotAllowed(before.state, input.action);
      if (!move.roles.some((r) => roles.includes(r))) throw E.moveForbidden();
      if (before.version !== input.version) throw E.stale();
      const { change, offer, hire: hireInput } = await checkedChange(before, input);
      if (move.needs === 'cv') {
        // Reg. UE 2016/679 art. 6(1)(a): the CV reaches the employer only with the worker's consent in force.
        const consent = await latestConsentOf(db, before.workerId, 'share_with_employers');
        if (!consent?.granted) throw E.consentMissing();
      }
      const now = clock();
      const note = input.note?.trim() ?? '';
      const worker = (await workerRefsByIds(db, [before.workerId])).get(before.workerId)!;
      const vacancy = (await vacancyRefsByIds(db, [before.vacancyId])).get(before.vacancyId);
      const overlaps = await db.transaction().execute(async (trx) => {
        if (move.needs === 'hire') await repo.lockOpenOfWorker(trx, before.workerId);
        if (!(await repo.setState(trx, id, input.version, change, now))) throw E.stale();
        const hired = move.needs === 'hire' ? await hire(trx, ctx, before, hireInput!, now, worker.officeId) : undefined;
        // The interview is a meeting of the agenda: booked for the worker at the employer's place.
        const booked = change.interview
          ? await interviews.book(trx, ctx, {
              applicationId: id,
              networkId: before.networkId,
              officeId: before.officeId,
              workerId: before.workerId,
              workerOfficeId: worker.officeId,
              start: change.interview.at,
              durationMinutes: input.interview?.durationMinutes,
              place: change.interview.place,
              contact: change.interview.contact,
            })
          : undefined;
        const cancelled = before.state === 'interview' ? await cancelInterviewOnClose(trx, ctx, id, move.to) : null;
        await timelineLine(trx, {
          row: before,
          workerOfficeId: worker.officeId,
          kind: `application.${move.to}`,
          actorId: ctx.actor.userId,
          at: now,
          details: {
            from: before.state,
            to: move.to,
            vacancyTitle: vacancy?.title ?? '',
            ...(change.reasonCode ? { reason: change.reasonCode } : {}),
            ...(change.interview ? { interviewAt: change.interview.at.toISOString(), place: change.interview.place } : {}),
            ...(booked ? { appointmentId: booked.appointmentId } : {}),
            ...(hired ? { placementId: hired.placementId } : {}),
          },
        });
        if (offer) await repo.saveOffers(trx, [{ ...offer, recordedBy: ctx.actor.userId, recordedAt: now }]);
        const event: NewApplicationEvent = {
          applicationId: id,
          kind: 'move',
          from: before.state,
          to: move.to,
          reasonCode: change.reasonCode ?? null,
          note,
          actorId: ctx.actor.userId,
          at: now,
        };
        await repo.logEvents(trx, [event]);
        await audit.record(trx, ctx, {
          action: `application.${input.action}`,
          entityType: 'application',
          entityId: id,
          officeId: before.officeId,
          details: {
            from: before.state,
            to: move.to,
            ...(change.reasonCode ? { reason: change.reasonCode } : {}),
            ...(change.cvId ? { cvId: change.cvId } : {}),
            ...(change.interview ? { interviewAt: change.interview.at.toISOString(), place: change.interview.place } : {}),
            ...(hired ?? {}),
            ...(booked ? { appointmentId: booked.appointmentId } : {}),
            ...(cancelled?.cancelled ? { appointmentCancelled: cancelled.appointmentId } : {}),
            ...(offer
              ? {
                  contractType: offer.contractType,
                  ccnlCode: offer.ccnlCode,
                  ccnlLevel: offer.ccnlLevel,
                  weeklyHours: offer.weeklyHours,
                  monthlyGrossCents: offer.monthlyGrossCents,
                  startDate: offer.startDate,
                  belowMinimum: offer.belowMinimum,
                  proratedMinimumCents: offer.proratedMinimumCents,
                }
              : {}),
            ...(hireInput ? { contractType: hireInput.contractType, startDate: hireInput.startDate } : {}),
          },
        });
        return booked?.overlaps ?? 0;
      });
      // After the commit: the move stands whatever the mail server answers (a failure is recorded on the message).
      if (move.needs === 'cv' && employerMail) await employerMail.sendCandidate(id, senderOf(ctx));
      const result = await detail(db, ctx, (await repo.find(db, id))!);
      return overlaps > 0 ? { ...result, warnings: [...result.warnings, interviewOverlapWarning(ctx, overlaps)] } : result;
    },

    /**
     * Sends the candidate's e-mail again to the employer's current addresses (after a failure, or
     * once the employer's address has been recorded), with the CV sent; the consent is checked again.
     */
    async resend(ctx: ActorContext, id: string, input: { version: number }): Promise<ApplicationDetail> {
      const row = await inNetwork(db, ctx, id);
      if (!matchesFor(ctx, row)) throw E.otherOffice();
      if (!AWAITING_EMPLOYER_STATES.includes(row.state) || !row.cvId) throw E.resendNotOpen();
      if (row.version !== input.version) throw E.stale();
      // Reg. UE 2016/679 art. 7(3): a consent withdrawn since the first sending stops any further one.
      const consent = await latestConsentOf(db, row.workerId, 'share_with_employers');
      if (!consent?.granted) throw E.consentMissing();
      await audit.record(db, ctx, {
        action: 'application.resend',
        entityType: 'application',
        entityId: id,
        officeId: row.officeId,
        details: { workerId: row.workerId, cvId: row.cvId },
      });
      if (employerMail) await employerMail.sendCandidate(id, senderOf(ctx));
      return detail(db, ctx, (await repo.find(db, id))!);
    },

    async get(ctx: ActorContext, id: string): Promise<ApplicationDetail> {
      const row = await inNetwork(db, ctx, id);
      const result = await detail(db, ctx, row);
      await audit.record(db, ctx, {
        action: 'application.read',
        entityType: 'application',
        entityId: id,
        officeId: row.officeId,
        details: { workerId: row.workerId, masked: !result.worker.inScope },
      });
      return result;
    },

    /** Ticks or unticks an item of the contract checklist (the office's matchers, coordinators, administrators). */
    async tickChecklist(ctx: ActorContext, id: string, input: ChecklistTickRequest): Promise<ApplicationDetail> {
      const row = await inNetwork(db, ctx, id);
      if (!matchesFor(ctx, row)) throw E.otherOffice();
      if (!CHECKLIST_STATES.includes(row.state)) throw E.checklistNotOpen();
      if (input.version !== undefined && input.version !== row.version) throw E.stale();
      const offer = await repo.offerOf(db, id);
      const items = contractChecklist({ hire: offer ? hireFactsOf(offer) : undefined }).items;
      if (!items.some((i) => i.code === input.itemCode))
        throw E.invalidFields([{ path: 'body/itemCode', message: M.unknownChecklistItem }]);
      const now = clock();
      await db.transaction().execute(async (trx) => {
        const changed = await repo.setTick(trx, id, input.itemCode, input.done, ctx.actor.userId, now);
        if (!changed) return;
        await audit.record(trx, ctx, {
          action: input.done ? 'application.checklist.tick' : 'application.checklist.untick',
          entityType: 'application',
          entityId: id,
          officeId: row.officeId,
          details: { workerId: row.workerId, itemCode: input.itemCode, done: input.done },
        });
      });
      return detail(db, ctx, row);
    },

    /**
     * Records what the matcher has learnt of the facts the hiring incentives turn on (the employer
     * is private, the worker holds the assegno di ricollocazione…): the incentives are decided again
     * on them. The office's matchers, coordinators and administrators; at offer or hired.
     */
    async recordHireFacts(ctx: ActorContext, id: string, input: HireFactsRequest): Promise<ApplicationDetail> {
      const row = await inNetwork(db, ctx, id);
      if (!matchesFor(ctx, row)) throw E.otherOffice();
      if (!CHECKLIST_STATES.includes(row.state)) throw E.checklistNotOpen();
      const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      await db.transaction().execute(async (trx) => {
        if (!(await repo.setHireFacts(trx, id, given, ctx.actor.userId, clock()))) throw E.noOfferTerms();
        await audit.record(trx, ctx, {
          action: 'application.hire_facts',
          entityType: 'application',
          entityId: id,
          officeId: row.officeId,
          details: { workerId: row.workerId, ...given },
        });
      });
      return detail(db, ctx, row);
    },

    /** Every office's applications to a vacancy (vacancies are the network's), masked outside the actor's scope. */
    async ofVacancy(ctx: ActorContext, vacancyId: string) {
      const vacancy = (await vacancyRefsByIds(db, [vacancyId])).get(vacancyId);
      if (!vacancy || vacancy.networkId !== requireNetwork(ctx.actor)) throw E.vacancyNotFound();
      const rows = await repo.ofVacancy(db, vacancyId);
      const items = await applicationSummaries(db, ctx.actor, rows);
      await audit.record(db, ctx, {
        action: 'application.list.read',
        entityType: 'application',
        entityId: null,
        details: { vacancyId, workerIds: items.filter((i) => i.worker.inScope).map((i) => i.worker.id) },
      });
      return { items };
    },

    async ofWorker(ctx: ActorContext, workerId: string) {
      const worker = (await workerRefsByIds(db, [workerId])).get(workerId);
      if (!worker || !canActOnWorker(ctx.actor, worker)) throw E.workerNotFound();
      const items = await applicationSummaries(db, ctx.actor, await repo.ofWorker(db, workerId));
      await audit.record(db, ctx, {
        action: 'application.list.read',
        entityType: 'worker',
        entityId: workerId,
        officeId: worker.officeId,
        details: { workerId, ids: items.map((i) => i.id) },
      });
      return { items };
    },

    async settings(ctx: ActorContext) {
      return (await repo.settingsOf(db, requireNetwork(ctx.actor))) ?? { expiryDays: DEFAULT_EXPIRY_DAYS, version: 0 };
    },

    async updateSettings(ctx: ActorContext, input: { expiryDays: number; version: number }) {
      const networkId = requireNetwork(ctx.actor);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.saveSettings(trx, networkId, input.expiryDays, input.version, ctx.actor.userId, clock()))) throw E.stale();
        await audit.record(trx, ctx, {
          action: 'application.settings.updated',
          entityType: 'application_settings',
          entityId: networkId,
          details: { expiryDays: input.expiryDays },
        });
      });
      return (await repo.settingsOf(db, networkId))!;
    },

    /**
     * The daily job: the employer reminders due at 7 and 14 days after sending are recorded on the
     * log (and handed to the reminder sender), then sent and interview applications unanswered for
     * longer than the network's expiry days expire, each logged without a person and audited.
     */
    async expireOverdue(): Promise<{ expired: number; reminders: number }> {
      const now = clock();
      const due: Array<EmployerReminder> = [];
      const result = await db.transaction().execute(async (trx) => {
        const events: NewApplicationEvent[] = [];
        for (const a of await repo.remindersToRecord(trx, now, REMINDER_DAYS[0])) {
          const days = (now.getTime() - a.sentAt!.getTime()) / 86_400_000;
          const reached = REMINDER_DAYS.filter((d) => days >= d).length;
          for (let n = a.remindersDue; n < reached; n++) {
            const daysSinceSent = REMINDER_DAYS[n]!;
            events.push({
              applicationId: a.id,
              kind: 'employer_reminder_due',
              from: null,
              to: null,
              reasonCode: null,
              note: `${daysSinceSent} giorni dall’invio senza risposta dell’azienda: sollecitare`,
              actorId: null,
              at: now,
            });
            due.push({ applicationId: a.id, vacancyId: a.vacancyId, officeId: a.officeId, daysSinceSent });
          }
          if (reached > a.remindersDue) await repo.setRemindersDue(trx, a.id, reached);
        }
        const overdue = await repo.overdue(trx, now, DEFAULT_EXPIRY_DAYS);
        const workerOffices = await workerRefsByIds(
          trx,
          overdue.map((a) => a.workerId),
        );
        const system: RequestContext = { actor: null, requestId: 'applications.expiry', ip: '' };
        await repo.expire(
          trx,
          overdue.map((a) => a.id),
          now,
        );
        for (const a of overdue) {
          if (a.state === 'interview') await cancelInterviewOnClose(trx, system, a.id, 'expired');
          await timelineLine(trx, {
            row: a,
            workerOfficeId: workerOffices.get(a.workerId)?.officeId ?? a.officeId,
            kind: 'application.expired',
            actorId: null,
            at: now,
            details: { from: a.state, to: 'expired' },
          });
          events.push({
            applicationId: a.id,
            kind: 'move',
            from: a.state,
            to: 'expired',
            reasonCode: null,
            note: '',
            actorId: null,
            at: now,
          });
          await audit.record(trx, system, {
            action: 'application.expire',
            entityType: 'application',
            entityId: a.id,
            officeId: a.officeId,
            details: { from: a.state, to: 'expired' },
          });
        }
        await repo.logEvents(trx, events);
        return { expired: overdue.length, reminders: due.length };
      });
      for (const reminder of due) await sendReminder(reminder);
      return result;
    },
  };
}

export type ApplicationService = ReturnType<typeof createApplicationService>;
