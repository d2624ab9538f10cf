import type { ColumnType } from 'kysely';

/** Table types of migrations/0029_skill_labels.sql; merged into DB in schema.ts. */

export interface TaxonomyNetworkLabelsTable {
  network_id: string;
  concept_uri: string;
  label: string;
  alternatives: ColumnType<string[], string[] | undefined, string[]>;
  search_norm: string;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface TaxonomyLabelsTables {
  taxonomy_network_labels: TaxonomyNetworkLabelsTable;
}
