/**
 * The one normalisation used both when labels are stored and when a query arrives, so that
 * "Città", "CITTA'" and "citta" meet in the index: lower case, accents stripped, every run of
 * punctuation or space turned into one space. Done here and not with unaccent() in SQL because
 * unaccent() is not IMMUTABLE and cannot sit in an index expression.
 *
 * The result holds only letters, digits and single spaces, so it can go into a LIKE pattern as it is.
 */

// Letters that Unicode decomposition leaves whole but that Italian and English users type plainly.
const FOLDED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

const COMBINING_MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const FOLDABLE = /[ßæœøłđðþı]/g;

export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(FOLDABLE, (ch) => FOLDED[ch] ?? ch)
    .replace(NOT_LETTER_OR_DIGIT, ' ')
    .trim();
}
