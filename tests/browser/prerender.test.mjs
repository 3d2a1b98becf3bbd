// Static first: every route is prerendered by the components the app runs.
// Without JavaScript each page is readable and passes axe; with it, the app
// takes over without changing the text, shifting the layout, showing a
// loading state, or losing focus, scroll position or a deep link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openPage, axeViolations, live, screenshot, prerendered, ROOT } from './lib.mjs';

const DIST = join(ROOT, 'dist');
const NBSP = '\u00a0';

const ROUTES = [...prerendered().sort(), '/sidan-finns-inte'];

// What a reader without JavaScript must find: [route, selector, text it contains]
const CONTENT = [
  ['/plan/2025', '.document p', 'Kommunförbundet Kalmar län är en samverkansplattform för kommunerna i Kalmar län'],
  ['/plan/2025', '.toc-wide a', 'Stöd och service LSS'],
  ['/plan/2025', '.document .commitment .badge', 'Åtagande'],
  ['/plan/2025/budget', '.budget-tables td', `34${NBSP}946`],
  ['/plan/2025/budget', '.chart svg', `20${NBSP}000`],
  ['/rapport/2023', '.section-figures .card-value', '34'],
  ['/rapport/2023', '.toc-wide a', 'Unga, utbildning och etablering'],
  ['/uppfoljning', '.topic-list a', 'Ungas uppväxt'],
  ['/uppfoljning/ungas-uppvaxt', '.followup-col h2', 'Resultat 2023'],
  ['/uppfoljning/av-media', '.chart .data-table', 'Utfall'],
  ['/statistik/andts', '.stat-table th[scope=row]', 'Riket'],
  ['/statistik/andts', '.stat-figure p.source', 'Källa'],
  ['/statistik/lupp', '.stat-table th[scope=row]', 'Kalmar län'],
  ['/statistik/lupp', '.example-banner', 'Exempeldata – inte verkliga resultat'],
  ['/statistik/av-play', '.stat-table th[scope=row]', 'Kalmar län'],
  ['/statistik/av-play', '.cards .card-value', '%'],
  ['/kommun/kalmar', 'h1', 'Kalmar kommun'],
  ['/embed/andts', '.chart-summary', 'Riket'],
  ['/sok', 'noscript, .notice', 'Sökningen behöver JavaScript'],
  ['/om-data', 'dl', 'CAN'],
  ['/sidan-finns-inte', 'h1', 'Sidan finns inte'],
];

