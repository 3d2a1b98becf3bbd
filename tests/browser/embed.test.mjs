// Embedding from a second origin: a host page on 127.0.0.2 pastes snippets
// copied out of the explorer's embed box; embed.js sizes each iframe to its
// content and accepts only its own embeds' messages of the one exact shape.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, axeViolations, live, focusBackOn, ROOT } from './lib.mjs';

let site, browser, host;
const pages = new Map();
before(async () => {
  site = await serve('dist');
  browser = await launch();
  // The association's (or a municipality's) own site, on another origin.
  host = createServer((req, res) => {
    const body = pages.get(new URL(req.url, 'http://x').pathname);
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? 'saknas');
  });
  await new Promise(ok => host.listen(0, '127.0.0.2', ok));
});
after(async () => { await browser?.close(); site?.close(); host?.close(); });
const hostUrl = path => `http://127.0.0.2:${host.address().port}${path}`;

/** The snippet the embed dialog holds for a chart: the explorer's, or a chart's by its id. */
async function snippetOf(route, key = 'statfigur') {
  const page = await openPage(browser);
  await page.goto(site.origin + route);
  const dialog = page.locator(`#${key}-inbaddning-dialog`);
  await page.locator('figure', { has: dialog }).getByRole('button', { name: 'Bädda in diagrammet' }).click();
  const code = await page.locator(`#${key}-inbaddning-kod`).inputValue();
  await page.close();
  return code;
}

/** An embed in its frame, once the app has taken over its prerendered page. */
const drawn = frame => frame.locator('html[data-app="live"] .chart-svg svg').first().waitFor();
const heights = page => page.locator('iframe').evaluateAll(fs => fs.map(f => Number(f.getAttribute('height'))));
/** Polls `check` until it holds: a condition, never a fixed wait. */
async function until(check, what) {
  for (const started = Date.now(); Date.now() - started < 10000;) {
    if (await check()) return;
    await new Promise(ok => setTimeout(ok, 25));
  }
  throw new Error(`gave up waiting: ${what}`);
}
const contentHeights = page => Promise.all(page.frames().slice(1).map(f => f.evaluate(() => Math.ceil(document.getElementById('main').getBoundingClientRect().height))));
const clamp = h => Math.max(150, Math.min(4000, h));
/** Each iframe as tall as its embed's content (embed.js has applied the embed's message). */
const settle = page => until(async () => {
  const [given, wanted] = [await heights(page), await contentHeights(page)];
  return given.every((h, i) => h === clamp(wanted[i]));
}, 'the iframes fitted to their content');

