import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { addDays, isoWeekday } from '../../src/shared/time/rome-date.js';
import { romeLocal } from '../../src/shared/time/rome-time.js';
import { buildCigsCase, networkOf } from '../factories/programmes.js';
import { buildWorker, insertWorkers, type WorkerSeed } from '../factories/workers.js';
import { consoleProblems, signInThroughForm, type BrowserHarness } from './browser-helpers.js';

/**
 * The set-up the agenda's and the workshops' browser tests share: workers of their own in an
 * office (each with a CIGS case), a demo account signed in through the form, and the console
 * check that lets through only the refusals a test provokes.
 */
/** `harness` and `officeId` are read when called: the test file sets them in its beforeAll. */
export function agendaKit(harness: () => BrowserHarness, officeId: () => string, firstSeq: number) {
  let seq = firstSeq;
  return {
    async worker(firstName: string, lastName: string, overrides: Partial<WorkerSeed> = {}) {
      const db = harness().t.database.db;
      const network = await networkOf(db, officeId());
      const { caseId } = await buildCigsCase(db, network, { reason: 'cessazione_attivita' });
      const [id] = await insertWorkers(db, [
        buildWorker({ officeId: officeId(), cigsCaseId: caseId, firstName, lastName, ...overrides }, seq++),
      ]);
      return id!;
    },

    async signedInPage(email: string, options: { width?: number; height?: number; locale?: string; password?: string } = {}) {
      const h = harness();
      const { page } = await h.newPage(options);
      await signInThroughForm(page, h.baseUrl, email, options.password ?? DEMO_PASSWORD);
      await page.getByRole('heading', { level: 1, name: options.locale?.startsWith('en') ? /^Hello/ : /^Buongiorno/ }).waitFor();
      return page;
    },
  };
}

/** No console error but the refusals a test provokes on purpose (the browser logs each failed request). */
export const noProblems = (page: Page, expected: number[] = []) =>
  expect(consoleProblems(page).filter((p) => ![401, ...expected].some((status) => p.includes(`status of ${status}`)))).toEqual([]);

/** A Tuesday to Thursday at least a week ahead, off the fixed national holidays (and Easter Monday, a Monday). */
export function workshopDay(aheadDays = 8): string {
  const holidays = ['01-01', '01-06', '01-31', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'];
  let day = addDays(romeLocal(new Date()).date, aheadDays);
  while (isoWeekday(day) < 2 || isoWeekday(day) > 4 || holidays.includes(day.slice(5))) day = addDays(day, 1);
  return day;
}
