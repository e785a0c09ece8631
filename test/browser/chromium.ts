/** Debian's Chromium through playwright-core, with the flags this offline machine needs. */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Playwright's own default (30 s for a click, a wait, a navigation) is a fixed time that a busy
 * machine overruns: the suite failed at load 20 on two cores. Every page waits on conditions; this
 * is only the limit after which a wait counts as hung.
 */
export const WAIT_LIMIT_MS = 180_000;

export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  // newPage() opens its context through newContext(), so both get the limit.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(WAIT_LIMIT_MS);
    context.setDefaultNavigationTimeout(WAIT_LIMIT_MS);
    return context;
  };
  return browser;
}

/** A browser with a profile on disk: closing it and launching again on `dir` is a browser restart. */
export async function launchProfile(
  dir: string,
  viewport = { width: 1366, height: 900 },
): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport,
  });
  context.setDefaultTimeout(WAIT_LIMIT_MS);
  context.setDefaultNavigationTimeout(WAIT_LIMIT_MS);
  return context;
}
