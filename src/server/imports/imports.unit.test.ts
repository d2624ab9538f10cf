import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, detectFormat, MAX_CELL_CHARS, readRows } from './file-reader.js';
import { findHeaderRow, matchHeader, suggestMapping } from './header-mapping.js';
import { isValidVatNumber, normaliseVatNumber, parseCigsReason, parseItalianDate, parseSex, splitComune } from './values.js';
import { createRowValidator } from './row-validator.js';
import { fixtureWorker, toXlsx, vatNumber } from '../../../tests/fixtures/imports/worker-fixtures.js';

const today = new Date('2026-11-25T10:00:00Z');

describe('header mapping', () => {
  it.each([
    ['Cognome', 'lastName'],
    ['COGNOME LAVORATORE', 'lastName'],
    ['cognome dipendente', 'lastName'],
    ['Nome', 'firstName'],
    ['NOME', 'firstName'],
    ['Codice Fiscale', 'codiceFiscale'],
    ['C.F.', 'codiceFiscale'],
    ['CF', 'codiceFiscale'],
    ['Cod. Fiscale', 'codiceFiscale'],
    ['codice_fiscale', 'codiceFiscale'],
    ['Data di nascita', 'birthDate'],
    ['Data nascita', 'birthDate'],
    ['Nato il', 'birthDate'],
    ['DT. NASCITA', 'birthDate'],
    ['Sesso', 'sex'],
    ['Comune di residenza', 'residenceComune'],
    ['Residenza', 'residenceComune'],
    ['Prov.', 'residenceProvince'],
    ['Telefono', 'phone'],
    ['Cellulare', 'phone'],
    ['Tel.', 'phone'],
    ['Recapito telefonico', 'phone'],
    ['E-mail', 'email'],
    ['Email', 'email'],
    ['e_mail', 'email'],
    ['Azienda', 'companyName'],
    ['Ragione sociale', 'companyName'],
    ['Datore di lavoro', 'companyName'],
    ['P.IVA azienda', 'companyVat'],
    ['Partita IVA', 'companyVat'],
    ['Codice fiscale azienda', 'companyVat'],
    ['Data fine CIGS', 'cigsEnd'],
    ['Fine CIGS', 'cigsEnd'],
    ['Scadenza CIGS', 'cigsEnd'],
    ['Data inizio CIGS', 'cigsStart'],
    ['Causale', 'cigsReason'],
    ['Causale CIGS', 'cigsReason'],
    ['Telefno', 'phone'],
    ['Data di nascta', 'birthDate'],
    ['CAP', 'postalCode'],
    ['C.A.P.', 'postalCode'],
    ['Codice postale', 'postalCode'],
  ])('maps "%s" to %s', (header, field) => {
    expect(matchHeader(header)?.field).toBe(field);
  });

  it('leaves unknown headers unmapped and gives each field to one column only', () => {
    expect(matchHeader('Note interne')).toBeNull();
    expect(suggestMapping(['Cognome', 'Nome', 'CF', 'Codice fiscale', 'Note'])).toEqual({
      0: 'lastName',
      1: 'firstName',
      2: 'codiceFiscale',
    });
  });

  it('finds the header under the title rows of an INPS list', () => {
    expect(findHeaderRow([['Elenco lavoratori CIGS'], ['Azienda: Ceramiche Secchia'], ['Cognome', 'Nome', 'C.F.', 'Data nascita']])).toBe(
      2,
    );
  });
});

