// What buildApp and `serve` use from setup: the module and its routes, and the one-time link
// `serve` issues at the first start of a real installation.
export { createSetupModule, registerSetupRoutes, type SetupModule } from './setup.module.js';
export { createSetupLink, SETUP_PAGE_PATH, type SetupLink } from './setup-link.js';
// The command line's way to the same beginning (`ricolloca create-user --network …`).
export { createInstallation, findComuneByName, networkCodeOf, type NewInstallation } from './installation.js';
