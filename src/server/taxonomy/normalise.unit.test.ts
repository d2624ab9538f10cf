import { describe, expect, it } from 'vitest';
import { normaliseLabel } from './normalise.js';

describe('normaliseLabel', () => {
  it('makes case and accents irrelevant, as an operator types them', () => {
    expect(normaliseLabel('Città')).toBe('citta');
    expect(normaliseLabel('CITTÀ')).toBe('citta');
    expect(normaliseLabel("Citta'")).toBe('citta');
    expect(normaliseLabel('Perché Così')).toBe('perche cosi');
  });

  it('turns punctuation, apostrophes and slashes into single spaces', () => {
    expect(normaliseLabel("Città Sant'Angelo")).toBe('citta sant angelo');
    expect(normaliseLabel('Città Sant’Angelo')).toBe('citta sant angelo');
    expect(normaliseLabel('Bolzano/Bozen')).toBe('bolzano bozen');
    expect(normaliseLabel('  welder-fitter ,  (MIG) ')).toBe('welder fitter mig');
    expect(normaliseLabel('25.11.00')).toBe('25 11 00');
  });

  it('folds letters that decomposition leaves whole', () => {
    expect(normaliseLabel('Straße')).toBe('strasse');
    expect(normaliseLabel('Œuvre')).toBe('oeuvre');
    expect(normaliseLabel('Łódź')).toBe('lodz');
    expect(normaliseLabel('Vallée d’Aoste')).toBe('vallee d aoste');
  });

  it('returns an empty string when nothing searchable is left', () => {
    expect(normaliseLabel(' -- ')).toBe('');
    expect(normaliseLabel('')).toBe('');
  });

  it('is idempotent, so stored labels and queries always meet', () => {
    for (const text of ['Città di Castello', 'Saldatori e tagliatori a fiamma', 'C011', 'Ærøskøbing']) {
      expect(normaliseLabel(normaliseLabel(text))).toBe(normaliseLabel(text));
    }
  });
});
