// `npm start`: builds the web app if its sources changed, then runs `ricolloca serve`
// (migrations, demo data on first start, web app and API on one port).
import { register } from 'tsx/esm/api';
import { ensureWebBuild } from './web-build.mjs';

ensureWebBuild();
register();
process.argv.splice(2, 0, 'serve');
await import('../src/cli/main.ts');
