// YAML text → document with positions, under a strict, safe profile (core schema, no tags, no merge keys).
import { parseAllDocuments, LineCounter, visit, isAlias, isNode, isScalar, type Document, type DocumentOptions, type ErrorCode, type ParseOptions, type SchemaOptions } from '../vendor/yaml.js';
import { diagnostic, type Diagnostic, type DiagnosticCode, type Span } from '../diagnostics/diagnostic.js';
import { msg, type Message } from '../i18n/message.js';

/** More aliases than this is an alias bomb, not a bulletin. */
export const MAX_ALIASES = 50;

export interface ParsedYaml {
  /** The plain data (only when there were no errors). */
  data: unknown;
  doc: Document | undefined;
  lineCounter: LineCounter;
  diagnostics: Diagnostic[];
}

// The core schema even under `%YAML 1.1`: dates stay strings, `no` stays a string, `<<` is a plain key.
const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'core',
  version: '1.2',
  merge: false,
  uniqueKeys: true,
  strict: true,
  prettyErrors: false,
  customTags: [],
  intAsBigInt: false,
  logLevel: 'error',
};

export function offsetSpan(lineCounter: LineCounter, start: number, end: number): Span {
  const a = lineCounter.linePos(start);
  const b = lineCounter.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/**
 * The code of each error of the yaml parser (hints in codes.ts). Every code of the parser's type is
 * named, so a new one in a yaml upgrade fails to compile here. The ones a source cannot cause under
 * this profile share a code with the problem they would be: stack exhaustion is refused earlier as
 * too deep, a second document is found by parseAllDocuments, any tag is refused.
 */
const PARSER_CODES: Record<ErrorCode, DiagnosticCode> = {
  ALIAS_PROPS: 'yaml-alias-props',
  BAD_ALIAS: 'yaml-bad-alias',
  BAD_COLLECTION_TYPE: 'yaml-tag',
  BAD_DIRECTIVE: 'yaml-bad-directive',
  BAD_DQ_ESCAPE: 'yaml-bad-dq-escape',
  BAD_INDENT: 'yaml-bad-indent',
  BAD_PROP_ORDER: 'yaml-bad-prop-order',
  BAD_SCALAR_START: 'yaml-bad-scalar-start',
  BLOCK_AS_IMPLICIT_KEY: 'yaml-block-as-implicit-key',
  BLOCK_IN_FLOW: 'yaml-block-in-flow',
  DUPLICATE_KEY: 'yaml-duplicate-key',
  IMPOSSIBLE: 'yaml-syntax',
  KEY_OVER_1024_CHARS: 'yaml-key-over-1024-chars',
  MISSING_CHAR: 'yaml-missing-char',
  MULTILINE_IMPLICIT_KEY: 'yaml-multiline-implicit-key',
  MULTIPLE_ANCHORS: 'yaml-multiple-anchors',
  MULTIPLE_DOCS: 'yaml-multiple-documents',
  MULTIPLE_TAGS: 'yaml-tag',
  NON_STRING_KEY: 'yaml-syntax',
  RESOURCE_EXHAUSTION: 'yaml-too-deep',
  TAB_AS_INDENT: 'yaml-tab-as-indent',
  TAG_RESOLVE_FAILED: 'yaml-tag',
  UNEXPECTED_TOKEN: 'yaml-unexpected-token',
};

/** Any half of a surrogate pair: a quick test before the one with look-arounds, on every text. */
const SURROGATE = /[\ud800-\udfff]/;
/** Half of a surrogate pair without the other half. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Deeper than this is not a bulletin: refused before the parser can exhaust the stack. */
export const MAX_NESTING = 64;

/**
 * Cheap scan for flow brackets and indentation deeper than any source needs. Quoted text and the
 * content of block scalars (`body: |`, where `[0, 1)` is just text) are skipped.
 */
function tooDeep(text: string): number | undefined {
  let depth = 0;
  let blockIndent = -1; // inside a block scalar: lines indented more than this are its content
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) continue;
      blockIndent = -1;
    }
    if (indent > MAX_NESTING * 4) return start + indent;
    let quote: string | undefined;
    for (let i = indent; i < line.length; i++) {
      const c = line[i]!;
      if (quote) {
        if (c === quote && line[i - 1] !== '\\') quote = undefined;
        continue;
      }
      if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
      if (c === '"' || c === "'") {
        if (depth > 0 || i === indent || /[:\-,[{]\s*$/.test(line.slice(0, i))) quote = c;
      } else if (c === '[' || c === '{') {
        depth += 1;
        if (depth > MAX_NESTING) return start + i;
      } else if ((c === ']' || c === '}') && depth > 0) depth -= 1;
    }
    if (depth === 0 && /(^|[:\s-])[|>][0-9+-]*\s*(#.*)?$/.test(line.replace(/\s+$/, ''))) blockIndent = indent;
  }
  return undefined;
}

/** The start of a quoted scalar left open: the first line with an odd number of unescaped double quotes. */
function openQuote(text: string): number | undefined {
  let offset = 0;
  for (const line of text.split('\n')) {
    const body = line.replace(/\\./g, '').replace(/(^|\s)#.*$/, '');
    const quotes = [...body.matchAll(/"/g)];
    if (quotes.length % 2 === 1) return offset + line.indexOf('"');
    offset += line.length + 1;
  }
  return undefined;
}

/**
 * The `[` or `{` left open before `before`: the last opener without its closer, outside quotes and
 * comments (the parser reports an unclosed flow collection where it gave up, lines further down).
 */
function openBracket(text: string, before: number): number | undefined {
  const open: number[] = [];
  let offset = 0;
  for (const line of text.slice(0, before).split('\n')) {
    let quote = '';
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (quote) {
        if (c === '\\' && quote === '"') i += 1;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
      else if (c === '[' || c === '{') open.push(offset + i);
      else if ((c === ']' || c === '}') && open.length) open.pop();
    }
    offset += line.length + 1;
  }
  return open.at(-1);
}

/** A line counter filled without parsing (for files refused before the parser runs). */
function lineCounterFor(text: string, lineCounter: LineCounter): void {
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
}

/**
 * The parser's own text as a catalogue message: the problems editors meet (indentation, a missing
 * comma, a stray token) in words of their own; the library's English only where nothing better fits.
 */
function parserMessage(code: ErrorCode, text: string): Message {
  const reason = { reason: text };
  switch (code) {
    case 'TAB_AS_INDENT': return msg('yaml-tab-as-indent');
    case 'BAD_INDENT':
      if (/^All mapping items/.test(text)) return msg('yaml-bad-indent.mapping');
      if (/^All sequence items/.test(text)) return msg('yaml-bad-indent.sequence');
      return msg('yaml-bad-indent', reason);
    case 'MISSING_CHAR':
      if (/^Implicit map keys need to be followed/.test(text)) return msg('yaml-missing-char.map-value');
      if (/^Missing , (or : )?between/.test(text)) return msg('yaml-missing-char.comma');
      if (/^Missing space after :/.test(text)) return msg('yaml-missing-char.colon-space');
      if (/^Comments must be separated/.test(text)) return msg('yaml-missing-char.comment-space');
      if (/^Sequence item without -/.test(text)) return msg('yaml-missing-char.dash');
      if (/^Missing directives-end/.test(text)) return msg('yaml-missing-char.directive');
      return msg('yaml-missing-char', reason);
    case 'BAD_DQ_ESCAPE': {
      const escape = /Invalid escape sequence (.+)$/.exec(text)?.[1];
      return escape ? msg('yaml-bad-dq-escape', { escape }) : msg('yaml.parser', reason);
    }
    case 'BAD_SCALAR_START': {
      const char = /cannot start with (.+)$/.exec(text)?.[1];
      return char ? msg('yaml-bad-scalar-start', { char }) : msg('yaml.parser', reason);
    }
    case 'BAD_PROP_ORDER': {
      const indicator = /after the (\S+) indicator/.exec(text)?.[1];
      return indicator ? msg('yaml-bad-prop-order', { indicator }) : msg('yaml.parser', reason);
    }
    case 'BAD_COLLECTION_TYPE':
    case 'MULTIPLE_TAGS':
    case 'TAG_RESOLVE_FAILED': {
      const tag = /!\S*/.exec(text)?.[0];
      return tag ? msg('yaml-tag', { tag }) : msg('yaml-tag.unnamed');
    }
    case 'UNEXPECTED_TOKEN':
      if (/at node end$/.test(text)) return msg('yaml-unexpected-token.after-value');
      if (/^Unexpected , in/.test(text)) return msg('yaml-unexpected-token.comma');
      return msg('yaml.parser', reason);
    case 'ALIAS_PROPS': return msg('yaml-alias-props');
    case 'MULTIPLE_ANCHORS': return msg('yaml-multiple-anchors');
    case 'BLOCK_AS_IMPLICIT_KEY': return msg('yaml-block-as-implicit-key');
    case 'BLOCK_IN_FLOW': return msg('yaml-block-in-flow');
    case 'MULTILINE_IMPLICIT_KEY': return msg('yaml-multiline-implicit-key');
    case 'KEY_OVER_1024_CHARS': return msg('yaml-key-over-1024-chars');
    case 'MULTIPLE_DOCS': return msg('yaml-multiple-documents');
    case 'RESOURCE_EXHAUSTION': return msg('yaml-too-deep', { limit: MAX_NESTING });
    case 'BAD_DIRECTIVE': return msg('yaml-bad-directive', reason);
    case 'IMPOSSIBLE':
    case 'NON_STRING_KEY': return msg('yaml-syntax', reason);
    default: return msg('yaml.parser', reason);
  }
}

export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const add = (start: number, end: number, code: DiagnosticCode, message: Message, hint?: Message): void => {
    diagnostics.push(diagnostic(file, offsetSpan(lineCounter, start, end), 'error', code, message, hint));
  };
  const deep = tooDeep(text);
  if (deep !== undefined) {
    lineCounterFor(text, lineCounter);
    add(deep, deep + 1, 'yaml-too-deep', msg('yaml-too-deep', { limit: MAX_NESTING }));
    return { data: undefined, doc: undefined, lineCounter, diagnostics };
  }
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { ...OPTIONS, lineCounter }) as Document.Parsed[];
  } catch (error) {
    add(0, 0, 'yaml-syntax', msg('yaml-syntax', { reason: error instanceof Error ? error.message : String(error) }));
    return { data: undefined, doc: undefined, lineCounter, diagnostics };
  }
  if (!Array.isArray(docs)) docs = [docs as Document.Parsed];
  if (docs.length === 0) {
    add(0, 0, 'yaml-empty', msg('yaml-empty'));
    return { data: undefined, doc: undefined, lineCounter, diagnostics };
  }
  if (docs.length > 1) {
    const second = docs[1]!;
    add(second.range[0], second.range[0], 'yaml-multiple-documents', msg('yaml-multiple-documents'));
  }
  const doc = docs[0]!;
  const seen = new Set<string>();
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const key = `${problem.code}`;
    if (problem.code === 'RESOURCE_EXHAUSTION' && seen.has(key)) continue; // one report per stack overflow
    seen.add(key);
    const text0 = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    let [start, end] = problem.pos;
    let hint: Message | undefined;
    let message: Message;
    if (problem.code === 'DUPLICATE_KEY') {
      const key = /^[^:\n]*/.exec(text.slice(start, start + 200))?.[0].trim().replace(/^["']|["']$/g, '');
      message = key ? msg('yaml-duplicate-key', { key }) : msg('yaml-duplicate-key.unnamed');
    } else if (problem.code === 'MISSING_CHAR' && /quote/i.test(text0)) {
      const open = openQuote(text);
      if (open !== undefined) [start, end] = [open, open + 1];
      message = msg('yaml-missing-char.quote');
      hint = msg('yaml-missing-char.quote.hint');
    } else {
      const unclosed = /^Flow (sequence|map|mapping) .*end with an? ([\]}])/.exec(text0);
      const opener = unclosed ? openBracket(text, start) : undefined;
      if (unclosed && opener !== undefined) {
        const open = unclosed[1] === 'sequence' ? '[' : '{';
        const close = unclosed[2]!;
        add(opener, opener + 1, 'yaml-unclosed-bracket', msg('yaml-unclosed-bracket', { what: msg(open === '[' ? 'yaml.what.list' : 'yaml.what.mapping'), open, close }),
          msg('yaml-unclosed-bracket.close.hint', { close, open }));
        continue;
      }
      message = parserMessage(problem.code, text0);
    }
    add(start, end, PARSER_CODES[problem.code] ?? 'yaml-syntax', message, hint);
  }
  if (diagnostics.length === 0) {
    let aliases = 0;
    visit(doc, (_key, node) => {
      if (isAlias(node)) {
        // An unresolved alias is most often text that starts with `*`; say so where it is, not at 1:1 when expanding.
        if (!node.resolve(doc)) {
          const r = node.range ?? [0, 0];
          add(r[0], r[1], 'yaml-bad-alias', msg('yaml-bad-alias', { name: node.source }));
          return visit.SKIP;
        }
        aliases += 1;
        if (aliases === MAX_ALIASES + 1) {
          const r = node.range ?? [0, 0];
          add(r[0], r[1], 'yaml-alias-limit', msg('yaml-alias-limit', { limit: MAX_ALIASES }));
          return visit.BREAK;
        }
      } else if (isScalar(node) && node.range) {
        const raw = typeof node.value === 'number' ? text.slice(node.range[0], node.range[1]) : '';
        if (typeof node.value === 'number' && /^[-+]?0\d/.test(raw)) {
          add(node.range[0], node.range[1], 'yaml-leading-zero', msg('yaml-leading-zero', { number: raw.trim() }), msg('yaml-leading-zero.value.hint', { value: String(node.value) }));
        } else if (typeof node.value === 'string' && SURROGATE.test(node.value) && LONE_SURROGATE.test(node.value)) {
          add(node.range[0], node.range[1], 'yaml-lone-surrogate', msg('yaml-lone-surrogate'));
        }
        if (node.tag) add(node.range[0], node.range[1], 'yaml-tag', msg('yaml-tag', { tag: node.tag }));
      } else if (isNode(node) && node.tag) {
        const r = node.range ?? [0, 0];
        add(r[0], r[1], 'yaml-tag', msg('yaml-tag', { tag: node.tag }));
      }
      return undefined;
    });
  }
  if (diagnostics.length > 0) return { data: undefined, doc, lineCounter, diagnostics };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    add(0, 0, 'yaml-alias-limit', msg('yaml-alias-limit.expand', { reason: error instanceof Error ? error.message : String(error) }));
    return { data: undefined, doc, lineCounter, diagnostics };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const r = doc.contents?.range ?? [0, 0];
    const value = JSON.stringify(data)?.slice(0, 40) ?? String(data);
    const found = data === null ? msg('yaml.found.nothing') : Array.isArray(data) ? msg('yaml.found.list')
      : typeof data === 'number' ? msg('yaml.found.number', { value }) : typeof data === 'boolean' ? msg('yaml.found.boolean', { value }) : msg('yaml.found.string', { value });
    add(r[0], r[1], 'yaml-not-mapping', msg('yaml-not-mapping', { found }));
    return { data: undefined, doc, lineCounter, diagnostics };
  }
  return { data, doc, lineCounter, diagnostics };
}
