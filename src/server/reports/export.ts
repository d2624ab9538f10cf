import ExcelJS from 'exceljs';
import { formatItalianDate } from '../../shared/time/rome-date.js';
import { romeLocal } from '../../shared/time/rome-time.js';

/**
 * What a column holds: a date is an ISO 'YYYY-MM-DD' cell, a datetime an ISO instant. The
 * formats turn them into what the screen shows (CSV, dd/mm/yyyy) or real date cells (XLSX).
 */
export type ExportColumnType = 'text' | 'number' | 'date' | 'datetime';

export interface ExportTable {
  /** Sheet and file name. */
  name: string;
  columns: Array<{ header: string; width?: number; type?: ExportColumnType }>;
  rows: Array<Array<string | number | null>>;
}

const BOM = '\uFEFF';

/** An instant's wall-clock time in Rome, as numbers (one definition: shared/time/rome-time.ts). */
function romeWallClock(iso: string) {
  const { date, time } = romeLocal(new Date(iso));
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return { y, m, d, hh, mm };
}

/** 'dd/mm/yyyy hh:mm' in Rome, as the web shows a timestamp. */
function formatItalianDateTime(iso: string): string {
  const { y, m, d, hh, mm } = romeWallClock(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d)}/${two(m)}/${y} ${two(hh)}:${two(mm)}`;
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Cells that a spreadsheet would run as a formula are prefixed (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value !== 'number' ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvValue(value: string | number | null, type: ExportColumnType | undefined): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (type === 'date') return formatItalianDate(value);
  if (type === 'datetime') return formatItalianDateTime(value);
  return csvCell(value);
}

/**
 * CSV as Excel in Italy opens it: UTF-8 with a BOM (or accents break), ';' as separator (',' is the
 * decimal mark in the Italian locale), CRLF line ends, numbers with a decimal comma, dates as on
 * screen (dd/mm/yyyy), which Excel in Italy also reads as dates.
 */
export function toCsv(table: ExportTable): Buffer {
  const types = table.columns.map((c) => c.type);
  const header = table.columns.map((c) => csvCell(c.header)).join(';');
  const lines = table.rows.map((cells) => cells.map((c, i) => csvValue(c, types[i])).join(';'));
  return Buffer.from(BOM + [header, ...lines].join('\r\n') + '\r\n', 'utf8');
}

/**
 * A spreadsheet cell for a value. Dates become real date cells (sortable, filterable) shown as
 * dd/mm/yyyy. Excel has no time zones: a timestamp is written as its wall-clock time in Rome.
 */
function xlsxValue(value: string | number | null, type: ExportColumnType | undefined): ExcelJS.CellValue {
  if (value === null || typeof value === 'number') return value;
  if (type === 'date') {
    const [y, m, d] = value.slice(0, 10).split('-').map(Number);
    return new Date(Date.UTC(y!, m! - 1, d!));
  }
  if (type === 'datetime') {
    const { y, m, d, hh, mm } = romeWallClock(value);
    return new Date(Date.UTC(y, m - 1, d, hh, mm));
  }
  return value;
}

const NUMBER_FORMATS: Partial<Record<ExportColumnType, string>> = { date: 'dd/mm/yyyy', datetime: 'dd/mm/yyyy hh:mm' };

export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ricolloca';
  const sheet = workbook.addWorksheet(table.name.slice(0, 31));
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    width: c.width ?? 18,
    ...(c.type && NUMBER_FORMATS[c.type] ? { style: { numFmt: NUMBER_FORMATS[c.type] } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const types = table.columns.map((c) => c.type);
  for (const row of table.rows) sheet.addRow(row.map((v, i) => xlsxValue(v, types[i])));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