let site, browser;
before(async () => { site = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

const normalise = text => text.replaceAll('\u00ad', '').replace(/\s+/g, ' ').trim();

test('every route with a finite set of parameters is prerendered', () => {
  for (const route of ['/', '/plan/2025', '/plan/2025/budget', '/rapport/2023', '/uppfoljning', '/uppfoljning/ungas-uppvaxt',
    '/statistik/andts', '/statistik/lupp', '/statistik/av-play', '/kommun', '/kommun/kalmar', '/kommun/0880', '/kommun/morbylanga',
    '/embed/andts', '/embed/lupp', '/embed/av-play', '/embed/av-media-2023', '/embed/rapport-2023-nyckeltal', '/embed/uppfoljning-etablering', '/embed/kommun-kalmar', '/sok', '/om-data', '/tillganglighet']) {
    assert.ok(ROUTES.includes(route), `${route} is prerendered`);
  }
  const [pair, ...older] = JSON.parse(readFileSync(join(DIST, 'data/uppfoljning.json'), 'utf8')).pairs;
  assert.deepEqual([pair.path, older.length], ['/uppfoljning', 0], 'one pair, the newest, at the short address');
  for (const t of pair.topics) assert.ok(ROUTES.includes(`/uppfoljning/${t.id}`), `topic ${t.id}`);
  // /plan and /rapport are the current documents; the earlier budget embed ids stay.
  for (const route of ['/plan', '/rapport', '/embed/budget-intakter', '/embed/budget-2025-intakter']) assert.ok(ROUTES.includes(route), route);
  assert.equal(ROUTES.filter(r => r.startsWith('/kommun/')).length, 24, 'each municipality by name and by code');
  assert.ok(statSync(join(DIST, '404.html')).isFile());
});

/**
 * axe on the page as a browser without JavaScript renders it. axe itself needs
 * timers, which a context with JavaScript off does not run: so the scripts are
 * held back instead, and each <noscript> is unwrapped as such a browser shows it.
 */
async function axeWithoutScripts(route) {
  const page = await openPage(browser);
  await page.route(/\.(js|wasm)$/, r => r.abort());
  await page.goto(site.origin + route, { live: false });
  await page.evaluate(() => {
    for (const n of document.querySelectorAll('noscript')) {
      const shown = document.createElement('div');
      shown.innerHTML = n.textContent;
      n.replaceWith(shown);
    }
  });
  // In the light theme and in the dark one, which the stylesheet alone gives.
  const violations = await axeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  violations.push(...(await axeViolations(page)).map(v => `dark: ${v}`));
  await page.close();
  return violations;
}

test('without JavaScript every prerendered route has its content, one h1 and one main, and no axe violations in light or dark', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const route of ROUTES) {
    const response = await page.goto(site.origin + route);
    assert.equal(response.status(), route === '/sidan-finns-inte' ? 404 : 200, route);
    assert.equal(await page.locator('h1').count(), 1, `${route}: one h1`);
    assert.equal(await page.locator('main').count(), 1, `${route}: one main`);
    assert.equal(await page.locator('.loading, [role="alert"]').count(), 0, `${route}: no loading state or error`);
    assert.ok(normalise(await page.locator('main').innerText()).length > 40, `${route}: main has text`);
    for (const [, selector, text] of CONTENT.filter(([r]) => r === route)) {
      const texts = (await page.locator(selector).allInnerTexts()).concat(await page.locator(selector).allTextContents());
      assert.ok(texts.some(t => t?.includes(text)), `${route}: ${selector} shows "${text}"`);
    }
    assert.deepEqual(await axeWithoutScripts(route), [], `${route}: axe`);
  }
  // As a reader without JavaScript sees them, at both widths (target/screenshots/utan-js-*).
  for (const [route, name] of [['/plan/2025', 'plan-2025'], ['/statistik/andts', 'statistik-andts'], ['/sok', 'sok'], ['/plan/2025/budget', 'budget']]) {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(site.origin + route);
      await screenshot(page, `utan-js-${name}-${width}`);
    }
  }
  await context.close();
});

test('each page has its own title, description and Open Graph tags, and no canonical link without a configured URL', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const titles = new Set();
  for (const route of ROUTES) {
    await page.goto(site.origin + route);
    const title = await page.title();
    const meta = name => page.locator(`meta[name="${name}"], meta[property="${name}"]`).getAttribute('content');
    const description = await meta('description');
    assert.match(title, / – Kommunförbundet Kalmar län$/, route);
    assert.ok(description.length > 30, `${route}: description "${description}"`);
    assert.equal(await meta('og:description'), description, route);
    assert.equal(`${await meta('og:title')} – Kommunförbundet Kalmar län`, title, route);
    assert.equal(await page.locator('link[rel="canonical"]').count(), 0, route);
    const lead = page.locator('main .lead').first();
    if (await lead.count()) assert.equal(normalise(await lead.innerText()), description, `${route}: the description is the lead text`);
    if (!route.startsWith('/kommun/') && !route.startsWith('/embed/')) titles.add(title);
  }
  assert.ok(titles.size >= 20, `distinct titles: ${titles.size}`);
  await page.goto(site.origin + '/embed/andts');
  assert.equal(await page.locator('meta[name="robots"]').getAttribute('content'), 'noindex', 'embeds repeat other pages');
  // No public URL configured: no sitemap (its URLs would be guessed).
  assert.equal(readFileSync(join(DIST, 'robots.txt'), 'utf8'), 'User-agent: *\nAllow: /\n');
  assert.throws(() => statSync(join(DIST, 'sitemap.xml')));
  await context.close();
});

