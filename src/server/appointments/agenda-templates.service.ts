import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { requireNetwork, type ActorContext } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import { DomainError } from '../http/problem.js';
import { agendaMessageExample } from '../../shared/messages/agenda-example.js';
import { placeholdersIn } from '../../shared/messages/placeholders.js';
import { countSms } from '../../shared/messages/sms-segments.js';
import { AGENDA_PLACEHOLDERS } from '../../shared/schemas/appointments.schema.js';
import type { AppointmentMessageKind, MessageChannel } from '../db/schema-appointments.js';
import type { AppointmentMessagesRepository, TemplateRow } from './appointment-messages.repository.js';

const unknownPlaceholder = (names: string[]) =>
  new DomainError(
    'UNKNOWN_PLACEHOLDER',
    400,
    {
      it: `Il testo contiene segnaposto sconosciuti: ${names.join(', ')}.`,
      en: `The text contains unknown placeholders: ${names.join(', ')}.`,
    },
    { errors: [{ path: 'body/body', message: `Segnaposto sconosciuti: ${names.map((n) => `{{${n}}}`).join(', ')}` }] },
  );

export function createAgendaTemplatesService(deps: {
  db: Kysely<DB>;
  messages: AppointmentMessagesRepository;
  audit: AuditService;
  clock: () => Date;
}) {
  const { db, messages, audit, clock } = deps;

  function present(t: TemplateRow) {
    const sample = agendaMessageExample(t.channel, t.body);
    const count = t.channel === 'sms' ? countSms(sample) : null;
    return {
      kind: t.kind,
      channel: t.channel,
      subject: t.subject,
      body: t.body,
      custom: t.custom,
      sample,
      sms: count ? { encoding: count.encoding, characters: count.units, segments: count.segments } : null,
    };
  }

  async function one(networkId: string, kind: AppointmentMessageKind, channel: MessageChannel) {
    const t = (await messages.templates(db, networkId)).find((x) => x.kind === kind && x.channel === channel)!;
    return present(t);
  }

  return {
    async list(ctx: ActorContext) {
      const networkId = requireNetwork(ctx.actor);
      const order = ['confirmation', 'change', 'cancellation', 'reminder'];
      const items = (await messages.templates(db, networkId)).sort(
        (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.channel.localeCompare(b.channel),
      );
      return { items: items.map(present), placeholders: [...AGENDA_PLACEHOLDERS] };
    },

    async save(ctx: ActorContext, kind: AppointmentMessageKind, channel: MessageChannel, v: { subject: string; body: string }) {
      const networkId = requireNetwork(ctx.actor);
      const unknown = [...placeholdersIn(v.body), ...placeholdersIn(v.subject)].filter(
        (p) => !(AGENDA_PLACEHOLDERS as readonly string[]).includes(p),
      );
      if (unknown.length) throw unknownPlaceholder([...new Set(unknown)]);
      await db.transaction().execute(async (trx) => {
        await messages.lockFor(trx, `agenda-template:${networkId}:${kind}:${channel}`);
        await messages.saveTemplate(trx, {
          networkId,
          kind,
          channel,
          subject: channel === 'sms' ? '' : v.subject,
          body: v.body,
          by: ctx.actor.userId,
          now: clock(),
        });
        await audit.record(trx, ctx, {
          action: 'agenda.template_saved',
          entityType: 'agenda_template',
          entityId: null,
          details: { kind, channel },
        });
      });
      return one(networkId, kind, channel);
    },

    async reset(ctx: ActorContext, kind: AppointmentMessageKind, channel: MessageChannel) {
      const networkId = requireNetwork(ctx.actor);
      await db.transaction().execute(async (trx) => {
        await messages.lockFor(trx, `agenda-template:${networkId}:${kind}:${channel}`);
        await messages.resetTemplate(trx, { networkId, kind, channel });
        await audit.record(trx, ctx, {
          action: 'agenda.template_reset',
          entityType: 'agenda_template',
          entityId: null,
          details: { kind, channel },
        });
      });
      return one(networkId, kind, channel);
    },
  };
}

export type AgendaTemplatesService = ReturnType<typeof createAgendaTemplatesService>;
