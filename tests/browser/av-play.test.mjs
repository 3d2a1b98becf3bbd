// The first chart end to end: published JSON → summary, SVG, table and source
// line; the loading state; and a visible alert when the data cannot be loaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage, axeViolations, h1 } from './lib.mjs';

const NBSP = '\u00a0';
let site, browser;
before(async () => { site = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

const text = async locator => (await locator.textContent()).replaceAll(NBSP, ' ').replaceAll('\u2212', '-').trim();

const rowsOf = locator => locator.locator('tbody tr').evaluateAll(trs => trs.map(tr => [...tr.cells].map(c => c.textContent.replaceAll('\u00a0', ' '))));

test('AV-Play\'s yearly figures are a dataset of the explorer: summary, drawing, table and quoted source', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/statistik/av-play');
  const figure = page.locator('.stat-figure');
  await figure.locator('.stat-svg svg').waitFor();
  // It opens on AV-Play's use; the county's own series is the chart's, not a reference.
  assert.equal(await text(figure.locator('h2')), 'Användare av AV-Play (genomsnitt), 2023');
  assert.equal(await text(figure.locator('.chart-summary')), 'Användare av AV-Play (genomsnitt), 2023: Kalmar län cirka 16 000.');
  assert.ok(!(await figure.locator('.stat-svg').textContent()).includes('jämförelse'), 'no reference legend');
  await page.getByLabel('Indikator', { exact: true }).selectOption({ label: 'Utlån av utrustning' });
  await page.waitForFunction(() => location.search === '?indikator=utlan');
  assert.equal(await text(figure.locator('h2')), 'Utlån av utrustning, 2022–2023');
  assert.equal(await text(figure.locator('.chart-summary')), 'Utlån av utrustning, 2023: Kalmar län 722.');
  // No respondents, grades, genders or other areas in usage figures: no such column or control.
  assert.deepEqual(await figure.locator('thead th').allTextContents(), ['Område ↕', 'År ↕', 'Värde ↕']);
  assert.deepEqual(await rowsOf(figure), [['Kalmar län', '2022', '698'], ['Kalmar län', '2023', '722']]);
  assert.deepEqual(await page.locator('.explorer-controls legend').allTextContents(), ['År']);
  assert.equal(await page.locator('.example-banner').count(), 0, 'real figures carry no example banner');
  assert.match(await text(figure.locator('.source')), /^Källa: Verksamhetsberättelse 2023 \(Kommunförbundet Kalmar län\), Unga, utbildning och etablering › Fokusområde 1: AV-Media › Resultat: ”Utlåningen av utrustning har fortsatt öka till 722 utlån från förra årets 698\.”\.$/);
  const svg = await figure.locator('.stat-svg').innerHTML();
  assert.ok(svg.includes('722') && !svg.includes('EXEMPELDATA'));
  // The source's hedge word stays with the number in summary, table, drawing and CSV.
  await page.getByLabel('Indikator', { exact: true }).selectOption({ label: 'Filmer i AV-Play' });
  await page.waitForFunction(() => location.search === '?indikator=filmer');
  assert.equal(await text(figure.locator('.chart-summary')), 'Filmer i AV-Play, 2023: Kalmar län drygt 16 000.');
  assert.deepEqual(await rowsOf(figure), [['Kalmar län', '2023', 'drygt 16 000']]);
  assert.ok((await figure.locator('.stat-svg svg').textContent()).replaceAll(NBSP, ' ').includes('drygt 16 000'));
  const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'CSV för Excel (semikolon, decimalkomma)' }).click()]);
  assert.equal(download.suggestedFilename(), 'av-play-filmer-08.csv');
  const csv = await readFile(await download.path(), 'utf8');
  assert.ok(!csv.includes('EXEMPELDATA'));
  assert.match(csv, /\nfilmer;2023;Kalmar län;08;alla;alla;;16000;drygt;antal;;nej;/);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('a view that AV-Play\'s data cannot show falls back and says so', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/statistik/av-play?indikator=strommar&kon=flickor&arskurs=gy2');
  await page.locator('.stat-svg svg').waitFor();
  await page.waitForFunction(() => location.search === '?indikator=strommar');
  assert.match(await page.locator('.quiet-notice').textContent(), /val som inte finns/);
  assert.equal(await text(page.locator('.stat-figure .chart-summary')), 'Strömningar (visningar av film), 2023: Kalmar län nära 270 000.');
  await page.goto(site.origin + '/embed/av-play?indikator=strommar');
  await page.locator('.stat-svg svg').waitFor();
  assert.equal(await text(h1(page)), 'Strömningar (visningar av film), 2023');
  assert.equal(await page.locator('header, footer, nav').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the goal/outcome chart and the key-figure cards keep the source\'s wording', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/statistik/av-play');
  await page.locator('.chart svg').first().waitFor();
  const summaries = await page.locator('.chart-summary').allTextContents();
  assert.ok(summaries.some(s => s.replaceAll(NBSP, ' ') === 'Aktiviteter 2023: utfallet blev 115 mot målet 110 (+5, +4,5 %).'), summaries.join(' | '));
  const values = (await page.locator('.card-value').allTextContents()).map(v => v.replaceAll(NBSP, ' '));
  // The figures that are not one yearly value of a measure; the rest are in the explorer.
  assert.deepEqual(values, ['1 500–2 000', 'ca 100', '50', '12', '84', '9', '3 529', 'cirka 33 %', 'ungefär 5 000']);
  await page.locator('.card-source summary').first().click();
  assert.match(await page.locator('.card-source blockquote').first().textContent(), /mellan 1 500 och 2 000 filmer per dag/);
  await page.close();
});

