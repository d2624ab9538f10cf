import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../../db/database.js';
import { chunks } from '../import/bulk-insert.js';
import { createImportRepository, type NewComune, type NewLabel } from '../import/import.repository.js';
import { normaliseLabel } from '../normalise.js';
import { searchableBatchesChanged } from '../searchable-batches.js';
import { ateco2007Set, ateco2025Set, cp2011Set, educationSet } from './istat-sets.js';
import { ccnlSet, comuniSet, countriesSet, eqfSet, languagesSet, nationalitiesSet } from './place-and-contract-sets.js';
import { REFERENCE_DIR, type ReferenceConcept, type ReferenceSet } from './reference-set.js';

/**
 * Loads the small reference sets (comuni, CP2011, ATECO, education titles, EQF, Europass lists,
 * CCNL) as part of migrating a database, so every database — and every test database copied from
 * a migrated template — has them. Each set is reloaded only when its files (or the way they are
 * read, LOADER_VERSION) changed, in one transaction, so a re-run costs a checksum per set.
 */

export const REFERENCE_SETS: readonly ReferenceSet[] = [
  comuniSet,
  cp2011Set,
  ateco2025Set,
  ateco2007Set,
  educationSet,
  eqfSet,
  countriesSet,
  nationalitiesSet,
  languagesSet,
  ccnlSet,
];

// Bump when the rows built from unchanged files change (a new label, another detail).
const LOADER_VERSION = '1';

export interface ReferenceLoadReport {
  source: string;
  version: string;
  status: 'loaded' | 'unchanged';
  concepts: number;
}

export async function loadReferenceData(
  database: Database,
  options: { dir?: string; sets?: readonly ReferenceSet[]; clock?: () => Date } = {},
): Promise<ReferenceLoadReport[]> {
  const dir = options.dir ?? REFERENCE_DIR;
  const clock = options.clock ?? (() => new Date());
  const repo = createImportRepository();
  const reports: ReferenceLoadReport[] = [];
  for (const set of options.sets ?? REFERENCE_SETS) {
    const files = new Map<string, Buffer>();
    const hash = createHash('sha256').update(LOADER_VERSION);
    for (const name of set.files) {
      const bytes = await readFile(join(dir, name));
      files.set(name, bytes);
      hash.update(name).update(bytes);
    }
    const checksum = hash.digest('hex');
    const release = await repo.findRelease(database.db, set.source, set.version);
    const active = release && (await repo.activeBatch(database.db, release.id, 'reference'));
    if (active && active.checksum === checksum) {
      reports.push({ source: set.source, version: set.version, status: 'unchanged', concepts: active.row_count });
      continue;
    }
    // Parsed before the transaction opens: a broken file fails the migration without writing.
    const concepts = await set.read(files);
    await database.db.transaction().execute(async (trx) => {
      const { id: releaseId } = await repo.ensureRelease(trx, set.source, set.version);
      await repo.deleteConcepts(trx, releaseId);
      const batchId = await repo.startBatch(trx, releaseId, 'reference', checksum);
      for (const part of chunks(concepts)) {
        await repo.insertConcepts(
          trx,
          releaseId,
          batchId,
          part.map((c) => ({ kind: c.kind, code: c.code, uri: null, parentCode: c.parentCode ?? null, attributes: c.attributes ?? {} })),
        );
      }
      const ids = await repo.conceptIds(trx, releaseId);
      const idOf = (c: ReferenceConcept) => ids.get(`${c.kind}:${c.code}`)!;
      for (const part of chunks(labelRows(set, concepts, idOf))) await repo.insertLabels(trx, batchId, part);
      const descriptions = concepts.flatMap((c) => (c.descriptions ?? []).map((d) => ({ conceptId: idOf(c), lang: d.lang, text: d.text })));
      for (const part of chunks(descriptions, 2_000)) await repo.insertDescriptions(trx, batchId, part);
      const comuni: NewComune[] = concepts.flatMap((c) => (c.comune ? [{ conceptId: idOf(c), ...c.comune }] : []));
      for (const part of chunks(comuni)) await repo.insertComuni(trx, part);
      await repo.activateBatch(trx, batchId, concepts.length, clock());
      await repo.makeCurrent(trx, releaseId, set.source);
    });
    searchableBatchesChanged();
    reports.push({ source: set.source, version: set.version, status: 'loaded', concepts: concepts.length });
  }
  const changed = [
    ...new Set(
      (options.sets ?? REFERENCE_SETS)
        .filter((s) => reports.some((r) => r.source === s.source && r.status === 'loaded'))
        .map((s) => s.searchGroup),
    ),
  ];
  if (changed.length > 0) {
    // Once per group, not per set: ATECO 2025 and 2007 share the sectors' word list.
    await database.db.transaction().execute((trx) => repo.refreshWords(trx, changed));
    await repo.analyse(database.db);
  }
  return reports;
}

/** One row per distinct normalised label of a concept (the best type wins), plus its code. */
function labelRows(set: ReferenceSet, concepts: readonly ReferenceConcept[], idOf: (c: ReferenceConcept) => number): NewLabel[] {
  const rows: NewLabel[] = [];
  for (const concept of concepts) {
    const conceptId = idOf(concept);
    const seen = new Set<string>();
    const ordered = [...concept.labels].sort((a, b) => (a.type === b.type ? 0 : a.type === 'preferred' ? -1 : 1));
    for (const label of ordered) {
      const norm = normaliseLabel(label.label);
      const key = `${label.lang}:${norm}`;
      if (!norm || seen.has(key)) continue;
      seen.add(key);
      rows.push({ conceptId, searchGroup: set.searchGroup, lang: label.lang, type: label.type, label: label.label, norm });
    }
    if (set.codeSearchable) {
      // 'zxx' (ISO 639-2: no linguistic content): a code reads the same in every language.
      rows.push({
        conceptId,
        searchGroup: set.searchGroup,
        lang: 'zxx',
        type: 'code',
        label: concept.code,
        norm: normaliseLabel(concept.code),
      });
      const cadastral = concept.comune?.cadastralCode;
      if (cadastral)
        rows.push({
          conceptId,
          searchGroup: set.searchGroup,
          lang: 'zxx',
          type: 'code',
          label: cadastral,
          norm: normaliseLabel(cadastral),
        });
    }
  }
  return rows;
}
