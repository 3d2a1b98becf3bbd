// The users' journeys, done as a person does them, at 360 and 1280 px and on
// paper, through labels and roles: the municipal official (home → their
// municipality → a card with the county and the nation drawn → LUPP → the
// workbook → print), the citizen reading the plan (the menu, sharing a
// section, back to the contents, the budget's answer, its drawings legible on
// a phone) and the explorer on a phone (the chart on the first screen, legible
// text), each drawing drawn again when a window is narrowed or widened across
// the phone's width. Also: no public text names one of the site's source files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serve, launch, openPage, axeViolations, ROOT, SCREENSHOTS } from './lib.mjs';

const NBSP = '\u00a0';
const clean = t => t.replaceAll(NBSP, ' ').replace(/\s+/g, ' ').trim();
const WIDTHS = [360, 1280];
const SHOTS = join(SCREENSHOTS, 'journeys');

/** The text in a drawing, as rendered: no label under 12 px, none cut at either edge. */
async function legible(chart, what) {
  const sizes = await chart.evaluate(svg => {
    const [box, scale] = [svg.getBoundingClientRect(), svg.getBoundingClientRect().width / svg.viewBox.baseVal.width];
    return [...svg.querySelectorAll('text')].map(t => [Number(t.getAttribute('font-size')) * scale, Math.max(t.getBoundingClientRect().right - box.right, box.left - t.getBoundingClientRect().left), t.textContent.trim()]);
  });
  assert.ok(sizes.length > 0, `${what}: a drawing with text`);
  for (const [size, beyond, text] of sizes) {
    assert.ok(size >= 12, `${what}: "${text}" at ${size.toFixed(1)} px`);
    assert.ok(beyond <= 1, `${what}: "${text}" runs ${beyond.toFixed(0)} px past the drawing`);
  }
}

let site, browser;
before(async () => { site = await serve('dist'); browser = await launch(); await mkdir(SHOTS, { recursive: true }); });
after(async () => { await browser?.close(); site?.close(); });

