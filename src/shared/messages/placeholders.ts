/**
 * The one placeholder syntax of the messages workers receive ({{nome}}), for campaigns and for the
 * agenda's messages alike; shared with the web, whose template editors show a live example.
 */
const PATTERN = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** The placeholder names a text uses, each once. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PATTERN)].map((m) => m[1]!))];
}

/** Fills the placeholders from any set of values; an unknown one is left as written. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PATTERN, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole));
}
