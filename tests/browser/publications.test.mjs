// A new year is a data change. scripts/test copies data/, lays
// tests/fixtures/two-years over it (a made-up plan 2026 and report 2024, a
// second follow-up pair and an index that names them, as an editor would add
// them) and builds the whole site from that copy into target/dist-two-years,
// with no code change. Here the built site shows both years.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openPage, axeViolations, ROOT } from './lib.mjs';

const DIST = 'target/dist-two-years';
const clean = s => s.replace(/\s+/g, ' ').trim();

let site, browser;
before(async () => { site = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

const live = page => page.locator('html[data-app="live"]').waitFor();

test('every page of both years is prerendered, and /plan and /rapport are the newest with a canonical link to their year', () => {
  const pages = ['plan', 'plan/2025', 'plan/2026', 'plan/2025/budget', 'plan/2026/budget', 'rapport', 'rapport/2023', 'rapport/2024',
    'uppfoljning', 'uppfoljning/ungas-uppvaxt', 'uppfoljning/2023', 'uppfoljning/2023/ungas-uppvaxt', 'uppfoljning/2023/av-media',
    'embed/budget-2026-omraden', 'embed/budget-2025-omraden', 'embed/budget-intakter', 'embed/budget-2024-2025', 'embed/uppfoljning-2023-av-media'];
  for (const p of pages) assert.ok(existsSync(join(ROOT, DIST, p, 'index.html')), `${p} is prerendered`);
  for (const [path, title, year] of [['plan', 'Verksamhetsplan och budget 2026', '/plan/2026/'], ['rapport', 'Verksamhetsberättelse 2024', '/rapport/2024/']]) {
    const html = readFileSync(join(ROOT, DIST, path, 'index.html'), 'utf8');
    assert.match(html, new RegExp(`<h1>${title}</h1>`), path);
    assert.match(html, new RegExp(`<link rel="canonical" href="https://example.org${year}">`), `${path}: canonical`);
    assert.doesNotMatch(html, /http-equiv="refresh"/, `${path}: no redirect`);
  }
  const menu = readFileSync(join(ROOT, DIST, 'index.html'), 'utf8');
  assert.match(menu, />Verksamhetsplan 2026</, 'the menu names the newest plan');
  assert.match(menu, />Verksamhetsberättelse 2024</, 'and the newest report');
});

test('an older year stays at its address with a notice that links to the newer one', async () => {
  const page = await openPage(browser);
  for (const [path, newer, title] of [['/plan/2025', '/plan/2026', 'Verksamhetsplan och budget 2026'], ['/rapport/2023', '/rapport/2024', 'Verksamhetsberättelse 2024'], ['/plan/2025/budget', '/plan/2026', 'Verksamhetsplan och budget 2026']]) {
    await page.goto(site.origin + path);
    await live(page);
    const notice = page.locator('.newer-notice');
    assert.match(clean(await notice.textContent()), /^Det finns en nyare verksamhets(plan|berättelse): /, path);
    assert.equal(await notice.getByRole('link', { name: title }).getAttribute('href'), newer, path);
  }
  assert.equal(await page.locator('.newer-notice').count(), 1);
  assert.deepEqual(await axeViolations(page), []);
  await page.goto(site.origin + '/plan/2026');
  await live(page);
  assert.equal(await page.locator('.newer-notice').count(), 0, 'the newest has no notice');
  await page.goto(site.origin + '/plan/2019');
  await live(page);
  assert.equal(await page.locator('h1').textContent(), 'Sidan finns inte', 'a year without a plan is not found');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the 2026 budget is drawn from its own tables, and the embeds pasted before still show the 2025 charts', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/plan/2026/budget');
  await live(page);
  assert.equal(await page.locator('h1').textContent(), 'Budget 2026');
  const titles = await page.locator('.charts figure .figure-title :is(h2, h3)').allTextContents();
  assert.deepEqual(titles.map(clean), ['Så fördelas budgeten på verksamhetsområdena 2026 (tkr)', 'Budget exklusive transfereringar, 2025 och 2026 (tkr)', 'Intäkternas fördelning 2026 (tkr)', 'Årsarbetare per verksamhetsområde 2026']);
  assert.match(clean(await page.locator('.budget-answer').textContent()), /^Förbundets budget 2026 är 1 000 tkr\./);
  for (const [path, title] of [['/embed/budget-intakter', /Intäkternas fördelning 2025/], ['/embed/budget-2024-2025', /2024 och 2025/], ['/embed/budget-2026-intakter', /Intäkternas fördelning 2026/]]) {
    await page.goto(site.origin + path);
    await live(page);
    assert.match(await page.locator('h1').textContent(), title, path);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('search finds text in both plans, the newest first, and can be limited to one document', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/sok?q=uppväxt');
  await page.locator('.search-group').first().waitFor();
  const groups = (await page.locator('.search-group h2').allTextContents()).map(clean);
  const at = title => groups.findIndex(g => g.startsWith(title));
  for (const title of ['Verksamhetsplan och budget 2026', 'Verksamhetsplan och budget 2025', 'Verksamhetsberättelse 2024', 'Verksamhetsberättelse 2023']) assert.ok(at(title) >= 0, `${title}: ${groups}`);
  assert.ok(at('Verksamhetsplan och budget 2026') < at('Verksamhetsplan och budget 2025'), 'the newest plan first');
  await page.getByLabel('Sök i').selectOption({ label: 'Verksamhetsplan och budget 2025' });
  await page.waitForURL(/dokument=plan-2025/);
  await page.waitForFunction(() => document.querySelectorAll('.search-group').length === 1);
  assert.match(clean(await page.locator('.search-group h2').textContent()), /^Verksamhetsplan och budget 2025/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the follow-up reads 2024 against 2026 and lets the reader choose 2023 against 2025', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/uppfoljning');
  await live(page);
  assert.match(await page.locator('h1').textContent(), /^Uppföljning 2024/);
  await page.getByRole('link', { name: 'Ungas uppväxt och fritid' }).click();
  await page.waitForURL(/\/uppfoljning\/ungas-uppvaxt$/);
  await page.locator('#lofte-2026').waitFor();
  assert.deepEqual((await page.locator('.followup-grid h2').allTextContents()).map(clean), ['Löften 2024', 'Resultat 2024', 'Löften 2026']);
  assert.match(await page.locator('section[aria-labelledby="lofte-2026"] .promises a').first().getAttribute('href'), /^\/plan\/2026#/);
  await page.goto(site.origin + '/uppfoljning');
  await live(page);
  await page.getByRole('link', { name: 'Verksamhetsberättelse 2023 bredvid verksamhetsplan 2025' }).click();
  await page.waitForURL(/\/uppfoljning\/2023$/);
  await page.getByRole('link', { name: /^Uppföljning av AV-Media|AV-Media/ }).first().click();
  await page.waitForURL(/\/uppfoljning\/2023\/av-media$/);
  await page.locator('#lofte-2025').waitFor();
  assert.match(await page.locator('section[aria-labelledby="lofte-2023"] .promises a').first().getAttribute('href'), /^\/rapport\/2023#/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});
