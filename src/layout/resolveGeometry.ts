// `layout:` of bulletin.yaml → the page geometry: the preset's values with the series' overrides,
// and the combinations that cannot print (a type area larger than the paper, characters wider than
// their grid cell) as problems pointing at the key that caused them.
import { SERIES_DEFAULTS, type SeriesData } from '../source/schemaTypes.js';
import { PAPER_SIZES, PRESETS, MM_PER_PT, charPitchMm, linePitchMm, type PageGeometry } from './presets.js';

/** What bulletin.yaml may say about the page: the geometry keys of `layout` (generated from schemas/series.schema.json). */
export type GeometryOverrides = Pick<NonNullable<SeriesData['layout']>, 'preset' | 'paper' | 'typeArea' | 'margins' | 'grid' | 'bodySize' | 'titleSize' | 'titleLines'>;

export interface GeometryProblem {
  /** Data path of the key to point at, from the root of bulletin.yaml. */
  path: (string | number)[];
  message: string;
  hint: string;
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
  const pageNumberRoom = g.pageNumber.below + g.sizes.pageNumber * MM_PER_PT;
  if (g.margins.outer < MIN_MARGIN_MM) {
    problems.push({
      path: at('typeArea', 'margins', 'paper'),
      message: g.margins.outer < 0
        ? `the type area (${g.typeArea.width} mm wide) and the binding margin (${g.margins.inner} mm) need ${g.typeArea.width + g.margins.inner} mm, more than the width of ${paperName} paper (${g.paper.width} mm)`
        : `the type area (${g.typeArea.width} mm wide) and the binding margin (${g.margins.inner} mm) leave ${g.margins.outer} mm at the outer edge of ${paperName} paper (at least ${MIN_MARGIN_MM} mm)`,
      hint: `Keep typeArea.width + margins.inner at most ${g.paper.width - MIN_MARGIN_MM} mm${o.preset === undefined && g.paper.width < 200 ? ', or choose `preset: a5-booklet`, which is made for small paper' : ''}.`,
    });
  }
  if (g.margins.bottom < pageNumberRoom) {
    problems.push({
      path: at('typeArea', 'margins', 'paper'),
      message: g.margins.bottom < 0
        ? `the type area (${g.typeArea.height} mm high) and the top margin (${g.margins.top} mm) need ${g.typeArea.height + g.margins.top} mm, more than the height of ${paperName} paper (${g.paper.height} mm)`
        : `the type area (${g.typeArea.height} mm high, ${g.margins.top} mm from the top) leaves ${g.margins.bottom} mm at the foot of ${paperName} paper, and the page number needs ${round1(pageNumberRoom)} mm`,
      hint: `Keep typeArea.height + margins.top at most ${Math.floor(g.paper.height - pageNumberRoom)} mm.`,
    });
  }
  const charPt = charPitchMm(g) / MM_PER_PT;
  if (charPt < g.sizes.body * MIN_CHAR_PITCH) {
    const fits = Math.floor(g.typeArea.width / (g.sizes.body * MIN_CHAR_PITCH * MM_PER_PT));
    problems.push({
      path: at('grid', 'bodySize', 'typeArea', 'paper'),
      message: `${g.grid.chars} characters of ${g.sizes.body} pt need at least ${round1(g.grid.chars * g.sizes.body * MIN_CHAR_PITCH * MM_PER_PT)} mm, but the type area is ${g.typeArea.width} mm wide`,
      hint: `Set \`grid.chars\` to ${fits} or fewer, or a \`bodySize\` of at most ${Math.floor((charPt / MIN_CHAR_PITCH) * 2) / 2} pt.`,
    });
  }
  const linePt = linePitchMm(g) / MM_PER_PT;
  if (linePt < g.sizes.body * MIN_LEADING) {
    problems.push({
      path: at('grid', 'bodySize', 'typeArea', 'paper'),
      message: `${g.grid.lines} lines in ${g.typeArea.height} mm are ${round1(linePt)} pt apart, too close for ${g.sizes.body} pt text (at least ${round1(g.sizes.body * MIN_LEADING)} pt)`,
      hint: `Set \`grid.lines\` to ${Math.floor(g.typeArea.height / (g.sizes.body * MIN_LEADING * MM_PER_PT))} or fewer, or a smaller \`bodySize\`.`,
    });
  }
  return problems;
}