describe('Italian dates', () => {
  it.each([
    ['31/12/2026', 'cigs', '2026-12-31'],
    ['1/3/1970', 'birth', '1970-03-01'],
    ['01-03-70', 'birth', '1970-03-01'],
    ['1.3.1970', 'birth', '1970-03-01'],
    ['2026-06-30', 'cigs', '2026-06-30'],
    ['15/06/27', 'cigs', '2027-06-15'],
    ['15/06/25', 'birth', '2025-06-15'],
    ['15/06/30', 'birth', '1930-06-15'],
    ['15/06/80', 'cigs', '1980-06-15'],
    ['31/12/2026 00:00:00', 'cigs', '2026-12-31'],
    ['46022', 'cigs', '2025-12-31'],
  ] as const)('reads %s (%s) as %s', (text, kind, iso) => {
    expect(parseItalianDate(text, kind, today)).toBe(iso);
  });

  it('reads Excel serial numbers and date cells, and refuses impossible dates', () => {
    expect(parseItalianDate(25569, 'birth', today)).toBe('1970-01-01');
    expect(parseItalianDate(new Date(Date.UTC(1975, 4, 9)), 'birth', today)).toBe('1975-05-09');
    for (const bad of ['31/02/1980', '29/02/2023', '00/01/2000', '12/13/2000', 'ieri', '2026-02-30'])
      expect(parseItalianDate(bad, 'cigs', today)).toBeNull();
  });
});

describe('values', () => {
  it('reads sex, P.IVA, CIGS reasons and comuni as lists write them', () => {
    expect([parseSex('M'), parseSex('femmina'), parseSex('x')]).toEqual(['M', 'F', null]);
    expect(normaliseVatNumber('IT 0312345678 6')).toBe('03123456786');
    expect(isValidVatNumber(vatNumber('0312345678'))).toBe(true);
    expect(isValidVatNumber('03123456780')).toBe(false);
    expect(parseCigsReason('Cessazione attività')).toBe('cessazione_attivita');
    expect(parseCigsReason('CONCORDATO PREVENTIVO senza continuità')).toBe('concordato_senza_continuita');
    expect(splitComune('MODENA (MO)')).toEqual({ name: 'MODENA', province: 'MO', istat: null });
    expect(splitComune('36023')).toEqual({ name: '', province: null, istat: '036023' });
  });
});

