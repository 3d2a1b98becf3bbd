// The report 2023, the follow-up between report and plan, and the search.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, axeViolations, screenshot } from './lib.mjs';

let site, browser;
before(async () => { site = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

const inView = (page, selector) => page.locator(selector).evaluate(el => {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.top < window.innerHeight;
});

test('the report has a table of contents, deep links that survive a reload, and key figures by their text', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/rapport/2023#etablering-aga-driva-samordna');
  await page.locator('#etablering-aga-driva-samordna').waitFor();
  await page.waitForFunction(() => document.getElementById('etablering-aga-driva-samordna').getBoundingClientRect().top < 200);
  assert.ok(await inView(page, '#etablering-aga-driva-samordna'), 'the deep link scrolls to its heading');
  // The cards under that heading are the figures its text states.
  const cards = await page.locator('#etablering-aga-driva-samordna ~ .section-figures').first().locator('.card-value').allTextContents();
  assert.deepEqual(cards, ['219', '584', '37,5\u00a0%', '70']);
  const toc = page.locator('.toc-wide nav');
  assert.equal(await toc.getAttribute('aria-label'), 'Innehåll i verksamhetsberättelsen');
  assert.equal(await toc.locator('a', { hasText: /^Fokusområde/ }).count(), 16);
  await page.reload();
  await page.waitForFunction(() => document.getElementById('etablering-aga-driva-samordna')?.getBoundingClientRect().top < 200);
  // A drygt-figure keeps its hedge word.
  assert.ok((await page.locator('.card-value').allTextContents()).includes('drygt 800'));
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a follow-up topic links plan and report both ways', async () => {
  const page = await openPage(browser);
  // Plan → topic.
  await page.goto(site.origin + '/plan/2025#ungas-uppvaxt');
  const planLink = page.locator('#ungas-uppvaxt ~ .see-also a').first();
  await planLink.waitFor();
  await planLink.click();
  await page.locator('.followup-grid').waitFor();
  assert.equal(new URL(page.url()).pathname, '/uppfoljning/ungas-uppvaxt');
  // Promise 2023, result 2023 and promise 2025 on one screen at 1280 × 900.
  for (const id of ['#lofte-2023', '#resultat-2023', '#lofte-2025']) {
    assert.ok(await page.locator(id).evaluate(el => el.getBoundingClientRect().top < 900), `${id} on the first screen`);
  }
  const col2023 = page.locator('section[aria-labelledby="lofte-2023"]');
  const col2025 = page.locator('section[aria-labelledby="lofte-2025"]');
  assert.ok(await col2023.locator('.promises li').count() >= 5);
  assert.ok(await col2025.locator('.promises li').count() >= 5);
  assert.match(await col2025.locator('.promises a').first().getAttribute('href'), /^\/plan\/2025#/);
  assert.ok(await page.locator('section[aria-labelledby="resultat-2023"] .card-value', { hasText: 'ca 120' }).count() === 1);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'uppfoljning-ungas-uppvaxt-toppen');
  // Topic → report, and the report links back.
  await col2023.locator('h3 a').first().click();
  await page.locator('#ungas-uppvaxt').waitFor();
  assert.equal(new URL(page.url()).pathname, '/rapport/2023');
  assert.equal(new URL(page.url()).hash, '#ungas-uppvaxt');
  await page.waitForFunction(() => document.getElementById('ungas-uppvaxt').getBoundingClientRect().top < 200);
  assert.equal(await page.locator('#ungas-uppvaxt ~ .see-also a').first().getAttribute('href'), '/uppfoljning/ungas-uppvaxt');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the follow-up shows goal against outcome where both exist', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/uppfoljning/etablering');
  await page.locator('.chart svg').waitFor();
  assert.match(await page.locator('.chart-summary').textContent(), /219/);
  assert.match(await page.locator('.chart-summary').textContent(), /584/);
  await page.goto(site.origin + '/uppfoljning/finns-inte');
  await page.locator('[role="alert"]').waitFor();
  assert.match(await page.locator('[role="alert"]').textContent(), /uppfoljning-2023-finns-inte\.json/);
  await page.close();
});

test('searching "LUPP" from the header reaches Ungas uppväxt in both documents', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/om-data');
  await page.locator('dl').waitFor();
  await page.locator('#sok-sidhuvud').fill('LUPP');
  await page.locator('#sok-sidhuvud').press('Enter');
  await page.locator('.search-hits').first().waitFor();
  assert.equal(new URL(page.url()).pathname, '/sok');
  assert.equal(new URL(page.url()).searchParams.get('q'), 'LUPP');
  const hits = await page.locator('.search-hits li > a').evaluateAll(as => as.map(a => [a.getAttribute('href'), a.textContent]));
  for (const doc of ['/plan/2025#', '/rapport/2023#']) {
    assert.ok(hits.some(([href, text]) => href.startsWith(doc) && text.includes('Ungas uppväxt')), `${doc}: ${JSON.stringify(hits)}`);
  }
  assert.ok(await page.locator('.search-hits mark').count() >= hits.length, 'every hit is marked');
  assert.match(await page.locator('p.filter-count').textContent(), /^\d+ träffar för ”LUPP”\.$/);
  assert.deepEqual(await axeViolations(page), []);
  // The deep link scrolls to the hit.
  const reportHit = page.locator('.search-hits li > a[href^="/rapport/2023#"]').first();
  const target = (await reportHit.getAttribute('href')).split('#')[1];
  await reportHit.click();
  await page.locator(`[id="${target}"]`).waitFor();
  await page.waitForFunction(id => document.getElementById(id).getBoundingClientRect().top < 200, target);
  // Lower case and Swedish letters; no hits says so.
  await page.goto(site.origin + '/sok?q=%C3%A4ldre');
  await page.locator('.search-hits').first().waitFor();
  // Indicator names lead to the explorer with the indicator chosen.
  await page.goto(site.origin + '/sok?q=vitt+snus');
  await page.locator('.search-hits').first().waitFor();
  assert.equal(await page.locator('.search-hits li > a').first().getAttribute('href'), '/statistik/andts?indikator=vitt_snus_senaste_30_dagar');
  await page.goto(site.origin + '/sok?q=qxzv');
  await page.locator('p.filter-count').waitFor();
  assert.equal(await page.locator('p.filter-count').textContent(), 'Inga träffar för ”qxzv”.');
  assert.deepEqual(page.errors, []);
  await page.close();
});
