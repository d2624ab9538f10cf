import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { publicWorkshopEndpoints, workshopEndpoints } from '../../shared/api/appointments.endpoints.js';
import { actorContext, requestContext } from '../auth/index.js';
import { route } from '../http/endpoint-route.js';
import { officeById } from '../organisation/index.js';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { canUseAgenda } from './appointments.policy.js';
import { renderAttendanceSheet } from './attendance-sheet.js';
import type { WorkshopInvitations } from './workshop-invitations.service.js';
import type { WorkshopLinkService } from './workshop-link.service.js';
import type { WorkshopService } from './workshop.service.js';

export function registerWorkshopRoutes(
  app: FastifyInstance,
  db: Kysely<DB>,
  s: WorkshopService,
  invitations: WorkshopInvitations,
  links: WorkshopLinkService,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Agenda: incontri di gruppo'];
  const access = canUseAgenda;
  route(r, workshopEndpoints.list, {
    config: { access },
    schema: { tags, summary: 'Incontri di gruppo di una sede in un periodo' },
    handler: async (request) => ({ items: await s.list(actorContext(request), request.query) }),
  });
  route(r, workshopEndpoints.create, {
    config: { access },
    schema: { tags, summary: 'Crea un incontro di gruppo, o una serie settimanale' },
    handler: async (request, reply) => reply.code(201).send({ items: await s.create(actorContext(request), request.body) }),
  });
  route(r, workshopEndpoints.get, {
    config: { access },
    schema: { tags, summary: 'Un incontro con i partecipanti e la lista d’attesa' },
    handler: async (request) => s.get(actorContext(request), request.params.id),
  });
  route(r, workshopEndpoints.update, {
    config: { access },
    schema: { tags, summary: 'Modifica ora, luogo o posti (i partecipanti sono avvisati)' },
    handler: async (request) => s.update(actorContext(request), request.params.id, request.body),
  });
  route(r, workshopEndpoints.cancel, {
    config: { access },
    schema: { tags, summary: 'Annulla l’incontro (i partecipanti sono avvisati)' },
    handler: async (request) => s.cancel(actorContext(request), request.params.id, request.body.reason),
  });
  route(r, workshopEndpoints.invitationCompanies, {
    config: { access },
    schema: { tags, summary: 'Le aziende in crisi da cui vengono gli iscritti della sede (per invitare per azienda)' },
    handler: async (request) => invitations.companies(actorContext(request), request.params.id),
  });
  route(r, workshopEndpoints.invitationCandidates, {
    config: { access },
    schema: { tags, summary: 'Anteprima di chi invitare: gli iscritti di un’azienda, o quelli senza supporto al CV ricevuto' },
    handler: async (request) => invitations.candidates(actorContext(request), request.params.id, request.query),
  });
  route(r, workshopEndpoints.invite, {
    config: { access },
    schema: { tags, summary: 'Invita dei lavoratori' },
    handler: async (request) => s.invite(actorContext(request), request.params.id, request.body.workerIds),
  });
  route(r, workshopEndpoints.book, {
    config: { access },
    schema: { tags, summary: 'Prenota un posto per un lavoratore (o la lista d’attesa se è al completo)' },
    handler: async (request) => s.book(actorContext(request), request.params.id, request.params.workerId),
  });
  route(r, workshopEndpoints.withdraw, {
    config: { access },
    schema: { tags, summary: 'Toglie un partecipante: il posto va al primo in lista d’attesa' },
    handler: async (request) => {
      await s.withdraw(actorContext(request), request.params.id, request.params.workerId);
      return { ok: true as const };
    },
  });
  route(r, workshopEndpoints.attendance, {
    config: { access },
    schema: { tags, summary: 'Presenza di un partecipante' },
    handler: async (request) => {
      await s.attendance(actorContext(request), request.params.id, request.params.workerId, request.body.status);
      return { ok: true as const };
    },
  });
  route(r, workshopEndpoints.sheet, {
    config: { access },
    schema: { tags, summary: 'Foglio presenze da firmare (PDF)' },
    handler: async (request, reply) => {
      const w = await s.get(actorContext(request), request.params.id);
      const office = await officeById(db, w.officeId);
      const pdf = await renderAttendanceSheet({
        officeName: office?.name ?? '',
        title: w.title,
        start: new Date(w.start),
        end: new Date(w.end),
        place: w.room?.name ?? w.place,
        facilitators: w.facilitators.map((f) => f.name),
        participants: w.participants
          .filter((p) => ['booked', 'attended', 'absent', 'excused'].includes(p.status))
          .map((p) => p.worker.name)
          .sort((a, b) => a.localeCompare(b, 'it')),
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="presenze-${w.start.slice(0, 10)}.pdf"`)
        .send(pdf);
    },
  });

  // The worker's link in the workshop's messages: no session, the token is the credential.
  const pub = ['Incontri di gruppo (link del lavoratore)'];
  route(r, publicWorkshopEndpoints.show, {
    config: { access: 'public' },
    schema: { tags: pub, summary: 'L’incontro del link, con la risposta del lavoratore' },
    handler: async (request) => links.show(requestContext(request), request.params.token),
  });
  route(r, publicWorkshopEndpoints.accept, {
    config: { access: 'public' },
    schema: { tags: pub, summary: 'Partecipo: un posto, o la lista d’attesa se è al completo' },
    handler: async (request) => links.accept(requestContext(request), request.params.token),
  });
  route(r, publicWorkshopEndpoints.decline, {
    config: { access: 'public' },
    schema: { tags: pub, summary: 'Non partecipo' },
    handler: async (request) => links.decline(requestContext(request), request.params.token),
  });
  route(r, publicWorkshopEndpoints.withdraw, {
    config: { access: 'public' },
    schema: { tags: pub, summary: 'Non posso più venire: il posto va al primo in lista d’attesa' },
    handler: async (request) => links.withdraw(requestContext(request), request.params.token),
  });
}
