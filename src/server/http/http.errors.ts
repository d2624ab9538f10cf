import { DomainError, defineError } from './problem.js';

/** Errors of the HTTP layer itself, raised before any domain code runs. */
export const httpErrors = {
  notFound: defineError('NOT_FOUND', 404, {
    it: 'La risorsa richiesta non esiste.',
    en: 'The requested resource does not exist.',
  }),
  methodNotAllowed: defineError('METHOD_NOT_ALLOWED', 405, {
    it: 'Il metodo HTTP non è consentito per questa risorsa.',
    en: 'The HTTP method is not allowed for this resource.',
  }),
  malformedJson: defineError('MALFORMED_JSON', 400, {
    it: 'Il corpo della richiesta non è un JSON valido.',
    en: 'The request body is not valid JSON.',
  }),
  emptyBody: defineError('EMPTY_BODY', 400, {
    it: 'Il corpo della richiesta è vuoto ma il tipo di contenuto dichiarato è JSON.',
    en: 'The request body is empty but its declared content type is JSON.',
  }),
  /** The route's own limit is named: 1 MB for JSON, 40 MB for an uploaded list. */
  bodyTooLarge: (limitBytes: number = 1024 * 1024) => {
    const mb = Math.round(limitBytes / (1024 * 1024));
    return new DomainError('PAYLOAD_TOO_LARGE', 413, {
      it: `Il corpo della richiesta supera la dimensione massima consentita (${mb} MB).`,
      en: `The request body exceeds the maximum allowed size (${mb} MB).`,
    });
  },
  unsupportedMediaType: defineError('UNSUPPORTED_MEDIA_TYPE', 415, {
    it: 'Tipo di contenuto non supportato: inviare application/json.',
    en: 'Unsupported content type: send application/json.',
  }),
  validationFailed: defineError('VALIDATION_FAILED', 400, {
    it: 'Alcuni dati inviati non sono validi.',
    en: 'Some of the data sent is not valid.',
  }),
  invalidText: defineError('INVALID_TEXT', 400, {
    it: 'Il testo inviato contiene caratteri non ammessi (un carattere nullo o un carattere Unicode incompleto).',
    en: 'The text sent contains characters that are not allowed (a null character or an incomplete Unicode character).',
  }),
  badUrlEncoding: defineError('INVALID_URL_ENCODING', 400, {
    it: 'L’indirizzo della richiesta contiene una codifica percentuale non valida (ad esempio %E0%A4%A).',
    en: 'The request address contains invalid percent-encoding (for example %E0%A4%A).',
  }),
  pathParameterTooLong: defineError('PATH_PARAMETER_TOO_LONG', 400, {
    it: 'Un parametro dell’indirizzo della richiesta supera i 200 caratteri.',
    en: 'A parameter of the request address is longer than 200 characters.',
  }),
  urlTooLong: defineError('URL_TOO_LONG', 414, {
    it: 'L’indirizzo della richiesta è troppo lungo (al massimo 8.192 caratteri).',
    en: 'The request address is too long (8,192 characters at most).',
  }),
  headersTooLarge: defineError('HEADERS_TOO_LARGE', 431, {
    it: 'L’indirizzo o le intestazioni della richiesta sono troppo lunghi (al massimo 16 KB in tutto).',
    en: 'The request address or headers are too long (16 KB at most in all).',
  }),
  requestTimeout: defineError('REQUEST_TIMEOUT', 408, {
    it: 'La richiesta non è arrivata per intero in tempo.',
    en: 'The request did not arrive in full in time.',
  }),
  badRequest: defineError('BAD_REQUEST', 400, {
    it: 'La richiesta non è valida.',
    en: 'The request is not valid.',
  }),
  unauthenticated: defineError('UNAUTHENTICATED', 401, {
    it: 'Accesso necessario: effettuare l’accesso per continuare.',
    en: 'Sign-in required: please sign in to continue.',
  }),
  forbidden: defineError('FORBIDDEN', 403, {
    it: 'Non si dispone dei permessi necessari per questa operazione.',
    en: 'You do not have the permissions this operation requires.',
  }),
  csrfFailed: defineError('CSRF_TOKEN_INVALID', 403, {
    it: 'Richiesta rifiutata: token di sicurezza mancante o non valido. Ricaricare la pagina.',
    en: 'Request refused: missing or invalid security token. Reload the page.',
  }),
  crossOrigin: defineError('CROSS_ORIGIN_REFUSED', 403, {
    it: 'Richiesta rifiutata: proviene da un’origine diversa da Ricolloca.',
    en: 'Request refused: it comes from an origin other than Ricolloca.',
  }),
  tooManyRequests: defineError('TOO_MANY_REQUESTS', 429, {
    it: 'Troppe richieste: riprovare più tardi.',
    en: 'Too many requests: try again later.',
  }),
  starting: defineError('SERVICE_STARTING', 503, {
    it: 'Ricolloca si sta avviando: sta preparando il database e i dati di riferimento. Riprovare tra qualche secondo.',
    en: 'Ricolloca is starting: it is preparing the database and the reference data. Try again in a few seconds.',
  }),
  internal: defineError('INTERNAL_ERROR', 500, {
    it: 'Si è verificato un errore imprevisto. L’errore è stato registrato: riprovare più tardi.',
    en: 'An unexpected error occurred. It has been logged: try again later.',
  }),
  serviceUnavailable: defineError('SERVICE_UNAVAILABLE', 503, {
    it: 'Il servizio non è al momento disponibile.',
    en: 'The service is not available at the moment.',
  }),
};
