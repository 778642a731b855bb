// One issue file → its Issue model and every problem found in it (schema, dates, ids, bodies, figures).
import path from 'node:path';
import { createHash } from 'node:crypto';
import { errnoCode, type Io } from '../io.js';
import { openImageCache, type ContentCache } from '../cache/contentCache.js';
import { recalledFacts, rememberFacts } from '../cache/imageFacts.js';
import { codeHint, diagnostic, hasErrors, type Diagnostic, type DiagnosticCode, type Span } from '../diagnostics/diagnostic.js';
import { msg, type Message, type ParamValue } from '../i18n/message.js';
import { loadYaml } from './loadYaml.js';
import { offsetSpan } from './parseYaml.js';
import { schemaCheck } from './schemaCheck.js';
import { locate, type DataPath } from './locate.js';
import { parsePlainDate, type PlainDate } from '../model/chineseDate.js';
import { markdownParses, type BodyProblem } from '../model/parseBody.js';
import { paragraphCount, tables, type Table } from '../model/blocks.js';
import { tableLayout } from '../layout/tableLayout.js';
import type { GridResult } from '../model/readTableFile.js';
import { tableFromGrid } from '../model/tableFromGrid.js';
import { tooWideProblem, tableGlyphs } from '../check/checkTables.js';
import { checkAsset } from '../model/checkAsset.js';
import { sniffImage, MAX_IMAGE_PIXELS } from '../model/sniffImage.js';
import { slugOf } from '../model/outputNames.js';
import { figureScaling, groupScaling } from '../layout/figureScaling.js';
import { compileIssue, derivedArticleId, figureKey, memberKey, type CheckedFigure, type IssueData } from '../model/compileIssue.js';
import type { Figure, Issue, IssueKind, Series } from '../model/types.js';
import { imageProblem, pngDataProblem, svgText } from '../model/imageIntegrity.js';
import { extensionMismatch, heifBrand, imageFeatures, TYPE_NAMES, type ImageFeatures } from '../model/imageFeatures.js';
import { printedFields, ISSUE_PRINTED } from './printedFields.js';
import { controlCharacters } from '../check/controlCharacters.js';
import { glyphDiagnostics, roleCoverage } from '../check/checkGlyphs.js';
import { isScalar, type Document, type LineCounter, type Scalar } from '../vendor/yaml.js';
import { lintIssue, ISSUE_TEXTS } from '../lint/lintIssue.js';
import { checkPlainTexts } from './checkPlainTexts.js';
import { closest } from './closest.js';
import { checkTitleLength } from '../check/checkTitleLength.js';
import { seriesLintRules } from '../config/resolveSeries.js';
import { ISSUE_DEFAULTS } from './schemaTypes.js';
import type { TextFix } from '../lint/types.js';
import { checkNowOrLater, type LaterCheck } from '../diagnostics/laterChecks.js';
import { lintOnlyWarns } from '../lint/lintCodes.js';
import { listOf } from '../model/messageList.js';

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
  /** With `later`: the checks that only warn, not run yet (diagnostics/laterChecks.ts). */
  later?: LaterCheck[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Span of the n-th line (0-based) of a block scalar's content; of `length` characters from `column` of that line of the Markdown, when given. */
function bodyLineSpan(doc: Document, lc: LineCounter, text: string, bodyPath: DataPath, lineInBody: number, column?: number, length = 1): Span {
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
  const markdownLine = String(node.value).split('\n')[lineInBody];
  if (column !== undefined && markdownLine !== undefined && content.endsWith(markdownLine)) {
    const at = start + content.length - markdownLine.length + column;
    return offsetSpan(lc, at, at + length);
  }
  return offsetSpan(lc, start + indent, start + content.length);
}

/**
 * Verdicts of the image integrity check by file, size and times, for one run (one Io: validate makes
 * one per call): a photo used by many issues is read once. Across runs, the series' cache remembers
 * them (cache/imageFacts.ts).
 */
const imageVerdictsOf = new WeakMap<Io, Map<string, Promise<ImageVerdict>>>();
const MAX_IMAGE_VERDICTS = 4000;

interface ImageVerdict {
  /** Why the image would not print whole. */
  damage: ParamValue | undefined;
  /** The text an SVG drawing prints ('' when none). */
  text: string;
  /** What the image pipeline will change that the editor should know (warnings). */
  features: FeatureWarning[];
  /** SHA-256 of a whole raster image's bytes, in hex (the build's cache key: it need not read the file again). */
  sha256?: string;
}

/** A warning about what processing an image changes: its code, and its message for the image's path. */
interface FeatureWarning {
  code: DiagnosticCode;
  message: (path: string) => Message;
}

/** The warnings of an image's features (model/imageFeatures.ts): what its processing changes. */
function featureWarnings(features: ImageFeatures, mime: Figure['mime']): FeatureWarning[] {
  const out: FeatureWarning[] = [];
  if (features.animated) out.push({ code: 'image-animated', message: (path) => msg('image-animated.format', { path, format: mime === 'image/gif' ? 'GIF' : 'WebP' }) });
  if (features.sixteenBit) out.push({ code: 'image-16bit', message: (path) => msg('image-16bit.reduced', { path }) });
  if (features.cmyk) out.push({ code: 'image-cmyk', message: (path) => msg('image-cmyk.converted', { path }) });
  return out;
}

/**
 * Reads the whole image at `real` (a regular file under the size cap): is it whole, and what text does
 * an SVG print? What a raster image was found to be is remembered in the series' cache (`cache`) by
 * the file's identity (cache/imageFacts.ts), and recalled from there without reading it.
 */
async function imageVerdict(io: Io, real: string, mime: Figure['mime'], cache: ContentCache | undefined): Promise<ImageVerdict> {
  const info = await io.stat(real);
  const key = `${real}\0${info.size}\0${info.mtimeMs}\0${info.ctimeMs ?? ''}`;
  let imageVerdicts = imageVerdictsOf.get(io);
  if (!imageVerdicts) imageVerdictsOf.set(io, (imageVerdicts = new Map()));
  let verdict = imageVerdicts.get(key);
  if (!verdict) {
    if (imageVerdicts.size >= MAX_IMAGE_VERDICTS) imageVerdicts.delete(imageVerdicts.keys().next().value!);
    const raster = mime !== 'image/svg+xml' && cache !== undefined;
    verdict = (async (): Promise<ImageVerdict> => {
      const known = raster ? await recalledFacts(cache, real, info) : undefined;
      if (known) return { damage: undefined, text: '', features: featureWarnings(known.features, mime), sha256: known.sha256 };
      let bytes: Uint8Array;
      try {
        bytes = await io.readFile(real);
      } catch (error) {
        return { damage: msg('image.cannot-read', { reason: errnoCode(error) ?? 'error' }), text: '', features: [] };
      }
      const damage = imageProblem(bytes, mime) ?? (mime === 'image/png' ? await pngDataProblem(bytes) : undefined);
      if (damage) return { damage, text: '', features: [] };
      if (mime === 'image/svg+xml') return { damage, text: svgText(bytes), features: [] };
      const features = imageFeatures(bytes, mime);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (raster) await rememberFacts(cache, real, info, { sha256, features });
      return { damage, text: '', features: featureWarnings(features, mime), sha256 };
    })();
    imageVerdicts.set(key, verdict);
  }
  return verdict;
}

/**
 * `seriesRoot` is the real path of the series folder: images are checked against it even when
 * bulletin.yaml itself has errors (`series` is then undefined and the model is not built).
 */
export async function loadIssue(io: Io, file: string, display: string, series: Series | undefined, seriesRoot: string | undefined, options: { later?: boolean } = {}): Promise<LoadedIssue> {
  const result: LoadedIssue = { file, display, text: undefined, issue: undefined, facts: undefined, diagnostics: [], fixes: [] };
  // The checks that only warn, kept for later when asked (a build runs them while Chrome starts).
  const later = options.later ? (result.later = []) : undefined;
  const loaded = await loadYaml(io, file, display, seriesRoot);
  /** Where what the photos were found to be is remembered (cache/imageFacts.ts). */
  const imageCache = seriesRoot ? openImageCache(io, seriesRoot) : undefined;
  result.text = loaded.text;
  result.diagnostics.push(...loaded.diagnostics);
  const parsed = loaded.parsed;
  if (!parsed || loaded.text === undefined) return result;
  const { doc, lineCounter: lc } = parsed;
  const source = loaded.text;
  const data = parsed.data as Record<string, unknown>;
  const out = result.diagnostics;
  const at = (p: DataPath, key = false) => locate(doc, lc, p, { key });
  const add = (p: DataPath, severity: 'error' | 'warning', code: DiagnosticCode, message: Message, hint?: Message, key = false) =>
    out.push(diagnostic(display, at(p, key), severity, code, message, hint));

  out.push(...schemaCheck('issue', data, display, doc, lc));
  // `sections: none` (or 无, false): the issue means to print without sections, which
  // is written with `articles:`. One error that shows that form, instead of "must be a list".
  const sectionsNone = data.sections === false || typeof data.sections === 'string';
  if (sectionsNone) {
    const span = at(['sections']);
    const schemaType = out.findIndex((d) => d.code === 'schema-type' && d.line === span.line && d.column === span.column);
    if (schemaType >= 0) out.splice(schemaType, 1);
    const value = String(data.sections);
    add(['sections'], 'error', 'sections-none', msg('sections-none.articles', { value }),
      data.articles === undefined ? msg('sections-none.replace.hint', { value }) : msg('sections-none.delete.hint', { value }));
  }
  // Titles, labels, source lines, distribution entries: checked like a body (bodies and notes below).
  out.push(...checkPlainTexts(doc, lc, source, display, ISSUE_TEXTS));

  // Bodies, notes and captions are parsed once each, for their checks, the copy-editing and the model.
  const markdown = markdownParses(series?.markdown);
  const report = (textPath: DataPath, problems: readonly BodyProblem[]) => {
    for (const p of problems) out.push(diagnostic(display, bodyLineSpan(doc, lc, source, textPath, p.line, p.column, p.length), p.severity ?? 'error', p.code, p.message, p.hint));
  };

  // Copy-editing of the printed text; it reads the document's nodes, so it copes with data the schema refused.
  const rules = series?.lint.rules ?? seriesLintRules();
  checkNowOrLater(out, lintOnlyWarns(rules) ? later : undefined, () => {
    const lint = lintIssue({ source, doc, lineCounter: lc, display, rules, parseMarkdown: (text) => markdown.body(text).blocks });
    result.fixes = lint.fixes;
    return lint.diagnostics;
  });

  // The printed text: no invisible control characters, and a font of the layout for every character.
  const fields = printedFields(doc, source, ISSUE_PRINTED, markdown);
  out.push(...controlCharacters(fields, display, lc));
  if (series) checkNowOrLater(out, later, () => glyphDiagnostics(fields, (role) => roleCoverage(series, role), display, lc));

  // Date and year.
  const date = typeof data.date === 'string' ? parsePlainDate(data.date) : undefined;
  if (date && typeof data.year === 'number' && data.year !== date.year) {
    add(['year'], 'error', 'year-mismatch', msg('year-mismatch', { year: data.year, date: date.iso }), msg('year-mismatch.set.hint', { year: date.year }));
  }
  if (typeof data.total === 'number' && typeof data.number === 'number' && data.total < data.number) {
    add(['total'], 'error', 'total-less-than-number', msg('total-less-than-number', { total: data.total, number: data.number }));
  }
  const kind = (typeof data.kind === 'string' ? data.kind : ISSUE_DEFAULTS.kind) as IssueKind;
  if (kind === 'special' && data.label === undefined) {
    add(['kind'], 'error', 'special-without-label', msg('special-without-label'));
  }
  if (kind !== 'special' && data.label !== undefined) {
    add(['label'], 'error', 'label-without-special', msg('label-without-special'), undefined, true);
  }
  const countsInTotal = kind !== 'supplement' || series?.numbering.supplementsCountInTotal === true;
  if (countsInTotal && data.total === undefined && typeof data.number === 'number') {
    add([], 'error', 'total-missing', msg('total-missing'));
  }
  if (!countsInTotal && data.total !== undefined) {
    add(['total'], 'warning', 'total-ignored', msg('total-ignored'), undefined, true);
  }

  // The issue's note, sections, articles, bodies, figures.
  if (typeof data.note === 'string') report(['note'], markdown.body(data.note).problems);
  const ids = new Map<string, DataPath>();
  const figures = new Map<string, CheckedFigure>();
  const fileTables = new Map<string, Table>();
  const issueDir = path.dirname(file);
  // An issue has sections, or (printed without section labels) `articles:` of its own.
  if (data.sections === undefined && data.articles === undefined) {
    add([], 'error', 'schema-missing-key', msg('schema-missing-key.sections'), msg('schema-missing-key.sections.hint'));
  }
  if (data.sections !== undefined && data.articles !== undefined && !sectionsNone) {
    add(['articles'], 'error', 'articles-with-sections', msg('articles-with-sections.both'), undefined, true);
  }
  // Without sections, the articles are those of one section without a label, at `articles:`.
  const groups: { path: DataPath; value: Record<string, unknown> }[] = data.articles !== undefined && (data.sections === undefined || sectionsNone)
    ? [{ path: [], value: { articles: data.articles } }]
    : list(data.sections).flatMap((s, si) => (isObject(s) ? [{ path: ['sections', si] as DataPath, value: s }] : []));
  const sectionIndex = (g: { path: DataPath }) => (g.path.length ? Number(g.path[1]) : 0);
  const signoff = data.signoff;
  if (isObject(signoff) && series) {
    for (const label of Object.keys(signoff)) {
      if (series.signoff.labels.includes(label)) continue;
      const guess = closest(label, series.signoff.labels);
      add(['signoff', label], 'error', 'signoff-label', msg('signoff-label.roles', { label, roles: series.signoff.labels.join('、') }),
        guess ? msg('signoff-label.guess.hint', { guess }) : msg('signoff-label.other.hint'), true);
    }
  }
  for (const group of groups) {
    const s = group.value;
    const si = sectionIndex(group);
    const articles = list(s.articles);
    if (Array.isArray(s.articles) && articles.length === 0) {
      add([...group.path, 'articles'], 'warning', 'section-empty', msg('section-empty', { label: String(s.label) }));
    }
    for (const [ai, a] of articles.entries()) {
      if (!isObject(a)) continue;
      const aPath: DataPath = [...group.path, 'articles', ai];
      const id = typeof a.id === 'string' ? a.id : derivedArticleId(si, ai);
      const previous = ids.get(id);
      if (previous) {
        const first = at(previous);
        add(typeof a.id === 'string' ? [...aPath, 'id'] : aPath, 'error', 'id-duplicate',
          msg('id-duplicate', { id, line: first.line }));
      } else ids.set(id, typeof a.id === 'string' ? [...aPath, 'id'] : aPath);

      // A title longer than the layout's lines (layout/breakTitle.ts breaks it as it will print).
      if (series) {
        checkNowOrLater(out, later, () => {
          const long = checkTitleLength(a.title, series.layout.geometry);
          return long ? [diagnostic(display, at([...aPath, 'title']), 'warning', 'title-too-long', long.message, long.hint)] : [];
        });
      }

      let paragraphs = Infinity;
      for (const field of ['body', 'note'] as const) {
        const text = a[field];
        if (typeof text !== 'string') continue;
        const parsed = markdown.body(text);
        if (field === 'body') paragraphs = paragraphCount(parsed.blocks);
        report([...aPath, field], parsed.problems);
        // A pipe table too wide for the type area even at the smallest table size.
        if (series) report([...aPath, field], tables(parsed.blocks).filter((t) => tableLayout(t, series.layout.geometry).tooWide).map((t) => tooWideProblem(t, series)));
      }
      // Tables from spreadsheets and CSV files (model/readTableFile.ts).
      for (const [ti, t] of list(a.tables).entries()) {
        if (!isObject(t) || typeof t.file !== 'string') continue;
        const tPath: DataPath = [...aPath, 'tables', ti];
        if (typeof t.caption === 'string') report([...tPath, 'caption'], markdown.inline(t.caption).problems);
        if (typeof t.after === 'number' && t.after > paragraphs) {
          add([...tPath, 'after'], 'error', 'table-paragraph', msg('table-paragraph', { paragraphs, after: t.after }), msg('table-paragraph.range.hint', { paragraphs }));
        }
        if (!seriesRoot) continue;
        const asset = await checkAsset(io, seriesRoot, issueDir, t.file, 'table-file');
        if (!asset.ok) {
          add([...tPath, 'file'], 'error', asset.code, asset.text.message, asset.text.hint);
          continue;
        }
        const bytes = await io.readFile(asset.real);
        // Loaded when an issue has a table file: the ZIP and XML readers cost every other check their start-up.
        const { readCsv, readXlsx, gridProblem } = await import('../model/readTableFile.js');
        const csv = /\.csv$/i.test(t.file);
        const sheet = typeof t.sheet === 'string' ? t.sheet : undefined;
        const range = typeof t.range === 'string' ? t.range : undefined;
        let read: GridResult;
        if (csv) read = readCsv(bytes, range);
        else if (bytes[0] === 0x50 && bytes[1] === 0x4b) read = readXlsx(bytes, sheet, range);
        else if (bytes[0] === 0xd0 && bytes[1] === 0xcf) read = gridProblem('table-file-type', msg('table-file-type.xls'), msg('table-file-type.xls.hint'));
        else read = gridProblem('table-file-type', msg('table-file-type.content'));
        if (!read.ok) {
          const key = read.code === 'table-sheet-missing' ? 'sheet' : read.code === 'table-range' && range !== undefined ? 'range' : 'file';
          add([...tPath, key], read.code === 'table-empty' ? 'warning' : 'error', read.code, msg('table-file.problem', { file: t.file, reason: read.text.message }), read.text.hint ?? codeHint(read.code));
          continue;
        }
        const table = tableFromGrid(read.grid, {
          header: typeof t.header === 'number' ? t.header : 1,
          caption: typeof t.caption === 'string' ? markdown.inline(t.caption).content : undefined,
          unit: typeof t.unit === 'string' ? t.unit : undefined,
          style: t.style === 'grid' || t.style === 'three-line' ? t.style : undefined,
          file: t.file,
          lines: { start: at(tPath).line - 1, end: at(tPath).line },
        });
        if (series && tableLayout(table, series.layout.geometry).tooWide) {
          const p = tooWideProblem(table, series);
          add([...tPath, 'file'], 'warning', p.code, p.message, p.hint);
        }
        if (series) out.push(...tableGlyphs(table, series, display, at([...tPath, 'file'])));
        fileTables.set(figureKey(si, ai, ti), table);
      }
      // An attachment printed with the issue has a body of its own, checked like the article's.
      for (const [xi, x] of list(a.attachments).entries()) {
        if (isObject(x) && typeof x.body === 'string') report([...aPath, 'attachments', xi, 'body'], markdown.body(x.body).problems);
      }
      // One photo (`image:`) or a group side by side (`images:`): each file checked the same way.
      const checkImage = async (imageFile: string, iPath: DataPath): Promise<CheckedFigure | undefined> => {
        if (!seriesRoot) return undefined;
        const asset = await checkAsset(io, seriesRoot, issueDir, imageFile, 'image');
        if (!asset.ok) {
          add(iPath, 'error', asset.code, asset.text.message, asset.text.hint);
          return undefined;
        }
        let image = sniffImage(asset.head);
        // A JPEG's size may follow a large EXIF block: look further before giving up.
        if (image && image.mime !== 'image/svg+xml' && image.width === undefined && asset.size > asset.head.length) {
          image = sniffImage(await io.readHead(asset.real, Math.min(asset.size, 4 * 1024 * 1024)));
        }
        const heif = image ? undefined : heifBrand(asset.head);
        if (heif) {
          add(iPath, 'error', 'image-heic', heif.startsWith('avi')
            ? msg('image-heic.avif', { path: imageFile })
            : msg('image-heic.brand', { path: imageFile, brand: heif }),
          msg('image-heic.export.hint'));
          return undefined;
        }
        if (!image) {
          add(iPath, 'error', 'image-type', msg('image-type', { path: imageFile }));
          return undefined;
        }
        if (image.mime !== 'image/svg+xml' && (image.width === undefined || image.height === undefined)) {
          add(iPath, 'error', 'image-dimensions', msg('image-dimensions.unreadable', { path: imageFile }), msg('image-dimensions.unreadable.hint'));
          return undefined;
        }
        if (image.width !== undefined && image.height !== undefined && (image.width * image.height > MAX_IMAGE_PIXELS || image.width === 0 || image.height === 0)) {
          add(iPath, 'error', 'image-dimensions', msg('image-dimensions.too-many', { path: imageFile, width: image.width, height: image.height }), msg('image-dimensions.too-many.hint', { megapixels: MAX_IMAGE_PIXELS / 1e6 }));
          return undefined;
        }
        const verdict = await imageVerdict(io, asset.real, image.mime, imageCache);
        if (verdict.damage) {
          add(iPath, 'error', 'image-damaged', msg('image-damaged', { path: imageFile, reason: verdict.damage }));
          return undefined;
        }
        if (extensionMismatch(imageFile, image.mime)) {
          const type = TYPE_NAMES[image.mime];
          add(iPath, 'warning', 'image-extension', msg('image-extension', { path: imageFile, type }),
            msg('image-extension.rename.hint', { extension: type.toLowerCase().replace('jpeg', 'jpg'), type }));
        }
        for (const feature of verdict.features) {
          add(iPath, 'warning', feature.code, feature.message(imageFile));
        }
        let svg: string | undefined;
        if (image.mime === 'image/svg+xml') {
          // Printed and published as sanitised, never as the file is (model/sanitizeSvg.ts).
          let text: string | undefined;
          try {
            text = new TextDecoder('utf-8', { fatal: true }).decode(await io.readFile(asset.real));
          } catch {
            text = undefined;
          }
          // Loaded when an issue has an SVG figure (the XML parser is not needed otherwise).
          const clean = text === undefined ? { ok: false as const, reason: msg('image-svg.not-utf8'), line: 1, column: 1 } : (await import('../model/sanitizeSvg.js')).sanitizeSvg(text);
          if (!clean.ok) {
            add(iPath, 'error', 'image-svg-malformed', msg('image-svg-malformed.at', { path: imageFile, reason: clean.reason, line: clean.line, column: clean.column }));
            return undefined;
          }
          if (clean.removed.length) {
            const list = listOf(clean.removed.slice(0, 4));
            const what = clean.removed.length > 4 ? msg('image-svg-active.more', { list, count: clean.removed.length - 4 }) : list;
            add(iPath, 'warning', 'image-svg-active', msg('image-svg-active', { path: imageFile, what }));
          }
          svg = clean.text;
        }
        if (svg !== undefined) {
          const svgText = svg;
          // What it would cost Chrome to draw, before Chrome sees it (model/svgComplexity.ts).
          // Measured as Chrome gets it: the sanitised figure, once it is known to be whole and well-formed.
          const { checkSvg } = await import('../model/svgComplexity.js');
          const measured = checkSvg(new TextEncoder().encode(svgText));
          if (!measured.ok) {
            const where = { path: imageFile, reason: measured.reason };
            const complex = measured.code === 'image-svg-complex';
            add(iPath, 'error', measured.code, measured.line
              ? msg(complex ? 'image-svg-complex.line' : 'image-svg-invalid.line', { ...where, line: measured.line })
              : msg(complex ? 'image-svg-complex' : 'image-svg-invalid', where));
            return undefined;
          }
        }
        // Only a figure that will be printed: a malformed or refused SVG has its own error.
        if (verdict.text) {
          const sample = verdict.text.length > 40 ? `${[...verdict.text].slice(0, 40).join('')}…` : verdict.text;
          add(iPath, 'warning', 'figure-svg-text', msg('figure-svg-text.sample', { path: imageFile, sample }));
        }
        return {
          path: asset.real, relPath: asset.relPath, mime: image.mime,
          span: at(iPath),
          pixels: image.width && image.height ? { width: image.width, height: image.height } : undefined,
          ...(svg === undefined ? {} : { svg }),
          ...(verdict.sha256 ? { contentHash: verdict.sha256 } : {}),
        };
      };
      for (const [fi, f] of list(a.figures).entries()) {
        if (!isObject(f)) continue;
        const fPath: DataPath = [...aPath, 'figures', fi];
        if (typeof f.caption === 'string') report([...fPath, 'caption'], markdown.inline(f.caption).problems);
        const members = Array.isArray(f.images) ? f.images : undefined;
        if (members) {
          for (const [mi, m] of members.entries()) {
            if (isObject(m) && typeof m.caption === 'string') report([...fPath, 'images', mi, 'caption'], markdown.inline(m.caption).problems);
          }
        }
        if (members && f.image !== undefined) {
          add([...fPath, 'images'], 'error', 'figure-images', msg('figure-images.both'), msg('figure-images.both.hint'), true);
          continue;
        }
        if (!members && f.image === undefined) {
          add(fPath, 'error', 'figure-images', msg('figure-images.none'), msg('figure-images.none.hint'));
          continue;
        }
        if (typeof f.paragraph === 'number' && f.paragraph > paragraphs) {
          add([...fPath, 'paragraph'], 'error', 'figure-paragraph', msg('figure-paragraph', { paragraphs, paragraph: f.paragraph }), msg('figure-paragraph.range.hint', { paragraphs }));
        }
        if (members) {
          const checked: CheckedFigure[] = [];
          for (const [mi, m] of members.entries()) {
            const file = typeof m === 'string' ? m : isObject(m) && typeof m.image === 'string' ? m.image : undefined;
            if (file === undefined) continue;
            const one = await checkImage(file, typeof m === 'string' ? [...fPath, 'images', mi] : [...fPath, 'images', mi, 'image']);
            if (one) { checked.push(one); figures.set(memberKey(figureKey(si, ai, fi), mi), one); }
          }
          if (series && checked.length === members.length) {
            const captions = members.map((m) => (isObject(m) && typeof m.caption === 'string' ? m.caption : undefined));
            const scaled = groupScaling(checked.map((c, i) => ({ pixels: c.pixels, caption: captions[i] })), typeof f.caption === 'string' ? f.caption : undefined, series.layout.geometry);
            if (scaled) add([...fPath, 'images'], 'warning', 'figure-scaled', scaled.message, scaled.hint, true);
          }
          continue;
        }
        if (typeof f.image !== 'string') continue;
        const one = await checkImage(f.image, [...fPath, 'image']);
        if (!one) continue;
        figures.set(figureKey(si, ai, fi), one);
        if (series) {
          const scaled = figureScaling({ pixels: one.pixels, caption: typeof f.caption === 'string' ? f.caption : undefined }, typeof f.width === 'string' ? Number(f.width.replace('%', '')) : 45, series.layout.geometry);
          if (scaled) add([...fPath, 'image'], 'warning', 'figure-scaled', scaled.message, scaled.hint);
        }
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
      file, slug: slugOf(file), series, date, figures, markdown, tables: fileTables,
    });
  }
  return result;
}

