// The municipalities: the county map and list, each municipality's report
// (by name and by code, with JavaScript and without), its honest comparisons,
// the passages that name it, its print as a short A4 report, and the
// explorer's references and map view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, axeViolations, screenshot, h1, statRows, printedPages, clickWhenStill, SCREENSHOTS, ROOT } from './lib.mjs';

const NBSP = '\u00a0';
const clean = t => t.replaceAll(NBSP, ' ').replaceAll('\u00ad', '').replace(/\s+/g, ' ').trim();
const areas = JSON.parse(await readFile(join(ROOT, 'dist/data/areas.json'), 'utf8')).municipalities;
const report = slug => readFile(join(ROOT, `dist/data/kommun-${slug}.json`), 'utf8').then(JSON.parse);

let site, browser;
before(async () => { site = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

test('/kommun shows the 12 municipalities on a map and in a list, each a link reachable by keyboard', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/kommun');
  assert.equal(clean(await h1(page).textContent()), 'Länets kommuner');
  const mapLinks = page.locator('.map-links a');
  assert.equal(await mapLinks.count(), 12);
  const names = await mapLinks.evaluateAll(as => as.map(a => a.getAttribute('aria-label')));
  assert.deepEqual([...names].sort(), areas.map(m => m.name).sort());
  const list = await page.locator('.municipality-list a').allTextContents();
  assert.deepEqual(list, ['Borgholm', 'Emmaboda', 'Hultsfred', 'Högsby', 'Kalmar', 'Mönsterås', 'Mörbylånga', 'Nybro', 'Oskarshamn', 'Torsås', 'Vimmerby', 'Västervik'], 'Swedish alphabetical order');
  // Tab from the skip link reaches every map link, each named by its municipality.
  await page.locator('.map-links a').first().focus();
  const reached = [];
  for (let i = 0; i < 12; i++) {
    reached.push(await page.evaluate(() => document.activeElement.getAttribute('aria-label')));
    await page.keyboard.press('Tab');
  }
  assert.deepEqual(reached, names);
  await page.locator('.map-links a[aria-label="Mönsterås"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('h1', { hasText: 'Mönsterås kommun' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/kommun/monsteras');
  await page.goto(site.origin + '/kommun');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'kommun-1280');
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, 'kommun-360');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('each municipality has its report by name and by code: its name, its figures against the county and the nation, the banner', async () => {
  const page = await openPage(browser);
  for (const m of areas) {
    const r = await report(m.slug);
    for (const key of [m.slug, m.code]) {
      const response = await page.goto(site.origin + `/kommun/${key}`);
      assert.equal(response.status(), 200, key);
      await page.locator('.indicator-card').first().waitFor();
      assert.equal(clean(await h1(page).textContent()), `${m.name} kommun`, key);
      assert.equal(await page.locator('.example-banner').count(), 1, `${key}: the example-data banner`);
      const cards = page.locator('.indicator-card');
      const expected = r.surveys.reduce((n, s) => n + s.indicators.length, 0);
      assert.equal(await cards.count(), expected, `${key}: one card per key indicator and grade`);
      // Each card's table names the municipality ("Kalmar kommun" beside "Kalmar län"), the county,
      // and the nation only where the survey has it (LUPP has none), with n beside each value;
      // its chart draws the same places, the nation as a reference where it has figures.
      const own = m.name === 'Kalmar' ? 'Kalmar kommun' : m.name;
      for (const s of r.surveys) {
        const section = page.locator(`section[aria-labelledby="del-${s.id}"]`);
        if (s.absent) {
          // Not taking part (Vimmerby in CAN's regional survey): one sentence, no cards.
          assert.ok(clean(await section.textContent()).includes(s.absent), `${key} ${s.id}: ${s.absent}`);
          assert.equal(await section.locator('.indicator-card').count(), 0, `${key} ${s.id}: no cards`);
          continue;
        }
        // Each card's "Källa" names exactly the sources of the values it shows.
        const cited = await section.locator('.indicator-card .source').allTextContents();
        assert.deepEqual(cited.map(clean), s.indicators.map(k => `Källa: ${k.sources.join('; ')}.`), `${key} ${s.id}: sources`);
        const card = section.locator('.indicator-card').first();
        const rows = await card.locator('tbody tr').evaluateAll(trs => trs.map(tr => [...tr.cells].map(c => c.textContent)));
        const places = s.has_nation ? [own, 'Kalmar län', 'Riket'] : [own, 'Kalmar län'];
        assert.deepEqual(rows.map(row => row[0]), places, `${key} ${s.id}`);
        const drawn = clean(await card.locator('svg').textContent());
        for (const place of places.filter(p => p !== 'Riket' || s.indicators[0].nation_years.length)) assert.ok(drawn.includes(place), `${key} ${s.id}: ${place} in the chart: ${drawn}`);
        if (!s.has_nation) {
          assert.ok(!drawn.includes('Riket'), `${key} ${s.id}: no nation drawn`);
          assert.doesNotMatch(clean(await page.locator(`section[aria-labelledby="del-${s.id}"]`).textContent()), /riket/i, `${key} ${s.id}: the nation is not promised`);
        }
      }
      // The words allowed: a sure difference, none, or why no claim is made.
      for (const verdict of await page.locator('.indicator-card .verdict').allTextContents()) {
        assert.match(verdict, /^(Högre än länet|Lägre än länet|Ingen säker skillnad mot länet|Kan inte jämföras med länet: [^.]+)\.( (Högre än riket|Lägre än riket|Ingen säker skillnad mot riket)\.)?$/, `${key}: ${verdict}`);
      }
      // A link into the explorer for every indicator, with the municipality beside the county and the nation.
      const links = await page.locator('.indicator-card .card-link a').evaluateAll(as => as.map(a => decodeURIComponent(new URL(a.href).search)));
      assert.equal(links.length, expected);
      for (const q of links) assert.match(q, new RegExp(`omrade=${m.code},08(,00)?`), q);
      assert.match(clean(await page.locator('#hela-lanet').locator('..').textContent()), new RegExp(`Gäller hela länet, inte ${m.name} för sig`), `${key}: AV-Media is county-wide`);
      assert.equal(await page.locator('.passage-list li').count(), r.passages.length, key);
    }
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('Kalmar\'s report lists the passages naming the municipality, not those naming only the county', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/kommun/kalmar');
  await page.locator('.indicator-card').first().waitFor();
  const passages = await page.locator('.passage-list .passage-text').allTextContents();
  assert.ok(passages.length > 0);
  for (const text of passages) {
    const own = [...text.matchAll(/Kalmar(?!\s+läns?\b)/g)].filter(m => !/(Region|Kommunförbundet|Länsstyrelsen)\s+$/.test(text.slice(0, m.index)));
    assert.ok(own.length > 0, `names Kalmar the municipality: ${text}`);
  }
  const plan = JSON.stringify(JSON.parse(await readFile(join(ROOT, 'dist/data/plan-2025.json'), 'utf8')));
  assert.ok((plan.match(/Kalmar län/g) ?? []).length > passages.length, 'the county is named far more often than the page lists');
  // Each passage links to its place in its document.
  const hrefs = await page.locator('.passage-list a').evaluateAll(as => as.map(a => new URL(a.href).pathname + new URL(a.href).hash));
  for (const h of hrefs) assert.match(h, /^\/(plan\/2025|rapport\/2023)#.+/);
  await page.close();
});

test('a municipality the documents never name says so, and an unknown one is the 404 page with the list', async () => {
  // The data build names none for the fixture in kfkl-data's tests; here: the page's wording for an empty list.
  const page = await openPage(browser);
  await page.route('**/data/kommun-vimmerby.json', async route => {
    const r = await report('vimmerby');
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...r, passages: [] }) });
  });
  await page.goto(site.origin + '/kommun/vimmerby');
  await page.locator('.passages').waitFor();
  assert.match(clean(await page.locator('.passages').textContent()), /Varken verksamhetsplanen 2025 eller verksamhetsberättelsen 2023 nämner Vimmerby vid namn\./);
  const response = await page.goto(site.origin + '/kommun/okand');
  assert.equal(response.status(), 404);
  assert.equal(clean(await h1(page).textContent()), 'Sidan finns inte');
  assert.equal(await page.locator('main .columns a').count(), 12);
  assert.equal(await page.locator('meta[name="robots"][content="noindex"]').count(), 1);
  await page.close();
});

