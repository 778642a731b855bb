// bulletin.yaml → the resolved Series and the problems found in it (schema, font files).
import path from 'node:path';
import type { Io } from '../io.js';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadYaml } from './loadYaml.js';
import { schemaCheck } from './schemaCheck.js';
import { locate } from './locate.js';
import { checkAsset } from '../model/checkAsset.js';
import { resolveSeries, seriesLintRules, type SeriesData } from '../config/resolveSeries.js';
import type { FontRole, Series } from '../model/types.js';
import { lintSeries, SERIES_TEXTS } from '../lint/lintSeries.js';
import { checkPlainTexts } from './checkPlainTexts.js';
import { resolveGeometry } from '../layout/resolveGeometry.js';
import type { TextFix } from '../lint/types.js';

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
}

function looksLikeFont(head: Uint8Array): boolean {
  const tag = String.fromCharCode(...head.subarray(0, 4));
  return tag === 'wOF2' || tag === 'wOFF' || tag === 'OTTO' || tag === 'true' || (head[0] === 0 && head[1] === 1 && head[2] === 0 && head[3] === 0);
}

export async function loadSeries(io: Io, file: string, display: string): Promise<LoadedSeries> {
  const result: LoadedSeries = { file, display, text: undefined, data: undefined, series: undefined, diagnostics: [], fixes: [] };
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
  for (const [role, font] of Object.entries(data.fonts ?? {}) as [FontRole, { file: string }][]) {
    const asset = await checkAsset(io, root, root, font.file, 'font');
    const span = locate(doc, lineCounter, ['fonts', role, 'file']);
    if (!asset.ok) {
      result.diagnostics.push(diagnostic(display, span, 'error', asset.code, asset.message, asset.hint));
    } else if (!looksLikeFont(asset.head)) {
      result.diagnostics.push(diagnostic(display, span, 'error', 'font-type', `\`${font.file}\` is not a TrueType, OpenType or WOFF font`, 'Name a .ttf, .otf or .woff2 file.'));
    } else {
      fontFiles[role] = asset.real;
    }
  }
  result.diagnostics.push(...checkPlainTexts(doc, lineCounter, loaded.text!, display, SERIES_TEXTS));
  const { geometry, problems } = resolveGeometry(data.layout);
  for (const p of problems) result.diagnostics.push(diagnostic(display, locate(doc, lineCounter, p.path), 'error', 'layout-impossible', p.message, p.hint));
  if (!hasErrors(result.diagnostics)) result.series = resolveSeries(data, root, file, fontFiles, geometry);
  // After resolving: a copy-editing check set to `error` must not keep the series from loading.
  const lint = lintSeries({ source: loaded.text!, doc, lineCounter, display, rules: result.series?.lint.rules ?? seriesLintRules() });
  result.diagnostics.push(...lint.diagnostics);
  result.fixes = lint.fixes;
  return result;
}
