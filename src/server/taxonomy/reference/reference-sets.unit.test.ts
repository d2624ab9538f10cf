import { describe, expect, it } from 'vitest';
import { versionFromFileName } from '../../../cli/taxonomy.command.js';
import { detailFor } from '../detail.js';
import { atecoLevel, educationParent } from './istat-sets.js';
import { comuniSet } from './place-and-contract-sets.js';

describe('classification codes', () => {
  it('reads the ATECO level from the shape of the code', () => {
    expect(['A', '01', '01.1', '01.11', '01.11.1', '01.11.10', '1.1', 'AB'].map(atecoLevel)).toEqual([1, 2, 3, 4, 5, 6, 0, 0]);
  });

  it('finds the parent of an ISTAT educational title (digits grouped 1-2-2-3)', () => {
    expect(educationParent('30101001')).toBe('30101000');
    expect(educationParent('30101000')).toBe('30100000');
    expect(educationParent('30100000')).toBe('30000000');
    expect(educationParent('30000000')).toBeNull();
  });

  it('reads the ESCO version from an official file name', () => {
    expect(versionFromFileName('/tmp/esco-v1.1.1-classification-it-csv.zip')).toBe('v1.1.1');
    expect(versionFromFileName('ESCO-v1.2.0-relations-csv.zip')).toBe('v1.2.0');
    expect(versionFromFileName('skills.zip')).toBeUndefined();
  });
});

describe('detailFor', () => {
  it('qualifies each kind in the language asked for', () => {
    expect(detailFor('esco_occupation', { iscoGroup: '7212' }, 'it')).toBe('ISCO 7212');
    expect(detailFor('cp2011', { level: '5' }, 'it')).toBe('CP2011 · unità professionale');
    expect(detailFor('cp2011', { level: '5' }, 'en')).toBe('CP2011 · occupational unit');
    expect(detailFor('ateco2025', { level: '4' }, 'it')).toBe('ATECO 2025 · classe');
    expect(detailFor('esco_skill', { skillType: 'knowledge' }, 'it')).toBe('conoscenza');
    expect(detailFor('comune', { province: 'MO' }, 'en')).toBe('MO');
    expect(detailFor('ccnl', { sector: 'MECCANICI' }, 'it')).toBe('MECCANICI');
  });
});

describe('comuni', () => {
  it('keeps a missing cadastral code empty and lets bilingual comuni be found by either name', async () => {
    const csv =
      'istat_code,name,catasto_code,prov_istat_code,prov_sigla,prov_name,reg_istat_code,reg_name,lat,lon\n' +
      '081025,Misiliscemi,N.d.,081,TP,Trapani,19,Sicilia,37.915679,12.547522\n' +
      '021008,Bolzano/Bozen,A952,021,BZ,Bolzano/Bozen,04,Trentino-Alto Adige/Südtirol,46.49,11.35\n';
    const concepts = await comuniSet.read(new Map([[comuniSet.files[0]!, Buffer.from(csv)]]));
    expect(concepts[0]!.comune!.cadastralCode).toBe('');
    expect(concepts[1]!.labels.map((l) => [l.type, l.label])).toEqual([
      ['preferred', 'Bolzano/Bozen'],
      ['alternative', 'Bolzano'],
      ['alternative', 'Bozen'],
    ]);
  });

  it('refuses a centroid outside Italy', async () => {
    const csv =
      'istat_code,name,catasto_code,prov_istat_code,prov_sigla,prov_name,reg_istat_code,reg_name,lat,lon\n' +
      '036023,Modena,F257,036,MO,Modena,08,Emilia-Romagna,10.915002,44.643661\n';
    await expect(comuniSet.read(new Map([[comuniSet.files[0]!, Buffer.from(csv)]]))).rejects.toMatchObject({ code: 'IMPORT_BAD_VALUE' });
  });
});
