// One issue file → its Issue model and every problem found in it (schema, dates, ids, bodies, figures).
import path from 'node:path';
import { errnoCode, type Io } from '../io.js';
import { codeHint, diagnostic, hasErrors, type Diagnostic, type DiagnosticCode, type Span } from '../diagnostics/diagnostic.js';
import type { Message } from '../i18n/message.js';
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
 * Verdicts of the image integrity check by file, size and modification time: a photo used by many
 * issues is read once per run (and once per change in a preview session).
 */
const imageVerdicts = new Map<string, Promise<ImageVerdict>>();
const MAX_IMAGE_VERDICTS = 4000;

interface ImageVerdict {
  /** Why the image would not print whole. */
  damage: string | undefined;
  /** The text an SVG drawing prints ('' when none). */
  text: string;  /** What the image pipeline will change that the editor should know (warnings). */
  features: { code: DiagnosticCode; message: string; hint: string }[];
}

const HEIC_HINT = 'Export the photo as JPEG. On the iPhone: open it in Photos, tap Share → Options → choose "Most Compatible" (or mail it to yourself: Mail sends JPEG); for future photos set Settings → Camera → Formats → Most Compatible. On a Mac: Photos or Preview → File → Export → JPEG. On Windows: open it in Photos → ⋯ → Save as → .jpg.';

/** The warnings of an image's features (model/imageFeatures.ts): what its processing changes. */
function featureWarnings(features: ImageFeatures, mime: Figure['mime']): { code: DiagnosticCode; message: string; hint: string }[] {
  const out: { code: DiagnosticCode; message: string; hint: string }[] = [];
  if (features.animated) out.push({ code: 'image-animated', message: `is an animated ${mime === 'image/gif' ? 'GIF' : 'WebP'}: only its first frame is printed and published`, hint: 'Choose the frame to print and export it as a JPEG or PNG.' });
  if (features.sixteenBit) out.push({ code: 'image-16bit', message: 'has 16 bits per colour channel: it is reduced to 8, as print and screens use (the file is twice the size it needs to be)', hint: 'Export it as an 8-bit PNG or as JPEG.' });
  if (features.cmyk) out.push({ code: 'image-cmyk', message: 'is a CMYK JPEG (made for a print shop): it is converted to sRGB for the PDF and the web page, and its colours may shift slightly', hint: 'Export the original as an sRGB JPEG to choose the colours yourself.' });
  return out;
}

