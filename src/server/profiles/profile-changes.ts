import { PROFILE_SECTIONS, type ProfileDocument, type ProfileSection } from '../../shared/schemas/profiles.schema.js';
import type { ProfileChanges } from '../db/schema-profiles.js';

const LIST_SECTIONS = ['education', 'work', 'skills', 'languages', 'certificates', 'desiredOccupations', 'additional'] as const;
type ListSection = (typeof LIST_SECTIONS)[number];
const isListSection = (s: ProfileSection): s is ListSection => (LIST_SECTIONS as readonly string[]).includes(s);

/** A stable JSON text of a value (keys sorted), so that key order never counts as a change. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * What changed from one version of the profile to the next: the sections whose content differs and,
 * in the sections that are lists of entries, the ids of the entries added, changed and removed
 * (the version history says "Competenze: 3 aggiunte, 1 tolta").
 */
export function profileChanges(before: ProfileDocument, after: ProfileDocument): ProfileChanges {
  const changes: ProfileChanges = { sections: [], added: {}, changed: {}, removed: {} };
  for (const section of PROFILE_SECTIONS) {
    if (canonical(before[section]) === canonical(after[section])) continue;
    changes.sections.push(section);
    if (!isListSection(section)) continue;
    const old = new Map((before[section] as Array<{ id: string }>).map((e) => [e.id, canonical(e)]));
    const now = new Map((after[section] as Array<{ id: string }>).map((e) => [e.id, canonical(e)]));
    const added = [...now.keys()].filter((id) => !old.has(id));
    const removed = [...old.keys()].filter((id) => !now.has(id));
    const changed = [...now.entries()].filter(([id, text]) => old.has(id) && old.get(id) !== text).map(([id]) => id);
    if (added.length) changes.added[section] = added;
    if (removed.length) changes.removed[section] = removed;
    if (changed.length) changes.changed[section] = changed;
  }
  return changes;
}
