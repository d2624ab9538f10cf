import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { cvImportErrors } from './cv-import.errors.js';

/**
 * Reading an uploaded XML without ever reaching outside it. fast-xml-parser resolves no external
 * entity and fetches no DTD; on top of that any DOCTYPE that declares an entity (external,
 * parameter or the nested ones of "billion laughs") is refused before parsing, since no Europass
 * file has one, and the nesting is capped so that a hostile file cannot exhaust the stack.
 */

export const MAX_XML_DEPTH = 64;

export type XmlNode = Record<string, unknown>;

export interface ParsedXml {
  /** The root element's name without its namespace prefix ('SkillsPassport', 'learnerinfo'). */
  root: string;
  tree: XmlNode;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // The five XML entities and character references (&#233;); DOCTYPE entities never get here.
  htmlEntities: true,
  maxNestedTags: MAX_XML_DEPTH,
});

/** The text of an XML file: by its byte-order mark, else by its declared encoding, else UTF-8. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.-]+)["']/.exec(head)?.[1]?.toLowerCase();
  const label = declared && declared !== 'utf-8' && declared !== 'utf8' ? declared : 'utf-8';
  try {
    return new TextDecoder(label, { fatal: label === 'utf-8' }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw cvImportErrors.xmlMalformed(undefined, {
      it: `la codifica dei caratteri non è ${label.toUpperCase()} come dichiarato`,
      en: `the character encoding is not ${label.toUpperCase()} as declared`,
    });
  }
}

const REASONS: Record<string, { it: string; en: string }> = {
  InvalidTag: { it: 'un elemento è aperto o chiuso in modo errato', en: 'an element is opened or closed wrongly' },
  InvalidAttr: { it: 'un attributo non è scritto correttamente', en: 'an attribute is malformed' },
  InvalidChar: { it: 'contiene un carattere non ammesso', en: 'it contains a character that is not allowed' },
};

export function parseXml(text: string): ParsedXml {
  const firstElement = text.search(/<[A-Za-z_]/);
  const prologue = firstElement < 0 ? text : text.slice(0, firstElement);
  if (/<!DOCTYPE/i.test(prologue) && /<!ENTITY/i.test(prologue)) throw cvImportErrors.xmlEntityRefused();

  const verdict = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (verdict !== true) {
    const { code, msg, line } = verdict.err;
    // Elements still open at the end, or a tag cut in half on the last line: the file was cut off
    // (a failed download, a full disk).
    const lastLine = text.trimEnd().split('\n').length;
    if ((code === 'InvalidXml' && /^Invalid '\[/.test(msg)) || (line >= lastLine && !text.trimEnd().endsWith('>')))
      throw cvImportErrors.xmlTruncated(lastLine);
    const reason = REASONS[code] ?? { it: 'la struttura XML non è valida', en: 'the XML structure is not valid' };
    throw cvImportErrors.xmlMalformed(line, { it: reason.it, en: `${reason.en} (${msg})` });
  }
  let tree: XmlNode;
  try {
    tree = parser.parse(text) as XmlNode;
  } catch (error) {
    if (error instanceof Error && /nested/i.test(error.message)) throw cvImportErrors.xmlTooDeep();
    if (error instanceof Error && /entit/i.test(error.message)) throw cvImportErrors.xmlEntityRefused();
    throw cvImportErrors.xmlMalformed(undefined, { it: 'la struttura XML non è valida', en: 'the XML structure is not valid' });
  }
  const root = Object.keys(tree).find((k) => !k.startsWith('@') && !k.startsWith('?') && k !== '#text');
  if (!root) throw cvImportErrors.xmlMalformed(1, { it: 'non contiene alcun elemento', en: 'it contains no element' });
  const node = tree[root];
  return { root, tree: typeof node === 'object' && node !== null ? (node as XmlNode) : {} };
}