test('two snippets from the embed dialog, an explorer view and a budget chart, pasted on another origin, render and size themselves', async () => {
  const andts = await snippetOf('/statistik/andts?omrade=0880,08,00');
  const budget = await snippetOf('/plan/2025/budget', 'diagram-budget-2025-intakter');
  for (const code of [andts, budget]) {
    assert.match(code, new RegExp(`^<iframe src="${site.origin}/embed/(andts\\?[^"]+|budget-2025-intakter)" title="[^"]+" width="100%" height="\\d+" loading="lazy" style="border:0"></iframe>\\n<script src="${site.origin}/embed\\.js" async></script>$`), code);
  }
  assert.match(andts, /title="Druckit alkohol senaste 12 månaderna, gy 2, [^"]+"/);
  assert.match(budget, /title="Intäkternas fördelning 2025 \(tkr\)"/);
  pages.set('/', `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Värdsida</title></head><body><h1>Värdsida</h1>${andts}<p>Mellan diagrammen.</p>${budget}</body></html>`);
  const page = await browser.newPage({ viewport: { width: 900, height: 4000 } });
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  await page.goto(hostUrl('/'));
  const frames = page.frameLocator('iframe');
  await drawn(frames.first());
  await drawn(frames.nth(1));
  assert.match(await frames.first().locator('h1').textContent(), /Druckit alkohol/);
  assert.match(await frames.nth(1).locator('h1').textContent(), /Intäkternas fördelning/);
  // Each iframe as tall as its own content, independently of the other.
  await settle(page);
  for (const f of page.frames().slice(1)) {
    assert.ok(await f.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no horizontal scrolling');
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('embed.js accepts only its own embeds\' messages of the exact shape, and clamps the height', async () => {
  const code = await snippetOf('/statistik/andts');
  pages.set('/ett', `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Värdsida</title></head><body>${code}</body></html>`);
  const page = await browser.newPage({ viewport: { width: 700, height: 3000 } });
  await page.goto(hostUrl('/ett'));
  await drawn(page.frameLocator('iframe'));
  await settle(page);
  const [fitted] = await heights(page);
  const embed = page.frames()[1];
  // Every height the iframe is given, in order; messages are handled in the order they are sent.
  await page.evaluate(() => {
    window.given = [];
    const frame = document.querySelector('iframe');
    new MutationObserver(() => window.given.push(Number(frame.getAttribute('height')))).observe(frame, { attributes: true, attributeFilter: ['height'] });
  });
  const post = (frame, data) => frame.evaluate(d => parent.postMessage(d, '*'), data);
  const sizedTo = height => page.waitForFunction(h => window.given.at(-1) === h, height);
  // From the host page itself (another origin, not the iframe): ignored.
  await page.evaluate(() => window.postMessage({ type: 'kfkl-embed:height', height: 321 }, '*'));
  // From the embed, but not of the shape: ignored; nothing in a message is run.
  for (const bad of [{ type: 'kfkl-embed:height', height: '321' }, { type: 'kfkl-embed:height', height: 321.5 }, { type: 'kfkl-embed:height', height: 321, extra: 1 },
    { type: 'annat', height: 321 }, 'kfkl-embed:height 321', { type: 'kfkl-embed:height', height: 'alert(1)' }]) {
    await post(embed, bad);
  }
  // The right shape: taken, within a sane range. None of the messages before it was.
  await post(embed, { type: 'kfkl-embed:height', height: 999999 });
  await sizedTo(4000);
  await post(embed, { type: 'kfkl-embed:height', height: 3 });
  await sizedTo(150);
  assert.deepEqual(await page.evaluate(() => window.given), [4000, 150], `only the right shape sized the iframe (it fitted ${fitted})`);
  await page.close();
});

test('without embed.js the iframe keeps the snippet\'s height and scrolls inside', async () => {
  const code = (await snippetOf('/statistik/andts')).split('\n')[0];
  const snippetHeight = Number(code.match(/height="(\d+)"/)[1]);
  pages.set('/utan', `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Värdsida</title></head><body>${code}</body></html>`);
  const page = await browser.newPage({ viewport: { width: 700, height: 3000 } });
  await page.addInitScript(() => { window.heard = []; addEventListener('message', e => window.heard.push(e.data)); });
  await page.goto(hostUrl('/utan'));
  await drawn(page.frameLocator('iframe'));
  // The embed has said how tall it is; with no embed.js on the page, nobody listened.
  await page.waitForFunction(() => window.heard.some(d => d && d.type === 'kfkl-embed:height'));
  assert.deepEqual(await heights(page), [snippetHeight]);
  await page.close();
});

test('the embed dialog: keyboard, live options, copy with a confirmation or a selection, focus back on close', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  const page = await context.newPage();
  await page.goto(site.origin + '/statistik/andts?omrade=0880,08,00');
  await page.locator('html[data-app="live"] .stat-svg svg').waitFor();
  const opener = page.getByRole('button', { name: 'Bädda in diagrammet' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Bädda in diagrammet' });
  await dialog.waitFor();
  const code = () => page.locator('#statfigur-inbaddning-kod').inputValue();
  assert.match(await code(), /\/embed\/andts\?omrade=0880,08,00"/);
  await page.getByLabel('Tabellen under diagrammet').check();
  assert.match(await code(), /\/embed\/andts\?omrade=0880,08,00&amp;tabell=1"/);
  await page.getByLabel('Utan rubrik (när sidan har en egen)').check();
  assert.match(await code(), /tabell=1&amp;rubrik=0"/);
  // The preview shows the options: the table, and the title only for screen readers.
  const preview = page.frameLocator('.embed-preview');
  // The frame loads once per option changed: wait for the one with both.
  await preview.locator('html[data-app="live"] h1.visually-hidden').waitFor();
  assert.ok(await preview.locator('.stat-table').isVisible());
  assert.deepEqual(await axeViolations(page), []);
  // The site's Permissions-Policy lets it write to the clipboard, not read it: the test notes what was written.
  await page.evaluate(() => { const write = navigator.clipboard.writeText.bind(navigator.clipboard); navigator.clipboard.writeText = t => { window.copied = t; return write(t); }; });
  await page.getByRole('button', { name: 'Kopiera koden' }).click();
  await page.getByRole('status').filter({ hasText: 'Kopierat' }).waitFor();
  assert.equal(await page.evaluate(() => window.copied), await code());
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await focusBackOn(page, 'Bädda in diagrammet');
  // Without the clipboard: the code is selected for Ctrl+C, and the dialog says so.
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error('nej')); });
  await opener.click();
  await page.getByRole('button', { name: 'Kopiera koden' }).click();
  await page.getByRole('status').filter({ hasText: 'Ctrl+C' }).waitFor();
  assert.equal(await page.evaluate(() => { const t = document.getElementById('statfigur-inbaddning-kod'); return t.value.slice(t.selectionStart, t.selectionEnd); }), await code());
  await page.getByRole('button', { name: 'Stäng' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await context.close();
});

test('an embed shows title, chart, summary and source; the table and the title as its URL says', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/embed/andts?omrade=0880,08');
  await page.locator('.stat-svg svg').waitFor();
  assert.ok(await page.locator('h1:not(.visually-hidden)').isVisible());
  assert.ok(await page.locator('.chart-summary').isVisible() && await page.locator('p.source').isVisible());
  assert.equal(await page.locator('.stat-table').isVisible(), false, 'no table unless asked');
  await page.goto(site.origin + '/embed/andts?omrade=0880,08&tabell=1&rubrik=0');
  await page.locator('.stat-svg svg').waitFor();
  assert.ok(await page.locator('.stat-table').isVisible());
  assert.equal(await page.locator('h1.visually-hidden').count(), 1, 'the title stays for screen readers');
  await page.goto(site.origin + '/embed/andts?omrade=0880,08&tabell=ja&rubrik=kanske');
  await page.locator('.stat-svg svg').waitFor();
  assert.equal(await page.locator('.stat-table').isVisible(), false, 'unknown values fall back');
  assert.ok(await page.locator('h1:not(.visually-hidden)').isVisible());
  for (const width of [280, 1200]) {
    await page.setViewportSize({ width, height: 900 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `no horizontal scrolling at ${width} px`);
  }
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** Every chart's embed as its "Bädda in" dialog names it, with the title it has on the page and whether its data are example data. */
async function embedsOn(page, route) {
  await page.goto(site.origin + route);
  await live(page);
  const found = [];
  const figures = page.locator('figure:has(.figure-tools)');
  for (let i = 0; i < await figures.count(); i++) {
    const figure = figures.nth(i);
    // A report's card keeps its tools behind a disclosure; a dialog is built when first opened.
    if (await figure.locator('details.figure-tools').count()) await figure.locator('details.figure-tools > summary').click();
    await figure.getByRole('button', { name: 'Bädda in diagrammet' }).click();
    // The dialog opens a frame after it is built: Escape before then would close nothing.
    const open = figure.locator('.embed-dialog[open]');
    await open.waitFor();
    const code = await figure.locator('.embed-dialog textarea').inputValue();
    // Closed once its preview has started, as a reader looks at it: a frame removed while it
    // fetches the app logs a failed fetch ("Fetch API cannot load"), which CI once caught.
    await figure.frameLocator('.embed-preview').locator('html[data-app="live"]').waitFor();
    await page.keyboard.press('Escape');
    await open.waitFor({ state: 'detached' });
    found.push({
      src: code.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&'),
      title: (await figure.locator(':scope > .figure-title > :is(h2, h3)').textContent()).trim(),
      example: await page.locator('.example-banner').count() > 0,
    });
  }
  return found;
}

// The file each kind of embed draws from, and only that.
const dataOf = path => {
  const id = new URL(path).pathname.split('/').pop();
  if (id.startsWith('budget-')) return ['plan-2025-personal.json', 'plan-2025-tabeller.json'];
  if (['andts', 'lupp', 'av-play'].includes(id)) return [`statistik-${id}.json`];
  // A topic of the newest follow-up pair (report 2023) is in its report year's file.
  if (id.startsWith('uppfoljning-')) return [id.replace('uppfoljning-', 'uppfoljning-2023-') + '.json'];
  return [`${id}.json`];
};

test('every chart of the site has its embed: title, chart, source, banner where example data, a link to the full view, only its own data, at 280 to 1200 px', async () => {
  const page = await openPage(browser);
  const embeds = [];
  for (const route of ['/plan/2025/budget', '/statistik/av-play', '/statistik/lupp?omrade=0880,08', '/uppfoljning/etablering', '/uppfoljning/av-media', '/kommun/kalmar']) {
    const found = await embedsOn(page, route);
    assert.ok(found.length >= 1, `${route}: a Bädda in dialog beside each chart`);
    embeds.push(...found);
  }
  assert.equal(embeds.filter(e => e.src.includes('/embed/budget-')).length, 4, 'the four budget charts');
  assert.equal(embeds.filter(e => e.src.includes('/embed/kommun-kalmar')).length, 22, 'every card of the report');
  assert.ok(embeds.some(e => e.src.includes('/embed/uppfoljning-etablering')) && embeds.some(e => e.src.includes('/embed/av-play')));
  const kinds = new Set();
  for (const { src, title, example } of embeds) {
    // Each kind once at both widths; every card and chart for its title and its data.
    const kind = new URL(src).pathname.replace(/-.*$/, '');
    const requests = [];
    const listen = r => { if (r.url().includes('/data/')) requests.push(r.url().split('/data/')[1]); };
    page.on('request', listen);
    await page.goto(src);
    await live(page);
    page.off('request', listen);
    assert.deepEqual([...new Set(requests)].sort(), dataOf(src), `${src} loads only its data`);
    assert.equal((await page.locator('h1').textContent()).trim().startsWith(title.replace(/ – .*$/, '')), true, `${src}: "${title}"`);
    assert.equal(await page.locator('header, footer, nav').count(), 0, src);
    assert.ok(await page.locator('.chart-svg svg').first().isVisible() && await page.locator('p.source').isVisible(), src);
    assert.equal(await page.locator('.embed-link a').getAttribute('target'), '_top', src);
    assert.match(await page.locator('.embed-link a').textContent(), /\S{3,} \S{3,}/, `${src}: the link says where it leads`);
    assert.equal(await page.locator('.example-banner').isVisible(), example, `${src}: the banner where the data are example data`);
    assert.equal(await page.locator('.data-table').isVisible(), false, `${src}: the table only when asked`);
    if (!kinds.has(kind)) {
      kinds.add(kind);
      for (const width of [280, 1200]) {
        await page.setViewportSize({ width, height: 900 });
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${src}: no horizontal scrolling at ${width} px`);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  }
  await page.goto(site.origin + '/embed/budget-intakter?tabell=1');
  await page.locator('.chart-svg svg').waitFor();
  assert.ok(await page.locator('.data-table').isVisible());
  // Embeds pasted before the budget charts' ids named their year answer with the 2025 charts.
  for (const [old, title] of [['budget-omraden', /verksamhetsområdena 2025/], ['budget-2024-2025', /2024 och 2025/], ['budget-intakter', /Intäkternas fördelning 2025/], ['budget-personal', /Årsarbetare per verksamhetsområde 2025/]]) {
    await page.goto(`${site.origin}/embed/${old}`);
    await live(page);
    assert.match(await page.locator('h1').textContent(), title, old);
  }
  await page.goto(site.origin + '/embed/kommun-kalmar?indikator=finns-inte&arskurs=ak9');
  await live(page);
  assert.match(await page.locator('h1').textContent(), /, åk 9: Kalmar$/, 'an unknown card falls back to the first');
  for (const path of ['/embed/budget-finns-inte', '/embed/finns-inte']) {
    await page.goto(site.origin + path);
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').textContent(), /Det finns inget diagram med namnet/);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('embed.js is small and has no dependencies', async () => {
  const js = await readFile(join(ROOT, 'dist/embed.js'), 'utf8');
  assert.ok(Buffer.byteLength(js) < 2048, `${Buffer.byteLength(js)} bytes`);
  assert.doesNotMatch(js, /\b(import|require|eval|Function|innerHTML)\b/);
});

test('an embedded card cites exactly the sources of the values it shows', async () => {
  const page = await openPage(browser);
  const report = JSON.parse(await readFile(join(ROOT, 'dist/data/kommun-kalmar.json'), 'utf8'));
  for (const k of report.surveys.flatMap(s => s.indicators).filter((_, i) => i % 5 === 0)) {
    const grade = k.grade.replace('å', 'a').replace(/[^a-z0-9]/gi, '');
    await page.goto(site.origin + `/embed/kommun-kalmar?indikator=${k.id}&arskurs=${grade}`);
    await live(page);
    const cited = (await page.locator('p.source').first().textContent()).replaceAll('\u00a0', ' ').trim();
    assert.equal(cited, `Källa: ${k.sources.join('; ')}.`, `${k.id} ${k.grade}`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});
