// Shared by the browser tests and the benchmark: a static server for the
// built site with the rules a static host must be configured with, headless
// Chromium through playwright-core, and axe-core.
import { createServer } from 'node:http';
import { readFile, readdir, stat, mkdir } from 'node:fs/promises';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const ROOT = resolve(import.meta.dirname, '../..');

/** Every prerendered page's route, from the index.html files in dist/ (404.html is an unknown path's page). */
export function prerendered(dir = join(ROOT, 'dist'), route = '') {
  const routes = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (name === 'data') continue;
    if (statSync(path).isDirectory()) routes.push(...prerendered(path, `${route}/${name}`));
    else if (name === 'index.html') routes.push(route || '/');
  }
  return routes;
}
/**
 * The prerendered routes whose pages differ. A page byte for byte like another (a
 * municipality by code and by name, an embed under two names) is the same page: the
 * checks of a page's content run on it once, by name rather than by code. takeover.test.mjs
 * still opens every route, so each name is seen to resolve to that same text in the app.
 */
export function distinctPages(dir = join(ROOT, 'dist')) {
  const seen = new Set();
  const byCode = route => /\/\d+$/.test(route);
  const routes = prerendered(dir);
  const keep = new Set([...routes].sort((a, b) => byCode(a) - byCode(b)).filter(route => {
    const bytes = readFileSync(join(dir, route, 'index.html'), 'latin1');
    return !seen.has(bytes) && seen.add(bytes);
  }));
  return routes.filter(route => keep.has(route));
}
export const SCREENSHOTS = join(ROOT, 'target/screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const isFile = path => stat(path).then(s => s.isFile(), () => false);

/**
 * The rules of a `_headers` file (Cloudflare Pages' format): a path pattern
 * (`*` matches anything) and its indented `Name: value` lines; `! Name`
 * removes what an earlier matching rule set.
 */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) { rules.push({ pattern: new RegExp(`^${line.trim().replace(/[.?+^$()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`), set: [] }); continue; }
    const entry = line.trim();
    rules.at(-1).set.push(entry.startsWith('!') ? [entry.slice(1).trim().toLowerCase(), null] : [entry.slice(0, entry.indexOf(':')).trim().toLowerCase(), entry.slice(entry.indexOf(':') + 1).trim()]);
  }
  return path => {
    const out = {};
    for (const rule of rules.filter(r => r.pattern.test(path))) {
      for (const [name, value] of rule.set) {
        if (value === null) delete out[name];
        else out[name] = name in out ? `${out[name]}, ${value}` : value;
      }
    }
    return out;
  };
}

/**
 * Serves `dir` under `prefix` as the README's hosting rules say: a file as it
 * is; a prerendered route from `<route>/index.html`; any other path gets
 * `404.html` (the app too) with status 404. With `brotli`, responses are
 * brotli-compressed when the client accepts it, as a real host serves them.
 */
