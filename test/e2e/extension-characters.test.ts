// End to end: characters of CJK Extension A (㐀) and B (𠀀) that no bundled face has (README,
// "Characters beyond the Chinese faces": no font package on the registry covers these blocks at
// a reasonable cost). Without a font for them they print as 〓 with a glyph-missing warning
// (build-characters.test.ts); a series that names a font having them for the roles that print
// text (title, body, heading; kai and page numbers fall back to the body) prints them, from that
// font embedded as TrueType, with no warning. The issue has two photos and is built with --ofd too:
// its package gets every check of test/ofdChecks.ts (issue 20: "an issue with photos and a rare CJK
// Extension-B character"). One small build.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOfd } from '../../src/check/checkOfd.js';
import { openBrowser, type BrowserSession } from '../../src/print/browserSession.js';
import { cleanScratch, issueYaml, runCli, scratchDir, SERIES_YAML, writeTree, type CliRun } from '../helpers.js';
import { extFont } from '../extFont.js';
import { ofdChecks, type BuiltOfd } from '../ofdChecks.js';
import { buildEnv, CHROMIUM, e2eTitle, HAS_CHROMIUM, pdfFonts, readPages } from './poppler.js';

/** A photo-like JPEG (noise over a colour), `width` × `height`. */
const photo = async (width: number, height: number, background: string) => new Uint8Array(await sharp({ create: { width, height, channels: 3, background, noise: { type: 'gaussian', mean: 110, sigma: 35 } } }).jpeg({ quality: 85 }).toBuffer());

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('characters of CJK Extension A and B from a font the series names (end to end)'), () => {
  let run: CliRun;
  let pdf: string;
  let built: BuiltOfd | undefined;
  let session: BrowserSession | undefined;
  let again: CliRun;
  const same: Record<string, boolean> = {};
  beforeAll(async () => {
    const root = scratchDir('bulletin-e2e-ext-');
    writeTree(path.join(root, 'series'), {
      'bulletin.yaml': `${SERIES_YAML}fonts:\n  title: { file: fonts/ext-ab.ttf }\n  body: { file: fonts/ext-ab.ttf }\n  heading: { file: fonts/ext-ab.ttf }\n`,
      'fonts/ext-ab.ttf': extFont(),
      'issues/images/site.jpg': await photo(1200, 800, '#4070a0'),
      'issues/images/team.jpg': await photo(900, 900, '#a07040'),
      'issues/2018-01.yaml': issueYaml({ sections: '  - label: 工作动态\n    articles:\n      - title: 向张㐀同志学习\n        body: |\n          张㐀同志与王𠀀同志牵头完成采样。\n          **一是㐀与𠀀。**会同各区推进。\n        figures:\n          - image: images/site.jpg\n            caption: 采样现场\n          - image: images/team.jpg\n            caption: 王𠀀同志在现场' }),
    });
    run = await runCli(['build', 'series', '-o', 'out', '--pdf', '--ofd'], root, { ...buildEnv(), NO_COLOR: '1' });
    pdf = path.join(root, 'out', '2018-01.pdf');
    const ofd = new Uint8Array(readFileSync(path.join(root, 'out', '2018-01.ofd')));
    built = { pdf, ofd, reading: checkOfd(ofd), pages: readPages(pdf) };
    // Built again into another folder: the same sources give the same bytes.
    again = await runCli(['build', 'series', '-o', 'out2', '--pdf', '--ofd'], root, { ...buildEnv(), NO_COLOR: '1' });
    for (const name of ['2018-01.pdf', '2018-01.ofd']) same[name] = again.code === 0 && readFileSync(path.join(root, 'out', name)).equals(readFileSync(path.join(root, 'out2', name)));
  }, 240_000);
  afterAll(async () => {
    await session?.close();
    cleanScratch();
  });

  it('builds with no warning', () => {
    expect(run.stdout + run.stderr).not.toMatch(/glyph-missing|warning|error/i);
    expect(run.code).toBe(0);
  });

  it('prints 㐀 and 𠀀 in the title, the body and bold text, not 〓', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['向张㐀同志学习', '张㐀同志与王𠀀同志牵头完成采样。', '一是㐀与𠀀。会同各区推进。', '王𠀀同志在现场']) expect(text).toContain(s);
    expect(text).not.toContain('〓');
  });

  it('embeds the font that has them as TrueType, every other font too', () => {
    const fonts = pdfFonts(pdf);
    for (const font of fonts) expect([font.type, font.emb], font.name).toEqual(['CID TrueType', 'yes']);
    expect(fonts.map((f) => f.name)).toEqual(expect.arrayContaining([expect.stringMatching(/\+BulletinTestExt$/)]));
  });

  it('prints both photos, kept in the OFD as the JPEG files the PDF holds', () => {
    expect(execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.includes('jpeg'))).toHaveLength(2);
    const files = unzipSync(built!.ofd);
    const jpegs = Object.keys(files).filter((f) => f.endsWith('.jpg'));
    expect(jpegs).toHaveLength(2);
    const bytes = readFileSync(pdf);
    for (const name of jpegs) expect(bytes.includes(Buffer.from(files[name]!)), name).toBe(true);
  });

  it('is PDF/A-2u (the build checked it) that qpdf --check accepts, and a second build writes the same PDF and OFD bytes', () => {
    const xmp = readFileSync(pdf, 'latin1');
    expect(xmp).toMatch(/pdfaid:part>2<|pdfaid:part="2"/);
    expect(xmp).toMatch(/pdfaid:conformance>U<|pdfaid:conformance="U"/);
    expect(execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors found');
    expect(again.code).toBe(0);
    expect(same).toEqual({ '2018-01.pdf': true, '2018-01.ofd': true });
  });

  ofdChecks('--ofd', () => built!, async () => (session ??= await openBrowser({ path: CHROMIUM, source: 'test' })).browser, { fonts: 1, links: false, runs: 5 });
});
