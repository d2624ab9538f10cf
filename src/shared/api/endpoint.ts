import type { z } from 'zod';

/**
 * One definition per API operation: method, path template and the Zod schemas of its params,
 * querystring, body and success response. The server registers its route from it
 * (src/server/http/endpoint-route.ts) and the web calls it through `call` (src/web/api/client.ts),
 * so the two cannot disagree on a URL or a shape (guide: "Shared contracts").
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface EndpointDefinition {
  method: HttpMethod;
  /** Fastify-style template: `/api/v1/programmes/:id`. */
  path: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /**
   * 'raw': the body is the bytes of a file (a File or Blob on the web, a Buffer on the server),
   * sent as application/octet-stream; the server parses it itself (imports).
   */
  bodyKind?: 'json' | 'raw';
  /** The success status. */
  status: number;
  /** The success body's schema; absent for a file download (`download: true`). */
  response?: z.ZodType;
  /** The success answer is a file (PDF, CSV, XLSX) named by Content-Disposition. */
  download?: true;
  /** Problem statuses this operation can answer with besides the ones implied (400, 401, 403, 404). */
  problems?: readonly number[];
}

/** Keeps the literal types (method, status, schemas) of a definition. */
export function defineEndpoint<const E extends EndpointDefinition>(endpoint: E): E {
  return endpoint;
}

/** A downloaded file: its bytes and the name the server gave it. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

type InputOf<S> = S extends z.ZodType ? z.input<S> : undefined;

export type ParamsOf<E extends EndpointDefinition> = InputOf<E['params']>;
export type QueryOf<E extends EndpointDefinition> = InputOf<E['query']>;
export type BodyOf<E extends EndpointDefinition> = E['bodyKind'] extends 'raw' ? Blob : InputOf<E['body']>;
export type ResponseOf<E extends EndpointDefinition> = E['download'] extends true
  ? DownloadedFile
  : E['response'] extends z.ZodType
    ? z.output<E['response']>
    : undefined;

/** `/api/v1/programmes/:id` with `{ id }` → `/api/v1/programmes/1b2c…`, each value URI-encoded. */
export function buildPath(template: string, params: Record<string, unknown> | undefined): string {
  return template.replace(/:([A-Za-z][A-Za-z0-9]*)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') throw new Error(`Missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(String(value));
  });
}

/** A query string from the defined, non-empty values only; arrays repeat the key. */
export function buildQuery(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== '') search.append(key, String(item));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The path parameters a template names, in order. */
export function pathParameterNames(template: string): string[] {
  return [...template.matchAll(/:([A-Za-z][A-Za-z0-9]*)/g)].map((m) => m[1]!);
}
