// Measures the built site in dist/: sizes with the compression a static host
// would apply, and timings in headless Chromium. Prints a table; asserts nothing.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { serve, launch, ROOT } from '../tests/browser/lib.mjs';

const BUDGET_KB = 200;
const kb = n => (n / 1024).toFixed(1);
const brotli = buf => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const dist = join(ROOT, 'dist');
const wasm = readdirSync(dist).find(f => f.endsWith('.wasm'));
const wasmBytes = readFileSync(join(dist, wasm));
console.log(`wasm ${wasm}: ${kb(wasmBytes.length)} KB raw, ${kb(gzipSync(wasmBytes, { level: 9 }).length)} KB gzip, ${kb(brotli(wasmBytes))} KB brotli`);

const ROUTES = ['/', '/plan/2025', '/plan/2025?malgrupp=aldre', '/plan/2025/budget', '/rapport/2023', '/uppfoljning', '/uppfoljning/ungas-uppvaxt',
  '/statistik/andts', '/statistik/lupp', '/statistik/av-play', '/kommun/0880', '/embed/av-media-utlan', '/sok', '/sok?q=lupp', '/om-data', '/tillganglighet'];

const site = await serve('dist');
const browser = await launch();

// First view: every response a cold load of the route fetches, by its file in dist/.
console.log(`\nfirst-view transfer per route (brotli, budget ${BUDGET_KB} KB):`);
console.log('route'.padEnd(26) + 'files  raw KB  brotli KB  html+js+wasm+css+data');
for (const route of ROUTES) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const files = new Set();
  page.on('response', r => files.add(new URL(r.url()).pathname));
  await page.goto(site.origin + route, { waitUntil: 'networkidle' });
  let raw = 0, compressed = 0;
  for (const path of files) {
    let file = join(dist, path);
    try { readFileSync(file); } catch { file = join(dist, 'index.html'); }
    const bytes = readFileSync(file);
    raw += bytes.length;
    compressed += brotli(bytes);
  }
  const flag = compressed / 1024 > BUDGET_KB ? '  OVER BUDGET' : '';
  console.log(route.padEnd(26) + String(files.size).padStart(5) + kb(raw).padStart(8) + kb(compressed).padStart(11) + '  ' + [...files].map(f => f.split('/').pop() || 'index.html').join(', ') + flag);
  await context.close();
}

// Time to first chart: navigation start → the first chart SVG in the DOM, cold cache.
const times = [];
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Records the moment the first chart SVG enters the DOM (ms since navigation start).
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('.chart svg')) {
        globalThis.__firstChart = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(site.origin + '/statistik/av-play');
  await page.locator('.chart svg').first().waitFor();
  times.push(await page.evaluate(() => globalThis.__firstChart));
  await context.close();
}
times.sort((a, b) => a - b);
console.log(`\ntime to first chart on /statistik/av-play: median ${times[2].toFixed(0)} ms (runs: ${times.map(t => t.toFixed(0)).join(', ')} ms)`);

// Search: submit → results rendered, with the index loaded (the first query loads it).
const QUERIES = ['lupp', 'äldre', 'samverkan', 'a', 'kommun', 'skola', 'sia', 'yrkesresan', 'nära vård', 'budget', 'film', 'barn och unga',
  'ANDTS', 'socialtjänst', 'utbildning', 'region kalmar', 'digital', 'miljö', 'e', 'qxzv'];
{
  const page = await browser.newPage();
  await page.goto(site.origin + '/sok');
  await page.locator('main .search-form input').waitFor();
  const run = q => page.evaluate(async q => {
    const input = document.querySelector('main .search-form input');
    const form = input.form;
    input.value = q;
    const start = performance.now();
    const done = new Promise(resolve => {
      const check = () => {
        const status = document.querySelector('p[role="status"]');
        if (status && status.textContent.includes(`”${q}”`)) { resolve(performance.now() - start); return true; }
        return false;
      };
      const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
      observer.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true });
    });
    form.requestSubmit();
    const ms = await done;
    const hits = document.querySelector('p[role="status"]').textContent;
    return [ms, hits];
  }, q);
  const [firstMs] = await run('kalmar');
  const times = [];
  for (const q of QUERIES) {
    const [ms, hits] = await run(q);
    times.push([ms, q, hits]);
  }
  times.sort((a, b) => a[0] - b[0]);
  const median = times[Math.floor(times.length / 2)][0];
  const worst = times[times.length - 1];
  console.log(`\nsearch, submit → results drawn (${QUERIES.length} queries, index loaded): median ${median.toFixed(1)} ms, worst ${worst[0].toFixed(1)} ms ("${worst[1]}": ${worst[2]})`);
  console.log(`search, first query including fetching and decoding sok.json: ${firstMs.toFixed(0)} ms`);
  await page.close();
}

