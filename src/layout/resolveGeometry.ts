// `layout:` of bulletin.yaml → the page geometry: the preset's values with the series' overrides,
// and the combinations that cannot print (a type area larger than the paper, characters wider than
// their grid cell) as problems pointing at the key that caused them.
import { SERIES_DEFAULTS, type SeriesData } from '../source/schemaTypes.js';
import { msg, type Message } from '../i18n/message.js';
import { PAPER_SIZES, PRESETS, MM_PER_PT, charPitchMm, linePitchMm, type PageGeometry } from './presets.js';

/** What bulletin.yaml may say about the page: the geometry keys of `layout` (generated from schemas/series.schema.json). */
export type GeometryOverrides = Pick<NonNullable<SeriesData['layout']>, 'preset' | 'paper' | 'typeArea' | 'margins' | 'grid' | 'bodySize' | 'titleSize' | 'titleLines'>;

export interface GeometryProblem {
  /** Data path of the key to point at, from the root of bulletin.yaml. */
  path: (string | number)[];
  message: Message;
  hint: Message;
}

/** Less than this between the type area and the paper's edge cannot be printed or trimmed. */
const MIN_MARGIN_MM = 5;
/**
 * Characters may be set a little tighter than their size (the GB/T 9704 grid puts 28 characters of
 * 16 pt in 156 mm, 15.79 pt apart: CJK faces leave room at their sides), not much tighter.
 */
const MIN_CHAR_PITCH = 0.95;
/** Lines closer than this many times the body size touch each other. */
const MIN_LEADING = 1.2;

const round1 = (n: number) => Math.round(n * 10) / 10;

export function resolveGeometry(overrides: GeometryOverrides = {}): { geometry: PageGeometry; problems: GeometryProblem[] } {
  const base = PRESETS[overrides.preset ?? SERIES_DEFAULTS.layout.preset];
  const paper = typeof overrides.paper === 'string'
    ? { name: PAPER_SIZES[overrides.paper].css, width: PAPER_SIZES[overrides.paper].width, height: PAPER_SIZES[overrides.paper].height }
    : overrides.paper ? { name: '', width: overrides.paper.width, height: overrides.paper.height } : base.paper;
  const typeArea = { width: overrides.typeArea?.width ?? base.typeArea.width, height: overrides.typeArea?.height ?? base.typeArea.height };
  const top = overrides.margins?.top ?? base.margins.top;
  const inner = overrides.margins?.inner ?? base.margins.inner;
  const title = overrides.titleSize ?? base.sizes.title;
  const geometry: PageGeometry = {
    preset: base.preset,
    paper,
    typeArea,
    margins: { top, inner, bottom: round1(paper.height - top - typeArea.height), outer: round1(paper.width - inner - typeArea.width) },
    grid: { lines: overrides.grid?.lines ?? base.grid.lines, chars: overrides.grid?.chars ?? base.grid.chars },
    sizes: { ...base.sizes, body: overrides.bodySize ?? base.sizes.body, title },
    titleLines: overrides.titleLines ?? base.titleLines,
    // The least pitch keeps its proportion to the grid's when the series changes the grid.
    fit: { minPitchPt: base.fit.minPitchPt * (typeArea.height / (overrides.grid?.lines ?? base.grid.lines)) / (base.typeArea.height / base.grid.lines), minTrackingEm: base.fit.minTrackingEm },
    pageNumber: base.pageNumber,
  };
  return { geometry, problems: geometryProblems(geometry, overrides) };
}

function geometryProblems(g: PageGeometry, o: GeometryOverrides): GeometryProblem[] {
  const problems: GeometryProblem[] = [];
  // Point at what the series changed; a preset on its own is always sound.
  const at = (...keys: (keyof GeometryOverrides)[]): (string | number)[] => ['layout', keys.find((k) => o[k] !== undefined) ?? 'preset'];
  const paperName = typeof o.paper === 'string' ? o.paper : `${g.paper.width} × ${g.paper.height} mm`;
  const paper = { paper: paperName, paperWidth: g.paper.width, paperHeight: g.paper.height };
  const pageNumberRoom = g.pageNumber.below + g.sizes.pageNumber * MM_PER_PT;
  if (g.margins.outer < MIN_MARGIN_MM) {
    problems.push({
      path: at('typeArea', 'margins', 'paper'),
      message: g.margins.outer < 0
        ? msg('layout-impossible.width-over', { width: g.typeArea.width, inner: g.margins.inner, need: g.typeArea.width + g.margins.inner, ...paper })
        : msg('layout-impossible.outer-margin', { width: g.typeArea.width, inner: g.margins.inner, outer: g.margins.outer, min: MIN_MARGIN_MM, ...paper }),
      hint: o.preset === undefined && g.paper.width < 200
        ? msg('layout-impossible.width.hint-a5', { max: g.paper.width - MIN_MARGIN_MM })
        : msg('layout-impossible.width.hint', { max: g.paper.width - MIN_MARGIN_MM }),
    });
  }
  if (g.margins.bottom < pageNumberRoom) {
    problems.push({
      path: at('typeArea', 'margins', 'paper'),
      message: g.margins.bottom < 0
        ? msg('layout-impossible.height-over', { height: g.typeArea.height, top: g.margins.top, need: g.typeArea.height + g.margins.top, ...paper })
        : msg('layout-impossible.foot', { height: g.typeArea.height, top: g.margins.top, bottom: g.margins.bottom, room: round1(pageNumberRoom), ...paper }),
      hint: msg('layout-impossible.height.hint', { max: Math.floor(g.paper.height - pageNumberRoom) }),
    });
  }
  const charPt = charPitchMm(g) / MM_PER_PT;
  if (charPt < g.sizes.body * MIN_CHAR_PITCH) {
    const fits = Math.floor(g.typeArea.width / (g.sizes.body * MIN_CHAR_PITCH * MM_PER_PT));
    problems.push({
      path: at('grid', 'bodySize', 'typeArea', 'paper'),
      message: msg('layout-impossible.chars', { chars: g.grid.chars, size: g.sizes.body, need: round1(g.grid.chars * g.sizes.body * MIN_CHAR_PITCH * MM_PER_PT), width: g.typeArea.width }),
      hint: msg('layout-impossible.chars.hint', { fits, size: Math.floor((charPt / MIN_CHAR_PITCH) * 2) / 2 }),
    });
  }
  const linePt = linePitchMm(g) / MM_PER_PT;
  if (linePt < g.sizes.body * MIN_LEADING) {
    problems.push({
      path: at('grid', 'bodySize', 'typeArea', 'paper'),
      message: msg('layout-impossible.lines', { lines: g.grid.lines, height: g.typeArea.height, pitch: round1(linePt), size: g.sizes.body, min: round1(g.sizes.body * MIN_LEADING) }),
      hint: msg('layout-impossible.lines.hint', { fits: Math.floor(g.typeArea.height / (g.sizes.body * MIN_LEADING * MM_PER_PT)) }),
    });
  }
  return problems;
}
