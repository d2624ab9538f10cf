import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The browser tier's one Chromium: every test file connects to it instead of launching its own. */
    chromiumEndpoint: string;
  }
}

/** Debian's Chromium, with what a test run has no use for turned off. */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/**
 * Launches Chromium once for the whole browser tier. Each file still gets browser contexts of its
 * own (no cookies, storage or cache shared between files), and closing its connection closes them;
 * only the browser process, whose launch and first page cost every file about half a second, is
 * shared.
 */
export default async function setup(project: TestProject) {
  const server = await chromium.launchServer(CHROMIUM_LAUNCH);
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
