import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { createAuditRepository, createAuditService } from '../server/audit/index.js';
import { migrate } from '../server/db/migrate.js';
import { DomainError } from '../server/http/problem.js';
import type { ImportJob } from '../shared/schemas/imports.schema.js';
import { createImportService, createProgressPrinter, type ImportScope } from '../server/imports/index.js';
import { allOffices } from '../server/organisation/index.js';
import { openConfiguredDatabase } from '../server/runtime.js';
import { configFrom, dataDirOption, databaseUrlOption } from './options.js';

const SHOWN_ERRORS = 20;

/**
 * `ricolloca import workers <file>`: the same upload → dry run → apply as the web page, for lists
 * too large to upload or for scheduled runs. Exit codes: 0 done (or the file was already applied:
 * nothing to do), 1 row errors or a file that cannot be read (nothing written).
 */
export function importCommand() {
  const command = new Command('import').description('bulk imports');
  command
    .command('workers')
    .description('import a list of eligible workers (CSV or XLSX): dry run, then apply all rows or none')
    .argument('<file>', 'the CSV or XLSX file')
    .addOption(new Option('--office <code>', 'office the new workers are assigned to, e.g. CPI-MO (required when there are several)'))
    .option('--dry-run', 'only check the file and report, write nothing', false)
    .option('--create-companies', 'create the companies the file names that are not known yet', false)
    .option('--valid-only', 'import the valid rows and leave out the refused ones (default: all rows or none)', false)
    .addOption(
      new Option('--refused-rows <file>', 'write the refused rows with an error column to this file (.csv or .xlsx), to send back'),
    )
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .action(
      async (
        file: string,
        opts: {
          office?: string;
          dryRun: boolean;
          createCompanies: boolean;
          validOnly: boolean;
          refusedRows?: string;
          dataDir?: string;
          databaseUrl?: string;
        },
      ) => {
        const bytes = readFileSync(file);
        const config = configFrom(opts);
        const database = await openConfiguredDatabase(config);
        const printer = createProgressPrinter(process.stdout);
        try {
          await migrate(database);
          // New workers belong to one office: with several offices it must be named, never guessed.
          const offices = await allOffices(database.db);
          const office = opts.office
            ? offices.find((o) => o.code === opts.office!.toUpperCase())
            : offices.length === 1
              ? offices[0]
              : undefined;
          if (!office) {
            if (opts.office) throw new Error(`Unknown office code: ${opts.office}`);
            throw new Error(
              offices.length
                ? `Choose the office with --office (${offices.map((o) => o.code).join(', ')})`
                : 'No office exists: run seed-demo or create one first',
            );
          }
          const audit = createAuditService({ db: database.db, repository: createAuditRepository() });
          const service = createImportService({
            db: database.db,
            kind: database.kind,
            audit,
            clock: () => new Date(),
            onProgress: (_id, p) => printer.update(p),
          });
          // The command line acts for the operator of the server: any office of the network may be the target.
          const scope: ImportScope = { networkId: office.networkId, officeId: office.id, userId: null, acrossNetwork: true };
          const ctx = { actor: null, requestId: `cli-${randomUUID()}`, ip: '' };

          console.log(`Importazione di ${basename(file)} nella sede ${office.code} (${office.name})`);
          let job: ImportJob;
          try {
            job = await service.upload(ctx, scope, { fileName: basename(file), bytes });
          } catch (err) {
            if (err instanceof DomainError && err.code === 'IMPORT_ALREADY_APPLIED') {
              console.log(err.text.it);
              return;
            }
            throw err;
          }
          const mapped = Object.entries(job.mapping).map(([i, f]) => `${job.columns[Number(i)]?.header} → ${f}`);
          console.log(`Colonne associate: ${mapped.join('; ')}`);
          job = await service.dryRun(ctx, scope, job.id, { createCompanies: opts.createCompanies });
          printer.end();
          if (job.status === 'failed') throw new Error(job.error ?? 'import failed');
          const c = job.counts;
          console.log(
            `Verifica: ${job.totalRows} righe — ${c.new} nuovi, ${c.update} da aggiornare, ${c.unchanged} invariati, ${c.error} con errori` +
              (c.companiesToCreate ? `, ${c.companiesToCreate} aziende da creare` : ''),
          );
          if (job.warnings.missingCigsEnd)
            console.log('Attenzione: nessuna colonna dà la data di fine CIGS (il programma ordina per questa data).');
          if (job.warnings.unmappedColumns.length) console.log(`Colonne non importate: ${job.warnings.unmappedColumns.join('; ')}`);
          if (c.error > 0) {
            // A file-wide problem is said once, and its rows are not listed one by one.
            for (const notice of job.notices) console.log(`  ${notice.message}`);
            const summarised = new Set(job.notices.map((n) => n.code));
            const rows = await service.rows(ctx, scope, job.id, { outcome: 'error', page: 1, pageSize: 200 });
            const own = rows.items.filter((row) => row.errors.some((e) => !summarised.has(e.code)));
            for (const row of own.slice(0, SHOWN_ERRORS))
              console.log(`  riga ${row.rowNumber} (${row.label}): ${row.errors.map((e) => e.message).join(' ')}`);
            if (own.length > SHOWN_ERRORS) console.log(`  … e altre righe con errori`);
            if (opts.refusedRows) {
              const refused = await service.refusedRows(
                ctx,
                scope,
                job.id,
                opts.refusedRows.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv',
              );
              writeFileSync(opts.refusedRows, refused.bytes);
              console.log(`Righe rifiutate scritte in ${opts.refusedRows}`);
            }
            if (!opts.validOnly) {
              console.log('Nessun dato è stato scritto: correggere il file e ripetere l’importazione, oppure usare --valid-only.');
              process.exitCode = 1;
              return;
            }
          }
          if (opts.dryRun) {
            console.log('Prova senza salvare (--dry-run): nessun dato è stato scritto.');
            return;
          }
          job = await service.apply(ctx, scope, job.id, { validOnly: opts.validOnly });
          printer.end();
          console.log(
            `Importazione completata: ${job.counts.new} lavoratori creati, ${job.counts.update} aggiornati, ${job.counts.unchanged} invariati` +
              (job.counts.error ? `, ${job.counts.error} righe rifiutate.` : '.'),
          );
        } catch (err) {
          printer.end();
          if (err instanceof DomainError) throw new Error(err.text.it, { cause: err });
          throw err;
        } finally {
          await database.close();
        }
      },
    );
  return command;
}
