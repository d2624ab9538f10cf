import { useCallback, useState } from 'react';
import type { BodyOf, EndpointDefinition } from '../../shared/api/endpoint';
import { fieldErrorsOf, validationErrorMap, type MessageLanguage } from '../../shared/api/validation-messages';
import { i18n } from '../i18n/i18n';
import { ApiError } from './client';

/** One human message per field, keyed by the field's path in the body (`phone`, `slots/0/opens`). */
export type FieldErrors = Record<string, string>;

const language = (): MessageLanguage => (i18n.language === 'en' ? 'en' : 'it');

/**
 * Runs the endpoint's own body schema on what the form is about to send, with the shared error
 * map (the same texts the server answers with), so a form shows "Inserire il numero di telefono"
 * under the field before any request. The first message of each field is kept.
 */
export function validateBody<E extends EndpointDefinition>(
  endpoint: E,
  body: BodyOf<E>,
): { ok: true; body: BodyOf<E> } | { ok: false; errors: FieldErrors } {
  if (!endpoint.body) return { ok: true, body };
  const result = endpoint.body.safeParse(body, { error: validationErrorMap(language()) });
  if (result.success) return { ok: true, body };
  const errors: FieldErrors = {};
  for (const error of fieldErrorsOf(result.error, language())) errors[error.path] ??= error.message;
  return { ok: false, errors };
}

/** The field errors of a 400 from the server (`body/phone` → `phone`), for the same fields. */
export function fieldErrorsFromProblem(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (!(error instanceof ApiError)) return errors;
  for (const e of error.errors) {
    if (!e.path.startsWith('body/')) continue;
    errors[e.path.slice('body/'.length)] ??= e.message;
  }
  return errors;
}

/**
 * A form's field errors: `check(endpoint, body)` validates before sending (and moves the focus to
 * the first field in error, WCAG 3.3.1), `fromProblem(err)` keeps the server's field errors.
 * Field errors that a field shows are not repeated in the page's ProblemAlert.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const check = useCallback(<E extends EndpointDefinition>(endpoint: E, body: BodyOf<E>, form?: HTMLFormElement | null): boolean => {
    const result = validateBody(endpoint, body);
    setErrors(result.ok ? {} : result.errors);
    if (!result.ok && form) setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
    return result.ok;
  }, []);
  const fromProblem = useCallback((error: unknown) => setErrors(fieldErrorsFromProblem(error)), []);
  const clear = useCallback(() => setErrors({}), []);
  return { errors, check, fromProblem, clear };
}
