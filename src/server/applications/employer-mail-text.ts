import { formatItalianDate } from '../../shared/time/rome-date.js';
import { romeLocal } from '../../shared/time/rome-time.js';

/** The Italian texts of the e-mails to an employer about a candidate (pure: the caller reads the facts). */

export interface CandidateFacts {
  vacancyTitle: string;
  employerName: string;
  givenName: string;
  familyName: string;
  residence: string | null;
  headline: string | null;
  /** The skills of the CV that the vacancy asks for; the CV's first skills when none of them match. */
  fittingSkills: string[];
  otherSkills: string[];
  attachmentName: string;
}

export interface ReplyTo {
  officeName: string;
  officeAddress: string;
  officePhone: string;
  officeEmail: string;
  matcherName: string;
  matcherEmail: string;
}

const MAX_SKILLS = 8;

/** "… di Rossi S.r.l." ends the sentence with the abbreviation's own full stop, not a second one. */
const endSentence = (text: string) => (text.endsWith('.') ? text : `${text}.`);

function skillLines(c: CandidateFacts): string[] {
  if (c.fittingSkills.length > 0) {
    const more = c.fittingSkills.length > MAX_SKILLS ? ` e altre ${c.fittingSkills.length - MAX_SKILLS}` : '';
    return [`Competenze richieste dall’offerta: ${c.fittingSkills.slice(0, MAX_SKILLS).join('; ')}${more}`];
  }
  if (c.otherSkills.length > 0) return [`Competenze: ${c.otherSkills.slice(0, MAX_SKILLS).join('; ')}`];
  return [];
}

function replyLines(r: ReplyTo): string[] {
  return [
    'Per qualsiasi domanda può rispondere a:',
    `${r.matcherName}${r.matcherEmail ? ` <${r.matcherEmail}>` : ''}`,
    [r.officeName, r.officeAddress].filter(Boolean).join(', '),
    [r.officePhone && `tel. ${r.officePhone}`, r.officeEmail].filter(Boolean).join(' · '),
  ].filter((l) => l.trim() !== '');
}

function linkLines(link: string, expiresAt: Date): string[] {
  return [
    'Ci indichi l’esito da questo link, senza bisogno di registrarsi (vuole fissare un colloquio, oppure il candidato non è stato selezionato):',
    link,
    `Il link vale solo per questo candidato, fino al ${formatItalianDate(romeLocal(expiresAt).date)}.`,
  ];
}

export function candidateMail(c: CandidateFacts, r: ReplyTo, link: string, expiresAt: Date): { subject: string; text: string } {
  const lines = [
    'Buongiorno,',
    '',
    `Le proponiamo un candidato per l’offerta «${c.vacancyTitle}» di ${endSentence(c.employerName)}`,
    '',
    `Candidato: ${c.givenName} ${c.familyName}`,
    ...(c.residence ? [`Residenza: ${c.residence}`] : []),
    ...(c.headline ? [`Profilo: ${c.headline}`] : []),
    ...skillLines(c),
    '',
    `In allegato il curriculum (${c.attachmentName}), inviato con il consenso del lavoratore: i dati servono solo per questa selezione.`,
    '',
    ...linkLines(link, expiresAt),
    '',
    ...replyLines(r),
    '',
    'Cordiali saluti',
  ];
  return { subject: `Candidato per «${c.vacancyTitle}»: ${c.givenName} ${c.familyName}`, text: lines.join('\n') };
}

export function reminderMail(
  c: Pick<CandidateFacts, 'vacancyTitle' | 'employerName' | 'givenName' | 'familyName'>,
  r: ReplyTo,
  sentAt: Date,
  link: string,
  expiresAt: Date,
): { subject: string; text: string } {
  const lines = [
    'Buongiorno,',
    '',
    `il ${formatItalianDate(romeLocal(sentAt).date)} abbiamo proposto a ${c.employerName} la candidatura di ${c.givenName} ${c.familyName} ` +
      `per l’offerta «${c.vacancyTitle}», e non abbiamo ancora un riscontro.`,
    '',
    ...linkLines(link, expiresAt),
    '',
    ...replyLines(r),
    '',
    'Grazie e cordiali saluti',
  ];
  return { subject: `Promemoria: la candidatura di ${c.givenName} ${c.familyName} per «${c.vacancyTitle}»`, text: lines.join('\n') };
}

/** What is kept of a text: the link's token is not stored (only its hash is). */
export function withoutToken(text: string, link: string): string {
  return text.split(link).join(link.replace(/[^/]+$/, '…'));
}
