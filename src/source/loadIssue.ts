// One issue file → its Issue model and every problem found in it (schema, dates, ids, bodies, figures).
import path from 'node:path';
import type { Io } from '../io.js';
import { diagnostic, hasErrors, type Diagnostic, type DiagnosticCode, type Span } from '../diagnostics/diagnostic.js';
import { loadYaml } from './loadYaml.js';
import { offsetSpan } from './parseYaml.js';
import { schemaCheck } from './schemaCheck.js';
import { locate, type DataPath } from './locate.js';
import { parsePlainDate, type PlainDate } from '../model/chineseDate.js';
import { markdownParses, type BodyProblem } from '../model/parseBody.js';
import { paragraphCount } from '../model/blocks.js';
import { checkAsset } from '../model/checkAsset.js';
import { sniffImage, MAX_IMAGE_PIXELS } from '../model/sniffImage.js';
import { checkSvg } from '../model/svgComplexity.js';
import { compileIssue, derivedArticleId, figureKey, type CheckedFigure, type IssueData } from '../model/compileIssue.js';
import type { Issue, IssueKind, Series } from '../model/types.js';
import { isScalar, type Document, type LineCounter, type Scalar } from 'yaml';
import { lintIssue } from '../lint/lintIssue.js';
import { seriesLintRules } from '../config/resolveSeries.js';
import { ISSUE_DEFAULTS } from './schemaTypes.js';
import type { TextFix } from '../lint/types.js';

/** What the series-wide numbering check needs of one issue, with where each fact is written. */
export interface IssueFacts {
  display: string;
  kind: IssueKind;
  /** False when the date or the year has an error: the issue then takes no part in date-order checks. */
  dateSound: boolean;
  year: number;
  number: number;
  total: number | undefined;
  date: PlainDate;
  spans: { year: Span; number: Span; total: Span; date: Span; file: Span };
}

