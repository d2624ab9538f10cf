import type { z } from 'zod';

/**
 * Human validation messages, in Italian and English, for the API's 400 field errors and for the
 * web forms (one definition: the server and the browser say the same thing). Zod's own texts
 * ("Troppo piccolo: string deve avere >=1 caratteri") and field paths never reach a person.
 *
 * Messages written in a schema (`.regex(re, { message: 'CAP di 5 cifre' })`) are Italian and
 * serve as the message id, as in gettext: MESSAGES below gives their human Italian and English.
 */
export type MessageLanguage = 'it' | 'en';
interface Text {
  it: string;
  en: string;
}

/**
 * The field message of a text holding a NUL character or a lone UTF-16 surrogate (INVALID_TEXT,
 * checked by the server for every input): such a character comes from a copy and paste or a
 * broken file, never from typing, and the database cannot store it.
 */
export const INVALID_TEXT_MESSAGE = 'Il testo contiene un carattere non ammesso';

/** What to ask for when a field is empty, by field name (the last segment of the path). */
const REQUIRED: Record<string, Text> = {
  firstName: { it: 'Inserire il nome', en: 'Enter the first name' },
  lastName: { it: 'Inserire il cognome', en: 'Enter the last name' },
  fullName: { it: 'Inserire nome e cognome', en: 'Enter the full name' },
  name: { it: 'Inserire il nome', en: 'Enter the name' },
  phone: { it: 'Inserire il numero di telefono', en: 'Enter the phone number' },
  email: { it: 'Inserire l’indirizzo e-mail', en: 'Enter the e-mail address' },
  codiceFiscale: { it: 'Inserire il codice fiscale', en: 'Enter the codice fiscale (tax code)' },
  taxCode: { it: 'Inserire il codice fiscale', en: 'Enter the tax code' },
  birthDate: { it: 'Inserire la data di nascita', en: 'Enter the date of birth' },
  code: { it: 'Inserire il codice', en: 'Enter the code' },
  description: { it: 'Inserire la descrizione', en: 'Enter the description' },
  startsOn: { it: 'Inserire la data di inizio', en: 'Enter the start date' },
  endsOn: { it: 'Inserire la data di fine', en: 'Enter the end date' },
  startDate: { it: 'Inserire la data di inizio', en: 'Enter the start date' },
  endDate: { it: 'Inserire la data di fine', en: 'Enter the end date' },
  date: { it: 'Inserire la data', en: 'Enter the date' },
  capacity: { it: 'Inserire il numero di posti', en: 'Enter the number of places' },
  fundingSource: { it: 'Inserire la fonte di finanziamento', en: 'Enter the funding source' },
  officeId: { it: 'Scegliere la sede', en: 'Choose the office' },
  officeIds: { it: 'Scegliere almeno una sede', en: 'Choose at least one office' },
  eligibleReasons: { it: 'Scegliere almeno un tipo di crisi', en: 'Choose at least one type of crisis' },
  roles: { it: 'Assegnare almeno un ruolo in una sede', en: 'Give at least one role in an office' },
  reason: { it: 'Inserire il motivo', en: 'Enter the reason' },
  body: { it: 'Inserire il testo', en: 'Enter the text' },
  subject: { it: 'Inserire l’oggetto', en: 'Enter the subject' },
  password: { it: 'Inserire la password', en: 'Enter the password' },
  currentPassword: { it: 'Inserire la password attuale', en: 'Enter the current password' },
  newPassword: { it: 'Inserire la nuova password', en: 'Enter the new password' },
  templateId: { it: 'Scegliere il modello', en: 'Choose the template' },
  address: { it: 'Inserire l’indirizzo', en: 'Enter the address' },
  workerId: { it: 'Scegliere il lavoratore', en: 'Choose the worker' },
  typeId: { it: 'Scegliere il tipo di appuntamento', en: 'Choose the type of appointment' },
  consultantId: { it: 'Scegliere l’operatore', en: 'Choose the consultant' },
  start: { it: 'Scegliere data e ora', en: 'Choose the date and time' },
  mode: { it: 'Scegliere la modalità', en: 'Choose how the meeting is held' },
  serviceCode: { it: 'Scegliere il servizio', en: 'Choose the service' },
  deliveredOn: { it: 'Inserire la data del servizio', en: 'Enter the date of the service' },
  minutes: { it: 'Inserire la durata in minuti', en: 'Enter the duration in minutes' },
  title: { it: 'Inserire il titolo', en: 'Enter the title' },
  deadline: { it: 'Inserire la data di scadenza', en: 'Enter the deadline' },
  positions: { it: 'Inserire il numero di posizioni', en: 'Enter the number of positions' },
  employerId: { it: 'Scegliere l’azienda', en: 'Choose the employer' },
  siteId: { it: 'Scegliere la sede di lavoro', en: 'Choose the workplace' },
  contractType: { it: 'Scegliere il tipo di contratto', en: 'Choose the type of contract' },
  workingTime: { it: 'Scegliere tempo pieno o part time', en: 'Choose full or part time' },
  ccnlCode: { it: 'Scegliere il contratto collettivo', en: 'Choose the collective agreement' },
  level: { it: 'Inserire il livello', en: 'Enter the level' },
  monthlyCents: { it: 'Inserire il minimo mensile lordo', en: 'Enter the gross monthly minimum' },
  weeklyHours: { it: 'Inserire le ore settimanali', en: 'Enter the weekly hours' },
  validFrom: { it: 'Inserire la data di inizio validità', en: 'Enter the start of validity' },
  sourceNote: { it: 'Indicare la fonte (rinnovo, tabella)', en: 'Give the source (renewal, table)' },
  offeredMonthlyCents: { it: 'Inserire la retribuzione offerta', en: 'Enter the pay offered' },
};

