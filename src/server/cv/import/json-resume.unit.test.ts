import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../paths.js';
import type { DomainError } from '../../http/problem.js';
import { convertCv } from './convert-cv.js';
import { validateJsonResume } from './json-resume.js';

const dir = projectPath('tests', 'fixtures', 'cv', 'jsonresume');
const resume = (name: string) => convertCv(readFileSync(`${dir}/${name}`));
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('the import was expected to fail');
}

describe('JSON Resume: the schema’s own fixtures', () => {
  // Each file holds cases named …Valid and …Invalid (resume-schema's test suite).
  const files = readdirSync(`${dir}/schema-tests`).filter((f) => f.endsWith('.json') && f !== 'schema.json' && f !== 'dates.json');
  for (const file of files) {
    it(`${file}: valid cases pass the schema, invalid ones are refused with their path`, () => {
      const cases = JSON.parse(readFileSync(`${dir}/schema-tests/${file}`, 'utf8')) as Record<string, unknown>;
      const names = Object.keys(cases);
      expect(names.some((n) => n.endsWith('Invalid'))).toBe(true);
      for (const name of names) {
        const errors = validateJsonResume(cases[name]);
        if (name.endsWith('Invalid')) expect(errors, name).not.toEqual([]);
        else expect(errors, name).toEqual([]);
      }
    });
  }
});

