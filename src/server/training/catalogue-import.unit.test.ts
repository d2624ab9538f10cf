import { describe, expect, it } from 'vitest';
import { parseEuro, parseFunding, parseMappingParam, parsePlace, suggestCatalogueMapping } from './catalogue-import.js';

describe('a provider’s catalogue columns and values', () => {
  it('maps the headers providers write to the fields', () => {
    expect(
      suggestCatalogueMapping([
        'Denominazione corso',
        'Durata (ore)',
        'Data di inizio',
        'Data termine',
        'Luogo di svolgimento',
        'N. posti',
        'Quota di iscrizione',
        'Fonte di finanziamento',
        'Iscrizioni entro',
        'Titolo rilasciato',
        'Competenze acquisite',
        'Referente',
      ]),
    ).toEqual([
      'title',
      'hours',
      'startDate',
      'endDate',
      'place',
      'seats',
      'cost',
      'funding',
      'enrolmentDeadline',
      'certificate',
      'skills',
      null,
    ]);
  });

  it('reads the funding sources by their usual names', () => {
    expect(parseFunding('GOL')).toBe('gol');
    expect(parseFunding('FSE+ 2021-2027')).toBe('fse_plus');
    expect(parseFunding('Fondo Nuove Competenze')).toBe('fondo_nuove_competenze');
    expect(parseFunding('Fondimpresa')).toBe('fondi_interprofessionali');
    expect(parseFunding('A pagamento')).toBe('a_pagamento');
    expect(parseFunding('Regione')).toBeNull();
  });

  it('tells a course in a comune from an online or a blended one', () => {
    expect(parsePlace('Modena (MO)')).toEqual({ delivery: 'in_person', place: 'Modena (MO)', comuneName: 'Modena' });
    expect(parsePlace('On-line')).toEqual({ delivery: 'online', place: '', comuneName: null });
    expect(parsePlace('FAD')).toMatchObject({ delivery: 'online' });
    expect(parsePlace('Sassuolo / online')).toEqual({ delivery: 'blended', place: 'Sassuolo', comuneName: 'Sassuolo' });
  });

  it('reads euro amounts in the Italian way', () => {
    expect(parseEuro('€ 1.250,00')).toBe(125_000);
    expect(parseEuro('350,5')).toBe(35_050);
    expect(parseEuro('gratuito')).toBe(0);
    expect(parseEuro(99.9)).toBe(9_990);
    expect(parseEuro('trecento')).toBeNull();
  });

  it('checks a mapping chosen by hand', () => {
    expect(parseMappingParam('title,,hours', 4)).toEqual(['title', null, 'hours', null]);
    expect(parseMappingParam('titolo', 1)).toBe('Campo sconosciuto nella corrispondenza delle colonne: «titolo»');
  });
});
