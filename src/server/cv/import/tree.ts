/**
 * Reading the loose trees a parsed XML or JSON CV gives: an element may be absent, one object
 * or a list; a text may carry attributes; XML and JSON name the same list differently.
 */
export type Node = Record<string, unknown>;

export function arr(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

export function obj(value: unknown): Node | undefined {
  if (Array.isArray(value)) return obj(value[0]);
  return typeof value === 'object' && value !== null ? (value as Node) : undefined;
}

/** A child element, walked down by names: at(node, 'Employer', 'Name'). */
export function at(node: unknown, ...names: string[]): unknown {
  let current: unknown = node;
  for (const name of names) {
    const o = obj(current);
    if (!o) return undefined;
    current = o[name];
  }
  return current;
}

/** The text of an element (a string, or '#text' beside its attributes), or undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const o = obj(value);
  return o && typeof o['#text'] === 'string' ? o['#text'] : undefined;
}

/**
 * A repeated element: Europass XML wraps it in a list element (<WorkExperienceList><WorkExperience>),
 * the Europass JSON gives the array directly ("WorkExperience": [...]). Both are read.
 */
export function list(node: unknown, name: string): Node[] {
  const o = obj(node);
  if (!o) return [];
  const items = [...arr(o[name]), ...arr(obj(o[`${name}List`])?.[name])];
  return items.map((i) => (typeof i === 'object' && i !== null ? (i as Node) : { '#text': i }));
}

export function isTrue(value: unknown): boolean {
  const t = text(value);
  return t !== undefined && t.trim().toLowerCase() === 'true';
}
