// The takeover: the app takes over each prerendered page without changing the
// text, shifting the layout, showing a loading state, or losing focus, scroll
// position, typed text or a deep link. (prerender.test.mjs: the pages without it.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openPage, live, prerendered, each, ROOT } from './lib.mjs';

const DIST = join(ROOT, 'dist');
const ROUTES = [...prerendered().sort(), '/sidan-finns-inte'];

let site, browser;
before(async () => { site = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

const normalise = text => text.replaceAll('\u00ad', '').replace(/\s+/g, ' ').trim();

/** Two frames: what the last change laid out has been painted and reported (layout shifts included). */
const painted = page => page.evaluate(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))));

/**
 * Loads the route with the wasm held back, reads the main text of the
 * prerendered page as shown before the app runs, then lets the app take over.
 * Returns that text, the cumulative layout shift up to the first paints after
 * the takeover, whether a loading state was ever shown, and the page.
 */
async function takeOver(route, width) {
  const { page, release } = await withHeldWasm(route, { width, height: 800 }, () => {
    globalThis.__cls = 0;
    globalThis.__shifted = [];
    globalThis.__loadingSeen = false;
    // What moved, for the failure's message: a shift that shows only on a busy machine is found by its sources.
    const name = n => n ? `${n.nodeName.toLowerCase()}${n.id ? '#' + n.id : ''}${typeof n.className === 'string' && n.className ? '.' + n.className.split(' ')[0] : ''}` : '(removed)';
    const rect = r => `${Math.round(r.y)}+${Math.round(r.height)}`;
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        globalThis.__cls += e.value;
        globalThis.__shifted.push(`${e.value.toFixed(4)} at ${Math.round(e.startTime)} ms: ${e.sources.map(s => `${name(s.node)} ${rect(s.previousRect)} → ${rect(s.currentRect)}`).join(', ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new MutationObserver(() => {
      if (document.querySelector('.loading')) globalThis.__loadingSeen = true;
    }).observe(document, { childList: true, subtree: true });
  });
  // Painted first: until its first frame the browser has not decided which cards off
  // screen to skip (content-visibility), and innerText leaves out every skipped one.
  await painted(page);
  const prerenderedText = normalise(await page.locator('main').innerText());
  const inFlight = new Set();
  page.on('request', r => inFlight.add(r));
  for (const done of ['requestfinished', 'requestfailed']) page.on(done, r => inFlight.delete(r));
  release();
  await live(page);
  // Nothing is still on its way that could move the page later: no request left
  // unanswered, then two painted frames (networkidle would add 500 ms to every load).
  while (inFlight.size > 0) await new Promise(done => page.once('requestfinished', done).once('requestfailed', done));
  await painted(page);
  const [cls, shifted, loadingSeen] = await page.evaluate(() => [globalThis.__cls, globalThis.__shifted, globalThis.__loadingSeen]);
  return { page, prerenderedText, cls, shifted, loadingSeen };
}

test('one renderer: the app takes over each route with the same text, no loading state, no shift, one h1 and one main', async () => {
  const shifts = [];
  await each(ROUTES.flatMap(route => [[route, 1280], [route, 360]]), 2, async ([route, width]) => {
    const { page, prerenderedText: before, cls, shifted, loadingSeen } = await takeOver(route, width);
    // innerText leaves out what is not rendered: a long document's chapters off screen
    // are skipped in the app (content-visibility) until they near the view, so render them all.
    await page.evaluate(() => document.querySelectorAll('.doc-section').forEach(s => { s.style.contentVisibility = 'visible'; }));
    const after = normalise(await page.locator('main').innerText());
    assert.equal(after, before, `${route} at ${width} px: the app shows the prerendered text`);
    assert.equal(loadingSeen, false, `${route} at ${width} px: no loading state`);
    assert.ok(cls <= 0.02, `${route} at ${width} px: cumulative layout shift ${cls.toFixed(4)} > 0.02 (y+height before → after: ${shifted.join('; ')})`);
    assert.equal(await page.locator('h1').count(), 1, `${route}: one h1 after takeover`);
    assert.equal(await page.locator('main').count(), 1, `${route}: one main after takeover`);
    assert.deepEqual(page.errors, [], route);
    shifts.push(cls);
    await page.close();
  });
  console.log(`layout shift over ${shifts.length} loads: max ${Math.max(...shifts).toFixed(4)}`);
});

/** Opens `route` with the wasm held back until `release()`; `init` runs in the page before its scripts. */
async function withHeldWasm(route, options, init) {
  const page = await openPage(browser, options);
  if (init) await page.addInitScript(init);
  let release;
  const held = new Promise(r => { release = r; });
  await page.route(/\.wasm$/, async r => { await held; await r.continue(); });
  await page.goto(site.origin + route, { live: false });
  return { page, release };
}

test('scroll position, focus, typed text and an opened contents list survive the takeover', async () => {
  const { page, release } = await withHeldWasm('/plan/2025', { width: 360, height: 740 });
  await page.locator('.toc-narrow summary').click();
  // On a phone the search box is behind "Meny".
  await page.locator('.site-menu summary').click();
  await page.evaluate(() => window.scrollTo(0, 900));
  await page.locator('#sok-meny').focus();
  await page.keyboard.type('äldre');
  await page.evaluate(() => window.scrollTo(0, 900));
  release();
  await live(page);
  assert.equal(await page.evaluate(() => Math.round(scrollY)), 900, 'scroll position kept');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'sok-meny', 'focus kept');
  assert.equal(await page.locator('#sok-meny').inputValue(), 'äldre', 'typed text kept');
  assert.equal(await page.locator('.toc-narrow').evaluate(d => d.open), true, 'the opened contents list stays open');
  assert.equal(await page.locator('.site-menu').evaluate(d => d.open), true, 'the opened menu stays open');
  // And it is the app's: submitting searches inside the app.
  await page.keyboard.press('Enter');
  await page.locator('.search-hits').first().waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a deep link stays in view through the takeover, and the app does not jump back when the reader has scrolled on', async () => {
  const plan = JSON.parse(readFileSync(join(DIST, 'data/plan-2025.json'), 'utf8'));
  const id = plan.blocks.filter(b => b.type === 'commitment')[30].id;
  const { page, release } = await withHeldWasm(`/plan/2025#${id}`, { width: 1280, height: 800 });
  const top = () => page.evaluate(id => Math.round(document.getElementById(id).getBoundingClientRect().top), id);
  const before = await top();
  assert.ok(before >= -1 && before < 800, `the browser scrolled to the commitment (top ${before})`);
  release();
  await live(page);
  await painted(page);
  assert.ok(Math.abs(await top() - before) <= 1, 'still in the same place after the takeover');
  await page.close();

  const second = await withHeldWasm(`/rapport/2023#unga-utbildning-och-etablering`, { width: 1280, height: 800 });
  await second.page.evaluate(() => window.scrollBy(0, 1500));
  const scrolled = await second.page.evaluate(() => Math.round(scrollY));
  second.release();
  await live(second.page);
  await painted(second.page);
  assert.ok(Math.abs(await second.page.evaluate(() => Math.round(scrollY)) - scrolled) <= 1, 'the reader\'s own scrolling is kept');
  await second.page.close();
});

test('a permalink with a query shows the default view, titled as such, until the app draws its own', async () => {
  const route = '/statistik/andts?omrade=0880,08&fran=2023&till=2023';
  const { page, release } = await withHeldWasm(route, { width: 1280, height: 900 });
  const title = () => page.locator('#statfigur-rubrik').innerText();
  const defaultTitle = await title();
  assert.match(defaultTitle, /–/, 'the default view spans years, and its title says which');
  release();
  await live(page);
  await page.waitForFunction(t => document.querySelector('#statfigur-rubrik').innerText !== t, defaultTitle);
  assert.equal(await title(), 'Druckit alkohol senaste 12 månaderna, gy 2, 2023');
  assert.equal(await page.locator('.stat-table tbody tr').count(), 2);
  await page.close();
});

test('a trailing slash or index.html, as hosts answer, reaches the same page', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/plan/2025/index.html');
  assert.equal(new URL(page.url()).pathname, '/plan/2025');
  assert.equal(normalise(await page.locator('h1').innerText()), 'Verksamhetsplan och budget 2025');
  await page.goto(site.origin + '/statistik/lupp/');
  assert.equal(new URL(page.url()).pathname, '/statistik/lupp');
  assert.equal(normalise(await page.locator('h1').innerText()), 'LUPP – ungas levnadsvillkor');
  await page.locator('#kon-flickor').check();
  await page.waitForURL(/kon=flickor/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the controls only the app can serve are disabled in the page until the app has taken over', async () => {
  const { page, release } = await withHeldWasm('/statistik/andts', { width: 1280, height: 900 });
  for (const control of ['#indikator', '#omrade-0880', '#kon-flickor', '#indikator-sok']) {
    assert.equal(await page.locator(control).isDisabled(), true, `${control} before the app`);
  }
  release();
  await live(page);
  for (const control of ['#indikator', '#omrade-0880', '#kon-flickor', '#indikator-sok']) {
    assert.equal(await page.locator(control).isDisabled(), false, `${control} in the app`);
  }
  assert.equal(await page.locator('#sok-sidhuvud').isDisabled(), false, 'the header search works without the app');
  await page.goto(site.origin + '/plan/2025');
  assert.equal(await page.locator('#filter-omrade').isDisabled(), false);
  assert.deepEqual(page.errors, []);
  await page.close();
});
