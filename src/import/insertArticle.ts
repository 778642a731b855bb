// Puts a new article into an issue file's text as a text insertion: the article's YAML is written
// at the end of the section's `articles:` list (or of the issue's own `articles:`), a section is
// added at the end of `sections:` when none has the label, and everything outside the inserted
// block stays byte for byte as it was (comments, order, quoting). The result is parsed again and
// must hold the article asked for, or nothing is returned. Pure: text in, text out.
import { isMap, isScalar, isSeq, parseDocument, stringify, type Node } from '../vendor/yaml.js';
import { msg, render, type Message } from '../i18n/message.js';

export interface Insertion {
  text: string;
  /** The 1-based line of the inserted article's first line (`- title: …`). */
  line: number;
  /** Whether a new section was added for it. */
  newSection: boolean;
}

/** Why an article cannot be added to the issue file: `text` is the message, `message` it in English. */
export class InsertError extends Error {
  constructor(readonly text: Message) {
    super(render(text, 'en'));
  }
}

/** The YAML of one list item (`- title: …`), each line indented by `indent` spaces. */
export function articleItemYaml(article: Record<string, unknown>, indent: number): string {
  const yaml = stringify(article, { blockQuote: 'literal', lineWidth: 0, indent: 2 });
  const pad = ' '.repeat(indent);
  return yaml
    .trimEnd()
    .split('\n')
    .map((line, k) => (k === 0 ? `${pad}- ${line}` : line === '' ? '' : `${pad}  ${line}`))
    .join('\n')
    .concat('\n');
}

const column = (text: string, offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** The offset of the start of the line after the one `offset` is in (or the end of the text). */
function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** Inserts `article` into the section labelled `section` (the first section when none is named; the issue's `articles:` when it has no sections). */
export function insertArticle(text: string, article: Record<string, unknown>, section: string | undefined): Insertion {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length) throw new InsertError(msg('import.insert.yaml-errors', { reason: doc.errors[0]!.message.split('\n')[0]! }));
  const root = doc.contents;
  if (!isMap(root)) throw new InsertError(msg('import.insert.not-mapping'));
  const sections = root.get('sections', true);
  const articles = root.get('articles', true);

  let result: { text: string; at: number; newSection: boolean };
  if (sections === undefined && articles !== undefined) {
    if (section !== undefined) throw new InsertError(msg('import.insert.no-sections', { section }));
    result = { ...appendItem(text, articles as Node, keyColumn(text, root, 'articles'), article), newSection: false };
  } else if (isSeq(sections)) {
    const target = section === undefined ? sections.items[0] : sections.items.find((s) => isMap(s) && s.get('label') === section);
    if (target && isMap(target)) {
      const list = target.get('articles', true);
      if (!list) throw new InsertError(msg('import.insert.no-articles'));
      result = { ...appendItem(text, list as Node, keyColumn(text, target, 'articles'), article), newSection: false };
    } else {
      const label = section ?? '工作动态';
      const item = { label, articles: [article] };
      result = { ...appendItem(text, sections, keyColumn(text, root, 'sections'), item), newSection: true };
    }
  } else if (sections === undefined) {
    // Neither key: the sections start here.
    const label = section ?? '工作动态';
    const body = `${text.endsWith('\n') || text === '' ? '' : '\n'}sections:\n${articleItemYaml({ label, articles: [article] }, 2)}`;
    result = { text: text + body, at: text.length + body.indexOf('  - '), newSection: true };
  } else throw new InsertError(msg('import.insert.sections-not-list'));

  // Read back: the new text must parse, and hold the article asked for.
  const check = parseDocument(result.text);
  if (check.errors.length) throw new InsertError(msg('import.insert.unreadable', { reason: check.errors[0]!.message.split('\n')[0]! }));
  const found = JSON.stringify(check.toJS()).includes(JSON.stringify(article).slice(1, -1));
  if (!found) throw new InsertError(msg('import.insert.not-found'));
  // The line of `- title:` (a new section's item starts with `- label:`, its article two lines down).
  let line = lineOf(result.text, result.at);
  if (result.newSection) line += 2;
  return { text: result.text, line, newSection: result.newSection };
}

/** The column of a key of a mapping. */
function keyColumn(text: string, map: { items: { key: unknown }[] }, key: string): number {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  const range = (pair?.key as Node | undefined)?.range;
  return range ? column(text, range[0]) : 0;
}

/** Adds an item at the end of a sequence node: after its last item when it is a block list, in place of `[]` when it is empty. */
function appendItem(text: string, list: Node, keyCol: number, value: Record<string, unknown>): { text: string; at: number } {
  if (!isSeq(list)) throw new InsertError(msg('import.insert.expected-list'));
  const range = list.range!;
  if (list.flow) {
    if (list.items.length > 0) throw new InsertError(msg('import.insert.flow-list', { line: lineOf(text, range[0]) }));
    // `articles: []` → `articles:` and the item on the next lines, indented under the key.
    const item = articleItemYaml(value, keyCol + 2);
    const before = text.slice(0, range[0]).replace(/[ \t]+$/, '');
    const after = text.slice(range[1]);
    const rest = after.startsWith('\n') ? after.slice(1) : after.replace(/^[ \t]*(#[^\n]*)?\n?/, '');
    const at = before.length + 1;
    return { text: `${before}\n${item}${rest}`, at };
  }
  const last = list.items.at(-1) as Node | undefined;
  const first = list.items[0] as Node | undefined;
  if (!last || !first) throw new InsertError(msg('import.insert.expected-list'));
  // The column of the list's dashes: where its first item's line starts with `-`.
  const firstLine = text.lastIndexOf('\n', first.range![0] - 1) + 1;
  const dash = text.slice(firstLine).search(/-/);
  const at = nextLineStart(text, Math.max(last.range![1], last.range![2]) - 1);
  const item = articleItemYaml(value, dash);
  const prefix = text.slice(0, at);
  return { text: `${prefix}${prefix.endsWith('\n') || prefix === '' ? '' : '\n'}${item}${text.slice(at)}`, at: prefix.endsWith('\n') ? at : at + 1 };
}
