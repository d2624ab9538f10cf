import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportLabels } from './export-labels.js';

const web = (file: string) => JSON.parse(readFileSync(new URL(`../../web/i18n/${file}`, import.meta.url), 'utf8'));

describe('export labels', () => {
  it('name every status as the web app does, in Italian and English', () => {
    for (const language of ['it', 'en'] as const) {
      const programmes = web(`programmes.${language}.json`).programmes;
      const outreach = web(`outreach.${language}.json`).outreach;
      const labels = exportLabels(language);
      expect(labels.programmeStatus).toEqual(programmes.status);
      expect(labels.enrollmentStates).toEqual(programmes.states);
      expect(labels.outreachStatus).toEqual(outreach.recipientStatus);
    }
  });

  it('translate every header', () => {
    expect(Object.keys(exportLabels('en').headers)).toEqual(Object.keys(exportLabels('it').headers));
    expect(exportLabels('it').enrollmentStates.waiting).toBe('In lista d’attesa');
  });
});
