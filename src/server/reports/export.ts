import ExcelJS from 'exceljs';

export interface ExportTable {
  /** Sheet and file name. */
  name: string;
  columns: Array<{ header: string; width?: number }>;
  rows: Array<Array<string | number | null>>;
}

const BOM = '\uFEFF';

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Cells that a spreadsheet would run as a formula are prefixed (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value !== 'number' ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * CSV as Excel in Italy opens it: UTF-8 with a BOM (or accents break), ';' as separator (',' is the
 * decimal mark in the Italian locale), CRLF line ends, numbers with a decimal comma.
 */
export function toCsv(table: ExportTable): Buffer {
  const line = (cells: Array<string | number | null>) =>
    cells.map((c) => (typeof c === 'number' ? String(c).replace('.', ',') : csvCell(c))).join(';');
  const text = [line(table.columns.map((c) => c.header)), ...table.rows.map(line)].join('\r\n');
  return Buffer.from(BOM + text + '\r\n', 'utf8');
}

export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ricolloca';
  const sheet = workbook.addWorksheet(table.name.slice(0, 31));
  sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of table.rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
