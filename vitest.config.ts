import { configDefaults, defineConfig } from 'vitest/config';

// One runner for every tier. The database is PGlite unless DATABASE_URL points at a
// PostgreSQL server, in which case every test file gets its own fresh database there.
// Only the tiers that use a database pay for migrating one (tests/helpers/global-setup.ts):
// the unit tier runs pure logic and starts in a second.
const withDatabase = 'tests/helpers/global-setup.ts';

// The command-line tests run the real `ricolloca` binary as an operator does, on a PGlite data
// directory of their own (they set DATABASE_URL to ''), whatever database the run is for: on a
// PostgreSQL run they would repeat the PGlite run's test unchanged, so they run on PGlite runs only.
// (tests/structure.unit.test.ts checks that each one does blank DATABASE_URL.)
export const PGLITE_ONLY_E2E = [
  'src/cli/cli.e2e.test.ts',
  'src/cli/import.command.e2e.test.ts',
  'src/cli/outreach.command.e2e.test.ts',
  'src/server/taxonomy/import/import-esco-cli.e2e.test.ts',
];
const onPostgres = Boolean(process.env.DATABASE_URL);
// .ci/run's Node.js 24 pass sets NODE_RUNTIME_PASS=1: the e2e tier is then NODE_RUNTIME_E2E below.
const runtimePass = process.env.NODE_RUNTIME_PASS === '1';
// The end-to-end files whose outcome can depend on the Node.js version, run again under Node.js 24
// by .ci/run: the real binary's start-up and the command line (child processes, signals, the
// PGlite WebAssembly engine under that V8), argon2's native module (sign-in), sockets and the
// HTTP framework's own errors, SMTP, the import streams (CSV and XLSX parsing, the upload's
// multipart stream), text checks on NUL bytes and lone surrogates (V8's string handling), the
// PDFs and the fonts (pdfkit, pdf-lib, zlib) and the XML of the CV import. The other e2e files
// exercise the domains' rules through the same framework and the same engine and add no runtime
// surface; tests/structure.unit.test.ts checks that every file named here exists.
export const NODE_RUNTIME_E2E = [
  'tests/start.e2e.test.ts',
  'src/cli/cli.e2e.test.ts',
  'src/cli/import.command.e2e.test.ts',
  'src/server/config.e2e.test.ts',
  'src/server/auth/auth.routes.e2e.test.ts',
  'src/server/http/http.e2e.test.ts',
  'src/server/http/bad-input.e2e.test.ts',
  'src/server/appointments/notifications.e2e.test.ts',
  'src/server/outreach/campaign-transports.e2e.test.ts',
  'src/server/imports/imports.routes.e2e.test.ts',
  'src/server/cv/export/cv.routes.e2e.test.ts',
  'src/server/cv/import/cv-import.routes.e2e.test.ts',
];

export default defineConfig({
  test: {
    pool: 'forks',
    // Two files at a time: in a run, vitest's default is one worker fewer than the cores, which on
    // the 2-core CI machine ran every file one after the other and left a core idle whenever no
    // child process or database server was working. The browser tier (fileParallelism: false
    // below) still runs one file at a time, in a group of its own after the other tiers.
    maxWorkers: 2,
    // The job runner is not started by the apps the tests build: they drive runners of their own.
    env: { JOBS_RUNNER: 'off' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.unit.test.ts', 'tests/**/*.unit.test.ts'],
          // Unit tests hold no state between files: one process per worker imports the modules once
          // instead of once per file (the tier ran in a quarter of the time).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['src/**/*.integration.test.ts', 'tests/**/*.integration.test.ts'],
          globalSetup: [withDatabase],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: runtimePass ? NODE_RUNTIME_E2E : ['src/**/*.e2e.test.ts', 'tests/**/*.e2e.test.ts'],
          exclude: [...configDefaults.exclude, ...(onPostgres ? PGLITE_ONLY_E2E : [])],
          globalSetup: [withDatabase, 'tests/helpers/build-web.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.browser.test.ts'],
          globalSetup: [withDatabase, 'tests/helpers/build-web.ts', 'tests/helpers/chromium-server.ts'],
          testTimeout: 60_000,
          // A page answers a click through a request and a render: give expect.poll the same 10 s a
          // Playwright locator waits, not vitest's default second, which a loaded machine overruns.
          expect: { poll: { timeout: 10_000 } },
          // One Chromium at a time on a 2-core machine keeps the timings honest (.ci/run runs the
          // other tiers beside this one).
          fileParallelism: false,
          // The files share nothing at module level (each builds its own app, database and browser
          // contexts): one process imports Playwright and the server's modules once, not per file.
          isolate: false,
          // A group of its own, after the other tiers' (vitest runs a project with other worker
          // settings only in a group of its own).
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
