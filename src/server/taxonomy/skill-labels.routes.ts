import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { skillLabelEndpoints, taxonomyEndpoints } from '../../shared/api/taxonomy.endpoints.js';
import { actorContext } from '../auth/index.js';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import { route } from '../http/endpoint-route.js';
import { pickLanguage } from '../http/problem.js';
import { createSkillLabelsService, type SkillLabelsService, type UsedSkillUris } from './skill-labels.service.js';
import { createTaxonomyRepository } from './taxonomy.repository.js';
import { canManageSkillLabels, canReadReferenceData } from './taxonomy.policy.js';

/** The network's Italian labels of ESCO concepts and the occupation-skills lookup, wired once. */
export function createSkillLabelsModule(deps: { db: Kysely<DB>; audit: AuditService; clock: () => Date; usedSkillUris: UsedSkillUris }) {
  return { skillLabels: createSkillLabelsService({ ...deps, repository: createTaxonomyRepository() }) };
}
export type SkillLabelsModule = { skillLabels: SkillLabelsService };

export function registerSkillLabelsRoutes(app: FastifyInstance, module: SkillLabelsModule) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const s = module.skillLabels;
  const tags = ['Dati di riferimento'];

  route(r, taxonomyEndpoints.occupationSkills, {
    config: { access: canReadReferenceData },
    schema: {
      tags,
      summary: 'Competenze essenziali e facoltative delle professioni ESCO: di una professione, o di tutte quelle di un gruppo ISCO-08',
    },
    handler: async (request) => s.occupationSkills(actorContext(request), request.query),
  });

  route(r, skillLabelEndpoints.list, {
    config: { access: canManageSkillLabels },
    schema: { tags, summary: 'Competenze usate dalla rete senza etichetta italiana (prima) e etichette italiane della rete' },
    handler: async (request) => ({ items: await s.list(actorContext(request)) }),
  });
  route(r, skillLabelEndpoints.put, {
    config: { access: canManageSkillLabels },
    schema: { tags, summary: 'Inserisce o modifica l’etichetta italiana della rete per una competenza o professione ESCO' },
    handler: async (request) => s.put(actorContext(request), request.body),
  });
  route(r, skillLabelEndpoints.remove, {
    config: { access: canManageSkillLabels },
    schema: { tags, summary: 'Toglie l’etichetta italiana della rete' },
    handler: async (request) => {
      await s.remove(actorContext(request), request.query.conceptUri);
      return { ok: true as const };
    },
  });
  route(r, skillLabelEndpoints.import, {
    config: { access: canManageSkillLabels },
    schema: {
      tags,
      summary: 'Importa etichette italiane da CSV (uri;etichetta;alternative separate da |): prova o applicazione, tutto o niente',
    },
    handler: async (request) => s.importCsv(actorContext(request), request.body, pickLanguage(request.headers['accept-language'])),
  });
}
