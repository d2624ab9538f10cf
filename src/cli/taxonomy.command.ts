import { Command, Option } from 'commander';
import { migrate } from '../server/db/migrate.js';
import { DomainError } from '../server/http/problem.js';
import { describeDatabase, openConfiguredDatabase } from '../server/runtime.js';
import {
  DEFAULT_ESCO_VERSION,
  ESCO_LANGUAGES,
  createTaxonomyModule,
  importEsco,
  isEscoLanguage,
  readEscoZips,
  taxonomyErrors,
  type ImportProgress,
} from '../server/taxonomy/index.js';
import { configFrom, dataDirOption, databaseUrlOption } from './options.js';

/** Both languages of a domain error: the operator running the command may read either. */
function explain(err: unknown): never {
  if (err instanceof DomainError) throw new Error(`${err.text.it}\n${err.text.en}`);
  throw err;
}

/** One line that rewrites itself on a terminal, one line per phase in a log file. */
function progressLine() {
  const tty = process.stderr.isTTY;
  let lastPhase = '';
  return {
    update(p: ImportProgress) {
      const pct = p.total > 0 ? Math.round((100 * p.done) / p.total) : 0;
      const text = `ESCO import: ${p.phase.padEnd(12)} ${String(pct).padStart(3)}%  (${p.done.toLocaleString('it-IT')}/${p.total.toLocaleString('it-IT')})`;
      if (tty) process.stderr.write(`\r${text}`);
      else if (p.phase !== lastPhase) process.stderr.write(`${text}\n`);
      lastPhase = p.phase;
    },
    end() {
      if (tty) process.stderr.write('\n');
    },
  };
}

/** The official downloads are named esco-v1.1.1-classification-it-csv.zip: the version is in the name. */
export function versionFromFileName(path: string): string | undefined {
  return /esco-(v\d+(?:\.\d+)*)-/i.exec(path)?.[1]?.toLowerCase();
}

export function taxonomyCommand() {
  const command = new Command('taxonomy').description('reference data: ESCO import and the state of every data source');

  command
    .command('import-esco')
    .description(
      'import an official ESCO CSV download: a classification bundle of any language (labels) and/or the relations bundle; ' +
        'a language bundle for a version already loaded only adds its labels',
    )
    .argument('<zip>', 'an ESCO CSV zip as published (…-classification-<lang>-csv.zip or …-relations-csv.zip)')
    .addOption(new Option('--relations <zip>', 'the relations zip of the same version, imported in the same run'))
    .addOption(new Option('--lang <lang>', `language the classification zip must be in (${ESCO_LANGUAGES.join(', ')})`))
    // Not --version: commander gives the root program's -V/--version precedence anywhere on the line.
    .addOption(
      new Option(
        '--esco-version <version>',
        `ESCO version the files belong to (default: read from the file name, else ${DEFAULT_ESCO_VERSION})`,
      ),
    )
    .addOption(new Option('--keep-current', 'import beside the version searched now without switching to it'))
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .action(
      async (
        zip: string,
        opts: { relations?: string; lang?: string; escoVersion?: string; keepCurrent?: boolean; dataDir?: string; databaseUrl?: string },
      ) => {
        const version = opts.escoVersion ?? versionFromFileName(zip) ?? DEFAULT_ESCO_VERSION;
        // Bad arguments and unreadable zips are refused before the database is even opened.
        if (opts.lang !== undefined && !isEscoLanguage(opts.lang)) explain(taxonomyErrors.unknownLanguage(opts.lang, ESCO_LANGUAGES));
        const started = Date.now();
        const bundles = await readEscoZips(opts.relations ? [zip, opts.relations] : [zip]).catch(explain);
        const config = configFrom(opts);
        const database = await openConfiguredDatabase(config);
        const progress = progressLine();
        try {
          await migrate(database);
          const report = await importEsco(database, {
            ...bundles,
            version,
            lang: opts.lang,
            makeCurrent: opts.keepCurrent ? 'if-none' : 'yes',
            onProgress: (p) => progress.update(p),
            actorLabel: 'ricolloca taxonomy import-esco',
          }).catch(explain);
          progress.end();
          console.log(`Database: ${describeDatabase(config)}`);
          console.log(
            [
              `ESCO ${report.version}${report.lang ? ` (${report.lang})` : ''} imported in ${((Date.now() - started) / 1000).toFixed(1)} s:`,
              `  concepts created ${report.concepts}, labels ${report.labels}, descriptions ${report.descriptions}`,
              `  occupation–skill relations ${report.occupationSkills} (essential ${report.essential}), skill–skill ${report.skillSkills}, broader ${report.broader}`,
              report.skipped ? `  rows naming a concept this version lacks, skipped: ${report.skipped}` : '',
              `  searched version: ${report.current ? report.version : 'unchanged'}`,
            ]
              .filter(Boolean)
              .join('\n'),
          );
        } finally {
          progress.end();
          await database.close();
        }
      },
    );

  command
    .command('status')
    .description('list the reference data sources with version, rows and load state')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .action(async (opts: { dataDir?: string; databaseUrl?: string }) => {
      const config = configFrom(opts);
      const database = await openConfiguredDatabase(config);
      try {
        await migrate(database);
        // The module without its first-start job: this command only reports.
        const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
        const { sources } = createTaxonomyModule({ database, log: quiet, env: { ESCO_AUTO_IMPORT: 'false' } });
        for (const s of await sources.list()) {
          const languages = s.languages?.length ? ` [${s.languages.join(', ')}]` : '';
          console.log(`${s.status.padEnd(8)} ${s.id.padEnd(24)} ${s.version.padEnd(18)} ${String(s.rows).padStart(7)} rows${languages}`);
        }
      } finally {
        await database.close();
      }
    });

  return command;
}
