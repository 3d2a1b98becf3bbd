// The statistics explorer end to end: controls → URL → chart, summary and
// table; reload; CSV download; the example-data banner; canonical URLs; axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage, axeViolations, screenshot, statRows } from './lib.mjs';

const NBSP = '\u00a0';
let site, browser;
before(async () => { site = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

const clean = t => t.replaceAll(NBSP, ' ').trim();
const ready = page => page.locator('.stat-svg svg').waitFor();
const summary = async page => clean(await page.locator('#statfigur-sammanfattning').textContent());
const tableRows = statRows;
const headers = page => page.locator('.stat-table thead th').evaluateAll(ths => ths.map(th => th.textContent.replace(/ [▲▼↕]$/, '')));
const path = page => { const u = new URL(page.url()); return u.pathname + decodeURIComponent(u.search); };

test('choosing indicator, area and year through the controls sets the URL, chart, summary and table', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/statistik/andts');
  await ready(page);
  await page.getByLabel('Indikator', { exact: true }).selectOption({ label: 'Röker' });
  await page.getByLabel('Kalmar kommun', { exact: true }).check();
  await page.getByRole('button', { name: 'Bara senaste året' }).click();
  await page.waitForFunction(() => location.search.includes('till='));
  assert.equal(path(page), '/statistik/andts?indikator=rokning&omrade=0880,08,00&fran=2023&till=2023');
  const s = await summary(page);
  assert.match(s, /^Röker, gy 2, 2023: Kalmar kommun \d+(,\d)? % \(n = \d+\), Kalmar län \d+(,\d)? % \(n = [\d ]+\), Riket 21 %\.$/, s);
  const rows = await tableRows(page);
  assert.deepEqual(rows.map(r => r[0]), ['Kalmar kommun', 'Kalmar län', 'Riket']);
  assert.deepEqual(rows[2].slice(0, 3), ['Riket', '2023', '21 %'], 'the national figure is CAN\'s published 21 %');
  // Real and example rows mixed: the status stands beside the area, which stays put on a phone.
  assert.deepEqual((await headers(page)).slice(0, 2), ['Område', 'Uppgift']);
  assert.deepEqual(await page.locator('.stat-table tbody tr td:nth-child(2)').allTextContents(), ['Exempeldata', 'Exempeldata', 'Verklig']);
  // The chart labels every bar with the table's value.
  const svgText = clean(await page.locator('.stat-svg svg').evaluate(svg => [...svg.querySelectorAll('text')].map(t => t.textContent).join('|')));
  for (const [, , value] of rows) assert.ok(svgText.includes(value.replace('*', '')), `${value} in ${svgText}`);
  assert.equal(clean(await page.locator('.stat-figure h2').textContent()), 'Röker, gy 2, 2023');
  // Girls and boys side by side: two bars per area.
  await page.getByLabel('Flickor och pojkar').check();
  await page.waitForFunction(() => location.search.includes('kon=jamfor'));
  assert.match(await summary(page), /Kalmar kommun \(flickor\) .*Kalmar kommun \(pojkar\)/);
  assert.deepEqual((await tableRows(page)).map(r => r[2]).slice(0, 2), ['flickor', 'pojkar']);
  // The grade: åk 9 instead of gy 2.
  await page.getByLabel('åk 9', { exact: true }).check();
  await page.waitForFunction(() => location.search.includes('arskurs=ak9'));
  assert.equal(path(page), '/statistik/andts?indikator=rokning&omrade=0880,08,00&fran=2023&till=2023&arskurs=ak9&kon=jamfor');
  assert.match(await summary(page), /^Röker, åk 9, 2023: Kalmar kommun \(flickor\) /);
  assert.equal(clean(await page.locator('.stat-figure h2').textContent()), 'Röker, åk 9, flickor och pojkar, 2023');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a shared link reproduces the view exactly, also after reload', async () => {
  const page = await openPage(browser);
  const url = '/statistik/lupp?indikator=livet_nojd&omrade=0880,08&arskurs=ak8&kon=jamfor';
  await page.goto(site.origin + url);
  await ready(page);
  const before = [await summary(page), await tableRows(page), await page.locator('.stat-svg').innerHTML()];
  assert.equal(await page.getByLabel('Indikator', { exact: true }).evaluate(s => s.selectedOptions[0].textContent), 'Hur nöjd är du med ditt liv i sin helhet?');
  assert.equal(await page.getByLabel('åk 8', { exact: true }).isChecked(), true);
  assert.equal(await page.getByLabel('Kalmar kommun', { exact: true }).isChecked(), true);
  // A whole distribution: one stacked bar per area and gender, for one year.
  assert.equal((await tableRows(page)).length, 2 * 2 * 5);
  await page.reload();
  await ready(page);
  assert.equal(path(page), url);
  assert.deepEqual([await summary(page), await tableRows(page), await page.locator('.stat-svg').innerHTML()], before);
  await page.close();
});

test('the CSV download holds exactly the rows shown, headed by source and status', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/statistik/andts?indikator=rokning&omrade=0880,08,00&fran=2023&till=2023');
  await ready(page);
  const shown = await tableRows(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV för Excel (semikolon, decimalkomma)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'andts-rokning-gy2-0880-08-00-2023-2023.csv');
  const csv = await readFile(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff# EXEMPELDATA – INTE VERKLIGA RESULTAT'), csv.slice(0, 80));
  const lines = csv.trim().split('\n');
  const header = lines.findIndex(l => l.startsWith('indikator;'));
  assert.equal(lines[header], 'indikator;år;område;områdeskod;årskurs;kön;svar;värde;ungefär;enhet;n;exempeldata;källa');
  const data = lines.slice(header + 1).map(l => l.split(';'));
  assert.deepEqual(data.map(d => d[2]), shown.map(r => r[0]));
  assert.deepEqual(data.map(d => d[7]), shown.map(r => r[2].replace(' %', '').replace('*', '')));
  assert.deepEqual(data[2].slice(0, 12), ['rokning', '2023', 'Riket', '00', 'gy2', 'alla', '', '21', '', 'procent', '', 'nej']);
  const [standard] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV standard (komma, decimalpunkt)' }).click(),
  ]);
  assert.equal(standard.suggestedFilename(), 'andts-rokning-gy2-0880-08-00-2023-2023-standard.csv');
  assert.match(await readFile(await standard.path(), 'utf8'), /\nindikator,år,område,/);
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Diagrammet som SVG' }).click()]);
  const drawing = await readFile(await svg.path(), 'utf8');
  assert.ok(drawing.includes('EXEMPELDATA – INTE VERKLIGA RESULTAT') && drawing.includes('Källa:'), 'the SVG carries banner, title and source');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Diagrammet som PNG' }).click()]);
  const bytes = await readFile(await png.path());
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  assert.equal(bytes.readUInt32BE(16), 1280, 'the PNG is drawn at twice the SVG\'s 640 units');
  await page.close();
});

