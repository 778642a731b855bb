// What `bulletin doctor` says of each role's face: GB 2312's hanzi, the design from the names, and
// the report of a series with its own files (a .ttc face by name and by number, a CFF .otf, a file
// that is no font, one that may not be embedded) and the bundled faces without a series.
import { describe, expect, it, afterAll } from 'vitest';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gb2312Hanzi } from '../../src/model/gb2312Hanzi.js';
import { faceDesign } from '../../src/model/faceDesign.js';
import { OFFICE_CHARACTERS } from '../../src/model/describeFace.js';
import { readFont } from '../../src/model/fontFile.js';
import { reportFonts as reportFontsMessages } from '../../src/reportFonts.js';
import { render, type Message } from '../../src/i18n/message.js';
import { nodeIo } from '../../src/io.js';
import { cleanScratch, REPO, scratchDir, SERIES_YAML, writeTree } from '../helpers.js';
import { fsType, latinTtf } from '../fontBytes.js';

/** The report with its texts in a language (English unless asked). */
async function reportFonts(...args: Parameters<typeof reportFontsMessages>) {
  return inLang(await reportFontsMessages(...args), 'en');
}
function inLang(report: Awaited<ReturnType<typeof reportFontsMessages>>, lang: 'en' | 'zh') {
  const text = (m: Message | string | undefined) => (m === undefined ? undefined : render(m, lang));
  return {
    ...report,
    faces: report.faces.map((f) => ({ ...f, source: text(f.source)!, problem: text(f.problem), format: text(f.format), embedding: text(f.embedding) })),
  };
}

afterAll(() => cleanScratch());

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'fonts');

describe('GB 2312 hanzi', () => {
  it('are the 6763 of levels 1 and 2, from 啊 to 齄, each once', () => {
    const hanzi = gb2312Hanzi()!;
    expect(hanzi).toHaveLength(6763);
    expect(new Set(hanzi).size).toBe(6763);
    expect(String.fromCodePoint(hanzi[0]!, hanzi[3755]!, hanzi.at(-1)!)).toBe('啊亍齄'); // level 1 has 3755; level 2 starts at 亍 (0xD8A1)
    for (const ch of '国家生态工业示范园区鼹') expect(hanzi).toContain(ch.codePointAt(0));
    for (const ch of '𬍛丟') expect(hanzi).not.toContain(ch.codePointAt(0)); // Extension E; a traditional form
  });
});

describe('the design of a face, from its names', () => {
  it.each([
    ['方正小标宋简体', '小标宋'], ['FZXiaoBiaoSong-B05S', '小标宋'], ['仿宋_GB2312', '仿宋'], ['FangSong', '仿宋'], ['STFangsong', '仿宋'],
    ['KaiTi_GB2312', '楷'], ['AR PL UKai CN', '楷'], ['LXGW WenKai', '楷'], ['SimHei', '黑'], ['Microsoft YaHei', '黑'], ['Noto Sans SC', '黑'],
    ['WenQuanYi Micro Hei', '黑'], ['SimSun', '宋'], ['宋体', '宋'], ['Noto Serif CJK SC', '宋'], ['AR PL UMing CN', '宋'], ['Songti SC', '宋'],
    ['Kailasa', undefined], ['Arial', undefined],
  ])('%s → %s', (name, design) => {
    expect(faceDesign([name])).toBe(design);
  });
});

describe('the fonts report of a series', () => {
  const dir = scratchDir('bulletin-fonts-report-');
  cpSync(FIXTURES, path.join(dir, 'fonts'), { recursive: true });
  writeTree(dir, {
    'bulletin.yaml': `${SERIES_YAML}fonts:
  body: { file: fonts/ukai-wqy.ttc, face: AR PL UKai CN }
  heading: { file: fonts/ukai-wqy.ttc, index: 1 }
  title: { file: fonts/title-cff.otf }
  pageNumber: { file: fonts/README.md.ttf }
  kai: { file: fonts/restricted.ttf }
`,
    'fonts/README.md.ttf': 'not a font\n',
  });
  writeTree(dir, { 'fonts/restricted.ttf': latinTtf(fsType(0x0002)) });

  it('describes each role\'s face: where from, family, design, format, embedding and coverage', async () => {
    const report = await reportFonts(nodeIo, path.join(dir, 'bulletin.yaml'));
    expect(report.seriesProblem).toBeUndefined();
    const [title, body, heading, kai, pageNumber] = report.faces;
    expect(report.faces.map((f) => f.role)).toEqual(['title', 'body', 'heading', 'kai', 'pageNumber']);

    expect(body).toMatchObject({ source: 'fonts/ukai-wqy.ttc, face "AR PL UKai CN"', family: 'AR PL UKai CN', design: '楷', usual: '仿宋' });
    expect(body!.format).toBe('TrueType collection (.ttc), face 0 of 2, TrueType outlines');
    expect(body!.embedding).toMatch(/^face 0 taken out of the collection, TrueType as it is, subset per issue/);
    // The face's own cmap, counted here against the decoded table: its hanzi of GB 2312.
    const face = readFont(new Uint8Array(readFileSync(path.join(FIXTURES, 'ukai-wqy.ttc'))), { index: 0 });
    const hanzi = new Set(gb2312Hanzi());
    const mapped = face.ok ? face.facts.coverage.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, k) => a + k)) : [];
    expect(body!.gb2312).toEqual({ have: mapped.filter((cp) => hanzi.has(cp)).length, total: 6763 });
    expect(body!.gb2312!.have).toBeGreaterThan(400);
    expect(body!.office!.missing).toContain('Ⅲ');
    expect(body!.office!.total).toBe(Array.from(OFFICE_CHARACTERS).length);

    expect(heading).toMatchObject({ source: 'fonts/ukai-wqy.ttc, face 1', family: 'WenQuanYi Micro Hei', design: '黑', gb2312: { have: 12, total: 6763 } });
    expect(title).toMatchObject({ source: 'fonts/title-cff.otf', family: 'Bulletin Test Serif CFF', design: '宋', usual: '小标宋', format: 'OpenType, PostScript (CFF) outlines' });
    expect(title!.embedding).toMatch(/^converted from CFF to TrueType outlines, subset per issue/);

    // A font whose licence bits forbid embedding: what validate refuses (font-type3), doctor names.
    expect(kai).toMatchObject({ source: 'fonts/restricted.ttf', problem: expect.stringMatching(/Type 3 font: its licence bits/) });

    expect(pageNumber).toMatchObject({ source: 'fonts/README.md.ttf' });
    expect(pageNumber!.problem).toMatch(/not a usable font/);
  });

  it('reports the bundled faces without a series', async () => {
    const report = await reportFonts(nodeIo);
    expect(report.faces.every((f) => f.source.startsWith('bundled: @fontsource/') && !f.problem)).toBe(true);
    expect(report.faces.find((f) => f.role === 'body')).toMatchObject({ design: '宋', format: 'WOFF2, TrueType outlines' });
    for (const face of report.faces) {
      expect(face.source, face.role).toMatch(/^bundled: @fontsource\/[a-z-]+ \d+\.\d+\.\d+/);
      expect(face.embedding, face.role).toMatch(/^(sliced by the package|one file in the package)/);
    }
    // Sliced (Noto) or one whole file (LXGW WenKai, whose coverage is its cmap): every role's face sets Chinese.
    for (const face of report.faces) expect(face.gb2312!.have, face.role).toBeGreaterThan(6700);
  });
});
