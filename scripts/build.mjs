// Builds what `npm start` serves: the web app (Vite) and the server bundle (esbuild), each only
// when its sources changed. Run by `npm ci` (prepare), so the first `npm start` starts at once.
import { ensureServerBuild } from './server-build.mjs';
import { ensureWebBuild } from './web-build.mjs';

ensureWebBuild();
await ensureServerBuild();
