import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { profileEndpoints } from '../../shared/api/profiles.endpoints.js';
import { actorContext } from '../auth/index.js';
import { route } from '../http/endpoint-route.js';
import type { ProfileService } from './profile.service.js';
import { canEditProfiles, canReadProfiles } from './profiles.policy.js';

const tags = ['Profilo professionale'];

export function registerProfileRoutes(app: FastifyInstance, service: ProfileService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  route(r, profileEndpoints.get, {
    config: { access: canReadProfiles },
    schema: { tags, summary: 'Il profilo professionale del lavoratore, con la completezza' },
    handler: async (request) => service.get(actorContext(request), request.params.workerId),
  });
  route(r, profileEndpoints.replace, {
    config: { access: canEditProfiles },
    schema: { tags, summary: 'Sostituisce l’intero profilo (409 se la versione di partenza non è più l’ultima)' },
    handler: async (request) => service.replace(actorContext(request), request.params.workerId, request.body),
  });
  route(r, profileEndpoints.updateSections, {
    config: { access: canEditProfiles },
    schema: { tags, summary: 'Sostituisce le sezioni indicate del profilo (409 se la versione di partenza non è più l’ultima)' },
    handler: async (request) => service.updateSections(actorContext(request), request.params.workerId, request.body),
  });
  route(r, profileEndpoints.versions, {
    config: { access: canReadProfiles },
    schema: { tags, summary: 'Le versioni del profilo: chi, quando, quali sezioni' },
    handler: async (request) => service.versions(actorContext(request), request.params.workerId),
  });
  route(r, profileEndpoints.version, {
    config: { access: canReadProfiles },
    schema: { tags, summary: 'Una versione del profilo, intera' },
    handler: async (request) => service.version(actorContext(request), request.params.workerId, request.params.version),
  });
  route(r, profileEndpoints.completeness, {
    config: { access: canReadProfiles },
    schema: { tags, summary: 'Quanto è completo il profilo e cosa manca' },
    handler: async (request) => service.completeness(actorContext(request), request.params.workerId),
  });
  route(r, profileEndpoints.skillSuggestions, {
    config: { access: canReadProfiles },
    schema: { tags, summary: 'Le competenze ESCO delle professioni del profilo, da spuntare' },
    handler: async (request) => service.skillSuggestions(actorContext(request), request.params.workerId, request.query.lang),
  });
}
