import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DatabaseKind } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { StepMode } from '../db/steps.js';
import type { ImportField } from '../../shared/schemas/imports.schema.js';
import type { ProgressBoard, ProgressListener } from './import-progress.js';
import type { ImportsRepository } from './imports.repository.js';

/**
 * Types shared by the import's use cases (upload, dry run, apply, purge). They live apart from
 * imports.service.ts so that the steps it runs do not import it back (no file cycle).
 */

/** Who an import acts for: the network, the operator's office, and the staff member (null from the CLI). */
export interface ImportScope {
  networkId: string;
  officeId: string;
  userId: string | null;
  /**
   * Whether the operator works on every office of the network (auth's worksAcrossNetwork): then
   * any of its offices may be the target of an import; otherwise only their current one.
   */
  acrossNetwork: boolean;
}

export const MAX_FILE_BYTES = 40 * 1024 * 1024;
export const MAX_ROWS = 200_000;

export interface ImportDeps {
  db: Kysely<DB>;
  kind: DatabaseKind;
  audit: AuditService;
  clock: () => Date;
  /** Told of every progress step (the CLI draws its progress bar from it). */
  onProgress?: ProgressListener;
  /** How the apply writes: the database's default (staged on PGlite), or forced (tests run both). */
  applyMode?: StepMode;
  /** Rows per batch of the apply (default 1,000 when staged, 5,000 in one transaction). */
  applyBatchRows?: number;
}

export type ImportEnv = ImportDeps & { repo: ImportsRepository; board: ProgressBoard };

export interface DryRunRequest {
  mapping?: Record<string, ImportField>;
  createCompanies: boolean;
  officeId?: string;
}
