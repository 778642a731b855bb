// The schemas are the one source of the data types and of the defaults: the committed
// src/source/schemaTypes.ts is what they generate, and every `default` in them is the value a
// series or an issue really gets when the key is absent (and a value written there is taken).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSchemaTypes, readSchema, schemaDefaults, OUTPUT } from '../../scripts/schema-types.mjs';
import { validate } from '../../src/validate.js';
import { LINT_CODES } from '../../src/lint/lintCodes.js';
import type { Issue } from '../../src/model/types.js';
import { cleanScratch, REPO, SEED_PNG, scratchDir, writeTree } from '../helpers.js';

afterAll(() => cleanScratch());

describe('src/source/schemaTypes.ts', () => {
  it('is what schemas/*.schema.json generate (no network, only the schemas are read)', async () => {
    const committed = readFileSync(path.join(REPO, OUTPUT), 'utf8');
    const generated = await generateSchemaTypes();
    // By lines, so a failure shows the lines that differ.
    expect(committed.split('\n'), `${OUTPUT} is not what the schemas generate: run \`npm run schema-types\` and commit the result`).toEqual(generated.split('\n'));
  });
});

const firstFigure = (issue: Issue) => issue.sections[0]!.articles[0]!.figures[0]!;

/**
 * Every key with a schema default: where the resolved series or issue shows its value, and another
 * value to write, which must come through instead. A default added to a schema needs a line here.
 */
const SERIES_KEYS: Record<string, { read: (issue: Issue) => unknown; other: unknown }> = {
  issues: { read: (i) => path.relative(i.series.root, i.series.issuesDir), other: 'numbers' },
  'layout.preset': { read: (i) => i.series.layout.preset, other: 'a5-booklet' },
  'layout.pageNumber': { read: (i) => i.series.layout.pageNumber, other: '- N -' },
  'layout.dateStyle': { read: (i) => i.series.layout.dateStyle, other: 'arabic' },
  'layout.duplex': { read: (i) => i.series.layout.duplex, other: false },
  'layout.bodyStartsOn': { read: (i) => i.series.layout.bodyStartsOn, other: 'right' },
  'layout.notes': { read: (i) => i.series.layout.notes, other: 'page' },
  'layout.colors.accent': { read: (i) => i.series.layout.accent, other: '#FF0000' },
  'layout.colors.text': { read: (i) => i.series.layout.text, other: '#333333' },
  'numbering.supplementsCountInTotal': { read: (i) => i.series.numbering.supplementsCountInTotal, other: true },
  'markdown.lineBreaks': { read: (i) => i.series.markdown.lineBreaks, other: 'join' },
  'signoff.labels': { read: (i) => i.series.signoff.labels, other: ['主编', '编辑'] },
  'signoff.place': { read: (i) => i.series.signoff.place, other: 'distribution' },
  'singleArticle.cover': { read: (i) => i.series.singleArticle.cover, other: 'article' },
  'tables.numbering': { read: (i) => i.series.tables.numbering, other: 'article' },
  'tables.style': { read: (i) => i.series.tables.style, other: 'grid' },
  'images.printPpi': { read: (i) => i.series.images.printPpi, other: 200 },
  'images.jpegQuality': { read: (i) => i.series.images.jpegQuality, other: 90 },
  'images.minPpi': { read: (i) => i.series.images.minPpi, other: 120 },
  'images.maxPpi': { read: (i) => i.series.images.maxPpi, other: 600 },
  'output.pdfBudgetMB': { read: (i) => i.series.output.pdfBudgetMB, other: 5 },
  'output.htmlFonts': { read: (i) => i.series.output.htmlFonts, other: 'bundled' },
  'output.htmlSingle': { read: (i) => i.series.output.htmlSingle, other: true },
  'output.htmlSingleBudgetMB': { read: (i) => i.series.output.htmlSingleBudgetMB, other: 2 },
  'output.pdfa': { read: (i) => i.series.output.pdfa, other: false },
  'output.wechat.distribution': { read: (i) => i.series.output.wechat.distribution, other: true },
  'output.wechat.embedImages': { read: (i) => i.series.output.wechat.embedImages, other: true },
  'output.ofd': { read: (i) => i.series.output.ofd, other: true },
  ...Object.fromEntries(LINT_CODES.map((code) => [`lint.rules.${code}`, { read: (i: Issue) => i.series.lint.rules[code], other: 'off' }])),
};
const ISSUE_KEYS: Record<string, { read: (issue: Issue) => unknown; other: unknown }> = {
  kind: { read: (i) => i.kind, other: 'special' },
  'sections[].articles[].figures[].place': { read: (i) => firstFigure(i).place, other: 'left' },
  'sections[].articles[].figures[].width': { read: (i) => `${firstFigure(i).widthPercent}%`, other: '60%' },
  'sections[].articles[].figures[].paragraph': { read: (i) => firstFigure(i).paragraph, other: 2 },
  // An issue without sections (`articles:`): the same article, written there (compileOne moves it).
  'articles[].figures[].place': { read: (i) => firstFigure(i).place, other: 'left' },
  'articles[].figures[].width': { read: (i) => `${firstFigure(i).widthPercent}%`, other: '60%' },
  'articles[].figures[].paragraph': { read: (i) => firstFigure(i).paragraph, other: 2 },
  'sections[].articles[].figures[].encoding': { read: (i) => firstFigure(i).encoding, other: 'png' },
  'articles[].figures[].encoding': { read: (i) => firstFigure(i).encoding, other: 'png' },
};

