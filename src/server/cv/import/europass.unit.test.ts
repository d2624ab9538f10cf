import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../paths.js';
import { convertCv } from './convert-cv.js';

const fixture = (...path: string[]) => readFileSync(projectPath('tests', 'fixtures', 'cv', ...path));
const v3 = (name: string) => convertCv(fixture('europass-v3', name));

describe('Europass CV XML 3.4: the official examples', () => {
  it('the CV example: Chuck Norris, his instructor job, his degree, languages with CEFR levels, licences and achievements', async () => {
    const draft = await v3('Europass_CV_V3.4.0_Example.xml');
    expect(draft.source).toEqual({ format: 'europass_xml', version: '3.4' });
    expect(draft.identity).toMatchObject({
      firstName: 'Chuck',
      lastName: 'NORRIS',
      birthDate: '1940-03-10',
      gender: 'M',
      email: 'chuck@chucknorrisfacts.com',
      phones: ['+44 123456789', '+44 987654321'],
      // Europass's 'UK' is ISO's GB.
      address: { line: '12 Strawberry Hille', postalCode: '12345', city: 'London', country: 'GB' },
      nationalities: ['US', 'AU', 'Citizen of the world'],
      headline: 'Chuck Norris law enforcement',
    });
    const [job] = draft.profile.work;
    expect(draft.profile.work).toHaveLength(1);
    expect(job).toMatchObject({
      employer: 'School of Ninjutsu',
      jobTitle: 'Martial Arts Instructor',
      startDate: '2001',
      country: 'JP',
      atecoCode: 'Q',
    });
    expect(job!.endDate).toBeUndefined();
    // The escaped HTML of the activities becomes plain lines.
    expect(job!.tasks).toContain('- Preparing class plans in advance.');
    expect(job!.tasks).not.toContain('<li>');
    expect(draft.profile.education).toEqual([
      expect.objectContaining({
        title: 'Martial Arts',
        institution: 'The University of Plymouth. Department of Martial Arts',
        eqfLevel: 6,
        field: 'Arts',
        startDate: '1995',
        country: 'US',
      }),
    ]);
    expect(draft.profile.languages).toEqual([
      expect.objectContaining({ code: 'en', mother: true }),
      expect.objectContaining({
        code: 'ja',
        mother: false,
        listening: 'C1',
        writing: 'C1',
        certificate: 'Cambridge Proficiency, Michigan Proficiency',
      }),
      expect.objectContaining({ code: 'grc', mother: false }),
    ]);
    // Elvish has no ISO code: said, not invented.
    expect(draft.warnings.map((w) => w.it)).toContain('Lingua «Elvish» senza codice ISO riconosciuto: non importata');
    expect(draft.profile.drivingLicences).toEqual(['A', 'B', 'BE']);
    expect(draft.profile.certificates.map((c) => c.name)).toEqual(['ACDL Certificate', 'Certificate on English Literature']);
    expect(draft.profile.additional.map((a) => [a.kind, a.title])).toEqual([
      ['project', 'Projects'],
      ['publication', 'Publications'],
      ['other', 'Theatre Participations'],
      ['other', 'Courses'],
    ]);
    expect(draft.skillPhrases).toEqual([
      { text: 'Bla bla multinational environment', origin: 'communication' },
      { text: 'Bla bla Human Relations bla bla', origin: 'organisational' },
      { text: 'Bla bla Business Processes bla bla', origin: 'job_related' },
      { text: 'Computer skills', origin: 'computer' },
      { text: 'Bla bla excellent hip hop dancer bla bla', origin: 'other' },
    ]);
  });

  it('the CV with cover letter and the CV with ESP, CL and LP carry the same CV', async () => {
    for (const name of ['Europass_CVwithCL_V3.4.0_Example.xml', 'Europass_CV_ESP_CL_LP_V3.4.0_Example.xml']) {
      const draft = await v3(name);
      expect(draft.identity).toMatchObject({ firstName: 'Chuck', lastName: 'NORRIS', birthDate: '1940-03-10' });
      expect(draft.profile.work.map((w) => `${w.jobTitle} – ${w.employer} – ${w.startDate}`)).toEqual([
        'Martial Arts Instructor – School of Ninjutsu – 2001',
      ]);
      expect(draft.profile.education.map((e) => e.eqfLevel)).toEqual([6]);
      expect(draft.profile.languages.find((l) => l.code === 'ja')).toMatchObject({ reading: 'C1', spokenInteraction: 'C1' });
      expect(draft.profile.drivingLicences).toEqual(['A', 'B', 'BE']);
    }
  });

  it('the language passport: only languages, Greek the mother tongue and English at C1', async () => {
    const draft = await v3('Europass_LP_V.3.4.0_Example.xml');
    expect(draft.identity).toMatchObject({ firstName: 'Babis', lastName: 'Sougias' });
    expect(draft.profile.work).toEqual([]);
    expect(draft.profile.languages.map((l) => [l.code, l.mother, l.listening])).toEqual([
      ['el', true, undefined],
      ['en', false, 'C1'],
      ['grc', false, undefined],
    ]);
    expect(draft.profile.languages[1]!.certificate).toBe('Cambridge Proficiency, Michigan Proficiency');
  });

  it('the cover letter alone: the identity, nothing for the profile, and the consultant is told why', async () => {
    const draft = await v3('Europass_CL_V3.4.0_Example.xml');
    expect(draft.identity).toMatchObject({
      firstName: 'Jim',
      lastName: 'Burnett',
      address: expect.objectContaining({ city: 'Birmingham', country: 'GB' }),
    });
    expect(draft.profile.work).toEqual([]);
    expect(draft.profile.education).toEqual([]);
    expect(draft.warnings.map((w) => w.code)).toEqual(['COVER_LETTER_ONLY']);
  });
});

