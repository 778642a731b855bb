// End to end: the PDF's self-check fails a build on purpose. A copy of the seed gets a series
// template that hides an article or prints wrong contents numbers; `bulletin build` must exit 3,
// say which check failed, and write nothing (no PDF, no HTML page, no series index).
// The command line runs in-process: main(argv, { stdout, stderr, cwd, env }).
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanScratch, REPO, runCli, SEED, scratchDir, writeTree, type CliRun } from '../helpers.js';
import { buildEnv, CHROMIUM, HAS_CHROMIUM, SKIP_REASON, e2eTitle } from './poppler.js';

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

const ARTICLE_1 = { id: 'kunming-meeting', title: '2018年国家生态工业示范园区建设经验交流会在昆明召开' };
const ARTICLE_2 = { id: 'shanghai-acceptance', title: '上海市工业综合开发区等4家园区通过国家生态工业示范园区验收' };
const SELF_CHECK = 'the PDF of 2018-02 failed its self-check';
/** A series template without a hook of the template contract is refused before anything is printed. */
const TEMPLATE_CONTRACT = "the layout's contract";

/** The default contents partial with its page reference (`data-page-of`) replaced by `page`. */
function tocWith(page: string): string {
  const toc = readFileSync(path.join(REPO, 'templates', 'partials', 'toc.hbs'), 'utf8');
  const reference = '<span class="toc-page" data-page-of="{{id}}">{{page}}</span>';
  if (!toc.includes(reference)) throw new Error(`templates/partials/toc.hbs no longer has ${reference}: update this test`);
  return toc.replace(reference, page);
}

/** Contents that print 「- 9 -」 for every entry, without the page reference. */
const TOC_FIXED = tocWith('<span class="toc-page">- 9 -</span>');
/** Contents that keep the page reference but print 「- 9 -」 after it. */
const TOC_REFERENCE_AND_FIXED = tocWith('<span class="toc-page"><span class="page-ref" data-page-of="{{id}}">{{page}}</span>- 9 -</span>');

/** Files and folders under `dir` (relative, sorted); [] when it does not exist. */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/')).sort();
}

/** Builds a copy of the seed with `files` added (paths relative to the series folder) into a fresh folder. */
async function buildSeedWith(files: Record<string, string>): Promise<{ run: CliRun; series: string; out: string }> {
  const root = scratchDir('bulletin-e2e-selfcheck-');
  const series = path.join(root, 'seed');
  cpSync(SEED, series, { recursive: true });
  writeTree(series, files);
  // The photo cache (.bulletin-cache/, README "The cache") is the one folder of the series a build writes to.
  const sources = () => tree(series).filter((f) => !f.startsWith('.bulletin-cache'));
  const before = sources();
  const out = path.join(root, 'out');
  const run = await runCli(['build', 'seed', '-o', 'out', '--browser', CHROMIUM], root, { ...buildEnv(), NO_COLOR: '1' });
  expect(sources(), 'the build writes nothing into the series but its cache').toEqual(before);
  return { run, series, out };
}

/** Exit 3, the self-check's message with `problem`, and no output at all. */
function expectRefused(r: { run: CliRun; out: string }, problem: string | RegExp, stage = SELF_CHECK): void {
  const log = `exit ${r.run.code}\n--- stdout\n${r.run.stdout}\n--- stderr\n${r.run.stderr}`;
  expect(r.run.code, log).toBe(3);
  expect(r.run.stderr, log).toContain(stage);
  if (typeof problem === 'string') expect(r.run.stderr, log).toContain(problem);
  else expect(r.run.stderr, log).toMatch(problem);
  expect(r.run.stdout, 'no written file is announced').toBe('');
  expect(tree(r.out), 'nothing in the output folder: no PDF, no HTML, no index').toEqual([]);
}