export async function serve(dir, prefix = '/', { brotli = false } = {}) {
  const root = join(ROOT, dir);
  // Compressed before serving, as a host with precompressed files does: compressing
  // on the first request would stall the server (the wasm takes over a second).
  const compressed = new Map();
  if (brotli) {
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = join(entry.parentPath ?? entry.path, entry.name);
      compressed.set(file, brotliCompressSync(await readFile(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
  }
  // The site's security headers, exactly as the built _headers file says.
  const headersFile = join(root, '_headers');
  const headersOf = await isFile(headersFile) ? parseHeaders(await readFile(headersFile, 'utf8')) : () => ({});
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix) && path !== prefix.replace(/\/$/, '')) { res.writeHead(404).end('outside the site'); return; }
    const rel = normalize(path.slice(prefix.length) || '.');
    let file = join(root, rel);
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    let status = 200;
    if (!await isFile(file)) {
      const page = join(file, 'index.html');
      if (await isFile(page)) file = page;
      // A missing asset is a plain 404; a missing page is the app's 404 page.
      else if (extname(file) && extname(file) !== '.html') { res.writeHead(404).end('not found'); return; }
      else { file = join(root, '404.html'); status = 404; }
    }
    const headers = { ...headersOf(path), 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    let body = await readFile(file);
    if (brotli) {
      headers.vary = 'accept-encoding';
      if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = compressed.get(file) ?? body;
        headers['content-encoding'] = 'br';
      }
    }
    res.writeHead(status, headers);
    res.end(body);
  });
  await new Promise(ok => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Resolves once the app has taken over the prerendered page (src/takeover.rs marks it). */
export const live = page => page.locator('html[data-app="live"]').waitFor();

/**
 * Resolves once focus is back on the element whose text is `text`, as a dialog
 * gives it back in its close event (a task after it is hidden); fails after 5 s.
 */
export async function focusBackOn(page, text) {
  await page.waitForFunction(t => document.activeElement.textContent === t, text, { timeout: 5000 })
    .catch(async () => assert.fail(`focus went to ${await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80))}, not "${text}"`));
}

/**
 * A page that records console errors and uncaught exceptions (a Rust panic
 * logs one). Its `goto` and `reload` wait until the app has taken over the
 * prerendered page, as a test of the app must; `{ live: false }` does not.
 */
export async function openPage(browser, { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.errors = [];
  // A page that is not found comes with status 404, which Chromium logs as an error of the page itself: that one is meant.
  const notFound = m => m.text().includes('status of 404') && m.location().url === page.url();
  page.on('console', m => { if (m.type() === 'error' && !notFound(m)) page.errors.push(m.text()); });
  page.on('pageerror', e => page.errors.push(String(e)));
  for (const name of ['goto', 'reload']) {
    const plain = page[name].bind(page);
    page[name] = async (...args) => {
      const last = args.at(-1);
      const wait = typeof last !== 'object' || last.live !== false;
      if (typeof last === 'object') {
        const { live: _, ...options } = last;
        args[args.length - 1] = options;
      }
      const response = await plain(...args);
      if (wait) await live(page);
      return response;
    };
  }
  return page;
}

const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core violations for WCAG 2.0, 2.1 and 2.2 A and AA, as "rule: target" lines. Works with JavaScript off too. */
export async function axeViolations(page) {
  if (!await page.evaluate(() => Boolean(globalThis.axe))) await page.evaluate(AXE);
  // axe measures sizes and spacing (target-size): lay out what the browser skips off screen
  // (content-visibility: auto on the report's cards) as a reader scrolling to it sees it.
  await page.evaluate(() => {
    for (const e of document.querySelectorAll('*')) if (getComputedStyle(e).contentVisibility === 'auto') e.style.contentVisibility = 'visible';
  });
  const violations = await page.evaluate(async () => {
    const result = await globalThis.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`);
  });
  return violations;
}

/**
 * A printed PDF as pdftotext measures it: each page's words with their heights in pt, and
 * the share of the page's height that its text fills (the page number in the margin aside).
 */
export function printedPages(pdf) {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 64 << 20 }).toString();
  return xml.split('<page ').slice(1).map(p => {
    const height = Number(p.match(/height="([\d.]+)"/)[1]);
    const words = [...p.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map(([, top, bottom, text]) => ({ top: Number(top), bottom: Number(bottom), text }));
    const body = words.filter(w => w.top < height - 51).flatMap(w => [w.top, w.bottom]);
    return { words: words.map(w => ({ text: w.text, pt: w.bottom - w.top })), filled: (Math.max(...body) - Math.min(...body)) / height };
  });
}

/**
 * Clicks `locator` once it stands still in view, as a reader taps what they have scrolled to.
 * The report's cards are laid out only as they near the view (content-visibility), so what
 * stands below them moves for a few frames after a scroll; a click in that moment lands elsewhere.
 */
export async function clickWhenStill(locator) {
  await locator.scrollIntoViewIfNeeded();
  await locator.evaluate(el => new Promise(done => {
    let [last, still] = [null, 0];
    const look = () => {
      const top = el.getBoundingClientRect().top;
      [last, still] = [top, top === last ? still + 1 : 0];
      if (still >= 3) done(); else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }));
  await locator.click();
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export const h1 = page => page.locator('h1').first();

/** The explorer table's rows as cells, the status column aside (it stands second where real and example rows mix). */
export const statRows = page => page.locator('.stat-table').evaluate(table => {
  const status = [...table.tHead.rows[0].cells].findIndex(th => th.textContent === 'Uppgift');
  return [...table.tBodies[0].rows].map(tr => [...tr.cells].filter((_, i) => i !== status).map(c => c.textContent.replaceAll('\u00a0', ' ')));
});

/**
 * Runs `task` on every item, `width` at a time: loads of many routes overlap
 * their waiting (a browser page mostly waits on its renderer), in any order.
 */
export async function each(items, width, task) {
  const queue = [...items];
  const worker = async () => { while (queue.length) await task(queue.shift()); };
  await Promise.all(Array.from({ length: width }, worker));
}
