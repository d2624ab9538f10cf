import type {
  FastifyContextConfig,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { EndpointDefinition } from '../../shared/api/endpoint.js';

/** The Fastify schema an endpoint implies: its params, querystring, body and success response. */
export interface EndpointSchema<E extends EndpointDefinition> {
  params: E['params'];
  querystring: E['query'];
  body: E['bodyKind'] extends 'raw' ? undefined : E['body'];
  response: E['response'] extends undefined ? undefined : { [S in E['status']]: NonNullable<E['response']> };
}

export type EndpointHandler<E extends EndpointDefinition> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  FastifyContextConfig,
  EndpointSchema<E>,
  ZodTypeProvider
>;

export interface EndpointRouteOptions<E extends EndpointDefinition> {
  /** Who may call it (`access`) and other per-route settings: the route keeps its own policy. */
  config: FastifyContextConfig & { access: NonNullable<FastifyContextConfig['access']> };
  /** Documentation only: method, path and schemas come from the endpoint. */
  schema: { tags: string[]; summary: string; description?: string };
  bodyLimit?: number;
  handler: EndpointHandler<E>;
}

/** Problem statuses an operation can answer with, documented in OpenAPI (see openapi-problems.ts). */
export function problemStatusesOf(endpoint: EndpointDefinition, isPublic: boolean): number[] {
  const statuses = new Set<number>();
  if (endpoint.params || endpoint.query || endpoint.body || endpoint.bodyKind === 'raw') statuses.add(400);
  if (!isPublic) {
    statuses.add(401);
    statuses.add(403);
  }
  if (endpoint.path.includes(':')) statuses.add(404);
  for (const status of endpoint.problems ?? []) statuses.add(status);
  return [...statuses].sort((a, b) => a - b);
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The contract operation this route implements (set by `route`). */
    endpoint?: EndpointDefinition;
  }
}

/**
 * Registers the route of a contract endpoint: method, URL and schemas come from the endpoint, so
 * the server cannot drift from what the web client sends; the route keeps its access policy,
 * documentation and handler.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function route<E extends EndpointDefinition>(
  app: FastifyInstance<any, any, any, any, any>,
  endpoint: E,
  options: EndpointRouteOptions<E>,
) {
  const schema: Record<string, unknown> = { ...options.schema };
  if (endpoint.params) schema.params = endpoint.params;
  if (endpoint.query) schema.querystring = endpoint.query;
  if (endpoint.body && endpoint.bodyKind !== 'raw') schema.body = endpoint.body;
  if (endpoint.response) schema.response = { [endpoint.status]: endpoint.response };
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    schema,
    config: { ...options.config, endpoint },
    ...(options.bodyLimit !== undefined && { bodyLimit: options.bodyLimit }),
    handler: options.handler as RouteHandlerMethod,
  });
}
