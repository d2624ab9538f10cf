import type { Kysely } from 'kysely';
import { hashToken } from '../appointments/index.js';
import type { AuditService } from '../audit/index.js';
import type { RequestContext } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import { employerNamesByIds } from '../employers/index.js';
import { officeById } from '../organisation/index.js';
import { workerRefsByIds } from '../people/index.js';
import { insertStaffNotice } from '../programmes/index.js';
import { vacancyRefsByIds } from '../vacancies/index.js';
import {
  APPLICATION_REASONS,
  pickableReasons,
  type CandidateOutcomeAnswer,
  type PublicCandidateOutcome,
} from '../../shared/schemas/applications.schema.js';
import { applicationErrors as E, applicationFieldMessages as M } from './application.errors.js';
import type { ApplicationRepository, ApplicationRow } from './application.repository.js';
import { AWAITING_EMPLOYER_STATES } from './application.states.js';
import type { EmployerMailRepository } from './employer-mail.repository.js';

/** What the log says of a refusal the employer recorded through the link (no person of the network made it). */
export const REFUSED_THROUGH_LINK = 'dall’azienda tramite link';
const WANTS_INTERVIEW = 'wants_interview';

/**
 * The employer's outcome link, without an account: the vacancy, the candidate by first name and
 * initial, and two answers — an interview wanted (with a note: proposed times, who to call), or
 * not selected (a reason of the refusal list), which refuses the application as a system move.
 * The token acts on its application only; 404 when unknown, 410 once the application no longer
 * awaits the employer (an interview fixed and gone on to an offer, refused, expired…), after its
 * expiry, or after a final answer. Every use is audited with no staff actor, every answer logged on
 * the application as 'employer_answer' and told to the office's matchers.
 */
export function createEmployerLinkService(deps: {
  db: Kysely<DB>;
  applications: ApplicationRepository;
  mail: EmployerMailRepository;
  audit: AuditService;
  clock: () => Date;
}) {
  const { db, applications: repo, mail, audit, clock } = deps;

  async function resolve(token: string): Promise<{ row: ApplicationRow; hash: string }> {
    const hash = hashToken(token);
    const link = await mail.linkByHash(db, hash);
    if (!link) throw E.outcomeLinkInvalid();
    const row = await repo.find(db, link.applicationId);
    if (!row) throw E.outcomeLinkInvalid();
    if (link.usedAt || !AWAITING_EMPLOYER_STATES.includes(row.state) || link.expiresAt.getTime() <= clock().getTime())
      throw E.outcomeLinkExpired();
    return { row, hash };
  }

  async function view(row: ApplicationRow): Promise<PublicCandidateOutcome> {
    const vacancy = (await vacancyRefsByIds(db, [row.vacancyId])).get(row.vacancyId);
    const [worker, office, employers, events] = await Promise.all([
      workerRefsByIds(db, [row.workerId]).then((m) => m.get(row.workerId)),
      officeById(db, row.officeId),
      vacancy ? employerNamesByIds(db, [vacancy.employerId]) : new Map<string, string>(),
      repo.eventsOf(db, row.id),
    ]);
    const initial = worker?.lastName.trim().charAt(0).toUpperCase() ?? '';
    return {
      vacancyTitle: vacancy?.title ?? '',
      employerName: (vacancy && employers.get(vacancy.employerId)) ?? '',
      candidate: `${worker?.firstName ?? ''} ${initial ? `${initial}.` : ''}`.trim(),
      officeName: office?.name ?? '',
      officePhone: office?.phone ?? '',
      officeEmail: office?.email ?? '',
      choices: ['wants_interview', 'not_selected'],
      reasons: pickableReasons('refusal').map((code) => ({ code, label: APPLICATION_REASONS.refusal[code]!.it })),
      answers: events
        .filter((e) => e.kind === 'employer_answer')
        .map((e) => ({ answer: e.reasonCode === WANTS_INTERVIEW ? 'wants_interview' : 'not_selected', at: e.at.toISOString() })),
    };
  }

  const systemCtx = (ctx: RequestContext): RequestContext => ({ ...ctx, actor: null });

  return {
    async show(ctx: RequestContext, token: string): Promise<PublicCandidateOutcome> {
      const { row, hash } = await resolve(token);
      await mail.touchLink(db, hash, clock());
      await audit.record(db, systemCtx(ctx), {
        action: 'application.outcome_link_opened',
        entityType: 'application',
        entityId: row.id,
        officeId: row.officeId,
        details: { byEmployer: true },
      });
      return view(row);
    },

    async answer(ctx: RequestContext, token: string, input: CandidateOutcomeAnswer): Promise<PublicCandidateOutcome> {
      const { row } = await resolve(token);
      const note = input.note?.trim() ?? '';
      if (input.answer === 'not_selected' && input.reason === 'other' && !note)
        throw E.invalidFields([{ path: 'body/note', message: M.noteRequired }]);
      const now = clock();
      const refused = input.answer === 'not_selected';
      await db.transaction().execute(async (trx) => {
        if (refused && !(await repo.setState(trx, row.id, row.version, { state: 'refused', reasonCode: input.reason }, now)))
          throw E.stale();
        await repo.logEvents(trx, [
          {
            applicationId: row.id,
            kind: 'employer_answer',
            from: null,
            to: null,
            reasonCode: refused ? input.reason : WANTS_INTERVIEW,
            note,
            actorId: null,
            at: now,
          },
          ...(refused
            ? [
                {
                  applicationId: row.id,
                  kind: 'move' as const,
                  from: row.state,
                  to: 'refused' as const,
                  reasonCode: input.reason,
                  note: REFUSED_THROUGH_LINK,
                  actorId: null,
                  at: now,
                },
              ]
            : []),
        ]);
        if (refused) await mail.useLinksOf(trx, row.id, now);
        await insertStaffNotice(
          trx,
          {
            officeId: row.officeId,
            recipientRole: 'matcher',
            kind: 'application.employer_answer',
            payload: { applicationId: row.id, workerId: row.workerId, vacancyId: row.vacancyId, answer: input.answer },
          },
          now,
        );
        await audit.record(trx, systemCtx(ctx), {
          action: 'application.employer_answer',
          entityType: 'application',
          entityId: row.id,
          officeId: row.officeId,
          details: {
            byEmployer: true,
            answer: input.answer,
            ...(refused ? { from: row.state, to: 'refused', reason: input.reason } : {}),
          },
        });
      });
      return view((await repo.find(db, row.id))!);
    },
  };
}

export type EmployerLinkService = ReturnType<typeof createEmployerLinkService>;
