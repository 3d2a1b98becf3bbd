// Every route of the route map opens with real content, logs no error,
// passes axe-core (WCAG 2.1 A and AA) and is photographed at 1280 and 360 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, axeViolations, screenshot, h1 } from './lib.mjs';

// [path, screenshot name, the h1 it must show, a selector that proves the content has loaded]
const ROUTES = [
  ['/', 'hem', 'Plan, rapport och statistik', '.sections'],
  ['/plan/2025', 'plan-2025', 'Verksamhetsplan och budget 2025', '.document .commitment'],
  ['/plan/2025/budget', 'plan-2025-budget', 'Budget 2025', '.chart svg'],
  ['/rapport/2023', 'rapport-2023', 'Verksamhetsberättelse 2023', '.document .commitment'],
  ['/uppfoljning', 'uppfoljning', 'Uppföljning 2023: löften, resultat och nya löften', '.topic-list'],
  ['/uppfoljning/ungas-uppvaxt', 'uppfoljning-ungas-uppvaxt', 'Uppföljning: Ungas uppväxt och LUPP', '.followup-grid'],
  ['/uppfoljning/av-media', 'uppfoljning-av-media', 'Uppföljning: AV-Media', '.chart svg'],
  ['/statistik/andts', 'statistik-andts', 'ANDTS – CAN:s skolundersökning', '.stat-svg svg'],
  ['/statistik/lupp', 'statistik-lupp', 'LUPP – ungas levnadsvillkor', '.stat-svg svg'],
  ['/statistik/av-play', 'statistik-av-play', 'AV-Play och AV-Media', '.stat-svg svg'],
  ['/kommun', 'kommun', 'Länets kommuner', '.county-map svg'],
  ['/kommun/0880', 'kommun-0880', 'Kalmar kommun', '.indicator-card'],
  ['/embed/av-media-2023', 'embed-av-media-2023', 'Utlån av utrustning', '.chart svg'],
  ['/embed/kommun-kalmar', 'embed-kommun-kalmar', 'Druckit alkohol senaste 12 månaderna, åk 9: Kalmar', '.trend-svg svg'],
  ['/embed/andts?omrade=0880,08&fran=2023&till=2023', 'embed-andts', 'Druckit alkohol senaste 12 månaderna, gy 2, 2023', '.stat-svg svg'],
  ['/sok', 'sok', 'Sök', 'main .search-form'],
  ['/sok?q=LUPP', 'sok-lupp', 'Sök', '.search-hits'],
  ['/om-data', 'om-data', 'Om data och källor', 'dl'],
  ['/tillganglighet', 'tillganglighet', 'Tillgänglighetsredogörelse', 'h2'],
  ['/sidan-finns-inte', '404', 'Sidan finns inte', 'ul'],
];

let site, browser;
before(async () => { site = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

for (const [path, name, heading, ready] of ROUTES) {
  test(`${path} shows "${heading}", logs no error and has no axe violations`, async () => {
    const page = await openPage(browser);
    await page.goto(site.origin + path);
    await page.locator(ready).first().waitFor();
    assert.equal((await h1(page).textContent()).replaceAll('\u00ad', '').trim(), heading);
    assert.equal(await page.getAttribute('html', 'lang'), 'sv');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(page.errors, []);
    await screenshot(page, `${name}-1280`);
    await page.setViewportSize({ width: 360, height: 740 });
    await screenshot(page, `${name}-360`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 360 px`);
    await page.close();
  });
}

test('the shell has a skip link, a labelled navigation and a footer to the statements', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/om-data');
  await page.locator('dl').waitFor();
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  assert.equal(await skip.evaluate(el => el === document.activeElement), true, 'first Tab reaches the skip link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  assert.equal(new URL(page.url()).pathname, '/om-data', 'the skip link stays on the page');
  // At 1280 px the menu and the search box stand in the header; on a phone they are behind "Meny".
  assert.equal(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').count(), 7);
  assert.equal(await page.locator('header [role="search"] input[type="search"]:visible').count(), 1, 'the search box is in the header');
  assert.equal(await page.locator('footer a[href="/tillganglighet"]').count(), 1);
  assert.equal(await page.locator('footer a[href="/om-data"]').count(), 1);
  await page.close();
});

test('links navigate inside the app and deep links survive a reload', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/');
  await page.getByRole('link', { name: 'AV-Play', exact: true }).click();
  await page.locator('.chart svg').first().waitFor();
  assert.equal(new URL(page.url()).pathname, '/statistik/av-play');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main', 'focus moves to the new content');
  assert.equal(await page.title(), 'AV-Play och AV-Media – Kommunförbundet Kalmar län');
  assert.equal(await page.locator('.menu-wide a[aria-current="page"]').textContent(), 'AV-Play');
  await page.reload();
  await page.locator('.chart svg').first().waitFor();
  assert.equal((await h1(page).textContent()).trim(), 'AV-Play och AV-Media');
  await page.goBack();
  await page.locator('.sections').waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a municipality is found by name too, and an unknown one lists the real ones', async () => {
  const page = await openPage(browser);
  await page.goto(site.origin + '/kommun/morbylanga');
  await page.locator('.indicator-card').first().waitFor();
  assert.equal((await h1(page).textContent()).trim(), 'Mörbylånga kommun');
  await page.goto(site.origin + '/kommun/9999');
  await page.locator('.columns').waitFor();
  assert.equal((await h1(page).textContent()).trim(), 'Sidan finns inte');
  assert.equal(await page.locator('.columns li').count(), 12);
  assert.deepEqual(page.errors, []);
  await page.close();
});