test('a key-figure chart downloads like every chart: CSV with its title, source and the values as stated, and a picture that says what it is', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/statistik/av-play');
  const figure = page.locator('figure:has(#diagram-av-media-aktiviteter-rubrik)');
  await page.locator('html[data-app="live"]').waitFor();
  const save = async name => {
    const [file] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name }).click()]);
    return [file.suggestedFilename(), await readFile(await file.path(), 'utf8')];
  };
  const [csvName, csv] = await save('CSV för Excel (semikolon, decimalkomma)');
  assert.equal(csvName, 'av-media-aktiviteter.csv');
  assert.deepEqual(csv.split('\n').slice(0, 5), ['\ufeff# Aktiviteter 2023', '# Källa: Kommunförbundet Kalmar län, Verksamhetsberättelse 2023, avsnitt Unga, utbildning och etablering › Fokusområde 1: AV-Media › Resultat.', 'avser;serie;värde;som_källan_skriver', 'Mål;;110;110', 'Utfall;;115;115']);
  const [svgName, svg] = await save('Diagrammet som SVG');
  assert.equal(svgName, 'av-media-aktiviteter.svg');
  assert.ok(svg.includes('>Aktiviteter 2023</text>') && svg.includes('Källa: Kommunförbundet Kalmar län'), svg.slice(0, 400));
  const [pngName] = await save('Diagrammet som PNG');
  assert.equal(pngName, 'av-media-aktiviteter.png');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('inside the app a loading message shows while the data is on its way', async () => {
  // A first load keeps the prerendered page until the data has come; a link followed in the app shows the loading state.
  const page = await openPage(browser);
  let release;
  const held = new Promise(ok => { release = ok; });
  await page.goto(site.origin + '/');
  await page.route('**/data/av-media-2023.json', async route => { await held; await route.continue(); });
  await page.getByRole('link', { name: 'AV-Play', exact: true }).click();
  const loading = page.getByRole('status').filter({ hasText: 'Laddar nyckeltal' });
  await loading.waitFor();
  await page.locator('.stat-svg svg').waitFor();
  assert.equal(await loading.count(), 1, 'the explorer does not wait for the key figures');
  release();
  await page.locator('.chart:not(.stat-figure) svg').first().waitFor();
  assert.equal(await page.getByRole('status').count(), 0);
  await page.close();
});

for (const [what, file, reply, message, stillThere] of [
  ['a server error', 'av-media-2023.json', { status: 500, body: 'fel' }, /servern svarade 500/, '.stat-svg svg'],
  ['a broken file', 'av-media-2023.json', { status: 200, body: '{"schema_version":2,"id":', contentType: 'application/json' }, /är skadad/, '.stat-svg svg'],
  ['another schema version', 'statistik-av-play.json', { status: 200, body: '{"schema_version":99}', contentType: 'application/json' }, /formatversion 99/, '.card-value'],
]) {
  test(`${what} in ${file} shows an alert while the rest of the page keeps working`, async () => {
    const page = await openPage(browser);
    await page.route(`**/data/${file}`, route => route.fulfill(reply));
    await page.goto(site.origin + '/statistik/av-play');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), message);
    await page.locator(stillThere).first().waitFor();
    assert.equal((await h1(page).textContent()).trim(), 'AV-Play och AV-Media');
    assert.deepEqual(await axeViolations(page), []);
    assert.ok(!page.errors.some(e => /panicked|RuntimeError|unreachable/.test(e)), page.errors.join('\n'));
    await page.getByRole('link', { name: 'Om data och källor', exact: true }).click();
    await page.locator('dl').waitFor();
    assert.equal((await h1(page).textContent()).trim(), 'Om data och källor');
    await page.close();
  });
}

test('an embed shows only the chart, with its source and a link to the full page', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/embed/av-media-2023?diagram=av-media-aktiviteter');
  await page.locator('.chart svg').waitFor();
  assert.equal(await page.locator('header, footer, nav').count(), 0);
  assert.match(await page.locator('.source').textContent(), /Verksamhetsberättelse 2023/);
  assert.equal(await page.locator('.embed-link a').getAttribute('target'), '_top');
  // No such chart, so no prerendered page: the host answers 404 with the app, which says why.
  const response = await page.goto(site.origin + '/embed/finns-inte');
  assert.equal(response.status(), 404);
  await page.getByRole('alert').waitFor();
  assert.equal((await h1(page).textContent()).trim(), 'Diagrammet finns inte');
  assert.deepEqual(page.errors, []);
  await page.close();
});
