import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse, type Options } from 'csv-parse';
import { taxonomyErrors } from '../taxonomy.errors.js';

export interface CsvRecord<C extends string> {
  /** Line of the file where the record ends (records may span lines inside quotes). */
  line: number;
  values: Record<C, string>;
}

export interface CsvOptions<C extends string> {
  /** Columns that must be in the header; a file without them is refused before any row is read. */
  columns: readonly C[];
  delimiter?: string;
  /** Checked between slices: a server shutting down does not wait for a 20 MB file. */
  signal?: AbortSignal;
}

// Parsing 20 MB in one go would hold the event loop for a second or more while the server is
// answering requests (the first-start ESCO import runs beside them), so the text is fed in slices.
const SLICE_CHARS = 512 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes strictly: a Windows-1252 file given as UTF-8 is refused, never read as mojibake. */
export function decodeUtf8(file: string, bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw taxonomyErrors.notUtf8(file);
  }
}

/** Parses an RFC 4180 CSV file (UTF-8, optional BOM) into records holding the named columns. */
export async function parseCsv<C extends string>(file: string, bytes: Uint8Array, options: CsvOptions<C>): Promise<CsvRecord<C>[]> {
  const text = decodeUtf8(file, bytes);
  type Row = { line: number; fields: string[] };
  const rows: Row[] = [];
  const parserOptions: Options<Row, string[]> = {
    delimiter: options.delimiter ?? ',',
    bom: true,
    skip_empty_lines: true,
    relax_quotes: false,
    on_record: (fields, context) => ({ line: context.lines, fields }),
  };
  // The typings only know string[] records; on_record above turns each into a Row.
  const parser = parse(parserOptions as unknown as Options);
  parser.on('readable', () => {
    let row: Row | null;
    while ((row = parser.read()) !== null) rows.push(row);
  });
  const done = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('error', reject);
  });
  // An error is reported through `done`; until then keep feeding slices.
  let failed = false;
  done.catch(() => (failed = true));
  for (let at = 0; at < text.length && !failed; at += SLICE_CHARS) {
    if (options.signal?.aborted) {
      parser.destroy();
      options.signal.throwIfAborted();
    }
    parser.write(text.slice(at, at + SLICE_CHARS));
    await nextTurn();
  }
  parser.end();
  try {
    await done;
  } catch (err) {
    throw taxonomyErrors.malformedCsv(file, err instanceof Error ? err.message : String(err));
  }

  const header = rows.shift()?.fields.map((name) => name.trim()) ?? [];
  const index = new Map(header.map((name, i) => [name, i]));
  const missing = options.columns.filter((column) => !index.has(column));
  if (missing.length > 0) throw taxonomyErrors.wrongHeaders(file, missing);
  const positions = options.columns.map((column) => [column, index.get(column)!] as const);
  return rows.map(({ line, fields }) => {
    const values = {} as Record<C, string>;
    for (const [column, i] of positions) values[column] = fields[i] ?? '';
    return { line, values };
  });
}
