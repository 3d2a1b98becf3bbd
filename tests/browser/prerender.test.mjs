// Static first: every route is prerendered by the components the app runs.
// Without JavaScript each page is readable, its headings skip no level, and it
// passes axe. (With JavaScript, the takeover: takeover.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openPage, axeViolations, screenshot, prerendered, distinctPages, each, ROOT } from './lib.mjs';

const DIST = join(ROOT, 'dist');
const NBSP = '\u00a0';

const ROUTES = [...prerendered().sort(), '/sidan-finns-inte'];
// Each page once, for the checks of what it holds (a municipality by code is its page by name).
const PAGES = [...distinctPages(), '/sidan-finns-inte'];

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

test('without JavaScript every prerendered page has its content, one h1 and one main, headings in order, and no axe violations in light or dark', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await each(PAGES, 2, async route => {
    const page = await context.newPage();
    const response = await page.goto(site.origin + route);
    assert.equal(response.status(), route === '/sidan-finns-inte' ? 404 : 200, route);
    assert.equal(await page.locator('h1').count(), 1, `${route}: one h1`);
    assert.equal(await page.locator('main').count(), 1, `${route}: one main`);
    assert.equal(await page.locator('.loading, [role="alert"]').count(), 0, `${route}: no loading state or error`);
    assert.ok(normalise(await page.locator('main').innerText()).length > 40, `${route}: main has text`);
    // Headings in order, none skipped (Lighthouse's heading-order): a screen reader's outline.
    const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll(hs => hs.map(h => Number(h.tagName[1])));
    const skips = levels.filter((level, i) => level > (levels[i - 1] ?? 0) + 1);
    assert.deepEqual(skips, [], `${route}: headings ${levels.join(' ')} skip a level`);
    for (const [, selector, text] of CONTENT.filter(([r]) => r === route)) {
      const texts = (await page.locator(selector).allInnerTexts()).concat(await page.locator(selector).allTextContents());
      assert.ok(texts.some(t => t?.includes(text)), `${route}: ${selector} shows "${text}"`);
    }
    assert.deepEqual(await axeWithoutScripts(route), [], `${route}: axe`);
    await page.close();
  });
  const page = await context.newPage();
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
