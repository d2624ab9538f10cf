import ExcelJS from 'exceljs';

/**
 * The refused rows of a dry run as the file gave them, with one more column saying what is wrong:
 * the coordinator sends it back to the company or INPS to be corrected. CSV as Italian Excel
 * opens it (";" separator, UTF-8 with BOM, CRLF) or XLSX.
 */
export interface RefusedRowsTable {
  headers: string[];
  rows: Array<{ rowNumber: number; cells: string[]; errors: string[] }>;
}

export const ERROR_COLUMN = 'Errori';
export const ROW_COLUMN = 'Riga del file';

function lines(table: RefusedRowsTable): string[][] {
  return [
    [ROW_COLUMN, ...table.headers, ERROR_COLUMN],
    ...table.rows.map((r) => [String(r.rowNumber), ...table.headers.map((_, i) => r.cells[i] ?? ''), r.errors.join(' ')]),
  ];
}

export function refusedRowsCsv(table: RefusedRowsTable): Buffer {
  const quote = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const text =
    lines(table)
      .map((r) => r.map(quote).join(';'))
      .join('\r\n') + '\r\n';
  return Buffer.from(`\ufeff${text}`, 'utf8');
}

export async function refusedRowsXlsx(table: RefusedRowsTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Righe rifiutate');
  for (const line of lines(table)) sheet.addRow(line);
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(table.headers.length + 2).width = 80;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
