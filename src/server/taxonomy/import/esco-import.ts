import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { createAuditRepository } from '../../audit/index.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { searchableBatchesChanged } from '../searchable-batches.js';
import { taxonomyErrors } from '../taxonomy.errors.js';
import { CHUNK_ROWS, chunks } from './bulk-insert.js';
import {
  ESCO_LANGUAGES,
  identifyBundle,
  isEscoLanguage,
  readClassification,
  readRelations,
  type EscoClassification,
  type EscoKind,
  type EscoRelations,
} from './esco-bundle.js';
import { createImportRepository, type NewLabel } from './import.repository.js';
import { defaultImportMode, runImport, type ImportMode, type ImportStep } from './import-run.js';
import { readZipBundle, type Bundle } from './zip-bundle.js';

export const ESCO_SOURCE = 'esco';

export interface ImportProgress {
  phase: 'reading' | 'concepts' | 'labels' | 'descriptions' | 'relations' | 'activating' | 'done';
  done: number;
  total: number;
}

export interface EscoImportInput {
  version: string;
  classification?: { name: string; bundle: Bundle; partial?: boolean };
  relations?: { name: string; bundle: Bundle };
  /** The language the caller expects the classification bundle to be in. */
  lang?: string;
  /** Whether this version becomes the one searched: always, never, or only if no version is yet. */
  makeCurrent?: 'yes' | 'no' | 'if-none';
  mode?: ImportMode;
  onProgress?: (progress: ImportProgress) => void;
  clock?: () => Date;
  /** Stops the import between two steps (the server is shutting down); nothing stays half-written. */
  signal?: AbortSignal;
  /** Who ran it, for the audit log: "ricolloca taxonomy import-esco", the first start … */
  actorLabel?: string;
}

export interface EscoImportReport {
  version: string;
  lang: string | null;
  concepts: number;
  labels: number;
  descriptions: number;
  occupationSkills: number;
  essential: number;
  skillSkills: number;
  broader: number;
  /** Rows naming a concept this version does not have (a few are tolerated, see below). */
  skipped: number;
  current: boolean;
}

const SEARCH_GROUP: Record<EscoKind, string> = {
  isco_group: 'occupation',
  esco_occupation: 'occupation',
  esco_skill: 'skill',
  esco_skill_group: 'skill_group',
};

// A bundle of another version names thousands of concepts this one lacks; the same version names
// none. A small tolerance lets a corrected label file through without letting a wrong version in.
const MAX_UNKNOWN_SHARE = 0.02;

const running = new Set<string>();

function checksum(...bundles: Array<Bundle | undefined>): string {
  const hash = createHash('sha256');
  for (const bundle of bundles) {
    if (!bundle) continue;
    for (const name of [...bundle.keys()].sort()) hash.update(name).update(bundle.get(name)!);
  }
  return hash.digest('hex');
}

/** Reads one or two zips given on the command line, telling the classification from the relations. */
export async function readEscoZips(paths: string[]): Promise<Pick<EscoImportInput, 'classification' | 'relations'>> {
  const result: Pick<EscoImportInput, 'classification' | 'relations'> = {};
  for (const path of paths) {
    const name = basename(path);
    const bundle = await readZipBundle(path);
    const kind = identifyBundle(name, bundle);
    if (kind.kind === 'relations') result.relations = { name, bundle };
    else result.classification = { name, bundle };
  }
  return result;
}

export async function importEsco(database: Database, input: EscoImportInput): Promise<EscoImportReport> {
  const { version } = input;
  const clock = input.clock ?? (() => new Date());
  const progress = input.onProgress ?? (() => {});
  if (input.lang !== undefined && !isEscoLanguage(input.lang)) throw taxonomyErrors.unknownLanguage(input.lang, ESCO_LANGUAGES);

  progress({ phase: 'reading', done: 0, total: 1 });
  let classification: EscoClassification | undefined;
  if (input.classification) {
    const { name, bundle, partial } = input.classification;
    const kind = identifyBundle(name, bundle);
    if (kind.kind !== 'classification') throw taxonomyErrors.notAnEscoBundle(name);
    if (input.lang !== undefined && input.lang !== kind.lang) throw taxonomyErrors.languageMismatch(input.lang, kind.lang);
    classification = await readClassification(name, bundle, kind.lang, partial, input.signal);
  }
  let relations: EscoRelations | undefined;
  if (input.relations) {
    const kind = identifyBundle(input.relations.name, input.relations.bundle);
    if (kind.kind !== 'relations') throw taxonomyErrors.missingFile(input.relations.name, 'occupationSkillRelations.csv');
    relations = await readRelations(input.relations.name, input.relations.bundle, input.signal);
  }
  if (!classification && !relations) throw taxonomyErrors.notAnEscoBundle('(none)');

  if (running.has(version)) throw taxonomyErrors.importRunning(version);
  running.add(version);
  try {
    return await write(database, input, classification, relations, clock, progress);
  } finally {
    running.delete(version);
    searchableBatchesChanged();
  }
}

