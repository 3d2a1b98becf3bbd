// The dark theme: the reader's system asks for it, or an embed's tema= fixes
// it. Pages and drawings change colour together (the stylesheet swaps the
// drawings' colours by attribute), contrast holds (axe), paper stays light,
// and a picture downloaded in the dark theme is dark and says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage, axeViolations } from './lib.mjs';

const DARK_BG = 'rgb(21, 25, 30)';
const WHITE = 'rgb(255, 255, 255)';
let site, browser;
before(async () => { site = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

/** The page's background, and the paper of its first chart drawing (not a map's). */
const colours = page => page.evaluate(() => {
  const paper = document.querySelector('.chart-svg:not(.map-svg) svg rect');
  return { page: getComputedStyle(document.documentElement).backgroundColor, paper: paper && getComputedStyle(paper).fill };
});

async function themed(scheme, path, options = {}) {
  const page = await openPage(browser, options);
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(site.origin + path);
  return page;
}

for (const path of ['/', '/plan/2025', '/plan/2025/budget', '/rapport/2023', '/uppfoljning/av-media', '/statistik/lupp?omrade=0880,08,00',
  '/statistik/lupp?indikator=halsa_god&omrade=0880', '/statistik/andts?visa=karta', '/statistik/av-play', '/kommun', '/kommun/kalmar', '/sok?q=LUPP',
  '/om-data', '/tillganglighet', '/embed/andts', '/embed/kommun-kalmar', '/embed/budget-intakter?tabell=1']) {
  test(`${path} in the dark theme: dark page, dark drawings, no axe violations`, async () => {
    const page = await themed('dark', path);
    const c = await colours(page);
    assert.equal(c.page, DARK_BG);
    // A page with a chart must have drawn it, and in the page's colours; the others have none.
    const charted = !['/', '/plan/2025', '/rapport/2023', '/statistik/andts?visa=karta', '/kommun', '/sok?q=LUPP', '/om-data', '/tillganglighet'].includes(path);
    assert.equal(c.paper, charted ? DARK_BG : null, charted ? 'the drawing follows the page' : 'no chart drawing here');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('an embed follows tema=: morkt and ljust fix the theme, anything else follows the system', async () => {
  // (system, query, page, the html element's data-tema)
  for (const [scheme, query, expected, attribute] of [
    ['light', '?tema=morkt', DARK_BG, 'morkt'],
    ['dark', '?tema=ljust', WHITE, 'ljust'],
    ['dark', '?tema=rosa', DARK_BG, null],
    ['light', '?tema=auto', WHITE, null],
  ]) {
    const page = await themed(scheme, `/embed/budget-intakter${query}`);
    const c = await colours(page);
    assert.deepEqual([c.page, c.paper], [expected, expected], `${scheme} ${query}`);
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-tema')), attribute);
    assert.deepEqual(await axeViolations(page), [], `${scheme} ${query}`);
    await page.close();
  }
});

test('the embed dialog offers the theme, writes it into the snippet and previews it', async () => {
  const page = await themed('light', '/plan/2025/budget');
  await page.locator('figure:has(#diagram-budget-2025-intakter-inbaddning-dialog)').getByRole('button', { name: 'Bädda in diagrammet' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bädda in diagrammet' });
  await dialog.getByRole('radio', { name: 'Mörka' }).check();
  assert.match(await page.locator('#diagram-budget-2025-intakter-inbaddning-kod').inputValue(), /\/embed\/budget-2025-intakter\?tema=morkt"/);
  assert.match(await dialog.locator('iframe').getAttribute('src'), /\/embed\/budget-2025-intakter\?tema=morkt$/);
  const preview = page.frameLocator('.embed-dialog iframe');
  await preview.locator('html[data-tema="morkt"][data-app="live"]').waitFor();
  await dialog.getByRole('radio', { name: 'Som läsarens inställning' }).check();
  assert.match(await page.locator('#diagram-budget-2025-intakter-inbaddning-kod').inputValue(), /\/embed\/budget-2025-intakter"/);
  await page.close();
});

test('a picture downloaded in the dark theme is dark and its name says so; the CSV is the same', async () => {
  const page = await themed('dark', '/statistik/andts?omrade=0880,08');
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Diagrammet som SVG' }).click()]);
  assert.match(svg.suggestedFilename(), /-morkt-tema\.svg$/);
  const text = await readFile(await svg.path(), 'utf8');
  assert.ok(text.includes('fill="#15191E"') && !text.includes('fill="#FFFFFF"'), 'the paper is dark, no light colour is left');
  await page.emulateMedia({ colorScheme: 'light' });
  const [light] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Diagrammet som SVG' }).click()]);
  assert.doesNotMatch(light.suggestedFilename(), /morkt/);
  await page.close();
});

test('paper is light in either theme, and reduced motion turns off transitions', async () => {
  const page = await themed('dark', '/statistik/andts');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  assert.deepEqual(await colours(page), { page: WHITE, paper: WHITE });
  await page.emulateMedia({ media: 'screen', colorScheme: 'dark', reducedMotion: 'reduce' });
  const motion = await page.evaluate(() => {
    const probe = document.createElement('button');
    probe.style.transition = 'color 1s';
    document.body.append(probe);
    return [getComputedStyle(probe).transitionDuration, getComputedStyle(document.documentElement).scrollBehavior];
  });
  assert.deepEqual(motion, ['0s', 'auto']);
  await page.close();
});
