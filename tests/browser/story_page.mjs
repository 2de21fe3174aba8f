// Drives the crosscheck web page in headless Chromium (playwright-core):
// load the story list, search, open the example story, click a citation and
// see the cited sentence highlighted in its document; then the document page
// and an entity page. Saves screenshots of the list and the story.
// Usage: node story_page.mjs BASE_URL   (env: CHROMIUM, SCREENSHOT_DIR)
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const base = process.argv[2].replace(/\/$/, '');
const shots = process.env.SCREENSHOT_DIR || '.';
const exampleDoc = '000_9c69864088f3bb14.txt';

async function api(url) {
  const res = await fetch(base + url);
  assert.equal(res.status, 200, url);
  return res.json();
}

const results = [];
async function step(name, fn) {
  const start = Date.now();
  try {
    await fn();
    results.push([name, true]);
    console.log(`ok   ${name} (${Date.now() - start} ms)`);
  } catch (e) {
    results.push([name, false]);
    console.log(`FAIL ${name}: ${e.stack || e}`);
    throw e;
  }
}

const example = await api('/api/documents/' + encodeURIComponent(exampleDoc) + '?analysis=false');
assert.ok(example.story, 'the example document has a story');
const storyId = example.story.id;
const storyTitle = example.story.title;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await step('loads the story list', async () => {
    await page.goto(base + '/');
    await page.waitForSelector('ol.stories li.story-item');
    assert.ok(await page.locator('li.story-item').count() >= 1);
    await page.screenshot({ path: path.join(shots, 'screenshot-list.png') });
  });

  await step('searches and finds the example story', async () => {
    await page.fill('#search input', 'Chechnya gay');
    await page.press('#search input', 'Enter');
    await page.waitForURL(/\?q=Chechnya/);
    const link = page.locator(`a.story-link[href="/story/${storyId}"]`);
    await link.waitFor();
    assert.equal((await link.textContent()).trim(), storyTitle);
    await page.screenshot({ path: path.join(shots, 'screenshot-search.png') });
  });

  let cited = null;
  await step('opens the story and its brief', async () => {
    await page.click(`a.story-link[href="/story/${storyId}"]`);
    await page.waitForSelector('section.story h2');
    assert.equal((await page.textContent('section.story h2')).trim(), storyTitle);
    const cite = page.locator('section.story a.cite').first();
    await cite.waitFor();
    const title = await cite.getAttribute('title');
    const at = title.lastIndexOf(', sentence ');
    cited = { doc: title.slice(0, at), n: parseInt(title.slice(at + 11), 10) - 1 };
  });

  await step('clicks a citation and sees the sentence highlighted', async () => {
    await page.locator('section.story a.cite').first().click();
    const hl = page.locator('#pane .sentence.hl');
    await hl.waitFor({ state: 'visible' });
    const doc = await api('/api/documents/' + encodeURIComponent(cited.doc) + '?analysis=false');
    assert.equal((await hl.textContent()).trim(), doc.document.sentences[cited.n].text.trim());
    const box = await hl.boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 900, 'the highlighted sentence is scrolled into view');
    const background = await hl.evaluate((n) => getComputedStyle(n).backgroundColor);
    assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'the sentence has a highlight background');
    assert.match(page.url(), /#s-/);
    await page.screenshot({ path: path.join(shots, 'screenshot-story.png') });
  });

  await step('opens the document page at the cited sentence', async () => {
    await page.click('#pane a.open-doc');
    await page.waitForURL(/\/doc\//);
    const hl = page.locator('.doc-page .sentence.hl');
    await hl.waitFor({ state: 'visible' });
    const id = await hl.getAttribute('id');
    assert.equal('#' + id, new URL(page.url()).hash);
  });

  await step('opens an entity page', async () => {
    await page.goto(base + '/story/' + storyId);
    const chip = page.locator('section.story .entities a.chip').first();
    await chip.waitFor();
    const name = (await chip.textContent()).trim();
    await chip.click();
    await page.waitForSelector('.entity-view h1');
    assert.equal((await page.textContent('.entity-view h1')).trim(), name);
    await page.waitForSelector(`.entity-view a.story-link[href="/story/${storyId}"]`);
  });

  await step('reads on a phone', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(base + '/story/' + storyId);
    await phone.waitForSelector('section.story h2');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `no sideways scrolling (overflow ${overflow}px)`);
    await phone.locator('section.story a.cite').first().click();
    await phone.locator('#pane .sentence.hl').waitFor({ state: 'visible' });
    await phone.screenshot({ path: path.join(shots, 'screenshot-phone.png') });
    await phone.close();
  });

  assert.deepEqual(errors, [], 'no script errors');
} catch (e) {
  failed = true;
} finally {
  await browser.close();
}
const passed = results.filter((r) => r[1]).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(failed ? 1 : 0);
