import type { FastifyInstance } from 'fastify';
import { requestContext } from '../auth/index.js';
import { route } from '../http/endpoint-route.js';
import { pickLanguage } from '../http/problem.js';
import { setupEndpoints } from '../../shared/api/setup.endpoints.js';
import type { SetupService } from './setup.service.js';

const tags = ['Primo accesso'];

/**
 * Public routes gated by the one-time token. Like sign-in, they carry no session: the access
 * control's cross-origin check refuses a POST from another site's page, and the token itself (in
 * the body, from the link's fragment) is what a forged request cannot know.
 */
export function registerSetupEndpoints(app: FastifyInstance, setup: SetupService) {
  route(app, setupEndpoints.check, {
    config: { access: 'public' },
    schema: { tags, summary: 'Verifica il link di primo accesso (installazione senza account)' },
    handler: async (request) => {
      await setup.checkLink(request.body.token);
      return { available: true as const };
    },
  });

  route(app, setupEndpoints.complete, {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Primo accesso: crea la rete, la prima sede e l’amministratore',
      description:
        'Solo con il token del link stampato da `ricolloca serve` al primo avvio di un’installazione senza account né demo; ' +
        'una sola volta: poi risponde 409.',
    },
    handler: async (request, reply) => {
      const result = await setup.complete(requestContext(request), request.body, pickLanguage(request.headers['accept-language']));
      return reply.code(201).send(result);
    },
  });
}