async function write(
  database: Database,
  input: EscoImportInput,
  classification: EscoClassification | undefined,
  relations: EscoRelations | undefined,
  clock: () => Date,
  progress: (p: ImportProgress) => void,
): Promise<EscoImportReport> {
  const repo = createImportRepository();
  const { version } = input;
  // PGlite runs every statement on the server's one thread: in steps, a fifth of the rows each, so
  // that no single statement holds every request for long (PostgreSQL keeps the larger chunks).
  const mode = input.mode ?? defaultImportMode(database);
  const per = (rows: number) => (mode === 'staged' ? Math.ceil(rows / 5) : rows);
  const report: EscoImportReport = {
    version,
    lang: classification?.lang ?? null,
    concepts: 0,
    labels: 0,
    descriptions: 0,
    occupationSkills: 0,
    essential: 0,
    skillSkills: 0,
    broader: 0,
    skipped: 0,
    current: false,
  };
  const batches: number[] = [];
  let releaseId: number | undefined;
  const undo = async (db: Kysely<DB>) => {
    for (const id of batches) await repo.abandonBatch(db, id, 'import failed', clock());
    // A version this import created and could not fill leaves no empty shell behind.
    if (releaseId !== undefined) await repo.deleteReleaseIfEmpty(db, releaseId);
  };

  return runImport(
    database.db,
    mode,
    async (runStep: ImportStep) => {
      const step: ImportStep = (fn) => {
        input.signal?.throwIfAborted();
        return runStep(fn);
      };
      const release = await step(async (trx) => {
        const row = await repo.ensureRelease(trx, ESCO_SOURCE, version);
        releaseId = row.id;
        // A 'loading' batch still in the database was left by a process that stopped mid-import.
        for (const stale of await repo.loadingBatches(trx, row.id)) await repo.abandonBatch(trx, stale.id, 'interrupted', clock());
        return {
          ...row,
          hadConcepts: (await repo.conceptCount(trx, row.id)) > 0,
          sourceHasCurrent: await repo.hasCurrentRelease(trx, ESCO_SOURCE),
        };
      });
      const classificationSum = checksum(input.classification?.bundle);
      const relationsSum = checksum(input.relations?.bundle);
      const classificationBatch = classification
        ? await step((trx) => repo.startBatch(trx, release.id, `classification:${classification.lang}`, classificationSum))
        : undefined;
      if (classificationBatch !== undefined) batches.push(classificationBatch);
      const relationsBatch = relations ? await step((trx) => repo.startBatch(trx, release.id, 'relations', relationsSum)) : undefined;
      if (relationsBatch !== undefined) batches.push(relationsBatch);

      let ids = new Map<string, number>();
      if (classification && classificationBatch !== undefined) {
        const known = release.hadConcepts ? await step((trx) => repo.conceptIds(trx, release.id)) : new Map<string, number>();
        if (release.hadConcepts) {
          // A label bundle for an existing version adds labels; it never changes the structure.
          const unknown = classification.concepts.filter((c) => !known.has(c.uri)).length;
          if (unknown > classification.concepts.length * MAX_UNKNOWN_SHARE) {
            throw taxonomyErrors.versionMismatch(version, unknown, classification.concepts.length);
          }
          report.skipped += unknown;
        } else {
          for (const [i, part] of chunks(classification.concepts, per(CHUNK_ROWS)).entries()) {
            await step((trx) =>
              repo.insertConcepts(
                trx,
                release.id,
                classificationBatch,
                part.map((c) => ({ kind: c.kind, code: c.code, uri: c.uri, parentCode: c.parentCode, attributes: c.attributes })),
              ),
            );
            progress({
              phase: 'concepts',
              done: Math.min((i + 1) * per(CHUNK_ROWS), classification.concepts.length),
              total: classification.concepts.length,
            });
          }
          report.concepts = classification.concepts.length;
        }
        ids = release.hadConcepts ? known : await step((trx) => repo.conceptIds(trx, release.id));
        const kindOf = new Map(classification.concepts.map((c) => [c.uri, c.kind]));
        const labels: NewLabel[] = [];
        for (const label of classification.labels) {
          const conceptId = ids.get(label.uri);
          if (conceptId === undefined) continue;
          labels.push({
            conceptId,
            searchGroup: SEARCH_GROUP[kindOf.get(label.uri)!],
            lang: classification.lang,
            type: label.type,
            label: label.label,
            norm: label.norm,
          });
        }
        for (const [i, part] of chunks(labels, per(CHUNK_ROWS)).entries()) {
          await step((trx) => repo.insertLabels(trx, classificationBatch, part));
          progress({ phase: 'labels', done: Math.min((i + 1) * per(CHUNK_ROWS), labels.length), total: labels.length });
        }
        report.labels = labels.length;
        const descriptions = classification.descriptions.flatMap((d) => {
          const conceptId = ids.get(d.uri);
          return conceptId === undefined ? [] : [{ conceptId, lang: classification.lang, text: d.text }];
        });
        for (const part of chunks(descriptions, per(5_000))) await step((trx) => repo.insertDescriptions(trx, classificationBatch, part));
        report.descriptions = descriptions.length;
        progress({ phase: 'descriptions', done: descriptions.length, total: descriptions.length });
        const members = classification.collections.flatMap((m) => {
          const conceptId = ids.get(m.uri);
          return conceptId === undefined ? [] : [{ conceptId, collection: m.collection }];
        });
        for (const part of chunks(members, per(CHUNK_ROWS))) await step((trx) => repo.insertCollectionMembers(trx, part));
      }

      if (relations && relationsBatch !== undefined) {
        if (ids.size === 0) ids = await step((trx) => repo.conceptIds(trx, release.id));
        if (ids.size === 0) throw taxonomyErrors.classificationMissing(version);
        await writeRelations(step, repo, relationsBatch, relations, ids, version, report, progress, per(20_000));
      }

      progress({ phase: 'activating', done: 0, total: 1 });
      await step(async (trx) => {
        if (classificationBatch !== undefined) await repo.activateBatch(trx, classificationBatch, report.labels, clock());
        if (relationsBatch !== undefined) await repo.activateBatch(trx, relationsBatch, report.occupationSkills, clock());
        const makeCurrent = input.makeCurrent ?? 'if-none';
        if (makeCurrent === 'yes' || (makeCurrent === 'if-none' && !release.sourceHasCurrent)) {
          await repo.makeCurrent(trx, release.id, ESCO_SOURCE);
          report.current = true;
        } else {
          report.current = release.current;
        }
        // Reference data is no one's personal data, but every write goes to the audit log.
        await createAuditRepository().insert(trx, {
          actorId: null,
          actorLabel: input.actorLabel ?? 'ricolloca',
          officeId: null,
          action: 'taxonomy.esco_imported',
          entityType: 'taxonomy_release',
          entityId: String(release.id),
          details: {
            ...report,
            parts: [classificationBatch && `classification:${classification?.lang}`, relationsBatch && 'relations'].filter(Boolean),
          },
          requestId: null,
          ip: null,
        });
      });
      // Active now: from here on a failure must not undo the import.
      batches.length = 0;
      releaseId = undefined;
      // Upkeep in steps of their own, so no single transaction holds PGlite's one connection long;
      // until they finish, typo tolerance uses the previous word list.
      if (classificationBatch !== undefined) await step((trx) => repo.refreshWords(trx, ['occupation', 'skill']));
      await step((trx) => repo.analyse(trx));
      progress({ phase: 'done', done: 1, total: 1 });
      return report;
    },
    undo,
  );
}

