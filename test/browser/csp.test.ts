/**
 * The deployment's headers (issue 11, item 12): `vite preview` — the server every browser test
 * runs against — sends the full CSP of deploy/csp.ts, deploy/nginx.conf carries the same line, the
 * page's meta tag the same policy less frame-ancestors, and the app runs under it with no violation:
 * every screen, and a file read in the parsing worker.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CSP, META_CSP } from '../../deploy/csp';
import { SCREENS } from '../../src/app/route';
import { launchChromium } from './chromium';
import { deskStatus, settled, watch, type Watch } from './page';

let browser: Browser;
let page: Page;
let watched: Watch;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  watched = watch(page, inject('baseUrl'));
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('the CSP the app is served with', () => {
  it('vite preview sends the full policy and the companion headers', async () => {
    const response = await fetch(inject('baseUrl'));
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('deploy/nginx.conf sends the same policy in every block, and the meta tag the rest of it', () => {
    const conf = fs.readFileSync('deploy/nginx.conf', 'utf8');
    const policies = [...conf.matchAll(/add_header Content-Security-Policy "([^"]*)"/g)].map((m) => m[1]);
    expect(policies.length).toBeGreaterThan(0);
    for (const p of policies) expect(p).toBe(CSP);
    const html = fs.readFileSync(path.join('dist', 'index.html'), 'utf8');
    expect(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1]).toBe(META_CSP);
  });

  it('every screen and a file read in the worker run without a violation', async () => {
    for (const screen of SCREENS) {
      await page.goto(`${inject('baseUrl')}#/${screen.path}?year=2023`);
      await settled(page);
    }
    await page.goto(`${inject('baseUrl')}#/data?year=2023`);
    await settled(page);
    await page.setInputFiles('input[type=file]', path.join('test/fixtures/hostile', '企业名录.xlsx'));
    await deskStatus(page, 'ready');
    await page.click('button:text-is("放弃")');
    await deskStatus(page, 'idle');
    expect(
      await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
    ).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});
