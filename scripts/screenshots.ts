/**
 * Screenshots of every route at 1366×768 and 1920×1080 from a running build
 * (`npm run screenshots -- [baseUrl] [outDir] [route …]`), for looking at what we ship.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SCREENS } from '../src/app/route';
import { launchChromium } from '../test/browser/chromium';

const [base = 'http://127.0.0.1:4173/', out = 'scratch/shots', ...only] = process.argv.slice(2);
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

fs.mkdirSync(out, { recursive: true });
const browser = await launchChromium();
for (const size of SIZES) {
  const page = await browser.newPage({ viewport: size });
  page.on('console', (m) => m.type() === 'error' && console.log(`  console: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`  pageerror: ${String(e)}`));
  for (const screen of SCREENS) {
    const hash = only.find((o) => o.startsWith(screen.path)) ?? (only.length ? undefined : screen.path);
    if (!hash) continue;
    await page.goto(`${base}#/${hash}`);
    await page.waitForSelector('main', { timeout: 60_000 });
    await page
      .waitForFunction(
        () =>
          !!document.querySelector('main') &&
          !document.querySelector('[data-panel-status="loading"], [data-chart-status="drawing"]') &&
          !Array.from(document.querySelectorAll('.state')).some((e) => e.textContent?.startsWith('正在')),
        undefined,
        { timeout: 60_000 },
      )
      .catch(() => console.log(`  ${hash}: still loading after 60 s`));
    await page.waitForTimeout(400);
    const file = path.join(out, `${screen.path}-${size.width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await page.close();
}
await browser.close();