/** The Italian messages written in the schemas (the ids), with their human Italian and English. */
const MESSAGES: Record<string, Text> = {
  'Codice ISCO-08 da 1 a 4 cifre': { it: 'Il codice ISCO-08 ha da 1 a 4 cifre', en: 'An ISCO-08 code has 1 to 4 digits' },
  'Codice CP2011 nel formato 6.2.1.2.0': {
    it: 'Il codice CP2011 si scrive come 6.2.1.2.0',
    en: 'A CP2011 code is written like 6.2.1.2.0',
  },
  'Indicare una professione ESCO, un gruppo ISCO o una professione CP2011': {
    it: 'Indicare una professione ESCO, un gruppo ISCO o una professione CP2011',
    en: 'Give an ESCO occupation, an ISCO group or a CP2011 profession',
  },
  'Data nel formato AAAA-MM-GG': { it: 'Inserire una data nel formato gg/mm/aaaa', en: 'Enter a date as dd/mm/yyyy' },
  [INVALID_TEXT_MESSAGE]: {
    it: 'Il testo contiene un carattere non ammesso (carattere nullo o Unicode incompleto): toglierlo e riprovare',
    en: 'The text contains a character that is not allowed (a null or incomplete Unicode character): remove it and try again',
  },
  'Data inesistente': { it: 'Questa data non esiste', en: 'This date does not exist' },
  'Orario nel formato HH:MM': { it: 'Inserire un orario nel formato hh:mm', en: 'Enter a time as hh:mm' },
  'L’orario di chiusura deve seguire quello di apertura': {
    it: 'L’orario di chiusura deve seguire quello di apertura',
    en: 'The closing time must come after the opening time',
  },
  'Data tra il 1900 e il 2100': { it: 'Inserire una data tra il 1900 e il 2100', en: 'Enter a date between 1900 and 2100' },
  'Giorno della settimana da 1 (lunedì) a 7 (domenica)': {
    it: 'Scegliere un giorno della settimana',
    en: 'Choose a day of the week',
  },
  'Indirizzo che inizia con https://': { it: 'Il link deve iniziare con https://', en: 'The link must start with https://' },
  'Scegliere almeno un conduttore': { it: 'Scegliere almeno un conduttore', en: 'Choose at least one facilitator' },
  'Scegliere almeno un lavoratore': { it: 'Scegliere almeno un lavoratore', en: 'Choose at least one worker' },
  'Almeno 15 minuti': { it: 'Almeno 15 minuti', en: 'At least 15 minutes' },
  'Al massimo 8 ore': { it: 'Al massimo 8 ore', en: 'At most 8 hours' },
  'L’incontro non può essere nel passato': { it: 'L’incontro non può essere nel passato', en: 'The workshop cannot be in the past' },
  'Scegliere operatori della sede': { it: 'Scegliere operatori della sede', en: 'Choose staff of the office' },
  'Almeno un posto': { it: 'Indicare almeno un posto', en: 'Enter at least one place' },
  'Al massimo 500 posti': { it: 'Al massimo 500 posti', en: 'At most 500 places' },
  'Periodo al massimo di 120 giorni': { it: 'Scegliere un periodo di al massimo 120 giorni', en: 'Choose a period of at most 120 days' },
  'Solo lavoratori della sede dell’incontro': {
    it: 'Solo lavoratori della sede dell’incontro',
    en: 'Only workers of the workshop’s office',
  },
  'Scegliere un’azienda o «senza supporto al CV»': {
    it: 'Scegliere un’azienda oppure «senza supporto al CV ricevuto»',
    en: 'Choose a company or “no CV support received”',
  },
  'Periodo al massimo di 93 giorni': { it: 'Scegliere un periodo di al massimo 93 giorni', en: 'Choose a period of at most 93 days' },
  'Indicare il link della videochiamata': { it: 'Indicare il link della videochiamata', en: 'Enter the video call link' },
  'Solo per i colloqui in presenza': { it: 'Solo per i colloqui in presenza', en: 'Only for meetings in person' },
  'L’ora di fine deve seguire quella di inizio': {
    it: 'L’ora di fine deve seguire quella di inizio',
    en: 'The end time must come after the start time',
  },
  'La data di fine validità non può precedere quella di inizio': {
    it: 'La data di fine validità non può precedere quella di inizio',
    en: 'The end of validity cannot be before its start',
  },
  'Codice CNEL di 4 lettere o cifre': {
    it: 'Il codice CNEL ha 4 lettere o cifre (per esempio C011)',
    en: 'A CNEL code has 4 letters or digits (for example C011)',
  },
  'Importo mensile maggiore di zero': { it: 'L’importo mensile deve essere maggiore di zero', en: 'The monthly amount must be above zero' },
  'Periodo sovrapposto a un’altra tabella dei minimi dello stesso contratto e livello': {
    it: 'Il periodo si sovrappone a un’altra tabella dei minimi dello stesso contratto e livello',
    en: 'The period overlaps another minimum pay table of the same agreement and level',
  },
  'Si sovrappone a un’altra fascia': { it: 'Si sovrappone a un’altra fascia', en: 'It overlaps another range' },
  'Si sovrappone alla disponibilità in un’altra sede': {
    it: 'Si sovrappone alla disponibilità in un’altra sede',
    en: 'It overlaps the availability in another office',
  },
  'Durata tra 1 e 600 minuti': { it: 'La durata va da 1 a 600 minuti', en: 'The duration is from 1 to 600 minutes' },
  'Il servizio non può avere una data futura': {
    it: 'Il servizio non può avere una data futura',
    en: 'A service cannot be dated in the future',
  },
  'Il servizio è precedente all’iscrizione del lavoratore al programma': {
    it: 'Il servizio è precedente all’iscrizione del lavoratore al programma',
    en: 'The service is before the worker’s registration in the programme',
  },
  'Il servizio è successivo all’uscita del lavoratore dal programma': {
    it: 'Il servizio è successivo all’uscita del lavoratore dal programma',
    en: 'The service is after the worker left the programme',
  },
  'Scegliere un programma a cui il lavoratore è iscritto': {
    it: 'Scegliere un programma a cui il lavoratore è iscritto',
    en: 'Choose a programme the worker is registered in',
  },
  'Scegliere un operatore della sede': { it: 'Scegliere un operatore della sede', en: 'Choose a consultant of the office' },
  'Scegliere una sede della rete': { it: 'Scegliere una sede della rete', en: 'Choose an office of the network' },
  'CAP di 5 cifre': { it: 'Il CAP ha 5 cifre', en: 'The postcode (CAP) has 5 digits' },
  'Sigla di provincia di 2 lettere': {
    it: 'La sigla della provincia ha 2 lettere (es. MO)',
    en: 'The province code has 2 letters (e.g. MO)',
  },
  'Codice di 2–20 lettere o cifre': { it: 'Il codice ha da 2 a 20 lettere o cifre', en: 'The code has 2 to 20 letters or digits' },
  'Codice di 2–30 lettere o cifre': { it: 'Il codice ha da 2 a 30 lettere o cifre', en: 'The code has 2 to 30 letters or digits' },
  'Il nome non può contenere cifre': { it: 'Il nome non può contenere cifre', en: 'A name cannot contain digits' },
  'Assegnare almeno un ruolo in una sede': { it: 'Assegnare almeno un ruolo in una sede', en: 'Give at least one role in an office' },
  'Codice fiscale non valido: 11 cifre con la cifra di controllo corretta, oppure 16 caratteri': {
    it: 'Il codice fiscale non è valido: 11 cifre con la cifra di controllo corretta, oppure 16 caratteri',
    en: 'The tax code is not valid: 11 digits with the right check digit, or 16 characters',
  },
  'Partita IVA non valida: 11 cifre con la cifra di controllo corretta': {
    it: 'La partita IVA non è valida: 11 cifre con la cifra di controllo corretta',
    en: 'The VAT number is not valid: 11 digits with the right check digit',
  },
  'Codice ATECO non valido': { it: 'Il codice ATECO non è valido', en: 'The ATECO code is not valid' },
  'Codice ISTAT del comune di 6 cifre': { it: 'Il codice ISTAT del comune ha 6 cifre', en: 'The ISTAT code of the comune has 6 digits' },
  'Codice catastale di 4 caratteri (es. F257)': {
    it: 'Il codice catastale ha 4 caratteri (es. F257)',
    en: 'The cadastral code has 4 characters (e.g. F257)',
  },
  'Il CAP ha 5 cifre': { it: 'Il CAP ha 5 cifre', en: 'The postal code (CAP) has 5 digits' },
  'Codice ISO di 2 lettere (es. IT)': { it: 'Il codice ISO ha 2 lettere (es. IT)', en: 'The ISO code has 2 letters (e.g. IT)' },
  'La data di fine della CIGS non può precedere la data di inizio': {
    it: 'La data di fine della CIGS non può precedere la data di inizio',
    en: 'The CIGS end date cannot be before its start date',
  },
  'La data di fine non può precedere quella di inizio': {
    it: 'La data di fine non può precedere quella di inizio',
    en: 'The end date cannot be before the start date',
  },
  'Numero di telefono non valido': { it: 'Il numero di telefono non è valido', en: 'The phone number is not valid' },
  'Inserire il numero di telefono': REQUIRED.phone!,
  'Codice fiscale non valido': { it: 'Il codice fiscale non è valido', en: 'The codice fiscale is not valid' },
  'Codice fiscale non valido: servono 16 caratteri (6 lettere, 2 cifre, 1 lettera, 2 cifre, 1 lettera, 3 cifre, 1 lettera)': {
    it: 'Il codice fiscale non è valido: servono 16 caratteri (6 lettere, 2 cifre, 1 lettera, 2 cifre, 1 lettera, 3 cifre, 1 lettera)',
    en: 'The codice fiscale is not valid: it has 16 characters (6 letters, 2 digits, 1 letter, 2 digits, 1 letter, 3 digits, 1 letter)',
  },
  'Codice fiscale non valido: il carattere di controllo non corrisponde (errore di battitura?)': {
    it: 'Il codice fiscale non è valido: il carattere di controllo non corrisponde (errore di battitura?)',
    en: 'The codice fiscale is not valid: the check character does not match (a typo?)',
  },
  'Codice fiscale non valido: la data di nascita codificata non esiste': {
    it: 'Il codice fiscale non è valido: la data di nascita che contiene non esiste',
    en: 'The codice fiscale is not valid: the birth date it encodes does not exist',
  },
  'Codice fiscale non valido: il codice del luogo di nascita non è valido': {
    it: 'Il codice fiscale non è valido: il codice del luogo di nascita non è valido',
    en: 'The codice fiscale is not valid: the birth place code is not valid',
  },
  // The worker's profile (profiles.schema.ts).
  'Data nel formato AAAA, AAAA-MM o AAAA-MM-GG': {
    it: 'Inserire l’anno (aaaa), il mese (aaaa-mm) o il giorno (aaaa-mm-gg)',
    en: 'Enter the year (yyyy), the month (yyyy-mm) or the day (yyyy-mm-dd)',
  },
  'La fine non può precedere l’inizio': { it: 'La fine non può precedere l’inizio', en: 'The end cannot be before the start' },
  'La scadenza non può precedere il rilascio': {
    it: 'La scadenza non può precedere il rilascio',
    en: 'The expiry cannot be before the issue date',
  },
  'Codice paese ISO a due lettere': { it: 'Il codice del paese ha 2 lettere (es. IT)', en: 'The country code has 2 letters (e.g. IT)' },
  'URI ESCO non valido': {
    it: 'Indicare l’URI di un concetto ESCO (http://data.europa.eu/esco/…), o sceglierlo dall’elenco',
    en: 'Give the URI of an ESCO concept (http://data.europa.eu/esco/…), or choose it from the list',
  },
  'Codice lingua ISO 639': { it: 'Scegliere una lingua dall’elenco', en: 'Choose a language from the list' },
  'Scegliere una professione ESCO o CP2011': {
    it: 'Scegliere una professione ESCO o CP2011',
    en: 'Choose an ESCO or CP2011 occupation',
  },
  'Competenza ESCO sconosciuta': { it: 'Competenza ESCO sconosciuta', en: 'Unknown ESCO skill' },
  'Professione ESCO sconosciuta': { it: 'Professione ESCO sconosciuta', en: 'Unknown ESCO occupation' },
  'Titolo di studio ISTAT sconosciuto': { it: 'Titolo di studio ISTAT sconosciuto', en: 'Unknown ISTAT education title' },
  'Codice ATECO sconosciuto': { it: 'Codice ATECO sconosciuto', en: 'Unknown ATECO code' },
  'Professione CP2011 sconosciuta': { it: 'Professione CP2011 sconosciuta', en: 'Unknown CP2011 occupation' },
  // Checked by the vacancies' service.
  'Indicare la professione ESCO o il codice CP2011': {
    it: 'Indicare la professione ESCO o il codice CP2011',
    en: 'Give the ESCO occupation or the CP2011 code',
  },
  'Indicare la durata in mesi del tempo determinato': {
    it: 'Indicare la durata in mesi del tempo determinato',
    en: 'Give the length in months of the fixed-term contract',
  },
  'Indicare le ore settimanali del part time': {
    it: 'Indicare le ore settimanali del part time',
    en: 'Give the weekly hours of the part-time contract',
  },
  'La retribuzione massima non può essere inferiore alla minima': {
    it: 'La retribuzione massima non può essere inferiore alla minima',
    en: 'The maximum pay cannot be lower than the minimum',
  },
  'Inserire il motivo': { it: 'Inserire il motivo', en: 'Enter the reason' },
  'Competenza indicata due volte': { it: 'Competenza indicata due volte', en: 'Skill given twice' },
  'La scadenza non può essere nel passato': { it: 'La scadenza non può essere nel passato', en: 'The deadline cannot be in the past' },
  'Comune sconosciuto: nessun comune ISTAT con questo codice': {
    it: 'Comune sconosciuto: nessun comune ISTAT con questo codice',
    en: 'Unknown comune: no ISTAT comune has this code',
  },
  // The candidate search of a vacancy (matching).
  'Un numero intero di km': { it: 'Indicare un numero intero di km', en: 'Enter a whole number of km' },
  'Almeno 1 km': { it: 'Il raggio è di almeno 1 km', en: 'The radius is at least 1 km' },
  'Al massimo 200 km': { it: 'Il raggio è di al massimo 200 km', en: 'The radius is at most 200 km' },
  'Al massimo 100 per pagina': { it: 'Al massimo 100 risultati per pagina', en: 'At most 100 results per page' },
  'Sede del Centro per l’impiego sconosciuta nella rete': {
    it: 'Sede del Centro per l’impiego sconosciuta nella rete',
    en: 'Job centre office unknown in the network',
  },
  // Checked by the employers' service against the reference data and the network.
  'Codice ATECO inesistente nella classificazione ISTAT': {
    it: 'Codice ATECO inesistente nella classificazione ISTAT',
    en: 'No such ATECO code in the ISTAT classification',
  },
  'Codice fiscale di persona fisica non valido': {
    it: 'Codice fiscale di persona fisica non valido',
    en: 'The personal codice fiscale (sole trader) is not valid',
  },
  'La sede indicata non è un centro per l’impiego della rete': {
    it: 'La sede indicata non è un centro per l’impiego della rete',
    en: 'This office is not a job centre of the network',
  },
  // Checked by the applications' and placements' services.
  'Scegliere il motivo': { it: 'Scegliere il motivo', en: 'Choose the reason' },
  'Motivo non previsto per questo passaggio': {
    it: 'Motivo non previsto per questo passaggio',
    en: 'This reason does not apply to this move',
  },
  'Con «Altro» descrivere il motivo nella nota': {
    it: 'Con «Altro» descrivere il motivo nella nota',
    en: 'With «Other», describe the reason in the note',
  },
  'Scegliere il CV da inviare': { it: 'Scegliere il CV da inviare', en: 'Choose the CV to send' },
  'Il CV non è di questo lavoratore': { it: 'Il CV non è di questo lavoratore', en: 'The CV is not this worker’s' },
  'Indicare data, ora e luogo del colloquio': {
    it: 'Indicare data, ora e luogo del colloquio',
    en: 'Give the date, time and place of the interview',
  },
  'Indicare il tipo di contratto e la data di inizio': {
    it: 'Indicare il tipo di contratto e la data di inizio',
    en: 'Give the type of contract and the start date',
  },
  'Indicare le condizioni dell’offerta': {
    it: 'Indicare le condizioni dell’offerta: contratto, CCNL e livello, ore, retribuzione e data di inizio',
    en: 'Give the offer’s terms: contract, CCNL and level, hours, pay and start date',
  },
  'Ore settimanali tra 1 e 48': { it: 'Le ore settimanali vanno da 1 a 48', en: 'Weekly hours go from 1 to 48' },
  'Ore settimanali a multipli di mezz’ora': {
    it: 'Le ore settimanali si indicano a multipli di mezz’ora',
    en: 'Weekly hours are given in multiples of half an hour',
  },
  'La retribuzione offerta deve essere maggiore di zero': {
    it: 'La retribuzione lorda mensile offerta deve essere maggiore di zero',
    en: 'The gross monthly pay offered must be more than zero',
  },
  'La data di inizio non può essere nel passato': {
    it: 'La data di inizio non può essere nel passato',
    en: 'The start date cannot be in the past',
  },
  'Voce della lista di controllo sconosciuta': {
    it: 'Voce della lista di controllo sconosciuta',
    en: 'Unknown checklist item',
  },
  'La data di fine non può precedere l’inizio del rapporto': {
    it: 'La data di fine non può precedere l’inizio del rapporto',
    en: 'The end date cannot be before the start of the employment',
  },
  'La data di fine non può essere nel futuro': {
    it: 'La data di fine non può essere nel futuro',
    en: 'The end date cannot be in the future',
  },
  'Almeno 7 giorni': { it: 'Almeno 7 giorni', en: 'At least 7 days' },
  'Al massimo 365 giorni': { it: 'Al massimo 365 giorni', en: 'At most 365 days' },
  'Sede dell’azienda sconosciuta nella rete': {
    it: 'Sede dell’azienda sconosciuta nella rete',
    en: 'Employer site unknown in the network',
  },
  'La sede non è di questa azienda': { it: 'La sede non è di questa azienda', en: 'The site is not this employer’s' },
  'Sede del Centro per l’impiego non gestita da chi scrive': {
    it: 'Scegliere una sede del Centro per l’impiego in cui si gestiscono offerte',
    en: 'Choose a job centre office where you manage vacancies',
  },
  'Contratto collettivo sconosciuto nell’archivio CNEL': {
    it: 'Contratto collettivo sconosciuto nell’archivio CNEL',
    en: 'Collective agreement unknown to the CNEL archive',
  },
  'Le posizioni coperte non possono superare quelle offerte': {
    it: 'Le posizioni coperte non possono superare quelle offerte',
    en: 'The positions filled cannot exceed those offered',
  },
};

