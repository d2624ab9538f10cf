import type { z } from 'zod';
import {
  buildPath,
  buildQuery,
  type BodyOf,
  type DownloadedFile,
  type EndpointDefinition,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
} from '../../shared/api/endpoint';
import { i18n } from '../i18n/i18n';

export interface FieldError {
  path: string;
  message: string;
}

/** A problem+json answer from the API, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    /** Extra members of the problem (e.g. `existingId` of a duplicate worker). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

let csrfToken = '';
export function setCsrfToken(token: string) {
  csrfToken = token;
}

let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

/** What a call needs: `params` when the path has parameters, `body` when the operation takes one. */
export type CallInput<E extends EndpointDefinition> = (E['params'] extends z.ZodType ? { params: ParamsOf<E> } : { params?: undefined }) &
  (E['query'] extends z.ZodType ? { query?: QueryOf<E> } : { query?: undefined }) &
  (E['bodyKind'] extends 'raw'
    ? { body: Blob }
    : E['body'] extends z.ZodType
      ? undefined extends BodyOf<E>
        ? { body?: BodyOf<E> }
        : { body: BodyOf<E> }
      : { body?: undefined }) & {
    /** Cancels the request (the read hook aborts a request a newer one replaced). */
    signal?: AbortSignal;
  };

type CallArgs<E extends EndpointDefinition> = object extends CallInput<E> ? [input?: CallInput<E>] : [input: CallInput<E>];

/** "attachment; filename=\"lettere-1a2b.pdf\"" → "lettere-1a2b.pdf" (RFC 6266, with filename* first). */
export function fileNameOf(contentDisposition: string | null, fallback: string): string {
  if (!contentDisposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(contentDisposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(contentDisposition);
  return (plain?.[2] ?? plain?.[1]?.trim()) || fallback;
}

async function problemOf(response: Response): Promise<ApiError> {
  let problem: { code?: string; detail?: string; errors?: FieldError[] } & Record<string, unknown> = {};
  try {
    problem = await response.json();
  } catch {
    // not JSON: keep the generic message
  }
  if (response.status === 401 && problem.code === 'UNAUTHENTICATED') onUnauthenticated();
  const { code, detail, errors, type: _type, title: _title, status: _status, instance: _instance, ...extra } = problem;
  return new ApiError(response.status, code ?? 'UNKNOWN', detail ?? i18n.t('errors.generic'), errors ?? [], extra);
}

/**
 * Calls one operation of the API contract: the URL is built from the endpoint's path template,
 * the answer is typed by its response schema. CSRF token, Accept-Language, problem+json errors
 * (as ApiError with field errors) and a lost session (401) are handled here, once. A raw body
 * (the import file) travels as application/octet-stream; a download resolves to a Blob with the
 * file name from Content-Disposition.
 */
export async function call<E extends EndpointDefinition>(endpoint: E, ...[input]: CallArgs<E>): Promise<ResponseOf<E>> {
  const { params, query, body, signal } = (input ?? {}) as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
    signal?: AbortSignal;
  };
  const url = buildPath(endpoint.path, params) + buildQuery(query);
  const headers: Record<string, string> = { accept: endpoint.download ? '*/*' : 'application/json', 'accept-language': i18n.language };
  if (endpoint.method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (endpoint.bodyKind === 'raw') {
    headers['content-type'] = 'application/octet-stream';
    payload = body as Blob;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(url, { method: endpoint.method, headers, body: payload, credentials: 'same-origin', signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
  if (!response.ok) throw await problemOf(response);
  if (endpoint.download) {
    const file: DownloadedFile = {
      blob: await response.blob(),
      fileName: fileNameOf(response.headers.get('content-disposition'), 'download'),
    };
    return file as ResponseOf<E>;
  }
  return (await response.json()) as ResponseOf<E>;
}

/** The URL of a GET operation, for a plain link (a download the browser saves itself). */
export function urlOf<E extends EndpointDefinition & { method: 'GET' }>(endpoint: E, input: Omit<CallInput<E>, 'signal' | 'body'>): string {
  const { params, query } = input as { params?: Record<string, unknown>; query?: Record<string, unknown> };
  return buildPath(endpoint.path, params) + buildQuery(query);
}

/** Hands a downloaded file to the browser as a saved file. */
export function saveFile(file: DownloadedFile) {
  const url = URL.createObjectURL(file.blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: file.fileName });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
