import type { TaxonomyKind } from '../../shared/schemas/taxonomy.schema.js';

/** The short qualifier a result line shows beside its label, in the language asked for. */

type Lang = 'it' | 'en';

const CP2011_LEVELS: Record<Lang, string[]> = {
  it: ['grande gruppo', 'gruppo', 'classe', 'categoria', 'unità professionale'],
  en: ['major group', 'group', 'class', 'category', 'occupational unit'],
};

const ATECO_LEVELS: Record<Lang, string[]> = {
  it: ['sezione', 'divisione', 'gruppo', 'classe', 'categoria', 'sottocategoria'],
  en: ['section', 'division', 'group', 'class', 'category', 'subcategory'],
};

const SKILL_TYPES: Record<Lang, Record<string, string>> = {
  it: { knowledge: 'conoscenza', 'skill/competence': 'abilità/competenza' },
  en: { knowledge: 'knowledge', 'skill/competence': 'skill/competence' },
};

const level = (names: string[], value: string | undefined) => names[Number(value) - 1] ?? null;

export function detailFor(kind: TaxonomyKind, attributes: Record<string, string>, lang: Lang): string | null {
  switch (kind) {
    case 'esco_occupation':
      return attributes.iscoGroup ? `ISCO ${attributes.iscoGroup}` : null;
    case 'isco_group':
      return 'ISCO-08';
    case 'cp2011': {
      const name = level(CP2011_LEVELS[lang], attributes.level);
      return name && `CP2011 · ${name}`;
    }
    case 'ateco2025':
    case 'ateco2007': {
      const name = level(ATECO_LEVELS[lang], attributes.level);
      return name && `ATECO ${kind === 'ateco2025' ? '2025' : '2007'} · ${name}`;
    }
    case 'esco_skill':
      return SKILL_TYPES[lang][attributes.skillType ?? ''] ?? null;
    case 'comune':
      return attributes.province ?? null;
    case 'education':
      return attributes.parentTitle ?? null;
    case 'eqf':
      return 'EQF';
    case 'ccnl':
      return attributes.sector || null;
  }
}
