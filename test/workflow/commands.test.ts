// The editorial workflow as a new user meets it: init → validate → build → new, doctor, the yearbook.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { main } from '../../src/cli/main.js';
import { Writable } from 'node:stream';
import { readPages, readStructure } from '../e2e/poppler.js';
import { PDFDocument as PdfLibDocument } from '../../src/print/pdfLib.js';
import { checkPdfA } from '../../src/check/checkPdfA.js';
import { checkOfd, parseXml } from '../../src/check/checkOfd.js';
import { pdfToOfd } from '../../src/ofd/pdfToOfd.js';
import { strFromU8, unzipSync } from 'fflate';
import { openBrowser, type BrowserSession } from '../../src/print/browserSession.js';
import { ofdChecks, type BuiltOfd } from '../ofdChecks.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');

function sink(): Writable & { text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { chunks.push(String(chunk)); done(); } }) as Writable & { text(): string };
  stream.text = () => chunks.join('');
  return stream;
}

async function run(args: string[], cwd: string) {
  const stdout = sink();
  const stderr = sink();
  const code = await main(args, { stdout, stderr, cwd, env: { ...process.env, BULLETIN_BROWSER: CHROMIUM, NO_COLOR: '1' } });
  return { code, out: stdout.text(), err: stderr.text() };
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'bulletin-workflow-'));
});
afterAll(async () => {
  await session?.close();
  await rm(scratch, { recursive: true, force: true });
});

/** One browser for the file: the yearbook's OFD pages drawn as SVG (ofdChecks). */
let session: BrowserSession | undefined;
/** The yearbook built with --ofd by the test below, for the OFD checks after it. */
let yearbook: BuiltOfd | undefined;

describe('bulletin new', () => {
  it('numbers the next issue from the date and the series, and a new year restarts the number', async () => {
    const dir = path.join(scratch, 'seed-new');
    await cp(path.join(ROOT, 'examples/seed'), dir, { recursive: true });
    const first = await run(['new', '--date', '2018-12-30'], dir);
    expect(first.code).toBe(0);
    expect(first.out.trim()).toBe(path.join('issues', '2018-03.yaml'));
    const inspected = JSON.parse((await run(['inspect', 'issues/2018-03.yaml'], dir)).out);
    expect(inspected.issueLine).toBe('2018年第3期（总第12期）');
    expect(inspected.dateLine).toBe('二〇一八年十二月三十日');
    expect(inspected.sections.map((s: { label: string }) => s.label)).toEqual(['工作动态']);
    expect((await run(['new', '--date', '2019-01-15'], dir)).code).toBe(0);
    expect(JSON.parse((await run(['inspect', 'issues/2019-01.yaml'], dir)).out).issueLine).toBe('2019年第1期（总第13期）');
    const supplement = await run(['new', '--supplement', '--date', '2019-02-01'], dir);
    expect(supplement.out.trim()).toBe(path.join('issues', '2019-zk1.yaml'));
    expect(JSON.parse((await run(['inspect', 'issues/2019-zk1.yaml'], dir)).out).issueLine).toBe('2019年增刊第1期');
    // The series still validates: empty sections are warnings.
    const checked = await run(['validate', '--format', 'json'], dir);
    expect(checked.code).toBe(0);
    const codes = JSON.parse(checked.out).map((d: { code: string; severity: string }) => `${d.severity}:${d.code}`);
    expect(new Set(codes)).toEqual(new Set(['warning:section-empty']));
  });

  it('never overwrites an existing file', async () => {
    const dir = path.join(scratch, 'seed-exists');
    await cp(path.join(ROOT, 'examples/seed'), dir, { recursive: true });
    expect((await run(['new', '--date', '2018-12-30'], dir)).code).toBe(0);
    const before = await readFile(path.join(dir, 'issues/2018-03.yaml'), 'utf8');
    // A second issue on the same day is the next number, never the same file.
    const again = await run(['new', '--date', '2018-12-30'], dir);
    expect(again.out.trim()).toBe(path.join('issues', '2018-04.yaml'));
    expect(await readFile(path.join(dir, 'issues/2018-03.yaml'), 'utf8')).toBe(before);
  });

  it('refuses a date that is not a date', async () => {
    const result = await run(['new', '--date', '2018-13-01'], path.join(ROOT, 'examples/seed'));
    expect(result.code).toBe(2);
    expect(result.err).toContain('YYYY-MM-DD');
  });
});