test('example data is unmissable; a view of real figures only carries no banner in its chart', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/statistik/andts?omrade=0880');
  await ready(page);
  assert.match(await page.locator('.example-banner').first().textContent(), /Exempeldata – inte verkliga resultat/);
  assert.ok((await page.locator('.stat-svg').innerHTML()).includes('EXEMPELDATA – INTE VERKLIGA RESULTAT'));
  assert.match(await page.locator('.stat-table caption').textContent(), /Exempeldata – inte verkliga resultat/);
  await page.goto(site.origin + '/statistik/andts?omrade=00');
  await ready(page);
  assert.ok(!(await page.locator('.stat-svg').innerHTML()).includes('EXEMPELDATA'), 'national series are CAN\'s figures');
  assert.equal(await page.locator('.stat-table caption .example-tag').count(), 0);
  // The embed of an example view says so too.
  await page.goto(site.origin + '/embed/andts?omrade=0880,08');
  await ready(page);
  assert.equal(await page.locator('.site-header').count(), 0);
  assert.match(await page.locator('.stat-figure .example-banner').textContent(), /Exempeldata – inte verkliga resultat/);
  assert.equal(await page.locator('h1').count(), 1);
  await page.close();
});

test('unknown or conflicting URL values fall back, the URL is rewritten and a notice says so', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/statistik/lupp?kon=pojkar&indikator=finns-inte&omrade=9999&svar=7&okand=1');
  await ready(page);
  await page.waitForFunction(() => location.search === '?kon=pojkar');
  assert.match(await page.locator('.quiet-notice').textContent(), /val som inte finns/);
  assert.equal(await page.getByLabel('Pojkar', { exact: true }).isChecked(), true);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the table sorts by value, and a filtered view has no axe violations', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/statistik/andts?indikator=snus&omrade=0821,0834,0840,0860,0861,0862,0880,0881,0882,0883,0884,0885,08,00&fran=2023&till=2023');
  await ready(page);
  const value = r => r[2] === '..' ? Infinity : parseFloat(r[2].replace(',', '.'));
  const header = page.locator('.stat-table th', { hasText: 'Värde' });
  await header.getByRole('button').click();
  assert.equal(await header.getAttribute('aria-sort'), 'ascending');
  const asc = (await tableRows(page)).map(value);
  assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
  await header.getByRole('button').click();
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  const desc = (await tableRows(page)).map(value);
  assert.equal(desc.at(-1), Infinity, 'suppressed cells show ".." and sort last either way');
  assert.deepEqual(desc.slice(0, -1), [...desc.slice(0, -1)].sort((a, b) => b - a));
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'statistik-andts-alla-kommuner-1280');
  await page.goto(site.origin + '/statistik/lupp?indikator=livet_nojd&omrade=0880,08&kon=jamfor');
  await ready(page);
  assert.deepEqual(await axeViolations(page), []);
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, 'statistik-lupp-fordelning-360');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the indicator search narrows the list and keeps the chosen indicator', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/statistik/lupp');
  await ready(page);
  await page.getByLabel('Sök indikator').fill('trygg');
  await page.locator('#indikator-traffar', { hasText: '2 av 14' }).waitFor();
  const labels = await page.locator('#indikator option').allTextContents();
  assert.deepEqual(labels, ['Hur mycket fritid har du?', 'Känner sig alltid trygg i skolan', 'Känner sig trygg i kommunens centrum']);
  assert.deepEqual(await page.locator('#indikator optgroup').evaluateAll(gs => gs.map(g => g.label)), ['Fritid', 'Trygghet']);
  await page.close();
});

