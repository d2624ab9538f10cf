import type { ProfileDocument } from '../../shared/schemas/profiles.schema.js';
import type { SkillSuggestions } from '../../shared/schemas/profile-api.schema.js';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { occupationSkills, occupationUrisOfIsco } from '../taxonomy/index.js';

const ISCO_URI = /^http:\/\/data\.europa\.eu\/esco\/isco\/C(\d{4})$/;

/**
 * The skills to tick for the occupations of the profile: ESCO's essential, then optional, skills of
 * each occupation of the work history and of the occupations wanted, each marked when the worker
 * has it already. An ISCO unit group (an occupation chosen by its Italian ISCO label) stands for
 * the ESCO occupations in it. Labels by taxonomy's one label rule in the language asked (ESCO's
 * Italian, else the network's Italian, else English, said so).
 */
export async function skillSuggestionsFor(
  db: Kysely<DB>,
  networkId: string,
  doc: ProfileDocument,
  lang: 'it' | 'en',
): Promise<SkillSuggestions> {
  const wanted: Array<{ uri: string; from: 'work' | 'desired'; label: string }> = [];
  const seen = new Set<string>();
  const add = (uri: string | undefined, from: 'work' | 'desired', label: string) => {
    if (!uri || seen.has(uri)) return;
    seen.add(uri);
    wanted.push({ uri, from, label });
  };
  for (const w of doc.work) add(w.escoOccupationUri, 'work', w.jobTitle);
  for (const d of doc.desiredOccupations) add(d.escoOccupationUri, 'desired', d.label);
  if (wanted.length === 0) return { occupations: [] };

  const isco = [...new Set(wanted.flatMap((w) => ISCO_URI.exec(w.uri)?.[1] ?? []))];
  const ofIsco = new Map(await Promise.all(isco.map(async (code) => [code, await occupationUrisOfIsco(db, code)] as const)));
  const occupationsOf = (uri: string) => {
    const code = ISCO_URI.exec(uri)?.[1];
    return code ? (ofIsco.get(code) ?? []) : [uri];
  };
  const occupations = await occupationSkills(db, {
    networkId,
    escoOccupationUris: [...new Set(wanted.flatMap((w) => occupationsOf(w.uri)))],
    lang,
  });
  const has = new Set(doc.skills.flatMap((s) => (s.escoUri ? [s.escoUri] : [])));

  return {
    occupations: wanted.map((w) => {
      const from = new Set(occupationsOf(w.uri));
      const bySkill = new Map<string, SkillSuggestions['occupations'][number]['skills'][number]>();
      for (const occupation of occupations) {
        if (!from.has(occupation.uri)) continue;
        for (const s of occupation.skills) {
          const known = bySkill.get(s.uri);
          // A skill essential to any occupation of an ISCO group is essential to the group's list.
          if (known) {
            known.essential ||= s.essential;
            continue;
          }
          bySkill.set(s.uri, {
            uri: s.uri,
            label: s.label,
            labelLanguage: s.labelLanguage,
            fallback: s.labelLanguage !== lang,
            essential: s.essential,
            skillType: s.skillType,
            present: has.has(s.uri),
          });
        }
      }
      const list = [...bySkill.values()].sort((a, b) => Number(b.essential) - Number(a.essential) || a.label.localeCompare(b.label, lang));
      return { ...w, skills: list };
    }),
  };
}
