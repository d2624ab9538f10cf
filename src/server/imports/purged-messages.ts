import { IMPORT_FIELD_LABELS_IT, type ImportField } from '../../shared/schemas/imports.schema.js';

/**
 * What a refused row's error says once the personal data of the import is purged: only its
 * field and code are kept (import_rows.error_codes), so the text is generic and quotes nothing
 * of the file.
 */
const BY_CODE: Record<string, string> = {
  REQUIRED: 'mancava.',
  NAME_INCOMPLETE: 'mancava il cognome o il nome.',
  CF_FORMAT: 'formato non valido.',
  CF_CHECK_CHARACTER: 'il carattere di controllo non tornava.',
  CF_DATE: 'conteneva una data di nascita impossibile.',
  CF_PLACE: 'il codice del luogo di nascita non era valido.',
  CF_MISMATCH: 'non corrispondeva ai dati della riga.',
  DUPLICATE_ROW: 'riga ripetuta nel file.',
  DATE_INVALID: 'data non valida.',
  DATE_IN_FUTURE: 'data nel futuro.',
  SEX_INVALID: 'valore non valido.',
  COMUNE_UNKNOWN: 'comune non trovato.',
  COMUNE_NOT_IN_PROVINCE: 'comune non della provincia indicata.',
  COMUNE_AMBIGUOUS: 'più comuni con questo nome.',
  PHONE_INVALID: 'numero non valido.',
  EMAIL_INVALID: 'indirizzo non valido.',
  VAT_INVALID: 'partita IVA non valida.',
  COMPANY_UNKNOWN: 'azienda non registrata.',
  COMPANY_NAME_REQUIRED: 'mancava la ragione sociale.',
  CIGS_END_BEFORE_START: 'fine precedente all’inizio.',
  CIGS_REASON_UNKNOWN: 'causale non riconosciuta.',
  CELL_TOO_LONG: 'una cella superava la lunghezza massima e la riga non era stata letta.',
  CIGS_PERIOD_MISSING: 'l’azienda non aveva un periodo CIGS e il file non ne dava le date e la causale.',
};

export function purgedRowMessage(field: string, code: string): string {
  const label = IMPORT_FIELD_LABELS_IT[field as ImportField] ?? field;
  return `${label}: ${BY_CODE[code] ?? code}`;
}
