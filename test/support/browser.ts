/**
 * Debian's Chromium driven by playwright-core, for the browser tests of the registry's pages.
 * No browser is ever downloaded: it runs `/usr/bin/chromium` (from `scripts/install-test-deps.sh`)
 * headless, without sandbox, GPU, QUIC, sync, component updates or background networking, in a
 * fresh profile under the test's temp dir.
 */
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { newTempDir } from './temp-dir.js';

/** Where Debian installs Chromium. */
export const CHROMIUM = '/usr/bin/chromium';

/** The flags every test browser runs with. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** A running browser with one fresh profile. Close it with `close()`. */
export interface TestBrowser {
  readonly context: BrowserContext;
  /** Where downloads and the profile live. */
  readonly dir: string;
  close(): Promise<void>;
}

/**
 * Starts Chromium with a fresh `--user-data-dir` (playwright passes the profile directory as that
 * flag) and a 1200×800 viewport. `permissions` are granted to `origin` (e.g. clipboard access).
 */
export async function startBrowser(
  options: { origin?: string; permissions?: readonly string[] } = {},
): Promise<TestBrowser> {
  const dir = newTempDir('chromium');
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    viewport: { width: 1200, height: 800 },
    acceptDownloads: true,
    downloadsPath: join(dir, 'downloads'),
    timeout: 60_000,
  });
  if (options.origin !== undefined && options.permissions !== undefined) {
    await context.grantPermissions([...options.permissions], { origin: options.origin });
  }
  return { context, dir, close: () => context.close() };
}
