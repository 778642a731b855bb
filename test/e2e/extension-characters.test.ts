// End to end: characters of CJK Extension A (㐀) and B (𠀀) that no bundled face has (README,
// "Characters beyond the Chinese faces": no font package on the registry covers these blocks at
// a reasonable cost). Without a font for them they print as 〓 with a glyph-missing warning
// (build-characters.test.ts); a series that names a font having them for the roles that print
// text (title, body, heading; kai and page numbers fall back to the body) prints them, from that
// font embedded as TrueType, with no warning. One small build.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanScratch, issueYaml, runCli, scratchDir, SERIES_YAML, writeTree, type CliRun } from '../helpers.js';
import { extFont } from '../extFont.js';
import { buildEnv, e2eTitle, HAS_CHROMIUM, pdfFonts } from './poppler.js';

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('characters of CJK Extension A and B from a font the series names (end to end)'), () => {
  let run: CliRun;
  let pdf: string;
  beforeAll(async () => {
    const root = scratchDir('bulletin-e2e-ext-');
    writeTree(path.join(root, 'series'), {
      'bulletin.yaml': `${SERIES_YAML}fonts:\n  title: { file: fonts/ext-ab.ttf }\n  body: { file: fonts/ext-ab.ttf }\n  heading: { file: fonts/ext-ab.ttf }\n`,
      'fonts/ext-ab.ttf': extFont(),
      'issues/2018-01.yaml': issueYaml({ sections: '  - label: 工作动态\n    articles:\n      - title: 向张㐀同志学习\n        body: |\n          张㐀同志与王𠀀同志牵头完成采样。\n          **一是㐀与𠀀。**会同各区推进。' }),
    });
    run = await runCli(['build', 'series', '-o', 'out', '--pdf'], root, { ...buildEnv(), NO_COLOR: '1' });
    pdf = path.join(root, 'out', '2018-01.pdf');
  }, 180_000);
  afterAll(() => cleanScratch());

  it('builds with no warning', () => {
    expect(run.stdout + run.stderr).not.toMatch(/glyph-missing|warning|error/i);
    expect(run.code).toBe(0);
  });

  it('prints 㐀 and 𠀀 in the title, the body and bold text, not 〓', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['向张㐀同志学习', '张㐀同志与王𠀀同志牵头完成采样。', '一是㐀与𠀀。会同各区推进。']) expect(text).toContain(s);
    expect(text).not.toContain('〓');
  });

  it('embeds the font that has them as TrueType, every other font too', () => {
    const fonts = pdfFonts(pdf);
    for (const font of fonts) expect([font.type, font.emb], font.name).toEqual(['CID TrueType', 'yes']);
    expect(fonts.map((f) => f.name)).toEqual(expect.arrayContaining([expect.stringMatching(/\+BulletinTestExt$/)]));
  });
});
