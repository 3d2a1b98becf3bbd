// Measures the built site in dist/, served as a real host serves it (brotli
// when the client accepts it): sizes of the compressed transfers, Lighthouse
// (mobile preset) against its budgets, and timings in headless Chromium.
// Prints tables; asserts nothing.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serve, launch, live, prerendered, ROOT } from '../tests/browser/lib.mjs';

const kb = n => (n / 1024).toFixed(1);
const brotli = buf => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const only = process.env.BENCH_ONLY ?? '';

// Before issue 10 (static first): the wasm was 251.1 KB brotli (`git stash; scripts/bench`).
const WASM_BEFORE_KB = 251.1;
const dist = join(ROOT, 'dist');
const wasm = readdirSync(dist).find(f => f.endsWith('.wasm'));
const wasmBytes = readFileSync(join(dist, wasm));
console.log(`wasm ${wasm}: ${kb(wasmBytes.length)} KB raw, ${kb(gzipSync(wasmBytes, { level: 9 }).length)} KB gzip, ${kb(brotli(wasmBytes))} KB brotli (before static first: ${WASM_BEFORE_KB} KB)`);

const site = await serve('dist', '/', { brotli: true });
const browser = await launch();

// First view: every response a cold load of the route fetches, as transferred
// (brotli). Content visible = the HTML and CSS (the page reads without the
// wasm); interactive = JS, wasm and data (the app has taken over).
const ROUTES = ['/', '/plan/2025', '/plan/2025?malgrupp=aldre', '/plan/2025/budget', '/rapport/2023', '/uppfoljning', '/uppfoljning/ungas-uppvaxt',
  '/statistik/andts', '/statistik/andts?visa=karta', '/statistik/lupp', '/statistik/av-play', '/kommun', '/kommun/kalmar', '/embed/av-media-utlan', '/sok', '/sok?q=lupp', '/om-data', '/tillganglighet'];
if (!only || only === 'sizes') {
  console.log('\nfirst view per route, transferred (brotli), KB:');
  console.log('route'.padEnd(28) + 'visible (html+css)'.padStart(19) + 'interactive (js+wasm+data)'.padStart(28) + 'total'.padStart(8) + '  files');
  for (const route of ROUTES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sizes = [];
    page.on('requestfinished', async request => {
      const response = await request.response();
      const { responseBodySize, responseHeadersSize } = await request.sizes();
      sizes.push({ path: new URL(request.url()).pathname, type: response?.headers()['content-type'] ?? '', bytes: responseBodySize + responseHeadersSize });
    });
    await page.goto(site.origin + route);
    await live(page);
    await page.waitForLoadState('networkidle');
    const visible = sizes.filter(s => /text\/(html|css)/.test(s.type)).reduce((n, s) => n + s.bytes, 0);
    const interactive = sizes.filter(s => !/text\/(html|css)/.test(s.type)).reduce((n, s) => n + s.bytes, 0);
    const names = sizes.map(s => s.path.split('/').pop() || 'index.html').join(', ');
    console.log(route.padEnd(28) + kb(visible).padStart(19) + kb(interactive).padStart(28) + kb(visible + interactive).padStart(8) + '  ' + names);
    await context.close();
  }
}

// Lighthouse, mobile preset (simulated slow 4G and a 4× slower CPU), five
// runs a route; the run with the median performance score is reported.
const LIGHTHOUSE_ROUTES = ['/', '/plan/2025', '/rapport/2023', '/statistik/lupp', '/kommun/kalmar'];
const BUDGET = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100, fcp: null, lcp: 1500, cls: 0.02, tbt: null };
if (!only || only === 'lighthouse') {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const cell = (value, budget, show, better = 'higher') => {
    const ok = budget === null || (better === 'higher' ? value >= budget : value <= budget);
    return `${show(value)}${budget === null ? '' : ` / ${show(budget)}`}${ok ? '' : ' ✗'}`;
  };
  const ms = v => `${(v / 1000).toFixed(2)} s`;
  console.log('\nLighthouse, mobile preset (measured / budget; ✗ over budget), median of 5 runs by performance:');
  console.log('route'.padEnd(17) + ['performance', 'accessibility', 'best practices', 'SEO', 'FCP', 'LCP', 'CLS', 'TBT'].map(h => h.padStart(18)).join(''));
  for (const route of LIGHTHOUSE_ROUTES) {
    const runs = [];
    for (let i = 0; i < 5; i++) {
      const { lhr } = await lighthouse(site.origin + route, { port: chrome.port, output: 'json', logLevel: 'error' });
      runs.push(lhr);
    }
    runs.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
    const lhr = runs[2];
    const score = id => Math.round(lhr.categories[id].score * 100);
    const metric = id => lhr.audits[id].numericValue;
    const cells = [
      cell(score('performance'), BUDGET.performance, String),
      cell(score('accessibility'), BUDGET.accessibility, String),
      cell(score('best-practices'), BUDGET['best-practices'], String),
      cell(score('seo'), BUDGET.seo, String),
      cell(metric('first-contentful-paint'), BUDGET.fcp, ms, 'lower'),
      cell(metric('largest-contentful-paint'), BUDGET.lcp, ms, 'lower'),
      cell(metric('cumulative-layout-shift'), BUDGET.cls, v => v.toFixed(3), 'lower'),
      cell(metric('total-blocking-time'), BUDGET.tbt, v => `${Math.round(v)} ms`, 'lower'),
    ];
    console.log(route.padEnd(17) + cells.map(c => c.padStart(18)).join(''));
    // What kept a category from 100, so a miss can be acted on.
    for (const id of ['accessibility', 'best-practices', 'seo']) {
      const failed = lhr.categories[id].auditRefs.filter(r => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1);
      if (failed.length) console.log(`  ${id}: ${failed.map(r => r.id).join(', ')}`);
    }
  }
  await chrome.kill();
}

