import { inflateSync } from 'node:zlib';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { cvImportErrors, MAX_CV_BYTES } from './cv-import.errors.js';

/**
 * The Europass XML a "PDF+XML" CV carries: the Europass editor saved the CV as a PDF for reading
 * with the XML embedded as a file, so that the editor could open it again. PDF 32000-1 gives two
 * places for such a file: the document's EmbeddedFiles name tree (§7.7.4, §7.11.4) and a page's
 * FileAttachment annotation (§12.5.6.15); both are searched. Only the attached file's stream is
 * decompressed, never beyond the upload limit (a small deflated stream can hide gigabytes).
 */

const EUROPASS_ROOT = /<(?:[A-Za-z_][\w.-]*:)?(SkillsPassport|learnerinfo)[\s>/]/;
const MAX_NAME_TREE_NODES = 2000;

interface Attachment {
  name: string;
  stream: PDFRawStream;
}

export async function europassXmlOfPdf(bytes: Uint8Array): Promise<Uint8Array> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    throw cvImportErrors.pdfUnreadable();
  }
  if (pdf.isEncrypted) throw cvImportErrors.pdfUnreadable();

  let attachments: Attachment[];
  try {
    attachments = [...embeddedFiles(pdf), ...annotationFiles(pdf)];
  } catch {
    // A catalog or page tree that does not hold together (pdf-lib throws on a missing object).
    throw cvImportErrors.pdfUnreadable();
  }
  // Files named *.xml first: a CV PDF may carry scanned diplomas beside the XML.
  attachments.sort((a, b) => Number(!/\.xml$/i.test(a.name)) - Number(!/\.xml$/i.test(b.name)));
  for (const attachment of attachments) {
    const content = decode(attachment.stream);
    if (!content) continue;
    const head = Buffer.from(content.subarray(0, 4096)).toString('utf8');
    if (EUROPASS_ROOT.test(head)) return content;
  }
  throw cvImportErrors.pdfWithoutEuropass();
}

function lookup(pdf: PDFDocument, value: PDFObject | undefined): PDFObject | undefined {
  return value instanceof PDFRef ? pdf.context.lookup(value) : value;
}

function fileNameOf(spec: PDFDict): string {
  for (const key of ['UF', 'F']) {
    const value = spec.get(PDFName.of(key));
    if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  }
  return '';
}

function attachmentOf(pdf: PDFDocument, specValue: PDFObject | undefined): Attachment | undefined {
  const spec = lookup(pdf, specValue);
  if (!(spec instanceof PDFDict)) return undefined;
  const ef = lookup(pdf, spec.get(PDFName.of('EF')));
  if (!(ef instanceof PDFDict)) return undefined;
  const stream = lookup(pdf, ef.get(PDFName.of('UF')) ?? ef.get(PDFName.of('F')));
  return stream instanceof PDFRawStream ? { name: fileNameOf(spec), stream } : undefined;
}

function embeddedFiles(pdf: PDFDocument): Attachment[] {
  const names = lookup(pdf, pdf.catalog.get(PDFName.of('Names')));
  if (!(names instanceof PDFDict)) return [];
  const root = lookup(pdf, names.get(PDFName.of('EmbeddedFiles')));
  const found: Attachment[] = [];
  const seen = new Set<PDFObject>();
  const queue: PDFObject[] = root ? [root] : [];
  while (queue.length > 0 && seen.size < MAX_NAME_TREE_NODES) {
    const node = queue.shift()!;
    if (!(node instanceof PDFDict) || seen.has(node)) continue;
    seen.add(node);
    const leaf = lookup(pdf, node.get(PDFName.of('Names')));
    if (leaf instanceof PDFArray) {
      for (let i = 1; i < leaf.size(); i += 2) {
        const attachment = attachmentOf(pdf, leaf.get(i));
        if (attachment) found.push(attachment);
      }
    }
    const kids = lookup(pdf, node.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) queue.push(lookup(pdf, kids.get(i))!);
  }
  return found;
}

function annotationFiles(pdf: PDFDocument): Attachment[] {
  const found: Attachment[] = [];
  for (const page of pdf.getPages()) {
    const annots = lookup(pdf, page.node.get(PDFName.of('Annots')));
    if (!(annots instanceof PDFArray)) continue;
    for (let i = 0; i < annots.size(); i++) {
      const annot = lookup(pdf, annots.get(i));
      if (!(annot instanceof PDFDict) || annot.get(PDFName.of('Subtype')) !== PDFName.of('FileAttachment')) continue;
      const attachment = attachmentOf(pdf, annot.get(PDFName.of('FS')));
      if (attachment) found.push(attachment);
    }
  }
  return found;
}

/** The attached file's bytes: deflate is undone with a cap on the output; other filters by pdf-lib. */
function decode(stream: PDFRawStream): Uint8Array | undefined {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
  try {
    if (filters.length === 0) return stream.contents;
    if (filters.length === 1 && filters[0] === PDFName.of('FlateDecode'))
      return new Uint8Array(inflateSync(stream.contents, { maxOutputLength: MAX_CV_BYTES }));
    const decoded = decodePDFRawStream(stream).decode();
    return decoded.length > MAX_CV_BYTES ? undefined : decoded;
  } catch (error) {
    if (error instanceof RangeError) throw cvImportErrors.tooLarge();
    return undefined;
  }
}
