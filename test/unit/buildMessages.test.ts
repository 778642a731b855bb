// The build's messages (src/i18n/messages/build.ts) in Chinese: errors and warnings of printing, writing
// and importing render from the catalogue, with no English sentence left over and the values of the case
// (paths, numbers, keys) in their places.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BulletinError } from '../../src/diagnostics/exitCodes.js';
import { diagnostic, FILE_START, localize } from '../../src/diagnostics/diagnostic.js';
import { msg, render } from '../../src/i18n/message.js';
import { findBrowser } from '../../src/print/findBrowser.js';
import { stageTimeout, rendererCrash } from '../../src/print/stageWatchdog.js';
import { openOutputFolder } from '../../src/output/outputFolder.js';
import { importDocuments } from '../../src/import/importDocuments.js';
import { InsertError } from '../../src/import/insertArticle.js';

const root = mkdtempSync(path.join(tmpdir(), 'bulletin-build-messages-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Chinese, and no run of three English words outside backticks (commands, keys and paths stay as they are). */
function expectChinese(text: string | undefined): void {
  expect(text).toMatch(/\p{Script=Han}/u);
  const prose = text!.replace(/`[^`]*`/g, '').replace(/[\w./-]*\/[\w./-]*/g, '');
  expect(prose, text).not.toMatch(/[A-Za-z]{2,}[ ,']+[A-Za-z]{2,}[ ,']+[A-Za-z]{2,}/);
}

function caught(run: () => unknown): BulletinError {
  try {
    run();
  } catch (error) {
    if (error instanceof BulletinError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('the build in Chinese', () => {
  it('no browser found: the message and the install hint', () => {
    const error = caught(() => findBrowser(undefined, { env: () => undefined, platform: 'linux', isExecutable: () => false }));
    expect(error.message).toBe('no Chrome, Edge or Chromium found');
    const zh = error.describe('zh');
    expect(zh.message).toBe('找不到 Chrome、Edge 或 Chromium 浏览器');
    expectChinese(zh.hint);
    expect(zh.hint).toContain('`sudo apt-get install chromium`');
  });

  it('a stage that hangs or crashes names the stage, the time and the suspects', () => {
    const stage = { name: 'print' as const, what: msg('build.doing.printing', { issue: '2018-02', pass: 2 }), suspects: msg('build.suspects.svg', { files: '`images/a.svg`' }) };
    const timeout = stageTimeout(stage, 90_000);
    expect(timeout.message).toBe('Chrome did not finish printing 2018-02 (pass 2) within 90 s');
    expect(timeout.describe('zh').message).toBe('Chrome 未能在 90 s 内完成打印 2018-02（第2遍）');
    expectChinese(timeout.describe('zh').hint);
    expect(timeout.describe('zh').hint).toMatch(/^SVG 图片 `images\/a\.svg` 或刊物自己的模板/);
    const crash = rendererCrash(stage).describe('zh');
    expectChinese(crash.message);
    expect(crash.hint).toContain('BULLETIN_MEMORY_LIMIT_MB');
  });

  it('an output folder that is a file', async () => {
    const file = path.join(root, 'dist');
    writeFileSync(file, '');
    const error = await openOutputFolder(file).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(BulletinError);
    const zh = (error as BulletinError).describe('zh');
    expect(zh.message).toBe(`输出文件夹 ${file} 是文件，不是文件夹`);
    expectChinese(zh.hint);
  });

  it('import into an issue file that does not exist', async () => {
    const error = await importDocuments(['a.docx'], { cwd: root, issue: 'issues/2018-02.yaml' }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(InsertError);
    expect((error as InsertError).message).toBe(`${path.join('issues', '2018-02.yaml')} does not exist: name an issue file (.yaml) with --issue, or run \`bulletin new\` to start one`);
    expect(render((error as InsertError).text, 'zh')).toBe(`${path.join('issues', '2018-02.yaml')} 不存在：请用 --issue 指定期文件（.yaml），或运行 \`bulletin new\` 新建一期`);
  });

  it('warnings of the build: a page that fitting could not pull back, a photo printed too soft', () => {
    const fit = localize(diagnostic('issues/2018-02.yaml', FILE_START, 'warning', 'fit-failed',
      msg('fit-failed.lines', { page: 5, count: 2, steps: 'pitch 28.2 pt', before: 4 }), msg('fit-failed.shorten.hint', { count: 2 })), 'zh');
    expect(fit.message).toBe('正文第5页只有2行文字，在版式允许的范围内收紧末尾几篇文章（pitch 28.2 pt）也无法把它们排回第4页');
    expectChinese(fit.hint);
    const photo = localize(diagnostic('issues/2018-02.yaml', FILE_START, 'warning', 'image-resolution',
      msg('image-resolution.figure', { path: 'images/a.jpg', ppi: 96, page: 3, min: 150, max: 450 }), msg('image-resolution.low.hint')), 'zh');
    expectChinese(photo.message);
    expectChinese(photo.hint);
  });

  it('a self-check failure keeps the checkers\' lines and says the rest in Chinese', () => {
    const expected = msg('build.self-check.layout', { size: 16, lines: 22, width: 156, height: 225 });
    const error = new BulletinError(msg('build.self-check-failed', { issue: '2018-02', problems: 'body page 2: …', more: msg('build.list.more', { count: 3 }) }), 3,
      msg('build.self-check.own.hint', { templates: 'templates/issue.hbs', geometry: msg('build.self-check.own.geometry', { expected }), visible: '' }));
    expect(error.message).toBe('the PDF of 2018-02 failed its self-check:\n  - body page 2: …\n  - … and 3 more');
    const zh = error.describe('zh');
    expect(zh.message).toBe('2018-02 的 PDF 未通过自检：\n  - body page 2: …\n  - ……另有3处');
    expectChinese(zh.hint);
    expect(error.hint).toMatch(/^This series has its own templates: templates\/issue\.hbs\. The layout preset/);
  });
});
