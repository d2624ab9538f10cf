import { cvImportErrors, MAX_CV_BYTES } from './cv-import.errors.js';
import type { CvDraft, IdSource } from './cv-draft.js';
import { europassV2ToDraft } from './europass-v2.js';
import { europassV3ToDraft } from './europass-v3.js';
import { jsonResumeToDraft } from './json-resume.js';
import { europassXmlOfPdf } from './pdf-attachment.js';
import { decodeXml, parseXml } from './safe-xml.js';
import { obj } from './tree.js';

/**
 * A CV file to a draft profile, whatever it is: the format is told by the content (the first
 * bytes and the root element or keys), never by the file name or the declared type, which
 * workers' mail clients and phones get wrong.
 */
export type DetectedFormat = 'pdf' | 'xml' | 'json' | 'office' | 'unknown';

export function detectFormat(bytes: Uint8Array): DetectedFormat {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'xml';
  while (start < bytes.length && (bytes[start] === 0x20 || bytes[start] === 0x09 || bytes[start] === 0x0a || bytes[start] === 0x0d))
    start++;
  const head = Buffer.from(bytes.subarray(start, start + 1024)).toString('latin1');
  // A PDF may have a few bytes of junk before its header (PDF 32000-1 §7.5.2 readers allow 1,024).
  if (head.includes('%PDF-')) return 'pdf';
  if (head.startsWith('<')) return 'xml';
  if (head.startsWith('{')) return 'json';
  // ZIP (.docx, .odt) and the old OLE2 .doc.
  if (head.startsWith('PK\x03\x04') || head.startsWith('\xd0\xcf\x11\xe0')) return 'office';
  return 'unknown';
}

export async function convertCv(bytes: Uint8Array, newId?: IdSource): Promise<CvDraft> {
  if (bytes.length > MAX_CV_BYTES) throw cvImportErrors.tooLarge();
  if (bytes.length === 0) throw cvImportErrors.empty();
  switch (detectFormat(bytes)) {
    case 'pdf': {
      const xml = await europassXmlOfPdf(bytes);
      const draft = europassXmlToDraft(xml, newId);
      return { ...draft, source: { ...draft.source, container: 'pdf' } };
    }
    case 'xml':
      return europassXmlToDraft(bytes, newId);
    case 'json':
      return jsonToDraft(bytes, newId);
    case 'office':
      throw cvImportErrors.wordDocument();
    default:
      throw cvImportErrors.unknownFormat();
  }
}

export function europassXmlToDraft(bytes: Uint8Array, newId?: IdSource): CvDraft {
  const { root, tree } = parseXml(decodeXml(bytes));
  if (root === 'SkillsPassport') return europassV3ToDraft(tree, { format: 'europass_xml' }, newId);
  if (root.toLowerCase() === 'learnerinfo') return europassV2ToDraft(tree, newId);
  throw cvImportErrors.xmlNotEuropass(root);
}

function jsonToDraft(bytes: Uint8Array, newId?: IdSource): CvDraft {
  const textOf = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(textOf);
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    const line = position === undefined ? undefined : textOf.slice(0, Number(position)).split('\n').length;
    throw cvImportErrors.malformedJson(line);
  }
  const root = obj(value);
  if (!root || Array.isArray(value)) throw cvImportErrors.notACv();
  const passport = obj(root.SkillsPassport);
  if (passport) return europassV3ToDraft(passport, { format: 'europass_json' }, newId);
  return jsonResumeToDraft(root, newId);
}
