import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { workshopEndpoints } from '../../shared/api/appointments.endpoints.js';
import { actorContext } from '../auth/index.js';
import { route } from '../http/endpoint-route.js';
import { officeById } from '../organisation/index.js';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { canUseAgenda } from './appointments.policy.js';
import { renderAttendanceSheet } from './attendance-sheet.js';
import type { WorkshopService } from './workshop.service.js';

export function registerWorkshopRoutes(app: FastifyInstance, db: Kysely<DB>, s: WorkshopService) {
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
}
