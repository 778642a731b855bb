// End to end: an issue file, a photo, a font and a stylesheet whose names hold the characters of URL
// syntax (`#`, `%`, `?`), spaces, brackets, quotes and Chinese. The build must find each one: the
// PDF has the photo and the font, and every reference of the HTML folder (src, href, CSS url())
// leads to a file that exists. The series is made in a scratch folder (such names cannot be
// checked out on every system).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/pipeline.js';
import { cleanScratch, scratchDir, SEED_PNG, writeTree } from '../helpers.js';
import { LATIN_WOFF2 } from '../fontBytes.js';
import { attributeValue, buildEnv, CHROMIUM, e2eTitle, HAS_CHROMIUM, htmlReferences, pdfFonts } from './poppler.js';

/** Every character that has a meaning in a URL, a CSS string or an HTML attribute, and some that need encoding. */
const ODD = ` #1 (50%)?'"&+;,=@[简报]`;
const SLUG = `2018-01${ODD}`;
const IMAGE = `会场${ODD}.png`;
const FONT = `页码${ODD}.woff2`;
const CSS = `附加${ODD}.css`;

/** YAML single quotes: a quote is written twice. */
const yamlQuoted = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** References of a page or a stylesheet that lead nowhere (or outside `root`). */
function broken(root: string, file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const refs = file.endsWith('.css')
    ? [...text.matchAll(/url\(\s*"([^"]*)"\s*\)/g)].map((m) => m[1]!)
    : htmlReferences(text).map(attributeValue);
  if (file.endsWith('.css')) expect(text, `unquoted url() in ${path.basename(file)}`).not.toMatch(/url\(\s*[^"\s]/);
  const problems: string[] = [];
  for (const ref of refs) {
    if (ref.startsWith('#')) continue;
    // Encoded: no character of URL syntax left raw, and every % starts an escape.
    if (/[#?\s"<>]|%(?![0-9A-F]{2})/i.test(ref)) problems.push(`${ref}: not encoded`);
    const target = path.resolve(path.dirname(file), decodeURIComponent(ref));
    const rel = path.relative(root, target);
    if (rel.startsWith('..') || path.isAbsolute(rel)) problems.push(`${ref}: outside the output folder`);
    else if (!existsSync(target) || !statSync(target).isFile()) problems.push(`${ref}: no such file`);
  }
  return problems;
}

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('file names with URL syntax, quotes and Chinese (end to end)'), () => {
  let outDir: string;
  let result: BuildResult;

  beforeAll(async () => {
    const series = path.join(scratchDir('bulletin-e2e-names-'), `系列${ODD}`);
    writeTree(series, {
      // The page with the bundled and own faces (output.htmlFonts: bundled), so that the font's name is in a URL too.
      'bulletin.yaml': `series: 测试园区\nname: 工作动态\npublisher: 测试园区建设办公室\nfonts:\n  pageNumber: { file: ${yamlQuoted(`fonts/${FONT}`)} }\noutput:\n  htmlFonts: bundled\n`,
      [`issues/${SLUG}.yaml`]: [
        'year: 2018', 'number: 1', 'total: 1', 'date: 2018-03-01', 'sections:', '  - label: 工作动态', '    articles:',
        '      - title: 园区召开春季工作会议', '        body: 3月1日，园区召开春季工作会议。', '        figures:',
        `          - image: ${yamlQuoted(`images/${IMAGE}`)}`, '            caption: 会议现场', '',
      ].join('\n'),
      [`templates/${CSS}`]: '.masthead { letter-spacing: 0.4em; }\n',
    });
    for (const dir of ['issues/images', 'fonts']) mkdirSync(path.join(series, dir), { recursive: true });
    copyFileSync(SEED_PNG, path.join(series, 'issues', 'images', IMAGE));
    copyFileSync(LATIN_WOFF2, path.join(series, 'fonts', FONT));
    outDir = path.join(path.dirname(series), `输出${ODD}`);
    result = await build([series], { outDir, browser: CHROMIUM, env: buildEnv() });
  }, 120_000);
  afterAll(() => cleanScratch());

  it('builds without errors or refused requests, under the issue file\'s own name', () => {
    expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
    expect(readdirSync(outDir).sort()).toEqual([`${SLUG}.html`, `${SLUG}.pdf`, `${SLUG}_files`, 'index.html'].sort());
  });

  it('prints the photo and the series\' font into the PDF', () => {
    const pdf = path.join(outDir, `${SLUG}.pdf`);
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
    expect(images.length, 'images in the PDF').toBeGreaterThanOrEqual(1);
    // The page numbers are set in the series' font: Noto Serif SC Black, which no default role uses.
    expect(pdfFonts(pdf).map((f) => f.name).filter((n) => /Black/.test(n)).length, 'the series font in the PDF').toBe(1);
  });

  it('writes an HTML folder in which every src, href and url() leads to a file', () => {
    const files = path.join(outDir, `${SLUG}_files`);
    const sheets = readdirSync(files).filter((f) => f.endsWith('.css'));
    expect(sheets).toContain(`series-${CSS}`);
    expect(readdirSync(path.join(files, 'fonts'))).toContain(FONT);
    // The photo's screen renditions (images/figureRenditions.ts), under its own name and their width; never the original.
    const stem = IMAGE.replace(/\.png$/, '');
    const renditions = readdirSync(path.join(files, 'images', 'issues', 'images'));
    expect(renditions).toHaveLength(2);
    for (const name of renditions) expect(name.startsWith(`${stem}-`) && /-\d+\.(png|jpg)$/.test(name), name).toBe(true);
    for (const file of [path.join(outDir, `${SLUG}.html`), path.join(outDir, 'index.html'), ...sheets.map((s) => path.join(files, s))]) {
      expect(broken(outDir, file), path.basename(file)).toEqual([]);
    }
    const html = readFileSync(path.join(outDir, `${SLUG}.html`), 'utf8');
    expect(htmlReferences(html).map(attributeValue)).toContain(`${encodeURIComponent(`${SLUG}_files`)}/${encodeURIComponent(`series-${CSS}`)}`);
  });
});