describe('encodings and formats', () => {
  it('decodes UTF-8 with and without BOM, and Windows-1252 from Excel', () => {
    const text = 'Cognome;Città\nNicolò;Forlì\n';
    expect(decodeText(Buffer.from(`\ufeff${text}`, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(Buffer.from(text, 'latin1'))).toEqual({ text, encoding: 'windows-1252' });
    // 0x80 is the euro sign in Windows-1252 (not in Latin-1)
    expect(decodeText(Buffer.from([0x80, 0x20, 0xe8])).text).toBe('€ è');
  });

  it('detects the separator and the format from the bytes', async () => {
    expect(detectDelimiter('a;b;c\n1;2,5;3\n')).toBe(';');
    expect(detectDelimiter('a,b,c\n"x; y",2,3\n')).toBe(',');
    expect(detectFormat(Buffer.from('a;b'))).toBe('csv');
    const xlsx = await toXlsx([
      ['Cognome', 'Nata il'],
      ['Rossi', new Date(Date.UTC(1980, 0, 2))],
    ]);
    expect(detectFormat(xlsx)).toBe('xlsx');
    const { rows } = await readRows(xlsx);
    expect(rows).toEqual([
      ['Cognome', 'Nata il'],
      ['Rossi', new Date(Date.UTC(1980, 0, 2))],
    ]);
    const latin = await readRows(Buffer.from('Cognome;Comune\nNicolò;Forlì\n', 'latin1'));
    expect(latin.rows[1]).toEqual(['Nicolò', 'Forlì']);
  });

  it('reads an XLSX whose worksheet comes before xl/workbook.xml in the zip, as some programs write it', async () => {
    const written = await toXlsx([
      ['Cognome', 'Nome', 'Comune'],
      ["D'Angelo", 'Maria Grazia', 'Forlì'],
      ['De Luca', 'Giovanna', 'Sassuolo'],
    ]);
    // The same entries, the workbook's relations, the shared strings and the worksheet moved first:
    // the streaming reader then meets the worksheet before it knows the workbook.
    const source = await JSZip.loadAsync(written);
    const first = ['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'];
    const order = [...first, ...Object.keys(source.files).filter((n) => !first.includes(n))];
    const reordered = new JSZip();
    for (const name of order) {
      const entry = source.files[name]!;
      if (!entry.dir) reordered.file(name, await entry.async('uint8array'));
    }
    const bytes = await reordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(
      (await JSZip.loadAsync(bytes))
        .file(/./)
        .map((f) => f.name)
        .slice(0, 3),
    ).toEqual(first);

    const { rows, source: read } = await readRows(bytes);
    expect(rows).toEqual([
      ['Cognome', 'Nome', 'Comune'],
      ["D'Angelo", 'Maria Grazia', 'Forlì'],
      ['De Luca', 'Giovanna', 'Sassuolo'],
    ]);
    expect(read).toMatchObject({ format: 'xlsx', sheet: 'Lavoratori' });
  });
});

describe('cells too long to be a value of a list', () => {
  /** Resolves with whether a timer set before the read fired before the read ended: the read let the event loop run. */
  async function readLettingTimersRun(bytes: Buffer) {
    let timerFired = false;
    const timer = setTimeout(() => (timerFired = true), 0);
    const result = await readRows(bytes);
    const firedBeforeEnd = timerFired;
    clearTimeout(timer);
    return { ...result, firedBeforeEnd };
  }

  it('a CSV cell of 2 MB is left out and reported by row and column, and reading it lets other work run', async () => {
    const note = 'Barbieri Emanuele, nota. '.repeat(84_000) + 'fine';
    const csv = Buffer.from(
      `Cognome;Nome;Note\r\nDe Luca;Giovanna;\r\nBarbieri;Emanuele;"${note}"\r\nD'Angelo;Nicolò;richiamare\r\n`,
      'utf8',
    );
    const { rows, oversized, firedBeforeEnd } = await readLettingTimersRun(csv);
    expect(rows).toEqual([
      ['Cognome', 'Nome', 'Note'],
      ['De Luca', 'Giovanna', null],
      ['Barbieri', 'Emanuele', null],
      ["D'Angelo", 'Nicolò', 'richiamare'],
    ]);
    expect(oversized).toEqual([{ row: 2, column: 2, length: note.length }]);
    expect(firedBeforeEnd).toBe(true);
  });

  it('a cell of exactly the limit is kept', async () => {
    const cell = 'x'.repeat(MAX_CELL_CHARS);
    const { rows, oversized } = await readRows(Buffer.from(`Cognome;Note\nRossi;${cell}\n`));
    expect(rows[1]).toEqual(['Rossi', cell]);
    expect(oversized).toEqual([]);
  });

  it('an XLSX shared string of 2 MB is left out and reported, and a long sheet is read in turns', async () => {
    const table: Array<Array<string | number | Date>> = [['Cognome', 'Nome', 'Note']];
    table.push(['Barbieri', 'Emanuele', 'a'.repeat(2_000_000)]);
    for (let i = 0; i < 1200; i++) table.push([`De Luca ${i}`, 'Giovanna', '']);
    const xlsx = await toXlsx(table);
    const { rows, oversized, firedBeforeEnd } = await readLettingTimersRun(xlsx);
    expect(rows).toHaveLength(1202);
    expect(rows[1]).toEqual(['Barbieri', 'Emanuele', null]);
    expect(oversized).toEqual([{ row: 1, column: 2, length: 2_000_000 }]);
    expect(firedBeforeEnd).toBe(true);
  });
});

describe('row validation', () => {
  const comuni = [
    { istatCode: '036023', name: 'Modena', province: 'MO' },
    { istatCode: '012063', name: 'Castelletto', province: 'BS' },
    { istatCode: '017046', name: 'Castelletto', province: 'NO' },
  ];
  const mapping = {
    0: 'lastName',
    1: 'firstName',
    2: 'codiceFiscale',
    3: 'birthDate',
    4: 'residenceComune',
    5: 'phone',
    6: 'cigsStart',
    7: 'cigsEnd',
  } as const;
  const w = fixtureWorker(0);
  const validator = () => createRowValidator(mapping, { now: today, today: '2026-11-25', comuni, companies: [], createCompanies: false });

  it('accepts a consistent row and normalises it', () => {
    const r = validator().validate(
      ['ROSSI', 'MARCO', w.codiceFiscale.toLowerCase(), w.birthDate, 'modena', '333 100 0000', '01/03/2026', '31/12/2026'],
      2,
    );
    expect(r).toMatchObject({
      ok: true,
      worker: {
        lastName: 'Rossi',
        firstName: 'Marco',
        codiceFiscale: w.codiceFiscale,
        birthDate: '1960-01-01',
        sex: 'M',
        residenceComuneCode: '036023',
        phone: '+393331000000',
        cigsEnd: '2026-12-31',
      },
    });
  });

  it('keeps a CAP, restores the leading zero a spreadsheet drops, and refuses one that is not five digits', () => {
    const withCap = createRowValidator({ 0: 'lastName', 1: 'firstName', 2: 'codiceFiscale', 3: 'postalCode' } as const, {
      now: today,
      today: '2026-11-25',
      comuni,
      companies: [],
      createCompanies: false,
    });
    expect(withCap.validate(['Rossi', 'Marco', w.codiceFiscale, '41012'], 2)).toMatchObject({ ok: true, worker: { postalCode: '41012' } });
    const other = fixtureWorker(1);
    expect(withCap.validate([other.lastName, other.firstName, other.codiceFiscale, '184'], 3)).toMatchObject({
      ok: true,
      worker: { postalCode: '00184' },
    });
    const third = fixtureWorker(2);
    const bad = withCap.validate([third.lastName, third.firstName, third.codiceFiscale, '4101A'], 4);
    expect(bad.ok ? [] : bad.errors.map((e) => [e.field, e.code])).toEqual([['postalCode', 'POSTAL_CODE_INVALID']]);
  });

  it('explains every problem of a row in Italian, by field', () => {
    const v = validator();
    const r = v.validate(['Bianchi', 'Marco', w.codiceFiscale, '02/01/1960', 'Castelletto', '12', '01/03/2026', '01/01/2026'], 5);
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors.map((e) => e.field)).toEqual(['codiceFiscale', 'residenceComune', 'phone', 'cigsEnd']);
    expect(errors[0]!.message).toMatch(/non corrisponde a cognome, data di nascita/);
    expect(errors[1]!.message).toMatch(/più comuni: aggiungere la provincia/);
    // Dates in messages as Italians write them (dd/mm/yyyy), never ISO.
    expect(errors[3]!.message).toBe('Data fine CIGS: 01/01/2026 è precedente alla data di inizio CIGS (01/03/2026).');
    expect(errors.map((e) => e.code)).toEqual(['CF_MISMATCH', 'COMUNE_AMBIGUOUS', 'PHONE_INVALID', 'CIGS_END_BEFORE_START']);
    const fresh = validator();
    const again = fresh.validate(['Rossi', 'Marco', w.codiceFiscale, '', '', '', '', ''], 6);
    const second = fresh.validate(['Rossi', 'Marco', w.codiceFiscale, '', '', '', '', ''], 7);
    expect(again.ok).toBe(true);
    expect(second.ok ? '' : second.errors[0]!.message).toMatch(/ripetuto: compare già alla riga 6/);
  });
});

describe('CLI progress', () => {
  it('draws a bar on a terminal and plain 10 % lines otherwise', async () => {
    const { createProgressPrinter, renderBar } = await import('./progress-bar.js');
    expect(renderBar({ phase: 'applying', processed: 50_000, total: 100_000 }, 10)).toBe(
      '[#####.....]  50% scrittura 50.000/100.000 righe',
    );
    const lines: string[] = [];
    const plain = createProgressPrinter({ isTTY: false, write: (s: string) => lines.push(s) });
    for (let i = 0; i <= 100; i += 5) plain.update({ phase: 'validating', processed: i, total: 100 });
    expect(lines).toHaveLength(11);
    expect(lines.at(-1)).toBe('verifica delle righe: 100%\n');
  });
});
