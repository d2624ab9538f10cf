import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ComuneItem } from '../../shared/schemas/taxonomy.schema.js';
import { taxonomyEndpoints, taxonomySearchEndpoints } from '../../shared/api/taxonomy.endpoints.js';
import { route } from '../http/endpoint-route.js';
import type { PlacesService } from './places.service.js';
import type { SearchService } from './search.service.js';
import type { SourcesService } from './sources.service.js';
import { canReadReferenceData } from './taxonomy.policy.js';
import type { SearchGroup } from './taxonomy.repository.js';

const tags = ['Dati di riferimento'];

const SEARCHES: Array<{ path: keyof typeof taxonomySearchEndpoints; group: SearchGroup; summary: string }> = [
  { path: 'occupations', group: 'occupation', summary: 'Professioni: ESCO, gruppi ISCO-08 e ISTAT CP2011 (ricerca mentre si scrive)' },
  { path: 'skills', group: 'skill', summary: 'Competenze e conoscenze ESCO (ricerca mentre si scrive)' },
  { path: 'sectors', group: 'sector', summary: 'Attività economiche ATECO 2025 e 2007 (ricerca mentre si scrive)' },
  { path: 'education', group: 'education', summary: 'Titoli di studio ISTAT e livelli EQF (ricerca mentre si scrive)' },
  { path: 'ccnl', group: 'ccnl', summary: 'Contratti collettivi nazionali dell’archivio CNEL (ricerca mentre si scrive)' },
];

const SEARCH_DESCRIPTION =
  'Ricerca senza distinzione di maiuscole e accenti, per prefisso e tollerante agli errori di battitura, in italiano e in inglese. ' +
  'Ordine: corrispondenza esatta, poi per prefisso, poi approssimata; etichetta preferita prima di quella alternativa. ' +
  '`label` è nella lingua chiesta; `fallback` è vero quando si è chiesto l’italiano ma esiste solo l’etichetta inglese.';

export function registerReferenceDataRoutes(
  app: FastifyInstance,
  services: { search: SearchService; places: PlacesService; sources: SourcesService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  for (const { path, group, summary } of SEARCHES) {
    route(r, taxonomySearchEndpoints[path], {
      config: { access: canReadReferenceData },
      schema: { tags, summary, description: SEARCH_DESCRIPTION },
      handler: async (request) => ({ items: await services.search.search(group, request.query, request.actor?.networkId ?? null) }),
    });
  }

  route(r, taxonomyEndpoints.comuni, {
    config: { access: canReadReferenceData },
    schema: { tags, summary: 'Comuni italiani (ricerca mentre si scrive)', description: SEARCH_DESCRIPTION },
    handler: async (request) => ({
      items: (await services.search.search('comune', request.query)).filter(
        (item): item is ComuneItem => item.kind === 'comune' && 'lat' in item,
      ),
    }),
  });

  route(r, taxonomyEndpoints.nearby, {
    config: { access: canReadReferenceData },
    schema: {
      tags,
      summary: 'Comuni entro un raggio (km, in linea d’aria tra i centroidi), dal più vicino; il comune di partenza è il primo',
    },
    handler: async (request) => services.places.nearby(request.params.istatCode, request.query.radiusKm, request.query.limit),
  });

  route(r, taxonomyEndpoints.distance, {
    config: { access: canReadReferenceData },
    schema: {
      tags,
      summary: 'Distanza tra due comuni (km, in linea d’aria tra i centroidi)',
    },
    handler: async (request) => services.places.distance(request.query.from, request.query.to),
  });

  route(r, taxonomyEndpoints.sources, {
    config: { access: canReadReferenceData },
    schema: { tags, summary: 'Fonti dei dati di riferimento, con versione, licenza, attribuzione e stato di caricamento' },
    handler: async () => ({ items: await services.sources.list() }),
  });
}
