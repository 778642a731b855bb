// Series data validated by the schema → the resolved Series, with every default filled in: the
// schema's `default` values (SERIES_DEFAULTS, generated from it) and the preset's geometry.
import path from 'node:path';
import type { Series, FontRole } from '../model/types.js';
import { lintRules, type LintRules } from '../lint/lintCodes.js';
import type { PageGeometry } from '../layout/presets.js';
import { resolveGeometry } from '../layout/resolveGeometry.js';
import { SERIES_DEFAULTS, type SeriesData } from '../source/schemaTypes.js';

/** The shape of bulletin.yaml after schema validation: generated from schemas/series.schema.json. */
export type { SeriesData };

/** The level of each copy-editing check: the series' `lint.rules` over the schema's default. */
export function seriesLintRules(levels: NonNullable<SeriesData['lint']>['rules'] = {}): LintRules {
  return lintRules({ ...SERIES_DEFAULTS.lint.rules, ...levels });
}

/**
 * `geometry` is the page resolved from `layout` (see layout/resolveGeometry.ts). `fontFiles` maps each role to the checked real path of its font file (roles whose file failed the
 * checks are left out, so the default face is used).
 */
/** A last page of this many lines of text or fewer is near-empty: fitting tries to pull them back (issue 16). */
export const DEFAULT_MIN_LAST_PAGE_LINES = 4;

export function resolveSeries(data: SeriesData, root: string, file: string, fontFiles: Partial<Record<FontRole, string>>, geometry: PageGeometry = resolveGeometry(data.layout).geometry): Series {
  const fonts: Series['fonts'] = {};
  for (const [role, real] of Object.entries(fontFiles) as [FontRole, string][]) {
    const declared = data.fonts?.[role];
    fonts[role] = { family: declared?.family ?? `bulletin-${role}`, file: real };
  }
  return {
    root,
    file,
    seriesLine: data.series,
    name: data.name,
    publisher: data.publisher,
    issuesDir: path.join(root, data.issues ?? SERIES_DEFAULTS.issues),
    layout: {
      preset: geometry.preset,
      geometry,
      pageNumber: data.layout?.pageNumber ?? SERIES_DEFAULTS.layout.pageNumber,
      dateStyle: data.layout?.dateStyle ?? SERIES_DEFAULTS.layout.dateStyle,
      accent: data.layout?.colors?.accent ?? SERIES_DEFAULTS.layout.colors.accent,
      text: data.layout?.colors?.text ?? SERIES_DEFAULTS.layout.colors.text,
      duplex: data.layout?.duplex ?? SERIES_DEFAULTS.layout.duplex,
      bodyStartsOn: data.layout?.bodyStartsOn ?? SERIES_DEFAULTS.layout.bodyStartsOn,
      notes: data.layout?.notes ?? SERIES_DEFAULTS.layout.notes,
      fit: data.layout?.fit === 'off' ? 'off' : { minLastPageLines: data.layout?.fit?.minLastPageLines ?? DEFAULT_MIN_LAST_PAGE_LINES },
    },
    fonts,
    numbering: {
      supplementsCountInTotal: data.numbering?.supplementsCountInTotal ?? SERIES_DEFAULTS.numbering.supplementsCountInTotal,
      start: data.numbering?.start,
    },
    distribution: {
      report: data.distribution?.report ?? [],
      send: data.distribution?.send ?? [],
      distribute: data.distribution?.distribute ?? [],
      copies: data.distribution?.copies,
    },
    markdown: { lineBreaks: data.markdown?.lineBreaks ?? SERIES_DEFAULTS.markdown.lineBreaks },
    tables: {
      numbering: data.tables?.numbering ?? SERIES_DEFAULTS.tables.numbering,
      style: data.tables?.style ?? SERIES_DEFAULTS.tables.style,
    },
    lint: { rules: seriesLintRules(data.lint?.rules) },
    signoff: { labels: data.signoff?.labels ?? SERIES_DEFAULTS.signoff.labels, place: data.signoff?.place ?? SERIES_DEFAULTS.signoff.place },
    singleArticle: { cover: data.singleArticle?.cover ?? SERIES_DEFAULTS.singleArticle.cover },
    images: {
      printPpi: data.images?.printPpi ?? SERIES_DEFAULTS.images.printPpi,
      jpegQuality: data.images?.jpegQuality ?? SERIES_DEFAULTS.images.jpegQuality,
      minPpi: data.images?.minPpi ?? SERIES_DEFAULTS.images.minPpi,
      maxPpi: data.images?.maxPpi ?? SERIES_DEFAULTS.images.maxPpi,
    },
    output: {
      pdfBudgetMB: data.output?.pdfBudgetMB ?? SERIES_DEFAULTS.output.pdfBudgetMB,
      htmlFonts: data.output?.htmlFonts ?? SERIES_DEFAULTS.output.htmlFonts,
      htmlSingle: data.output?.htmlSingle ?? SERIES_DEFAULTS.output.htmlSingle,
      htmlSingleBudgetMB: data.output?.htmlSingleBudgetMB ?? SERIES_DEFAULTS.output.htmlSingleBudgetMB,
      pdfa: data.output?.pdfa ?? SERIES_DEFAULTS.output.pdfa,
      wechat: {
        distribution: data.output?.wechat?.distribution ?? SERIES_DEFAULTS.output.wechat.distribution,
        embedImages: data.output?.wechat?.embedImages ?? SERIES_DEFAULTS.output.wechat.embedImages,
      },
      ofd: data.output?.ofd ?? SERIES_DEFAULTS.output.ofd,
    },
  };
}
