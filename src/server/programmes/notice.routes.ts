import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noticeEndpoints } from '../../shared/api/notices.endpoints.js';
import { actorContext } from '../auth/index.js';
import { route } from '../http/endpoint-route.js';
import type { NoticeService } from './notice.service.js';
import { canReadNotices } from './programme.policy.js';

const tags = ['Avvisi'];

export function registerNoticeRoutes(app: FastifyInstance, notices: NoticeService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  route(r, noticeEndpoints.list, {
    config: { access: canReadNotices },
    schema: { tags, summary: 'Gli avvisi della persona collegata, in tutte le sue sedi e i suoi ruoli, dal più recente' },
    handler: async (request) => notices.list(actorContext(request), request.query),
  });

  route(r, noticeEndpoints.markRead, {
    config: { access: canReadNotices },
    schema: { tags, summary: 'Segna come letto un avviso indirizzato alla persona collegata' },
    handler: async (request) => {
      await notices.markRead(actorContext(request), request.params.id);
      return { ok: true as const };
    },
  });
}