test('without JavaScript links are plain links: the menu, the contents and the header search', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.origin + '/');
  await page.getByRole('link', { name: 'Verksamhetsberättelse 2023', exact: true }).first().click();
  await page.waitForURL(/\/rapport\/2023$/);
  assert.equal(normalise(await page.locator('h1').innerText()), 'Verksamhetsberättelse 2023');
  await page.locator('.toc-wide a', { hasText: 'Unga, utbildning och etablering' }).first().click();
  await page.waitForURL(/\/rapport\/2023#unga-utbildning-och-etablering$/);
  assert.ok(await page.evaluate(() => document.getElementById('unga-utbildning-och-etablering').getBoundingClientRect().top < innerHeight));
  await page.locator('#sok-sidhuvud').fill('lupp');
  await page.locator('#sok-sidhuvud').press('Enter');
  await page.waitForURL(/\/sok\?q=lupp$/);
  assert.match(await page.locator('main').innerText(), /Sökningen behöver JavaScript/);
  await context.close();
});

/** The main text of the prerendered page as shown before the app runs (JavaScript on, the wasm held back). */
async function prerenderedText(route, width) {
  const page = await openPage(browser, { width, height: 800 });
  await page.route(/\.wasm$/, r => r.abort());
  await page.goto(site.origin + route, { live: false });
  const text = normalise(await page.locator('main').innerText());
  await page.close();
  return text;
}

/** Two frames: what the last change laid out has been painted and reported (layout shifts included). */
const painted = page => page.evaluate(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))));

/** Loads the route with the app; returns the cumulative layout shift up to the first paints after the takeover, and the page. */
async function takeOver(route, width) {
  const page = await openPage(browser, { width, height: 800 });
  await page.addInitScript(() => {
    globalThis.__cls = 0;
    globalThis.__loadingSeen = false;
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) globalThis.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    new MutationObserver(() => {
      if (document.querySelector('.loading')) globalThis.__loadingSeen = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(site.origin + route);
  await live(page);
  // Nothing is still on its way that could move the page later: no request, then two painted frames.
  await page.waitForLoadState('networkidle');
  await painted(page);
  const [cls, loadingSeen] = await page.evaluate(() => [globalThis.__cls, globalThis.__loadingSeen]);
  return { page, cls, loadingSeen };
}

test('one renderer: the app takes over each route with the same text, no loading state, no shift, one h1 and one main', async () => {
  const shifts = [];
  for (const route of ROUTES) {
    for (const width of [1280, 360]) {
      const before = await prerenderedText(route, width);
      const { page, cls, loadingSeen } = await takeOver(route, width);
      // innerText leaves out what is not rendered: a long document's chapters off screen
      // are skipped in the app (content-visibility) until they near the view, so render them all.
      await page.evaluate(() => document.querySelectorAll('.doc-section').forEach(s => { s.style.contentVisibility = 'visible'; }));
      const after = normalise(await page.locator('main').innerText());
      assert.equal(after, before, `${route} at ${width} px: the app shows the prerendered text`);
      assert.equal(loadingSeen, false, `${route} at ${width} px: no loading state`);
      assert.ok(cls <= 0.02, `${route} at ${width} px: cumulative layout shift ${cls.toFixed(4)} > 0.02`);
      assert.equal(await page.locator('h1').count(), 1, `${route}: one h1 after takeover`);
      assert.equal(await page.locator('main').count(), 1, `${route}: one main after takeover`);
      assert.deepEqual(page.errors, [], route);
      shifts.push(cls);
      await page.close();
    }
  }
  console.log(`layout shift over ${shifts.length} loads: max ${Math.max(...shifts).toFixed(4)}`);
});

/** Opens `route` with the wasm held back until `release()`. */
async function withHeldWasm(route, options) {
  const page = await openPage(browser, options);
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
