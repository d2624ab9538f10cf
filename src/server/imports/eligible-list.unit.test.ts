import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { computeCodiceFiscale } from '../../shared/identity/codice-fiscale.js';
import { mappingWarnings, missingRequiredFields } from '../../shared/schemas/imports.schema.js';
import { pickCigsCase } from '../companies/index.js';
import {
  BROKEN_KINDS,
  LIST_COMPANIES,
  eligibleList,
  tableOf,
  toCsvUtf8Bom,
  toCsvWindows1252,
  toXlsxFile,
} from '../../../tests/fixtures/imports/eligible-list.js';
import { planCigsCases } from './cigs-periods.js';
import { decodeText, readRows } from './file-reader.js';
import { layoutKey, matchHeader, suggestMapping } from './header-mapping.js';
import { refusedRowsCsv } from './refused-rows.js';
import { createRowValidator, splitFullName, type ImportedWorker } from './row-validator.js';

const comuni = [
  { istatCode: '036023', name: 'Modena', province: 'MO' },
  { istatCode: '036005', name: 'Carpi', province: 'MO' },
  { istatCode: '037006', name: 'Bologna', province: 'BO' },
];

describe('a generated eligible-worker list', () => {
  it('has about 10 % broken rows of every kind, a duplicate and an unregistered company', () => {
    const list = eligibleList();
    expect(list.rows).toHaveLength(51);
    expect(
      list.rows
        .filter((r) => r.broken)
        .map((r) => r.broken)
        .sort(),
    ).toEqual([...BROKEN_KINDS].sort());
    expect(list.rows.filter((r) => r.duplicateOf !== undefined)).toHaveLength(1);
    expect(list.rows.some((r) => r.company === LIST_COMPANIES.unregistered.name)).toBe(true);
    const names = list.rows.map((r) => `${r.lastName} ${r.firstName}`);
    expect(names).toEqual(
      expect.arrayContaining(["D'Angelo Marco", 'De Luca Francesca', "Dall'Olio Luca", 'Romano Nicolò', 'Barbieri Andrea']),
    );
    expect(list.rows.find((r) => r.broken === 'impossible-date')!.cells).toContain('31/02/2026');
  });

  it('writes Windows-1252 that our reader decodes back, accents and curly apostrophes included', async () => {
    const table = tableOf(eligibleList());
    const bytes = toCsvWindows1252(table);
    // ’ is 0x92 and ò 0xF2 in Windows-1252, not UTF-8 sequences.
    expect(bytes.includes(0x92)).toBe(true);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('windows-1252');
    expect(text).toContain('Maglificio D’Angelo & Figli S.r.l.');
    expect(decodeText(toCsvUtf8Bom(table))).toMatchObject({ encoding: 'utf-8' });
    const xlsx = await readRows(await toXlsxFile(table, 'INPS — Elenco beneficiari CIGS'));
    expect(xlsx.rows[1]).toEqual(table[0]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsxFile(table)) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(table.length);
  });
});

