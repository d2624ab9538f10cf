/**
 * Domain errors carry a stable code, an HTTP status and an Italian and English message.
 * Services and repositories throw them; one error handler turns them into
 * application/problem+json (RFC 9457). Nothing here knows about Fastify.
 */
export interface LocalizedText {
  it: string;
  en: string;
}

export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly text: LocalizedText,
    readonly extra: {
      errors?: FieldError[];
      retryAfterSeconds?: number;
      /** Extension members of the problem (RFC 9457 §3.2): what a client can act on, e.g. the next free slots. */
      members?: Record<string, unknown>;
    } = {},
  ) {
    super(text.en);
    this.name = 'DomainError';
  }
}

export type ErrorFactory<A extends unknown[] = []> = (...args: A) => DomainError;

/** Declares a catalogue of errors: `defineErrors({ notFound: [404, { it, en }] })`. */
export function defineError(code: string, status: number, text: LocalizedText): ErrorFactory {
  return () => new DomainError(code, status, text);
}

export type Language = 'it' | 'en';

export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'it';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'it';
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

export function problemType(code: string): string {
  return `urn:ricolloca:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}
