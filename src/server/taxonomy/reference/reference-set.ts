import { projectPath } from '../../paths.js';
import type { NewComune } from '../import/import.repository.js';

/** Where the product keeps its reference data (copied from the shared data, see PROVENANCE.md). */
export const REFERENCE_DIR = projectPath('data', 'reference');

export type ReferenceLabelType = 'preferred' | 'alternative';

export interface ReferenceConcept {
  kind: string;
  code: string;
  parentCode?: string | null;
  attributes?: Record<string, string>;
  labels: Array<{ lang: string; type: ReferenceLabelType; label: string }>;
  descriptions?: Array<{ lang: string; text: string }>;
  comune?: Omit<NewComune, 'conceptId'>;
}

/** One small classification loaded with the migrations: where its files are and how to read them. */
export interface ReferenceSet {
  /** Source id, as listed by the sources endpoint. */
  source: string;
  version: string;
  /** Files under data/reference/. */
  files: string[];
  /** The search endpoint that finds its concepts, or a group of its own when none does yet. */
  searchGroup: string;
  /** Whether the code itself is a searchable label (ATECO 25.11, CP2011 6.2.1.2, ISTAT 036023). */
  codeSearchable: boolean;
  read(files: Map<string, Buffer>): Promise<ReferenceConcept[]>;
}

/** Collapses the stray double spaces and edge spaces the published lists carry. */
export const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();
