// End to end: examples/office, an issue written the way an office writes one (texts pasted from
// Word a line a paragraph, titles of 40+ characters on one line, Ⅲ类, μg/m³, ℃, ①, a rare name
// character 𬍛, bold 一是……。 phrases, an editor's note with bold, the office's fonts played by a
// .ttc face and a CFF .otf), built with the command line as an editor would, and read back with poppler.
// Issue 15's blocks too: three tables, two notes, a quoted 批示, an attachment list, the sign-off.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESETS, charPitchMm, linePitchMm } from '../../src/layout/presets.js';
import { buildExample, e2eTitle, fontRuns, fontsOf, HAS_CHROMIUM, pdfFonts, readPages, TYPE_AREA, type FontRun, type Page, type Word } from './poppler.js';

const g = PRESETS.standard;
const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/office');
/** The bundled serif's ascent and descent: pdftotext's box of a word is this many times its size. */
const BOX_PER_PT = 1.437;
const sizeOf = (w: Word) => (w.y1 - w.y0) * (72 / 25.4) / BOX_PER_PT;

let dir = '';
let pdf = '';
let output = '';
let status = -1;
let pages: Page[] = [];
let runs: FontRun[] = [];

beforeAll(() => {
  if (!HAS_CHROMIUM) return;
  ({ dir, status, output } = buildExample(EXAMPLE, 'bulletin-e2e-office-'));
  pdf = path.join(dir, '2026-22.pdf');
  if (status === 0) {
    pages = readPages(pdf);
    runs = fontRuns(pdf);
  }
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('the office example builds the first time'), () => {
  it('writes the same PDF bytes when built again (photos, tables and notes: what the tagged structure numbers)', async () => {
    const again = buildExample(EXAMPLE, 'bulletin-e2e-office-again-');
    try {
      expect(again.status, again.output).toBe(0);
      expect(readFileSync(path.join(again.dir, '2026-22.pdf')).equals(readFileSync(pdf))).toBe(true);
    } finally {
      rmSync(again.dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('builds with no error and no warning', () => {
    expect(output).not.toMatch(/warning|error/i);
    expect(status).toBe(0);
  });

  it('embeds every font as TrueType, the office fonts converted from the .ttc face and the CFF .otf', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.filter((f) => f.type.includes('Type 3') || f.emb !== 'yes')).toEqual([]);
    expect(fonts.map((f) => f.name).join(' ')).toMatch(/NotoSerifCJKsc-Bold/); // the CFF title font, converted
    expect(fonts.map((f) => f.name).join(' ')).toMatch(/UKaiCN/); // the collection's face
  });

  it('prints every character as written: Ⅲ类, μg/m³, ℃, ①, 𬍛, bold phrases without asterisks', () => {
    const text = pages.map((p) => p.compact).join('');
    for (const s of ['Ⅲ类', 'μg/m³', '5℃', '①号', '张𬍛', '一是加强统筹调度。会同', '（清河街道办事处供稿）']) expect(text).toContain(s);
    expect(text).not.toMatch(/[*＊〓]/);
  });

  it('keeps the body at 16 pt on the 22-line grid: no page is scaled', () => {
    const pitch = linePitchMm(g);
    expect(g.grid.lines).toBe(22);
    let steps1 = 0;
    for (const page of pages.slice(1)) {
      const body = page.lines.filter((l) => l.y1 < g.margins.top + g.typeArea.height + 1 && Math.abs(sizeOf(l) - g.sizes.body) < 1.5 && l.text.length > 20);
      // A page the 30-row table fills from top to bottom has no body line.
      if (page !== pages.at(-1) && !page.compact.startsWith('续表')) expect(body.length, `page ${page.number}`).toBeGreaterThan(3);
      const centres = body.map((l) => (l.y0 + l.y1) / 2);
      for (let i = 1; i < centres.length; i++) {
        const steps = (centres[i]! - centres[i - 1]!) / pitch;
        expect(Math.abs(steps - Math.round(steps)), `page ${page.number}, line ${i}`).toBeLessThan(0.05);
        if (Math.round(steps) === 1) steps1++;
      }
    }
    expect(steps1).toBeGreaterThan(10); // two body pages: most lines follow the one before by one pitch
  });

  it('wraps the 43-character title inside the type area, never wider', () => {
    for (const page of pages) {
      for (const line of page.lines) expect(line.x1 - line.x0, `page ${page.number}: ${line.text}`).toBeLessThan(g.typeArea.width + 0.5);
    }
  });

  it('writes no font file into the HTML folder (the page uses the reader\'s own fonts), a small folder, and the bundled 楷体 into the PDF', () => {
    const files = path.join(dir, '2026-22_files');
    expect(readdirSync(files)).not.toContain('fonts');
    const sizes = readdirSync(files, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => statSync(path.join(e.parentPath, e.name)).size);
    // Was 2.8 MB with the bundled faces' slices and subsets; the stylesheets and the photos' screen renditions are left.
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThan(300_000);
    // The note and captions are printed in LXGW WenKai.
    expect(pdfFonts(pdf).filter((f) => /LXGWWenKai/.test(f.name)).map((f) => [f.type, f.emb])).toEqual([['CID TrueType', 'yes']]);
  });

  // The tables (issue 15): a pipe table, a 5-column table from an .xlsx with a merged header, a 30-row CSV table.
  const lineOf = (page: Page, start: string) => page.lines.find((l) => l.text.startsWith(start));
  const pageWith = (start: string) => pages.find((p) => lineOf(p, start));

  it('prints each table caption above its table, centred, numbered through the issue', () => {
    for (const [n, caption, header] of [[1, '前三季度主要断面水质', '断面化学需氧量'], [2, '2026年生态环境重点项目进展情况', '街镇'], [3, '入河排污口整治清单', '编号所在街镇']] as const) {
      // The caption's words (表N and its text); 「续表N」 is printed only where the table continues, not even hidden under the caption.
      const page = pages.find((p) => p.words.some((w) => w.text === caption));
      expect(page, caption).toBeDefined();
      expect(page!.compact, caption).not.toContain(`续表${n}`);
      const text = page!.words.find((w) => w.text === caption)!;
      const number = page!.words.find((w) => w.text === `表${n}` && Math.abs(w.y0 - text.y0) < 1)!;
      expect(number, `表${n}`).toBeDefined();
      const head = page!.lines.find((l) => l.text.startsWith(header) && l.y0 > text.y1);
      expect(head, `${caption}: its header under it`).toBeDefined();
      expect(head!.y0 - text.y1, caption).toBeLessThan(linePitchMm(g) * 3); // the unit line, then the header (a two-row header centres its tall cells)
      const centre = (number.x0 + text.x1) / 2;
      const left = page!.number % 2 === 1 ? g.margins.inner : g.margins.outer; // sides are physical: odd sheet sides bind on the left
      expect(Math.abs(centre - (left + g.typeArea.width / 2)), caption).toBeLessThan(1);
    }
    expect(pages.some((p) => p.compact.includes('单位：mg/L'))).toBe(true);
  });

  it('breaks the 30-row table across pages with its header repeated under 续表3, each row once and whole', () => {
    const first = pages.find((p) => p.words.some((w) => w.text === '入河排污口整治清单'))!;
    const last = pageWith('QH-030')!;
    expect(last.number).toBeGreaterThan(first.number);
    for (const page of pages.filter((p) => p.number > first.number && p.number <= last.number)) {
      const label = lineOf(page, '续表3');
      const header = lineOf(page, '编号所在街镇排口类型整治措施完成时限');
      expect(label, `page ${page.number}`).toBeDefined();
      expect(header, `page ${page.number}`).toBeDefined();
      const rows = page.lines.filter((l) => /^QH-\d{3}/.test(l.text));
      expect(rows.length, `page ${page.number}`).toBeGreaterThan(0);
      expect(label!.y1).toBeLessThanOrEqual(header!.y0 + 0.5);
      expect(header!.y1).toBeLessThanOrEqual(rows[0]!.y0 + 0.5);
    }
    const rows = pages.flatMap((p) => p.lines.filter((l) => /^QH-\d{3}/.test(l.text)).map((l) => l.text.slice(0, 6)));
    expect(rows).toEqual(Array.from({ length: 30 }, (_, i) => `QH-${String(i + 1).padStart(3, '0')}`));
    // No row is split: each prints on one line, with its completion month.
    for (const page of pages) for (const l of page.lines.filter((x) => /^QH-\d{3}/.test(x.text))) expect(l.text).toMatch(/2026年1[012]月$/);
  });

  it('closes each part of the 三线表 with its bottom rule, on the pages it breaks on as under its last row', () => {
    const first = pages.find((p) => p.words.some((w) => w.text === '入河排污口整治清单'))!;
    const last = pageWith('QH-030')!;
    for (const page of pages.filter((p) => p.number >= first.number && p.number <= last.number)) {
      const rows = page.lines.filter((l) => /^QH-\d{3}/.test(l.text));
      const bottom = rows.at(-1)!;
      // A dark band across the table's width, between the part's last row and the next line.
      const band = darkRows(page.number, bottom.x0, bottom.y1, bottom.x1 - bottom.x0, linePitchMm(g) * 0.6);
      expect(band, `page ${page.number}`).toBeGreaterThan(0);
    }
  });

  it('prints the workbook as Excel shows it (cached formulas, formats, the merged header) and its numbers right-aligned', () => {
    const page = pages.find((p) => p.words.some((w) => w.text === '1,860.50'))!;
    const text = pages.map((p) => p.compact).join('');
    for (const s of ['项目数（个）', '计划完成', '清河街道12121,860.50100.0%', '合计645811,214.4090.6%']) expect(text).toContain(s);
    const money = ['1,860.50', '1,215.00', '2,342.80'].map((m) => page.words.find((w) => w.text === m)!);
    expect(money.every(Boolean)).toBe(true);
    const rights = money.map((w) => w.x1);
    expect(Math.max(...rights) - Math.min(...rights)).toBeLessThan(0.3);
    const short = page.words.find((w) => w.text === '980.20')!;
    expect(short.x0 - money[0]!.x0).toBeGreaterThan(1); // a shorter number starts further right…
    expect(Math.abs(short.x1 - rights[0]!)).toBeLessThan(0.3); // …and ends at the same edge
  });

  it('prints the two photos of the group side by side across the measure, at one height, each caption balanced under its photo', () => {
    // pdfimages: each photo's pixels and effective resolution give its placed size.
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim())
      .map((l) => l.trim().split(/\s+/)).map((c) => ({ page: Number(c[0]), widthMm: (Number(c[3]) / Number(c[12])) * 25.4, heightMm: (Number(c[4]) / Number(c[13])) * 25.4 }));
    expect(images).toHaveLength(2);
    const [a, b] = images as [typeof images[0], typeof images[0]];
    expect(b.page).toBe(a.page);
    expect(Math.abs(a.heightMm - b.heightMm)).toBeLessThan(0.3);
    // Together with a one-character gutter, the measure.
    const charMm = g.typeArea.width / g.grid.chars;
    expect(a.widthMm + b.widthMm + charMm).toBeLessThanOrEqual(g.typeArea.width + 0.3);
    expect(a.widthMm + b.widthMm + charMm).toBeGreaterThan(g.typeArea.width - 0.3);
    // The captions, on the photos' page: each centred under its photo, the first flush with the type
    // area's left edge, the second with its right; the second caption in two balanced lines.
    const page = pages[a.page - 1]!;
    const left = page.words.filter((w) => w.text === '清河街道已完成整治的北沟渠排口');
    const right = page.words.filter((w) => /^(区生态环境局会同各|街镇召开项目调度会)$/.test(w.text));
    expect(left).toHaveLength(1);
    // 18 characters in a box of 14: balanced 9 + 9, not 14 + 4.
    expect(right.map((w) => w.text)).toEqual(['区生态环境局会同各', '街镇召开项目调度会']);
    const typeLeft = a.page % 2 === 1 ? TYPE_AREA.leftOdd : TYPE_AREA.leftEven; // sides are physical: odd sheet sides bind on the left
    const centre = (ws: Word[]) => (Math.min(...ws.map((w) => w.x0)) + Math.max(...ws.map((w) => w.x1))) / 2;
    expect(Math.abs(centre(left) - (typeLeft + a.widthMm / 2))).toBeLessThan(1);
    expect(Math.abs(centre(right) - (typeLeft + g.typeArea.width - b.widthMm / 2))).toBeLessThan(1);
  });

  it('returns to the body grid after each table', () => {
    const pitch = linePitchMm(g);
    const reference = bodyLineCentre(pages[1]!);
    for (const start of ['会议要求，各街镇', '从进度看', '入河排污口整治方面', '下一步，对整治不到位']) {
      const page = pageWith(start)!;
      const line = lineOf(page, start)!;
      const steps = ((line.y0 + line.y1) / 2 - reference) / pitch;
      expect(Math.abs(steps - Math.round(steps)), start).toBeLessThan(0.05);
    }
  });

  // The notes, the quoted 批示, the attachment list and the sign-off (issue 15).
  const CHAR = charPitchMm(g);
  /** The left edge of the type area: the binding side is on the left of odd body pages (the cover is one page). */
  const leftOf = (page: Page) => (page.number % 2 === 1 ? g.margins.inner : g.margins.outer);
  const isKai = (text: string) => [...(fontsOf(runs, text) ?? ['none'])].every((f) => /UKai/i.test(f));

  it('prints the sign-off on the cover, on the line under the issue line', () => {
    const cover = pages[0]!;
    const issue = cover.lines.findIndex((l) => l.text.startsWith('2026年第22期'));
    expect(issue).toBeGreaterThanOrEqual(0);
    expect(cover.lines[issue + 1]!.text).toBe('签发：刘卫东审核：赵琳责任编辑：孙晓梅');
  });

  it('numbers the two notes ①② in the text and prints them under 注释： after the article, smaller than the body', () => {
    const drawn = runs.map((r) => r.text).join('').replace(/\s/g, '');
    expect(drawn).toContain('省考断面①水质均值');
    expect(drawn).toContain('确保出水稳定达标②。');
    const page = pageWith('注释：')!;
    const at = page.lines.findIndex((l) => l.text === '注释：');
    const before = page.lines.slice(0, at).map((l) => l.text).join('');
    // The article's last paragraph, right above (pdftotext puts the raised ② wherever its centre falls).
    expect(before.replace(/[①②]/g, '')).toMatch(/确保出水稳定达标。$/);
    const notes = page.lines.slice(at + 1).filter((l) => l.y1 < g.margins.top + g.typeArea.height).map((l) => l.text).join('');
    expect(notes).toMatch(/^①国考断面指国家地表水环境质量监测网断面.*②执行《城镇污水处理厂污染物排放标准》（GB18918—2002）一级A标准。$/);
    const note = lineOf(page, '①国考断面')!;
    expect(sizeOf(note)).toBeLessThan(g.sizes.body - 1);
    expect(note.x0 - leftOf(page)).toBeLessThan(1);
  });

  it('sets the quoted 批示 in the office 楷体, two characters in on both sides, and the paragraph after it back in the body', () => {
    const page = pageWith('前三季度全区水环境质量稳中向好')!;
    const first = page.lines.findIndex((l) => l.text.startsWith('前三季度全区水环境质量稳中向好'));
    const end = page.lines.findIndex((l) => l.text.startsWith('会议要求，各街镇'));
    const quote = page.lines.slice(first, end);
    expect(quote.map((l) => l.text).join('')).toBe('前三季度全区水环境质量稳中向好，成绩值得肯定。要对照年度目标逐个断面查找差距，以入河排污口整治为抓手，确保全年考核断面水质稳定达标。');
    const left = leftOf(page);
    expect(quote[0]!.x0 - left).toBeCloseTo(4 * CHAR, 0); // a paragraph's indent inside the quote's
    expect(quote[1]!.x0 - left).toBeCloseTo(2 * CHAR, 0);
    expect(left + g.typeArea.width - quote[1]!.x1).toBeCloseTo(2 * CHAR, 0);
    expect(isKai('前三季度全区水环境质量稳中向好')).toBe(true);
    const after = page.lines[end]!;
    expect(after.x0 - left).toBeCloseTo(2 * CHAR, 0);
    expect(isKai('会议要求，各街镇')).toBe(false);
    const pitch = linePitchMm(g);
    const steps = ((after.y0 + after.y1) / 2 - bodyLineCentre(page)) / pitch;
    expect(Math.abs(steps - Math.round(steps))).toBeLessThan(0.05);
  });

  it('lists the attachments as 附件：1. … 2. … after the last article\'s text, two characters in, the second name under the first', () => {
    const page = pageWith('附件：1.')!;
    const one = page.lines.findIndex((l) => l.text.startsWith('附件：1.'));
    expect(page.lines[one]!.text).toBe('附件：1.2026年全区生态环境重点项目进展明细表');
    const two = page.lines[one + 1]!;
    expect(two.text).toBe('2.全区入河排污口“一口一策”整治方案汇编');
    expect(page.lines[one - 1]!.text).toMatch(/年底前全部销号。$/);
    expect(page.lines[one]!.x0 - leftOf(page)).toBeCloseTo(2 * CHAR, 0);
    expect(two.x0 - leftOf(page)).toBeCloseTo(5 * CHAR, 0);
  });
});

/**
 * How many pixel rows of a strip of a page (mm from its top-left corner, at 300 dpi) are dark along
 * nine tenths of its width: a rule drawn across it.
 */
function darkRows(page: number, x: number, y: number, width: number, height: number): number {
  const px = (v: number) => Math.round((v / 25.4) * 300);
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '300', '-f', String(page), '-l', String(page), '-x', String(px(x)), '-y', String(px(y)), '-W', String(px(width)), '-H', String(px(height)), pdf]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = pgm.subarray(header[0].length);
  let rows = 0;
  for (let r = 0; r < h; r++) {
    let dark = 0;
    for (let c = 0; c < w; c++) if (data[r * w + c]! < 96) dark++;
    if (dark > w * 0.9) rows++;
  }
  return rows;
}

/** The centre of the first 16 pt body line of a page: a line of the grid. */
function bodyLineCentre(page: Page): number {
  const line = page.lines.find((l) => l.y1 < g.margins.top + g.typeArea.height && Math.abs(sizeOf(l) - g.sizes.body) < 1.5 && l.text.length > 20)!;
  return (line.y0 + line.y1) / 2;
}
