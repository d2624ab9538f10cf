import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// Keys the publiccode.yml standard (v0.4) marks as mandatory, and the allowed values we rely on.
const doc = parse(readFileSync('publiccode.yml', 'utf8'));

describe('publiccode.yml', () => {
  it('parses and carries every key the standard requires', () => {
    for (const key of [
      'publiccodeYmlVersion',
      'name',
      'url',
      'platforms',
      'categories',
      'developmentStatus',
      'softwareType',
      'description',
      'legal',
      'maintenance',
      'localisation',
    ]) {
      expect(doc, key).toHaveProperty(key);
    }
    expect(doc.publiccodeYmlVersion).toBe('0.4');
    expect(['concept', 'development', 'beta', 'stable', 'obsolete']).toContain(doc.developmentStatus);
    expect([
      'standalone/mobile',
      'standalone/iot',
      'standalone/desktop',
      'standalone/web',
      'standalone/backend',
      'standalone/other',
      'addon',
      'library',
      'configurationFiles',
    ]).toContain(doc.softwareType);
    expect(['internal', 'contract', 'community', 'none']).toContain(doc.maintenance.type);
    expect(doc.maintenance.contacts.length).toBeGreaterThan(0);
    expect(doc.localisation.localisationReady).toBe(true);
    expect(doc.localisation.availableLanguages).toEqual(expect.arrayContaining(['it', 'en']));
    expect(new URL(doc.url).protocol).toBe('https:');
  });

  it('describes the software in Italian with the lengths the catalogue accepts', () => {
    const it = doc.description.it;
    expect(it.shortDescription.length).toBeLessThanOrEqual(150);
    expect(it.longDescription.length).toBeGreaterThanOrEqual(150);
    expect(it.longDescription.length).toBeLessThanOrEqual(10000);
    expect(it.features.length).toBeGreaterThan(0);
  });

  it('declares the same licence and version as the project', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(doc.legal.license).toBe('EUPL-1.2');
    expect(pkg.license).toBe('EUPL-1.2');
    expect(doc.softwareVersion).toBe(pkg.version);
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^EUROPEAN UNION PUBLIC LICENCE v\. 1\.2/);
  });
});
