/**
 * A user's text inside a LIKE pattern, matched as typed: `%`, `_` and the escape character itself
 * stand for themselves (PostgreSQL's default escape is the backslash), so «50%» or «Srl_» find
 * what they say instead of everything.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The pattern of a case-insensitive "contains" search on a lower()ed column. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text.toLowerCase())}%`;
}
