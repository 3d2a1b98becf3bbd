import { serve, launch, openPage } from './lib.mjs';
import { execFileSync } from 'node:child_process';
const site = await serve('dist');
const browser = await launch();
const [, , ...routes] = process.argv;
for (const r of routes) {
  const name = r.replace(/[^a-z0-9]+/gi, '_');
  for (const w of [1280, 360]) {
    const page = await openPage(browser, { width: w, height: 900 });
    await page.goto(site.origin + r);
    await page.screenshot({ path: `/tmp/shots/${name}-${w}.png`, fullPage: true });
    if (page.errors.length) console.log(r, page.errors);
    if (w === 1280) {
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: `/tmp/shots/${name}.pdf`, format: 'A4', printBackground: true, displayHeaderFooter: false, preferCSSPageSize: true });
      const pages = execFileSync('pdfinfo', [`/tmp/shots/${name}.pdf`]).toString().match(/Pages:\s+(\d+)/)[1];
      console.log(r, 'pdf pages', pages);
      execFileSync('pdftoppm', ['-png', '-r', '50', `/tmp/shots/${name}.pdf`, `/tmp/shots/${name}-pdf`]);
    }
    await page.close();
  }
}
await browser.close(); site.close();
