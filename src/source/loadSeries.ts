// bulletin.yaml → the resolved Series and the problems found in it (schema, font files).
import path from 'node:path';
import { errnoCode, type Io } from '../io.js';
import { diagnostic, hasErrors, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import { msg, type ParamValue } from '../i18n/message.js';
import { loadYaml } from './loadYaml.js';
import { schemaCheck } from './schemaCheck.js';
import { locate } from './locate.js';
import { checkAsset } from '../model/checkAsset.js';
import { resolveSeries, seriesLintRules, type SeriesData } from '../config/resolveSeries.js';
import type { FontRole, Series } from '../model/types.js';
import { readFont, type FaceChoice, type FontFacts, type FontRead } from '../model/fontFile.js';
import { type3Reason, type3Hint } from '../model/fontEmbedding.js';
import { printedFields, SERIES_PRINTED } from './printedFields.js';
import { markdownParses } from '../model/parseBody.js';
import { controlCharacters } from '../check/controlCharacters.js';
import { glyphDiagnostics, glyphWarning, GLYPH_IN_LAYOUT, roleCoverage, seriesCoverage, uncoveredCharacters } from '../check/checkGlyphs.js';
import { lintSeries, SERIES_TEXTS } from '../lint/lintSeries.js';
import { checkPlainTexts } from './checkPlainTexts.js';
import { resolveGeometry } from '../layout/resolveGeometry.js';
import { checkMasthead } from '../check/checkMasthead.js';
import type { TextFix } from '../lint/types.js';
import { checkNowOrLater, type LaterCheck } from '../diagnostics/laterChecks.js';
import { lintOnlyWarns } from '../lint/lintCodes.js';

export const SERIES_FILE = 'bulletin.yaml';

export interface LoadedSeries {
  file: string;
  display: string;
  text: string | undefined;
  /** The parsed data, even when it failed the schema (what can be read of a broken file). */
  data: unknown;
  series: Series | undefined;
  diagnostics: Diagnostic[];
  /** Safe fixes of the copy-editing findings, in offsets of `text`. */
  fixes: TextFix[];
  /** Where each role's font is named (`fonts.<role>.file`) and the path as written: what a later font problem points at. */
  fontEntries: Partial<Record<FontRole, { span: Span; written: string }>>;
  /** With `later`: the checks that only warn, not run yet (diagnostics/laterChecks.ts). */
  later?: LaterCheck[];
}

/**
 * What was read of each font file, by path, size and modification time: a series is loaded once
 * per run, but the preview loads it again at every save, and a CJK font takes a moment to read.
 */
const fontReads = new Map<string, Promise<FontFileRead>>();
const MAX_FONT_READS = 64;

/** What was read of a font file; a file that cannot be read says why in a catalogue message. */
type FontFileRead = FontRead | { ok: false; reason: ParamValue; faceMissing?: undefined };

async function readFontFile(io: Io, real: string, choice: FaceChoice): Promise<FontFileRead> {
  const info = await io.stat(real);
  const key = `${real}\0${info.size}\0${info.mtimeMs}\0${choice.face ?? ''}\0${choice.index ?? ''}`;
  let read = fontReads.get(key);
  if (!read) {
    if (fontReads.size >= MAX_FONT_READS) fontReads.delete(fontReads.keys().next().value!);
    read = io.readFile(real).then((bytes): FontFileRead => readFont(bytes, choice), (error: unknown) => ({ ok: false as const, reason: msg('font.cannot-read', { reason: errnoCode(error) ?? 'error' }) }));
    fontReads.set(key, read);
  }
  return read;
}

/** Characters the layout itself prints in every issue: issue and date lines, the contents, the labels of the distribution block. */
const LAYOUT_TEXT = '本期目录【】（）。，：—-0123456789·…年第期总增刊〇一二三四五六七八九十月日编者按报送发本期增发共印份';

export async function loadSeries(io: Io, file: string, display: string, options: { later?: boolean } = {}): Promise<LoadedSeries> {
  const result: LoadedSeries = { file, display, text: undefined, data: undefined, series: undefined, diagnostics: [], fixes: [], fontEntries: {} };
  // The checks that only warn, kept for later when asked (a build runs them while Chrome starts).
  const later = options.later ? (result.later = []) : undefined;
  const seriesRoot = await io.realpath(path.dirname(file)).catch(() => undefined);
  const loaded = await loadYaml(io, file, display, seriesRoot);
  result.text = loaded.text;
  result.diagnostics.push(...loaded.diagnostics);
  const parsed = loaded.parsed;
  if (!parsed) return result;
  const { doc, lineCounter } = parsed;
  result.data = parsed.data;
  result.diagnostics.push(...schemaCheck('series', parsed.data, display, doc, lineCounter));
  if (hasErrors(result.diagnostics)) return result;
  const data = parsed.data as SeriesData;
  const root = seriesRoot ?? (await io.realpath(path.dirname(file)));
  const fontFiles: Partial<Record<FontRole, string>> = {};
  const facts: Partial<Record<FontRole, FontFacts>> = {};
  for (const [role, font] of Object.entries(data.fonts ?? {}) as [FontRole, { file: string; face?: string; index?: number }][]) {
    const asset = await checkAsset(io, root, root, font.file, 'font');
    const span = locate(doc, lineCounter, ['fonts', role, 'file']);
    if (!asset.ok) {
      result.diagnostics.push(diagnostic(display, span, 'error', asset.code, asset.text.message, asset.text.hint));
      continue;
    }
    const choice: FaceChoice = { face: font.face, index: font.index };
    const read = await readFontFile(io, asset.real, choice);
    if (!read.ok && read.faceMissing) {
      const at = locate(doc, lineCounter, ['fonts', role, font.face !== undefined ? 'face' : font.index !== undefined ? 'index' : 'file']);
      result.diagnostics.push(diagnostic(display, at, 'error', 'font-face-missing', msg('font-face-missing.collection', { path: font.file, reason: read.reason })));
      continue;
    }
    if (!read.ok) {
      result.diagnostics.push(diagnostic(display, span, 'error', 'font-type', msg('font-type', { path: font.file, reason: read.reason })));
      continue;
    }
    const type3 = type3Reason(read.facts);
    if (type3) {
      result.diagnostics.push(diagnostic(display, span, 'error', 'font-type3', msg('font-type3.refused', { path: font.file, reason: type3 }), type3Hint(read.facts)));
      continue;
    }
    if ((font.face !== undefined || font.index !== undefined) && !read.facts.collection) {
      const at = locate(doc, lineCounter, ['fonts', role, font.face !== undefined ? 'face' : 'index'], { key: true });
      result.diagnostics.push(diagnostic(display, at, 'error', 'font-face-missing', msg('font-face-missing.single', { path: font.file, key: font.face !== undefined ? 'face' : 'index' }), msg('font-face-missing.single.hint')));
      continue;
    }
    fontFiles[role] = asset.real;
    facts[role] = read.facts;
    result.fontEntries[role] = { span, written: font.file };
  }
  result.diagnostics.push(...checkPlainTexts(doc, lineCounter, loaded.text!, display, SERIES_TEXTS));
  const { geometry, problems } = resolveGeometry(data.layout);
  for (const p of problems) result.diagnostics.push(diagnostic(display, locate(doc, lineCounter, p.path), 'error', 'layout-impossible', p.message, p.hint));
  if (!hasErrors(result.diagnostics)) {
    const series = resolveSeries(data, root, file, fontFiles, geometry);
    const fonts: Series['fonts'] = Object.fromEntries(Object.entries(series.fonts).map(([role, choice]) => {
      const read = facts[role as FontRole];
      // Of a collection, the face by its number however bulletin.yaml names it: roles naming one face share its subsets.
      const face = read?.collection ? { face: { index: read.collection.index } } : {};
      return [role, { ...choice, coverage: read?.coverage, ...face, embed: read?.container === 'woff2' ? 'whole' : 'subset' }];
    }));
    result.series = { ...series, fonts };
    // The masthead: the series line and the name on one line each.
    checkNowOrLater(result.diagnostics, later, () => checkMasthead(series.seriesLine, series.name, geometry).map((p) => diagnostic(display, locate(doc, lineCounter, [p.key]), 'warning', p.code, p.message, p.hint)));
  }
  // The printed text of the series: no invisible control characters, and a font for every character.
  const fields = printedFields(doc, loaded.text!, SERIES_PRINTED, markdownParses());
  result.diagnostics.push(...controlCharacters(fields, display, lineCounter));
  if (result.series) {
    const series = result.series;
    checkNowOrLater(result.diagnostics, later, () => {
      const found = glyphDiagnostics(fields, (role) => roleCoverage(series, role), display, lineCounter);
      const covers = seriesCoverage(series);
      // What the layout prints itself depends on the series' fonts only: reported where they are named.
      const layoutText = `${LAYOUT_TEXT}${series.layout.pageNumber}`;
      for (const ch of uncoveredCharacters(layoutText, covers)) {
        found.push(glyphWarning(display, locate(doc, lineCounter, ['fonts'], { key: true }), ch, [], GLYPH_IN_LAYOUT));
      }
      return found;
    });
  }
  // After resolving: a copy-editing check set to `error` must not keep the series from loading.
  const rules = result.series?.lint.rules ?? seriesLintRules();
  checkNowOrLater(result.diagnostics, lintOnlyWarns(rules) ? later : undefined, () => {
    const lint = lintSeries({ source: loaded.text!, doc, lineCounter, display, rules });
    result.fixes = lint.fixes;
    return lint.diagnostics;
  });
  return result;
}
