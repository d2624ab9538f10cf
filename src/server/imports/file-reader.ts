import { Readable } from 'node:stream';
import { parse as parseCsvText } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { importErrors } from './imports.errors.js';

/** One cell as the files give it: CSV gives text; XLSX also numbers (serial dates too) and dates. */
export type Cell = string | number | Date | null;

export type FileFormat = 'csv' | 'xlsx';

export interface SourceInfo {
  format: FileFormat;
  encoding?: 'utf-8' | 'windows-1252' | 'utf-16le';
  delimiter?: string;
  sheet?: string;
}

export interface ReadOptions {
  /** Stop after this many rows (the upload only needs the header and a few samples). */
  maxRows?: number;
  /** Called with the share of the file read so far, 0..1. */
  onProgress?: (fraction: number) => void;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** The format is judged by the bytes, not by the name or the declared type (browsers guess those). */
export function detectFormat(bytes: Buffer): FileFormat {
  if (bytes.length === 0) throw importErrors.emptyFile();
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
  // Excel 97-2003 (.xls) is an OLE compound file: we ask for .xlsx or CSV instead of guessing.
  if (startsWith(bytes, OLE_MAGIC)) throw importErrors.legacyXls();
  const head = bytes.subarray(0, 4096);
  const utf16 = head[0] === 0xff && head[1] === 0xfe;
  if (!utf16 && head.includes(0)) throw importErrors.unsupportedFormat();
  return 'csv';
}

/**
 * Text encoding of a CSV: a BOM decides; otherwise UTF-8 if the bytes are valid UTF-8, else
 * Windows-1252 — what Excel on Italian Windows writes for "CSV (separato da punto e virgola)".
 * Valid UTF-8 that is really 1252 would need two-byte sequences like "Ã¨", which Italian text
 * does not contain, so the order of the checks is safe.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: NonNullable<SourceInfo['encoding']> } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

// 0x80–0x9F of Windows-1252 (€, curly quotes, dashes…); Node's TextDecoder treats the label as
// Latin-1 and would turn them into control characters. The rest of the byte range is Latin-1.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Buffer): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  }
  return out;
}

/** The separator that splits the first lines most consistently: Italian Excel writes ";", others ",". */
export function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 10);
  let best = ',';
  let bestScore = 0;
  for (const candidate of [';', ',', '\t', '|']) {
    const counts = lines.map((line) => countOutsideQuotes(line, candidate));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    // Lines agreeing with the header's count score; a separator inside free text rarely agrees.
    const score = counts.filter((c) => c === first).length * 1000 + first;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, ch: string): number {
  let inQuotes = false;
  let n = 0;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ch && !inQuotes) n++;
  }
  return n;
}

export interface ReadResult {
  source: SourceInfo;
  rows: Cell[][];
}

export async function readRows(bytes: Buffer, options: ReadOptions = {}): Promise<ReadResult> {
  const format = detectFormat(bytes);
  return format === 'csv' ? readCsv(bytes, options) : readXlsx(bytes, options);
}

function readCsv(bytes: Buffer, options: ReadOptions): ReadResult {
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parseCsvText(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      ...(options.maxRows ? { to: options.maxRows } : {}),
    }) as string[][];
  } catch (err) {
    throw importErrors.corruptFile(err instanceof Error ? err.message : String(err));
  }
  options.onProgress?.(1);
  const rows = records.map((r) => r.map((v): Cell => (v === '' ? null : v)));
  return { source: { format: 'csv', encoding, delimiter }, rows };
}

/** Streams the first worksheet: 100,000 rows never sit in memory as a workbook model. */
async function readXlsx(bytes: Buffer, options: ReadOptions): Promise<ReadResult> {
  let consumed = 0;
  const CHUNK = 256 * 1024;
  const input = new Readable({
    read() {
      if (consumed >= bytes.length) {
        this.push(null);
        return;
      }
      const end = Math.min(consumed + CHUNK, bytes.length);
      this.push(bytes.subarray(consumed, end));
      consumed = end;
    },
  });
  const rows: Cell[][] = [];
  let sheet: string | undefined;
  let lastReport = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    outer: for await (const worksheet of reader) {
      sheet = (worksheet as unknown as { name?: string }).name;
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
        while (cells.length && cells[cells.length - 1] === null) cells.pop();
        if (cells.length > 0) rows.push(cells);
        if (options.maxRows && rows.length >= options.maxRows) break outer;
        if (options.onProgress && rows.length - lastReport >= 2000) {
          lastReport = rows.length;
          options.onProgress(consumed / bytes.length);
        }
      }
      break; // the first worksheet is the list; others (notes, pivot tables) are ignored
    }
  } catch (err) {
    throw importErrors.corruptFile(err instanceof Error ? err.message : String(err));
  } finally {
    input.destroy();
  }
  options.onProgress?.(1);
  return { source: { format: 'xlsx', ...(sheet ? { sheet } : {}) }, rows };
}

function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'VERO' : 'FALSO';
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return cellValue(o.richText.map((t) => t.text).join(''));
    if ('result' in o) return cellValue(o.result);
    if (typeof o.text === 'string') return cellValue(o.text);
    if (o.error !== undefined) return null;
  }
  return String(v);
}

/** Text of a cell for display and for header matching. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}
