import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { ApplicationMessageKind, ApplicationMessageStatus } from '../db/schema-applications.js';

/** The only file that writes SQL on application_messages and application_links (the employer's e-mails and outcome links). */

export interface EmployerMessageRow {
  id: string;
  kind: ApplicationMessageKind;
  sequence: number;
  recipient: string;
  subject: string;
  attachmentName: string;
  transport: 'smtp' | 'outbox' | null;
  status: ApplicationMessageStatus;
  error: string | null;
  sentBy: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface NewEmployerMessage {
  applicationId: string;
  officeId: string;
  kind: ApplicationMessageKind;
  sequence: number;
  recipient: string;
  subject: string;
  body: string;
  attachmentName: string;
  status: 'sending' | 'no_address';
  sentBy: string | null;
}

export interface OutcomeLinkRow {
  applicationId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/** A message's row as written, whatever its status (one mapping for the send and the demo's bulk). */
const messageRow = (r: Omit<NewEmployerMessage, 'status'>) => ({
  application_id: r.applicationId,
  office_id: r.officeId,
  kind: r.kind,
  sequence: r.sequence,
  recipient: r.recipient,
  subject: r.subject,
  body: r.body,
  attachment_name: r.attachmentName,
  sent_by: r.sentBy,
});

export function createEmployerMailRepository() {
  return {
    /**
     * The rows of the messages about to go, committed before the transport is called; a row already
     * there (the same reminder to the same contact) is not written again and its id is not returned.
     */
    async insertMessages(trx: Executor, rows: readonly NewEmployerMessage[], now: Date): Promise<Map<string, string>> {
      if (rows.length === 0) return new Map();
      const inserted = await trx
        .insertInto('application_messages')
        .values(rows.map((r) => ({ ...messageRow(r), status: r.status, created_at: now })))
        .onConflict((oc) => oc.columns(['application_id', 'kind', 'sequence', 'recipient']).doNothing())
        .returning(['id', 'recipient'])
        .execute();
      return new Map(inserted.map((r) => [r.recipient, r.id]));
    },

    /** Messages already delivered (the demo's, through the local outbox), 500 per statement. */
    async insertDeliveredBulk(
      trx: Executor,
      rows: ReadonlyArray<Omit<NewEmployerMessage, 'status'> & { transport: 'smtp' | 'outbox'; sentAt: Date }>,
    ): Promise<void> {
      for (let i = 0; i < rows.length; i += 500)
        await trx
          .insertInto('application_messages')
          .values(
            rows.slice(i, i + 500).map((r) => ({
              ...messageRow(r),
              transport: r.transport,
              status: 'sent' as const,
              created_at: r.sentAt,
              sent_at: r.sentAt,
            })),
          )
          .execute();
    },

    async markSent(db: Executor, id: string, transport: 'smtp' | 'outbox', now: Date): Promise<void> {
      await db
        .updateTable('application_messages')
        .set({ status: 'sent', transport, sent_at: now, error: null })
        .where('id', '=', id)
        .execute();
    },

    async markFailed(db: Executor, id: string, transport: 'smtp' | 'outbox', error: string): Promise<void> {
      await db
        .updateTable('application_messages')
        .set({ status: 'failed', transport, error: error.slice(0, 1000) })
        .where('id', '=', id)
        .execute();
    },

    /** The next attempt number of the candidate's e-mail (1 for the move's, 2… for each resend). */
    async nextCandidateSequence(db: Executor, applicationId: string): Promise<number> {
      const row = await db
        .selectFrom('application_messages')
        .select(sql<number>`coalesce(max(sequence), 0)::int`.as('n'))
        .where('application_id', '=', applicationId)
        .where('kind', '=', 'candidate')
        .executeTakeFirst();
      return Number(row?.n ?? 0) + 1;
    },

    async messagesOf(db: Executor, applicationId: string): Promise<EmployerMessageRow[]> {
      const rows = await db
        .selectFrom('application_messages')
        .select([
          'id',
          'kind',
          'sequence',
          'recipient',
          'subject',
          'attachment_name',
          'transport',
          'status',
          'error',
          'sent_by',
          'created_at',
          'sent_at',
        ])
        .where('application_id', '=', applicationId)
        .orderBy('created_at')
        .orderBy('kind')
        .orderBy('recipient')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        sequence: r.sequence,
        recipient: r.recipient,
        subject: r.subject,
        attachmentName: r.attachment_name,
        transport: r.transport,
        status: r.status,
        error: r.error,
        sentBy: r.sent_by,
        createdAt: r.created_at,
        sentAt: r.sent_at,
      }));
    },

    async insertLink(trx: Executor, link: { tokenHash: string; applicationId: string; expiresAt: Date }, now: Date): Promise<void> {
      await trx
        .insertInto('application_links')
        .values({ token_hash: link.tokenHash, application_id: link.applicationId, expires_at: link.expiresAt, created_at: now })
        .execute();
    },

    async linkByHash(db: Executor, tokenHash: string): Promise<OutcomeLinkRow | undefined> {
      const row = await db
        .selectFrom('application_links')
        .select(['application_id', 'expires_at', 'used_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ? { applicationId: row.application_id, expiresAt: row.expires_at, usedAt: row.used_at } : undefined;
    },

    async touchLink(db: Executor, tokenHash: string, now: Date): Promise<void> {
      await db.updateTable('application_links').set({ opened_at: now }).where('token_hash', '=', tokenHash).execute();
    },

    /** A final answer ends every link of the application (each e-mail carried its own). */
    async useLinksOf(trx: Executor, applicationId: string, now: Date): Promise<void> {
      await trx
        .updateTable('application_links')
        .set({ used_at: now })
        .where('application_id', '=', applicationId)
        .where('used_at', 'is', null)
        .execute();
    },
  };
}

export type EmployerMailRepository = ReturnType<typeof createEmployerMailRepository>;
