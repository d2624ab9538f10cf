// @ts-expect-error plain ESM script shared with `npm start`
import { ensureWebBuild } from '../../scripts/web-build.mjs';

/** Browser tests run against the built web app: build it first when its sources changed. */
export default function setup() {
  ensureWebBuild();
}
