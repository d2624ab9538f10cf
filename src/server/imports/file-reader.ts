import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse as csvParser } from 'csv-parse';
import ExcelJS from 'exceljs';
import { storableText } from '../http/input-guards.js';
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

/**
 * The longest cell a list may hold. A name, an address or a date is a few dozen characters; a
 * cell of megabytes is a broken or hostile file, and matching or validating it would cost the
 * server seconds for every user. Such a cell is left out of the rows (read as empty) and
 * reported in `oversized`, so the dry run refuses its row and names the column.
 */
export const MAX_CELL_CHARS = 10_000;

/** A cell over MAX_CELL_CHARS: `row` indexes `ReadResult.rows`, `column` from 0. */
export interface OversizedCell {
  row: number;
  column: number;
  length: number;
}

/** Characters of CSV text parsed between two turns of the event loop (a few milliseconds of work). */
const CSV_CHUNK_CHARS = 64 * 1024;
/** XLSX rows read between two turns of the event loop. */
const XLSX_ROWS_PER_TURN = 500;

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
  /** Cells left out because they exceed MAX_CELL_CHARS. */
  oversized: OversizedCell[];
}

export async function readRows(bytes: Buffer, options: ReadOptions = {}): Promise<ReadResult> {
  const format = detectFormat(bytes);
  return format === 'csv' ? readCsv(bytes, options) : readXlsx(bytes, options);
}

/**
 * Parses in chunks of CSV_CHUNK_CHARS with a turn of the event loop between two chunks, so a file
 * of 40 MB (or one enormous cell) never holds the server: other requests are served in between.
 */
async function readCsv(bytes: Buffer, options: ReadOptions): Promise<ReadResult> {
  const { text, encoding } = decodeText(bytes);
  // The separator is judged on the first lines: the head of the text is enough.
  const delimiter = detectDelimiter(text.slice(0, CSV_CHUNK_CHARS));
  const parser = csvParser({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
  });
  const rows: Cell[][] = [];
  const oversized: OversizedCell[] = [];
  parser.on('data', (record: string[]) => {
    const row = rows.length;
    rows.push(
      record.map((v, column): Cell => {
        if (v.length > MAX_CELL_CHARS) {
          oversized.push({ row, column, length: v.length });
          return null;
        }
        return v === '' ? null : storableText(v);
      }),
    );
  });
  const ended = finished(parser);
  ended.catch(() => undefined); // awaited below; a failure while a chunk waits must not go unhandled
  try {
    for (let at = 0; at < text.length; at += CSV_CHUNK_CHARS) {
      if (parser.errored) break;
      parser.write(text.slice(at, at + CSV_CHUNK_CHARS));
      options.onProgress?.(Math.min(1, (at + CSV_CHUNK_CHARS) / text.length));
      await nextTurn();
      if (options.maxRows && rows.length >= options.maxRows) break;
    }
    if (options.maxRows && rows.length >= options.maxRows) parser.destroy();
    else parser.end();
    await ended;
  } catch (err) {
    if (!(options.maxRows && rows.length >= options.maxRows && parser.destroyed && !parser.errored)) {
      throw importErrors.corruptFile(err instanceof Error ? err.message : String(err));
    }
  }
  options.onProgress?.(1);
  const kept = options.maxRows ? rows.slice(0, options.maxRows) : rows;
  return { source: { format: 'csv', encoding, delimiter }, rows: kept, oversized: oversized.filter((o) => o.row < kept.length) };
}

/** Streams the first worksheet: 100,000 rows never sit in memory as a workbook model. */
async function readXlsx(bytes: Buffer, options: ReadOptions): Promise<ReadResult> {
  try {
    return await streamXlsx(bytes, options);
  } catch (err) {
    // The streaming reader needs xl/workbook.xml before the worksheets in the zip. Excel writes it
    // first, but other programs (and exceljs's own writer, now and then) put a worksheet before
    // it, and the reader then fails on a valid file ("reading 'sheets'"). Such a file is read
    // whole instead; a file that is really damaged fails there too, with its own reason.
    if (!(err instanceof TypeError)) throw importErrors.corruptFile(err instanceof Error ? err.message : String(err));
    try {
      return await loadXlsx(bytes, options);
    } catch (loadErr) {
      throw importErrors.corruptFile(loadErr instanceof Error ? loadErr.message : String(loadErr));
    }
  }
}

/** The rows of a worksheet, one at a time: cells too long are left out and reported. */
function xlsxRowCollector() {
  const rows: Cell[][] = [];
  const oversized: OversizedCell[] = [];
  return {
    rows,
    oversized,
    add(values: unknown[]) {
      const cells: Cell[] = [];
      const long: OversizedCell[] = [];
      for (let i = 1; i < values.length; i++) {
        const cell = cellValue(values[i]);
        if (typeof cell === 'string' && cell.length > MAX_CELL_CHARS) {
          long.push({ row: rows.length, column: i - 1, length: cell.length });
          cells.push(null);
        } else cells.push(cell);
      }
      while (cells.length && cells[cells.length - 1] === null && !long.some((o) => o.column === cells.length - 1)) cells.pop();
      if (cells.length > 0) {
        rows.push(cells);
        oversized.push(...long);
      }
    },
  };
}

async function streamXlsx(bytes: Buffer, options: ReadOptions): Promise<ReadResult> {
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
  const collected = xlsxRowCollector();
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
        collected.add(row.values as unknown[]);
        const count = collected.rows.length;
        if (options.maxRows && count >= options.maxRows) break outer;
        // exceljs parses a whole inflated chunk at once: give other requests a turn now and then.
        if (count % XLSX_ROWS_PER_TURN === 0) await nextTurn();
        if (options.onProgress && count - lastReport >= 2000) {
          lastReport = count;
          options.onProgress(consumed / bytes.length);
        }
      }
      break; // the first worksheet is the list; others (notes, pivot tables) are ignored
    }
  } finally {
    input.destroy();
  }
  options.onProgress?.(1);
  return { source: { format: 'xlsx', ...(sheet ? { sheet } : {}) }, rows: collected.rows, oversized: collected.oversized };
}

/** The whole workbook at once, for the files the streaming reader cannot follow. */
async function loadXlsx(bytes: Buffer, options: ReadOptions): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const worksheet = workbook.worksheets[0];
  const collected = xlsxRowCollector();
  if (worksheet) {
    let count = 0;
    for (let r = 1; r <= worksheet.rowCount; r++) {
      const row = worksheet.getRow(r);
      if (row.cellCount === 0) continue;
      collected.add(row.values as unknown[]);
      if (options.maxRows && collected.rows.length >= options.maxRows) break;
      if (++count % XLSX_ROWS_PER_TURN === 0) await nextTurn();
    }
  }
  options.onProgress?.(1);
  return {
    source: { format: 'xlsx', ...(worksheet ? { sheet: worksheet.name } : {}) },
    rows: collected.rows,
    oversized: collected.oversized,
  };
}

function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : storableText(v.trim());
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
