import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../../db/database.js';
import { asBackgroundWork } from '../../db/steps.js';
import { REFERENCE_DIR } from '../reference/reference-set.js';
import { ESCO_SOURCE, importEsco, readEscoZips, type ImportProgress } from './esco-import.js';
import { createImportRepository } from './import.repository.js';

export interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export type EscoJobState = 'idle' | 'running' | 'done' | 'failed' | 'skipped';

export interface EscoFirstStartOptions {
  database: Database;
  log: Logger;
  /** The ESCO version the product is configured for (env ESCO_VERSION). */
  version: string;
  dir?: string;
}

/** The files shipped in data/reference/esco for a version. */
export function escoFiles(version: string, dir = join(REFERENCE_DIR, 'esco')) {
  return {
    classification: join(dir, `esco-${version}-classification-en-csv.zip`),
    relations: join(dir, `esco-${version}-relations-csv.zip`),
    iscoItalian: join(dir, `esco-${version}-isco-groups-it.csv`),
  };
}

/**
 * The full ESCO import takes seconds to a minute, so it does not hold up the start: the server
 * listens first, then this job loads the configured version if the database lacks it (and the
 * shipped Italian ISCO-08 group labels), logging its progress. Searches answer meanwhile with what
 * is loaded; the sources endpoint reports 'loading'.
 */
export function createEscoFirstStart(options: EscoFirstStartOptions) {
  const { database, log, version } = options;
  const files = escoFiles(version, options.dir);
  const controller = new AbortController();
  let state: EscoJobState = 'idle';
  let job: Promise<void> | undefined;

  const activeParts = () => createImportRepository().activeParts(database.db, ESCO_SOURCE, version);

  function progressLogger(what: string) {
    let lastPhase = '';
    let lastQuarter = -1;
    return (p: ImportProgress) => {
      const quarter = p.total > 0 ? Math.floor((4 * p.done) / p.total) : 0;
      if (p.phase === lastPhase && quarter === lastQuarter) return;
      lastPhase = p.phase;
      lastQuarter = quarter;
      log.info({ esco: version, phase: p.phase, done: p.done, total: p.total }, `ESCO ${version} ${what}: ${p.phase} ${p.done}/${p.total}`);
    };
  }

  async function run() {
    const parts = await activeParts();
    const hasClassification = [...parts].some((p) => p.startsWith('classification:'));
    if (hasClassification && parts.has('relations')) log.info({ esco: version }, `ESCO ${version} already loaded`);
    else {
      if (!existsSync(files.classification) || !existsSync(files.relations)) {
        state = 'skipped';
        log.warn({ esco: version, files }, `ESCO ${version} is not loaded and its files are missing: searches will lack ESCO`);
        return;
      }
      const started = Date.now();
      log.info({ esco: version }, `ESCO ${version} not loaded yet: importing in the background`);
      const report = await importEsco(database, {
        ...(await readEscoZips([files.classification, files.relations])),
        version,
        makeCurrent: 'if-none',
        onProgress: progressLogger('import'),
        signal: controller.signal,
        actorLabel: 'ricolloca serve (first start)',
      });
      log.info(
        { esco: version, report, ms: Date.now() - started },
        `ESCO ${version} loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    if (!parts.has('classification:it') && existsSync(files.iscoItalian)) {
      await importEsco(database, {
        version,
        classification: {
          name: 'ISCOGroups_it.csv',
          bundle: new Map([['ISCOGroups_it.csv', await readFile(files.iscoItalian)]]),
          partial: true,
        },
        makeCurrent: 'no',
        signal: controller.signal,
        actorLabel: 'ricolloca serve (first start)',
      });
      log.info({ esco: version }, `ESCO ${version}: Italian labels of the ISCO-08 groups loaded`);
    }
    state = 'done';
  }

  return {
    state: () => state,
    /** Starts the job once; later calls return the same promise. */
    start(): Promise<void> {
      job ??= (async () => {
        state = 'running';
        try {
          // On PGlite its statements wait behind the requests served meanwhile (pglite-dialect.ts).
          await asBackgroundWork(run);
        } catch (err) {
          state = 'failed';
          if (!controller.signal.aborted)
            log.error({ err, esco: version }, `ESCO ${version} import failed; the previous data is unchanged`);
        }
      })();
      return job;
    },
    /** Stops between two steps and waits, so the database is not closed under a running import. */
    async stop() {
      controller.abort();
      await job;
    },
  };
}

export type EscoFirstStart = ReturnType<typeof createEscoFirstStart>;
