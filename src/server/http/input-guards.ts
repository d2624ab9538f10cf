import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { INVALID_TEXT_MESSAGE } from '../../shared/api/validation-messages.js';
import { frameworkProblem, sendProblem } from './error-handler.js';
import { httpErrors } from './http.errors.js';
import { DomainError, problemType, type FieldError } from './problem.js';

/**
 * A URL longer than this is refused with 414 before any other work. Node's parser refuses a
 * request head over 16 KiB (maxHeaderSize) before Fastify sees it: that one is answered by
 * `handleClientError` below. No page of the web app builds a URL near 8 KiB.
 */
export const MAX_URL_LENGTH = 8 * 1024;

/**
 * Text PostgreSQL cannot store or that is not Unicode: the NUL character (refused in `text` and
 * `jsonb`) and a UTF-16 surrogate without its pair (JSON allows the escape `"\ud800"`, but it
 * encodes no character and `jsonb` refuses it). Without the `u` flag the pattern sees code units.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * The text with what PostgreSQL cannot store replaced by U+FFFD, for text that is read rather than
 * typed into a field (a key named in an error path, the cells of an uploaded list), where
 * refusing the whole input would be wrong: a row with such a cell is refused by its own checks.
 */
export function storableText(text: string): string {
  return isStorableText(text) ? text : text.replace(UNSTORABLE_ALL, '\uFFFD');
}

/** A key named in an error path is printed with its bad characters replaced, never echoed raw. */
const printable = storableText;

/**
 * Every string of a parsed input, object keys included, with the path of the first bad one in
 * each field (`body/notes/0/text`, the shape of the schema's field errors). Buffers (uploaded
 * files) are not text: the import reads their cells itself.
 */
export function unstorableTextPaths(value: unknown, path: string, found: string[] = [], depth = 0): string[] {
  if (found.length >= 20 || depth > 64) return found;
  if (typeof value === 'string') {
    if (!isStorableText(value)) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unstorableTextPaths(item, `${path}/${i}`, found, depth + 1));
  } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Uint8Array)) {
    for (const [key, item] of Object.entries(value)) {
      const keyPath = `${path}/${printable(key)}`;
      if (!isStorableText(key)) found.push(keyPath);
      else unstorableTextPaths(item, keyPath, found, depth + 1);
    }
  }
  return found;
}

function invalidTextError(paths: string[]): DomainError {
  const base = httpErrors.invalidText();
  const errors: FieldError[] = paths.map((path) => ({ path, message: INVALID_TEXT_MESSAGE }));
  return new DomainError(base.code, base.status, base.text, { errors });
}

/**
 * One check for every route, before its schema runs: a preValidation hook sees the path
 * parameters, the query and the parsed body of every operation, keys and fields no schema
 * declares included, so no route (nor a schema written tomorrow) can forget it. The shared Zod
 * schemas would need a refinement on every string and record key, and would still not see a
 * field they strip.
 */
export function registerInputGuards(app: FastifyInstance) {
  // Callback hooks, not async ones: they run on every request, and cost no promise.
  app.addHook('onRequest', (request, _reply, done) => {
    done(request.url.length > MAX_URL_LENGTH ? httpErrors.urlTooLong() : undefined);
  });
  app.addHook('preValidation', (request, _reply, done) => {
    const paths = unstorableTextPaths(request.params, 'params');
    unstorableTextPaths(request.query, 'querystring', paths);
    unstorableTextPaths(request.body, 'body', paths);
    done(paths.length > 0 ? invalidTextError(paths) : undefined);
  });
}

/**
 * Fastify's `frameworkErrors`: errors the router raises before any route or hook runs (a path
 * whose percent-encoding is broken, a path parameter over `maxParamLength`), answered as every
 * other error is.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const problem = frameworkProblem(error.code);
  if (problem) return sendProblem(request, reply, problem);
  request.log.error({ err: error }, 'router error');
  return sendProblem(request, reply, httpErrors.internal());
}

const CLIENT_ERRORS: Record<string, () => DomainError> = {
  HPE_HEADER_OVERFLOW: httpErrors.headersTooLarge,
  ERR_HTTP_REQUEST_TIMEOUT: httpErrors.requestTimeout,
};

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refused the request (a head over 16 KiB, a
 * malformed request line, a client too slow to send its head). There is no request to read the
 * language from, so the problem is in Italian, the product's language; the connection is closed.
 */
export function handleClientError(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem = (CLIENT_ERRORS[error.code ?? ''] ?? httpErrors.badRequest)();
  const body = JSON.stringify({
    type: problemType(problem.code),
    title: problem.code,
    status: problem.status,
    detail: problem.text.it,
    code: problem.code,
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? 'Bad Request'}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Language: it\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
