// Valid HTML (EN 301 549 / WCAG 2.1, 4.1.1): the W3C Nu HTML Checker (vnu.jar,
// from npm, on Java) over every prerendered page in dist/, and over the live
// DOM of a sample of routes after the app has taken over. One JVM run each;
// any error fails. Warnings are printed, not failed on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, live, prerendered, ROOT } from './lib.mjs';

const VNU = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
let site, browser;
before(async () => { site = await serve('dist'); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

/** The checker's messages for `files`, in one JVM run (it reports on stderr). */
function check(files) {
  const run = spawnSync('java', ['-jar', VNU, '--format', 'json', '--exit-zero-always', ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stderr).messages;
}

const where = m => `${m.url.replace(/^file:/, '').replace(ROOT + '/', '')}:${m.lastLine}: ${m.message}`;

/** The errors, each with its place; the warnings (type "info") are printed, not failed on. */
function report(messages) {
  const errors = messages.filter(m => m.type !== 'info');
  const warnings = messages.filter(m => m.type === 'info');
  for (const w of new Set(warnings.map(m => m.message))) console.log(`vnu warning (${warnings.filter(x => x.message === w).length}×): ${w}`);
  return errors.map(where);
}

test('every prerendered page in dist/ is valid HTML', () => {
  const files = prerendered().map(route => join(ROOT, 'dist', route === '/' ? '' : route, 'index.html'));
  files.push(join(ROOT, 'dist/404.html'));
  assert.ok(files.length > 60, `${files.length} pages`);
  assert.deepEqual(report(check(files)), []);
});

test('the live DOM after the takeover is valid HTML on a sample of routes', async () => {
  const routes = ['/', '/plan/2025', '/plan/2025/budget', '/rapport/2023', '/uppfoljning', '/uppfoljning/etablering', '/statistik/andts', '/statistik/lupp?kon=jamfor', '/statistik/andts?visa=karta', '/statistik/av-play', '/kommun', '/kommun/torsas', '/kommun/vimmerby', '/sok?q=lupp', '/om-data', '/tillganglighet', '/embed/budget-intakter', '/embed/kommun-torsas'];
  const dir = join(ROOT, 'target/vnu-live');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const page = await openPage(browser);
  const files = [];
  for (const [i, route] of routes.entries()) {
    await page.goto(site.origin + route);
    await live(page);
    const html = await page.evaluate(() => '<!DOCTYPE html>\n' + document.documentElement.outerHTML);
    const file = join(dir, `${String(i).padStart(2, '0')}-${route.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'hem'}.html`);
    await writeFile(file, html);
    files.push(file);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
  assert.deepEqual(report(check(files)), []);
});
