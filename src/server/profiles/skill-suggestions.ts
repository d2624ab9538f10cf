import type { ProfileDocument } from '../../shared/schemas/profiles.schema.js';
import type { SkillSuggestions } from '../../shared/schemas/profile-api.schema.js';
import type { Executor } from '../db/executor.js';
import { occupationUrisOfIscoGroups, skillsOfOccupations } from '../taxonomy/index.js';

const ISCO_URI = /^http:\/\/data\.europa\.eu\/esco\/isco\/C(\d{4})$/;

/**
 * The skills to tick for the occupations of the profile: ESCO's essential, then optional, skills of
 * each occupation of the work history and of the occupations wanted, each marked when the worker
 * has it already. An ISCO unit group (an occupation chosen by its Italian ISCO label) stands for
 * the ESCO occupations in it. Labels in the language asked, else the other one, said so.
 */
export async function skillSuggestionsFor(db: Executor, doc: ProfileDocument, lang: 'it' | 'en'): Promise<SkillSuggestions> {
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

  const isco = wanted.flatMap((w) => ISCO_URI.exec(w.uri)?.[1] ?? []);
  const ofIsco = await occupationUrisOfIscoGroups(db, isco);
  const occupationsOf = (uri: string) => {
    const code = ISCO_URI.exec(uri)?.[1];
    return code ? (ofIsco.get(code) ?? []) : [uri];
  };
  const skills = await skillsOfOccupations(db, [...new Set(wanted.flatMap((w) => occupationsOf(w.uri)))], lang);
  const has = new Set(doc.skills.flatMap((s) => (s.escoUri ? [s.escoUri] : [])));

  return {
    occupations: wanted.map((w) => {
      const from = new Set(occupationsOf(w.uri));
      const bySkill = new Map<string, SkillSuggestions['occupations'][number]['skills'][number]>();
      for (const s of skills) {
        if (!from.has(s.occupationUri)) continue;
        const known = bySkill.get(s.skillUri);
        // A skill essential to any occupation of an ISCO group is essential to the group's list.
        if (known) {
          known.essential ||= s.essential;
          continue;
        }
        bySkill.set(s.skillUri, {
          uri: s.skillUri,
          label: s.label,
          labelLanguage: s.labelLanguage,
          fallback: s.labelLanguage !== lang,
          essential: s.essential,
          skillType: s.skillType,
          present: has.has(s.skillUri),
        });
      }
      const list = [...bySkill.values()].sort((a, b) => Number(b.essential) - Number(a.essential) || a.label.localeCompare(b.label, lang));
      return { ...w, skills: list };
    }),
  };
}
