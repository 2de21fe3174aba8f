// Opens the HTML brief of the example (`crosscheck brief --format html`) in
// headless Chromium: it renders with its pictures, every citation link has
// its target, following one highlights the cited sentence (CSS :target), and
// every SVG mark has a text alternative. Saves a screenshot.
// Usage: node brief_page.mjs BRIEF_HTML   (env: CHROMIUM, SCREENSHOT_DIR)
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const file = path.resolve(process.argv[2]);
const shots = process.env.SCREENSHOT_DIR || '.';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push('request failed: ' + r.url()));
  await page.goto(pathToFileURL(file).href);
  assert.equal(await page.locator('section.story').count(), 1, 'one story');
  assert.ok(await page.locator('h3', { hasText: 'Disputed' }).count() >= 1, 'a disputed section');
  const svgs = await page.locator('figure.picture svg').count();
  assert.ok(svgs >= 2, `pictures drawn (${svgs})`);
  // Every citation (text or picture mark) resolves to an element.
  const dangling = await page.evaluate(() => {
    const missing = [];
    for (const a of document.querySelectorAll('a[href^="#"]')) {
      const id = decodeURIComponent(a.getAttribute('href').slice(1));
      if (!document.getElementById(id)) missing.push(id);
    }
    return missing;
  });
  assert.deepEqual(dangling, [], 'dangling citations');
  // Every picture mark has a title (its text alternative).
  const untitled = await page.evaluate(() =>
    [...document.querySelectorAll('svg .cc-mark')].filter((m) => !m.querySelector('title')).length);
  assert.equal(untitled, 0, 'marks without a title');
  // Following a citation shows the cited sentence highlighted.
  const cite = page.locator('ul.claims a.cite').first();
  const target = (await cite.getAttribute('href')).slice(1);
  await cite.click();
  // The jump to the anchor may land after the click returns.
  await page.waitForFunction((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return location.hash === '#' + id && r.bottom > 0 && r.top < window.innerHeight;
  }, target, { timeout: 5000 });
  const highlighted = await page.evaluate((id) => {
    const el = document.getElementById(id);
    const style = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return { bg: style.backgroundColor, visible: r.bottom > 0 && r.top < window.innerHeight };
  }, target);
  assert.notEqual(highlighted.bg, 'rgba(0, 0, 0, 0)', 'the cited sentence is highlighted');
  assert.ok(highlighted.visible, 'the cited sentence is scrolled into view');
  assert.deepEqual(errors, [], 'page errors');
  await page.goto(pathToFileURL(file).href);
  await page.screenshot({ path: path.join(shots, 'brief-example.png'), fullPage: false });
  console.log('ok   brief page: renders, ' + svgs + ' pictures, citations resolve, highlight works');
} finally {
  await browser.close();
}