test('without JavaScript the report is the same, and the print button says how to print', async () => {
  const withJs = await openPage(browser);
  await withJs.goto(site.origin + '/kommun/nybro');
  await withJs.locator('.indicator-card').first().waitFor();
  const live = clean(await withJs.locator('main').innerText());
  await withJs.close();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const key of ['nybro', '0881']) {
    await page.goto(site.origin + `/kommun/${key}`);
    assert.equal(clean(await h1(page).textContent()), 'Nybro kommun');
    assert.equal(await page.locator('.indicator-card').count(), 22);
    assert.equal(await page.locator('.indicator-card svg').count(), 22, 'the trend charts are prerendered');
  }
  const prerendered = clean(await page.locator('main').innerText());
  // The app's button is enabled; the page's is not: otherwise the text is the same.
  assert.equal(prerendered.replace(/ ?Skriv ut med webbläsarens utskrift \(Ctrl\+P\)\./, ''), live);
  assert.ok(await page.getByRole('button', { name: 'Skriv ut / spara som PDF' }).isDisabled());
  await page.goto(site.origin + '/kommun');
  assert.equal(await page.locator('.map-links a').count(), 12, 'the map links work without JavaScript');
  await context.close();
});

test('the kommunrapport prints as 2–4 A4 pages with name, key figures and sources, nothing under 7 pt and no remnant page, for every municipality', async () => {
  const page = await openPage(browser);
  const dir = join(SCREENSHOTS, 'kommunrapport');
  await mkdir(dir, { recursive: true });
  const pagesOf = {}, smallest = {};
  for (const m of areas) {
    await page.goto(site.origin + `/kommun/${m.slug}`);
    await page.locator('.indicator-card').first().waitFor();
    const firstValue = clean(await page.locator('.indicator-card .card-value').first().textContent()).split(' ')[0];
    const pdf = join(dir, `${m.slug}.pdf`);
    await writeFile(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    const info = execFileSync('pdfinfo', [pdf]).toString();
    const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
    pagesOf[m.slug] = pages;
    assert.ok(pages >= 2 && pages <= 4, `${m.slug}: ${pages} pages`);
    const text = clean(execFileSync('pdftotext', ['-layout', pdf, '-']).toString());
    assert.ok(text.includes(`${m.name} kommun`), `${m.slug}: the name`);
    assert.ok(text.includes(firstValue.replace(NBSP, ' ')), `${m.slug}: the first key figure ${firstValue}`);
    assert.ok(text.includes('Källa'), `${m.slug}: the sources`);
    assert.ok(text.includes('Exempeldata – inte verkliga resultat'), `${m.slug}: the banner`);
    assert.ok(!text.includes('Skriv ut / spara som PDF'), `${m.slug}: no print button on paper`);
    // Nothing printed under 7 pt: the height of every word's box, as pdftotext measures it.
    const printed = printedPages(pdf), words = printed.flatMap(p => p.words);
    const small = words.filter(w => w.pt < 7).map(w => `${w.text} (${w.pt.toFixed(1)} pt)`);
    smallest[m.slug] = Math.min(...words.map(w => w.pt)).toFixed(1);
    assert.deepEqual(small, [], `${m.slug}: words under 7 pt`);
    // No page holds a remnant: every page's text fills at least a fifth of its height.
    printed.forEach(({ filled }, i) => assert.ok(filled >= 0.2, `${m.slug}: page ${i + 1} holds only ${(filled * 100).toFixed(0)} % of a page`));
    if (['kalmar', 'vimmerby', 'torsas'].includes(m.slug)) execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(dir, m.slug)]);
  }
  console.log('printed pages:', JSON.stringify(pagesOf), 'smallest word box (pt):', JSON.stringify(smallest));
  // The button opens the browser's print dialog.
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed++; }; });
  await page.getByRole('button', { name: 'Skriv ut / spara som PDF' }).click();
  assert.equal(await page.evaluate(() => window.printed), 1);
  await page.close();
});

