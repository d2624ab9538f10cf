import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { agendaEndpoints, appointmentEndpoints, publicAgendaEndpoints } from '../../shared/api/appointments.endpoints.js';
import { actorContext, requestContext } from '../auth/index.js';
import { route } from '../http/endpoint-route.js';
import { pickLanguage } from '../http/problem.js';
import type { AgendaSetupService } from './agenda-setup.service.js';
import type { AgendaTemplatesService } from './agenda-templates.service.js';
import type { AppointmentService } from './appointment.service.js';
import { canHoldAgendaFeed, canManageAgenda, canReadAgenda, canUseAgenda } from './appointments.policy.js';
import type { DailySheet } from './daily-sheet.js';
import type { FeedService } from './feed.service.js';
import type { WorkerLinkService } from './worker-link.service.js';

/** Type names follow the interface's language (the web sends it as Accept-Language), not the account's stored one. */
const lang = (request: FastifyRequest) => pickLanguage(request.headers['accept-language']);

export function registerAppointmentRoutes(
  app: FastifyInstance,
  s: {
    appointments: AppointmentService;
    setup: AgendaSetupService;
    links: WorkerLinkService;
    feed: FeedService;
    dailySheet: DailySheet;
    templates: AgendaTemplatesService;
  },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Agenda'];
  const access = canUseAgenda;

  route(r, agendaEndpoints.setup, {
    config: { access },
    schema: { tags, summary: 'Tipi di appuntamento, operatori e stanze di una sede' },
    handler: async (request) => s.setup.setup(actorContext(request), request.query.officeId, lang(request)),
  });
  route(r, agendaEndpoints.availability, {
    config: { access },
    schema: { tags, summary: 'Disponibilità settimanale di un operatore in una sede' },
    handler: async (request) => s.setup.availability(actorContext(request), request.params.consultantId, request.query.officeId),
  });
  route(r, agendaEndpoints.replaceAvailability, {
    config: { access },
    schema: { tags, summary: 'Sostituisce la disponibilità settimanale di un operatore in una sede' },
    handler: async (request) =>
      s.setup.replaceAvailability(actorContext(request), request.params.consultantId, request.body.officeId, request.body.rules),
  });
  route(r, agendaEndpoints.exceptions, {
    config: { access },
    schema: { tags, summary: 'Assenze di un operatore (ferie, formazione, malattia)' },
    handler: async (request) => ({ items: await s.setup.exceptions(actorContext(request), request.params.consultantId, request.query) }),
  });
  route(r, agendaEndpoints.createException, {
    config: { access },
    schema: { tags, summary: 'Registra un’assenza di un operatore' },
    handler: async (request, reply) =>
      reply.code(201).send(await s.setup.createException(actorContext(request), request.params.consultantId, request.body)),
  });
  route(r, agendaEndpoints.deleteException, {
    config: { access },
    schema: { tags, summary: 'Elimina un’assenza' },
    handler: async (request) => s.setup.deleteException(actorContext(request), request.params.consultantId, request.params.id),
  });
  route(r, agendaEndpoints.createRoom, {
    config: { access: canManageAgenda },
    schema: { tags, summary: 'Aggiunge una stanza per i colloqui' },
    handler: async (request, reply) => reply.code(201).send(await s.setup.createRoom(actorContext(request), request.body)),
  });
  route(r, agendaEndpoints.updateRoom, {
    config: { access: canManageAgenda },
    schema: { tags, summary: 'Modifica una stanza (nome, posti, dotazioni, attiva)' },
    handler: async (request) => s.setup.updateRoom(actorContext(request), request.params.id, request.body),
  });
  route(r, agendaEndpoints.freeSlots, {
    config: { access },
    schema: { tags, summary: 'I primi orari liberi tra gli operatori di una sede' },
    handler: async (request) => ({ items: await s.appointments.freeSlots(actorContext(request), request.query) }),
  });
  route(r, agendaEndpoints.noShows, {
    config: { access },
    schema: { tags, summary: 'Lavoratori di una sede assenti a due o più appuntamenti negli ultimi 90 giorni' },
    handler: async (request) => ({ items: await s.appointments.noShows(actorContext(request), request.query.officeId) }),
  });
  route(r, agendaEndpoints.dailySheet, {
    config: { access },
    schema: { tags, summary: 'Agenda del giorno di una sede da stampare (PDF)' },
    handler: async (request, reply) => {
      const pdf = await s.dailySheet.render(actorContext(request), request.query.officeId, request.query.date);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="agenda-${request.query.date}.pdf"`)
        .send(pdf);
    },
  });
  route(r, agendaEndpoints.templates, {
    config: { access },
    schema: { tags, summary: 'I testi dei messaggi dell’agenda (e-mail e SMS) con un esempio e la lunghezza degli SMS' },
    handler: async (request) => s.templates.list(actorContext(request)),
  });
  route(r, agendaEndpoints.updateTemplate, {
    config: { access: canManageAgenda },
    schema: { tags, summary: 'Cambia il testo di un messaggio per la rete' },
    handler: async (request) => s.templates.save(actorContext(request), request.params.kind, request.params.channel, request.body),
  });
  route(r, agendaEndpoints.resetTemplate, {
    config: { access: canManageAgenda },
    schema: { tags, summary: 'Torna al testo predefinito di un messaggio' },
    handler: async (request) => s.templates.reset(actorContext(request), request.params.kind, request.params.channel),
  });
  route(r, agendaEndpoints.feed, {
    config: { access: canHoldAgendaFeed },
    schema: { tags, summary: 'Il calendario personale da sottoscrivere (se esiste)' },
    handler: async (request) => s.feed.current(actorContext(request)),
  });
  route(r, agendaEndpoints.renewFeed, {
    config: { access: canHoldAgendaFeed },
    schema: { tags, summary: 'Crea un nuovo indirizzo del calendario personale (il precedente smette di funzionare)' },
    handler: async (request) => s.feed.renew(actorContext(request)),
  });
  route(r, agendaEndpoints.revokeFeed, {
    config: { access: canHoldAgendaFeed },
    schema: { tags, summary: 'Revoca il calendario personale' },
    handler: async (request) => s.feed.revoke(actorContext(request)),
  });

  route(r, appointmentEndpoints.list, {
    config: { access: canReadAgenda },
    schema: { tags, summary: 'Appuntamenti di una sede, di un operatore o di una stanza in un periodo' },
    handler: async (request) => ({ items: await s.appointments.list(actorContext(request), request.query, lang(request)) }),
  });
  route(r, appointmentEndpoints.create, {
    config: { access },
    schema: { tags, summary: 'Fissa un appuntamento individuale' },
    handler: async (request, reply) => reply.code(201).send(await s.appointments.book(actorContext(request), request.body, lang(request))),
  });
  route(r, appointmentEndpoints.get, {
    config: { access: canReadAgenda },
    schema: { tags, summary: 'Un appuntamento con il suo registro e i messaggi inviati' },
    handler: async (request) => s.appointments.get(actorContext(request), request.params.id, lang(request)),
  });
  route(r, appointmentEndpoints.move, {
    config: { access },
    schema: { tags, summary: 'Sposta un appuntamento (ora, operatore, stanza, modalità)' },
    handler: async (request) => s.appointments.move(actorContext(request), request.params.id, request.body, lang(request)),
  });
  route(r, appointmentEndpoints.cancel, {
    config: { access },
    schema: { tags, summary: 'Annulla un appuntamento' },
    handler: async (request) => s.appointments.cancel(actorContext(request), request.params.id, request.body.reason, lang(request)),
  });
  route(r, appointmentEndpoints.attendance, {
    config: { access },
    schema: { tags, summary: 'Registra presenza, assenza o assenza giustificata' },
    handler: async (request) =>
      s.appointments.attendance(actorContext(request), request.params.id, request.body.status, request.body.minutes, lang(request)),
  });
  route(r, appointmentEndpoints.ics, {
    config: { access },
    schema: { tags, summary: 'L’appuntamento come file iCalendar (.ics)' },
    handler: async (request, reply) => {
      const ics = await s.appointments.ics(actorContext(request), request.params.id);
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="appuntamento.ics"').send(ics);
    },
  });
  route(r, appointmentEndpoints.ofWorker, {
    config: { access: canReadAgenda },
    schema: { tags, summary: 'Appuntamenti di un lavoratore, futuri e passati' },
    handler: async (request) => s.appointments.ofWorker(actorContext(request), request.params.id, lang(request)),
  });

  // The worker's link and the consultant's feed: no session, the token is the credential.
  const pub = ['Agenda (link del lavoratore)'];
  route(r, publicAgendaEndpoints.show, {
    config: { access: 'public' },
    schema: { tags: pub, summary: 'L’appuntamento del link' },
    handler: async (request) => s.links.show(requestContext(request), request.params.token),
  });
  route(r, publicAgendaEndpoints.confirm, {
    config: { access: 'public' },
    schema: { tags: pub, summary: 'Il lavoratore conferma' },
    handler: async (request) => s.links.confirm(requestContext(request), request.params.token),
  });
  route(r, publicAgendaEndpoints.cancel, {
    config: { access: 'public' },
    schema: { tags: pub, summary: 'Il lavoratore disdice' },
    handler: async (request) => s.links.cancel(requestContext(request), request.params.token, request.body.reason),
  });
  route(r, publicAgendaEndpoints.reschedule, {
    config: { access: 'public' },
    schema: { tags: pub, summary: 'Il lavoratore sceglie un altro orario libero' },
    handler: async (request) => s.links.reschedule(requestContext(request), request.params.token, request.body.start),
  });
  route(r, publicAgendaEndpoints.feed, {
    config: { access: 'public' },
    schema: { tags: pub, summary: 'Il calendario personale di un operatore (iCalendar)' },
    handler: async (request, reply) => {
      const ics = await s.feed.ics(requestContext(request), request.params.token);
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="agenda.ics"').send(ics);
    },
  });
}
