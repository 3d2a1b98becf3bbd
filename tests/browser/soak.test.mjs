// A long session: 1 000 control changes in one explorer session, across
// indicators, areas, grades and genders. Every 100 changes the reader goes
// back to the default view through the menu (the app stays loaded) and the
// JS heap, the wasm memory and the DOM are measured after a garbage
// collection. After the first 100, none of them may grow by 10 % or more.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './lib.mjs';

let site, browser;
before(async () => { site = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

/**
 * 100 control changes, the same in every block (from the default view):
 * indicator, an area, the grade, the gender, in turn. So every block reaches
 * the same views, the largest among them, and what grows from one block to
 * the next is kept, not needed.
 */
const changes = from => (async start => {
  const frame = () => new Promise(ok => requestAnimationFrame(() => requestAnimationFrame(ok)));
  const indicator = document.getElementById('indikator');
  const areas = [...document.querySelectorAll('input[id^="omrade-"]')];
  const grades = [...document.querySelectorAll('input[name="arskurs"]')];
  const genders = [...document.querySelectorAll('input[name="kon"]')];
  for (let i = 0; i < 100; i++) {
    const q = Math.floor(i / 4);
    if (i % 4 === 0) {
      indicator.selectedIndex = (q * 7) % indicator.options.length;
      indicator.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (i % 4 === 1) {
      areas[(q * 3) % areas.length].click();
    } else if (i % 4 === 2) {
      grades[q % grades.length]?.click();
    } else {
      genders[q % genders.length]?.click();
    }
    await frame();
  }
})(from); // `start` numbers the block; the changes are the same

// It found two leaks, both fixed: the year options' reactive `selected`, drawn
// again with every indicator (about 1.6 KB of wasm memory a change), and
// leptos_router keeping every address it replaced (`address::use_replace`,
// about 0.7 KB a change).
test('1 000 control changes: JS heap, wasm memory and DOM nodes grow by less than 10 % after the first 100', async () => {
  const page = await openPage(browser);
  const cdp = await page.context().newCDPSession(page);
  await page.goto(site.origin + '/statistik/andts');
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { result: proto } = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
    const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId, functionDeclaration: 'function () { return this.reduce((s, m) => s + m.buffer.byteLength, 0); }', returnByValue: true });
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    return { heap: usedSize, wasm: result.value, nodes };
  };
  const rows = [];
  for (let done = 0; done < 1000; done += 100) {
    await page.evaluate(`(${changes})(${done})`);
    // Back to the default view through the menu: the explorer is taken down and built again, in the same app.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'LUPP' }).click();
    await page.locator('.stat-svg svg').waitFor();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'ANDTS' }).click();
    await page.waitForFunction(() => location.search === '' && document.querySelector('.stat-svg svg') && document.getElementById('indikator')?.selectedIndex === 0);
    rows.push({ changes: done + 100, ...(await measure()) });
  }
  const kb = b => `${(b / 1024).toFixed(0)} KB`;
  console.log(['changes | JS heap | wasm memory | DOM nodes', ...rows.map(r => `${r.changes} | ${kb(r.heap)} | ${kb(r.wasm)} | ${r.nodes}`)].join('\n'));
  const [first, last] = [rows[0], rows.at(-1)];
  for (const key of ['heap', 'wasm', 'nodes']) {
    const growth = (last[key] - first[key]) / first[key];
    assert.ok(growth < 0.1, `${key} grew ${(growth * 100).toFixed(1)} % from 100 to 1 000 changes`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});