afterAll(() => cleanScratch());

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('bulletin build: the self-check refuses a PDF whose contents do not match it'), () => {
  it('an extra.css that hides an article\'s heading (#id { display: none }): the contents entry has no place in the PDF', { timeout: 180_000 }, async () => {
    const r = await buildSeedWith({ 'templates/extra.css': `#${ARTICLE_2.id} { display: none; }\n` });
    expectRefused(r, `「${ARTICLE_2.title}」 has no place in the PDF (its link target is missing)`);
  });

  it('a section partial that drops the last article of each section: refused when the templates load (the template contract)', { timeout: 180_000 }, async () => {
    const section = [
      '<section class="section" aria-labelledby="{{id}}">',
      '  <h2 class="section-label" id="{{id}}">【{{label}}】</h2>',
      '  {{#each articles}}{{#unless @last}}{{> article}}{{/unless}}{{/each}}',
      '</section>',
      '',
    ].join('\n');
    const r = await buildSeedWith({ 'templates/partials/section.hbs': section });
    expectRefused(r, 'each article title needs id="{{id}}" (partials/article.hbs)', TEMPLATE_CONTRACT);
    expect(r.run.stderr).toContain('partials/section.hbs');
  });

  it('a contents partial that prints a fixed page number instead of the page reference: refused when the templates load', { timeout: 180_000 }, async () => {
    const r = await buildSeedWith({ 'templates/partials/toc.hbs': TOC_FIXED });
    expectRefused(r, 'each contents page number needs data-page-of="{{id}}"', TEMPLATE_CONTRACT);
  });

  it('contents that keep the page reference hidden and print a fixed number: the contents give the wrong page', { timeout: 180_000 }, async () => {
    const r = await buildSeedWith({ 'templates/partials/toc.hbs': TOC_REFERENCE_AND_FIXED, 'templates/extra.css': '.page-ref { display: none; }\n' });
    expectRefused(r, /the contents give page 9 for 「【工作动态】」, but it starts on page 1/);
    expect(r.run.stderr).toMatch(new RegExp(`the contents give page 9 for 「${ARTICLE_2.title}」, but it starts on page \\d`));
  });

  // The self-check reads the PDF as a reader sees it (src/check/readPdfText.ts): text drawn
  // transparent, too small, clipped away, in the colour of its ground or covered by a box painted
  // after it does not count as printed.
  it('the real page reference kept but transparent, a fixed wrong number printed after it: the contents give the wrong page', { timeout: 180_000 }, async () => {
    const r = await buildSeedWith({
      'templates/partials/toc.hbs': TOC_REFERENCE_AND_FIXED,
      'templates/extra.css': '.page-ref { color: transparent; }\n',
    });
    expectRefused(r, /the contents give page 9 for/);
  });

  it('an article whose text is transparent (its pages print blank but for the page numbers): its title and paragraphs are not visible', { timeout: 180_000 }, async () => {
    const r = await buildSeedWith({ 'templates/extra.css': `.article:has(#${ARTICLE_2.id}) { color: transparent; }\n.article:has(#${ARTICLE_2.id}) img { visibility: hidden; }\n` });
    expectRefused(r, `does not show the title 「${ARTICLE_2.title}」`);
    expect(r.run.stderr).toContain(`the title of 「${ARTICLE_2.title}」 (「上海市工业综合开发区等4家园区通…」) is not visible in the PDF: it is drawn transparent`);
    expect(r.run.stderr).toContain(`paragraph 3 of 「${ARTICLE_2.title}」`);
  });

  it('paragraphs hidden five ways and a contents number covered by another: each is named with how it is hidden', { timeout: 180_000 }, async () => {
    const a1 = `.article:has(#${ARTICLE_1.id}) .article-body > p`;
    const a2 = `.article:has(#${ARTICLE_2.id}) .article-body > p`;
    const css = [
      `${a1}:nth-of-type(2) { display: none; }`,
      `${a1}:nth-of-type(3) { font-size: 0.1pt; }`,
      `${a1}:nth-of-type(4) { height: 0; overflow: hidden; margin: 0; }`,
      `${a2}:nth-of-type(1) { color: #fff; }`,
      `${a2}:nth-of-type(3) { position: relative; }`,
      `${a2}:nth-of-type(3)::after { content: ""; position: absolute; inset: 0; background: #fff; }`,
      // The first contents number covered by a white box that shows another.
      '.toc-entry:first-child .toc-page { position: relative; }',
      '.toc-entry:first-child .toc-page::after { content: "- 9 -"; position: absolute; inset: 0; background: #fff; }',
    ].join('\n');
    const r = await buildSeedWith({ 'templates/extra.css': `${css}\n` });
    expectRefused(r, /the contents give page 9 for 「【工作动态】」, but it starts on page 1/);
    const hidden = (what: string, start: string, how: string) => new RegExp(`${what} \\(「${start}[^」]*」\\) is not visible in the PDF: ${how}`);
    expect(r.run.stderr).toMatch(hidden(`paragraph 2 of 「${ARTICLE_1.title}」`, '杜会杰调研员提出', 'it is not drawn at all'));
    expect(r.run.stderr).toMatch(hidden(`paragraph 3 of 「${ARTICLE_1.title}」`, '中国环境科学研究院', 'it is drawn smaller than 2 pt'));
    expect(r.run.stderr).toMatch(hidden(`paragraph 4 of 「${ARTICLE_1.title}」`, '本次会议的召开', 'it is not drawn at all')); // Chrome does not draw what a box of no height clips away
    expect(r.run.stderr).toMatch(hidden(`paragraph 1 of 「${ARTICLE_2.title}」`, '2018年12月28日', 'it is drawn in the colour of what lies beneath it'));
    expect(r.run.stderr).toMatch(hidden(`paragraph 3 of 「${ARTICLE_2.title}」`, '专家组一致同意', 'part of it is covered by a box or picture painted over it'));
    expect(r.run.stderr, 'the untouched paragraphs pass').not.toMatch(/paragraph 1 of 「2018年/);
  });
});
