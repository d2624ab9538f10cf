import { describe, expect, it } from 'vitest';
import taxonomyEn from './taxonomy.en.json';
import taxonomyIt from './taxonomy.it.json';

/** Every key path of a translation tree, plural suffixes included. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('reference-data translations', () => {
  it('have the same keys in Italian and English', () => {
    expect(keys(taxonomyEn).sort()).toEqual(keys(taxonomyIt).sort());
  });

  it('keep the attributions the licences ask for word for word', () => {
    for (const texts of [taxonomyIt, taxonomyEn]) {
      expect(texts.aboutData.escoAttribution).toBe('This service uses the ESCO classification of the European Commission.');
      expect(texts.aboutData.istatCredit).toBe('Fonte: ISTAT');
      expect(texts.aboutData.openpolisAttribution).toContain('Openpolis / ISTAT');
      expect(texts.aboutData.openpolisAttribution).toContain('CC BY 4.0');
    }
  });
});
