import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { createReadiness } from '../../src/server/http/readiness.js';
import { DEMO } from '../helpers/test-app.js';
import { expectAccessible, screenshot, signInThroughForm, startBrowserHarness, type BrowserHarness } from './browser-helpers.js';

let h: BrowserHarness;
const readiness = createReadiness();
beforeAll(async () => {
  h = await startBrowserHarness({ readiness });
});
afterAll(() => h.close());

describe('the first page while the server is still preparing its database', () => {
  it('says Ricolloca is starting, then lets the user sign in without reloading', async () => {
    const { page } = await h.newPage({ width: 360, height: 780 });
    await page.goto(`${h.baseUrl}/`);
    const notice = page.getByRole('status').filter({ hasText: 'Ricolloca si sta avviando' });
    await notice.waitFor();
    await expectAccessible(page, 'avvio');
    await screenshot(page, '00-avvio-in-corso-360');

    // Signing in too early gets the same plain explanation, not a technical error.
    await signInThroughForm(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD);
    await page
      .getByRole('alert')
      .getByText(/si sta avviando/)
      .waitFor();

    readiness.markReady();
    await notice.waitFor({ state: 'detached', timeout: 8000 });
    await signInThroughForm(page, h.baseUrl, DEMO.consultant, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Elena' }).waitFor();
    expect(page.url()).not.toContain('/accesso');
  });
});
