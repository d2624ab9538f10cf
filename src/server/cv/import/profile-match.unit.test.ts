import { describe, expect, it } from 'vitest';
import { emptyProfile, type WorkEntry } from '../../../shared/schemas/profiles.schema.js';
import { identityDifferences } from './identity-differences.js';
import { additionsTo, employerKey, sameEducation, sameWork } from './profile-match.js';

const work = (employer: string, startDate: string, id = crypto.randomUUID()): WorkEntry => ({
  id,
  employer,
  jobTitle: 'Operaio',
  startDate,
  highlights: [],
});

describe('when a CV entry is one the profile holds', () => {
  it('an employer is the same however its legal form and accents are written', () => {
    expect(employerKey('Ceramiche Fiorano Nuova S.p.A.')).toBe(employerKey('CERAMICHE FIORANO NUOVA SpA'));
    expect(employerKey("Maglificio D'Angelo s.r.l.")).toBe(employerKey('Maglificio D’Angelo Srl'));
    expect(employerKey('Salumificio Castelnovese')).not.toBe(employerKey('Salumificio Castelnuovo'));
  });

  it('a job is the same employer from the same start, at the precision both dates have', () => {
    expect(sameWork(work('Biomedica Mirandola S.p.A.', '2010-05'), work('Biomedica Mirandola SpA', '2010-05-03'))).toBe(true);
    expect(sameWork(work('Biomedica Mirandola S.p.A.', '2010'), work('Biomedica Mirandola', '2010-05'))).toBe(true);
    // Back at the same company later: another job.
    expect(sameWork(work('Biomedica Mirandola S.p.A.', '2010-05'), work('Biomedica Mirandola S.p.A.', '2016-02'))).toBe(false);
  });

  it('a title is the same in the same year, or when one side has no year', () => {
    const diploma = { id: crypto.randomUUID(), title: 'Diploma di perito tessile', courses: [] };
    expect(sameEducation({ ...diploma, endDate: '1999' }, { ...diploma, title: 'diploma di Perito Tessile', endDate: '1999-07' })).toBe(
      true,
    );
    expect(sameEducation({ ...diploma, endDate: '1999' }, diploma)).toBe(true);
    expect(sameEducation({ ...diploma, endDate: '1999' }, { ...diploma, endDate: '2004' })).toBe(false);
  });

  it('counts what the profile holds and offers the rest once', () => {
    const profile = { ...emptyProfile(), work: [work('Ceramica Marazzi S.p.A.', '2001-09')], drivingLicences: ['B' as const] };
    const candidates = {
      ...emptyProfile(),
      work: [work('Ceramica Marazzi', '2001-09'), work('Florim Ceramiche', '2012'), work('Florim Ceramiche S.p.A.', '2012')],
      drivingLicences: ['B' as const, 'C' as const],
    };
    const { additions, alreadyPresent } = additionsTo(profile, candidates);
    expect(additions.work.map((w) => w.employer)).toEqual(['Florim Ceramiche']);
    expect(additions.drivingLicences).toEqual(['C']);
    expect(alreadyPresent).toMatchObject({ work: 1, drivingLicences: 1 });
  });
});

describe('identity differences', () => {
  const record = {
    firstName: 'Nicolò',
    lastName: "D'Angelo",
    birthDate: '1980-02-29',
    email: 'nicolo.dangelo@alice.it',
    phone: '+393397788120',
    address: 'Via Giardini 455',
    postalCode: '41124',
  };

  it('a name in the other order, a phone without +39 and the year of birth alone are no difference', () => {
    expect(
      identityDifferences(
        {
          lastName: 'D’ANGELO',
          firstName: 'Nicolo',
          birthDate: '1980',
          phones: ['339 7788120'],
          email: 'Nicolo.DAngelo@alice.it',
          nationalities: [],
        },
        record,
      ),
    ).toEqual([]);
  });

  it('another street, another birth date and another phone are shown beside the record', () => {
    expect(
      identityDifferences(
        {
          fullName: "Nicolò D'Angelo",
          birthDate: '1980-03-01',
          phones: ['+39 333 1112223'],
          address: { line: 'Via Emilia Est 12', postalCode: '41121' },
          nationalities: [],
        },
        record,
      ),
    ).toEqual([
      { field: 'birthDate', cv: '1980-03-01', worker: '1980-02-29' },
      { field: 'phone', cv: '+39 333 1112223', worker: '+393397788120' },
      { field: 'address', cv: 'Via Emilia Est 12', worker: 'Via Giardini 455' },
      { field: 'postalCode', cv: '41121', worker: '41124' },
    ]);
  });
});
