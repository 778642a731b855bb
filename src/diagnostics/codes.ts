// The closed list of diagnostic codes: every problem bulletin can report, with its default severity.
// What each says in general and what to do about it are in the message catalogue, in English and
// Chinese, under the code and `<code>.hint` (src/i18n/messages/codes.ts).
import { LINT_CODES, type LintCode } from '../lint/lintCodes.js';

export type Severity = 'error' | 'warning';

export { LINT_CODES, type LintCode };

export interface CodeInfo {
  /** How the problem is reported (a series may set the level of each text-* check). */
  severity: Severity;
}

/** The copy-editing checks: keyed by the lint list, so a check added there must be described here. */
const TEXT_CODES: Record<LintCode, CodeInfo> = {
  'text-halfwidth-punct': { severity: 'warning' },
  'text-straight-quotes': { severity: 'warning' },
  'text-unbalanced': { severity: 'warning' },
  'text-dash': { severity: 'warning' },
  'text-ellipsis': { severity: 'warning' },
  'text-range-tilde': { severity: 'warning' },
  'text-year-range': { severity: 'warning' },
  'text-title-period': { severity: 'warning' },
  'text-ordinal': { severity: 'warning' },
  'text-date-zero': { severity: 'warning' },
  'text-date-mixed': { severity: 'warning' },
  'text-issue-number-padded': { severity: 'warning' },
  'text-cjk-space': { severity: 'warning' },
};

