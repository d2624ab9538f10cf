// What buildApp and the command line use from imports: the module, the service the CLI drives,
// its progress bar, the recovery of imports a stop interrupted and the retention purge.
export { createImportsModule, registerImportsRoutes, type ImportsModule } from './imports.module.js';
export { createImportService, type ImportService } from './imports.service.js';
export type { ImportScope } from './imports.types.js';
export { createProgressPrinter } from './progress-bar.js';
export { failInterruptedImports } from './import-recovery.js';
export { purgeExpiredImports } from './import-retention.js';
export { canImportWorkers } from './imports.policy.js';
// The reading pieces other domains' file imports reuse (the training catalogue): file rows by
// bytes (CSV or XLSX), cell text, header normalisation and closeness, Italian dates.
export { cellText, readRows, type Cell } from './file-reader.js';
export { normaliseHeader, similarity } from './header-mapping.js';
export { parseItalianDate } from './values.js';
