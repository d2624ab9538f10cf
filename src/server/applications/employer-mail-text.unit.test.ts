import { describe, expect, it } from 'vitest';
import { candidateMail, reminderMail, withoutToken, type CandidateFacts, type ReplyTo } from './employer-mail-text.js';

const reply: ReplyTo = {
  officeName: 'Centro per l’impiego di Mirandola',
  officeAddress: 'Via Giolitti 22, 41037 Mirandola',
  officePhone: '0535 611 111',
  officeEmail: 'cpi.mirandola@provincia.modena.it',
  matcherName: 'Sara Colombo',
  matcherEmail: 'sara.colombo@provincia.modena.it',
};
const facts: CandidateFacts = {
  vacancyTitle: 'Addetto/a al confezionamento',
  employerName: 'Salumificio Barbieri S.r.l.',
  givenName: 'Nicolò',
  familyName: "D'Angelo",
  residence: 'Finale Emilia (MO)',
  headline: null,
  fittingSkills: [],
  otherSkills: [],
  attachmentName: 'CV-D-Angelo-Nicolo.pdf',
};
const link = 'https://lavoro.example/esito-candidato/abcdefghijklmnopqrstuvwx';
const expires = new Date('2027-02-02T10:00:00Z');

describe('the e-mails to the employer', () => {
  it('names the skills the vacancy asks for first, at most eight, and says how many more', () => {
    const skills = Array.from({ length: 10 }, (_, i) => `Competenza ${i + 1}`);
    const { text } = candidateMail({ ...facts, fittingSkills: skills, otherSkills: skills }, reply, link, expires);
    expect(text).toContain('Competenze richieste dall’offerta: Competenza 1; Competenza 2');
    expect(text).toContain('Competenza 8 e altre 2');
    expect(text).not.toContain('Competenza 9');
  });

  it('leaves out what the CV does not show: no headline, no skills, no lines for them', () => {
    const { subject, text } = candidateMail(facts, reply, link, expires);
    expect(subject).toBe("Candidato per «Addetto/a al confezionamento»: Nicolò D'Angelo");
    expect(text).not.toContain('Profilo:');
    expect(text).not.toContain('Competenze');
    expect(text).toContain('Le proponiamo un candidato per l’offerta «Addetto/a al confezionamento» di Salumificio Barbieri S.r.l.');
    expect(text).toContain('Residenza: Finale Emilia (MO)');
    expect(text).toContain('fino al 02/02/2027');
    expect(text).toContain('Sara Colombo <sara.colombo@provincia.modena.it>');
    expect(text).toContain('tel. 0535 611 111 · cpi.mirandola@provincia.modena.it');
  });

  it('reminds with the date of the sending and the link, and stores the text without the token', () => {
    const { subject, text } = reminderMail(facts, reply, new Date('2026-12-04T09:00:00Z'), link, expires);
    expect(subject).toBe("Promemoria: la candidatura di Nicolò D'Angelo per «Addetto/a al confezionamento»");
    expect(text).toContain(
      "il 04/12/2026 abbiamo proposto a Salumificio Barbieri S.r.l. la candidatura di Nicolò D'Angelo per l’offerta «Addetto/a al confezionamento»",
    );
    // The office is named once, as it is called (its name already says «Centro per l’impiego»).
    expect(text).not.toContain('impiego Centro');
    expect(text).toContain(link);
    const stored = withoutToken(text, link);
    expect(stored).not.toContain('abcdefghijklmnopqrstuvwx');
    expect(stored).toContain('https://lavoro.example/esito-candidato/…');
  });
});
