// The plan 2025: deep links, contents, commitment filters in the URL, budget
// tables, print and accessibility.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, openPage, axeViolations, printedPages, ROOT } from './lib.mjs';

const NBSP = '\u00a0';
const plan = JSON.parse(readFileSync(join(ROOT, 'dist/data/plan-2025.json'), 'utf8'));
const commitments = plan.blocks.filter(b => b.type === 'commitment');
let site, browser;
before(async () => { site = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

const inViewport = (page, id) => page.evaluate(id => {
  const r = document.getElementById(id).getBoundingClientRect();
  return r.top >= -1 && r.top < window.innerHeight;
}, id);
const text = async locator => (await locator.textContent()).replaceAll(NBSP, ' ').trim();

test('a deep link to a section and to a commitment scrolls there, also after reload', async () => {
  const page = await openPage(browser);
  const target = commitments.find(c => c.focus === 'aldre').id;
  for (const id of ['aldre', target]) {
    await page.goto(`${site.origin}/plan/2025#${id}`);
    await page.locator(`[id="${id}"]`).waitFor();
    await page.waitForFunction(id => document.getElementById(id).getBoundingClientRect().top < window.innerHeight, id);
    assert.ok(await inViewport(page, id), `${id} in view`);
    await page.reload();
    await page.locator(`[id="${id}"]`).waitFor();
    await page.waitForFunction(id => document.getElementById(id).getBoundingClientRect().top < window.innerHeight, id);
    assert.ok(await inViewport(page, id), `${id} in view after reload`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the contents list navigates to its sections', async () => {
  const page = await openPage(browser);
  await page.goto(`${site.origin}/plan/2025`);
  await page.locator('.document').waitFor();
  assert.equal(await page.locator('.toc-wide a').count(), plan.blocks.filter(b => b.type === 'heading' && b.level <= 4).length);
  await page.locator('.toc-wide a', { hasText: 'Stöd och service LSS' }).click();
  await page.waitForFunction(() => location.hash === '#stod-och-service-lss');
  await page.waitForFunction(() => document.getElementById('stod-och-service-lss').getBoundingClientRect().top < window.innerHeight);
  assert.ok(await inViewport(page, 'stod-och-service-lss'));
  assert.equal(new URL(page.url()).pathname, '/plan/2025');
  await page.close();
});

test('a target group in the URL filters the commitments, and the controls show it', async () => {
  const page = await openPage(browser);
  const aldre = commitments.filter(c => c.tags.includes('aldre'));
  await page.goto(`${site.origin}/plan/2025?malgrupp=aldre`);
  await page.locator('.commitment-list').waitFor();
  assert.equal(await text(page.locator('.filter-count')), `${aldre.length} av ${commitments.length} åtaganden · Visa hela planen`);
  assert.equal(await page.locator('.commitment-list .commitment').count(), aldre.length);
  for (const tags of await page.locator('.commitment-list .tags').allTextContents()) assert.match(tags, /Äldre/);
  assert.equal(await page.locator('#filter-malgrupp').inputValue(), 'aldre');
  assert.deepEqual(await axeViolations(page), []);
  // "Visa i planen" leads to the commitment in the whole plan.
  await page.locator('.commitment-list .commitment-link a').first().click();
  await page.locator('.document').waitFor();
  assert.equal(new URL(page.url()).hash, `#${aldre[0].id}`);
  await page.close();
});

test('the controls write the filter to the URL, with a count and an empty state', async () => {
  const page = await openPage(browser);
  await page.goto(`${site.origin}/plan/2025`);
  await page.locator('.document').waitFor();
  assert.equal(await text(page.locator('.filter-count')), `${commitments.length} åtaganden`);
  await page.selectOption('#filter-omrade', 'unga-utbildning-och-etablering');
  await page.waitForURL(/omrade=unga-utbildning-och-etablering/);
  const uue = commitments.filter(c => c.area === 'unga-utbildning-och-etablering').length;
  assert.match(await text(page.locator('.filter-count')), new RegExp(`^${uue} av ${commitments.length} åtaganden`));
  await page.selectOption('#filter-malgrupp', 'miljo-och-livsmedel');
  await page.waitForURL(/malgrupp=miljo-och-livsmedel/);
  assert.equal(new URL(page.url()).search, '?omrade=unga-utbildning-och-etablering&malgrupp=miljo-och-livsmedel');
  await page.locator('.empty-state').waitFor();
  assert.match(await text(page.locator('.empty-state h2')), /Inga åtaganden matchar/);
  assert.deepEqual(await axeViolations(page), []);
  await page.goBack();
  await page.waitForURL(u => !u.search.includes('malgrupp'));
  await page.locator('.commitment-list').waitFor();
  await page.locator('.empty-state a').count();
  await page.locator('.filter-count a').click();
  await page.locator('.document').waitFor();
  assert.equal(new URL(page.url()).search, '');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('unknown filter values fall back to the whole plan and the URL is rewritten', async () => {
  const page = await openPage(browser);
  await page.goto(`${site.origin}/plan/2025?malgrupp=okand&utm_source=x#aldre`);
  await page.locator('.document').waitFor();
  await page.waitForURL(u => u.search === '');
  assert.equal(new URL(page.url()).hash, '#aldre');
  assert.match(await page.locator('.quiet-notice').textContent(), /filterval som inte finns/);
  await page.goto(`${site.origin}/plan/2025?malgrupp=skola&omrade=unga-utbildning-och-etablering`);
  await page.waitForURL(u => u.search === '?omrade=unga-utbildning-och-etablering&malgrupp=skola');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('budget tables show the source\'s figures in Swedish format, with the discrepancies noted', async () => {
  const page = await openPage(browser);
  await page.goto(`${site.origin}/plan/2025#budget-2025`);
  const table = page.locator('#budget-kfkl-2025 table');
  await table.waitFor();
  assert.equal(await text(table.locator('caption')), 'Budget KFKL 2025');
  const rows = await table.locator('tbody tr').evaluateAll(trs => trs.map(tr => [...tr.cells].map(c => c.textContent.replaceAll('\u00a0', ' '))));
  assert.deepEqual(rows, [
    ['Avtalade intäkter', '21 701 tkr'], ['Övriga intäkter', '13 245 tkr'], ['SUMMA INTÄKTER', '34 946 tkr'],
    ['Övriga kostnader', '\u221216 758 tkr'], ['Personalkostnader', '\u221218 188 tkr'], ['SUMMA KOSTNADER', '\u221234 946 tkr'], ['TOTALT', '0 tkr'],
  ]);
  assert.equal(await table.locator('th[scope="row"]').count(), 7);
  assert.equal(await page.locator('.data-table.budget').count(), 6);
  assert.match(await text(page.locator('#budget-exklusive-transfereringar .table-note')), /1 320 tkr, men källan anger −500 tkr/);
  assert.match(await text(page.locator('#budget-miljo-och-livsmedel .table-note')), /årtalet 2024/);
  assert.equal(await page.locator('#budget-kfkl-2025 td.num').first().evaluate(td => getComputedStyle(td).textAlign), 'right');
  await page.close();
});

test('the plan prints without navigation and with its deep links', async () => {
  const page = await openPage(browser);
  await page.goto(`${site.origin}/plan/2025`);
  await page.locator('.document').waitFor();
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.site-header', '.toc-wide', '.filters', '.site-footer']) {
    assert.equal(await page.locator(hidden).first().evaluate(el => getComputedStyle(el).display), 'none', hidden);
  }
  const printed = await page.locator('#aldre').evaluate(el => getComputedStyle(el, '::after').content);
  assert.equal(printed, `"${site.origin}/plan/2025#aldre"`);
  mkdirSync(join(ROOT, 'target/screenshots'), { recursive: true });
  await page.pdf({ path: join(ROOT, 'target/screenshots/plan-2025.pdf'), format: 'A4' });
  await page.close();
});

test('the budget prints on 4 A4 pages: each drawing beside its whole table, no table cut off, no remnant page', async () => {
  // The width of A4 inside the page's margins (210 − 2 × 16 mm), as the printed layout has it.
  const page = await openPage(browser, { width: 673, height: 1000 });
  await page.goto(`${site.origin}/plan/2025/budget`);
  await page.locator('html[data-app="live"] .chart-svg svg').first().waitFor();
  await page.emulateMedia({ media: 'print' });
  const figures = await page.locator('.charts > .chart').evaluateAll(fs => fs.map(f => {
    const [drawing, table] = [f.querySelector('.chart-svg'), f.querySelector('.table-wrap')].map(e => e.getBoundingClientRect());
    return { title: f.querySelector('h2').textContent, beside: table.left >= drawing.right && table.top < drawing.bottom };
  }));
  assert.equal(figures.length, 4);
  for (const { title, beside } of figures) assert.ok(beside, `${title}: the table stands beside the drawing`);
  const cut = await page.locator('.table-wrap').evaluateAll(ws => ws.filter(w => {
    const [wrap, table] = [w, w.querySelector('table')].map(e => e.getBoundingClientRect());
    return table.right > wrap.right + 1 || wrap.right > document.querySelector('main').getBoundingClientRect().right + 1;
  }).map(w => w.querySelector('caption').textContent));
  assert.deepEqual(cut, [], 'tables wider than their place on paper');
  const pdf = join(ROOT, 'target/screenshots/budget-2025.pdf');
  mkdirSync(join(ROOT, 'target/screenshots'), { recursive: true });
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
  const printed = printedPages(pdf);
  assert.equal(printed.length, 4, 'pages');
  printed.forEach(({ filled }, i) => assert.ok(filled >= 0.2, `page ${i + 1} holds only ${(filled * 100).toFixed(0)} % of a page`));
  const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, ' ');
  for (const figure of ['Så fördelas budgeten', 'Budget exklusive transfereringar, 2024', 'Intäkternas fördelning', 'Årsarbetare per', 'Budget Miljö och Livsmedel 2024']) {
    assert.ok(text.includes(figure), `printed: ${figure}`);
  }
  await page.close();
});

test('the plan is readable on a phone, with the contents folded away', async () => {
  const page = await openPage(browser, { width: 360, height: 740 });
  await page.goto(`${site.origin}/plan/2025`);
  await page.locator('.document').waitFor();
  assert.equal(await page.locator('.toc-wide').evaluate(el => getComputedStyle(el).display), 'none');
  await page.locator('.toc-narrow summary').click();
  await page.locator('.toc-narrow a', { hasText: 'Äldre' }).click();
  await page.waitForFunction(() => location.hash === '#aldre');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('the budget page answers how much goes to what, and shows each chart with its summary, table and source', async () => {
  const page = await openPage(browser);
  await page.goto(`${site.origin}/plan/2025/budget`);
  await page.locator('.chart svg').first().waitFor();
  // The three totals explained in one sentence, from the plan's own figures.
  assert.equal(await text(page.locator('.budget-answer')), 'Förbundets budget 2025 är 34 946 tkr. Av dem är 7 000 tkr transfereringar, pengar som förbundet betalar vidare till kommunerna i projekten SIA och OPIS, så den egna verksamheten har 27 946 tkr. De fyra verksamhetsområdenas tabeller summerar till 27 944 tkr, 2 tkr mindre än så i planens egna siffror.');
  const titles = await page.locator('figure.chart h2').allTextContents();
  assert.deepEqual(titles.map(t => t.trim()), [
    'Så fördelas budgeten på verksamhetsområdena 2025 (tkr)', 'Budget exklusive transfereringar, 2024 och 2025 (tkr)',
    'Intäkternas fördelning 2025 (tkr)', 'Årsarbetare per verksamhetsområde 2025',
  ]);
  const areas = page.locator('figure.chart', { has: page.locator('h2', { hasText: 'Så fördelas' }) });
  assert.match(await text(areas.locator('.chart-summary')), /^Av verksamhetsområdenas 27 944 tkr går störst del till Unga, utbildning och etablering 13 590 tkr \(48,6 %\)\. Sedan kommer Kansli 8 988 tkr \(32,2 %\), /);
  const split = page.locator('figure.chart', { has: page.locator('h2', { hasText: 'Intäkternas fördelning' }) });
  assert.equal(await text(split.locator('.chart-summary')), 'Av intäkterna på 34 946 tkr är 21 701 tkr avtalade (62,1 %) och 13 245 tkr övriga (37,9 %).');
  const years = page.locator('figure.chart', { has: page.locator('h2', { hasText: 'exklusive transfereringar' }) });
  const rows = await years.locator('tbody tr').evaluateAll(trs => trs.map(tr => [...tr.cells].map(c => c.textContent.replaceAll('\u00a0', ' '))));
  assert.deepEqual(rows, [['Intäkter', '29 443', '27 946'], ['Övriga kostnader', '\u221210 706', '\u22129 758'], ['Personalkostnader', '\u221217 417', '\u221218 188']]);
  assert.match(await text(years.locator('.legend')), /2024 \(fylld stapel\), 2025 \(ofylld stapel\)/);
  // Årsarbetare only on the axis; the area the plan counts in medarbetare is named in its own unit.
  const staff = page.locator('figure.chart', { has: page.locator('h2', { hasText: 'Årsarbetare' }) });
  assert.match(await text(staff.locator('.chart-summary')), /Unga, utbildning och etablering: 10 medarbetare.*Hela förbundet: 20 årsarbetare, enligt planen\./);
  assert.ok(!(await staff.locator('svg').textContent()).includes('medarbetare'), 'no medarbetare on the årsarbetare axis');
  for (const source of await page.locator('figure.chart .source').allTextContents()) {
    assert.match(source, /Verksamhetsplan och budget 2025, avsnitt Budget 2025/);
  }
  assert.equal(await page.locator('.budget-tables .data-table.budget').count(), 6);
  assert.match(await text(page.locator('#budget-exklusive-transfereringar .table-note')), /1 320 tkr, men källan anger −500 tkr/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});