/** Messages with a number in them, written in the schemas. */
const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => Text]> = [
  [
    /^Titolo ottenuto prima dei (\d+) anni \(anno di nascita (\d{4})\)$/,
    (m) => ({ it: m[0], en: `Title obtained before the age of ${m[1]} (born in ${m[2]})` }),
  ],
  [/^Inizio prima della nascita \(anno di nascita (\d{4})\)$/, (m) => ({ it: m[0], en: `Start before the birth (born in ${m[1]})` })],
  [
    /^Lavoro iniziato prima dei (\d+) anni \(anno di nascita (\d{4})\)$/,
    (m) => ({ it: m[0], en: `Job started before the age of ${m[1]} (born in ${m[2]})` }),
  ],
  [
    /^La password deve avere almeno (\d+) caratteri$/,
    (m) => ({ it: `La password deve avere almeno ${m[1]} caratteri`, en: `The password must have at least ${m[1]} characters` }),
  ],
];

const GENERIC = {
  required: { it: 'Campo obbligatorio', en: 'This field is required' },
  invalid: { it: 'Valore non valido', en: 'This value is not valid' },
  choose: { it: 'Scegliere un valore dall’elenco', en: 'Choose one of the options' },
  email: { it: 'Inserire un indirizzo e-mail valido', en: 'Enter a valid e-mail address' },
  date: MESSAGES['Data nel formato AAAA-MM-GG']!,
  dateTime: { it: 'Inserire data e ora valide', en: 'Enter a valid date and time' },
  number: { it: 'Inserire un numero', en: 'Enter a number' },
  integer: { it: 'Inserire un numero intero', en: 'Enter a whole number' },
  yesNo: { it: 'Scegliere sì o no', en: 'Choose yes or no' },
  text: { it: 'Inserire un testo', en: 'Enter some text' },
};