describe('headers in the spellings real exports use', () => {
  it.each([
    ['Fine C.I.G.S.', 'cigsEnd'],
    ['Inizio C.I.G.S.', 'cigsStart'],
    ['Data fine cassa integrazione', 'cigsEnd'],
    ['Data inizio cassa integrazione', 'cigsStart'],
    ['C.F.', 'codiceFiscale'],
    ['Cod. Fiscale', 'codiceFiscale'],
    ['Tel.', 'phone'],
    ['COGNOME E NOME', 'fullName'],
    ['Nominativo', 'fullName'],
    ['Nome e cognome', 'fullName'],
    ['P.IVA', 'companyVat'],
    ['M/F', 'sex'],
  ])('maps "%s" to %s', (header, field) => {
    expect(matchHeader(header)?.field).toBe(field);
  });

  it('maps every column of both generated layouts', () => {
    for (const layout of ['company', 'inps'] as const) {
      const { headers } = eligibleList({ layout });
      expect(Object.keys(suggestMapping(headers))).toHaveLength(headers.length);
    }
  });

  it('lists the unmapped columns and warns when the CIGS end date is missing', () => {
    const columns = [
      { index: 0, header: 'Nominativo' },
      { index: 1, header: 'C.F.' },
      { index: 2, header: 'Note interne' },
    ];
    expect(mappingWarnings({ 0: 'fullName', 1: 'codiceFiscale' }, columns)).toEqual({
      unmappedColumns: ['Note interne'],
      missingCigsEnd: true,
    });
    expect(mappingWarnings({ 0: 'fullName', 1: 'codiceFiscale', 2: 'cigsEnd' }, columns)).toEqual({
      unmappedColumns: [],
      missingCigsEnd: false,
    });
    expect(missingRequiredFields({ 0: 'fullName', 1: 'codiceFiscale' })).toEqual([]);
    expect(missingRequiredFields({ 0: 'lastName', 1: 'codiceFiscale' })).toEqual(['firstName']);
  });

  it('gives the same layout key to the same headers however they are spelt in case and accents', () => {
    expect(layoutKey(['COGNOME', 'Nome', 'Città'])).toBe(layoutKey(['Cognome', 'NOME', 'citta']));
    expect(layoutKey(['Cognome', 'Nome'])).not.toBe(layoutKey(['Nome', 'Cognome']));
  });
});

describe('one "Nominativo" column in either order', () => {
  const list = eligibleList({ layout: 'inps', nameOrder: 'mixed' });
  const cf = (surname: string, name: string) =>
    computeCodiceFiscale({ surname, name, birthDate: '1971-05-12', sex: 'M', birthPlaceCadastralCode: 'F257' });

  it.each([
    ['DE LUCA NICOLÒ', 'De Luca', 'Nicolò'],
    ['Nicolò De Luca', 'De Luca', 'Nicolò'],
    ["D'ANGELO LAURA", "D'Angelo", 'Laura'],
    ["Laura D'Angelo", "D'Angelo", 'Laura'],
  ])('splits "%s" by the codice fiscale', (full, last, first) => {
    const [l, f] = splitFullName(full, cf(last, first));
    expect([l.toLowerCase(), f.toLowerCase()]).toEqual([last.toLowerCase(), first.toLowerCase()]);
  });

  it('validates a whole INPS list in capitals with mixed orders: only the broken rows fail', () => {
    const headers = list.headers;
    const mapping = suggestMapping(headers);
    const companies = LIST_COMPANIES.registered.map((c, i) => ({ id: `c${i}`, name: c.name, vatNumber: c.vat, taxCode: c.vat, cases: [] }));
    const validator = createRowValidator(mapping, {
      now: new Date('2026-12-01T10:00:00Z'),
      today: '2026-12-01',
      comuni: [
        ...comuni,
        { istatCode: '036040', name: 'Sassuolo', province: 'MO' },
        { istatCode: '036022', name: 'Mirandola', province: 'MO' },
        { istatCode: '036015', name: 'Formigine', province: 'MO' },
        { istatCode: '036006', name: 'Castelfranco Emilia', province: 'MO' },
        { istatCode: '040012', name: 'Forlì', province: 'FC' },
        { istatCode: '035033', name: "Reggio nell'Emilia", province: 'RE' },
        { istatCode: '036013', name: 'Fiorano Modenese', province: 'MO' },
      ],
      companies,
      createCompanies: false,
    });
    const results = list.rows.map((r) => ({ row: r, result: validator.validate(r.cells, r.rowNumber) }));
    const failed = results.filter((x) => !x.result.ok);
    const expectedFailures = list.rows.filter(
      (r) => r.broken || r.duplicateOf !== undefined || r.company === LIST_COMPANIES.unregistered.name,
    );
    expect(failed.map((x) => x.row.rowNumber)).toEqual(expectedFailures.map((r) => r.rowNumber));
    const ok = results.filter((x) => x.result.ok).map((x) => (x.result.ok ? x.result.worker : null)!);
    // Names come back in title case, surname and name in their places, whatever the order in the file.
    for (const w of ok) {
      const source = list.rows.find((r) => r.codiceFiscale === w.codiceFiscale)!;
      expect([w.lastName, w.firstName]).toEqual([source.lastName, source.firstName]);
    }
    const codes = Object.fromEntries(
      failed.map((x) => [
        x.row.broken ?? (x.row.duplicateOf ? 'duplicate' : 'company'),
        x.result.ok ? [] : x.result.errors.map((e) => e.code),
      ]),
    );
    expect(codes).toMatchObject({
      'cf-check-character': ['CF_CHECK_CHARACTER'],
      'impossible-date': ['DATE_INVALID'],
      'empty-surname': ['NAME_INCOMPLETE'],
      'end-before-start': ['CIGS_END_BEFORE_START'],
      'phone-letters': ['PHONE_INVALID'],
      duplicate: ['DUPLICATE_ROW'],
      company: ['COMPANY_UNKNOWN'],
    });
  });
});

