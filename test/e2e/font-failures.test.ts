// End to end: fonts that validation cannot see through fail the build clearly (exit 3, naming the
// font), not as a bug of bulletin and never silently: a series font whose tables Chrome's font
// sanitiser rejects, and a font the layout did not choose that reaches the PDF as a Type 3 font
// (here a series stylesheet names a PostScript-outline font installed on the machine).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanScratch, runCli, SEED, scratchDir } from '../helpers.js';
import { latinTtf } from '../fontBytes.js';
import { buildEnv, HAS_CHROMIUM, e2eTitle } from './poppler.js';

/** The file fontconfig gives for a family, if fontconfig is there. */
function installed(family: string): string | undefined {
  try {
    return execFileSync('fc-match', ['-f', '%{file}', family], { encoding: 'utf8' });
  } catch {
    return undefined;
  }
}

// Chrome embeds CFF-outline fonts as Type 3 (src/model/fontEmbedding.ts); URW's Nimbus Sans comes as .otf on Debian.
const CFF_FONT = installed('Nimbus Sans');
const haveCff = Boolean(CFF_FONT && CFF_FONT.endsWith('.otf') && existsSync(CFF_FONT));

afterAll(() => cleanScratch());

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('a font Chrome refuses (end to end)'), () => {
  it('a font file whose outlines are noise (Chrome\'s sanitiser would refuse it) is refused by validate, before any browser, naming the role', async () => {
    const dir = path.join(scratchDir('bulletin-e2e-badfont-'), 'seed');
    cpSync(SEED, dir, { recursive: true });
    mkdirSync(path.join(dir, 'fonts'), { recursive: true });
    // Every table the font reader looks at is sound; the outlines are noise. Since own fonts are
    // converted into a subset at validate (src/model/convertFont.ts), the converter finds it first:
    // the build that used to fail in Chrome (exit 3) now stops at the sources (exit 1), nothing written.
    writeFileSync(path.join(dir, 'fonts', 'number.ttf'), latinTtf((t) => t.set('glyf', Buffer.alloc(t.get('glyf')!.length, 0x55))));
    const series = path.join(dir, 'bulletin.yaml');
    writeFileSync(series, `${readFileSync(series, 'utf8')}\nfonts:\n  pageNumber: { file: fonts/number.ttf }\n`);
    const checked = await runCli(['validate', 'seed'], path.dirname(dir), { NO_COLOR: '1' });
    expect(checked.code, checked.stdout + checked.stderr).toBe(1);
    expect(checked.stdout + checked.stderr).toMatch(/bulletin\.yaml:\d+:\d+: error `fonts\/number\.ttf` cannot be converted[^\n]*\[font-convert\]/);
    const r = await runCli(['build', 'seed', '-o', 'out', '--pdf'], path.dirname(dir), { ...buildEnv(), NO_COLOR: '1' });
    const printed = r.stdout + r.stderr;
    expect(r.code, printed).toBe(1);
    expect(printed).toContain('[font-convert]');
    expect(printed).not.toMatch(/report this as a bug|internal error|browser/i);
    expect(existsSync(path.join(path.dirname(dir), 'out', '2018-02.pdf'))).toBe(false);
  }, 120_000);
});

describe.skipIf(!HAS_CHROMIUM || !haveCff)(e2eTitle('a Type 3 font from the machine (end to end)'), () => {
  it('fails the build with exit 3 naming the font and its likely sources, not as a bug', async () => {
    const dir = path.join(scratchDir('bulletin-e2e-type3-'), 'seed');
    cpSync(SEED, dir, { recursive: true });
    mkdirSync(path.join(dir, 'templates'), { recursive: true });
    writeFileSync(path.join(dir, 'templates', 'extra.css'), '.issue-line, .toc-page { font-family: "Nimbus Sans", sans-serif !important; }\n');
    const r = await runCli(['build', 'seed', '-o', 'out', '--pdf'], path.dirname(dir), { ...buildEnv(), NO_COLOR: '1' });
    const printed = r.stdout + r.stderr;
    expect(r.code, printed).toBe(3);
    // The font, the characters it set (the issue line's digits), the page and the text around them.
    expect(printed).toMatch(/a font without a name is a Type 3 font: it set 「[^」]*2 0[^」]*」 on pages? 1\b[^\n]*, in “[^”]*期[^”]*”/);
    expect(printed).toContain('stylesheet');
    expect(printed).not.toMatch(/report this as a bug/i);
    expect(existsSync(path.join(path.dirname(dir), 'out', '2018-02.pdf'))).toBe(false);
  }, 120_000);
});
