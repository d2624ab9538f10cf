// `npm start`: builds the web app if its sources changed, then runs `ricolloca serve` through the
// `ricolloca` command (which rebuilds the server bundle when needed): it listens at once, then
// migrates, loads reference data and, on a first start, the demo data.
import { ensureWebBuild } from './web-build.mjs';

ensureWebBuild();
process.argv.splice(2, 0, 'serve');
await import('../bin/ricolloca.mjs');
