import { normaliseLabel } from '../normalise.js';
import { taxonomyErrors } from '../taxonomy.errors.js';
import { parseCsv } from './csv-file.js';
import type { Bundle } from './zip-bundle.js';

/**
 * Reads the official ESCO CSV downloads as the European Commission publishes them: the
 * classification bundle of one language (`occupations_it.csv`, `skills_it.csv` …) and the
 * language-independent relations bundle. Everything is parsed and checked here, in memory, so a
 * bad file is refused before the database is touched.
 */

/** The languages ESCO v1.x is published in. */
export const ESCO_LANGUAGES = [
  'ar',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'fi',
  'fr',
  'ga',
  'hr',
  'hu',
  'is',
  'it',
  'lt',
  'lv',
  'mt',
  'nl',
  'no',
  'pl',
  'pt',
  'ro',
  'sk',
  'sl',
  'sv',
  'uk',
] as const;

export type EscoKind = 'isco_group' | 'esco_occupation' | 'esco_skill' | 'esco_skill_group';
export type LabelType = 'preferred' | 'alternative' | 'hidden';
export type EscoCollection = 'digital' | 'digcomp' | 'green' | 'transversal' | 'language' | 'research';

export interface EscoConcept {
  kind: EscoKind;
  uri: string;
  code: string;
  parentCode: string | null;
  attributes: Record<string, string>;
}

export interface EscoLabel {
  uri: string;
  type: LabelType;
  label: string;
  norm: string;
}

export interface EscoClassification {
  lang: string;
  concepts: EscoConcept[];
  labels: EscoLabel[];
  descriptions: Array<{ uri: string; text: string }>;
  collections: Array<{ uri: string; collection: EscoCollection }>;
}

export interface EscoRelations {
  occupationSkills: Array<{ occupationUri: string; skillUri: string; essential: boolean }>;
  skillSkills: Array<{ skillUri: string; relatedUri: string; essential: boolean }>;
  broader: Array<{ uri: string; broaderUri: string }>;
}

export type BundleKind = { kind: 'classification'; lang: string } | { kind: 'relations' };

const ESCO_URI = 'http://data.europa.eu/esco/';
const SKILL_TYPES = new Set(['knowledge', 'skill/competence', '']);
const REUSE_LEVELS = new Set(['transversal', 'cross-sector', 'sector-specific', 'occupation-specific', '']);
const RELATION_TYPES = new Map([
  ['essential', true],
  ['optional', false],
]);

export function isEscoLanguage(lang: string): boolean {
  return (ESCO_LANGUAGES as readonly string[]).includes(lang);
}

/** Tells a classification bundle (and its language) from a relations bundle by the files inside. */
export function identifyBundle(name: string, bundle: Bundle): BundleKind {
  if (bundle.has('occupationSkillRelations.csv')) return { kind: 'relations' };
  for (const file of bundle.keys()) {
    const match = /^(?:occupations|ISCOGroups)_([A-Za-z-]+)\.csv$/.exec(file);
    if (!match) continue;
    const lang = match[1]!.toLowerCase();
    if (!isEscoLanguage(lang)) throw taxonomyErrors.unknownLanguage(lang, ESCO_LANGUAGES);
    return { kind: 'classification', lang };
  }
  throw taxonomyErrors.notAnEscoBundle(name);
}

function file(bundle: Bundle, bundleName: string, name: string): Buffer {
  const bytes = bundle.get(name);
  if (!bytes) throw taxonomyErrors.missingFile(bundleName, name);
  return bytes;
}

function checkUri(fileName: string, line: number, uri: string): string {
  if (!uri.startsWith(ESCO_URI)) throw taxonomyErrors.badValue(fileName, line, `"${uri.slice(0, 80)}" is not an ESCO URI`);
  return uri;
}

const uriTail = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);

/** Alternative and hidden labels are one per line inside a quoted cell. */
const splitLabels = (cell: string) =>
  cell
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Reads a classification bundle. `partial` accepts a bundle holding only some of the files
 * (the Italian ISCO-08 group labels shipped with the product are one file of the Italian bundle).
 */