describe('Europass JSON 3.4: the official examples', () => {
  it('the CV: Betty Smith, three jobs in order, a PhD at EQF 7, French by CEFR skill, licences', async () => {
    const draft = await v3('Europass_JSON_V3.4.0_ECV_Example.json');
    expect(draft.source).toEqual({ format: 'europass_json', version: '3.4' });
    expect(draft.identity).toMatchObject({
      firstName: 'Betty',
      lastName: 'Smith',
      birthDate: '1975-03-01',
      gender: 'F',
      nationalities: ['GB'],
    });
    expect(draft.profile.work.map((w) => [w.employer, w.jobTitle, w.startDate, w.endDate])).toEqual([
      ['British Council', 'Independent consultant', '2002-08', undefined],
      ['European Commission, Youth Unit, DG Education and Culture', 'Internship', '2002-03', '2002-07'],
      [expect.any(String), 'Researcher / Independent Consultant', '2001-10', '2002-02'],
    ]);
    expect(draft.profile.work[0]).toMatchObject({ place: 'Paris', country: 'FR', atecoCode: 'J' });
    expect(draft.profile.education.map((e) => [e.institution, e.eqfLevel, e.startDate, e.endDate])).toEqual([
      ['Brunel University', 7, '1997', '2001'],
      ['Brunel University', 6, '1993', '1997'],
    ]);
    expect(draft.profile.languages.find((l) => l.code === 'fr')).toMatchObject({
      listening: 'C1',
      reading: 'C2',
      spokenInteraction: 'B2',
      spokenProduction: 'C1',
      writing: 'C2',
      certificate: 'French Proficiency, Michigan Proficiency',
    });
    expect(draft.profile.languages.filter((l) => l.mother).map((l) => l.code)).toEqual(['en', 'zh']);
    expect(draft.profile.drivingLicences).toEqual(['A', 'A1', 'B']);
    expect(draft.profile.certificates.map((c) => c.name)).toEqual(['Certificate 1', 'Certificate 2', 'Certificate 3']);
    // "- team work: I have worked…" names the skill before the colon.
    expect(draft.skillPhrases.map((p) => p.text)).toEqual(
      expect.arrayContaining(['team work', 'mediating skills', 'intercultural skills']),
    );
    expect(draft.skillPhrases.find((p) => p.text === 'competent with most Microsoft Office programmes')?.origin).toBe('computer');
  });

  it('the CV with cover letter, the language passport and the cover letter alone', async () => {
    const withLetter = await v3('Europass_JSON_V3.4.0_ECVwithECL_Example.json');
    expect(withLetter.profile.work).toHaveLength(3);
    expect(withLetter.profile.education).toHaveLength(2);
    const passport = await v3('Europass_JSON_V3.4.0_ELP_Example.json');
    expect(passport.identity).toMatchObject({ firstName: 'John', lastName: 'Doe' });
    expect(passport.profile.languages.map((l) => `${l.code}${l.mother ? ' (madrelingua)' : ` ${l.reading}`}`)).toEqual([
      'en (madrelingua)',
      'fr (madrelingua)',
      'es C1',
      'zh B1',
    ]);
    const letter = await v3('Europass_JSON_V3.4.0_ECL_Example.json');
    expect(letter.warnings.map((w) => w.code)).toEqual(['COVER_LETTER_ONLY']);
  });
});