/** Sets `value` at a data path of `defaultsOf`'s form (`a.b`, `list[].key`: the list's first item). */
function setPath(data: Record<string, unknown>, at: string, value: unknown): void {
  const keys = at.split('.');
  let node: Record<string, unknown> = data;
  for (const [k, raw] of keys.entries()) {
    const list = raw.endsWith('[]');
    const key = list ? raw.slice(0, -2) : raw;
    if (k === keys.length - 1) {
      node[key] = value;
      break;
    }
    const next = list ? ((node[key] as Record<string, unknown>[] | undefined)?.[0] ?? {}) : ((node[key] as Record<string, unknown> | undefined) ?? {});
    node[key] = list ? [next] : next;
    node = next;
  }
}

/** A series folder with one issue of one article and one photo; `set` writes keys into the sources. */
async function compileOne(set: { series?: Record<string, unknown>; issue?: Record<string, unknown> } = {}): Promise<Issue> {
  const series: Record<string, unknown> = { series: '测试园区', name: '工作动态', publisher: '测试园区建设办公室' };
  const issue: Record<string, unknown> = {
    year: 2018, number: 1, total: 1, date: '2018-03-01',
    sections: [{ label: '工作动态', articles: [{ title: '园区召开工作会议', body: '园区召开工作会议。\n\n会议部署了下一阶段工作。', figures: [{ image: 'images/photo.png' }] }] }],
  };
  for (const [at, value] of Object.entries(set.series ?? {})) setPath(series, at, value);
  for (const [at, value] of Object.entries(set.issue ?? {})) setPath(issue, at, value);
  if (issue.kind === 'special') issue.label = '示范园区专刊';
  // Keys written under `articles:` (an issue without sections) go into the one article, which moves there.
  if (issue.articles) {
    type A = { figures: Record<string, unknown>[] };
    const article = (issue.sections as { articles: A[] }[])[0]!.articles[0]!;
    const written = (issue.articles as Partial<A>[])[0] ?? {};
    issue.articles = [{ ...article, figures: [{ ...article.figures[0], ...written.figures?.[0] }] }];
    delete issue.sections;
  }
  const issues = typeof series.issues === 'string' ? series.issues : 'issues';
  const dir = writeTree(scratchDir(), {
    'bulletin.yaml': stringify(series),
    [`${issues}/2018-01.yaml`]: stringify(issue),
    [`${issues}/images/photo.png`]: readFileSync(SEED_PNG),
  });
  const result = await validate([dir], { cwd: dir });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.issues).toHaveLength(1);
  return result.issues[0]!;
}

describe.each([
  { schema: 'series', keys: SERIES_KEYS },
  { schema: 'issue', keys: ISSUE_KEYS },
])('the defaults of the $schema schema', ({ schema, keys }) => {
  const { paths } = schemaDefaults(readSchema(schema));

  it('are each read back by a line of this test (a new default needs one)', () => {
    expect(paths.map((p) => p.path).sort()).toEqual(Object.keys(keys).sort());
  });

  it('are the values a source without those keys gets', async () => {
    const issue = await compileOne();
    const got = Object.fromEntries(paths.map((p) => [p.path, keys[p.path]!.read(issue)]));
    expect(got).toEqual(Object.fromEntries(paths.map((p) => [p.path, p.value])));
  });

  it('give way to the values a source writes', async () => {
    const others = Object.fromEntries(paths.map((p) => [p.path, keys[p.path]!.other]));
    for (const p of paths) expect(others[p.path], `the other value of ${p.path} is its default`).not.toEqual(p.value);
    const issue = await compileOne({ [schema]: others });
    expect(Object.fromEntries(paths.map((p) => [p.path, keys[p.path]!.read(issue)]))).toEqual(others);
  });
});
