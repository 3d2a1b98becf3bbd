// The same site built with --public-url /kfkl/ works under that subpath:
// assets, data, client-side links and deep-link reloads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './lib.mjs';

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
  assert.equal(await page.locator('a[rel="external"]').first().evaluate(a => new URL(a.href).pathname), '/kfkl/data/av-media-2023.json');
  assert.equal(await page.locator('nav a[href="/kfkl/statistik/av-play"]').count(), 1);
  await page.goto(site.origin + '/kfkl/kommun/kalmar');
  await page.locator('.columns').waitFor();
  await page.getByRole('link', { name: 'Mörbylånga' }).click();
  await page.locator('h1', { hasText: 'Mörbylånga kommun' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/kfkl/kommun/morbylanga');
  await page.goBack();
  await page.locator('h1', { hasText: 'Kalmar kommun' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main', 'Back moves focus to the content');
  await page.locator('.skip-link').focus();
  await page.keyboard.press('Enter');
  assert.equal(new URL(page.url()).pathname, '/kfkl/kommun/kalmar', 'the skip link stays on the page under a subpath');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  assert.deepEqual(page.errors, []);
  await page.close();
});
