// The names an issue's outputs take, and the rule that no two outputs of one build share a name.
// An issue file `<name>.yaml` writes `<name>.pdf`, `<name>.html` and `<name>_files/`; the build also
// writes `index.html` and `yearbook-YEAR.pdf`. Names are compared as a case-insensitive file system
// (macOS, Windows, an artifact unpacked there) and Unicode normalisation (NFC) would: `A.yaml` and
// `a.yaml`, or an `é` written in one code point or two, would overwrite each other there.
import { msg, type Message } from '../i18n/message.js';
import path from 'node:path';
import { codeHint, diagnostic, FILE_START, type Diagnostic } from '../diagnostics/diagnostic.js';

/** The base name of an issue's outputs: its file name without `.yaml` / `.yml`. */
export function slugOf(file: string): string {
  return path.basename(file).replace(/\.ya?ml$/i, '');
}

/** The folder of an issue's HTML page: its stylesheets, fonts and images. */
export function assetsFolder(slug: string): string {
  return `${slug}_files`;
}

/** The form two output names are compared in. */
export function outputKey(slug: string): string {
  return slug.normalize('NFC').toLowerCase();
}

/** Why an issue's name cannot be an output name, or undefined when it can. */
export function reservedName(slug: string): Message | undefined {
  const key = outputKey(slug);
  if (key === 'index') return msg('output-name-reserved.index');
  if (key.endsWith('.single')) return msg('output-name-reserved.single', { slug, issue: slug.slice(0, -'.single'.length) });
  if (/^yearbook-\d+$/.test(key)) return msg('output-name-reserved.yearbook', { slug });
  if (slug === '' || slug.startsWith('.')) return msg('output-name-reserved.hidden');
  if (/[\\\u0000-\u001f\u007f]/.test(slug)) return msg('output-name-reserved.characters');
  return undefined;
}

/**
 * The issue files of one series whose outputs would overwrite another's or a file the build writes
 * itself: one error per file, at its start (the problem is its name), naming the other file.
 * `display` shows a file as diagnostics do.
 */
export function checkOutputNames(files: readonly string[], display: (file: string) => string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byKey = new Map<string, string[]>();
  for (const file of files) {
    const slug = slugOf(file);
    const reserved = reservedName(slug);
    if (reserved) {
      out.push(diagnostic(display(file), FILE_START, 'error', 'output-name-reserved', msg('output-name-reserved', { file: path.basename(file), reason: reserved }),
        codeHint('output-name-reserved')));
      continue;
    }
    const key = outputKey(slug);
    byKey.set(key, [...(byKey.get(key) ?? []), file]);
  }
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const file of group) {
      const others = group.filter((f) => f !== file).map((f) => `\`${display(f)}\``).join(', ');
      out.push(diagnostic(display(file), FILE_START, 'error', 'output-name-duplicate',
        msg('output-name-duplicate.files', { file: display(file), slug: slugOf(file), others }),
        codeHint('output-name-duplicate')));
    }
  }
  return out;
}

/**
 * Issues of several series built into one folder: the first two whose outputs share a name, as a
 * sentence, or undefined. (Within a series validation has refused them already.)
 */
export function outputClash(issues: readonly { file: string; slug: string }[], display: (file: string) => string): Message | undefined {
  const seen = new Map<string, { file: string; slug: string }>();
  for (const issue of issues) {
    const key = outputKey(issue.slug);
    const other = seen.get(key);
    if (other && other.file !== issue.file) {
      return msg('output-names.clash', { first: display(other.file), second: display(issue.file), slug: issue.slug });
    }
    seen.set(key, issue);
  }
  return undefined;
}