/** Reads the whole image at `real` (a regular file under the size cap): is it whole, and what text does an SVG print? */
async function imageVerdict(io: Io, real: string, mime: Figure['mime']): Promise<ImageVerdict> {
  const info = await io.stat(real);
  const key = `${real}\0${info.size}\0${info.mtimeMs}`;
  let verdict = imageVerdicts.get(key);
  if (!verdict) {
    if (imageVerdicts.size >= MAX_IMAGE_VERDICTS) imageVerdicts.delete(imageVerdicts.keys().next().value!);
    verdict = io.readFile(real).then(
      async (bytes) => {
        const damage = imageProblem(bytes, mime) ?? (mime === 'image/png' ? await pngDataProblem(bytes) : undefined);
        return { damage, text: mime === 'image/svg+xml' ? svgText(bytes) : '', features: damage ? [] : featureWarnings(imageFeatures(bytes, mime), mime) };
      },
      (error: unknown) => ({ damage: `it cannot be read (${errnoCode(error) ?? 'error'})`, text: '', features: [] }),
    );
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
  result.text = loaded.text;
  result.diagnostics.push(...loaded.diagnostics);
  const parsed = loaded.parsed;
  if (!parsed || loaded.text === undefined) return result;
  const { doc, lineCounter: lc } = parsed;
  const source = loaded.text;
  const data = parsed.data as Record<string, unknown>;
  const out = result.diagnostics;
  const at = (p: DataPath, key = false) => locate(doc, lc, p, { key });
  const add = (p: DataPath, severity: 'error' | 'warning', code: DiagnosticCode, message: Message | string, hint?: Message | string, key = false) =>
    out.push(diagnostic(display, at(p, key), severity, code, message, hint));

  out.push(...schemaCheck('issue', data, display, doc, lc));
  // `sections: none` (or 无, false): the issue means to print without sections, which
  // is written with `articles:`. One error that shows that form, instead of "must be a list".
  const sectionsNone = data.sections === false || typeof data.sections === 'string';
  if (sectionsNone) {
    const value = at(['sections']);
    const schemaType = out.findIndex((d) => d.code === 'schema-type' && d.line === value.line && d.column === value.column);
    if (schemaType >= 0) out.splice(schemaType, 1);
    add(['sections'], 'error', 'sections-none', `\`sections: ${String(data.sections)}\` does not print an issue without sections: such an issue lists its articles under \`articles:\` and has no \`sections:\``,
      data.articles === undefined
        ? `Replace the line \`sections: ${String(data.sections)}\` with \`articles:\` and list the articles under it as under a section: \`- title: …\` each, with its \`body: |\` (see examples/speech).`
        : `Delete the line \`sections: ${String(data.sections)}\`: the articles under \`articles:\` already print without a section label.`);
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
  const fileTables = new Map<string, Table>();
  const issueDir = path.dirname(file);
  // An issue has sections, or (printed without section labels) `articles:` of its own.
  if (data.sections === undefined && data.articles === undefined) {
    add([], 'error', 'schema-missing-key', 'the issue has no `sections` (nor `articles`)', 'List the articles under `sections:` with their labels (栏目), or, for an issue printed without sections (a speech 专刊), under `articles:`.');
  }
  if (data.sections !== undefined && data.articles !== undefined && !sectionsNone) {
    add(['articles'], 'error', 'articles-with-sections', 'the issue has both `sections` and `articles`: articles belong to a section, or the issue has no sections',
      'Move these articles into a section under `sections:`, or remove `sections:` to print the issue without section labels.', true);
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
      add(['signoff', label], 'error', 'signoff-label', `the sign-off names the role \`${label}\`, which the series does not print (its roles: ${series.signoff.labels.join('、')})`,
        guess ? `Did you mean \`${guess}\`? A series lists its roles, in print order, under \`signoff: { labels: […] }\` in bulletin.yaml.` : 'Use one of the series\' roles, or add this one to `signoff: { labels: […] }` in bulletin.yaml.', true);
    }
  }
  for (const group of groups) {
    const s = group.value;
    const si = sectionIndex(group);
    const articles = list(s.articles);
    if (Array.isArray(s.articles) && articles.length === 0) {
      add([...group.path, 'articles'], 'warning', 'section-empty', `section 【${String(s.label)}】 has no articles yet`, 'Add articles before building, or remove the section.');
    }
    for (const [ai, a] of articles.entries()) {
      if (!isObject(a)) continue;
      const aPath: DataPath = [...group.path, 'articles', ai];
      const id = typeof a.id === 'string' ? a.id : derivedArticleId(si, ai);
      const previous = ids.get(id);
      if (previous) {
        const first = at(previous);
        add(typeof a.id === 'string' ? [...aPath, 'id'] : aPath, 'error', 'id-duplicate',
          `article id \`${id}\` is already used at line ${first.line}`, 'Give each article its own `id` (ids become link targets and bookmarks).');
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
          add([...tPath, 'after'], 'error', 'table-paragraph', `the body has ${paragraphs} paragraph(s), so there is no paragraph ${t.after} for the table to follow`, `Use a number from 1 to ${paragraphs}, or leave \`after\` out: the table then follows the last paragraph.`);
        }
        if (!seriesRoot) continue;
        const asset = await checkAsset(io, seriesRoot, issueDir, t.file, 'table-file');
        if (!asset.ok) {
          add([...tPath, 'file'], 'error', asset.code, asset.message, asset.hint);
          continue;
        }
        const bytes = await io.readFile(asset.real);
        // Loaded when an issue has a table file: the ZIP and XML readers cost every other check their start-up.
        const { readCsv, readXlsx } = await import('../model/readTableFile.js');
        const csv = /\.csv$/i.test(t.file);
        const sheet = typeof t.sheet === 'string' ? t.sheet : undefined;
        const range = typeof t.range === 'string' ? t.range : undefined;
        let read: GridResult;
        if (csv) read = readCsv(bytes, range);
        else if (bytes[0] === 0x50 && bytes[1] === 0x4b) read = readXlsx(bytes, sheet, range);
        else if (bytes[0] === 0xd0 && bytes[1] === 0xcf) read = { ok: false, code: 'table-file-type', message: 'it is an old Excel 97–2003 workbook (.xls), which is not read', hint: 'Open it in Excel or WPS and save it as Excel Workbook (.xlsx).' };
        else read = { ok: false, code: 'table-file-type', message: 'it is not an .xlsx workbook by its content, whatever its name' };
        if (!read.ok) {
          const key = read.code === 'table-sheet-missing' ? 'sheet' : read.code === 'table-range' && range !== undefined ? 'range' : 'file';
          add([...tPath, key], read.code === 'table-empty' ? 'warning' : 'error', read.code, `\`${t.file}\`: ${read.message}`, read.hint ?? codeHint(read.code));
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
          add(iPath, 'error', asset.code, asset.message, asset.hint);
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
            ? `\`${imageFile}\` is an AVIF image, which bulletin does not print`
            : `\`${imageFile}\` is a HEIC photo (the iPhone's own format, brand \`${heif}\`), which bulletin cannot read`,
          HEIC_HINT);
          return undefined;
        }
        if (!image) {
          add(iPath, 'error', 'image-type', `\`${imageFile}\` is not a PNG, JPEG, SVG or WebP image (its content says otherwise, whatever its name)`, 'Export the photo as JPEG or PNG.');
          return undefined;
        }
        if (image.mime !== 'image/svg+xml' && (image.width === undefined || image.height === undefined)) {
          add(iPath, 'error', 'image-dimensions', `the pixel size of \`${imageFile}\` cannot be read`, 'Save the photo again as a plain JPEG or PNG.');
          return undefined;
        }
        if (image.width !== undefined && image.height !== undefined && (image.width * image.height > MAX_IMAGE_PIXELS || image.width === 0 || image.height === 0)) {
          add(iPath, 'error', 'image-dimensions', `\`${imageFile}\` declares ${image.width}×${image.height} pixels`, `Scale the photo to at most ${MAX_IMAGE_PIXELS / 1e6} megapixels.`);
          return undefined;
        }
        const verdict = await imageVerdict(io, asset.real, image.mime);
        if (verdict.damage) {
          add(iPath, 'error', 'image-damaged', `\`${imageFile}\` is damaged: ${verdict.damage}`, 'Save or export the picture again from its original (a damaged file prints as an empty box), and replace this one.');
          return undefined;
        }
        if (extensionMismatch(imageFile, image.mime)) {
          add(iPath, 'warning', 'image-extension', `\`${imageFile}\` is a ${TYPE_NAMES[image.mime]} image by its content, whatever its name says`,
            `Rename the file to end in .${TYPE_NAMES[image.mime].toLowerCase().replace('jpeg', 'jpg').replace('svg', 'svg')} (and the path here): it is read as the ${TYPE_NAMES[image.mime]} it is, but other programs go by the name.`);
        }
        for (const feature of verdict.features) {
          add(iPath, 'warning', feature.code, `\`${imageFile}\` ${feature.message}`, feature.hint);
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
          const clean = text === undefined ? { ok: false as const, reason: 'it is not UTF-8 text', line: 1, column: 1 } : (await import('../model/sanitizeSvg.js')).sanitizeSvg(text);
          if (!clean.ok) {
            add(iPath, 'error', 'image-svg-malformed', `\`${imageFile}\` is not a well-formed SVG: ${clean.reason} (line ${clean.line}, column ${clean.column} of the SVG)`,
              'Export the figure again as a plain SVG (or PNG) from the drawing program.');
            return undefined;
          }
          if (clean.removed.length) {
            add(iPath, 'warning', 'image-svg-active', `\`${imageFile}\` holds ${clean.removed.slice(0, 4).join(', ')}${clean.removed.length > 4 ? ` and ${clean.removed.length - 4} more` : ''}: removed from the figure printed and published`,
              'A figure may only draw: scripts, event handlers, animations, embedded documents and references to other files are taken out. Export the figure again as a plain SVG to silence this.');
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
            const what = measured.code === 'image-svg-complex' ? 'is too complex to print' : 'cannot be drawn';
            add(iPath, 'error', measured.code, `\`${imageFile}\` ${what}: ${measured.reason}${measured.line ? ` (line ${measured.line} of the SVG)` : ''}`,
              measured.code === 'image-svg-complex' ? 'Simplify the figure (fewer repeated elements, no filters or fine patterns), or export it as PNG at print size.' : 'Open the figure in a drawing program and save it again as plain SVG, or export it as PNG.');
            return undefined;
          }
        }
        // Only a figure that will be printed: a malformed or refused SVG has its own error.
        if (verdict.text) {
          const sample = verdict.text.length > 40 ? `${[...verdict.text].slice(0, 40).join('')}…` : verdict.text;
          add(iPath, 'warning', 'figure-svg-text',
            `the SVG figure \`${imageFile}\` has text (「${sample}」), which Chrome sets in the fonts installed on the machine that builds, not in the layout's fonts: it may print in another typeface, as empty boxes, or in a font the PDF cannot embed`,
            'Convert the text to outlines in the drawing program (Inkscape: Path → Object to Path; Illustrator: Type → Create Outlines), or export the figure as PNG.');
        }
        return {
          path: asset.real, relPath: asset.relPath, mime: image.mime,
          span: at(iPath),
          pixels: image.width && image.height ? { width: image.width, height: image.height } : undefined,
          ...(svg === undefined ? {} : { svg }),
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
          add([...fPath, 'images'], 'error', 'figure-images', 'this figure has both `image:` and `images:`', 'Write `image:` for one photo, or `images:` with two or three photos printed side by side, not both.', true);
          continue;
        }
        if (!members && f.image === undefined) {
          add(fPath, 'error', 'figure-images', 'this figure names no photo', 'Add `image: images/….jpg` (one photo), or `images:` with two or three photos to print side by side.');
          continue;
        }
        if (typeof f.paragraph === 'number' && f.paragraph > paragraphs) {
          add([...fPath, 'paragraph'], 'error', 'figure-paragraph', `the body has ${paragraphs} paragraph(s), so there is no paragraph ${f.paragraph}`, `Use a number from 1 to ${paragraphs}.`);
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