// Lighthouse's accessibility category on every prerendered route, once each
// (only with BENCH_ONLY=a11y: about ten minutes): each route under 100 with the audits it failed.
if (only === 'a11y') {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const routes = prerendered().sort();
  const below = [];
  for (const route of routes) {
    const { lhr } = await lighthouse(site.origin + route, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['accessibility'] });
    const score = Math.round(lhr.categories.accessibility.score * 100);
    const failed = lhr.categories.accessibility.auditRefs.filter(r => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1);
    if (score < 100) below.push(`${route}: ${score} (${failed.map(r => r.id).join(', ')})`);
  }
  console.log(`\nLighthouse accessibility on ${routes.length} routes: ${below.length ? below.length + ' under 100' : 'all 100'}`);
  for (const line of below) console.log(`  ${line}`);
  await chrome.kill();
}

// Time to the first chart (prerendered: it is in the HTML) and to the takeover
// (the app has rendered the route and replaced the prerendered page), cold cache.
if (!only || only === 'timings') {
  const chart = [], takeover = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('.chart svg') && !globalThis.__firstChart) globalThis.__firstChart = performance.now();
        if (document.documentElement.dataset.app === 'live') {
          globalThis.__live = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    await page.goto(site.origin + '/statistik/av-play');
    await live(page);
    const [c, t] = await page.evaluate(() => [globalThis.__firstChart, globalThis.__live]);
    chart.push(c);
    takeover.push(t);
    await context.close();
  }
  const list = xs => xs.map(t => t.toFixed(0)).join(', ');
  console.log(`\n/statistik/av-play, cold cache: first chart in the DOM median ${median(chart).toFixed(0)} ms (${list(chart)}); app taken over median ${median(takeover).toFixed(0)} ms (${list(takeover)})`);
}

// Search: submit → results rendered, with the index loaded (the first query loads it).
const QUERIES = ['lupp', 'äldre', 'samverkan', 'a', 'kommun', 'skola', 'sia', 'yrkesresan', 'nära vård', 'budget', 'film', 'barn och unga',
  'ANDTS', 'socialtjänst', 'utbildning', 'region kalmar', 'digital', 'miljö', 'e', 'qxzv'];
if (!only || only === 'timings') {
  const page = await browser.newPage();
  await page.goto(site.origin + '/sok');
  await live(page);
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
  const worst = times[times.length - 1];
  console.log(`\nsearch, submit → results drawn (${QUERIES.length} queries, index loaded): median ${times[Math.floor(times.length / 2)][0].toFixed(1)} ms, worst ${worst[0].toFixed(1)} ms ("${worst[1]}": ${worst[2]})`);
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
if (!only || only === 'timings') {
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
    await live(page);
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
    const worst = runs[runs.length - 1];
    const texts = runs.reduce((s, r) => s + r[1], 0) / runs.length;
    const textMs = runs.reduce((s, r) => s + r[2], 0) / runs.length;
    console.log(`  ${String(factor).padStart(3)}× (${lupp.rows.year.length * factor} rows; first view ${rows} table rows): median ${runs[Math.floor(runs.length / 2)][0].toFixed(1)} ms, worst ${worst[0].toFixed(1)} ms (${worst[3]}); text measuring ${texts.toFixed(0)} labels, ${textMs.toFixed(1)} ms per change on average`);
    await page.close();
  }
}

await browser.close();
site.close();