test('a statistics file that fails to load shows a message while the rest of the page works', async () => {
  const page = await openPage(browser);
  await page.route('**/data/statistik-andts.json', route => route.fulfill({ status: 500, body: 'fel' }));
  await page.goto(site.origin + '/statistik/andts');
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /statistik-andts\.json kunde inte hämtas \(servern svarade 500\)/);
  await page.getByRole('link', { name: 'LUPP', exact: true }).click();
  await ready(page);
  assert.equal(new URL(page.url()).pathname, '/statistik/lupp');
  await page.close();
});

for (const id of ['andts', 'lupp', 'av-play']) {
  test(`statistik-${id}.json valid but without rows: a clear message on the page and in its embed, no empty chart`, async () => {
    const page = await openPage(browser);
    const file = `statistik-${id}.json`;
    await page.route(`**/data/${file}`, async route => {
      const response = await route.fetch();
      const table = await response.json();
      // Every column of the rows, emptied: a valid file with zero rows.
      for (const key of Object.keys(table.rows)) table.rows[key] = [];
      await route.fulfill({ response, json: table });
    });
    for (const path of [`/statistik/${id}`, `/embed/${id}`]) {
      await page.goto(site.origin + path, { live: false });
      const alert = page.getByRole('alert').filter({ hasText: file });
      await alert.waitFor();
      assert.match(await alert.textContent(), /innehåller inga uppgifter, så det finns inget diagram eller någon tabell att visa/, path);
      await page.locator('html[data-app="live"]').waitFor();
      assert.equal(await page.locator('.stat-svg svg, .stat-table').count(), 0, `${path}: no empty chart or table`);
      assert.deepEqual(await axeViolations(page), [], path);
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('a municipality page opens the explorer with that municipality, the county and the nation', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/kommun/nybro');
  await page.getByRole('link', { name: 'Druckit alkohol senaste 12 månaderna: Nybro, länet och riket i statistikverktyget' }).first().click();
  await ready(page);
  assert.equal(path(page), '/statistik/andts?omrade=0881,08,00&arskurs=ak9');
  assert.match(await summary(page), /Nybro .*Kalmar län .*Riket/);
  await page.close();
});

test('real and example rows in one view are marked apart, each with its source; a municipality that does not take part is said to', async () => {
  const page = await openPage(browser);
  // Torsås' narcotics figures for 2015 and 2017 are real (a newspaper's, a secondary source); its other rounds are example data.
  await page.goto(site.origin + '/statistik/andts?indikator=narkotika_nagon_gang&arskurs=ak9&omrade=0834,08');
  await ready(page);
  const status = await page.locator('.stat-table').evaluate(table => {
    const head = [...table.tHead.rows[0].cells].map(th => th.textContent);
    const [area, year, state] = ['Område', 'År', 'Uppgift'].map(h => head.findIndex(t => t.startsWith(h)));
    return [...table.tBodies[0].rows].map(tr => [tr.cells[area].textContent, tr.cells[year].textContent, tr.cells[state].textContent]);
  });
  const torsas = status.filter(([area]) => area === 'Torsås');
  assert.deepEqual(torsas.filter(([, , s]) => /verklig/i.test(s)).map(([, year]) => year).sort(), ['2015', '2017'], JSON.stringify(torsas));
  assert.ok(torsas.some(([, , s]) => /exempel/i.test(s)), 'the other rounds are example data');
  const notes = clean(await page.locator('.stat-figure .legend').first().textContent());
  assert.match(notes, /\* och ofylld punkt: exempeldata\. Fylld punkt: verkligt värde\./, notes);
  assert.match(clean(await page.locator('.stat-svg svg').textContent()), /verkligt värde.*exempeldata/s, 'the drawing\'s legend says which marker is which');
  assert.match(clean(await page.locator('.stat-figure .source').first().textContent()), /Andrahandskälla: 24emmaboda\.se/);
  assert.match(clean(await page.locator('.example-banner').textContent()), /Exempeldata i vyn: Kalmar län och övriga år för Torsås. Ur publicerade källor: .*Torsås 2015 och 2017/);
  // Vimmerby takes no part in CAN's regional survey: one sentence, not a blank.
  await page.goto(site.origin + '/statistik/andts?omrade=0884,08');
  await ready(page);
  assert.match(clean(await page.locator('.stat-figure').textContent()), /Vimmerby deltar inte i CAN:s regionala undersökning\./);
  assert.deepEqual(page.errors, []);
  await page.close();
});
