import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { trainingEndpoints } from '../../shared/api/training.endpoints.js';
import { actorContext } from '../auth/index.js';
import { route } from '../http/endpoint-route.js';
import { trainingErrors } from './training.errors.js';
import type { TrainingModule } from './training.module.js';
import { canEnrolWorkers, canManageCatalogue, canReadCatalogue, canReadWorkerCourses } from './training.policy.js';

const tags = ['Formazione'];

/** A provider's catalogue is a few hundred rows: a few megabytes at most. */
const MAX_CATALOGUE_BYTES = 5 * 1024 * 1024;

export function registerTrainingRoutes(app: FastifyInstance, m: TrainingModule) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  route(r, trainingEndpoints.providers, {
    config: { access: canReadCatalogue },
    schema: { tags, summary: 'Enti di formazione della rete' },
    handler: async (request) => ({ items: await m.catalogue.listProviders(actorContext(request).actor) }),
  });
  route(r, trainingEndpoints.createProvider, {
    config: { access: canManageCatalogue },
    schema: { tags, summary: 'Registra un ente di formazione' },
    handler: async (request, reply) => reply.code(201).send(await m.catalogue.createProvider(actorContext(request), request.body)),
  });
  route(r, trainingEndpoints.updateProvider, {
    config: { access: canManageCatalogue },
    schema: { tags, summary: 'Modifica un ente di formazione' },
    handler: async (request) => m.catalogue.updateProvider(actorContext(request), request.params.id, request.body),
  });
  route(r, trainingEndpoints.deleteProvider, {
    config: { access: canManageCatalogue },
    schema: { tags, summary: 'Elimina un ente di formazione senza corsi' },
    handler: async (request) => {
      await m.catalogue.deleteProvider(actorContext(request), request.params.id);
      return { ok: true as const };
    },
  });

  route(r, trainingEndpoints.courses, {
    config: { access: canReadCatalogue },
    schema: { tags, summary: 'Catalogo dei corsi: ricerca per testo, competenza, comune, online, data di inizio, posti liberi' },
    handler: async (request) => m.catalogue.searchCourses(actorContext(request).actor, request.query),
  });
  route(r, trainingEndpoints.createCourse, {
    config: { access: canManageCatalogue },
    schema: { tags, summary: 'Aggiunge un corso al catalogo' },
    handler: async (request, reply) => reply.code(201).send(await m.catalogue.createCourse(actorContext(request), request.body)),
  });
  route(r, trainingEndpoints.course, {
    config: { access: canReadCatalogue },
    schema: { tags, summary: 'Un corso con gli iscritti e la lista d’attesa (lettura registrata)' },
    handler: async (request) => m.enrolments.courseDetail(actorContext(request), request.params.id),
  });
  route(r, trainingEndpoints.updateCourse, {
    config: { access: canManageCatalogue },
    schema: { tags, summary: 'Modifica un corso (posti, date, stato, competenze)' },
    handler: async (request) =>
      m.catalogue.updateCourse(actorContext(request), request.params.id, request.body, (trx, courseId) =>
        m.enrolments.promoteWaiting(trx, actorContext(request), courseId),
      ),
  });

  route(r, trainingEndpoints.enrol, {
    config: { access: canEnrolWorkers },
    schema: { tags, summary: 'Iscrive un lavoratore: un posto se libero, altrimenti la lista d’attesa' },
    handler: async (request, reply) =>
      reply.code(201).send({ enrolment: await m.enrolments.enrol(actorContext(request), request.params.id, request.body) }),
  });
  route(r, trainingEndpoints.withdraw, {
    config: { access: canEnrolWorkers },
    schema: { tags, summary: 'Ritiro o abbandono: il posto liberato va al primo della lista d’attesa' },
    handler: async (request) => m.enrolments.withdraw(actorContext(request), request.params.id, request.body),
  });
  route(r, trainingEndpoints.attendance, {
    config: { access: canEnrolWorkers },
    schema: { tags, summary: 'Ore frequentate finora' },
    handler: async (request) => m.enrolments.recordAttendance(actorContext(request), request.params.id, request.body),
  });
  route(r, trainingEndpoints.complete, {
    config: { access: canEnrolWorkers },
    schema: { tags, summary: 'Conclusione del corso: ore, attestato; le competenze vanno nel profilo' },
    handler: async (request) => m.enrolments.complete(actorContext(request), request.params.id, request.body),
  });
  route(r, trainingEndpoints.workerCourses, {
    config: { access: canReadWorkerCourses },
    schema: { tags, summary: 'I corsi di un lavoratore (lettura registrata)' },
    handler: async (request) => m.enrolments.workerCourses(actorContext(request), request.params.workerId),
  });

  app.register(async (scoped) => {
    scoped.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_CATALOGUE_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    const s = scoped.withTypeProvider<ZodTypeProvider>();
    route(s, trainingEndpoints.importDryRun, {
      bodyLimit: MAX_CATALOGUE_BYTES,
      config: { access: canManageCatalogue },
      schema: { tags, summary: 'Verifica il catalogo di un ente (CSV o XLSX) senza salvare: errori riga per riga' },
      handler: async (request) => {
        if (!Buffer.isBuffer(request.body)) throw trainingErrors.notAFile();
        return m.imports.dryRun(actorContext(request), { ...request.query, bytes: request.body });
      },
    });
    route(s, trainingEndpoints.importApply, {
      bodyLimit: MAX_CATALOGUE_BYTES,
      config: { access: canManageCatalogue },
      schema: { tags, summary: 'Importa il catalogo di un ente: tutti i corsi o nessuno' },
      handler: async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw trainingErrors.notAFile();
        return reply.code(201).send(await m.imports.apply(actorContext(request), { ...request.query, bytes: request.body }));
      },
    });
  });
}
