// The same site built with --public-url /kfkl/ (and its public URL
// configured, as https://example.org/kfkl/) works under that subpath:
// assets, data, client-side links, deep-link reloads, the prerendered pages
// without JavaScript, and canonical links.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openPage, ROOT } from './lib.mjs';

const DIST = join(ROOT, 'target/dist-subpath');

let site, browser;
before(async () => { site = await serve('target/dist-subpath', '/kfkl/'); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

test('a deep link under /kfkl/ loads its data and links stay under /kfkl/', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/kfkl/statistik/av-play');
  await page.locator('.chart svg').first().waitFor();
  await page.reload();
  await page.locator('.chart svg').first().waitFor();
  await page.getByRole('link', { name: 'Om data och källor', exact: true }).click();
  await page.locator('dl').waitFor();
  assert.equal(new URL(page.url()).pathname, '/kfkl/om-data');
  assert.equal(await page.locator('a[rel="external"]').first().evaluate(a => new URL(a.href).pathname), '/kfkl/data/plan-2025.json');
  assert.equal(await page.locator('.menu-wide a[href="/kfkl/statistik/av-play"]').count(), 1);
  await page.goto(site.origin + '/kfkl/kommun');
  await page.locator('.municipality-list').waitFor();
  await page.locator('.municipality-list').getByRole('link', { name: 'Mörbylånga' }).click();
  await page.locator('h1', { hasText: 'Mörbylånga kommun' }).waitFor();
  await page.locator('.indicator-card').first().waitFor();
  assert.equal(new URL(page.url()).pathname, '/kfkl/kommun/morbylanga');
  assert.equal(await page.locator('.indicator-card .card-link a').first().evaluate(a => new URL(a.href).pathname), '/kfkl/statistik/andts');
  await page.goBack();
  await page.locator('h1', { hasText: 'Länets kommuner' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main', 'Back moves focus to the content');
  await page.locator('.skip-link').focus();
  await page.keyboard.press('Enter');
  assert.equal(new URL(page.url()).pathname, '/kfkl/kommun', 'the skip link stays on the page under a subpath');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('without JavaScript the pages are prerendered under /kfkl/, with links under /kfkl/', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.origin + '/kfkl/plan/2025');
  assert.equal((await page.locator('h1').innerText()).trim(), 'Verksamhetsplan och budget 2025');
  assert.ok(await page.locator('.document .commitment').count() > 50);
  await page.getByRole('link', { name: 'Verksamhetsberättelse 2023', exact: true }).first().click();
  await page.waitForURL(/\/kfkl\/rapport\/2023$/);
  assert.ok(await page.locator('.document .commitment').count() > 50);
  const response = await page.goto(site.origin + '/kfkl/finns/inte');
  assert.equal(response.status(), 404);
  assert.equal((await page.locator('h1').innerText()).trim(), 'Sidan finns inte');
  assert.equal(await page.locator('link[rel="stylesheet"]').evaluate(l => new URL(l.href).pathname.startsWith('/kfkl/')), true);
  await context.close();
});

test('with the public URL configured, each page names its canonical URL, and the sitemap lists them', async () => {
  const page = await openPage(browser);
  for (const [route, canonical] of [
    ['/kfkl/', 'https://example.org/kfkl/'],
    ['/kfkl/plan/2025', 'https://example.org/kfkl/plan/2025/'],
    ['/kfkl/kommun/0880', 'https://example.org/kfkl/kommun/kalmar/'],
    ['/kfkl/statistik/lupp', 'https://example.org/kfkl/statistik/lupp/'],
  ]) {
    await page.goto(site.origin + route);
    assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), canonical, route);
    assert.equal(await page.locator('meta[property="og:url"]').getAttribute('content'), canonical, route);
  }
  await page.goto(site.origin + '/kfkl/sidan-finns-inte');
  assert.equal(await page.locator('link[rel="canonical"]').count(), 0, 'the not-found page has none');
  const sitemap = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
  const urls = [...sitemap.matchAll(/<loc>(.*?)<\/loc>/g)].map(m => m[1]);
  assert.ok(urls.includes('https://example.org/kfkl/rapport/2023/'));
  assert.ok(urls.includes('https://example.org/kfkl/kommun/morbylanga/'));
  assert.ok(!urls.some(u => u.includes('/embed/') || /\/kommun\/\d+\/$/.test(u)), 'embeds and municipality codes are not listed');
  assert.match(readFileSync(join(DIST, 'robots.txt'), 'utf8'), /^Sitemap: https:\/\/example.org\/kfkl\/sitemap.xml$/m);
  assert.deepEqual(page.errors, []);
  await page.close();
});
