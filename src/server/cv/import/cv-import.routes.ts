import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { cvImportEndpoints } from '../../../shared/api/cv-import.endpoints.js';
import { actorContext } from '../../auth/index.js';
import { route } from '../../http/endpoint-route.js';
import { MAX_CV_BYTES, cvImportErrors, cvReviewErrors } from './cv-import.errors.js';
import { canImportCv } from './cv-import.policy.js';
import type { CvImportService } from './cv-import.service.js';

const tags = ['Profilo professionale'];

/**
 * The CV is the raw request body (application/octet-stream), capped at 20 MB by this route alone
 * (the app's JSON limit is 1 MB): its format is told by its content, whatever the declared type.
 */
export function registerCvImportRoutes(app: FastifyInstance, service: CvImportService) {
  app.register(async (scoped) => {
    const parseFile = (_req: unknown, body: Buffer, done: (err: Error | null, body?: Buffer) => void) => done(null, body);
    scoped.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_CV_BYTES }, parseFile);
    route(scoped.withTypeProvider<ZodTypeProvider>(), cvImportEndpoints.preview, {
      bodyLimit: MAX_CV_BYTES,
      config: { access: canImportCv },
      schema: {
        tags,
        summary:
          'Legge un CV (JSON Resume, Europass XML 2.0–3.4, Europass JSON, PDF Europass con XML allegato) e mostra cosa aggiungerebbe al profilo; non salva nulla',
      },
      handler: async (request) => {
        if (!Buffer.isBuffer(request.body)) throw cvReviewErrors.notAFile();
        if (request.body.length > MAX_CV_BYTES) throw cvImportErrors.tooLarge();
        return service.preview(actorContext(request), request.params.workerId, request.body, request.query.lang);
      },
    });
  });

  route(app.withTypeProvider<ZodTypeProvider>(), cvImportEndpoints.apply, {
    config: { access: canImportCv },
    schema: {
      tags,
      summary: 'Aggiunge al profilo le voci del CV scelte dall’operatore, in una nuova versione (409 se il profilo è cambiato)',
    },
    handler: async (request) => service.apply(actorContext(request), request.params.workerId, request.body),
  });
}
