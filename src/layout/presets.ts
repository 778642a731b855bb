// The page geometry of each layout preset, as data: paper, type area, margins, grid, sizes. Every
// computation that depends on the page (stylesheet values, title lines, figure heights, the foot
// of the distribution block, the self-check, bookmarks) reads a `PageGeometry`, never a constant.
// Why each preset's values are what they are: docs/presets.md.

import type { SeriesData } from '../source/schemaTypes.js';

type LayoutData = NonNullable<SeriesData['layout']>;
/** The presets `layout.preset` may name (the schema's enum): PRESETS has one geometry for each. */
export type PresetName = NonNullable<LayoutData['preset']>;
/** The paper sizes `layout.paper` may name (the schema's enum): PAPER_SIZES has the size of each. */
export type PaperName = Extract<LayoutData['paper'], string>;

/** Lengths in millimetres, font sizes in points. */
export interface PageGeometry {
  readonly preset: PresetName;
  /** `name` is the CSS page size keyword (A4, A5 …) when the paper is one, else ''. */
  readonly paper: { readonly name: string; readonly width: number; readonly height: number };
  /** The type area (版心). */
  readonly typeArea: { readonly width: number; readonly height: number };
  /**
   * Margins of an odd (right-hand) page: `inner` is the binding side (left on odd pages, right on
   * even ones); bottom and outer are what the paper leaves around the type area.
   */
  readonly margins: { readonly top: number; readonly bottom: number; readonly inner: number; readonly outer: number };
  /** Lines per page × characters per line of body text. */
  readonly grid: { readonly lines: number; readonly chars: number };
  readonly sizes: {
    /** Body text, section labels, the contents (三号 16pt in GB/T 9704). */
    readonly body: number;
    /** Article titles (二号 22pt): a title wider than the type area is broken into balanced lines at this size (layout/breakTitle.ts). */
    readonly title: number;
    /** Figure captions. */
    readonly caption: number;
    /** The distribution block (版记, 四号 14pt). */
    readonly distribution: number;
    /** Page numbers (四号 14pt). */
    readonly pageNumber: number;
    /** The red series line above the masthead, and the least it is set at to fit on one line (layout/fitMasthead.ts). */
    readonly seriesLine: number;
    readonly seriesLineMin: number;
    /** The masthead (报头) itself, and the least it is set at to fit on one line. */
    readonly masthead: number;
    readonly mastheadMin: number;
    /** Tables: one or two sizes below the body (四号 14pt), and the least a table too wide for the type area is set at (小四 12pt) before it wraps (layout/tableLayout.ts). */
    readonly table: number;
    readonly tableMin: number;
  };
  /** Lines an article title may take before validate warns (`title-too-long`). */
  readonly titleLines: number;
  /**
   * How far fitting (layout/fitCandidates.ts) may tighten the paragraphs of an article to keep its
   * last page from being near-empty (GB/T 9704 7.3.5.1: adjust line and character spacing): the
   * least line pitch (pt), and the most the letter-spacing may be tightened beyond the grid's (em of
   * the body size, negative). On the standard grid −0.035 em is the least that sets one character
   * more a line (29 × 15.25 pt in 156 mm); −0.03 em would change no line.
   */
  readonly fit: { readonly minPitchPt: number; readonly minTrackingEm: number };
  readonly pageNumber: {
    /** From the bottom of the type area to the middle of the page number's dashes (7 mm in GB/T 9704). */
    readonly below: number;
    /** Inset from the outer edge of the type area, in characters of the page number's size (one). */
    readonly inset: number;
  };
}

/** GB/T 9704 on A4: 156 × 225 mm type area 37 mm from the top and 28 mm from the binding edge, 22 lines × 28 characters of 三号. */
const STANDARD: PageGeometry = {
  preset: 'standard',
  paper: { name: 'A4', width: 210, height: 297 },
  typeArea: { width: 156, height: 225 },
  margins: { top: 37, bottom: 35, inner: 28, outer: 26 },
  grid: { lines: 22, chars: 28 },
  sizes: { body: 16, title: 22, caption: 14, distribution: 14, pageNumber: 14, seriesLine: 24, seriesLineMin: 18, masthead: 60, mastheadMin: 42, table: 14, tableMin: 12 },
  titleLines: 3,
  fit: { minPitchPt: 27.5, minTrackingEm: -0.035 },
  pageNumber: { below: 7, inset: 1 },
};

/**
 * A5 for booklets folded from A4 sheets: 小四 (12 pt) body on a 26 × 26 grid in a 114 × 168 mm type
 * area, a wider binding margin for the fold and staples, 三号 titles and 五号 page numbers.
 */
const A5_BOOKLET: PageGeometry = {
  preset: 'a5-booklet',
  paper: { name: 'A5', width: 148, height: 210 },
  typeArea: { width: 114, height: 168 },
  margins: { top: 22, bottom: 20, inner: 19, outer: 15 },
  grid: { lines: 26, chars: 26 },
  sizes: { body: 12, title: 16, caption: 10.5, distribution: 10.5, pageNumber: 10.5, seriesLine: 16, seriesLineMin: 12, masthead: 40, mastheadMin: 28, table: 10.5, tableMin: 9 },
  titleLines: 3,
  fit: { minPitchPt: 17.4, minTrackingEm: -0.04 },
  pageNumber: { below: 5, inset: 1 },
};

export const PRESETS: Readonly<Record<PresetName, PageGeometry>> = { standard: STANDARD, 'a5-booklet': A5_BOOKLET };

/** Paper sizes a series may name (ISO 216 and the Chinese 16开 sizes), in millimetres; all are CSS page size keywords or given as lengths. */
export const PAPER_SIZES: Readonly<Record<PaperName, { width: number; height: number; css: string }>> = {
  A4: { width: 210, height: 297, css: 'A4' },
  A5: { width: 148, height: 210, css: 'A5' },
  B5: { width: 176, height: 250, css: 'B5' },
  '16K': { width: 185, height: 260, css: '' },
  '32K': { width: 130, height: 184, css: '' },
};

export const MM_PER_PT = 25.4 / 72;

export function ptFromMm(mm: number): number {
  return mm / MM_PER_PT;
}

/** Distance between two lines of the grid (mm). */
export function linePitchMm(g: PageGeometry): number {
  return g.typeArea.height / g.grid.lines;
}

/** Distance between two characters of the grid (mm). */
export function charPitchMm(g: PageGeometry): number {
  return g.typeArea.width / g.grid.chars;
}