describe('Europass CV XML 2.x', () => {
  it('2.0 of 2006: Giuseppe Barbieri of Sassuolo, glazing line and warehouse, his diploma, French levels in lower case', async () => {
    const draft = await convertCv(fixture('europass-v2', 'europass-v2.0-barbieri.xml'));
    expect(draft.source).toEqual({ format: 'europass_xml', version: '2.0' });
    expect(draft.identity).toMatchObject({
      firstName: 'Giuseppe',
      lastName: 'Barbieri',
      birthDate: '1972-11-08',
      email: 'giuseppe.barbieri72@libero.it',
      phones: ['+39 347 2210983', '0536 804512'],
      address: { line: 'Via Radici in Piano 218', postalCode: '41049', city: 'Sassuolo (MO)', country: 'IT' },
      headline: 'Addetto alla smaltatura e alla scelta di piastrelle ceramiche',
    });
    expect(draft.profile.work.map((w) => [w.employer, w.jobTitle, w.startDate, w.endDate, w.atecoCode])).toEqual([
      ['Ceramiche Fiorano Nuova S.p.A.', 'Operaio addetto alla linea di smaltatura', '1998-09', '2005-12', '23.31'],
      ['Trasporti Ferrari Gino & C. s.n.c.', 'Magazziniere', '1991-03', '1998-08', undefined],
    ]);
    expect(draft.profile.education).toEqual([
      expect.objectContaining({
        title: 'Diploma di qualifica di operatore chimico-biologico',
        institution: 'Istituto Professionale "Alessandro Volta"',
        endDate: '1991',
        field: 'Chimica',
        courses: ['Chimica dei materiali ceramici', 'laboratorio di analisi'],
      }),
    ]);
    // ISCED 3 is not an EQF level: left for the consultant.
    expect(draft.profile.education[0]!.eqfLevel).toBeUndefined();
    expect(draft.profile.languages).toEqual([
      expect.objectContaining({ code: 'it', mother: true }),
      expect.objectContaining({ code: 'fr', listening: 'A2', reading: 'B1', writing: 'A1' }),
    ]);
    expect(draft.profile.drivingLicences).toEqual(['B', 'C']);
    expect(draft.skillPhrases.map((p) => p.text)).toEqual([
      'Lavoro di squadra su tre turni',
      'Coordinamento di una squadra di quattro operai durante il turno di notte',
      'Regolazione delle macchine smaltatrici',
      'controllo qualità visivo delle piastrelle',
      'uso del carrello elevatore',
      'Uso di base del PC (Windows, posta elettronica)',
    ]);
    expect(draft.profile.additional).toEqual([
      expect.objectContaining({ detail: 'Patentino per la conduzione di carrelli elevatori (2004).' }),
    ]);
  });

  it('2.3 in ISO-8859-1 with child-element dates: Nicolò D’Angelo, weaver since 2004, English named only by its label', async () => {
    const draft = await convertCv(fixture('europass-v2', 'europass-v2.3-esposito-latin1.xml'));
    expect(draft.source.version).toBe('2.3');
    expect(draft.identity).toMatchObject({
      firstName: 'Nicolò',
      lastName: "D'Angelo",
      birthDate: '1980-02-29',
      address: expect.objectContaining({ city: 'Modena' }),
    });
    expect(draft.profile.work).toEqual([
      expect.objectContaining({
        employer: 'Maglificio Esposito & Figli S.r.l.',
        jobTitle: 'Tessitore su telai a pinza',
        startDate: '2004-04',
        atecoCode: '13.20',
      }),
    ]);
    expect(draft.profile.work[0]!.endDate).toBeUndefined();
    expect(draft.warnings.map((w) => w.code)).toEqual(['WORK_INCOMPLETE']);
    expect(draft.profile.languages[1]).toMatchObject({ code: 'en', listening: 'B2', spokenInteraction: 'B1' });
    expect(draft.profile.education).toEqual([
      expect.objectContaining({ title: 'Diploma di perito tessile', endDate: '1999', place: 'Carpi (MO)' }),
    ]);
    expect(draft.profile.drivingLicences).toEqual(['B']);
  });
});
