// End to end: the self-check measures the page (src/check/checkGeometry.ts). A copy of the seed gets
// a series stylesheet (templates/extra.css) that breaks the page the preset describes without hiding
// any text, which Chrome prints without complaint; the print must be refused with exit 3 and a
// message that names the page, the element, what was expected and what was found.
//
// What Chrome 156 does with an element wider than the type area: it shrinks the whole document to fit
// (at most to 2/3: a 180 mm paragraph gives a 13.87 pt body, a 46-character title or a 250 mm one
// 10.67 pt), and what is still too wide after that is cut off at the edge of the type area. Both are
// provoked here. One browser is shared by every case (renderIssue, the paginate stage of a build);
// that a failed self-check writes nothing is shown by self-check.test.ts.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../src/validate.js';
import { Layouts } from '../../src/render/layouts.js';
import { renderIssue } from '../../src/renderIssue.js';
import { startBrowser } from '../../src/print/startBrowser.js';
import type { BrowserSession } from '../../src/print/browserSession.js';
import { BulletinError, ExitCode } from '../../src/diagnostics/exitCodes.js';
import { cleanScratch, SEED, scratchDir, writeTree } from '../helpers.js';
import { buildEnv, CHROMIUM, HAS_CHROMIUM, SKIP_REASON, e2eTitle } from './poppler.js';

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

const ARTICLE_1 = '2018年国家生态工业示范园区建设经验交流会在昆明召开';
const ARTICLE_2 = '上海市工业综合开发区等4家园区通过国家生态工业示范园区验收';
/** The seed's first photo with a caption (the seed prints none). */
const WITH_CAPTION = (yaml: string) => {
  const at = '            paragraph: 1\n            alt:';
  if (!yaml.includes(at)) throw new Error('examples/seed/issues/2018-02.yaml no longer places its first figure at paragraph 1: update this test');
  return yaml.replace(at, '            paragraph: 1\n            caption: 经验交流会会场\n            alt:');
};

/**
 * Everything the default layout sets at its own sizes or off the body's rhythm, which must pass: an
 * editor's note of the issue, captioned photos floating right and left and one centred, headings of
 * the four levels (in other faces), a quote, tight, nested and loose lists, a rule, a hard break, a
 * long address, a source line, and the distribution block at the foot of the last page.
 */
const EVERYTHING = (yaml: string) => {
  const figure = '            alt: 占位图：验收会现场\n';
  const last = '          专家组一致同意上海市工业综合开发区等4家园区通过考核验收。至此，我国通过验收的国家生态工业示范园区达到55家。\n';
  if (!yaml.includes(figure) || !yaml.includes(last)) throw new Error('examples/seed/issues/2018-02.yaml changed: update this test');
  const more = ['# 一、工作成效', '## （一）园区建设', '### 1. 产业链', '#### （1）中水回用', '> 引用的一段文字，用来检查引用块是否仍在行格上。引用的一段文字，用来检查引用块是否仍在行格上。',
    '1. 第一项，*强调*和**加粗**。\n2. 第二项，带有链接 <https://example.com/a/very/long/path/to/a/report/of/the/office> 的文字。\n   - 嵌套的一项\n   - 嵌套的二项',
    '- 松散列表一\n\n- 松散列表二', '---', '换行前的文字\\\n换行后的文字。'];
  return WITH_CAPTION(yaml)
    .replace('sections:\n', 'note: |\n  本期为综合样张，编者按的内容。\nsections:\n')
    .replace(figure, `${figure}            caption: 验收会现场（右侧配图的图注，较长以便换行）\n          - image: images/2018-02-kunming.png\n            place: centre\n            width: "60%"\n            paragraph: 3\n            caption: 居中的配图\n          - image: images/2018-02-kunming.png\n            place: left\n            width: "40%"\n            paragraph: 4\n            caption: 左侧配图\n        source: 中国环境科学研究院供稿\n`)
    .replace(last, `${last}\n${more.map((b) => b.replace(/^/gm, '          ')).join('\n\n')}\n`);
};

let session: BrowserSession | undefined;

beforeAll(async () => {
  if (HAS_CHROMIUM) session = await startBrowser(CHROMIUM, buildEnv());
}, 60_000);

afterAll(async () => {
  await session?.close();
  cleanScratch();
});

