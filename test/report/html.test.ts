/**
 * The HTML report: one self-contained offline file. Static checks here, and a render in headless
 * Chromium (Debian's `chromium`, driven by playwright-core) with a screenshot written to a temp dir.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esc, htmlReporter } from '../../src/report/html.js';
import { summarise } from '../../src/report/json.js';
import { buildFixture, emptyResult, RULES } from './fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('html report (static)', () => {
  const { result } = buildFixture();
  const html = htmlReporter.render(result, RULES);

  it('is one file with no external resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|@import|url\(/i);
    expect(html).not.toMatch(/\b(?:src|href|action)\s*=/i);
    // The only absolute URL is the SVG namespace name, which is never fetched.
    expect(html.match(/https?:\/\/[^\s"'<>]+/g)?.filter((u) => u !== 'http://www.w3.org/2000/svg') ?? []).toEqual([]);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
  });

  it('escapes everything that comes from the scanned repository', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('SEC-42 &#60;b&#62;');
    expect(esc(`"'<>&\``)).toBe('&#34;&#39;&#60;&#62;&#38;&#96;');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('renders an empty result', () => {
    const empty = htmlReporter.render(emptyResult(), RULES);
    expect(empty).toContain('No findings.');
    expect(empty).toContain('No keys, algorithms or credentials found.');
  });
});

// Chromium is a test prerequisite (scripts/test.sh installs it): a missing browser fails, never skips.
it('has Debian chromium to render the report in', () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} (apt-get install chromium)`).toBe(true);
});

describe('html report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    dir = await mkdtemp(join(tmpdir(), 'keyhygiene-html-'));
  });
  afterAll(async () => {
    await browser?.close();
    if (dir && !process.env.KEYHYGIENE_KEEP_SCREENSHOT) await rm(dir, { recursive: true, force: true });
  });

  it('renders charts whose counts match, filters the table, makes no request and logs no error', async () => {
    const { result } = buildFixture();
    const file = join(dir, 'report.html');
    await writeFile(file, htmlReporter.render(result, RULES));
    const url = pathToFileURL(file).href;

    const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    await page.goto(url, { waitUntil: 'load' });

    const s = summarise(result);
    // Charts: three SVGs, and the severity bars carry the same counts as the summary tiles.
    expect(await page.locator('figure.chart svg').count()).toBe(3);
    const sevBars = await page
      .locator('#chart-severity g.bar')
      .evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-label'), Number(g.getAttribute('data-count'))]));
    expect(Object.fromEntries(sevBars)).toEqual(s.bySeverity);
    const catTotal = await page
      .locator('#chart-category g.bar')
      .evaluateAll((gs) => gs.reduce((n, g) => n + Number(g.getAttribute('data-count')), 0));
    expect(catTotal).toBe(s.active);
    const dirBars = await page
      .locator('#chart-directory g.bar')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-label')));
    expect(dirBars).toEqual(expect.arrayContaining(['src/aws', 'src/services', 'src/auth', 'old']));
    expect(Number(await page.locator('[data-testid=total] b').textContent())).toBe(s.active);
    expect(Number(await page.locator('[data-testid=count-critical] b').textContent())).toBe(s.bySeverity.critical);
    // Each bar is drawn with a real width.
    const widths = await page
      .locator('#chart-severity rect')
      .evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('width'))));
    expect(widths.every((w) => w >= 2)).toBe(true);

    // Table and filters: suppressed rows are hidden until asked for.
    const visible = (): Promise<number> => page.locator('tr.finding:visible').count();
    expect(await page.locator('tr.finding').count()).toBe(result.findings.length);
    expect(await visible()).toBe(s.active);
    expect(await page.locator('#shown').textContent()).toBe(String(s.active));
    await page.selectOption('#f-severity', 'critical');
    expect(await visible()).toBe(s.bySeverity.critical);
    await page.selectOption('#f-severity', '');
    await page.check('#f-suppressed');
    expect(await visible()).toBe(result.findings.length);
    await page.selectOption('#f-category', 'unsafe-deletion');
    expect(await visible()).toBe(1);
    await page.selectOption('#f-category', '');
    await page.fill('#f-text', 'src/aws');
    expect(await visible()).toBe(1);
    await page.fill('#f-text', '');

    // Inventory and the partial-scan notice.
    expect(await page.locator('tr.inventory').count()).toBe(result.inventory.length);
    expect(await page.locator('#skipped h2').textContent()).toBe('Partial scan: 3 files not scanned');

    // The injected markup stayed text.
    expect(await page.locator('script').count()).toBe(1);

    const png = join(dir, 'report.png');
    await page.screenshot({ path: png, fullPage: true });
    expect((await stat(png)).size).toBeGreaterThan(20_000);
    if (process.env.KEYHYGIENE_KEEP_SCREENSHOT) console.log(`screenshot: ${png}`);

    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
