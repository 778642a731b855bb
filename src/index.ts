// The library API of bulletin: what the command line uses and what scripts may import.
export { validate, type ValidateOptions, type ValidateResult } from './validate.js';
export { fixFiles, type FixResult, type FixChange } from './fixFiles.js';
export { lintText } from './lint/lintText.js';
export { LINT_CODES, type LintCode, type LintLevel } from './lint/lintCodes.js';
export type { TextFinding, TextFix, TextKind } from './lint/types.js';
export type { Diagnostic, Severity, Span } from './diagnostics/diagnostic.js';
export { DIAGNOSTIC_CODES, type DiagnosticCode, type CodeInfo } from './diagnostics/codes.js';
export { ExitCode, BulletinError } from './diagnostics/exitCodes.js';
export type { Issue, Series, Section, Article, Figure, TocEntry, Pagination } from './model/types.js';
export { formatDate, parsePlainDate, type PlainDate } from './model/chineseDate.js';
export { inspect, type InspectOptions, type InspectResult } from './inspect.js';
export type { IssueView } from './render/viewModel.js';
export type { PageState, PaginatedIssue } from './model/pagination.js';
export type { PageGeometry, PresetName } from './layout/presets.js';
export { PRESETS } from './layout/presets.js';
export { WRITERS, type WriterName } from './writers/writers.js';
export { build, type BuildOptions, type BuildResult, type BuildEvent } from './pipeline.js';
export { preview, type PreviewOptions, type PreviewHandle } from './preview/preview.js';