describe('JSON Resume import', () => {
  it('the career changer: three jobs with highlights, volunteer work, interests and a reference into the additional entries', async () => {
    const draft = await resume('career-changer.resume.json');
    expect(draft.source).toEqual({ format: 'json_resume', version: 'v1.0.0' });
    expect(draft.identity.fullName).toBe('Daniel Reyes');
    expect(draft.profile.work).toHaveLength(3);
    expect(draft.profile.work.every((w) => w.employer && w.jobTitle && w.startDate)).toBe(true);
    expect(draft.profile.languages.map((l) => [l.code, l.mother])).toEqual([
      ['en', true],
      ['es', true],
    ]);
    expect(draft.profile.additional.map((a) => a.kind)).toEqual(['volunteer', 'volunteer', 'interest', 'interest', 'reference']);
    expect(draft.profile.certificates).toHaveLength(3);
  });

  it('the sample résumé: every section the format has lands in the profile', async () => {
    const draft = await resume('sample.resume.json');
    const source = JSON.parse(readFileSync(`${dir}/sample.resume.json`, 'utf8'));
    expect(draft.identity).toMatchObject({ fullName: source.basics.name, email: source.basics.email, headline: source.basics.label });
    expect(draft.profile.summary).toBe(source.basics.summary);
    expect(draft.profile.work[0]).toMatchObject({
      employer: source.work[0].name,
      jobTitle: source.work[0].position,
      startDate: source.work[0].startDate,
      highlights: source.work[0].highlights,
    });
    expect(draft.profile.education[0]).toMatchObject({
      institution: source.education[0].institution,
      title: source.education[0].studyType,
      field: source.education[0].area,
    });
    expect(draft.profile.additional.map((a) => a.kind).sort()).toEqual([
      'award',
      'interest',
      'project',
      'publication',
      'reference',
      'volunteer',
    ]);
    // Named skills are entries of the profile and phrases to match with ESCO.
    expect(draft.profile.skills.map((s) => s.label)).toEqual(source.skills.map((s: { name: string }) => s.name));
    expect(draft.profile.skills.every((s) => s.source === 'cv')).toBe(true);
    expect(draft.skillPhrases.map((p) => p.skillEntryId)).toEqual(draft.profile.skills.map((s) => s.id));
  });

  it('an Italian résumé: Sara Esposito, a warehouse job, the "Inglese B1" language, the skill level in Italian', async () => {
    const draft = await convertCv(
      json({
        basics: {
          name: 'Sara Esposito',
          email: 'sara.esposito@tiscali.it',
          phone: '+39 340 551 2290',
          location: { address: 'Via Emilia Est 1010', postalCode: '41122', city: 'Modena', countryCode: 'IT', region: 'Emilia-Romagna' },
        },
        work: [
          {
            name: 'Logistica Emiliana S.r.l.',
            position: 'Addetta al magazzino',
            location: 'Campogalliano (MO)',
            startDate: '2015-02',
            endDate: '2024-06-30',
            summary: 'Preparazione degli ordini con palmare.\nInventario mensile.',
            highlights: ['Patentino del carrello elevatore'],
          },
          { name: 'Supermercati Conti', startDate: '2012' },
        ],
        education: [{ institution: 'Istituto Tecnico "Fermi"', studyType: 'Diploma di ragioneria', endDate: '2011', score: '78/100' }],
        skills: [{ name: 'Gestione del magazzino', level: 'Avanzato', keywords: ['SAP', 'inventario'] }],
        languages: [
          { language: 'Italiano', fluency: 'Madrelingua' },
          { language: 'Inglese', fluency: 'B1' },
          { language: 'Tedesco', fluency: 'Scolastico' },
        ],
      }),
    );
    expect(draft.identity).toMatchObject({
      fullName: 'Sara Esposito',
      address: { line: 'Via Emilia Est 1010', city: 'Modena', region: 'Emilia-Romagna', country: 'IT' },
    });
    expect(draft.profile.work).toEqual([
      expect.objectContaining({
        employer: 'Logistica Emiliana S.r.l.',
        jobTitle: 'Addetta al magazzino',
        startDate: '2015-02',
        endDate: '2024-06-30',
        tasks: 'Preparazione degli ordini con palmare.\nInventario mensile.',
      }),
    ]);
    expect(draft.warnings.map((w) => w.code)).toEqual(['WORK_INCOMPLETE', 'LANGUAGE_LEVEL_UNKNOWN']);
    expect(draft.profile.education[0]).toMatchObject({ title: 'Diploma di ragioneria', grade: '78/100', endDate: '2011' });
    expect(draft.profile.skills[0]).toMatchObject({
      label: 'Gestione del magazzino',
      level: 'advanced',
      assessedBy: 'self',
      keywords: ['SAP', 'inventario'],
    });
    expect(draft.profile.languages).toEqual([
      expect.objectContaining({ code: 'it', mother: true }),
      expect.objectContaining({ code: 'en', listening: 'B1', writing: 'B1' }),
      expect.objectContaining({ code: 'de', mother: false }),
    ]);
    expect(draft.profile.languages[2]!.reading).toBeUndefined();
  });

  it('an end date before the start keeps the job without its end, and says so', async () => {
    const draft = await convertCv(
      json({ work: [{ name: 'Ceramica Marazzi', position: 'Scelta', startDate: '2019-05', endDate: '2018-01' }] }),
    );
    expect(draft.profile.work[0]).toMatchObject({ employer: 'Ceramica Marazzi', startDate: '2019-05' });
    expect(draft.profile.work[0]!.endDate).toBeUndefined();
    expect(draft.warnings[0]!.it).toContain('la data di fine precede l’inizio');
  });

  it('a résumé that fails the schema: 422 naming each path in Italian', async () => {
    const error = await failure(
      convertCv(
        json({
          basics: { name: 'Luca Ferrari', email: 'luca.ferrari(at)gmail.com' },
          work: [{ name: 'Ferrari Gino', startDate: '03/2019' }],
          skills: 'saldatura',
        }),
      ),
    );
    expect(error.code).toBe('CV_JSON_RESUME_INVALID');
    expect(error.status).toBe(422);
    expect(error.extra.errors).toEqual(
      expect.arrayContaining([
        { path: 'file/basics/email', message: 'basics.email: non è un indirizzo e-mail valido' },
        { path: 'file/work/0/startDate', message: 'work[0].startDate: non è una data nel formato AAAA, AAAA-MM o AAAA-MM-GG' },
        { path: 'file/skills', message: 'skills: deve essere un elenco' },
      ]),
    );
    expect(error.text.it).toContain('work[0].startDate: non è una data nel formato AAAA, AAAA-MM o AAAA-MM-GG');
  });

  it('a JSON that is no CV, and a JSON cut short, are told apart', async () => {
    expect((await failure(convertCv(json({ ordine: 4711, cliente: 'Rossi' })))).code).toBe('CV_NOT_RECOGNISED');
    const cut = await failure(convertCv(Buffer.from('{\n  "basics": {\n    "name": "Anna Romano",\n')));
    expect(cut.code).toBe('CV_JSON_MALFORMED');
    expect(cut.status).toBe(422);
  });

  it('reads back what the product’s own JSON Resume export writes: CEFR levels by skill, licences as certificates, "other" projects', async () => {
    const draft = await convertCv(
      json({
        basics: {
          name: 'Luca Montanari',
          label: 'Carrellista',
          email: 'luca.montanari@gmail.com',
          location: { city: 'Carpi', countryCode: 'IT' },
        },
        languages: [
          { language: 'Italiano', fluency: 'Lingua madre' },
          { language: 'Inglese', fluency: 'Ascolto B2, Lettura B2, Interazione B1, Produzione orale B1, Scrittura A2; PET (Cambridge)' },
          { language: 'English', fluency: 'Listening C1, Reading C1' },
        ],
        certificates: [
          { name: 'Patentino per carrellisti', issuer: 'Ente scuola edile di Modena', date: '2019-04' },
          { name: 'Patente di guida B' },
          { name: 'Patente di guida CQC merci' },
          { name: 'Driving licence CE' },
        ],
        skills: [{ name: 'conduzione del carrello elevatore', level: 'Avanzato' }],
        projects: [
          { name: 'Donatore AVIS dal 2010', type: 'other' },
          { name: 'Riordino del magazzino ricambi', entity: 'Officine Meccaniche Spilamberto' },
        ],
      }),
    );
    expect(draft.profile.languages).toEqual([
      expect.objectContaining({ code: 'it', mother: true }),
      expect.objectContaining({
        code: 'en',
        listening: 'B2',
        reading: 'B2',
        spokenInteraction: 'B1',
        spokenProduction: 'B1',
        writing: 'A2',
        certificate: 'PET (Cambridge)',
      }),
    ]);
    expect(draft.profile.certificates).toEqual([
      expect.objectContaining({ name: 'Patentino per carrellisti', issuer: 'Ente scuola edile di Modena', issuedOn: '2019-04' }),
    ]);
    expect(draft.profile.drivingLicences).toEqual(['B', 'CQC_merci', 'CE']);
    expect(draft.profile.skills[0]).toMatchObject({ label: 'conduzione del carrello elevatore', level: 'advanced' });
    expect(draft.profile.additional.map((a) => [a.kind, a.title, a.organisation])).toEqual([
      ['other', 'Donatore AVIS dal 2010', undefined],
      ['project', 'Riordino del magazzino ricambi', 'Officine Meccaniche Spilamberto'],
    ]);
  });
});
