/**
 * A real browser for the explorer's tests: Debian's Chromium driven by playwright-core, with a
 * fresh profile and nothing that phones home, recording what a person would not want to see
 * (console errors, uncaught exceptions) and every request the pages make, so a test can check
 * that none left the machine.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { removeDir, ROOT, tempDir } from './api.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumPresent = existsSync(CHROMIUM);

/** Where the pages' screenshots go, for a person to look at (gitignored). */
export const SCREENSHOTS = path.join(ROOT, 'tests/browser/screenshots');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

export interface BrowserSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught exceptions, in order, with the page's address. */
  readonly problems: string[];
  /** Every URL requested (pages, scripts, workers, GraphQL, images...). */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function openBrowser(): Promise<BrowserSession> {
  const profile = await tempDir('meg-chromium-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const problems: string[] = [];
  const requests: string[] = [];
  const watched = new WeakSet<Page>();
  const watch = (page: Page) => {
    if (watched.has(page)) return;
    watched.add(page);
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught on ${page.url()}: ${error.message}`));
  };
  context.on('page', watch);
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page);
  await mkdir(SCREENSHOTS, { recursive: true });
  return {
    context,
    page,
    problems,
    requests,
    close: async () => {
      await context.close();
      await removeDir(profile);
    },
  };
}
