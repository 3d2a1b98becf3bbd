// A panic anywhere leaves no frozen or blank page: the reader gets "Något
// gick fel" with a reload link and what to report. The built site for the
// tests can panic on purpose (KFKL_TEST_PANIC at build, ?testpanik=1);
// a build for the public cannot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, axeViolations } from './lib.mjs';

let site, browser;
before(async () => { site = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

for (const path of ['/statistik/lupp?testpanik=1', '/embed/budget-intakter?testpanik=1']) {
  test(`a panic on ${path.split('?')[0]} shows the error panel with a reload link and what to report`, async () => {
    const page = await openPage(browser);
    // Not waiting for the app: a panic before the takeover leaves the prerendered page, inert.
    await page.goto(site.origin + path, { live: false });
    const panel = page.getByRole('alert').filter({ hasText: 'Något gick fel' });
    await panel.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'fel-panel', 'focus moves to the panel');
    const reload = panel.getByRole('link', { name: 'Ladda om sidan' });
    assert.equal(await reload.getAttribute('href'), await page.evaluate(() => location.href), 'the page as it is now (the explorer drops an unknown parameter)');
    const report = await panel.locator('pre').textContent();
    assert.match(report, new RegExp(`^Sida: ${site.origin.replaceAll('.', '\\.')}/.*\nTid: \\d{4}-\\d\\d-\\d\\dT.*\nFel: testpanik: ett fel som bara testbygget kan framkalla \\(src/lib\\.rs:\\d+\\)$`));
    assert.equal(await page.locator('#app[inert]').count(), 1, 'the dead page takes no focus');
    assert.deepEqual(await axeViolations(page), []);
    // The panic itself is logged, and nothing else went wrong.
    assert.deepEqual(page.errors.filter(e => !/panic: testpanik|unreachable/.test(e)), []);
    await page.close();
  });
}
