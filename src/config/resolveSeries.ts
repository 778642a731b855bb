// Series data validated by the schema → the resolved Series, with every default filled in.
import path from 'node:path';
import type { Series, FontRole, PageNumberForm } from '../model/types.js';
import type { DateStyle } from '../model/chineseDate.js';
import { lintRules } from '../lint/lintCodes.js';
import type { PageGeometry } from '../layout/presets.js';
import { resolveGeometry } from '../layout/resolveGeometry.js';
import type { SeriesData } from '../source/schemaTypes.js';

/** The shape of bulletin.yaml after schema validation: generated from schemas/series.schema.json. */
export type { SeriesData };

export const SERIES_DEFAULTS = {
  issues: 'issues',
  pageNumber: '— N —' as PageNumberForm,
  dateStyle: 'hanzi' as DateStyle,
  accent: '#E60012',
  text: '#000000',
};

/**
 * `geometry` is the page resolved from `layout` (see layout/resolveGeometry.ts). `fontFiles` maps each role to the checked real path of its font file (roles whose file failed the
 * checks are left out, so the default face is used).
 */
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
      pageNumber: data.layout?.pageNumber ?? SERIES_DEFAULTS.pageNumber,
      dateStyle: data.layout?.dateStyle ?? SERIES_DEFAULTS.dateStyle,
      accent: data.layout?.colors?.accent ?? SERIES_DEFAULTS.accent,
      text: data.layout?.colors?.text ?? SERIES_DEFAULTS.text,
    },
    fonts,
    numbering: {
      supplementsCountInTotal: data.numbering?.supplementsCountInTotal ?? false,
      start: data.numbering?.start,
    },
    distribution: {
      report: data.distribution?.report ?? [],
      send: data.distribution?.send ?? [],
      distribute: data.distribution?.distribute ?? [],
      copies: data.distribution?.copies,
    },
    lint: { rules: lintRules(data.lint?.rules) },
  };
}
