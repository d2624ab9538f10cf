import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { profileDocumentSchema } from '../../../shared/schemas/profiles.schema.js';
import { barbieriIdentity, choices, longCv, shortCv } from './cv-samples.test-helper.js';
import { toJsonResume, validateJsonResume } from './json-resume.js';

describe('the CV as JSON Resume', () => {
  it('validates against the JSON Resume schema, for a short and a long CV', () => {
    for (const input of [shortCv(), longCv()]) {
      const resume = toJsonResume(input, { lastModified: new Date('2026-12-02T09:30:00Z') });
      expect(validateJsonResume(resume)).toEqual({ valid: true, errors: [] });
    }
  });

  it('is refused by the validator when it breaks the schema', () => {
    const resume = toJsonResume(shortCv());
    const broken = {
      ...resume,
      basics: { ...resume.basics, email: 'giulia.barbieri at esempio.it' },
      work: [{ startDate: '18 aprile 2003' }],
    };
    const result = validateJsonResume(broken);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual(
      expect.arrayContaining([expect.stringContaining('instance.basics.email'), expect.stringContaining('instance.work[0].startDate')]),
    );
  });

  it('maps the personal information, the jobs newest first, titles, skills and languages', () => {
    const resume = toJsonResume(longCv(), { lastModified: new Date('2026-12-02T09:30:00Z') });
    expect(resume.basics).toEqual({
      name: 'Nicolò Esposito',
      label: 'Operaio specializzato di produzione, carrellista',
      email: 'nicolo.esposito@esempio.it',
      phone: '+39 333 908 1177',
      summary: expect.stringContaining('trent’anni di esperienza'),
      location: { city: 'Sassuolo (MO)', countryCode: 'IT' },
    });
    const work = resume.work as { name: string; position: string; startDate: string; endDate?: string; highlights?: string[] }[];
    expect(work).toHaveLength(11);
    expect(work[0]).toMatchObject({ name: 'Tessitura D’Angelo S.p.A.', position: 'Manutentore di telai', startDate: '2010-02' });
    expect(work[0]!.endDate).toBeUndefined();
    expect(work.at(-1)).toMatchObject({ name: 'Ceramiche Sassuolese S.r.l.', startDate: '1990-01', endDate: '1992-01' });
    expect(work.at(-1)!.highlights).toEqual(['Riduzione degli scarti del 12% in un anno', 'Referente per la sicurezza del turno di notte']);
    expect(resume.education).toEqual([
      {
        institution: 'Ente di formazione CERFORM',
        studyType: 'Corso di saldatura a filo continuo',
        startDate: '2019-02',
        endDate: '2019-05',
      },
      {
        institution: 'IPSIA "Fermo Corni"',
        studyType: 'Qualifica di operatore meccanico',
        startDate: '1985',
        endDate: '1988',
        courses: ['Disegno tecnico', 'Tecnologia meccanica'],
      },
    ]);
    expect(resume.skills).toContainEqual({ name: 'condurre carrelli elevatori', level: 'Esperto' });
    expect(resume.skills).toContainEqual({ name: 'uso del gestionale di reparto' });
    expect(resume.languages).toEqual([
      { language: 'Italiano', fluency: 'Lingua madre' },
      { language: 'Inglese', fluency: 'Ascolto A2, Lettura B1, Interazione A2, Produzione orale A2, Scrittura A1' },
      { language: 'Tedesco', fluency: 'Ascolto A1, Lettura A1, Interazione A1, Produzione orale A1, Scrittura A1; Goethe-Zertifikat A1' },
    ]);
    expect(resume.certificates).toEqual([
      { name: 'Patentino per carrelli elevatori (Accordo Stato-Regioni 22/02/2012)', date: '2022-03-14', issuer: 'CERFORM Sassuolo' },
      { name: 'Attestato HACCP', date: '2016', issuer: 'AUSL di Modena' },
      { name: 'Patente di guida B' },
      { name: 'Patente di guida C' },
      { name: 'Patente di guida CQC merci' },
    ]);
    expect(resume.meta).toEqual({ version: 'v1.0.0', lastModified: '2026-12-02T09:30:00' });
  });

  it('puts every kind of additional entry into its JSON Resume section', () => {
    const entry = (kind: string, over: Record<string, unknown>) => ({ id: randomUUID(), kind, ...over });
    const profile = profileDocumentSchema.parse({
      additional: [
        entry('award', {
          title: 'Premio Maestri del Lavoro',
          organisation: 'Camera di Commercio di Modena',
          date: '2019-05',
          detail: 'Per 25 anni di lavoro.',
        }),
        entry('publication', {
          title: 'La scelta delle piastrelle',
          organisation: 'Ceramica Informazione',
          date: '2015',
          url: 'https://esempio.it/articolo',
        }),
        entry('project', {
          title: 'Nuova linea di smaltatura',
          organisation: 'Ceramica Fioranese',
          date: '2018-01',
          endDate: '2018-09',
          detail: 'Avvio della linea.',
        }),
        entry('volunteer', { title: 'Volontaria', organisation: 'AVIS Fiorano Modenese', date: '2010' }),
        entry('membership', { title: 'Iscritta', organisation: 'FILCTEM CGIL' }),
        entry('interest', { title: 'Cucina', detail: 'pasta fresca, conserve' }),
        entry('reference', { title: 'Sig. Roberto Ferrari', organisation: 'Ceramica Fioranese', detail: 'Caporeparto dal 2010 al 2025.' }),
        entry('other', { title: 'Corso di primo soccorso aziendale', date: '2021' }),
      ],
    });
    const resume = toJsonResume({ identity: barbieriIdentity, choices: choices(), profile });
    expect(validateJsonResume(resume).valid).toBe(true);
    expect(resume.awards).toEqual([
      { title: 'Premio Maestri del Lavoro', date: '2019-05', awarder: 'Camera di Commercio di Modena', summary: 'Per 25 anni di lavoro.' },
    ]);
    expect(resume.publications).toEqual([
      { name: 'La scelta delle piastrelle', publisher: 'Ceramica Informazione', releaseDate: '2015', url: 'https://esempio.it/articolo' },
    ]);
    expect(resume.volunteer).toEqual([
      { organization: 'AVIS Fiorano Modenese', position: 'Volontaria', startDate: '2010' },
      { organization: 'FILCTEM CGIL', position: 'Iscritta' },
    ]);
    expect(resume.interests).toEqual([{ name: 'Cucina', keywords: ['pasta fresca', 'conserve'] }]);
    expect(resume.references).toEqual([{ name: 'Sig. Roberto Ferrari, Ceramica Fioranese', reference: 'Caporeparto dal 2010 al 2025.' }]);
    expect(resume.projects).toEqual([
      {
        name: 'Nuova linea di smaltatura',
        entity: 'Ceramica Fioranese',
        description: 'Avvio della linea.',
        startDate: '2018-01',
        endDate: '2018-09',
      },
      { name: 'Corso di primo soccorso aziendale', startDate: '2021', type: 'other' },
    ]);
  });

  it('leaves out the sections and entries the CV leaves out', () => {
    const input = longCv();
    const hidden = input.profile.work.filter((w) => w.employer.startsWith('Caseificio')).map((w) => w.id);
    input.choices = choices({ sections: ['work', 'languages'], hiddenEntryIds: hidden, summary: 'Carrellista con patentino.' });
    const resume = toJsonResume(input);
    expect(resume.work as unknown[]).toHaveLength(10);
    expect(JSON.stringify(resume)).not.toContain('Caseificio');
    expect(resume.education).toBeUndefined();
    expect(resume.skills).toBeUndefined();
    expect(resume.certificates).toBeUndefined();
    expect(resume.volunteer).toBeUndefined();
    expect(resume.basics.summary).toBeUndefined();
  });

  it('uses the summary written for the CV and the labels resolved by the caller', () => {
    const input = longCv();
    const uri = 'http://data.europa.eu/esco/skill/5a0c1cf8-4e15-4a8a-9e5b-1f2b3c4d5e6f';
    input.profile.skills[0] = { ...input.profile.skills[0]!, escoUri: uri, label: 'operate forklift' };
    input.choices = choices({ summary: 'Carrellista con patentino in corso di validità.' });
    input.labels = { skills: { [uri]: 'manovrare un carrello elevatore' }, languages: { de: 'Tedesco (Germania)' } };
    const resume = toJsonResume(input);
    expect(resume.basics.summary).toBe('Carrellista con patentino in corso di validità.');
    expect(resume.skills).toContainEqual({ name: 'manovrare un carrello elevatore', level: 'Esperto' });
    expect((resume.languages as { language: string }[]).map((l) => l.language)).toContain('Tedesco (Germania)');
  });
});
