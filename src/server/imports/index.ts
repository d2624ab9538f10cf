// What buildApp and the command line use from imports: the module, the service the CLI drives,
// its progress bar, and the recovery of imports a stop interrupted.
export { createImportsModule, registerImportsRoutes, type ImportsModule } from './imports.module.js';
export { createImportService, type ImportScope } from './imports.service.js';
export { createProgressPrinter } from './progress-bar.js';
export { failInterruptedImports } from './import-recovery.js';
export { canImportWorkers } from './imports.policy.js';
