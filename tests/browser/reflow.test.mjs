// Every page, with the app running, as readers who need more room see it
// (WCAG 2.1 1.4.10, 1.4.4 and 1.4.12): at 320 CSS px nothing scrolls sideways
// but a table, inside a labelled region a keyboard can scroll; at 200 % zoom
// of a 1280 px window (a 640 px layout) and with the text spacing WCAG names,
// no text or control is cut off or drawn over another. And axe finds nothing
// in the light or the dark theme. (Without JavaScript: prerender.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, axeViolations, live, distinctPages } from './lib.mjs';

// Each page once (a municipality by code is its page by name: lib.mjs distinctPages).
const ROUTES = [...distinctPages(), '/sok?q=ungdomar', '/sidan-finns-inte'];
// WCAG 1.4.12: line height 1.5, paragraph spacing 2, letter spacing 0.12 and word spacing 0.16 times the font size.
const SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

let site, browser, context;
before(async () => {
  site = await serve('dist');
  browser = await launch();
  // The text spacing is the reader's own stylesheet, which the site's policy does not govern.
  context = await browser.newContext({ bypassCSP: true });
});
after(async () => { await context?.close(); await browser?.close(); site?.close(); });

/** In the page: what scrolls the page sideways, and tables wider than their column outside a labelled, focusable region. */
const sideways = () => {
  const problems = [];
  if (document.documentElement.scrollWidth > innerWidth) problems.push(`the page is ${document.documentElement.scrollWidth} px wide`);
  for (const table of document.querySelectorAll('table')) {
    if (table.closest('[hidden], dialog:not([open])')) continue;
    const region = table.closest('.table-wrap');
    if (!region) { if (table.scrollWidth > table.parentElement.clientWidth) problems.push(`a table wider than its column, not in a region: ${table.caption?.textContent.trim()}`); continue; }
    const named = region.getAttribute('role') === 'region' && region.tabIndex === 0 && document.getElementById(region.getAttribute('aria-labelledby'))?.textContent.trim();
    if (!named) problems.push(`a table region without role, name or tab stop: ${table.caption?.textContent.trim()}`);
  }
  return problems;
};

/**
 * In the page: text cut off by a box that hides its overflow, text or a control
 * beyond the right edge of the screen (outside a region that scrolls), and two
 * pieces of text or controls drawn over each other. The drawings are images
 * (their text scales with them), and visually hidden text is meant to be unseen.
 */
const broken = () => {
  const problems = [];
  const describe = e => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} "${(e.textContent || e.value || '').trim().slice(0, 40)}"`;
  const concealedCache = new Map();
  const concealed = e => {
    if (!e) return false;
    if (concealedCache.has(e)) return concealedCache.get(e);
    const s = getComputedStyle(e);
    const result = s.display === 'none' || s.visibility === 'hidden' || (s.position === 'absolute' && s.clip !== 'auto')
      || e.matches('svg, noscript, dialog:not([open]), details:not([open]) > :not(summary), [hidden]')
      || concealed(e.parentElement);
    concealedCache.set(e, result);
    return result;
  };
  // The nearest box that scrolls (a table's region, the contents list): what is scrolled out of it is not on screen.
  const scroller = e => { for (let n = e.parentElement; n && n !== document.body; n = n.parentElement) { const s = getComputedStyle(n); if ([s.overflowX, s.overflowY].some(o => ['auto', 'scroll'].includes(o))) return n; } return null; };
  const within = (r, box) => { const b = box.getBoundingClientRect(); return DOMRect.fromRect({ x: Math.max(r.left, b.left), y: Math.max(r.top, b.top), width: Math.min(r.right, b.right) - Math.max(r.left, b.left), height: Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top) }); };
  for (const e of document.body.querySelectorAll('*')) {
    if (concealed(e) || !e.textContent.trim()) continue;
    const s = getComputedStyle(e);
    const clipsX = ['hidden', 'clip'].includes(s.overflowX) && e.scrollWidth > e.clientWidth + 1;
    const clipsY = ['hidden', 'clip'].includes(s.overflowY) && e.scrollHeight > e.clientHeight + 1;
    if (clipsX || clipsY) problems.push(`cut off: ${describe(e)}`);
  }
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode());) {
    // A select's options are drawn by the select, which is a box of its own below.
    if (!n.textContent.trim() || concealed(n.parentElement) || n.parentElement.closest('select')) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const box = scroller(n.parentElement);
    for (let r of range.getClientRects()) {
      if (box) r = within(r, box);
      if (r.width > 0.5 && r.height > 0.5) boxes.push({ r, owner: n.parentElement, scrolls: !!box });
    }
  }
  for (const c of document.querySelectorAll('input:not([type="hidden"]), select, textarea, button')) {
    if (concealed(c)) continue;
    const box = scroller(c);
    const r = box ? within(c.getBoundingClientRect(), box) : c.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) boxes.push({ r, owner: c, scrolls: !!box });
  }
  for (const { r, owner, scrolls } of boxes) {
    if (r.right > innerWidth + 1 && !scrolls) problems.push(`beyond the screen's edge: ${describe(owner)}`);
  }
  // Sweep by top: each box against those that start above its bottom.
  boxes.sort((a, b) => a.r.top - b.r.top);
  const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length && boxes[j].r.top < boxes[i].r.bottom - 2; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.owner === b.owner || a.owner.contains(b.owner) || b.owner.contains(a.owner)) continue;
      if (overlap(a.r, b.r)) problems.push(`drawn over each other: ${describe(a.owner)} and ${describe(b.owner)}`);
    }
  }
  return [...new Set(problems)].slice(0, 10);
};

for (const route of ROUTES) {
  test(`${route}: reflows at 320 px, holds at 200 % zoom and with WCAG text spacing, and has no axe violations in light or dark`, async () => {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', e => errors.push(String(e)));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(site.origin + route);
    await live(page);
    // Cards off screen are not laid out until they near the view (style.css): axe lays them out, as a reader scrolling sees them.
    assert.deepEqual(await axeViolations(page), [], `${route}: axe in light`);
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await axeViolations(page), [], `${route}: axe in dark`);
    await page.emulateMedia({ colorScheme: 'light' });

    await page.setViewportSize({ width: 320, height: 640 });
    assert.deepEqual(await page.evaluate(`(${sideways})()`), [], `${route} at 320 px`);
    assert.deepEqual(await page.evaluate(`(${broken})()`), [], `${route} at 320 px`);
    // 200 % zoom of a 1280 × 800 window lays the page out in 640 × 400 CSS px.
    await page.setViewportSize({ width: 640, height: 400 });
    assert.deepEqual(await page.evaluate(`(${sideways})()`), [], `${route} at 200 %`);
    assert.deepEqual(await page.evaluate(`(${broken})()`), [], `${route} at 200 %`);

    await page.addStyleTag({ content: SPACING });
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 });
      assert.deepEqual(await page.evaluate(`(${sideways})()`), [], `${route} with text spacing at ${width} px`);
      assert.deepEqual(await page.evaluate(`(${broken})()`), [], `${route} with text spacing at ${width} px`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}
