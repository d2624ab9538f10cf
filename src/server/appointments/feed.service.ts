import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { requireNetwork, type ActorContext, type RequestContext } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import { officeById } from '../organisation/index.js';
import type { AppointmentMessagesRepository } from './appointment-messages.repository.js';
import type { AppointmentRepository } from './appointment.repository.js';
import { appointmentErrors } from './appointments.errors.js';
import { calendarFeedIcs, type CalendarEvent } from './icalendar.js';
import { hashToken, newLinkToken } from './notifications.js';
import { meetingModeWords } from '../../shared/text/meeting-modes.js';

const DAY = 86_400_000;

/**
 * A consultant's private iCalendar feed, to subscribe from Outlook or Thunderbird. The address holds
 * a random token (only its hash is kept): it is shown once when made, and making a new one or
 * revoking it ends the old address. The feed carries no worker's name — it leaves the product for
 * whatever calendar service the consultant uses — only the type, time and place of each meeting and
 * a link to it in Ricolloca.
 */
export function createFeedService(deps: {
  db: Kysely<DB>;
  appointments: AppointmentRepository;
  messages: AppointmentMessagesRepository;
  audit: AuditService;
  clock: () => Date;
  publicUrl: string;
}) {
  const { db, appointments, messages, audit, clock } = deps;
  const base = deps.publicUrl.replace(/\/$/, '');
  const host = new URL(deps.publicUrl).hostname || 'ricolloca.local';

  return {
    async current(ctx: ActorContext) {
      const feed = await messages.currentFeed(db, ctx.actor.userId);
      return { url: null, createdAt: feed ? new Date(feed.created_at).toISOString() : null };
    },

    async renew(ctx: ActorContext) {
      const networkId = requireNetwork(ctx.actor);
      const { token, hash } = newLinkToken();
      const now = clock();
      await db.transaction().execute(async (trx) => {
        await messages.lockFor(trx, `agenda-feed:${ctx.actor.userId}`);
        await messages.revokeFeeds(trx, ctx.actor.userId, now);
        await messages.insertFeed(trx, { consultantId: ctx.actor.userId, networkId, tokenHash: hash, now });
        await audit.record(trx, ctx, { action: 'agenda.feed_renewed', entityType: 'staff_user', entityId: ctx.actor.userId });
      });
      return { url: `${base}/api/v1/public/agenda-feeds/${token}.ics`, createdAt: now.toISOString() };
    },

    async revoke(ctx: ActorContext) {
      await db.transaction().execute(async (trx) => {
        await messages.lockFor(trx, `agenda-feed:${ctx.actor.userId}`);
        await messages.revokeFeeds(trx, ctx.actor.userId, clock());
        await audit.record(trx, ctx, { action: 'agenda.feed_revoked', entityType: 'staff_user', entityId: ctx.actor.userId });
      });
      return { url: null, createdAt: null };
    },

    /** The feed's text: the consultant's meetings from 30 days ago to 180 days ahead. */
    async ics(ctx: RequestContext, fileName: string): Promise<string> {
      const token = fileName.replace(/\.ics$/, '');
      const feed = await messages.feedByHash(db, hashToken(token));
      if (!feed) throw appointmentErrors.feedInvalid();
      const now = clock();
      const rows = await appointments.list(db, {
        networkId: feed.network_id,
        consultantId: feed.consultant_id,
        from: new Date(now.getTime() - 30 * DAY),
        to: new Date(now.getTime() + 180 * DAY),
        includeCancelled: true,
      });
      const offices = new Map<string, { name: string; address: string; comune: string; email: string }>();
      for (const id of new Set(rows.map((r) => r.officeId))) {
        const office = await officeById(db, id);
        if (office) offices.set(id, office);
      }
      const events: CalendarEvent[] = rows.map((r) => {
        const office = offices.get(r.officeId);
        return {
          appointmentId: r.id,
          sequence: r.sequence,
          start: r.start,
          end: r.end,
          summary: `${r.typeNameIt} (${meetingModeWords(r.mode)})`,
          description: `Dettagli in Ricolloca: ${base}/agenda?appuntamento=${r.id}`,
          location:
            r.mode === 'in_person'
              ? [office?.name, office?.address, office?.comune, r.roomName && `stanza ${r.roomName}`].filter(Boolean).join(', ')
              : meetingModeWords(r.mode),
          url: `${base}/agenda?appuntamento=${r.id}`,
          organizer: { name: office?.name ?? 'Centro per l’impiego', email: office?.email || 'noreply@ricolloca.example' },
          attendees: [],
          status: r.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
        };
      });
      await audit.record(db, ctx, {
        action: 'agenda.feed_read',
        entityType: 'staff_user',
        entityId: feed.consultant_id,
        officeId: null,
        details: { appointments: rows.length },
      });
      return calendarFeedIcs(events, { host, stamp: now, name: 'Agenda Ricolloca' });
    },
  };
}

export type FeedService = ReturnType<typeof createFeedService>;