describe('the CIGS case of each company of a list', () => {
  const cases = [
    { id: 'old', reason: 'cessazione_attivita' as const, startDate: '2024-01-01', endDate: '2024-12-31' },
    { id: 'now', reason: 'cessazione_attivita' as const, startDate: '2026-01-01', endDate: '2027-06-30' },
  ];
  it('is the case the list’s dates fall in, else none (one is then built from the list)', () => {
    expect(pickCigsCase(cases, { start: '2026-03-01', end: '2026-12-31' }, '2026-12-01')?.id).toBe('now');
    expect(pickCigsCase(cases, { start: '2024-06-01', end: '2024-10-31' }, '2026-12-01')?.id).toBe('old');
    expect(pickCigsCase(cases, { start: '2028-01-01', end: '2028-12-31' }, '2026-12-01')).toBeNull();
    expect(pickCigsCase(cases, {}, '2026-12-01')?.id).toBe('now');
  });

  it('is built from the earliest start and latest end of the rows, with the company’s last reason when the rows give none', () => {
    const w = (over: Partial<ImportedWorker>) =>
      ({
        codiceFiscale: 'x',
        firstName: 'Anna',
        lastName: 'Russo',
        birthDate: '1970-01-01',
        sex: 'F',
        birthPlaceCode: 'F257',
        companyId: 'c1',
        ...over,
      }) as ImportedWorker;
    const plans = planCigsCases(
      [
        w({ cigsStart: '2026-03-01', cigsEnd: '2027-01-31' }),
        w({ cigsStart: '2026-02-01', cigsEnd: '2027-03-31' }),
        w({ companyId: undefined, companyKey: 'name:nuova', companyName: 'Nuova', cigsEnd: '2027-01-01' }),
      ],
      [{ id: 'c1', name: 'Costa Ceramiche', vatNumber: null, taxCode: null, cases: [cases[0]!] }],
      '2026-12-01',
    );
    expect(plans.get('c1')).toMatchObject({
      existingCaseId: null,
      create: { start: '2026-02-01', end: '2027-03-31', reason: 'cessazione_attivita', workers: 2 },
    });
    expect(plans.get('name:nuova')).toMatchObject({ create: null, missing: ['cigsStart', 'cigsReason'] });
  });
});

describe('the refused rows sent back', () => {
  it('are a ";" CSV with a BOM, the file’s own columns and an error column', () => {
    const csv = refusedRowsCsv({
      headers: ['Cognome', 'Nome'],
      rows: [
        {
          rowNumber: 7,
          cells: ["Dall'Olio", 'Nicolò'],
          errors: [
            'Telefono: «333 12AB567» non è un numero valido.',
            'Data fine CIGS: «31/02/2026» non è una data valida (usare gg/mm/aaaa).',
          ],
        },
      ],
    });
    const text = csv.toString('utf8');
    expect(text.startsWith('\ufeffRiga del file;Cognome;Nome;Errori\r\n')).toBe(true);
    expect(text).toContain("7;Dall'Olio;Nicolò;Telefono: «333 12AB567» non è un numero valido. Data fine CIGS: «31/02/2026»");
  });
});
