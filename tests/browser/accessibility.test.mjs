// The accessibility statement stays true: it is made from
// data/tillganglighet.toml, says what the law asks, and every shortcoming's
// place (a route and an element on it) still exists. And the site is usable
// by keyboard: every interactive element is reached in order, forward and
// back, with a visible focus indicator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, distinctPages, live, focusBackOn, ROOT } from './lib.mjs';

const statement = JSON.parse(await readFile(join(ROOT, 'dist/data/tillganglighet.json'), 'utf8'));
let site, browser;
before(async () => { site = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

test('/tillganglighet says what the data file says: organisation, status, shortcomings, evaluation date, reporting and Digg', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/tillganglighet');
  const text = (await page.locator('main').textContent()).replaceAll('\u00ad', '');
  assert.ok(text.includes(statement.organisation) && text.includes(statement.service));
  assert.ok(text.includes({ helt: 'helt förenlig', delvis: 'delvis förenlig', inte: 'inte förenlig' }[statement.status]), statement.status);
  for (const s of statement.shortcomings) assert.ok(text.includes(s.text) && text.includes(s.reason), s.text);
  assert.ok(text.includes(`uppdaterades senast ${statement.reviewed}`));
  assert.equal(await page.getByRole('link', { name: /Anmäl till Digg/ }).getAttribute('href'), 'https://www.digg.se/tdosanmalan');
  assert.doesNotMatch(text, /Kommer snart/);
  await page.close();
});

test('every route and feature the statement names as a shortcoming still exists', async () => {
  const page = await openPage(browser);
  for (const { places } of statement.shortcomings) {
    for (const { route, selector } of places) {
      const response = await page.goto(site.origin + route);
      assert.equal(response.status(), 200, route);
      assert.ok(await page.locator(selector).count() > 0, `${route} has no ${selector}: the statement names a feature that is gone`);
    }
  }
  await page.close();
});

/** In the page: every element a keyboard should reach, in document order, as short descriptions. */
const reachable = () => [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
  .filter(e => !e.disabled && e.tabIndex >= 0 && !e.closest('[inert], dialog:not([open]), [hidden]') && !e.closest('details:not([open]) > :not(summary)'))
  .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; })
  .filter(e => !(e.type === 'radio' && !e.checked && [...document.getElementsByName(e.name)].some(r => r.checked)));

/** The focused element, described, with its focus indicator: width in px and contrast against what is behind it. */
const focused = () => {
  const e = document.activeElement;
  const parse = c => (c.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const behind = node => {
    for (let n = node.parentElement; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
    }
    return parse(getComputedStyle(document.documentElement).backgroundColor).slice(0, 3);
  };
  // An SVG link (the map's municipalities) shows its focus as the outline of its shape.
  const shape = e instanceof SVGElement ? e.querySelector('polygon, path') : null;
  const style = getComputedStyle(shape ?? e);
  const [width, colour] = shape ? [parseFloat(style.strokeWidth), parse(style.stroke)] : [style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth), parse(style.outlineColor)];
  return { id: `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} ${(e.textContent || e.getAttribute('aria-label') || e.name || '').trim().slice(0, 30)}`, width, contrast: ratio(colour.slice(0, 3), behind(e)) };
};

/** Describes every element that gets focus, as it gets it, into window.focusLog: one round trip per key, not two. */
const recordFocus = `window.focusLog = []; document.addEventListener('focusin', () => window.focusLog.push((${focused})()));`;

// Each page once (a municipality by code is its page by name: lib.mjs distinctPages).
for (const path of [...distinctPages(), '/sok?q=LUPP', '/sidan-finns-inte']) {
  test(`${path}: Tab reaches every interactive element in order and Shift+Tab goes back, each with a visible focus indicator`, async () => {
    const page = await openPage(browser);
    await page.goto(site.origin + path);
    const expected = await page.evaluate(`(${reachable})().length`);
    await page.evaluate(recordFocus);
    for (let i = 0; i < expected; i++) await page.keyboard.press('Tab');
    const walked = await page.evaluate(() => window.focusLog.splice(0));
    assert.equal(walked.length, expected, `${path}: ${expected} Tab presses moved focus ${walked.length} times`);
    for (const f of walked) {
      assert.ok(f.width >= 2, `${path}: ${f.id} has a focus indicator of ${f.width} px`);
      assert.ok(f.contrast >= 3, `${path}: ${f.id}'s focus indicator has ${f.contrast.toFixed(2)}:1`);
    }
    const forward = walked.map(f => f.id);
    const order = await page.evaluate(`(${reachable})().map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : ''))`);
    assert.deepEqual(forward.map(f => f.split(' ')[0]), order, `${path}: in document order, every one reached`);
    for (let i = 1; i < expected; i++) await page.keyboard.press('Shift+Tab');
    const back = (await page.evaluate(() => window.focusLog.splice(0))).map(f => f.id);
    assert.deepEqual(back, forward.slice(0, -1).reverse(), `${path}: Shift+Tab goes back the same way`);
    await page.close();
  });
}

test('a dialog holds focus while it is open and gives it back when it closes', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/plan/2025/budget');
  // The opener is disabled in the prerendered page, and the dialog opens a frame after Enter.
  await live(page);
  const opener = page.getByRole('button', { name: 'Bädda in diagrammet' }).first();
  await opener.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !!document.activeElement.closest('dialog[open]'));
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab');
    const inside = await page.evaluate(() => !!document.activeElement.closest('dialog[open]') || document.activeElement === document.body);
    assert.ok(inside, `Tab ${i + 1} stayed in the dialog`);
  }
  await page.keyboard.press('Escape');
  await focusBackOn(page, 'Bädda in diagrammet');
  await page.close();
});
