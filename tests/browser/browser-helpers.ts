import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import type { Readiness } from '../../src/server/http/readiness.js';
import { CHROMIUM_LAUNCH } from '../helpers/chromium-server.js';
import { buildWorker, insertWorkers, type WorkerSeed } from '../factories/workers.js';
import { createTestApp, DEMO, type TestApp } from '../helpers/test-app.js';

export const SCREENSHOT_DIR = resolve('test-results/screenshots');

export interface BrowserHarness {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  newPage(options?: { width?: number; height?: number; locale?: string }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** The real app on a real port with the built web app, driven by Debian's Chromium. */
export async function startBrowserHarness(options: { readiness?: Readiness; demo?: boolean } = {}): Promise<BrowserHarness> {
  const t = await createTestApp({
    webDir: resolve('dist/web'),
    readiness: options.readiness,
    demo: options.demo,
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await connectChromium();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const contexts: BrowserContext[] = [];
  return {
    t,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
        locale: options.locale ?? 'it-IT',
        timezoneId: 'Europe/Rome',
      });
      context.setDefaultTimeout(10_000);
      contexts.push(context);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      (page as Page & { consoleProblems: string[] }).consoleProblems = problems;
      return { context, page };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await t.close();
    },
  };
}

/**
 * A connection to the tier's one Chromium (tests/helpers/chromium-server.ts); closing it closes the
 * contexts this file opened, not the browser. Launches one of the file's own when run without it.
 */
export async function connectChromium(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  return endpoint ? chromium.connect(endpoint) : chromium.launch(CHROMIUM_LAUNCH);
}

export function consoleProblems(page: Page): string[] {
  return (page as Page & { consoleProblems: string[] }).consoleProblems;
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** WCAG 2.1 AA scan of the current screen: no serious or critical violation allowed. */
export async function expectAccessible(page: Page, screen: string) {
  // label-content-name-mismatch (WCAG 2.5.3 Label in Name) is experimental in axe, so off unless asked for.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // Only the violations are read: axe gathers every node of them and skips the full node lists of
    // the passed, incomplete and inapplicable rules (about 15% of a scan's time).
    .options({ resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
  expect(blocking).toEqual([]);
}

export async function signInThroughForm(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/accesso`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
}

/** Signs in through the form, waits for the home's greeting (the session is set), then opens `path`. */
export async function signInAndOpen(page: Page, baseUrl: string, email: string, password: string, path: string) {
  await signInThroughForm(page, baseUrl, email, password);
  await page.getByRole('heading', { level: 1, name: /Buongiorno/ }).waitFor();
  await page.goto(`${baseUrl}${path}`);
}

export interface HarnessWithWorker {
  h: BrowserHarness;
  workerId: string;
  /** The office of the demo consultant, where the worker is. */
  office: { id: string; networkId: string };
}

/** The browser harness with one worker, made by the factories, in the demo consultant's office. */
export async function startHarnessWithWorker(worker: Partial<WorkerSeed>, index: number): Promise<HarnessWithWorker> {
  const h = await startBrowserHarness();
  const db = h.t.database.db;
  const office = await db
    .selectFrom('staff_roles')
    .innerJoin('staff_users', 'staff_users.id', 'staff_roles.user_id')
    .innerJoin('offices', 'offices.id', 'staff_roles.office_id')
    .select(['offices.id', 'offices.network_id'])
    .where('staff_users.email', '=', DEMO.consultant)
    .executeTakeFirstOrThrow();
  const [workerId] = (await insertWorkers(db, [buildWorker({ ...worker, officeId: office.id }, index)])) as [string];
  return { h, workerId, office: { id: office.id, networkId: office.network_id } };
}
