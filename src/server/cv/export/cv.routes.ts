import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { cvEndpoints } from '../../../shared/api/cv.endpoints.js';
import { CV_PHOTO_MAX_BYTES } from '../../../shared/schemas/cvs.schema.js';
import { actorContext } from '../../auth/index.js';
import { route } from '../../http/endpoint-route.js';
import { cvErrors } from './cv.errors.js';
import { canEditCvs, canReadCvs } from './cv.policy.js';
import type { CvService } from './cv.service.js';

const tags = ['CV'];

/** A little over the photo limit: a larger photo gets the CV's own 413 (in words), a much larger body Fastify's. */
const PHOTO_BODY_LIMIT = CV_PHOTO_MAX_BYTES + 1024 * 1024;

export function registerCvRoutes(app: FastifyInstance, service: CvService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  route(r, cvEndpoints.list, {
    config: { access: canReadCvs },
    schema: { tags, summary: 'I CV del lavoratore (la lettura è registrata)' },
    handler: async (request) => ({ items: await service.list(actorContext(request), request.params.workerId) }),
  });
  route(r, cvEndpoints.create, {
    config: { access: canEditCvs },
    schema: { tags, summary: 'Crea un CV dal profilo attuale del lavoratore' },
    handler: async (request, reply) =>
      reply.code(201).send(await service.create(actorContext(request), request.params.workerId, request.body)),
  });
  route(r, cvEndpoints.get, {
    config: { access: canReadCvs },
    schema: { tags, summary: 'Un CV: titolo, lingua, sezioni e testi scelti con il lavoratore' },
    handler: async (request) => service.get(actorContext(request), request.params.workerId, request.params.cvId),
  });
  route(r, cvEndpoints.update, {
    config: { access: canEditCvs },
    schema: { tags, summary: 'Modifica un CV a partire dalla versione indicata (409 se nel frattempo è cambiato)' },
    handler: async (request) => service.update(actorContext(request), request.params.workerId, request.params.cvId, request.body),
  });
  route(r, cvEndpoints.versions, {
    config: { access: canReadCvs },
    schema: { tags, summary: 'Le versioni salvate di un CV, dalla più recente' },
    handler: async (request) => ({ items: await service.versions(actorContext(request), request.params.workerId, request.params.cvId) }),
  });
  route(r, cvEndpoints.pdf, {
    config: { access: canReadCvs },
    schema: { tags, summary: 'Il CV in PDF (A4, sezioni Europass; lo scaricamento è registrato)' },
    handler: async (request, reply) => {
      const { pdf, fileName } = await service.pdf(actorContext(request), request.params.workerId, request.params.cvId);
      const disposition = request.query.disposition ?? 'attachment';
      // The preview frames the PDF in the CV screen: this one answer may be framed by the app's own
      // pages (every other keeps frame-ancestors 'none'); it runs nothing, so it loads nothing either.
      if (disposition === 'inline')
        reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'self'").header('x-frame-options', 'SAMEORIGIN');
      return reply.type('application/pdf').header('content-disposition', `${disposition}; filename="${fileName}"`).send(pdf);
    },
  });
  route(r, cvEndpoints.jsonResume, {
    config: { access: canReadCvs },
    schema: { tags, summary: 'Il CV in formato JSON Resume, verificato sullo schema (lo scaricamento è registrato)' },
    handler: async (request, reply) => {
      const { resume, fileName } = await service.jsonResume(actorContext(request), request.params.workerId, request.params.cvId);
      return reply.header('content-disposition', `attachment; filename="${fileName}"`).send(resume);
    },
  });
  route(r, cvEndpoints.deletePhoto, {
    config: { access: canEditCvs },
    schema: { tags, summary: 'Toglie la foto dal CV' },
    handler: async (request) => service.setPhoto(actorContext(request), request.params.workerId, request.params.cvId, null),
  });

  // The photo is the raw body: JPEG or PNG bytes, whatever type the client declares (checked by the first bytes).
  app.register(async (scoped) => {
    for (const type of ['application/octet-stream', 'image/jpeg', 'image/png'])
      scoped.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: PHOTO_BODY_LIMIT }, (_req, body, done) => done(null, body));
    route(scoped.withTypeProvider<ZodTypeProvider>(), cvEndpoints.uploadPhoto, {
      bodyLimit: PHOTO_BODY_LIMIT,
      config: { access: canEditCvs },
      schema: { tags, summary: 'Carica la foto del CV (JPEG o PNG, al massimo 2 MB) come corpo application/octet-stream' },
      handler: async (request) => {
        if (!Buffer.isBuffer(request.body)) throw cvErrors.photoNotImage();
        return service.setPhoto(actorContext(request), request.params.workerId, request.params.cvId, request.body);
      },
    });
  });
}
