import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { httpErrors } from './http.errors.js';
import { ZodType } from 'zod';
import { fieldErrorsOf, translateMessage, validationErrorMap } from '../../shared/api/validation-messages.js';
import { DomainError, pickLanguage, problemType, type FieldError, type Language, type ProblemBody } from './problem.js';

const FRAMEWORK_ERRORS: Record<string, () => DomainError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: httpErrors.malformedJson,
  FST_ERR_CTP_EMPTY_JSON_BODY: httpErrors.emptyBody,
  FST_ERR_CTP_BODY_TOO_LARGE: () => httpErrors.bodyTooLarge(),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: httpErrors.unsupportedMediaType,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: httpErrors.badRequest,
  FST_ERR_CTP_INVALID_TYPE: httpErrors.unsupportedMediaType,
  FST_ERR_VALIDATION: httpErrors.validationFailed,
  FST_ERR_BAD_URL: httpErrors.badUrlEncoding,
  FST_ERR_MAX_PARAM_LENGTH: httpErrors.pathParameterTooLong,
};

/** The problem of one of Fastify's own error codes, when it has one. */
export function frameworkProblem(code: string | undefined): DomainError | undefined {
  return code ? FRAMEWORK_ERRORS[code]?.() : undefined;
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: DomainError) {
  const language = pickLanguage(request.headers['accept-language']);
  const body: ProblemBody = {
    type: problemType(error.code),
    title: error.code,
    status: error.status,
    detail: error.text[language],
    code: error.code,
    instance: request.url.split('?')[0],
    requestId: request.id,
  };
  // A field message a domain wrote in Italian that the shared catalogue knows is given in the caller's language.
  if (error.extra.errors?.length) body.errors = error.extra.errors.map((e) => ({ ...e, message: translateMessage(e.message, language) }));
  if (error.extra.members) Object.assign(body, error.extra.members);
  if (error.extra.retryAfterSeconds) reply.header('retry-after', String(error.extra.retryAfterSeconds));
  return reply.code(error.status).type('application/problem+json; charset=utf-8').send(body);
}

const REQUEST_PARTS = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' } as const;

/**
 * The field errors of a request that failed its schema, in the caller's language. The route's
 * schema is run again on the same input with the language's error map (shared with the web
 * forms: src/shared/api/validation-messages.ts), so a person reads "Enter the phone number",
 * never Zod's text; the first failure (Italian by default) is kept if that is not possible.
 */
function validationFieldErrors(error: FastifyError, request: FastifyRequest, language: Language): FieldError[] {
  const context = (error.validationContext ?? 'body') as keyof typeof REQUEST_PARTS;
  const schema = (request.routeOptions.schema as Record<string, unknown> | undefined)?.[context];
  if (schema instanceof ZodType && REQUEST_PARTS[context]) {
    const result = schema.safeParse(request[REQUEST_PARTS[context]], { error: validationErrorMap(language) });
    if (!result.success)
      return fieldErrorsOf(result.error, language).map((e) => ({ path: e.path ? `${context}/${e.path}` : context, message: e.message }));
  }
  return (error.validation ?? []).map((issue) => ({
    path: `${context}${issue.instancePath === '/' ? '' : issue.instancePath}`,
    message: translateMessage(issue.message ?? 'Valore non valido', language),
  }));
}

function toDomainError(error: FastifyError | Error, request: FastifyRequest): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = validationFieldErrors(error as FastifyError, request, pickLanguage(request.headers['accept-language']));
    const base = httpErrors.validationFailed();
    return new DomainError(base.code, base.status, base.text, { errors });
  }
  const code = (error as FastifyError).code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return httpErrors.bodyTooLarge(request.routeOptions.bodyLimit);
  if (code && FRAMEWORK_ERRORS[code]) return FRAMEWORK_ERRORS[code]!();
  if (error instanceof SyntaxError && (error as FastifyError).statusCode === 400) return httpErrors.malformedJson();
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    const base = status === 404 ? httpErrors.notFound() : httpErrors.badRequest();
    return new DomainError(code ?? base.code, status, base.text);
  }
  return undefined;
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const domainError = toDomainError(error, request);
    if (domainError) {
      // "Starting, try again in a few seconds" is expected while serve prepares the database: the
      // compact request line says it; other 5xx are logged with their stack.
      if (domainError.status >= 500 && domainError.code !== 'SERVICE_STARTING') request.log.error({ err: error }, 'request failed');
      return sendProblem(request, reply, domainError);
    }
    // Never leak internals: the client gets a request id to quote, the log gets the stack.
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, httpErrors.internal());
  });
}
