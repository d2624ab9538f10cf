import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { createAuditRepository } from '../../audit/index.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { searchableBatchesChanged } from '../searchable-batches.js';
import { taxonomyErrors } from '../taxonomy.errors.js';
import { CHUNK_ROWS } from './bulk-insert.js';
import { stepSizer, writeInSteps } from '../../db/steps.js';
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
import { BATCH_TABLES, createImportRepository, type ImportRepository, type NewLabel, type Run } from './import.repository.js';
import { defaultImportMode, runImport, shortTransactions, type ImportMode, type ImportStep } from './import-run.js';
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

/** Rows a purge deletes per statement at most (one transaction); staged, as many as fit a short step. */
const PURGE_ROWS = 50_000;
const RELATION_ROWS = 20_000;

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
  // PGlite runs every statement on the server's one thread: each step is a short transaction whose
  // size follows what the previous one took (stepSizer); PostgreSQL keeps the large chunks.
  const mode = input.mode ?? defaultImportMode(database);
  const staged = mode === 'staged';
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
    const run = shortTransactions(db);
    for (const id of batches) await purgeBatch(run, repo, id, { error: 'import failed', now: clock() }, true, true);
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
      const opened = await step(async (trx) => {
        const row = await repo.ensureRelease(trx, ESCO_SOURCE, version);
        releaseId = row.id;
        return { ...row, stale: (await repo.loadingBatches(trx, row.id)).map((b) => b.id) };
      });
      // A 'loading' batch still in the database was left by a process that stopped mid-import.
      for (const stale of opened.stale) await purgeBatch(step, repo, stale, { error: 'interrupted', now: clock() }, true, staged);
      const release = await step(async (trx) => ({
        id: opened.id,
        current: opened.current,
        hadConcepts: (await repo.conceptCount(trx, opened.id)) > 0,
        sourceHasCurrent: await repo.hasCurrentRelease(trx, ESCO_SOURCE),
      }));
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
          const concepts = classification.concepts;
          await writeInSteps(
            step,
            concepts,
            stepSizer(staged, CHUNK_ROWS),
            (trx, part) =>
              repo.insertConcepts(
                trx,
                release.id,
                classificationBatch,
                part.map((c) => ({ kind: c.kind, code: c.code, uri: c.uri, parentCode: c.parentCode, attributes: c.attributes })),
              ),
            (done) => progress({ phase: 'concepts', done, total: concepts.length }),
          );
          report.concepts = concepts.length;
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
        await writeInSteps(
          step,
          labels,
          stepSizer(staged, CHUNK_ROWS),
          (trx, part) => repo.insertLabels(trx, classificationBatch, part),
          async (done) => {
            progress({ phase: 'labels', done, total: labels.length });
            if (staged) await repo.cleanPendingLists(step, ['taxonomy_labels']);
          },
        );
        report.labels = labels.length;
        const descriptions = classification.descriptions.flatMap((d) => {
          const conceptId = ids.get(d.uri);
          return conceptId === undefined ? [] : [{ conceptId, lang: classification.lang, text: d.text }];
        });
        await writeInSteps(step, descriptions, stepSizer(staged, 5_000), (trx, part) =>
          repo.insertDescriptions(trx, classificationBatch, part),
        );
        report.descriptions = descriptions.length;
        progress({ phase: 'descriptions', done: descriptions.length, total: descriptions.length });
        const members = classification.collections.flatMap((m) => {
          const conceptId = ids.get(m.uri);
          return conceptId === undefined ? [] : [{ conceptId, collection: m.collection }];
        });
        await writeInSteps(step, members, stepSizer(staged, CHUNK_ROWS), (trx, part) => repo.insertCollectionMembers(trx, part));
      }

      if (relations && relationsBatch !== undefined) {
        if (ids.size === 0) ids = await step((trx) => repo.conceptIds(trx, release.id));
        if (ids.size === 0) throw taxonomyErrors.classificationMissing(version);
        await writeRelations(step, repo, relationsBatch, relations, ids, version, report, progress, staged);
      }

      // The switch: one short transaction. Until it commits, searches read the previous batches
      // (and the current release stays current); a failure before it undoes what was loaded.
      progress({ phase: 'activating', done: 0, total: 1 });
      const replaced = await step(async (trx) => {
        const retired: number[] = [];
        if (classificationBatch !== undefined)
          retired.push(...(await repo.activateBatch(trx, classificationBatch, report.labels, clock(), 'retire')));
        if (relationsBatch !== undefined)
          retired.push(...(await repo.activateBatch(trx, relationsBatch, report.occupationSkills, clock(), 'retire')));
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
        return retired;
      });
      // Active now: from here on a failure must not undo the import.
      batches.length = 0;
      releaseId = undefined;
      searchableBatchesChanged();
      // Upkeep in steps of their own, so no single transaction holds PGlite's one connection long:
      // the replaced batches' rows (no longer read) go a chunk at a time; until the words are
      // refreshed, typo tolerance uses the previous word list.
      for (const id of replaced) await purgeBatch(step, repo, id, { drop: true }, false, staged);
      if (classificationBatch !== undefined) await repo.refreshWordsInSteps(step, ['occupation', 'skill']);
      await repo.analyse(step);
      progress({ phase: 'done', done: 1, total: 1 });
      return report;
    },
    undo,
  );
}

/**
 * Removes a batch's rows a chunk per step, then the batch itself (`drop`) or its record as failed.
 * `withConcepts`: also the concepts it created (an import that failed or stopped on a new
 * version); never for a replaced batch, whose concepts the release keeps.
 */
async function purgeBatch(
  run: Run,
  repo: ImportRepository,
  batchId: number,
  close: { drop: true } | { error: string; now: Date },
  withConcepts: boolean,
  staged: boolean,
) {
  const tables = withConcepts ? [...BATCH_TABLES, 'concepts' as const] : BATCH_TABLES;
  for (const table of tables) {
    const sizer = stepSizer(staged, PURGE_ROWS);
    for (;;) {
      let started = performance.now();
      const deleted = await run((executor) => {
        started = performance.now();
        return repo.purgeBatchRows(executor, table, batchId, sizer.size());
      });
      sizer.took(performance.now() - started, deleted);
      if (deleted === 0) break;
    }
  }
  await run((executor) => repo.closeBatch(executor, batchId, close));
}

async function writeRelations(
  step: ImportStep,
  repo: ImportRepository,
  batchId: number,
  relations: EscoRelations,
  ids: Map<string, number>,
  version: string,
  report: EscoImportReport,
  progress: (p: ImportProgress) => void,
  staged: boolean,
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

  await writeInSteps(
    step,
    occupationSkills,
    stepSizer(staged, RELATION_ROWS),
    (trx, part) => repo.insertOccupationSkills(trx, batchId, part),
    (done) => progress({ phase: 'relations', done, total }),
  );
  await writeInSteps(step, skillSkills, stepSizer(staged, RELATION_ROWS), (trx, part) => repo.insertSkillRelations(trx, batchId, part));
  await writeInSteps(step, broader, stepSizer(staged, RELATION_ROWS), (trx, part) => repo.insertBroader(trx, batchId, part));
  progress({ phase: 'relations', done: total, total });
  report.occupationSkills = occupationSkills.length;
  report.essential = occupationSkills.filter((r) => r.essential).length;
  report.skillSkills = skillSkills.length;
  report.broader = broader.length;
}