describe.skipIf(!existsSync(CHROMIUM))('bulletin init, build of a series, doctor, yearbook', () => {
  it('init writes a series that validates and builds as created, with an index of the series', async () => {
    const dir = path.join(scratch, 'office');
    const init = await run(['init', dir], scratch);
    expect(init.code).toBe(0);
    for (const f of ['bulletin.yaml', '.gitignore', '.github/workflows/bulletin.yml', 'issues/images/placeholder.png']) expect(existsSync(path.join(dir, f))).toBe(true);
    const workflow = await readFile(path.join(dir, '.github/workflows/bulletin.yml'), 'utf8');
    expect(workflow).toContain('bulletin validate --format github');
    expect(workflow).toContain('pull_request');
    expect((await run(['validate'], dir)).code).toBe(0);
    const built = await run(['build'], dir);
    expect(built.code).toBe(0);
    const files = await readdir(path.join(dir, 'dist'));
    expect(files).toEqual(expect.arrayContaining(['index.html', expect.stringMatching(/^\d{4}-01\.pdf$/), expect.stringMatching(/^\d{4}-01\.html$/)]));
    const index = await readFile(path.join(dir, 'dist/index.html'), 'utf8');
    expect(index).toMatch(/href="\d{4}-01\.pdf"/);
    // init refuses to write over a series.
    const again = await run(['init', dir], scratch);
    expect(again.code).toBe(2);
  }, 120_000);

  it('init under lang zh writes a series commented in Chinese that says lang: zh, validates clean and builds; new then writes a Chinese issue', async () => {
    const dir = path.join(scratch, 'office-zh');
    const init = await run(['--lang', 'zh', 'init', dir], scratch);
    expect(init.code, init.err).toBe(0);
    expect(init.err).toContain('已在');
    expect(init.err).toContain('新建刊物');
    const series = await readFile(path.join(dir, 'bulletin.yaml'), 'utf8');
    expect(series).toMatch(/^lang: zh$/m);
    expect(series).toContain('# 简报的刊物配置文件。');
    expect(series).toContain('# 报头：');
    // Every comment that explains something is Chinese: no English prose is left (keys and values are as they are).
    const comments = series.split('\n').filter((l) => /^\s*# /.test(l) && !l.includes('yaml-language-server')).map((l) => l.replace(/^[^#]*# /, '').replace(/`[^`]*`/g, ''));
    const prose = comments.filter((c) => /\b[A-Za-z]+ [a-z]+ [a-z]+\b/.test(c));
    expect(prose).toEqual([]);
    for (const line of series.split('\n').filter((l) => /\S\s+# \S/.test(l) && !/^\s*#/.test(l))) expect(line, line).toMatch(/# .*\p{Script=Han}/u);
    const issues = await readdir(path.join(dir, 'issues'));
    const first = await readFile(path.join(dir, 'issues', issues.find((f) => f.endsWith('-01.yaml'))!), 'utf8');
    expect(first).toContain('# 第1期：每年从1开始');
    const workflow = await readFile(path.join(dir, '.github/workflows/bulletin.yml'), 'utf8');
    expect(workflow).toContain('bulletin validate --format github');
    expect(workflow).toContain('name: 检查源文件');
    // The series speaks Chinese by its lang: (no --lang), and it validates clean.
    const checked = await run(['validate'], dir);
    expect(checked.code, checked.out + checked.err).toBe(0);
    expect(checked.out).toBe('');
    expect(checked.err).toContain('已检查');
    expect(JSON.parse((await run(['validate', '--format', 'json'], dir)).out)).toEqual([]);
    const built = await run(['build'], dir);
    expect(built.code, built.err).toBe(0);
    expect(await readdir(path.join(dir, 'dist'))).toEqual(expect.arrayContaining([expect.stringMatching(/^\d{4}-01\.pdf$/)]));
    // new: the next issue with its comments in Chinese; the series still validates (empty sections are warnings).
    const next = await run(['new', '--date', `${issues.find((f) => f.endsWith('-01.yaml'))!.slice(0, 4)}-12-30`], dir);
    expect(next.code, next.err).toBe(0);
    expect(next.err).toContain('请填写栏目【工作动态】');
    const written = await readFile(path.join(dir, next.out.trim()), 'utf8');
    expect(written).toContain('由 `bulletin new` 生成');
    expect(written).toContain('# 添加文章时，把 `articles: []` 换成：');
    const again = await run(['validate', '--format', 'json'], dir);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).map((d: { code: string }) => d.code)).toEqual(['section-empty']);
    // English under lang en, as before: no lang: line, the option shown commented.
    const en = path.join(scratch, 'office-en');
    expect((await run(['--lang', 'en', 'init', en], scratch)).code).toBe(0);
    const english = await readFile(path.join(en, 'bulletin.yaml'), 'utf8');
    expect(english).toContain('# The series file of a bulletin');
    expect(english).toMatch(/^# lang: zh$/m);
    expect(english).not.toMatch(/^lang:/m);
  }, 120_000);

  it('doctor reports the browser and the fonts, and says how to fix a missing browser', async () => {
    const ok = await run(['doctor'], scratch);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/ok\s+browser\s+\/usr\/bin\/chromium/);
    expect(ok.out).toMatch(/^\s+found: \/usr\/bin\/chromium \(system\)$/m); // every browser of the usual places
    // Without a series: the bundled faces (warn: they lack some of GB 2312's hanzi).
    expect(ok.out).toMatch(/(ok|warn)\s+font body\s+bundled: @fontsource\/noto-serif-sc [\d.]+(?:, [^:\n]+)?: Noto Serif SC, 宋 \(GB\/T 9704 sets the body in 仿宋\)/);
    expect(ok.out).toMatch(/GB 2312 hanzi: \d{4} of 6763/);
    // A series' own files: where from, family, design, format, how it is embedded, coverage.
    const series = path.join(scratch, 'doctor-fonts');
    await cp(path.join(ROOT, 'test/fixtures/fonts'), path.join(series, 'fonts'), { recursive: true });
    await writeFile(path.join(series, 'bulletin.yaml'), 'series: 测试园区\nname: 工作动态\npublisher: 办公室\nfonts:\n  body: { file: fonts/ukai-wqy.ttc, face: AR PL UKai CN }\n  title: { file: fonts/title-cff.otf }\n');
    const own = await run(['doctor', series], scratch);
    expect(own.code, own.out + own.err).toBe(0);
    expect(own.out).toMatch(/warn\s+font body\s+fonts\/ukai-wqy\.ttc, face "AR PL UKai CN": AR PL UKai CN, 楷/);
    expect(own.out).toMatch(/TrueType collection \(\.ttc\), face 0 of 2, TrueType outlines: face 0 taken out of the collection/);
    expect(own.out).toMatch(/font title\s+fonts\/title-cff\.otf: Bulletin Test Serif CFF, 宋[^\n]*\n\s+OpenType, PostScript \(CFF\) outlines: converted from CFF to TrueType/);
    expect(own.out).toMatch(/lacks Ⅰ–Ⅻ/);
    expect((await run(['doctor', path.join(scratch, 'nowhere')], scratch)).code).toBe(2);
    const missing = await run(['doctor', '--browser', '/nonexistent/chrome'], scratch);
    expect(missing.code).toBe(4);
    expect(missing.out).toContain('apt-get install chromium');
    expect(missing.out).toMatch(/FAIL\s+browser\s+the browser named by --browser \(\/nonexistent\/chrome\) is not an executable file\n\s+found: \/usr\/bin\/chromium \(system\)/);
    // In Chinese: the statuses, the checks' names and the lines of what to do, in columns by their width on screen.
    const zh = await run(['--lang', 'zh', 'doctor', series], scratch);
    expect(zh.code).toBe(0);
    expect(zh.out).toMatch(/^正常  浏览器 {11}\S+（[^）\n]+），版本：/m);
    expect(zh.out).toMatch(/^注意  字体 body {8}fonts\/ukai-wqy\.ttc 中的字体「AR PL UKai CN」：AR PL UKai CN；风格：楷（GB\/T 9704 规定正文用仿宋体）/m);
    expect(zh.out).toContain('TrueType 字体集合（.ttc）中的第0号字体（共2个），TrueType 轮廓；嵌入方式：从字体集合中取出第0号字体，按原有的 TrueType 轮廓，每期只取所印字符的子集');
    expect(zh.out).toMatch(/^注意  字体 title {7}fonts\/title-cff\.otf：[^\n]*\n\s+OpenType 格式，PostScript（CFF）轮廓；嵌入方式：由 CFF 轮廓转换为 TrueType 轮廓/m);
    expect(zh.out).toMatch(/GB 2312 汉字：6763个中有\d{4}个/);
    expect(zh.out).toMatch(/^ {23}解决办法：这个字体文件缺少 GB 2312 中的\d+个汉字/m);
    expect(zh.err).toContain('一切就绪，可以生成');
    const zhMissing = await run(['--lang', 'zh', 'doctor', '--browser', '/nonexistent/chrome'], scratch);
    expect(zhMissing.code).toBe(4);
    expect(zhMissing.out).toMatch(/^失败  浏览器 {11}/m);
    expect(zhMissing.out).toMatch(/^ {23}找到：\/usr\/bin\/chromium（系统安装）$/m);
  }, 60_000);

  it('--yearbook binds every issue of the year, supplements too, each on a right-hand page, with contents in one numbering and bookmarks; --ofd writes it as OFD too', async () => {
    const out = path.join(scratch, 'yearbook');
    const built = await run(['build', path.join(ROOT, 'examples/demo'), '-o', out, '--yearbook', '2026', '--ofd'], scratch);
    expect(built.code, built.err).toBe(0);
    const file = path.join(out, 'yearbook-2026.pdf');
    const book = await PDFDocument.load(await readFile(file));
    const counts = await Promise.all(['2026-01', '2026-zk1'].map(async (s) => (await PDFDocument.load(await readFile(path.join(out, `${s}.pdf`)))).getPageCount()));
    // Read back with poppler: each issue's cover (its issue line) on an odd sheet side, a right-hand page.
    const pages = readPages(file);
    const starts = ['2026年第1期', '2026年增刊第1期'].map((line) => pages.findIndex((p, i) => i > 0 && p.compact.startsWith('青禾市社区治理示范区') && p.compact.includes(line)) + 1);
    expect(starts.every((s) => s > 1 && s % 2 === 1), `issues start on sheet sides ${starts.join(', ')}`).toBe(true);
    // The pages between are blank and unnumbered, and nothing else was added.
    const blanks = pages.filter((p) => p.words.length === 0).map((p) => p.number);
    expect(blanks.every((n) => n === starts[0]! - 1 || n === starts[1]! - 1)).toBe(true);
    expect(book.getPageCount()).toBe(starts[1]! - 1 + counts[1]!);
    // The contents: one numbering (第N页 of the book) for issues and articles, the supplement listed.
    const contents = pages.slice(0, starts[0]! - 1).map((p) => p.compact).join('');
    expect(contents).toContain('2026年增刊第1期');
    expect(contents).not.toMatch(/[-—]\d+[-—]/);
    expect(contents).toMatch(new RegExp(`2026年第1期（总第49期）[·.…]*第${starts[0]}页`));
    expect(contents).toMatch(new RegExp(`2026年增刊第1期[·.…]*第${starts[1]}页`));
    const outlines = book.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const first = outlines.lookup(PDFName.of('First'), PDFDict);
    expect(first.lookup(PDFName.of('Title'), PDFString, PDFHexString).decodeText()).toBeTruthy();
    expect(outlines.lookup(PDFName.of('Count'), PDFNumber).asNumber()).not.toBe(0);
    const second = first.lookup(PDFName.of('Next'), PDFDict);
    expect(second.lookup(PDFName.of('Title'), PDFString, PDFHexString).decodeText()).toContain('增刊');
    // PDF/A-2u like the issues (bulletin's own pdf-lib: the checker's classes).
    const bytes = await readFile(file);
    expect(checkPdfA(await PdfLibDocument.load(bytes, { updateMetadata: false }), bytes)).toEqual([]);
    // The OFD of the yearbook (and of each issue), from the yearbook's PDF by the issues' converter:
    // the package rules, one page per page of the PDF with the text pdftotext reads there, the
    // bookmarks as outlines, and the same bytes when the PDF is converted again.
    const names = await readdir(out);
    expect(names.filter((n) => n.endsWith('.ofd')).sort()).toEqual(['2025-11.ofd', '2025-12.ofd', '2026-01.ofd', '2026-zk1.ofd', 'yearbook-2026.ofd']);
    const ofd = new Uint8Array(await readFile(path.join(out, 'yearbook-2026.ofd')));
    const reading = checkOfd(ofd);
    expect(reading.problems).toEqual([]);
    expect(reading.pages).toHaveLength(pages.length);
    const glyphs = (s: string) => [...s].filter((c) => !/\s/.test(c)).sort().join('');
    pages.forEach((p, i) => expect(glyphs(reading.pages[i]!.map((c) => c.text).join('')), `page ${i + 1}`).toBe(glyphs(p.words.map((w) => w.text).join(''))));
    expect(reading.outlines.filter((o) => o.depth === 0).map((o) => o.title)).toEqual(['2026年第1期（总第49期）', '2026年增刊第1期'].map((t) => expect.stringContaining(t.slice(0, 7))));
    const info = parseXml(strFromU8(unzipSync(ofd)['OFD.xml']!));
    const docInfo = info.children[0]!.children.find((c) => c.name === 'DocInfo')!;
    const field = (name: string) => docInfo.children.find((c) => c.name === name)?.text ?? '';
    expect(field('Title')).toMatch(/2026年合订本$/);
    const epoch = process.env.SOURCE_DATE_EPOCH;
    const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date(Date.parse(`${field('CreationDate')}T00:00:00+08:00`));
    const keywords = docInfo.children.find((c) => c.name === 'Keywords')?.children.map((k) => k.text) ?? [];
    expect(keywords).toEqual(['2026']);
    const again = await pdfToOfd(new Uint8Array(bytes), { title: field('Title'), author: field('Author'), subject: field('Subject'), keywords, date });
    expect(again.problems).toEqual([]);
    expect(Buffer.from(again.bytes).equals(Buffer.from(ofd))).toBe(true);
    // Each issue's contents page still leads to that issue's own pages (its named destinations, which
    // repeat from issue to issue, made explicit when the pages are bound).
    const issueAt = (index: number) => starts.filter((s) => index + 1 >= s).length;
    const links = (await readStructure(new Uint8Array(bytes))).links;
    expect(links.length).toBeGreaterThan(3);
    expect(links.map((l) => [issueAt(l.onPage), l.pageIndex === undefined ? undefined : issueAt(l.pageIndex)])).toEqual(links.map((l) => [issueAt(l.onPage), issueAt(l.onPage)]));
    expect(new Set(links.map((l) => issueAt(l.onPage)))).toEqual(new Set([1, 2]));
    yearbook = { pdf: file, ofd, reading, pages };
  }, 240_000);

  it('--yearbook --ofd built again writes the same bytes: every issue\'s package and the yearbook\'s', async () => {
    expect(yearbook).toBeDefined();
    const first = path.join(scratch, 'yearbook');
    const out = path.join(scratch, 'yearbook-again');
    const built = await run(['build', path.join(ROOT, 'examples/demo'), '-o', out, '--yearbook', '2026', '--ofd'], scratch);
    expect(built.code, built.err).toBe(0);
    const names = (await readdir(out)).filter((n) => n.endsWith('.ofd')).sort();
    expect(names).toHaveLength(5);
    for (const name of names) expect(Buffer.from(await readFile(path.join(out, name))).equals(await readFile(path.join(first, name))), name).toBe(true);
  }, 240_000);

  // Its links: each issue's contents page, leading to that issue's pages of the book (checked above).
  ofdChecks('--yearbook --ofd: the yearbook\'s package beside its PDF', () => {
    if (!yearbook) throw new Error('the yearbook was not built (see the --yearbook test above)');
    return yearbook;
  }, async () => (session ??= await openBrowser({ path: CHROMIUM, source: 'test' })).browser);

  it('--no-pdfa writes a plain PDF: no XMP packet, no output intent', async () => {
    const out = path.join(scratch, 'plain');
    const built = await run(['build', path.join(ROOT, 'examples/seed'), '-o', out, '--pdf', '--no-pdfa'], scratch);
    expect(built.code).toBe(0);
    const plain = await PDFDocument.load(await readFile(path.join(out, '2018-02.pdf')), { updateMetadata: false });
    expect(plain.catalog.has(PDFName.of('Metadata'))).toBe(false);
    expect(plain.catalog.has(PDFName.of('OutputIntents'))).toBe(false);
  }, 120_000);

  it('--yearbook of a year with no regular issue is a usage error', async () => {
    const result = await run(['build', path.join(ROOT, 'examples/seed'), '-o', path.join(scratch, 'none'), '--yearbook', '2017'], scratch);
    expect(result.code).toBe(2);
    expect(result.err).toContain('2017');
  }, 60_000);
});
