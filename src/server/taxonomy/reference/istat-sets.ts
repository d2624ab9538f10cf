import { parseCsv } from '../import/csv-file.js';
import { taxonomyErrors } from '../taxonomy.errors.js';
import { tidy, type ReferenceConcept, type ReferenceSet } from './reference-set.js';

/** ISTAT classifications: professions (CP2011), economic activities (ATECO), educational titles. */

const get = (files: Map<string, Buffer>, name: string) => files.get(name)!;

const CP2011_FILE = 'istat/cp2011.csv';

/** ISTAT CP2011, five levels: grande gruppo 1, gruppo 1.1, classe 1.1.1, categoria 1.1.1.1, unità 1.1.1.1.0. */
export const cp2011Set: ReferenceSet = {
  source: 'istat-cp2011',
  version: '2011',
  files: [CP2011_FILE],
  searchGroup: 'occupation',
  codeSearchable: true,
  async read(files) {
    const records = await parseCsv(CP2011_FILE, get(files, CP2011_FILE), {
      columns: ['code', 'level', 'parent_code', 'title', 'definition'],
    });
    return records.map(({ values: v, line }): ReferenceConcept => {
      const level = Number(v.level);
      if (!/^\d(\.\d+){0,4}$/.test(v.code) || v.code.split('.').length !== level) {
        throw taxonomyErrors.badValue(CP2011_FILE, line, `code "${v.code}" does not match level ${v.level}`);
      }
      return {
        kind: 'cp2011',
        code: v.code,
        parentCode: v.parent_code || null,
        attributes: { level: String(level) },
        labels: [{ lang: 'it', type: 'preferred', label: tidy(v.title) }],
        descriptions: v.definition.trim() ? [{ lang: 'it', text: v.definition.trim() }] : [],
      };
    });
  },
};

const ATECO_2025_FILE = 'istat/ateco_2025_codes.csv';

/** ATECO 2025 (ISTAT, in force from 1 April 2025), six levels from section to sub-category, Italian and English. */
export const ateco2025Set: ReferenceSet = {
  source: 'istat-ateco-2025',
  version: '2025',
  files: [ATECO_2025_FILE],
  searchGroup: 'sector',
  codeSearchable: true,
  async read(files) {
    const records = await parseCsv(ATECO_2025_FILE, get(files, ATECO_2025_FILE), {
      columns: ['code', 'level', 'parent_code', 'title_it', 'title_en', 'notes_it', 'notes_en'],
    });
    return records.map(({ values: v, line }): ReferenceConcept => {
      const level = Number(v.level);
      if (!(level >= 1 && level <= 6) || atecoLevel(v.code) !== level) {
        throw taxonomyErrors.badValue(ATECO_2025_FILE, line, `code "${v.code}" does not match level ${v.level}`);
      }
      const labels: ReferenceConcept['labels'] = [{ lang: 'it', type: 'preferred', label: tidy(v.title_it) }];
      if (v.title_en.trim()) labels.push({ lang: 'en', type: 'preferred', label: tidy(v.title_en) });
      const descriptions = [
        { lang: 'it', text: v.notes_it.trim() },
        { lang: 'en', text: v.notes_en.trim() },
      ].filter((d) => d.text);
      return {
        kind: 'ateco2025',
        code: v.code,
        parentCode: v.parent_code || null,
        attributes: { level: String(level) },
        labels,
        descriptions,
      };
    });
  },
};

/** Level of an ATECO code from its shape: A, 01, 01.1, 01.11, 01.11.1, 01.11.10. */
export function atecoLevel(code: string): number {
  if (/^[A-Z]$/.test(code)) return 1;
  if (/^\d{2}$/.test(code)) return 2;
  if (/^\d{2}\.\d$/.test(code)) return 3;
  if (/^\d{2}\.\d{2}$/.test(code)) return 4;
  if (/^\d{2}\.\d{2}\.\d$/.test(code)) return 5;
  if (/^\d{2}\.\d{2}\.\d{2}$/.test(code)) return 6;
  return 0;
}

function atecoParent(code: string, section: string): string | null {
  const level = atecoLevel(code);
  if (level === 1) return null;
  if (level === 2) return section;
  if (level === 4 || level === 6) return code.slice(0, -1);
  return code.slice(0, -2);
}

const ATECO_2007_FILE = 'istat/ateco_2007_agg2022_with_descriptions.csv';

/** ATECO 2007 as updated in 2022: still the code on contracts and registrations made before April 2025. Italian only. */
export const ateco2007Set: ReferenceSet = {
  source: 'istat-ateco-2007',
  version: '2007 (agg. 2022)',
  files: [ATECO_2007_FILE],
  searchGroup: 'sector',
  codeSearchable: true,
  async read(files) {
    const records = await parseCsv(ATECO_2007_FILE, get(files, ATECO_2007_FILE), { columns: ['main', 'section', 'title', 'description'] });
    return records.map(({ values: v, line }): ReferenceConcept => {
      const level = atecoLevel(v.section);
      if (level === 0 || !/^[A-Z]$/.test(v.main))
        throw taxonomyErrors.badValue(ATECO_2007_FILE, line, `"${v.section}" is not an ATECO code`);
      return {
        kind: 'ateco2007',
        code: v.section,
        parentCode: atecoParent(v.section, v.main),
        attributes: { level: String(level) },
        labels: [{ lang: 'it', type: 'preferred', label: tidy(v.title) }],
        descriptions: v.description.trim() ? [{ lang: 'it', text: v.description.trim() }] : [],
      };
    });
  },
};

const EDUCATION_FILE = 'istat/titoli_studio_istat_2003.csv';

/**
 * Parent of an ISTAT educational-title code (8 digits grouped 1-2-2-3: level, type, field, title);
 * the zeros on the right mark the levels a code does not go down to.
 */
export function educationParent(code: string): string | null {
  const groups = [code.slice(0, 1), code.slice(1, 3), code.slice(3, 5), code.slice(5)];
  const depth = groups.findLastIndex((g, i) => i === 0 || !/^0+$/.test(g));
  if (depth <= 0) return null;
  return groups.map((g, i) => (i < depth ? g : '0'.repeat(g.length))).join('');
}

/** ISTAT classification of Italian educational titles (2003). */
export const educationSet: ReferenceSet = {
  source: 'istat-titoli-studio',
  version: '2003',
  files: [EDUCATION_FILE],
  searchGroup: 'education',
  codeSearchable: true,
  async read(files) {
    const records = await parseCsv(EDUCATION_FILE, get(files, EDUCATION_FILE), { columns: ['code', 'title'] });
    const titles = new Map(records.map((r) => [r.values.code, tidy(r.values.title)]));
    return records.map(({ values: v, line }): ReferenceConcept => {
      if (!/^\d{8}$/.test(v.code)) throw taxonomyErrors.badValue(EDUCATION_FILE, line, `"${v.code}" is not an 8-digit ISTAT code`);
      // Some titles hang from a level the list does not have (e.g. a field with no heading row):
      // climb until a listed ancestor.
      let parent = educationParent(v.code);
      while (parent && !titles.has(parent)) parent = educationParent(parent);
      return {
        kind: 'education',
        code: v.code,
        parentCode: parent,
        attributes: parent ? { parentTitle: titles.get(parent)! } : {},
        labels: [{ lang: 'it', type: 'preferred', label: tidy(v.title) }],
      };
    });
  },
};
