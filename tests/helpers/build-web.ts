// @ts-expect-error plain ESM script shared with `npm start`
import { ensureWebBuild } from '../../scripts/web-build.mjs';
// @ts-expect-error plain ESM script shared with `npm start`
import { ensureServerBuild } from '../../scripts/server-build.mjs';

/**
 * Browser tests run against the built web app, and the `npm start` test against the server
 * bundle: build them first (once, before any test file runs) when their sources changed.
 */
export default async function setup() {
  ensureWebBuild();
  await ensureServerBuild();
}
