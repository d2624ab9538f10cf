import { DomainError, defineError } from '../http/problem.js';
import { formatItalianDate, romeToday } from '../../shared/time/rome-date.js';

export const importErrors = {
  emptyFile: defineError('IMPORT_EMPTY_FILE', 400, {
    it: 'Il file è vuoto.',
    en: 'The file is empty.',
  }),
  legacyXls: defineError('IMPORT_LEGACY_XLS', 400, {
    it: 'Il formato .xls (Excel 97-2003) non è supportato: salvare il file come .xlsx o CSV.',
    en: 'The .xls (Excel 97-2003) format is not supported: save the file as .xlsx or CSV.',
  }),
  unsupportedFormat: defineError('IMPORT_UNSUPPORTED_FORMAT', 400, {
    it: 'Il file non è un CSV né un foglio Excel (.xlsx).',
    en: 'The file is neither a CSV nor an Excel workbook (.xlsx).',
  }),
  corruptFile: (reason: string) =>
    new DomainError('IMPORT_CORRUPT_FILE', 400, {
      it: `Il file non si può leggere: è danneggiato o non è nel formato dichiarato (${reason.slice(0, 120)}).`,
      en: `The file cannot be read: it is damaged or not in the declared format (${reason.slice(0, 120)}).`,
    }),
  noRows: defineError('IMPORT_NO_ROWS', 400, {
    it: 'Il file non contiene righe di dati sotto l’intestazione.',
    en: 'The file has no data rows under the header.',
  }),
  tooManyRows: (max: number) =>
    new DomainError('IMPORT_TOO_MANY_ROWS', 400, {
      it: `Il file supera il limite di ${max.toLocaleString('it-IT')} righe: dividerlo in più file.`,
      en: `The file exceeds the limit of ${max} rows: split it into several files.`,
    }),
  alreadyApplied: (when: Date) =>
    new DomainError('IMPORT_ALREADY_APPLIED', 409, {
      it: `Questo file è già stato importato il ${formatItalianDate(romeToday(when))}: una nuova importazione non cambierebbe nulla.`,
      en: `This file was already imported on ${formatItalianDate(romeToday(when))}: importing it again would change nothing.`,
    }),
  applyFailed: defineError('IMPORT_APPLY_FAILED', 500, {
    it: 'L’importazione non è stata applicata: la scrittura si è interrotta per un errore e quanto già scritto è stato annullato. Nessun dato è stato applicato; avviare di nuovo la verifica.',
    en: 'The import was not applied: writing stopped on an error and what had been written was undone. Nothing was applied; run the dry run again.',
  }),
  undoFailed: defineError('IMPORT_UNDO_FAILED', 500, {
    it: 'L’importazione non è stata applicata, ma una parte di quanto già scritto non si è potuta annullare (un lavoratore creato è già in uso): contattare l’assistenza prima di importare di nuovo il file.',
    en: 'The import was not applied, but part of what had been written could not be undone (a created worker is already in use): contact support before importing the file again.',
  }),
  notFound: defineError('IMPORT_NOT_FOUND', 404, {
    it: 'L’importazione non esiste.',
    en: 'The import does not exist.',
  }),
  wrongState: defineError('IMPORT_WRONG_STATE', 409, {
    it: 'L’importazione non è nello stato giusto per questa operazione (è in corso o già conclusa).',
    en: 'The import is not in the right state for this operation (it is running or already finished).',
  }),
  hasRowErrors: defineError('IMPORT_HAS_ROW_ERRORS', 409, {
    it: 'La verifica ha trovato righe con errori: correggere il file e caricarlo di nuovo, oppure importare solo le righe valide. Nessun dato è stato scritto.',
    en: 'The dry run found rows with errors: fix the file and upload it again, or import the valid rows only. Nothing was written.',
  }),
  noValidRows: defineError('IMPORT_NO_VALID_ROWS', 409, {
    it: 'Nessuna riga del file è valida: non c’è nulla da importare.',
    en: 'No row of the file is valid: there is nothing to import.',
  }),
  purged: defineError('IMPORT_PURGED', 409, {
    it: 'I dati personali di questa importazione sono stati cancellati alla scadenza del periodo di conservazione: restano solo gli esiti.',
    en: 'The personal data of this import was erased at the end of the retention period: only the outcomes remain.',
  }),
  officeNotAllowed: () =>
    new DomainError(
      'IMPORT_OFFICE_NOT_ALLOWED',
      400,
      {
        it: 'Non si possono importare lavoratori in questa sede.',
        en: 'Workers cannot be imported into this office.',
      },
      { errors: [{ path: 'officeId', message: 'Scegliere una delle sedi proposte' }] },
    ),
  notValidated: defineError('IMPORT_NOT_VALIDATED', 409, {
    it: 'Eseguire prima la verifica (prova senza salvare).',
    en: 'Run the dry run first.',
  }),
  mappingIncomplete: (missing: string[]) =>
    new DomainError(
      'IMPORT_MAPPING_INCOMPLETE',
      400,
      {
        it: `Associare una colonna ai campi obbligatori: ${missing.join(', ')}.`,
        en: `Map a column to the required fields: ${missing.join(', ')}.`,
      },
      { errors: missing.map((field) => ({ path: `mapping.${field}`, message: 'Campo obbligatorio non associato' })) },
    ),
  mappingDuplicate: (field: string) =>
    new DomainError('IMPORT_MAPPING_DUPLICATE', 400, {
      it: `Il campo «${field}» è associato a più di una colonna.`,
      en: `The field "${field}" is mapped to more than one column.`,
    }),
};