test('on paper the report\'s small charts have their text at 7 pt or more, as its words do', async () => {
  // pdftotext does not see the text of a drawing: measured in the page laid out as on A4
  // (210 − 2 × 16 mm), three cards a row, as the print test's PDFs are.
  const page = await openPage(browser, { width: 673, height: 1000 });
  await page.goto(site.origin + '/kommun/torsas');
  await page.emulateMedia({ media: 'print' });
  const sizes = await page.locator('.trend-svg svg').evaluateAll(svgs => svgs.flatMap(svg => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll('text')].map(t => [t.textContent.trim(), Number(t.getAttribute('font-size')) * scale * 0.75]);
  }));
  assert.ok(sizes.length > 20, `text in the drawings: ${sizes.length}`);
  const small = sizes.filter(([, pt]) => pt < 7).map(([text, pt]) => `${text} (${pt.toFixed(2)} pt)`);
  assert.deepEqual(small, [], 'text in the drawings under 7 pt');
  await page.close();
});

test('the report and the map pass axe on screen and in print, and read on a phone', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/kommun/kalmar');
  await page.locator('.indicator-card').first().waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await axeViolations(page), [], 'print media');
  await page.emulateMedia({ media: 'screen' });
  await screenshot(page, 'kommun-kalmar-1280');
  await page.setViewportSize({ width: 360, height: 800 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no horizontal scrolling at 360 px');
  await screenshot(page, 'kommun-kalmar-360');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('in the explorer the county and the nation are references: their own legend entry, pattern and label', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/statistik/andts?omrade=0881,08,00');
  await page.locator('.stat-svg svg').waitFor();
  const svg = await page.locator('.stat-svg svg').innerHTML();
  // Lines: each reference named beside its own dash, the municipality beside its solid line.
  for (const entry of ['Kommun', 'Kalmar län', 'Riket']) assert.ok(clean(await page.locator('.stat-svg svg').textContent()).includes(entry), `a legend entry: ${entry}`);
  assert.match(clean(await page.locator('.stat-figure .legend').first().textContent()), /Kalmar län och Riket är jämförelser/);
  const rows = await page.locator('.stat-table tbody tr').evaluateAll(trs => trs.map(tr => [tr.cells[0].textContent, tr.className, [...tr.cells].map(c => c.textContent)]));
  for (const [area, cls, cells] of rows) {
    if (area === 'Nybro') assert.ok(cells.some(c => /^(högre|lägre|ingen säker skillnad|kan inte jämföras)$/.test(c)), cells.join('|'));
    else assert.ok(cls.includes('reference') && cells.at(-1) === '', `${area} is marked as a reference, with no claim against itself`);
  }
  assert.ok(await page.getByRole('link', { name: 'Så jämförs kommunerna med länet' }).count());
  // One year: the reference bars are hatched. (In 2024 only the nation has a figure: alone, it is no reference.)
  await page.getByLabel('Till år').selectOption('2023');
  await page.getByLabel('Från år').selectOption('2023');
  await page.waitForFunction(() => location.search.includes('fran=2023&till=2023') && document.querySelector('.stat-svg svg')?.textContent.includes('som jämförelse'));
  assert.ok(clean(await page.locator('.stat-svg svg').textContent()).includes('Kalmar län och Riket, som jämförelse'));
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('the explorer\'s map view shows one year across the municipalities, classed, labelled, hatched where missing, with the table', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/statistik/andts');
  await page.locator('.stat-svg svg').waitFor();
  await page.getByLabel('Karta över kommunerna, ett år').check();
  await page.waitForFunction(() => location.search.includes('visa=karta'));
  await page.locator('.stat-map svg').waitFor();
  const svgText = clean(await page.locator('.stat-map svg').evaluate(svg => [...svg.querySelectorAll('text')].map(t => t.textContent.trim()).join('|')));
  for (const m of areas) assert.ok(svgText.includes(m.name), `${m.name} labelled`);
  assert.match(svgText, /\d+–\d+ %/, 'a class legend');
  // The rows' cells, the status column aside; Kalmar is "Kalmar kommun" beside the county.
  const rows = (await statRows(page)).map(r => r.map(clean));
  const named = name => name === 'Kalmar' ? 'Kalmar kommun' : name;
  // Every municipality with a row, the county and the nation; one without any (Vimmerby in ANDTS) shows "–".
  for (const m of areas) assert.ok(rows.some(r => r[0] === named(m.name)) || svgText.includes(`${named(m.name)}|–`), `${m.name} in the table or marked missing`);
  assert.ok(rows.some(r => r[0] === 'Kalmar län') && rows.some(r => r[0] === 'Riket'));
  assert.equal(new Set(rows.map(r => r[1])).size, 1, 'one year');
  // On the map, where the county is not, a municipality is its plain name.
  for (const [name, , value] of rows.filter(r => !['Kalmar län', 'Riket'].includes(r[0]))) assert.ok(svgText.includes(`${name.replace(/ kommun$/, '')}|${value.replace('*', '')}`), `${name} ${value} on the map`);
  // Vimmerby takes no part in CAN's survey: it has no row, is hatched, and the legend says why.
  assert.ok(!rows.some(r => r[0] === 'Vimmerby'), 'no row for Vimmerby');
  assert.ok(svgText.includes('Inget värde'), 'the hatched are explained in the legend');
  assert.match(clean(await page.locator('.stat-figure .legend').first().textContent()), /Randig kommun: inget värde/);
  assert.match(clean(await page.locator('#statfigur-sammanfattning').textContent()), /länets kommuner: från .* till /);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'statistik-andts-karta-1280');
  // Girls and boys side by side is a chart again.
  await page.getByLabel('Flickor och pojkar').check();
  await page.waitForFunction(() => location.search.includes('kon=jamfor') && !location.search.includes('visa=karta'));
  await page.locator('.stat-svg svg').waitFor();
  assert.equal(await page.locator('.quiet-notice').count(), 0, 'no rewrite notice');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a report links to the map of every municipality, in its canonical form', async () => {
  const page = await openPage(browser);
  for (const survey of ['ANDTS', 'LUPP']) {
    await page.goto(site.origin + '/kommun/kalmar');
    await page.locator('.indicator-card').first().waitFor();
    await clickWhenStill(page.getByRole('link', { name: new RegExp(`^Länets alla kommuner på karta: .*`) }).nth(survey === 'ANDTS' ? 0 : 1));
    await page.locator('.stat-map svg').waitFor();
    assert.match(new URL(page.url()).search, /visa=karta/);
    assert.equal(await page.locator('.quiet-notice').count(), 0, `${survey}: the link is canonical`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('/om-data explains the comparison in plain Swedish', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/om-data#jamforelser');
  const section = clean(await page.locator('#jamforelser ~ p').first().textContent());
  assert.match(section, /ingen säker skillnad/);
  assert.match(clean(await page.locator('main').textContent()), /resten av länet.*1,96.*95 procent/);
  await page.close();
});