export interface LoadedIssue {
  file: string;
  display: string;
  text: string | undefined;
  issue: Issue | undefined;
  facts: IssueFacts | undefined;
  diagnostics: Diagnostic[];
  /** Safe fixes of the copy-editing findings, in offsets of `text`. */
  fixes: TextFix[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Span of the n-th line (0-based) of a block scalar's content. */
function bodyLineSpan(doc: Document, lc: LineCounter, text: string, bodyPath: DataPath, lineInBody: number): Span {
  const base = locate(doc, lc, bodyPath);
  const node = (doc.getIn(bodyPath, true) as Scalar | undefined);
  // Only a literal block keeps the Markdown's lines as they are in the file; other styles fold them.
  if (!isScalar(node) || node.type !== 'BLOCK_LITERAL') return base;
  const line = base.line + 1 + lineInBody;
  const start = lc.lineStarts[line - 1];
  if (start === undefined) return base;
  const end = lc.lineStarts[line] ?? text.length;
  const content = text.slice(start, end).replace(/\r?\n$/, '');
  const indent = content.length - content.trimStart().length;
  return offsetSpan(lc, start + indent, start + content.length);
}

/**
 * `seriesRoot` is the real path of the series folder: images are checked against it even when
 * bulletin.yaml itself has errors (`series` is then undefined and the model is not built).
 */
export async function loadIssue(io: Io, file: string, display: string, series: Series | undefined, seriesRoot: string | undefined): Promise<LoadedIssue> {
  const result: LoadedIssue = { file, display, text: undefined, issue: undefined, facts: undefined, diagnostics: [], fixes: [] };
  const loaded = await loadYaml(io, file, display, seriesRoot);
  result.text = loaded.text;
  result.diagnostics.push(...loaded.diagnostics);
  const parsed = loaded.parsed;
  if (!parsed || loaded.text === undefined) return result;
  const { doc, lineCounter: lc } = parsed;
  const source = loaded.text;
  const data = parsed.data as Record<string, unknown>;
  const out = result.diagnostics;
  const at = (p: DataPath, key = false) => locate(doc, lc, p, { key });
  const add = (p: DataPath, severity: 'error' | 'warning', code: DiagnosticCode, message: string, hint?: string, key = false) =>
    out.push(diagnostic(display, at(p, key), severity, code, message, hint));

  out.push(...schemaCheck('issue', data, display, doc, lc));

  // Bodies, notes and captions are parsed once each, for their checks, the copy-editing and the model.
  const markdown = markdownParses();
  const report = (textPath: DataPath, problems: readonly BodyProblem[]) => {
    for (const p of problems) out.push(diagnostic(display, bodyLineSpan(doc, lc, source, textPath, p.line), 'error', p.code, p.message, p.hint));
  };

  // Copy-editing of the printed text; it reads the document's nodes, so it copes with data the schema refused.
  const lint = lintIssue({ source: loaded.text, doc, lineCounter: lc, display, rules: series?.lint.rules ?? seriesLintRules(), parseMarkdown: (text) => markdown.body(text).blocks });
  out.push(...lint.diagnostics);
  result.fixes = lint.fixes;

  // Date and year.
  const date = typeof data.date === 'string' ? parsePlainDate(data.date) : undefined;
  if (date && typeof data.year === 'number' && data.year !== date.year) {
    add(['year'], 'error', 'year-mismatch', `year ${data.year} does not match the date ${date.iso}`,
      `The issue line prints the year of publication: set \`year: ${date.year}\`, or correct the date.`);
  }
  if (typeof data.total === 'number' && typeof data.number === 'number' && data.total < data.number) {
    add(['total'], 'error', 'total-less-than-number', `total ${data.total} is smaller than the number ${data.number}`,
      'The running total (总第N期) counts every issue since the first, so it is at least the number within the year.');
  }
  const kind = (typeof data.kind === 'string' ? data.kind : ISSUE_DEFAULTS.kind) as IssueKind;
  if (kind === 'special' && data.label === undefined) {
    add(['kind'], 'error', 'special-without-label', 'a special issue (专刊) needs a `label`', 'Add `label: …专刊` naming the special issue.');
  }
  if (kind !== 'special' && data.label !== undefined) {
    add(['label'], 'error', 'label-without-special', '`label` is only printed on special issues', 'Set `kind: special`, or remove `label`.', true);
  }
  const countsInTotal = kind !== 'supplement' || series?.numbering.supplementsCountInTotal === true;
  if (countsInTotal && data.total === undefined && typeof data.number === 'number') {
    add([], 'error', 'total-missing', 'the issue lacks `total` (总第N期)', 'Add `total:` with the running number of the issue, e.g. `total: 11`.');
  }
  if (!countsInTotal && data.total !== undefined) {
    add(['total'], 'warning', 'total-ignored', 'supplements do not count towards the total in this series, so `total` is not printed', 'Remove `total`, or set `numbering.supplementsCountInTotal: true` in bulletin.yaml.', true);
  }

  // The issue's note, sections, articles, bodies, figures.
  if (typeof data.note === 'string') report(['note'], markdown.body(data.note).problems);
  const ids = new Map<string, DataPath>();
  const figures = new Map<string, CheckedFigure>();
  const issueDir = path.dirname(file);
  const sections = list(data.sections);
  for (const [si, s] of sections.entries()) {
    if (!isObject(s)) continue;
    const articles = list(s.articles);
    if (Array.isArray(s.articles) && articles.length === 0) {
      add(['sections', si, 'articles'], 'warning', 'section-empty', `section 【${String(s.label)}】 has no articles yet`, 'Add articles before building, or remove the section.');
    }
    for (const [ai, a] of articles.entries()) {
      if (!isObject(a)) continue;
      const aPath: DataPath = ['sections', si, 'articles', ai];
      const id = typeof a.id === 'string' ? a.id : derivedArticleId(si, ai);
      const previous = ids.get(id);
      if (previous) {
        const first = at(previous);
        add(typeof a.id === 'string' ? [...aPath, 'id'] : aPath, 'error', 'id-duplicate',
          `article id \`${id}\` is already used at line ${first.line}`, 'Give each article its own `id` (ids become link targets and bookmarks).');
      } else ids.set(id, typeof a.id === 'string' ? [...aPath, 'id'] : aPath);

      let paragraphs = Infinity;
      for (const field of ['body', 'note'] as const) {
        const text = a[field];
        if (typeof text !== 'string') continue;
        const parsed = markdown.body(text);
        if (field === 'body') paragraphs = paragraphCount(parsed.blocks);
        report([...aPath, field], parsed.problems);
      }
      for (const [fi, f] of list(a.figures).entries()) {
        if (!isObject(f)) continue;
        const fPath: DataPath = [...aPath, 'figures', fi];
        if (typeof f.caption === 'string') report([...fPath, 'caption'], markdown.inline(f.caption).problems);
        if (typeof f.image !== 'string') continue;
        if (typeof f.paragraph === 'number' && f.paragraph > paragraphs) {
          add([...fPath, 'paragraph'], 'error', 'figure-paragraph', `the body has ${paragraphs} paragraph(s), so there is no paragraph ${f.paragraph}`, `Use a number from 1 to ${paragraphs}.`);
        }
        if (!seriesRoot) continue;
        const asset = await checkAsset(io, seriesRoot, issueDir, f.image, 'image');
        if (!asset.ok) {
          add([...fPath, 'image'], 'error', asset.code, asset.message, asset.hint);
          continue;
        }
        let image = sniffImage(asset.head);
        // A JPEG's size may follow a large EXIF block: look further before giving up.
        if (image && image.mime !== 'image/svg+xml' && image.width === undefined && asset.size > asset.head.length) {
          image = sniffImage(await io.readHead(asset.real, Math.min(asset.size, 4 * 1024 * 1024)));
        }
        if (!image) {
          add([...fPath, 'image'], 'error', 'image-type', `\`${f.image}\` is not a PNG, JPEG, SVG or WebP image (its content says otherwise, whatever its name)`, 'Export the photo as JPEG or PNG.');
          continue;
        }
        if (image.mime === 'image/svg+xml') {
          // What it would cost Chrome to draw, before Chrome sees it (model/svgComplexity.ts).
          const svg = checkSvg(asset.size > asset.head.length ? await io.readFile(asset.real) : asset.head);
          if (!svg.ok) {
            const what = svg.code === 'image-svg-complex' ? 'is too complex to print' : 'cannot be drawn';
            add([...fPath, 'image'], 'error', svg.code, `\`${f.image}\` ${what}: ${svg.reason}${svg.line ? ` (line ${svg.line} of the SVG)` : ''}`,
              svg.code === 'image-svg-complex' ? 'Simplify the figure (fewer repeated elements, no filters or fine patterns), or export it as PNG at print size.' : 'Open the figure in a drawing program and save it again as plain SVG, or export it as PNG.');
            continue;
          }
        }
        if (image.mime !== 'image/svg+xml' && (image.width === undefined || image.height === undefined)) {
          add([...fPath, 'image'], 'error', 'image-dimensions', `the pixel size of \`${f.image}\` cannot be read`, 'Save the photo again as a plain JPEG or PNG.');
          continue;
        }
        if (image.width !== undefined && image.height !== undefined && (image.width * image.height > MAX_IMAGE_PIXELS || image.width === 0 || image.height === 0)) {
          add([...fPath, 'image'], 'error', 'image-dimensions', `\`${f.image}\` declares ${image.width}×${image.height} pixels`, `Scale the photo to at most ${MAX_IMAGE_PIXELS / 1e6} megapixels.`);
          continue;
        }
        figures.set(figureKey(si, ai, fi), {
          path: asset.real, relPath: asset.relPath, mime: image.mime,
          pixels: image.width && image.height ? { width: image.width, height: image.height } : undefined,
        });
      }
    }
  }

  // Numbering facts only from values that are sound themselves, so one wrong issue does not blame its neighbours.
  const sound = (key: string) => !out.some((d) => d.severity === 'error' && d.line === at([key]).line && d.column === at([key]).column);
  const numbersSound = Number.isInteger(data.year) && Number.isInteger(data.number) && (data.number as number) >= 1 &&
    (data.total === undefined || (Number.isInteger(data.total) && (data.total as number) >= 1)) && ['number', 'total'].every(sound);
  if (date && numbersSound && typeof data.year === 'number' && typeof data.number === 'number') {
    result.facts = {
      display, kind, dateSound: sound('year') && sound('date'), year: data.year, number: data.number, total: typeof data.total === 'number' && countsInTotal ? data.total : undefined, date,
      spans: { year: at(['year']), number: at(['number']), total: at(['total']), date: at(['date']), file: at([]) },
    };
  }
  if (!hasErrors(out) && series && date) {
    result.issue = compileIssue(data as unknown as IssueData, {
      file, slug: path.basename(file).replace(/\.ya?ml$/i, ''), series, date, figures, markdown,
    });
  }
  return result;
}

