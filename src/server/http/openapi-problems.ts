import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifySchema } from 'fastify';
import { problemStatusesOf } from './endpoint-route.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Richiesta non valida (errori per campo in `errors`)',
  401: 'Accesso richiesto',
  403: 'Operazione non consentita (permesso, token CSRF o sede)',
  404: 'Risorsa inesistente',
  409: 'Conflitto con lo stato attuale (doppione, stato non compatibile, sede corrente mancante)',
  413: 'File troppo grande',
  415: 'Tipo di contenuto non supportato',
  422: 'Requisiti non soddisfatti',
  429: 'Troppi tentativi: riprovare più tardi',
  503: 'Servizio non ancora pronto o dati di riferimento non caricati',
};

const PROBLEM_RESPONSE = (status: number) => ({
  description: DESCRIPTIONS[status] ?? 'Errore',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/**
 * Wraps the Zod → OpenAPI transform so every contract operation documents its problem+json
 * answers (RFC 9457) with the shared `Problem` schema: 400 when it takes input, 401 and 403 unless
 * public, 404 when its path names a resource, and the statuses its endpoint declares (409, …).
 */
export function withProblemResponses(transform: SwaggerTransform): SwaggerTransform {
  return (document) => {
    const result = transform(document);
    const endpoint = document.route?.config?.endpoint;
    const schema = result.schema as { hide?: boolean; response?: Record<string, unknown> } | undefined;
    if (!endpoint || !schema || schema.hide) return result;
    const isPublic = document.route?.config?.access === 'public';
    const response: Record<string, unknown> = { ...(schema.response ?? {}) };
    if (endpoint.download)
      response[String(endpoint.status)] = {
        description: 'File da scaricare (nome in Content-Disposition)',
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      };
    for (const status of problemStatusesOf(endpoint, isPublic)) response[String(status)] = PROBLEM_RESPONSE(status);
    return { ...result, schema: { ...schema, response } as FastifySchema };
  };
}
