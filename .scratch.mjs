import puppeteer from 'puppeteer';
import { writeFileSync } from 'node:fs';
const variants = {
  a: `@page cover { counter-reset: page 0; } `,
  b: `@page :first { counter-increment: page 0; } `,
  c: `@page cover { counter-increment: page 0; } `,
  d: `.cover { counter-reset: page 0; }`,
  e: `.body { counter-reset: page 1; }`,
  f: `@page cover { counter-reset: page -1; }`,
};
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'], pipe: true });
const page = await browser.newPage();
for (const [k, css] of Object.entries(variants)) {
  const html = `<style>@page { size: A4; margin: 20mm; @bottom-right { content: "- " counter(page) " -"; } } @page cover { @bottom-right { content: none } } .cover { page: cover; } .body { break-before: page } ${css}</style><div class=cover>COVER</div><div class=body>BODY1<div style="break-before:page">BODY2</div></div>`;
  await page.setContent(html);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  writeFileSync(`/tmp/v-${k}.pdf`, pdf);
}
await browser.close();
