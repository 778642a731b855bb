// The text a series' own templates and stylesheets print by themselves (a 「内部资料　注意保存」 in a
// partial, a `content: "（内部）"` in a stylesheet): the fonts are subset to the text, and
// a character only a template prints must be in the subsets too, or Chrome prints an empty box
// (.notdef) in its place, which the PDF/A check refuses.
import type { TemplateSources } from './templates.js';

/** Handlebars comments and expressions, HTML comments, tags, then character references (the few a template writes). */
function literalOfTemplate(text: string): string {
  return text
    .replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, ' ')
    .replace(/\{\{[\s\S]*?\}\}/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|nbsp|amp|lt|gt|quot);/gi, (_, dec: string | undefined, hex: string | undefined) => (dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ' '));
}

/** The strings of `content:` declarations (generated text is printed too). */
function literalOfStylesheet(text: string): string {
  const out: string[] = [];
  for (const m of text.matchAll(/content\s*:([^;}]*)/g)) for (const s of m[1]!.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)) out.push((s[1] ?? s[2] ?? '').replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))));
  return out.join(' ');
}

/** What the series' own files (under `root`) print besides the issue's text; '' for bulletin's templates. */
export function templateText(sources: TemplateSources, root: string | undefined): string {
  if (!root) return '';
  const own = (name: string) => name.startsWith(`${root}/`);
  const parts = [sources.main, ...sources.partials.values()].filter((t) => own(t.name)).map((t) => literalOfTemplate(t.text));
  parts.push(...sources.stylesheets.filter((s) => s.series).map((s) => literalOfStylesheet(s.text)));
  return parts.join(' ').replace(/[ \t\r\n]+/g, ' ').trim();
}