// Explorer: control change → chart redrawn (DOM updated and laid out), on the
// largest real-shaped dataset (LUPP) and on synthetic copies 10× and 100× its
// size (rows repeated with years shifted, so both the scan and the drawn
// series grow). Also: how many labels plotters measures in the DOM and what
// that costs (its wasm font backend appends a <span> per label and reads its
// size, forcing a layout). plotters 0.3.7 measures only labels of a right-hand
// axis; our charts have none and place their labels by anchor, so expect 0.
{
  const lupp = JSON.parse(readFileSync(join(dist, 'data/statistik-lupp.json'), 'utf8'));
  const grow = factor => {
    const t = structuredClone(lupp);
    const r = t.rows;
    const n = r.year.length;
    for (let c = 1; c < factor; c++) {
      for (const key of Object.keys(r)) for (let i = 0; i < n; i++) r[key].push(key === 'year' ? r.year[i] + 12 * c : r[key][i]);
    }
    // Published rows go by indicator (the explorer finds an indicator's rows by binary search).
    const order = r.indicator.map((_, i) => i).sort((a, b) => r.indicator[a] - r.indicator[b] || a - b);
    for (const key of Object.keys(r)) r[key] = order.map(i => r[key][i]);
    return JSON.stringify(t);
  };
  const start = '/statistik/lupp?indikator=halsa_god&omrade=0880,08';
  // Each step: a control and how to change it, as a user would.
  const STEPS = [
    ['#omrade-0881', 'click'], ['#kon-jamfor', 'click'], ['#omrade-0882', 'click'], ['#kon-flickor', 'click'],
    ['#arskurs-ak8', 'click'], ['#omrade-0881', 'click'], ['#kon-alla', 'click'], ['#arskurs-gy2', 'click'],
    ['#indikator', 'select:10'], ['#omrade-0883', 'click'], ['#indikator', 'select:12'], ['#kon-pojkar', 'click'],
    ['#omrade-0882', 'click'], ['#indikator', 'select:9'], ['#kon-alla', 'click'], ['#omrade-0883', 'click'],
    ['#arskurs-ak8', 'click'], ['#indikator', 'select:8'], ['#arskurs-gy2', 'click'], ['#kon-jamfor', 'click'],
  ];
  console.log('\nexplorer, control change → chart redrawn (20 changes: areas, gender, grade, indicator):');
  for (const factor of [1, 10, 100]) {
    const body = factor === 1 ? null : grow(factor);
    const page = await browser.newPage();
    if (body) await page.route('**/data/statistik-lupp.json', route => route.fulfill({ body, contentType: 'application/json' }));
    await page.addInitScript(() => {
      // Times plotters' text measuring: from appending its hidden <span> to removing it.
      globalThis.__measure = { count: 0, ms: 0 };
      const append = Element.prototype.append;
      Element.prototype.append = function (...nodes) {
        const span = nodes[0];
        if (span?.tagName === 'SPAN' && span.getAttribute('style')?.includes('top: 100%')) span.__t = performance.now();
        return append.apply(this, nodes);
      };
      const remove = Element.prototype.remove;
      Element.prototype.remove = function () {
        if (this.__t !== undefined) { globalThis.__measure.count++; globalThis.__measure.ms += performance.now() - this.__t; }
        return remove.apply(this);
      };
    });
    await page.goto(site.origin + start);
    await page.locator('.stat-svg svg').waitFor();
    const rows = await page.evaluate(() => document.querySelectorAll('.stat-table tbody tr').length);
    const runs = [];
    for (const [selector, action] of STEPS) {
      runs.push(await page.evaluate(async ([selector, action]) => {
        const host = document.querySelector('.stat-svg');
        const el = document.querySelector(selector);
        globalThis.__measure = { count: 0, ms: 0 };
        const done = new Promise(resolve => new MutationObserver((_, o) => { o.disconnect(); resolve(true); }).observe(host, { childList: true, subtree: true }));
        const t0 = performance.now();
        if (action === 'click') el.click();
        else { el.value = action.split(':')[1]; el.dispatchEvent(new Event('change', { bubbles: true })); }
        // A step that changes nothing would wait forever: it fails the run instead.
        if (!await Promise.race([done, new Promise(r => setTimeout(() => r(false), 5000))])) throw new Error(`${selector} ${action} did not redraw the chart`);
        document.querySelector('.stat-table').getBoundingClientRect();
        return [performance.now() - t0, globalThis.__measure.count, globalThis.__measure.ms, `${selector} ${action}`];
      }, [selector, action]));
    }
    runs.sort((a, b) => a[0] - b[0]);
    const median = runs[Math.floor(runs.length / 2)];
    const worst = runs[runs.length - 1];
    const texts = runs.reduce((s, r) => s + r[1], 0) / runs.length;
    const textMs = runs.reduce((s, r) => s + r[2], 0) / runs.length;
    console.log(`  ${String(factor).padStart(3)}× (${lupp.rows.year.length * factor} rows; first view ${rows} table rows): median ${median[0].toFixed(1)} ms, worst ${worst[0].toFixed(1)} ms (${worst[3]}); text measuring ${texts.toFixed(0)} labels, ${textMs.toFixed(1)} ms per change on average`);
    await page.close();
  }
}

await browser.close();
site.close();
