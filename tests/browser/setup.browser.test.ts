import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/server/db/database.js';
import { DEMO_PASSWORD } from '../../src/server/demo/index.js';
import { createSetupLink } from '../../src/server/setup/index.js';
import { createTestDatabase } from '../helpers/test-database.js';
import { connectChromium, expectAccessible, screenshot, signInThroughForm } from './browser-helpers.js';

// A real installation's first start: no demo, no account, the one-time link printed by `serve`.
let database: Database;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let token: string;
beforeAll(async () => {
  database = await createTestDatabase();
  const link = createSetupLink();
  app = await buildApp({ database, logLevel: 'silent', webDir: resolve('dist/web'), setupLink: link, demo: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  token = link.issue();
  browser = await connectChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

describe('the first-access page', () => {
  it('creates the network, the first office and the administrator, who then signs in', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'it-IT', timezoneId: 'Europe/Rome' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();

    // Without the link's code the page says what is needed.
    await page.goto(`${baseUrl}/primo-accesso`);
    await page.getByText('serve il link completo').waitFor();

    await page.goto(`${baseUrl}/primo-accesso#${token}`);
    await page.getByRole('heading', { level: 1, name: 'Primo accesso' }).waitFor();
    await page.getByLabel('Nome della rete').fill('Provincia di Reggio Emilia');
    await page.getByLabel('Codice della sede').fill('CPI-RE');
    await page.getByLabel('Nome della sede').fill('Centro per l’impiego di Reggio Emilia');
    await page.getByLabel('Comune').fill("Reggio nell'Emilia");
    await page.getByLabel('Cognome e nome').fill('Barbieri Emanuele');
    await page.getByLabel('E-mail').fill('emanuele.barbieri@provincia.re.it');
    // The demo's published password is refused, beside the field.
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByLabel('Ripeti la password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Crea la rete e l’amministratore' }).click();
    const password = page.getByLabel(/^Password/);
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    await page
      .getByText(/password è pubblicata/)
      .first()
      .waitFor();
    await expectAccessible(page, 'primo accesso con errore');
    await screenshot(page, 'primo-accesso-360');

    await password.fill('Pioppi lungo il Crostolo 31');
    await page.getByLabel('Ripeti la password').fill('Pioppi lungo il Crostolo 31');
    await page.getByRole('button', { name: 'Crea la rete e l’amministratore' }).click();
    await page
      .getByText(/la sede CPI-RE sono pronte/)
      .waitFor()
      .catch(async (err: unknown) => {
        await screenshot(page, 'primo-accesso-fallito');
        throw err;
      });
    expect(page.url()).not.toContain(token);
    await expectAccessible(page, 'primo accesso completato');

    await signInThroughForm(page, baseUrl, 'emanuele.barbieri@provincia.re.it', 'Pioppi lungo il Crostolo 31');
    // Greeted by the whole name as written (surname first here), never by its first word alone.
    await page.getByRole('heading', { level: 1, name: 'Buongiorno, Barbieri Emanuele' }).waitFor();

    // The link has been used: opening it again says Ricolloca is already set up.
    await page.goto(`${baseUrl}/primo-accesso#${token}`);
    await page.getByRole('alert').getByText('Ricolloca è già configurato').waitFor();
    await context.close();
  });
});