export async function readClassification(
  bundleName: string,
  bundle: Bundle,
  lang: string,
  partial = false,
  signal?: AbortSignal,
): Promise<EscoClassification> {
  const result: EscoClassification = { lang, concepts: [], labels: [], descriptions: [], collections: [] };
  const seenNorms = new Map<string, Set<string>>();
  const addLabel = (uri: string, type: LabelType, label: string) => {
    const norm = normaliseLabel(label);
    if (!norm) return;
    let norms = seenNorms.get(uri);
    if (!norms) seenNorms.set(uri, (norms = new Set()));
    // The bundles repeat the preferred label among the alternatives; one row per spelling is enough.
    if (norms.has(norm)) return;
    norms.add(norm);
    result.labels.push({ uri, type, label, norm });
  };
  const optional = (name: string) => (partial ? bundle.get(name) : file(bundle, bundleName, name));

  const readConcepts = async <C extends string>(
    name: string,
    columns: readonly C[],
    build: (values: Record<C, string>, line: number) => EscoConcept,
  ) => {
    const bytes = optional(name);
    if (!bytes) return;
    const records = await parseCsv(name, bytes, { columns, signal });
    for (const { values, line } of records) {
      const concept = build(values, line);
      result.concepts.push(concept);
      const v = values as Record<string, string>;
      addLabel(concept.uri, 'preferred', v.preferredLabel ?? '');
      for (const alt of splitLabels(v.altLabels ?? '')) addLabel(concept.uri, 'alternative', alt);
      for (const hidden of splitLabels(v.hiddenLabels ?? '')) addLabel(concept.uri, 'hidden', hidden);
      const description = (v.description ?? '').trim();
      if (description) result.descriptions.push({ uri: concept.uri, text: description });
    }
  };

  await readConcepts(`ISCOGroups_${lang}.csv`, ['conceptUri', 'code', 'preferredLabel', 'altLabels', 'description'], (v, line) => {
    if (!/^\d{1,4}$/.test(v.code)) throw taxonomyErrors.badValue(`ISCOGroups_${lang}.csv`, line, `"${v.code}" is not an ISCO-08 code`);
    return {
      kind: 'isco_group',
      uri: checkUri(`ISCOGroups_${lang}.csv`, line, v.conceptUri),
      code: v.code,
      parentCode: v.code.length > 1 ? v.code.slice(0, -1) : null,
      attributes: {},
    };
  });
  await readConcepts(
    `occupations_${lang}.csv`,
    ['conceptUri', 'iscoGroup', 'preferredLabel', 'altLabels', 'hiddenLabels', 'code', 'description'],
    (v, line) => {
      const name = `occupations_${lang}.csv`;
      if (!/^\d{4}$/.test(v.iscoGroup)) throw taxonomyErrors.badValue(name, line, `"${v.iscoGroup}" is not an ISCO-08 unit group`);
      const uri = checkUri(name, line, v.conceptUri);
      return {
        kind: 'esco_occupation',
        uri,
        code: v.code || uriTail(uri),
        parentCode: v.iscoGroup,
        attributes: { iscoGroup: v.iscoGroup },
      };
    },
  );
  await readConcepts(
    `skills_${lang}.csv`,
    ['conceptUri', 'skillType', 'reuseLevel', 'preferredLabel', 'altLabels', 'hiddenLabels', 'description'],
    (v, line) => {
      const name = `skills_${lang}.csv`;
      if (!SKILL_TYPES.has(v.skillType)) throw taxonomyErrors.badValue(name, line, `unknown skill type "${v.skillType}"`);
      if (!REUSE_LEVELS.has(v.reuseLevel)) throw taxonomyErrors.badValue(name, line, `unknown reuse level "${v.reuseLevel}"`);
      const uri = checkUri(name, line, v.conceptUri);
      return {
        kind: 'esco_skill',
        uri,
        code: uriTail(uri),
        parentCode: null,
        attributes: { skillType: v.skillType, reuseLevel: v.reuseLevel },
      };
    },
  );
  await readConcepts(
    `skillGroups_${lang}.csv`,
    ['conceptUri', 'preferredLabel', 'altLabels', 'hiddenLabels', 'code', 'description'],
    (v, line) => {
      const uri = checkUri(`skillGroups_${lang}.csv`, line, v.conceptUri);
      return { kind: 'esco_skill_group', uri, code: v.code || uriTail(uri), parentCode: null, attributes: {} };
    },
  );

  const collections: Array<[string, EscoCollection]> = [
    [`digitalSkillsCollection_${lang}.csv`, 'digital'],
    [`digCompSkillsCollection_${lang}.csv`, 'digcomp'],
    [`greenSkillsCollection_${lang}.csv`, 'green'],
    [`transversalSkillsCollection_${lang}.csv`, 'transversal'],
    [`languageSkillsCollection_${lang}.csv`, 'language'],
    [`researchSkillsCollection_${lang}.csv`, 'research'],
    [`researchOccupationsCollection_${lang}.csv`, 'research'],
  ];
  for (const [name, collection] of collections) {
    const bytes = optional(name);
    if (!bytes) continue;
    for (const { values, line } of await parseCsv(name, bytes, { columns: ['conceptUri'], signal })) {
      result.collections.push({ uri: checkUri(name, line, values.conceptUri), collection });
    }
  }
  if (result.concepts.length === 0) throw taxonomyErrors.notAnEscoBundle(bundleName);
  return result;
}

export async function readRelations(bundleName: string, bundle: Bundle, signal?: AbortSignal): Promise<EscoRelations> {
  const result: EscoRelations = { occupationSkills: [], skillSkills: [], broader: [] };
  const relation = (name: string, line: number, value: string) => {
    const essential = RELATION_TYPES.get(value);
    if (essential === undefined) throw taxonomyErrors.badValue(name, line, `unknown relation type "${value}"`);
    return essential;
  };

  let name = 'occupationSkillRelations.csv';
  for (const { values: v, line } of await parseCsv(name, file(bundle, bundleName, name), {
    columns: ['occupationUri', 'relationType', 'skillUri'],
    signal,
  })) {
    result.occupationSkills.push({
      occupationUri: checkUri(name, line, v.occupationUri),
      skillUri: checkUri(name, line, v.skillUri),
      essential: relation(name, line, v.relationType),
    });
  }
  name = 'skillSkillRelations.csv';
  for (const { values: v, line } of await parseCsv(name, file(bundle, bundleName, name), {
    columns: ['originalSkillUri', 'relationType', 'relatedSkillUri'],
    signal,
  })) {
    result.skillSkills.push({
      skillUri: checkUri(name, line, v.originalSkillUri),
      relatedUri: checkUri(name, line, v.relatedSkillUri),
      essential: relation(name, line, v.relationType),
    });
  }
  for (const pillar of ['broaderRelationsOccPillar.csv', 'broaderRelationsSkillPillar.csv']) {
    for (const { values: v, line } of await parseCsv(pillar, file(bundle, bundleName, pillar), {
      columns: ['conceptUri', 'broaderUri'],
      signal,
    })) {
      result.broader.push({ uri: checkUri(pillar, line, v.conceptUri), broaderUri: checkUri(pillar, line, v.broaderUri) });
    }
  }
  return result;
}
