import { inflateSync } from 'node:zlib';

/**
 * Just enough of a PDF reader for tests of pdfkit output: splits the file into page content
 * streams (in order), inflates them, and joins the text shown by Tj/TJ operators. pdfkit writes
 * standard-font text as hex strings in WinAnsi encoding (Latin-1 for the letters we use).
 */
export function extractPdfPages(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const objects = new Map<number, string>();
  for (const m of text.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(Number(m[1]), m[2]!);
  const pageObjects = [...objects.entries()].filter(([, body]) => /\/Type \/Page\b/.test(body));
  const kids = /\/Kids \[([^\]]*)\]/.exec([...objects.values()].find((b) => /\/Type \/Pages\b/.test(b)) ?? '')?.[1] ?? '';
  const order = [...kids.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  const byId = new Map(pageObjects);
  return order.map((pageId) => {
    const contentsRef = /\/Contents (\d+) 0 R/.exec(byId.get(pageId) ?? '')?.[1];
    const body = objects.get(Number(contentsRef)) ?? '';
    const start = body.indexOf('stream') + 'stream'.length;
    const raw = Buffer.from(body.slice(start, body.lastIndexOf('endstream')).replace(/^\r?\n/, ''), 'latin1');
    const content = /FlateDecode/.test(body) ? inflateSync(raw).toString('latin1') : raw.toString('latin1');
    const lines: string[] = [];
    for (const m of content.matchAll(/\[((?:[^\]])*)\] TJ|<([0-9a-fA-F]*)> Tj/g)) {
      const parts = m[1] !== undefined ? [...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]!) : [m[2]!];
      lines.push(parts.map((h) => winAnsi(Buffer.from(h, 'hex'))).join(''));
    }
    // Wrapped lines lose the space they broke at: join them with one.
    return lines.join(' ').replace(/\s+/g, ' ');
  });
}

/** WinAnsi differs from Latin-1 in 0x80–0x9F: the typographic quotes, dashes and the euro. */
const WIN_ANSI: Record<number, string> = { 0x80: '€', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—', 0x85: '…' };
function winAnsi(bytes: Buffer): string {
  return [...bytes].map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join('');
}