export const DIAGNOSTIC_CODES = {
  // Reading a source file, before it is parsed.
  'source-missing': { severity: 'error' },
  'source-unreadable': { severity: 'error' },
  'source-outside': { severity: 'error' },
  'source-not-file': { severity: 'error' },
  'source-too-large': { severity: 'error' },
  'source-encoding': { severity: 'error' },
  'source-encoding-gbk': { severity: 'error' },

  // YAML syntax and the safe profile (src/source/parseYaml.ts).
  'yaml-syntax': { severity: 'error' },
  'yaml-empty': { severity: 'error' },
  'yaml-not-mapping': { severity: 'error' },
  'yaml-multiple-documents': { severity: 'error' },
  'yaml-too-deep': { severity: 'error' },
  'yaml-alias-limit': { severity: 'error' },
  'yaml-bad-alias': { severity: 'error' },
  'yaml-alias-props': { severity: 'error' },
  'yaml-multiple-anchors': { severity: 'error' },
  'yaml-bad-prop-order': { severity: 'error' },
  'yaml-tag': { severity: 'error' },
  'yaml-leading-zero': { severity: 'error' },
  'yaml-lone-surrogate': { severity: 'error' },
  'yaml-unclosed-bracket': { severity: 'error' },
  'yaml-missing-char': { severity: 'error' },
  'yaml-duplicate-key': { severity: 'error' },
  'yaml-tab-as-indent': { severity: 'error' },
  'yaml-bad-indent': { severity: 'error' },
  'yaml-bad-dq-escape': { severity: 'error' },
  'yaml-bad-scalar-start': { severity: 'error' },
  'yaml-block-as-implicit-key': { severity: 'error' },
  'yaml-block-in-flow': { severity: 'error' },
  'yaml-multiline-implicit-key': { severity: 'error' },
  'yaml-key-over-1024-chars': { severity: 'error' },
  'yaml-unexpected-token': { severity: 'error' },
  'yaml-bad-directive': { severity: 'error' },

  // The JSON Schemas (src/source/schemaCheck.ts).
  'schema-unknown-key': { severity: 'error' },
  'schema-missing-key': { severity: 'error' },
  'schema-type': { severity: 'error' },
  'schema-enum': { severity: 'error' },
  'schema-range': { severity: 'error' },
  'schema-format': { severity: 'error' },
  'schema-invalid': { severity: 'error' },

  // One issue (src/source/loadIssue.ts).
  'year-mismatch': { severity: 'error' },
  'total-less-than-number': { severity: 'error' },
  'special-without-label': { severity: 'error' },
  'label-without-special': { severity: 'error' },
  'total-missing': { severity: 'error' },
  'total-ignored': { severity: 'warning' },
  'section-empty': { severity: 'warning' },
  'articles-with-sections': { severity: 'error' },
  'sections-none': { severity: 'error' },
  'signoff-label': { severity: 'error' },
  'title-too-long': { severity: 'warning' },
  'id-duplicate': { severity: 'error' },
  'figure-paragraph': { severity: 'error' },
  // Figures: one photo or a group side by side, at a size the page holds (src/layout/figureScaling.ts).
  'figure-images': { severity: 'error' },
  'figure-scaled': { severity: 'warning' },

  // Article bodies and notes, and every other printed text (src/model/parseBody.ts, src/source/checkPlainTexts.ts).
  'body-raw-html': { severity: 'error' },
  'body-image': { severity: 'error' },
  'body-link': { severity: 'error' },
  'body-markdown-unsupported': { severity: 'warning' },
  'body-long-url': { severity: 'warning' },
  'body-stray-emphasis-mark': { severity: 'warning' },
  'body-lines-joined': { severity: 'warning' },
  // Notes (`[^1]`, src/model/parseBody.ts with markdown-it-footnote).
  'footnote-undefined': { severity: 'error' },
  'footnote-unused': { severity: 'warning' },
  'body-code': { severity: 'error' },

  // Tables: pipe tables of a body (src/model/tableRules.ts) and the files of an article's `tables:` (src/model/readTableFile.ts).
  'table-malformed': { severity: 'error' },
  'table-ragged': { severity: 'error' },
  'table-too-many-columns': { severity: 'error' },
  'table-too-many-rows': { severity: 'error' },
  'table-empty': { severity: 'warning' },
  'table-too-wide': { severity: 'warning' },
  'table-file-outside': { severity: 'error' },
  'table-file-missing': { severity: 'error' },
  'table-file-not-file': { severity: 'error' },
  'table-paragraph': { severity: 'error' },
  'table-file-unreadable': { severity: 'error' },
  'table-file-too-large': { severity: 'error' },
  'table-file-type': { severity: 'error' },
  'table-file-damaged': { severity: 'error' },
  'table-sheet-missing': { severity: 'error' },
  'table-range': { severity: 'error' },

  // `bulletin import`: a Word submission read into an article source (src/import/).
  'import-not-docx': { severity: 'error' },
  'import-encrypted': { severity: 'error' },
  'import-damaged': { severity: 'error' },
  'import-too-large': { severity: 'error' },
  'import-too-long': { severity: 'error' },
  'import-macros': { severity: 'error' },
  'import-external': { severity: 'warning' },
  'import-tracked-changes': { severity: 'warning' },
  'import-comments': { severity: 'warning' },
  'import-image-skipped': { severity: 'warning' },
  'import-no-title': { severity: 'warning' },

  // Files named by a source: figures (src/model/checkAsset.ts, then the type and size sniffed).
  'image-outside': { severity: 'error' },
  'image-missing': { severity: 'error' },
  'image-unreadable': { severity: 'error' },
  'image-not-file': { severity: 'error' },
  'image-too-large': { severity: 'error' },
  'image-type': { severity: 'error' },
  'image-svg-malformed': { severity: 'error' },
  'image-svg-active': { severity: 'warning' },
  'image-damaged': { severity: 'error' },
  'figure-svg-text': { severity: 'warning' },
  'image-svg-invalid': { severity: 'error' },
  'image-svg-complex': { severity: 'error' },
  // What the image pipeline will change (src/model/imageFeatures.ts, src/images/), and what it refuses.
  'image-heic': { severity: 'error' },
  'image-extension': { severity: 'warning' },
  'image-animated': { severity: 'warning' },
  'image-16bit': { severity: 'warning' },
  'image-cmyk': { severity: 'warning' },
  'image-decode': { severity: 'error' },
  'image-resolution': { severity: 'warning' },
  'html-single-over-budget': { severity: 'warning' },
  'ofd-content-skipped': { severity: 'error' },
  'pdf-over-budget': { severity: 'warning' },
  'image-dimensions': { severity: 'error' },

  // Font files named in bulletin.yaml (src/model/checkAsset.ts, src/source/loadSeries.ts).
  'font-outside': { severity: 'error' },
  'font-missing': { severity: 'error' },
  'font-unreadable': { severity: 'error' },
  'font-not-file': { severity: 'error' },
  'font-too-large': { severity: 'error' },
  'font-type': { severity: 'error' },
  'font-face-missing': { severity: 'error' },
  'font-convert': { severity: 'error' },
  'font-type3': { severity: 'error' },
  'layout-impossible': { severity: 'error' },
  'series-line-too-long': { severity: 'warning' },
  'masthead-too-long': { severity: 'warning' },

  // Numbering across the series (src/model/checkNumbering.ts).
  'number-gap': { severity: 'error' },
  'number-duplicate': { severity: 'error' },
  'total-gap': { severity: 'error' },
  'total-duplicate': { severity: 'error' },
  'before-start': { severity: 'error' },
  'date-order': { severity: 'error' },

  // The series as a whole (src/validate.ts).
  'series-missing': { severity: 'error' },
  'series-no-issues': { severity: 'warning' },
  'output-name-duplicate': { severity: 'error' },
  'output-name-reserved': { severity: 'error' },

  // The printed text of a source (src/source/printedFields.ts, src/check/).
  'glyph-missing': { severity: 'warning' },
  'control-character': { severity: 'error' },

  // Found while building (src/renderIssue.ts, src/render/sanitizeHtml.ts).
  'template-content-removed': { severity: 'warning' },
  'resource-blocked': { severity: 'warning' },
  // Fitting the last page (src/print/fitLastPage.ts, issue 16).
  'fit-failed': { severity: 'warning' },
  // Notes at the page foot (src/print/placeNotes.ts, layout.notes: page).
  'notes-at-end': { severity: 'warning' },

  // Copy-editing (src/lint/).
  ...TEXT_CODES,
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.hasOwn(DIAGNOSTIC_CODES, code);
}

/**
 * A code that comes as a plain string from a module that does not type it yet (the body checks of
 * src/model/markdownParser.ts). A code missing from the list is a bug of bulletin, not of the source.
 */
export function diagnosticCode(code: string): DiagnosticCode {
  if (!isDiagnosticCode(code)) throw new Error(`diagnostic code \`${code}\` is not in src/diagnostics/codes.ts`);
  return code;
}
