// End to end: an issue written the way an office writes one (Ⅲ类, μg/m³, ℃, ①, a name with 𬍛) builds
// the first time, every character from a bundled face (pdffonts: embedded TrueType, no Type 3) and
// present in the PDF's text (pdftotext); what no bundled face has (𠀀, ℮ in bold) is printed as 〓,
// with its glyph-missing warning at file:line:column, and the PDF is still written. One build.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanScratch, REPO, runCli, scratchDir, type CliRun } from '../helpers.js';
import { buildEnv, e2eTitle, HAS_CHROMIUM, pdfFonts } from './poppler.js';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'invalid', 'glyph-missing-roles');

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('characters of office prose (end to end)'), () => {
  let dir: string;
  let run: CliRun;
  let pdf: string;
  beforeAll(async () => {
    dir = path.join(scratchDir('bulletin-e2e-chars-'), 'series');
    cpSync(FIXTURE, dir, { recursive: true });
    run = await runCli(['build', 'series', '-o', 'out', '--pdf'], path.dirname(dir), { ...buildEnv(), NO_COLOR: '1' });
    pdf = path.join(path.dirname(dir), 'out', '2018-01.pdf');
  }, 180_000);
  afterAll(() => cleanScratch());

  it('writes the PDF, with a warning for each character no font has, where it is', () => {
    const printed = run.stdout + run.stderr;
    expect(run.code, printed).toBe(0);
    expect(existsSync(pdf)).toBe(true);
    expect(printed).toMatch(/2018-01\.yaml:10:16[^\n]*\n?[^\n]*glyph-missing|glyph-missing[^\n]*2018-01\.yaml:10:16/);
    expect(printed).toContain('the font for section labels, bold text and level-1 headings (`fonts.heading`) and the bundled fallbacks lack the character 「℮」 (U+212E); the build prints 〓 in its place');
    expect(printed).toContain('the font for body text (`fonts.body`) and the bundled fallbacks lack the character 「𠀀」 (U+20000)');
    expect(printed).not.toMatch(/「(Ⅲ|μ|℃|①|𬍛)」/);
  });

  it('embeds every font as TrueType: no Type 3 font, none from the machine', () => {
    const fonts = pdfFonts(pdf);
    for (const font of fonts) {
      expect(font.type, font.name).toBe('CID TrueType');
      expect(font.emb, `${font.name} embedded`).toBe('yes');
    }
    const names = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    // The fallbacks that printed Ⅲ, μ and 𬍛 beside the Chinese faces.
    expect(names).toEqual(expect.arrayContaining(['NotoSansSymbols-Regular', 'NotoSerif-Regular', 'LXGWWenKai-Regular']));
  });

  it('has every character in the text of the PDF, and 〓 where no font has one', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['地表水Ⅲ类以上断面', '35μg/m³', '15.8℃，①号断面', 'α系数0.92', '𬍛同志', '𬍛同志在①号断面采样（μg/m³，℃）']) expect(text).toContain(s);
    expect(text).toContain('估算值〓：');
    expect(text).toContain('向〓同志学习');
    expect(text).not.toContain('𠀀');
  });
});
