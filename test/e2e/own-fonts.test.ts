// End to end: the seed built with an office's own fonts as offices have them, a face of a TrueType
// collection (.ttc, chosen by name) for the body and a PostScript-outline (CFF) OpenType font for
// titles, read back the way a print shop would: every font embedded as TrueType (no Type 3, no font
// of the machine), the issue's text all there, and an HTML folder that carries small per-issue
// subsets rather than the files. The kai role names the body's face again (by number): one file.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.js';
import { validate } from '../../src/validate.js';
import { blocksText } from '../../src/model/blocks.js';
import { issueText } from '../../src/model/issueText.js';
import { readFont, standaloneFace } from '../../src/model/fontFile.js';
import type { Issue } from '../../src/model/types.js';
import { cleanScratch, REPO, SEED, scratchDir } from '../helpers.js';
import { bodyLines, buildEnv, CHROMIUM, compact, e2eTitle, HAS_CHROMIUM, pdfFonts, readPages, type FontRow, type Page } from './poppler.js';
import { render } from '../../src/i18n/message.js';

const SLUG = '2018-02';
const FIXTURES = path.join(REPO, 'test', 'fixtures', 'fonts');

/** PostScript names of the fonts installed on this machine (fontconfig), if fontconfig is there. */
function machineFonts(): Set<string> {
  try {
    return new Set(execFileSync('fc-list', [':', 'postscriptname'], { encoding: 'utf8' }).split('\n').map((l) => l.replace(/^:postscriptname=/, '').trim()).filter(Boolean));
  } catch {
    return new Set();
  }
}

/** The characters a font file maps (its cmap), as code points. */
function mapped(bytes: Uint8Array): Set<number> {
  const read = readFont(standaloneFace(bytes) ?? bytes);
  if (!read.ok) throw new Error(render(read.reason, 'en'));
  const out = new Set<number>();
  for (const [a, b] of read.facts.coverage) for (let cp = a; cp <= b; cp++) out.add(cp);
  return out;
}

let out: string;
let fonts: FontRow[];
let pages: Page[];
let issue: Issue;
let fontFiles: string[];

afterAll(() => cleanScratch());

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('the seed with its own .ttc and CFF .otf fonts (end to end)'), () => {
  beforeAll(async () => {
    const root = scratchDir('bulletin-e2e-ownfonts-');
    const series = path.join(root, 'seed');
    cpSync(SEED, series, { recursive: true });
    cpSync(FIXTURES, path.join(series, 'fonts'), { recursive: true });
    const yaml = path.join(series, 'bulletin.yaml');
    writeFileSync(yaml, `${readFileSync(yaml, 'utf8')}
fonts:
  body: { file: fonts/ukai-wqy.ttc, face: AR PL UKai CN }
  title: { file: fonts/title-cff.otf }
  kai: { file: fonts/ukai-wqy.ttc, index: 0 }
output:
  htmlFonts: bundled
`);
    out = path.join(root, 'out');
    const result = await build([series], { outDir: out, browser: CHROMIUM, env: buildEnv() });
    expect(result.diagnostics).toEqual([]);
    issue = (await validate([series])).issues[0]!;
    fonts = pdfFonts(path.join(out, `${SLUG}.pdf`));
    pages = readPages(path.join(out, `${SLUG}.pdf`));
    fontFiles = readdirSync(path.join(out, `${SLUG}_files`, 'fonts'));
  }, 180_000);

  it('embeds every font as TrueType, the two own faces among them, none of the machine', () => {
    const machine = machineFonts();
    for (const f of fonts) {
      expect(f.type, f.name).toMatch(/^(CID )?TrueType$/);
      expect(f.emb, f.name).toBe('yes');
      expect(machine.has(f.name.replace(/^[A-Z]{6}\+/, '')), `${f.name} is a font of this machine`).toBe(false);
    }
    expect(fonts.map((f) => f.name)).toEqual(expect.arrayContaining([expect.stringMatching(/\+BulletinTestSerifCFF/), expect.stringMatching(/\+UKaiCN$/)]));
  });

  it('prints the titles and every paragraph of the seed', () => {
    const text = compact(pages.map((p) => bodyLines(p).map((l) => l.text).join('')).join(''));
    for (const article of issue.sections.flatMap((s) => s.articles)) {
      expect(text).toContain(compact(article.title));
      for (const paragraph of blocksText(article.blocks).split('\n').map(compact).filter(Boolean)) expect(text).toContain(paragraph);
    }
  });

  it('writes small subsets of the issue\'s characters to the HTML folder, one file for the face two roles name', () => {
    const own = fontFiles.filter((f) => !f.startsWith('noto-') && !f.startsWith('lxgw-'));
    expect(own.sort()).toEqual(['title-cff.woff', 'ukai-wqy-0.woff']);
    const printed = new Set(Array.from(issueText(issue), (c) => c.codePointAt(0)!));
    for (const [name, source] of [['ukai-wqy-0.woff', 'ukai-wqy.ttc'], ['title-cff.woff', 'title-cff.otf']] as const) {
      const file = path.join(out, `${SLUG}_files`, 'fonts', name);
      expect(statSync(file).size, name).toBeLessThan(statSync(path.join(FIXTURES, source)).size);
      // Only what the issue prints (and ASCII, for the page numbers and the layout).
      const extra = [...mapped(new Uint8Array(readFileSync(file)))].filter((cp) => cp > 0x7e && !printed.has(cp));
      expect(extra.map((cp) => String.fromCodePoint(cp)).join(''), name).toBe('');
    }
    // The source face has characters the seed does not print: they stay out.
    expect(mapped(standaloneFace(new Uint8Array(readFileSync(path.join(FIXTURES, 'ukai-wqy.ttc'))), { index: 0 })!).size).toBeGreaterThan(mapped(new Uint8Array(readFileSync(path.join(out, `${SLUG}_files`, 'fonts', 'ukai-wqy-0.woff')))).size);
    const css = readFileSync(path.join(out, `${SLUG}_files`, 'issue.css'), 'utf8');
    for (const family of ['bulletin-body', 'bulletin-kai']) expect(css).toMatch(new RegExp(`font-family: '${family}';[^}]*url\\("?fonts/ukai-wqy-0\\.woff"?\\)`));
  });
});