async function writeRelations(
  step: ImportStep,
  repo: ReturnType<typeof createImportRepository>,
  batchId: number,
  relations: EscoRelations,
  ids: Map<string, number>,
  version: string,
  report: EscoImportReport,
  progress: (p: ImportProgress) => void,
  rowsPerStep: number,
) {
  let unknown = 0;
  const pair = <T>(a: string, b: string, build: (x: number, y: number) => T): T[] => {
    const x = ids.get(a);
    const y = ids.get(b);
    if (x === undefined || y === undefined) {
      unknown += 1;
      return [];
    }
    return [build(x, y)];
  };
  const occupationSkills = relations.occupationSkills.flatMap((r) =>
    pair(r.occupationUri, r.skillUri, (occupationId, skillId) => ({ occupationId, skillId, essential: r.essential })),
  );
  const skillSkills = relations.skillSkills.flatMap((r) =>
    pair(r.skillUri, r.relatedUri, (skillId, relatedId) => ({ skillId, relatedId, essential: r.essential })),
  );
  const broader = relations.broader.flatMap((r) => pair(r.uri, r.broaderUri, (a, b): [number, number] => [a, b]));
  const total = relations.occupationSkills.length + relations.skillSkills.length + relations.broader.length;
  if (unknown > total * MAX_UNKNOWN_SHARE) throw taxonomyErrors.versionMismatch(version, unknown, total);
  report.skipped += unknown;

  let done = 0;
  for (const part of chunks(occupationSkills, rowsPerStep)) {
    await step((trx) => repo.insertOccupationSkills(trx, batchId, part));
    done += part.length;
    progress({ phase: 'relations', done, total });
  }
  for (const part of chunks(skillSkills, rowsPerStep)) await step((trx) => repo.insertSkillRelations(trx, batchId, part));
  for (const part of chunks(broader, rowsPerStep)) await step((trx) => repo.insertBroader(trx, batchId, part));
  progress({ phase: 'relations', done: total, total });
  report.occupationSkills = occupationSkills.length;
  report.essential = occupationSkills.filter((r) => r.essential).length;
  report.skillSkills = skillSkills.length;
  report.broader = broader.length;
}