for (const width of WIDTHS) {
  test(`${width} px: an official finds Torsås from the home page, reads a card against the county and the nation, jumps to LUPP, downloads everything and prints`, async () => {
    const page = await openPage(browser, { width, height: 800 });
    await page.goto(site.origin + '/');
    const choose = page.getByRole('region', { name: 'Välj kommun' });
    await choose.getByRole('link', { name: 'Torsås' }).click();
    await page.waitForURL(/\/kommun\/torsas$/);
    await page.getByRole('heading', { level: 1, name: 'Torsås kommun' }).waitFor();
    // The first card: its chart draws Torsås, the county and the nation, and names them.
    const andts = page.getByRole('region', { name: 'ANDTS – CAN:s skolundersökning', exact: true });
    const card = andts.locator('.indicator-card').first();
    await card.scrollIntoViewIfNeeded();
    const drawn = clean(await card.locator('svg').textContent());
    for (const place of ['Torsås', 'Kalmar län', 'Riket']) assert.ok(drawn.includes(place), `${place} in the chart: ${drawn}`);
    assert.deepEqual((await card.locator('tbody th').allTextContents()).map(clean), ['Torsås', 'Kalmar län', 'Riket']);
    // From the contents to LUPP, and back up.
    await page.getByRole('navigation', { name: 'Innehåll' }).getByRole('link', { name: 'LUPP – ungas levnadsvillkor' }).click();
    await page.waitForURL(/#del-lupp$/);
    const lupp = page.getByRole('heading', { level: 2, name: 'LUPP – ungas levnadsvillkor' });
    await page.waitForFunction(() => { const r = document.getElementById('del-lupp').getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight / 2; });
    assert.ok(await lupp.isVisible());
    // LUPP names no nation: neither in its cards nor in its links.
    const luppSection = page.getByRole('region', { name: 'LUPP – ungas levnadsvillkor', exact: true });
    assert.doesNotMatch(clean(await luppSection.textContent()), /riket/i);
    await luppSection.getByRole('link', { name: 'Till innehållet' }).click();
    await page.waitForFunction(() => document.getElementById('innehall').getBoundingClientRect().top < innerHeight / 2);
    // Everything in one download: the workbook, a sheet per survey, with status and source.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner alla uppgifter för Torsås' }).click()]);
    assert.equal(download.suggestedFilename(), 'torsas-kommunrapport.xlsx');
    const xlsx = await readFile(await download.path());
    assert.equal(xlsx.subarray(0, 2).toString(), 'PK', 'a zip, as an xlsx is');
    const names = execFileSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.read("xl/workbook.xml").decode()); print(z.read("xl/sharedStrings.xml").decode())', await download.path()]).toString();
    for (const sheet of ['Om uppgifterna', 'ANDTS', 'LUPP']) assert.match(names, new RegExp(`<sheet name="${sheet}"`), sheet);
    for (const word of ['Uppgift', 'Källa', 'Exempeldata', 'Verklig', 'EXEMPELDATA']) assert.ok(names.includes(word), word);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV-fil för Torsås' }).click()]);
    const text = await readFile(await csv.path(), 'utf8');
    assert.ok(text.startsWith('\ufeff# Torsås kommun'), text.slice(0, 60));
    assert.match(text, /\nUndersökning;Tema;Indikator;Årskurs;Område;År;Värde;Enhet;Svarande \(n\);Anmärkning;Uppgift;Källa\n/);
    // On paper: 2–4 pages, as the print test checks for all 12.
    const pdf = join(SHOTS, `torsas-${width}.pdf`);
    await writeFile(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    const pages = Number(execFileSync('pdfinfo', [pdf]).toString().match(/Pages:\s+(\d+)/)[1]);
    assert.ok(pages >= 2 && pages <= 4, `${pages} pages`);
    if (width === 360) execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(SHOTS, 'torsas-utskrift')]);
    await page.screenshot({ path: join(SHOTS, `torsas-${width}.png`) });
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`${width} px: a reader opens the plan from the menu, shares a section, goes back to the contents and reads the budget's answer`, async () => {
    const page = await openPage(browser, { width, height: 780 });
    await page.goto(site.origin + '/');
    const header = await page.locator('.site-header').boundingBox();
    if (width === 360) {
      assert.ok(header.height <= 120, `the header is ${header.height} px high on a phone`);
      await page.getByText('Meny', { exact: true }).click();
    }
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Verksamhetsplan 2025' }).click();
    await page.waitForURL(/\/plan\/2025$/);
    const section = page.getByRole('heading', { level: 2, name: 'Budget 2025' });
    await section.waitFor();
    // What is copied (the site's headers allow writing to the clipboard, not reading it).
    await page.evaluate(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      window.copied = [];
      navigator.clipboard.writeText = text => { window.copied.push(text); return write(text); };
    });
    const share = page.getByRole('button', { name: 'Kopiera länk till avsnittet Budget 2025' });
    await share.click();
    await page.locator('#budget-2025 + .share .share-status').filter({ hasText: 'Länken är kopierad' }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.copied), [`${site.origin}/plan/2025#budget-2025`]);
    if (width === 360) {
      // The plan is long on a phone: every section leads back to the contents.
      await page.locator('#budget-2025 + .share').getByRole('link', { name: 'Till innehållet' }).click();
      await page.waitForFunction(() => Math.abs(document.getElementById('innehall').getBoundingClientRect().top) < 40);
    }
    await page.goto(site.origin + '/plan/2025/budget');
    const answer = page.locator('.budget-answer');
    assert.match(clean(await answer.textContent()), /^Förbundets budget 2025 är 34 946 tkr\. Av dem är 7 000 tkr transfereringar/);
    assert.ok((await answer.boundingBox()).y < 780 * 1.5, 'the answer is near the top');
    // On a phone too every drawing reads: the two years' comparison is drawn on its side there.
    if (width === 360) {
      const charts = page.locator('html[data-app="live"] .chart-svg svg');
      await charts.first().waitFor();
      assert.equal(await charts.count(), 4, 'the budget\'s drawings, one each');
      for (const chart of await charts.all()) await legible(chart, `budget: ${await chart.evaluate(svg => svg.closest('figure').querySelector('h2').textContent)}`);
    }
    await page.screenshot({ path: join(SHOTS, `budget-${width}.png`), fullPage: true });
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('360 px: in the explorer the chart is on the first screen, its choices one line, its text at least 12 px', async () => {
  const page = await openPage(browser, { width: 360, height: 780 });
  for (const survey of ['andts', 'lupp', 'av-play']) {
    await page.goto(site.origin + `/statistik/${survey}`);
    const chart = page.locator('.stat-svg svg');
    await chart.waitFor();
    const box = await chart.boundingBox();
    // On the first screen, and enough of it to see that it is a chart (its legend or first values).
    assert.ok(box.y < 780 - 80, `${survey}: the chart starts ${box.y} px down`);
    await legible(chart, survey);
    if (survey === 'lupp') await page.screenshot({ path: join(SHOTS, 'lupp-360.png') });
  }
  // The choices in force as one line; "Ändra urval" opens the controls, and a change shows in the line.
  await page.goto(site.origin + '/statistik/andts');
  await page.locator('.stat-svg svg').waitFor();
  assert.match(clean(await page.locator('.choice-line').textContent()), /^Valt: Druckit alkohol senaste 12 månaderna · gy 2 · Kalmar län, Riket · \d{4}–\d{4}$/);
  assert.ok(!(await page.getByLabel('Indikator', { exact: true }).isVisible()), 'the controls are folded');
  await page.getByText('Ändra urval').click();
  await page.getByLabel('Indikator', { exact: true }).selectOption({ label: 'Röker' });
  await page.waitForFunction(() => document.querySelector('.choice-line').textContent.includes('Röker'));
  // A wide table scrolls with its first column in place, and the status beside it.
  await page.getByLabel('Torsås', { exact: true }).check();
  await page.waitForFunction(() => location.search.includes('0834'));
  const first = page.locator('.stat-table tbody th').first();
  const before = (await first.boundingBox()).x;
  await page.locator('.stat-figure .table-wrap').evaluate(w => { w.scrollLeft = 200; });
  assert.equal((await first.boundingBox()).x, before, 'the area column stays put');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a window narrowed across the phone\'s width draws again for it, and again when widened: a phone turned, a window resized', async () => {
  const page = await openPage(browser, { width: 1280, height: 800 });
  const widths = selector => page.locator(selector).evaluateAll(svgs => svgs.map(svg => svg.viewBox.baseVal.width));
  const drawnAt = (selector, width) => page.waitForFunction(([s, w]) => [...document.querySelectorAll(s)].every(svg => svg.viewBox.baseVal.width === w), [selector, width]);
  for (const [route, selector, wide, narrow] of [['/plan/2025/budget', '.chart-svg svg', 420, 320], ['/statistik/lupp', '.stat-svg svg', 640, 380]]) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(site.origin + route);
    assert.ok((await widths(selector)).every(w => w === wide), `${route}: drawn ${wide} wide at 1280 px`);
    await page.setViewportSize({ width: 360, height: 740 });
    await drawnAt(selector, narrow);
    for (const chart of await page.locator(selector).all()) await legible(chart, `${route} narrowed to 360 px`);
    await page.setViewportSize({ width: 1000, height: 740 });
    await drawnAt(selector, wide);
  }
  // The explorer's map view, turned and turned back, then a chart again: nothing breaks.
  await page.goto(site.origin + '/statistik/andts?visa=karta');
  await page.locator('.stat-map svg').waitFor();
  for (const [width, phone] of [[360, true], [1280, false]]) {
    await page.setViewportSize({ width, height: 800 });
    await page.waitForFunction(phone => matchMedia('(max-width: 639.98px)').matches === phone, phone);
  }
  await page.getByLabel('Flickor och pojkar').check();
  await page.locator('.stat-svg svg').waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('without JavaScript the phone menu opens and leads to every section', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  await page.goto(site.origin + '/kommun/torsas');
  assert.ok(!(await page.getByRole('navigation', { name: 'Huvudmeny' }).isVisible()), 'folded');
  await page.getByText('Meny', { exact: true }).click();
  const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
  assert.equal(await menu.getByRole('link').count(), 7);
  await menu.getByRole('link', { name: 'LUPP' }).click();
  await page.waitForURL(/\/statistik\/lupp$/);
  await context.close();
});

test('search finds a municipality by name and an indicator by its label', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/sok?q=Vimmerby');
  const first = page.locator('.search-hits li a').first();
  await first.waitFor();
  assert.equal(new URL(await first.getAttribute('href'), site.origin).pathname, '/kommun/vimmerby');
  await page.goto(site.origin + '/sok?q=snusar');
  const hits = await page.locator('main a').evaluateAll(as => as.map(a => a.getAttribute('href')));
  assert.ok(hits.some(h => h.includes('/statistik/andts?indikator=snus')), hits.join(' '));
  await page.close();
});

test('no public text names a source file of the site (.rs, .md, .toml)', async () => {
  const files = [];
  const walk = async dir => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else if (/\.(html|json|csv)$/.test(e.name)) files.push(path);
    }
  };
  await walk(join(ROOT, 'dist'));
  const found = [];
  for (const file of files) {
    const text = (await readFile(file, 'utf8')).replace(/<[^>]+>/g, ' ');
    for (const m of text.matchAll(/[\w./-]+\.(rs|md|toml)\b/g)) found.push(`${file.slice(ROOT.length + 1)}: ${m[0]}`);
  }
  assert.deepEqual(found, []);
});

test('every municipality\'s embedded card carries the example banner, Vimmerby\'s too', async () => {
  const areas = JSON.parse(await readFile(join(ROOT, 'dist/data/areas.json'), 'utf8')).municipalities;
  const page = await openPage(browser, { width: 400, height: 600 });
  for (const m of areas) {
    await page.goto(site.origin + `/embed/kommun-${m.slug}`);
    assert.match(await page.locator('.example-banner').first().textContent(), /Exempeldata – inte verkliga resultat/, m.slug);
  }
  await page.close();
});