/** Prints a copy of the seed with `files` added (and its issue edited): the self-check's refusal, or undefined when it passed. */
async function printSeedWith(files: Record<string, string>, edit: (yaml: string) => string = (y) => y): Promise<BulletinError | undefined> {
  const series = path.join(scratchDir('bulletin-e2e-geometry-'), 'seed');
  cpSync(SEED, series, { recursive: true });
  writeTree(series, files);
  const file = path.join(series, 'issues', '2018-02.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  const checked = await validate([series]);
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const issue = checked.issues[0]!;
  try {
    await renderIssue(session!.browser, issue, await new Layouts().for(issue), { display: 'seed/issues/2018-02.yaml', env: buildEnv() });
    return undefined;
  } catch (error) {
    if (!(error instanceof BulletinError)) throw error;
    expect(error.exitCode, error.message).toBe(ExitCode.RenderFailed);
    expect(error.message).toContain('the PDF of 2018-02 failed its self-check');
    return error;
  }
}

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('the self-check measures the page against the preset'), () => {
  it('what the default layout sets at other sizes passes: notes, headings, quotes, lists, rules, captioned photos right, left and centred, the distribution block', { timeout: 60_000 }, async () => {
    expect(await printSeedWith({}, EVERYTHING)).toBeUndefined();
  });

  it('a paragraph 180 mm wide: Chrome shrinks every page to 87 %, and the check says so', { timeout: 60_000 }, async () => {
    const refused = await printSeedWith({ 'templates/extra.css': '.article-body > p:first-of-type { min-width: 180mm; }\n' });
    expect(refused?.message).toMatch(/pages 1–\d: the body text is set at 13\.8\d pt; the preset's body text is 16 pt — the whole page is shrunk to 87 %, which Chrome does when something on the page is wider than the type area \(156 mm\)/);
    expect(refused?.hint).toContain('16 pt body text on a grid of 22 lines in a 156 × 225 mm type area');
    // The series' own file is named; the hint does not call it a bug in bulletin.
    expect(refused?.hint).toContain('This series has its own templates: templates/extra.css.');
    expect(refused?.hint).not.toMatch(/bug/);
  });

  it('a paragraph 250 mm wide: shrunk as far as Chrome goes, and still cut off at the right edge of the type area', { timeout: 60_000 }, async () => {
    const refused = await printSeedWith({ 'templates/extra.css': '.article-body > p:first-of-type { min-width: 250mm; }\n' });
    expect(refused?.message).toMatch(/page 1: 「[^」]+」 runs \d+\.\d mm past the right edge of the type area and is cut off there; text must stay inside the type area \(156 × 225 mm\)/);
    expect(refused?.message).toMatch(/the body text is set at 10\.67 pt; the preset's body text is 16 pt — the whole page is shrunk to 67 %/);
  });

  it('the body set at 12 pt: named with the size expected and the size found', { timeout: 60_000 }, async () => {
    const refused = await printSeedWith({ 'templates/extra.css': '.article-body { font-size: 12pt; }\n' });
    expect(refused?.message).toMatch(/page[s]? 1[^:]*: the body text is set at 12 pt; the preset's body text is 16 pt/);
    expect(refused?.message).not.toMatch(/shrunk/);
  });

  it('space between paragraphs that is not a whole line: off the grid', { timeout: 60_000 }, async () => {
    const refused = await printSeedWith({ 'templates/extra.css': '.article-body p + p { margin-top: 9pt; }\n' });
    // The seed's paragraphs are long: the one break between two of them inside a page is on page 5.
    expect(refused?.message).toMatch(new RegExp(`page 5: the lines of paragraph 2 of 「${ARTICLE_2}」 and paragraph 3 of 「${ARTICLE_2}」 are 13\\.\\d mm apart, not a whole number of lines of the grid \\(10\\.23 mm, 22 lines to the page\\)`));
  });

  it('a figure moved up over the text (position: relative; top: -100px): the picture lies over the title and a paragraph', { timeout: 60_000 }, async () => {
    const refused = await printSeedWith({ 'templates/extra.css': '.figure { position: relative; top: -100px; }\n' });
    expect(refused?.message).toMatch(new RegExp(`page 1: the picture [\\d.]+–[\\d.]+ mm from the top lies over the title of 「${ARTICLE_1}」`));
    expect(refused?.message).toMatch(new RegExp(`page 4: the picture [\\d.]+–[\\d.]+ mm from the top lies over paragraph 1 of 「${ARTICLE_2}」`));
  });

  it('a caption pushed to the next page: not under its picture, which is on page 1', { timeout: 60_000 }, async () => {
    const refused = await printSeedWith({ 'templates/extra.css': '.figure { break-inside: auto; }\n.figure figcaption { break-before: page; }\n' }, WITH_CAPTION);
    expect(refused?.message).toContain(`page 2: the caption of figure 1 of 「${ARTICLE_1}」 (「经验交流会会场」) is not under its picture (the nearest picture is on page 1)`);
  });
});
