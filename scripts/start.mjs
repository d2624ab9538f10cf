// `npm start`: builds the web app and the server bundle if their sources changed, then runs
// `ricolloca serve` from the bundle (it listens at once, then migrates, loads reference data and,
// on a first start, the demo data).
import { pathToFileURL } from 'node:url';
import { ensureServerBuild, SERVER_BUNDLE } from './server-build.mjs';
import { ensureWebBuild } from './web-build.mjs';

ensureWebBuild();
await ensureServerBuild();
process.argv.splice(2, 0, 'serve');
process.setSourceMapsEnabled(true);
await import(pathToFileURL(SERVER_BUNDLE).href);
