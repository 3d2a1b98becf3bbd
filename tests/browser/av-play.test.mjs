// The first chart end to end: published JSON → summary, SVG, table and source
// line; the loading state; and a visible alert when the data cannot be loaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, axeViolations, h1 } from './lib.mjs';

const NBSP = '\u00a0';
let site, browser;
before(async () => { site = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

const text = async locator => (await locator.textContent()).replaceAll(NBSP, ' ').replaceAll('\u2212', '-').trim();

test('the equipment-loans chart has a summary, a drawing, a table and its source', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/statistik/av-play');
  const chart = page.locator('figure.chart', { has: page.locator('h2', { hasText: 'Utlån av utrustning' }) });
  await chart.locator('svg').waitFor();
  assert.equal(await text(chart.locator('.chart-summary')),
    'Utlån av utrustning ökade från 698 år 2022 till 722 år 2023 (+24, +3,4 %).');
  const img = chart.locator('[role="img"]');
  assert.match(await img.getAttribute('aria-labelledby'), /^diagram-av-media-utlan sammanfattning-av-media-utlan$/);
  const svg = await img.innerHTML();
  assert.ok(svg.includes('>\n698') || svg.includes('698'), 'bar value label in the SVG');
  const rows = await chart.locator('tbody tr').evaluateAll(trs => trs.map(tr => [...tr.cells].map(c => c.textContent)));
  assert.deepEqual(rows, [['2022', '698'], ['2023', '722']]);
  assert.equal(await chart.locator('th[scope="col"]').count(), 2);
  assert.equal(await chart.locator('caption').textContent(), 'Utlån av utrustning – tabell');
  assert.equal(await text(chart.locator('.source')),
    'Källa: Kommunförbundet Kalmar län, Verksamhetsberättelse 2023, avsnitt Unga, utbildning och etablering › Fokusområde 1: AV-Media › Resultat.');
  await page.close();
});

test('the goal/outcome chart and the key-figure cards keep the source\'s wording', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/statistik/av-play');
  await page.locator('.chart svg').first().waitFor();
  const summaries = await page.locator('.chart-summary').allTextContents();
  assert.ok(summaries.some(s => s.replaceAll(NBSP, ' ') === 'Aktiviteter 2023: utfallet blev 115 mot målet 110 (+5, +4,5 %).'), summaries.join(' | '));
  const values = (await page.locator('.card-value').allTextContents()).map(v => v.replaceAll(NBSP, ' '));
  for (const v of ['drygt 16 000', 'nära 270 000', '1 500–2 000', 'cirka 33 %', 'ungefär 5 000', '3 529']) {
    assert.ok(values.includes(v), `${v} among ${values.join(', ')}`);
  }
  await page.locator('.card-source summary').first().click();
  assert.match(await page.locator('.card-source blockquote').first().textContent(), /drygt 16 000 filmer/);
  await page.close();
});

test('a loading message shows while the data is on its way', async () => {
  const page = await openPage(browser);
  let release;
  const held = new Promise(ok => { release = ok; });
  await page.route('**/data/av-media-2023.json', async route => { await held; await route.continue(); });
  await page.goto(site.origin + '/statistik/av-play');
  await page.getByRole('status').waitFor();
  assert.match(await page.getByRole('status').textContent(), /Laddar nyckeltal/);
  release();
  await page.locator('.chart svg').first().waitFor();
  assert.equal(await page.getByRole('status').count(), 0);
  await page.close();
});

for (const [what, reply, message] of [
  ['a server error', { status: 500, body: 'fel' }, /servern svarade 500/],
  ['a broken file', { status: 200, body: '{"schema_version":1,"id":', contentType: 'application/json' }, /är skadad/],
  ['another schema version', { status: 200, body: '{"schema_version":99}', contentType: 'application/json' }, /formatversion 99/],
]) {
  test(`${what} shows an alert while the rest of the page keeps working`, async () => {
    const page = await openPage(browser);
    await page.route('**/data/av-media-2023.json', route => route.fulfill(reply));
    await page.goto(site.origin + '/statistik/av-play');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), message);
    assert.equal((await h1(page).textContent()).trim(), 'AV-Play och AV-Media 2023');
    assert.deepEqual(await axeViolations(page), []);
    assert.ok(!page.errors.some(e => /panicked|RuntimeError|unreachable/.test(e)), page.errors.join('\n'));
    await page.getByRole('link', { name: 'Om data och källor' }).click();
    await page.locator('dl').waitFor();
    assert.equal((await h1(page).textContent()).trim(), 'Om data och källor');
    await page.close();
  });
}

test('an embed shows only the chart, with its source and a link to the full page', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/embed/av-media-aktiviteter');
  await page.locator('.chart svg').waitFor();
  assert.equal(await page.locator('header, footer, nav').count(), 0);
  assert.match(await page.locator('.source').textContent(), /Verksamhetsberättelse 2023/);
  assert.equal(await page.locator('.embed-link a').getAttribute('target'), '_top');
  await page.goto(site.origin + '/embed/finns-inte');
  await page.getByRole('alert').waitFor();
  assert.equal((await h1(page).textContent()).trim(), 'Diagrammet finns inte');
  assert.deepEqual(page.errors, []);
  await page.close();
});