const fieldOf = (path: ReadonlyArray<PropertyKey> | undefined): string | undefined => {
  for (let i = (path?.length ?? 0) - 1; i >= 0; i--) if (typeof path![i] === 'string') return path![i] as string;
  return undefined;
};

const requiredFor = (path: ReadonlyArray<PropertyKey> | undefined): Text => REQUIRED[fieldOf(path) ?? ''] ?? GENERIC.required;

/** A raw issue (Zod still holds the input) → its human text. Used as a Zod error map. */
export function describeIssue(issue: z.core.$ZodRawIssue, language: MessageLanguage): string {
  const pick = (text: Text) => text[language];
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined || input === null || input === '') return pick(requiredFor(issue.path));
      if (issue.expected === 'number' || issue.expected === 'int' || issue.expected === 'bigint') return pick(GENERIC.number);
      if (issue.expected === 'boolean') return pick(GENERIC.yesNo);
      if (issue.expected === 'string') return pick(GENERIC.text);
      return pick(GENERIC.invalid);
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        return min <= 1
          ? pick(requiredFor(issue.path))
          : pick({ it: `Inserire almeno ${min} caratteri`, en: `Enter at least ${min} characters` });
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return min <= 1 ? pick(requiredFor(issue.path)) : pick({ it: `Sceglierne almeno ${min}`, en: `Choose at least ${min}` });
      }
      return pick({ it: `Il valore minimo è ${min}`, en: `The minimum is ${min}` });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return pick({ it: `Al massimo ${max} caratteri`, en: `At most ${max} characters` });
      if (issue.origin === 'array' || issue.origin === 'set') return pick({ it: `Al massimo ${max} elementi`, en: `At most ${max} items` });
      return pick({ it: `Il valore massimo è ${max}`, en: `The maximum is ${max}` });
    }
    case 'invalid_format':
      if (input === '') return pick(requiredFor(issue.path));
      if (issue.format === 'email') return pick(GENERIC.email);
      if (issue.format === 'date') return pick(GENERIC.date);
      if (issue.format === 'datetime') return pick(GENERIC.dateTime);
      if (issue.format === 'uuid' || issue.format === 'guid') return pick(GENERIC.choose);
      return pick(GENERIC.invalid);
    case 'invalid_value':
      if (input === undefined || input === '') return pick(requiredFor(issue.path));
      return pick(GENERIC.choose);
    case 'not_multiple_of':
      return pick(GENERIC.integer);
    case 'invalid_union': {
      // `'' or an e-mail` (companies' e-mail and PEC): say what the non-empty choice needs.
      const formats = (issue.errors ?? []).flat().map((e) => (e.code === 'invalid_format' ? e.format : undefined));
      if (formats.includes('email')) return pick(GENERIC.email);
      return pick(GENERIC.invalid);
    }
    case 'unrecognized_keys':
      return pick({ it: `Campo non previsto: ${issue.keys.join(', ')}`, en: `Unexpected field: ${issue.keys.join(', ')}` });
    default:
      return pick(GENERIC.invalid);
  }
}

/** A Zod error map in one language: `schema.safeParse(value, { error: validationErrorMap('en') })`. */
export function validationErrorMap(language: MessageLanguage) {
  return (issue: z.core.$ZodRawIssue) => describeIssue(issue, language);
}

/** A message a schema wrote (Italian, the id) in the asked language; other texts unchanged. */
export function translateMessage(message: string, language: MessageLanguage): string {
  const known = MESSAGES[message];
  if (known) return known[language];
  for (const [pattern, text] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return text(match)[language];
  }
  return message;
}

export interface ValidationFieldError {
  /** `firstName`, `slots/0/opens`; the server prefixes the part of the request (`body/firstName`). */
  path: string;
  message: string;
}

/** A failed parse → one human message per field, in the asked language. */
export function fieldErrorsOf(error: z.ZodError, language: MessageLanguage): ValidationFieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('/'), message: translateMessage(issue.message, language) }));
}
