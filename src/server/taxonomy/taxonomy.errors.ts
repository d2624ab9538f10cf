import { DomainError, defineError } from '../http/problem.js';

/**
 * Errors of the reference-data module. Import errors are raised before anything is written, or
 * roll the import back, so each message can promise that the data already loaded is untouched.
 */
const untouched = {
  it: 'I dati già caricati non sono stati modificati.',
  en: 'The data already loaded has not been changed.',
};

const importError = (code: string, it: string, en: string) =>
  new DomainError(code, 422, { it: `${it} ${untouched.it}`, en: `${en} ${untouched.en}` });

export const taxonomyErrors = {
  comuneNotFound: defineError('COMUNE_NOT_FOUND', 404, {
    it: 'Nessun comune con questo codice ISTAT.',
    en: 'No comune has this ISTAT code.',
  }),
  comuniNotLoaded: defineError('REFERENCE_DATA_NOT_LOADED', 503, {
    it: 'L’elenco dei comuni non è ancora caricato: eseguire le migrazioni del database.',
    en: 'The list of comuni is not loaded yet: run the database migrations.',
  }),

  unreadableZip: (file: string, reason: string) =>
    importError(
      'IMPORT_ZIP_UNREADABLE',
      `Il file ${file} non è un archivio zip leggibile: è troncato o danneggiato (${reason}).`,
      `The file ${file} is not a readable zip archive: it is truncated or damaged (${reason}).`,
    ),
  notAnEscoBundle: (file: string) =>
    importError(
      'IMPORT_NOT_ESCO_BUNDLE',
      `Il file ${file} non è un pacchetto CSV di ESCO: non contiene né occupations_<lingua>.csv né occupationSkillRelations.csv.`,
      `The file ${file} is not an ESCO CSV download: it holds neither occupations_<language>.csv nor occupationSkillRelations.csv.`,
    ),
  missingFile: (bundle: string, name: string) =>
    importError('IMPORT_FILE_MISSING', `Nel pacchetto ${bundle} manca il file ${name}.`, `The bundle ${bundle} lacks the file ${name}.`),
  wrongHeaders: (file: string, missing: string[]) =>
    importError(
      'IMPORT_WRONG_HEADERS',
      `Il file ${file} non ha le colonne attese: mancano ${missing.join(', ')}.`,
      `The file ${file} lacks the expected columns: ${missing.join(', ')}.`,
    ),
  notUtf8: (file: string) =>
    importError(
      'IMPORT_NOT_UTF8',
      `Il file ${file} non è codificato in UTF-8 (forse Windows-1252 o Latin-1): salvarlo in UTF-8 o usare il file ufficiale.`,
      `The file ${file} is not UTF-8 encoded (perhaps Windows-1252 or Latin-1): save it as UTF-8 or use the official file.`,
    ),
  malformedCsv: (file: string, reason: string) =>
    importError('IMPORT_MALFORMED_CSV', `Il file ${file} non è un CSV valido: ${reason}.`, `The file ${file} is not valid CSV: ${reason}.`),
  unknownLanguage: (lang: string, known: readonly string[]) =>
    importError(
      'IMPORT_UNKNOWN_LANGUAGE',
      `Lingua "${lang}" sconosciuta: ESCO è pubblicato in ${known.join(', ')}.`,
      `Unknown language "${lang}": ESCO is published in ${known.join(', ')}.`,
    ),
  languageMismatch: (asked: string, found: string) =>
    importError(
      'IMPORT_LANGUAGE_MISMATCH',
      `È stata indicata la lingua "${asked}" ma il pacchetto contiene le etichette in "${found}".`,
      `Language "${asked}" was given but the bundle holds labels in "${found}".`,
    ),
  badValue: (file: string, line: number, reason: string) =>
    importError(
      'IMPORT_BAD_VALUE',
      `Il file ${file} contiene un valore non valido alla riga ${line}: ${reason}.`,
      `The file ${file} holds an invalid value on line ${line}: ${reason}.`,
    ),
  classificationMissing: (version: string) =>
    importError(
      'IMPORT_CLASSIFICATION_MISSING',
      `Le relazioni di ESCO ${version} richiedono prima la classificazione (occupazioni e competenze) della stessa versione.`,
      `The ESCO ${version} relations need the classification (occupations and skills) of the same version first.`,
    ),
  versionMismatch: (version: string, unknown: number, total: number) =>
    importError(
      'IMPORT_VERSION_MISMATCH',
      `${unknown} concetti su ${total} non esistono in ESCO ${version}: il pacchetto sembra di un’altra versione (usare --version).`,
      `${unknown} of ${total} concepts do not exist in ESCO ${version}: the bundle looks like another version (use --version).`,
    ),
  importRunning: (version: string) =>
    importError(
      'IMPORT_ALREADY_RUNNING',
      `È già in corso un’importazione di ESCO ${version}: attendere che finisca.`,
      `An import of ESCO ${version} is already running: wait for it to finish.`,
    ),
};

/** Errors of the network's Italian labels and of the occupation-skills lookup. */
export const skillLabelErrors = {
  conceptUnknown: defineError('ESCO_CONCEPT_UNKNOWN', 422, {
    it: 'Questo URI non è una competenza o una professione dell’ESCO caricato.',
    en: 'This URI is not a skill or an occupation of the ESCO release loaded.',
  }),
  labelNotFound: defineError('SKILL_LABEL_NOT_FOUND', 404, {
    it: 'La rete non ha un’etichetta italiana per questo concetto.',
    en: 'The network has no Italian label for this concept.',
  }),
  cp2011NotLinked: defineError('CP2011_NOT_LINKED', 422, {
    it: 'Le professioni CP2011 non sono collegate a ESCO (manca una tavola di corrispondenza ufficiale): scegliere la professione ESCO o il gruppo ISCO-08.',
    en: 'CP2011 professions are not linked to ESCO (no official correspondence table is loaded): choose the ESCO occupation or the ISCO-08 group.',
  }),
};
