// ESCO import timing: `npx tsx bench/taxonomy-import.bench.ts` (PGlite in memory; BENCH_PGLITE_DIR
// for PGlite on disk as `npm start` uses it; BENCH_DATABASE_URL=postgres://… adds PostgreSQL).
import { migrate } from '../src/server/db/migrate.js';
import { escoFiles } from '../src/server/taxonomy/import/esco-first-start.js';
import { importEsco, readEscoZips, type ImportProgress } from '../src/server/taxonomy/import/esco-import.js';
import { ms, openBenchDatabases } from './taxonomy-bench-db.js';

const files = escoFiles('v1.1.1');

for (const open of await openBenchDatabases()) {
  const bench = await open();
  try {
    let started = performance.now();
    const migration = await migrate(bench.database);
    const migrated = performance.now() - started;

    started = performance.now();
    const cpu = process.cpuUsage();
    const phases: Array<[string, number, number]> = [];
    let last = '';
    const onProgress = (p: ImportProgress) => {
      if (p.phase === last) return;
      const used = process.cpuUsage(cpu);
      phases.push([p.phase, performance.now() - started, (used.user + used.system) / 1000]);
      last = p.phase;
    };
    const bundles = await readEscoZips([files.classification, files.relations]);
    const read = performance.now() - started;
    const report = await importEsco(bench.database, { ...bundles, version: 'v1.1.1', onProgress });
    const total = performance.now() - started;
    const cpuUsed = process.cpuUsage(cpu);

    started = performance.now();
    await importEsco(bench.database, { ...bundles, version: 'v1.1.1' });
    const again = performance.now() - started;

    const os = await import('node:os');
    console.log(`\n${bench.label} (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs)`);
    console.log(`  migrate (schema + reference data, ${migration.data.length} sets loaded) ${ms(migrated)}`);
    console.log(`  ESCO v1.1.1 full import, both zips (read + parse + write)       ${ms(total)}`);
    console.log(`    CPU time of this process (on PGlite: all of the work)         ${ms((cpuUsed.user + cpuUsed.system) / 1000)}`);
    console.log(`    of which reading the two zips                                 ${ms(read)}`);
    for (const [phase, at, cpuAt] of phases) console.log(`    ${phase.padEnd(12)} reached at ${ms(at)}  (CPU ${ms(cpuAt)})`);
    console.log(`  re-import of the same zips (replaces, idempotent)               ${ms(again)}`);
    console.log(
      `  rows: ${report.concepts} concepts, ${report.labels} labels, ${report.descriptions} descriptions, ` +
        `${report.occupationSkills} occupation–skill relations (${report.essential} essential), ${report.skillSkills} skill–skill, ${report.broader} broader`,
    );
  } finally {
    await bench.dispose();
  }
}
