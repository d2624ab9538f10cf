import { DomainError, defineError, type FieldError } from '../../http/problem.js';

/** 20 MB: the largest CV a worker brings (a Europass PDF with a photo and scanned attachments). */
export const MAX_CV_BYTES = 20 * 1024 * 1024;

export const cvImportErrors = {
  tooLarge: () =>
    new DomainError('CV_TOO_LARGE', 413, {
      it: `Il file del CV supera la dimensione massima consentita (${MAX_CV_BYTES / (1024 * 1024)} MB).`,
      en: `The CV file exceeds the maximum allowed size (${MAX_CV_BYTES / (1024 * 1024)} MB).`,
    }),
  empty: defineError('CV_EMPTY', 400, {
    it: 'Il file del CV è vuoto.',
    en: 'The CV file is empty.',
  }),
  unknownFormat: defineError('CV_FORMAT_UNKNOWN', 415, {
    it: 'Formato del CV non riconosciuto: sono accettati JSON Resume, Europass XML (versioni 2.0–3.4), Europass JSON e il PDF Europass con il CV XML allegato.',
    en: 'CV format not recognised: JSON Resume, Europass XML (versions 2.0–3.4), Europass JSON and the Europass PDF with the XML CV attached are accepted.',
  }),
  wordDocument: defineError('CV_FORMAT_UNSUPPORTED', 415, {
    it: 'I documenti Word o OpenDocument non si possono importare: salvare il CV dall’editor Europass in XML o in PDF con il CV XML allegato, oppure in JSON Resume.',
    en: 'Word or OpenDocument files cannot be imported: save the CV from the Europass editor as XML or as a PDF with the XML attached, or as JSON Resume.',
  }),
  malformedJson: (line?: number) =>
    new DomainError('CV_JSON_MALFORMED', 422, {
      it: line ? `Il file JSON del CV non è leggibile (errore alla riga ${line}).` : 'Il file JSON del CV non è leggibile.',
      en: line ? `The CV JSON file cannot be read (error on line ${line}).` : 'The CV JSON file cannot be read.',
    }),
  /** Each error names its place in the file (work[0].startDate) in its message; the path is the file's, not the request body's. */
  jsonResumeInvalid: (errors: FieldError[]) =>
    new DomainError(
      'CV_JSON_RESUME_INVALID',
      422,
      {
        it: `Il JSON Resume non rispetta lo schema JSON Resume (${errors.length === 1 ? '1 errore' : `${errors.length} errori`}): ${errors.map((e) => e.message).join('; ')}.`,
        en: `The JSON Resume does not follow the JSON Resume schema (${errors.length === 1 ? '1 error' : `${errors.length} errors`}).`,
      },
      { errors },
    ),
  notACv: defineError('CV_NOT_RECOGNISED', 422, {
    it: 'Il file non contiene un CV: non è un CV Europass né un JSON Resume con almeno una sezione.',
    en: 'The file holds no CV: it is neither a Europass CV nor a JSON Resume with at least one section.',
  }),
  xmlNotEuropass: (root: string) =>
    new DomainError('CV_XML_NOT_EUROPASS', 422, {
      it: `Il file XML non è un CV Europass (l’elemento principale è <${root}>, ci si aspetta <SkillsPassport> o <learnerinfo>).`,
      en: `The XML file is not a Europass CV (its root element is <${root}>, <SkillsPassport> or <learnerinfo> was expected).`,
    }),
  xmlMalformed: (line: number | undefined, reason: { it: string; en: string }) =>
    new DomainError('CV_XML_MALFORMED', 422, {
      it: `Il file XML del CV è danneggiato${line ? ` alla riga ${line}` : ''}: ${reason.it}.`,
      en: `The CV XML file is corrupt${line ? ` on line ${line}` : ''}: ${reason.en}.`,
    }),
  xmlTruncated: (line: number) =>
    new DomainError('CV_XML_TRUNCATED', 422, {
      it: `Il file XML del CV è incompleto: si interrompe alla riga ${line} con elementi non chiusi. Salvare di nuovo il CV o chiedere il file intero.`,
      en: `The CV XML file is incomplete: it stops on line ${line} with elements left open. Save the CV again or ask for the whole file.`,
    }),
  xmlEntityRefused: defineError('CV_XML_ENTITY_REFUSED', 422, {
    it: 'Il file XML dichiara entità in un DOCTYPE: per sicurezza non viene letto. Un CV Europass non ne contiene.',
    en: 'The XML file declares entities in a DOCTYPE: for safety it is not read. A Europass CV contains none.',
  }),
  xmlTooDeep: defineError('CV_XML_TOO_DEEP', 422, {
    it: 'Il file XML ha elementi annidati troppo in profondità per essere un CV.',
    en: 'The XML file nests elements too deeply to be a CV.',
  }),
  pdfUnreadable: defineError('CV_PDF_UNREADABLE', 422, {
    it: 'Il PDF è danneggiato o protetto e non si può leggere.',
    en: 'The PDF is damaged or protected and cannot be read.',
  }),
  pdfWithoutEuropass: defineError('CV_PDF_WITHOUT_EUROPASS', 422, {
    it: 'Il PDF non contiene un CV Europass in formato XML. Solo i PDF salvati dall’editor Europass con il CV XML allegato si possono importare.',
    en: 'The PDF does not contain a Europass CV in XML format. Only PDFs saved by the Europass editor with the XML CV attached can be imported.',
  }),
};

/** The errors of the review and apply routes. */
export const cvReviewErrors = {
  workerNotFound: defineError('WORKER_NOT_FOUND', 404, { it: 'Il lavoratore non esiste.', en: 'The worker does not exist.' }),
  notAFile: defineError('CV_BODY_NOT_A_FILE', 415, {
    it: 'Inviare il file del CV come corpo della richiesta (application/octet-stream).',
    en: 'Send the CV file as the request body (application/octet-stream).',
  }),
};
