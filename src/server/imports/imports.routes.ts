import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { importEndpoints } from '../../shared/api/imports.endpoints.js';
import { actorContext, requireOffice, worksAcrossNetwork } from '../auth/index.js';
import { route } from '../http/endpoint-route.js';
import { importErrors } from './imports.errors.js';
import { canImportWorkers, canManageImportSettings } from './imports.policy.js';
import type { ImportService } from './imports.service.js';
import { MAX_FILE_BYTES, type ImportScope } from './imports.types.js';

const tags = ['Importazioni'];

function scopeOf(request: FastifyRequest): ImportScope {
  const { actor } = actorContext(request);
  return { ...requireOffice(actor), userId: actor.userId, acrossNetwork: worksAcrossNetwork(actor) };
}

/**
 * The file is the raw request body (application/octet-stream) with its own size limit: the app's
 * JSON limit (1 MB) is too small for a list of 100,000 workers, and base64 in JSON would add a
 * third to the size and hold the whole text in memory twice. No multipart dependency is needed.
 */
export function registerImportRoutes(app: FastifyInstance, service: ImportService) {
  app.addHook('onClose', async () => service.idle());
  app.register(async (scoped) => {
    scoped.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    route(scoped.withTypeProvider<ZodTypeProvider>(), importEndpoints.upload, {
      bodyLimit: MAX_FILE_BYTES,
      config: { access: canImportWorkers },
      schema: {
        tags,
        summary: 'Carica un elenco di lavoratori (CSV o XLSX) come corpo application/octet-stream',
      },
      handler: async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw importErrors.unsupportedFormat();
        const job = await service.upload(actorContext(request), scopeOf(request), {
          fileName: request.query.fileName,
          bytes: request.body,
        });
        return reply.code(201).send(job);
      },
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  route(r, importEndpoints.offices, {
    config: { access: canImportWorkers },
    schema: { tags, summary: 'Sedi a cui si possono assegnare i lavoratori importati' },
    handler: async (request) => service.offices(scopeOf(request)),
  });

  route(r, importEndpoints.settings, {
    config: { access: canManageImportSettings },
    schema: { tags, summary: 'Per quanti giorni un’importazione conserva i dati personali delle righe' },
    handler: async (request) => service.settings(scopeOf(request)),
  });

  route(r, importEndpoints.updateSettings, {
    config: { access: canManageImportSettings },
    schema: { tags, summary: 'Cambia il periodo di conservazione dei dati delle importazioni della rete' },
    handler: async (request) => service.updateSettings(actorContext(request), scopeOf(request), request.body.retentionDays),
  });

  route(r, importEndpoints.get, {
    config: { access: canImportWorkers },
    schema: { tags, summary: 'Stato, avanzamento e conteggi di un’importazione' },
    handler: async (request) => service.get(actorContext(request), scopeOf(request), request.params.id),
  });

  route(r, importEndpoints.rows, {
    config: { access: canImportWorkers },
    schema: { tags, summary: 'Esito riga per riga della verifica' },
    handler: async (request) => service.rows(actorContext(request), scopeOf(request), request.params.id, request.query),
  });

  route(r, importEndpoints.refusedRows, {
    config: { access: canImportWorkers },
    schema: { tags, summary: 'Scarica le righe rifiutate con una colonna di errori (CSV o XLSX), da rimandare a chi ha inviato l’elenco' },
    handler: async (request, reply) => {
      const file = await service.refusedRows(actorContext(request), scopeOf(request), request.params.id, request.query.format);
      reply.header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]+/g, '_')}"`);
      return reply.type(file.contentType).send(file.bytes);
    },
  });

  route(r, importEndpoints.dryRun, {
    config: { access: canImportWorkers },
    schema: {
      tags,
      summary: 'Verifica il file con l’associazione delle colonne scelta, senza salvare (in background)',
    },
    handler: async (request, reply) =>
      reply.code(202).send(await service.startDryRun(actorContext(request), scopeOf(request), request.params.id, request.body)),
  });

  route(r, importEndpoints.apply, {
    config: { access: canImportWorkers },
    schema: { tags, summary: 'Applica l’importazione verificata: tutta o niente, oppure solo le righe valide (in background)' },
    handler: async (request, reply) =>
      reply
        .code(202)
        .send(await service.startApply(actorContext(request), scopeOf(request), request.params.id, request.body ?? { validOnly: false })),
  });
}
