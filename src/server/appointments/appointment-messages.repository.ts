import { sql } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { AppointmentMessageKind, MessageChannel } from '../db/schema-appointments.js';

/** Message templates, the record of every message sent about a meeting, and the worker's links. */

export interface TemplateRow {
  kind: AppointmentMessageKind;
  channel: MessageChannel;
  subject: string;
  body: string;
  custom: boolean;
}

export interface MessageKey {
  appointmentId: string;
  kind: AppointmentMessageKind;
  channel: MessageChannel;
  sequence: number;
}

/** One string per message key, to match the rows a multi-row statement answers. */
export function messageKeyOf(k: MessageKey): string {
  return `${k.appointmentId}:${k.kind}:${k.channel}:${k.sequence}`;
}

export function createAppointmentMessagesRepository() {
  return {
    /** The network's template for each kind and channel, or the default where it has none. */
    async templates(db: Executor, networkId: string): Promise<TemplateRow[]> {
      const rows = await db
        .selectFrom('appointment_templates')
        .select(['network_id', 'kind', 'channel', 'subject', 'body'])
        .where((eb) => eb.or([eb('network_id', 'is', null), eb('network_id', '=', networkId)]))
        .execute();
      const byKey = new Map<string, TemplateRow>();
      for (const r of rows) {
        const key = `${r.kind}:${r.channel}`;
        if (r.network_id === null && byKey.has(key)) continue;
        byKey.set(key, { kind: r.kind, channel: r.channel, subject: r.subject, body: r.body, custom: r.network_id !== null });
      }
      return [...byKey.values()];
    },

    /**
     * Serialises the changes of one text, or of one consultant's feed, in the caller's transaction:
     * each replaces a row under a unique key, and two at once would both insert (three coordinators
     * saving the same text: a unique violation, a 500, before this lock).
     */
    async lockFor(db: Executor, key: string) {
      await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
    },

    /** The network's own text for a kind and channel (replacing the default), or its removal. */
    async saveTemplate(
      db: Executor,
      v: { networkId: string; kind: AppointmentMessageKind; channel: MessageChannel; subject: string; body: string; by: string; now: Date },
    ) {
      await db
        .deleteFrom('appointment_templates')
        .where('network_id', '=', v.networkId)
        .where('kind', '=', v.kind)
        .where('channel', '=', v.channel)
        .execute();
      await db
        .insertInto('appointment_templates')
        .values({
          network_id: v.networkId,
          kind: v.kind,
          channel: v.channel,
          subject: v.subject,
          body: v.body,
          updated_by: v.by,
          updated_at: v.now,
        })
        .execute();
    },

    async resetTemplate(db: Executor, v: { networkId: string; kind: AppointmentMessageKind; channel: MessageChannel }) {
      await db
        .deleteFrom('appointment_templates')
        .where('network_id', '=', v.networkId)
        .where('kind', '=', v.kind)
        .where('channel', '=', v.channel)
        .execute();
    },

    async message(db: Executor, key: MessageKey) {
      return db
        .selectFrom('appointment_messages')
        .select(['id', 'status', 'error'])
        .where('appointment_id', '=', key.appointmentId)
        .where('kind', '=', key.kind)
        .where('channel', '=', key.channel)
        .where('sequence', '=', key.sequence)
        .executeTakeFirst();
    },

    /**
     * Records messages as being sent, committed before the transport is called, in one statement.
     * Returns the keys (`messageKeyOf`) of the rows inserted: a row that exists already (sent, or
     * its outcome unknown) is not sent again.
     */
    async beginSendingMany(
      db: Executor,
      rows: (MessageKey & { networkId: string; recipient: string; subject: string; body: string; now: Date })[],
    ): Promise<Set<string>> {
      if (!rows.length) return new Set();
      const inserted = await db
        .insertInto('appointment_messages')
        .values(
          rows.map((v) => ({
            network_id: v.networkId,
            appointment_id: v.appointmentId,
            kind: v.kind,
            channel: v.channel,
            sequence: v.sequence,
            recipient: v.recipient,
            subject: v.subject,
            body: v.body,
            created_at: v.now,
          })),
        )
        .onConflict((oc) => oc.columns(['appointment_id', 'kind', 'channel', 'sequence']).doNothing())
        .returning(['appointment_id', 'kind', 'channel', 'sequence'])
        .execute();
      return new Set(
        inserted.map((r) => messageKeyOf({ appointmentId: r.appointment_id, kind: r.kind, channel: r.channel, sequence: r.sequence })),
      );
    },

    /** Messages the transport accepted, in one statement. */
    async markSent(db: Executor, keys: MessageKey[], now: Date) {
      if (!keys.length) return;
      await db
        .updateTable('appointment_messages')
        .set({ status: 'sent', error: null, sent_at: now })
        .where((eb) =>
          eb.or(
            keys.map((k) =>
              eb.and([
                eb('appointment_id', '=', k.appointmentId),
                eb('kind', '=', k.kind),
                eb('channel', '=', k.channel),
                eb('sequence', '=', k.sequence),
              ]),
            ),
          ),
        )
        .execute();
    },

    /** A send that failed for sure (the transport refused it) may be tried again by the job's retry. */
    async retryFailed(db: Executor, key: MessageKey): Promise<boolean> {
      const result = await db
        .updateTable('appointment_messages')
        .set({ status: 'sending', error: null })
        .where('appointment_id', '=', key.appointmentId)
        .where('kind', '=', key.kind)
        .where('channel', '=', key.channel)
        .where('sequence', '=', key.sequence)
        .where('status', '=', 'failed')
        .where('error', 'not like', 'uncertain:%')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async finish(db: Executor, key: MessageKey, v: { status: 'sent' | 'failed'; error?: string; now: Date }) {
      await db
        .updateTable('appointment_messages')
        .set({ status: v.status, error: v.error ?? null, sent_at: v.status === 'sent' ? v.now : null })
        .where('appointment_id', '=', key.appointmentId)
        .where('kind', '=', key.kind)
        .where('channel', '=', key.channel)
        .where('sequence', '=', key.sequence)
        .execute();
    },

    async ofAppointment(db: Executor, appointmentId: string) {
      return db
        .selectFrom('appointment_messages')
        .select(['kind', 'channel', 'status', 'created_at', 'sent_at', 'recipient'])
        .where('appointment_id', '=', appointmentId)
        .orderBy('created_at')
        .execute();
    },

    /** Links, each to a meeting or to one worker's place in a workshop session. */
    async insertLinks(
      db: Executor,
      links: ({ tokenHash: string; expiresAt: Date } & ({ appointmentId: string } | { sessionId: string; workerId: string }))[],
    ) {
      if (!links.length) return;
      await db
        .insertInto('appointment_links')
        .values(
          links.map((v) => ({
            token_hash: v.tokenHash,
            appointment_id: 'appointmentId' in v ? v.appointmentId : null,
            session_id: 'sessionId' in v ? v.sessionId : null,
            worker_id: 'workerId' in v ? v.workerId : null,
            expires_at: v.expiresAt,
          })),
        )
        .execute();
    },

    async linkByHash(db: Executor, tokenHash: string) {
      return db
        .selectFrom('appointment_links')
        .select(['appointment_id', 'session_id', 'worker_id', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
    },

    async touchLink(db: Executor, tokenHash: string, now: Date) {
      await db.updateTable('appointment_links').set({ used_at: now }).where('token_hash', '=', tokenHash).execute();
    },

    /** Links of a meeting end with it: a moved meeting's links follow its new end. */
    async extendLinks(db: Executor, appointmentId: string, expiresAt: Date) {
      await db.updateTable('appointment_links').set({ expires_at: expiresAt }).where('appointment_id', '=', appointmentId).execute();
    },

    /** The same for a workshop session moved to another time: every participant's link follows it. */
    async extendSessionLinks(db: Executor, sessionId: string, expiresAt: Date) {
      await db.updateTable('appointment_links').set({ expires_at: expiresAt }).where('session_id', '=', sessionId).execute();
    },

    async currentFeed(db: Executor, consultantId: string) {
      return db
        .selectFrom('agenda_feeds')
        .select(['id', 'created_at'])
        .where('consultant_id', '=', consultantId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
    },

    async revokeFeeds(db: Executor, consultantId: string, now: Date) {
      await db
        .updateTable('agenda_feeds')
        .set({ revoked_at: now })
        .where('consultant_id', '=', consultantId)
        .where('revoked_at', 'is', null)
        .execute();
    },

    async insertFeed(db: Executor, v: { consultantId: string; networkId: string; tokenHash: string; now: Date }) {
      await db
        .insertInto('agenda_feeds')
        .values({ consultant_id: v.consultantId, network_id: v.networkId, token_hash: v.tokenHash, created_at: v.now })
        .execute();
    },

    async feedByHash(db: Executor, tokenHash: string) {
      return db
        .selectFrom('agenda_feeds')
        .select(['consultant_id', 'network_id'])
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
    },
  };
}

export type AppointmentMessagesRepository = ReturnType<typeof createAppointmentMessagesRepository>;
