// The site's security headers, served exactly as the built _headers says
// (lib.mjs reads it): no Content-Security-Policy violation anywhere a reader
// goes, integrity on every script and stylesheet, embeds framed only where
// allowed, and pages framed nowhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, live, ROOT } from './lib.mjs';

const DIST = join(ROOT, 'dist');
let site, browser;
const hosts = [];
before(async () => { site = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); for (const h of hosts) h.close(); });

/** A page that records every securitypolicyviolation event, from its first script on. */
async function watched() {
  const page = await openPage(browser);
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', e => window.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return page;
}
const violations = page => page.evaluate(() => window.violations);

test('no respondent-level value reaches the published site', async () => {
  // Every build imports LUPP's synthetic respondent file (EXEMPELELEV-… ids, one row per
  // pupil): only counted groups may come out of it. The README and .gitignore say why.
  const files = [];
  const walk = async dir => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path); else files.push(path);
    }
  };
  await walk(DIST);
  assert.ok(files.length > 100, `${files.length} files`);
  for (const file of files) {
    const bytes = await readFile(file);
    assert.ok(!bytes.includes('EXEMPELELEV'), `${file} holds a respondent id`);
    assert.ok(!bytes.includes('lopnr'), `${file} holds a respondent file's column`);
  }
});

test('the deploy files send the policy and never allow unsafe-inline or unsafe-eval', async () => {
  for (const file of ['_headers', 'nginx.conf']) {
    const text = await readFile(join(DIST, file), 'utf8');
    assert.doesNotMatch(text, /unsafe-inline|'unsafe-eval'/, file);
    for (const header of ['Content-Security-Policy', 'Strict-Transport-Security', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy', 'Cross-Origin-Opener-Policy']) {
      assert.ok(text.includes(header), `${file}: ${header}`);
    }
  }
  const response = await fetch(site.origin + '/plan/2025');
  assert.equal(response.headers.get('content-security-policy'), "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'; frame-ancestors 'none'");
  assert.equal(response.headers.get('cross-origin-opener-policy'), 'same-origin');
  assert.equal(response.headers.get('strict-transport-security'), 'max-age=31536000');
  const embed = await fetch(site.origin + '/embed/andts');
  assert.match(embed.headers.get('content-security-policy'), /; frame-ancestors 'self' http:\/\/127\.0\.0\.2:\*$/);
  assert.equal(embed.headers.get('cross-origin-opener-policy'), null, 'an embed has no opener policy');
});

test('every built page: integrity on every script and stylesheet, no inline script, no style attribute', async () => {
  const pages = (await readdir(DIST, { recursive: true })).filter(f => f.endsWith('.html'));
  assert.ok(pages.length > 50, `${pages.length} pages`);
  for (const file of pages) {
    const html = await readFile(join(DIST, file), 'utf8');
    for (const tag of html.match(/<(script|link)\b[^>]*>/g)) {
      if (tag.startsWith('<script')) assert.match(tag, / src="[^"]+"/, `${file}: an inline script`);
      if (tag.startsWith('<script') || /rel="(stylesheet|modulepreload)"/.test(tag)) assert.match(tag, / integrity="sha384-[A-Za-z0-9+/=]{64}"/, `${file}: ${tag}`);
    }
    assert.match(html, /data-js-integrity="sha384-[^"]+" data-wasm-integrity="sha384-[^"]+"/, `${file}: the loader checks the app's JS and wasm`);
    assert.doesNotMatch(html, /<[a-z]+ [^>]*\bstyle="/, `${file}: a style attribute`);
  }
});

test('a changed app file does not run: the prerendered page stays as it is', async () => {
  const page = await openPage(browser);
  await page.route('**/kfkl-site-*.js', async route => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()) + '\n// changed on the way\n' });
  });
  // The browser reports the refused script; the page has loaded everything else by then.
  const refused = page.waitForEvent('console', { predicate: m => m.type() === 'error' && /integrity/i.test(m.text()) });
  await page.goto(site.origin + '/plan/2025', { live: false });
  await refused;
  await page.waitForLoadState('load');
  assert.equal(await page.locator('html[data-app="live"]').count(), 0, 'the app did not start');
  assert.ok(await page.locator('main h1').isVisible());
  await page.close();
});

test('no Content-Security-Policy violation on any route, through explorer changes, downloads, print, the embed dialog and search', async () => {
  const page = await watched();
  for (const path of ['/', '/plan/2025', '/plan/2025/budget', '/rapport/2023', '/uppfoljning', '/uppfoljning/av-media', '/statistik/andts', '/statistik/lupp',
    '/statistik/av-play', '/kommun', '/kommun/kalmar', '/sok?q=LUPP', '/om-data', '/tillganglighet', '/embed/andts', '/embed/kommun-kalmar', '/sidan-finns-inte']) {
    await page.goto(site.origin + path);
    assert.deepEqual(await violations(page), [], path);
  }
  await page.goto(site.origin + '/statistik/lupp');
  await page.getByRole('checkbox', { name: 'Kalmar kommun', exact: true }).check();
  await page.getByRole('radio', { name: 'Karta över kommunerna, ett år' }).check();
  await page.locator('.stat-map svg').waitFor();
  await page.getByRole('radio', { name: 'Diagram' }).check();
  for (const name of ['CSV för Excel (semikolon, decimalkomma)', 'Diagrammet som SVG', 'Diagrammet som PNG']) {
    await Promise.all([page.waitForEvent('download'), page.locator('.stat-figure').getByRole('button', { name }).click()]);
  }
  await page.locator('.stat-figure').getByRole('button', { name: 'Bädda in diagrammet' }).click();
  await page.frameLocator('.embed-dialog iframe').locator('html[data-app="live"]').waitFor();
  await page.keyboard.press('Escape');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: join(ROOT, 'target/security-print.pdf') });
  await page.emulateMedia({ media: 'screen' });
  await page.locator('#sok-sidhuvud').fill('alkohol');
  await page.keyboard.press('Enter');
  await page.locator('.search-hits').first().waitFor();
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an embed is framed by an allowed site and refused by another; a page is framed by none', async () => {
  const host = address => new Promise(ok => {
    const server = createServer((req, res) => {
      const src = new URL(req.url, 'http://x').searchParams.get('src');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!DOCTYPE html><html lang="sv"><head><title>Värd</title></head><body><iframe title="Diagram" src="${site.origin}${src}" width="600" height="600"></iframe></body></html>`);
    });
    hosts.push(server);
    server.listen(0, address, () => ok(`http://${address}:${server.address().port}`));
  });
  const [allowed, other] = await Promise.all([host('127.0.0.2'), host('127.0.0.3')]);
  // (host, framed path, shown)
  for (const [origin, path, shown] of [[allowed, '/embed/budget-intakter', true], [other, '/embed/budget-intakter', false], [allowed, '/plan/2025/budget', false]]) {
    const page = await openPage(browser);
    await page.goto(`${origin}/?src=${encodeURIComponent(path)}`, { live: false });
    const frame = page.frameLocator('iframe');
    const drawn = await frame.locator('.chart-svg svg').first().waitFor({ timeout: shown ? 10000 : 2500 }).then(() => true, () => false);
    assert.equal(drawn, shown, `${path} framed by ${origin}`);
    await page.close();
  }
});
