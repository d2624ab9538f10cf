#!/usr/bin/env node
// The `ricolloca` command: runs the server bundle (dist/server), rebuilt first when a source under
// src/ is newer than it, so the command always runs the current code and starts quickly.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureServerBuild, SERVER_BUNDLE } from '../scripts/server-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
await ensureServerBuild(root);
process.setSourceMapsEnabled(true);
await import(pathToFileURL(join(root, SERVER_BUNDLE)).href);
