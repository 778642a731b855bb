// Diagnostics for people: file:line:column, severity, code, message, a code frame and the hint.
import type { Diagnostic } from './diagnostic.js';
import { codeFrame } from './codeFrame.js';
import { t } from '../i18n/message.js';
import type { Lang } from '../i18n/lang.js';

/** Colour functions supplied by the caller (the CLI passes chalk's; tests pass identity). */
export interface Style {
  error(text: string): string;
  warning(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  hint(text: string): string;
}

export const plainStyle: Style = { error: (t) => t, warning: (t) => t, dim: (t) => t, bold: (t) => t, hint: (t) => t };

/** `d` as the reader sees it: its message and hint should already be in `lang` (`localize`). */
export function formatHuman(d: Diagnostic, source: string | undefined, style: Style = plainStyle, lang: Lang = 'en'): string {
  const severity = d.severity === 'error' ? style.error(t(lang, 'label.error')) : style.warning(t(lang, 'label.warning'));
  const lines = [`${style.bold(`${d.file}:${d.line}:${d.column}`)}: ${severity} ${d.message} ${style.dim(`[${d.code}]`)}`];
  // A diagnostic about the whole file (an empty span at 1:1) has no line to show.
  const wholeFile = d.line === 1 && d.column === 1 && d.endLine === 1 && d.endColumn === 1;
  if (source !== undefined && !wholeFile) {
    const frame = codeFrame(source, d.line, d.column, d.endLine, d.endColumn);
    const width = String(frame.at(-1)?.number ?? d.line).length;
    for (const f of frame) {
      const gutter = `${String(f.number).padStart(width)} | `;
      lines.push(style.dim(f.marker ? `>${gutter.slice(0)}` : ` ${gutter}`) + f.text);
      if (f.marker) lines.push(style.dim(` ${' '.repeat(width)} | `) + (d.severity === 'error' ? style.error(f.marker) : style.warning(f.marker)));
    }
  }
  if (d.hint) lines.push(`  ${style.hint(t(lang, 'label.hint'))}${lang === 'zh' ? '' : ' '}${d.hint}`);
  return lines.join('\n');
}

export function summary(diagnostics: readonly Diagnostic[], files: number, lang: Lang = 'en'): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return t(lang, 'summary.checked', { files, errors, warnings: diagnostics.length - errors });
}
