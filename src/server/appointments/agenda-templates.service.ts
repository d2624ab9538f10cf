import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { requireNetwork, type ActorContext } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import { DomainError } from '../http/problem.js';
import { countSms, fillPlaceholders, placeholdersIn, toGsmFriendly } from '../outreach/index.js';
import { AGENDA_PLACEHOLDERS } from '../../shared/schemas/appointments.schema.js';
import type { AppointmentMessageKind, MessageChannel } from '../db/schema-appointments.js';
import type { AppointmentMessagesRepository, TemplateRow } from './appointment-messages.repository.js';

/** What a template editor shows beside the text: how a worker reads it (example values), and an SMS's size. */
const EXAMPLE: Record<(typeof AGENDA_PLACEHOLDERS)[number], { email: string; sms: string }> = {
  nome: { email: 'Maria Grazia', sms: 'Maria Grazia' },
  cognome: { email: 'D’Angelo', sms: 'D’Angelo' },
  tipo: { email: 'Colloquio di orientamento', sms: 'Colloquio di orientamento' },
  data: { email: 'martedì 15 dicembre 2026', sms: '15/12' },
  ora: { email: '10:30', sms: '10:30' },
  luogo: {
    email: 'Centro per l’impiego di Modena - Via delle Costellazioni 180, 41126 Modena - stanza Sala colloqui 1',
    sms: 'Via delle Costellazioni 180',
  },
  modalita: { email: 'in presenza', sms: 'in presenza' },
  operatore: { email: 'Elena Rinaldi', sms: 'Elena Rinaldi' },
  // As long as a real link: the address and a 24-character token.
  link: {
    email: 'https://lavoro.provincia.modena.it/appuntamento/Xk3v9QpL2mN7rT5wY8zA1bC4',
    sms: 'https://lavoro.provincia.modena.it/appuntamento/Xk3v9QpL2mN7rT5wY8zA1bC4',
  },
  sede: { email: 'Centro per l’impiego di Modena, tel. 059 000 1000', sms: 'CPI Modena' },
};

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
    const values = Object.fromEntries(Object.entries(EXAMPLE).map(([k, v]) => [k, t.channel === 'sms' ? v.sms : v.email]));
    const sample = t.channel === 'sms' ? toGsmFriendly(fillPlaceholders(t.body, values)) : fillPlaceholders(t.body, values);
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
