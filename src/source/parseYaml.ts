// YAML text → document with positions, under a strict, safe profile (core schema, no tags, no merge keys).
import { parseAllDocuments, LineCounter, visit, isAlias, isNode, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import { diagnostic, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';

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
};

export function offsetSpan(lineCounter: LineCounter, start: number, end: number): Span {
  const a = lineCounter.linePos(start);
  const b = lineCounter.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

const HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'Each key may appear once in a mapping: remove or rename one of them.',
  TAB_AS_INDENT: 'Indent with spaces, not tabs.',
  BLOCK_AS_IMPLICIT_KEY: 'Put the nested mapping on its own indented lines, or quote the value if it contains ": ".',
  KEY_OVER_1024_CHARS: 'Keys are short names such as `title`; long text belongs in a value.',
  RESOURCE_EXHAUSTION: 'The file nests too deeply or is too large to be an issue source.',
  MISSING_CHAR: 'A bracket or quote is not closed.',
  BAD_INDENT: 'Align the key with its siblings.',
};

export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const add = (start: number, end: number, code: string, message: string, hint?: string): void => {
    diagnostics.push(diagnostic(file, offsetSpan(lineCounter, start, end), 'error', code, message, hint));
  };
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { ...OPTIONS, lineCounter }) as Document.Parsed[];
  } catch (error) {
    add(0, 0, 'yaml-syntax', `cannot parse YAML: ${error instanceof Error ? error.message : String(error)}`);
    return { data: undefined, doc: undefined, lineCounter, diagnostics };
  }
  if (!Array.isArray(docs)) docs = [docs as Document.Parsed];
  if (docs.length === 0) {
    add(0, 0, 'yaml-empty', 'the file is empty: expected a mapping such as `year: 2018`', 'Start from an example in examples/.');
    return { data: undefined, doc: undefined, lineCounter, diagnostics };
  }
  if (docs.length > 1) {
    const second = docs[1]!;
    add(second.range[0], second.range[0], 'yaml-multiple-documents', 'exactly one YAML document expected, found another after `---`', 'Remove the second `---` and what follows, or move it to its own file.');
  }
  const doc = docs[0]!;
  const seen = new Set<string>();
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const key = `${problem.code}`;
    if (problem.code === 'RESOURCE_EXHAUSTION' && seen.has(key)) continue; // one report per stack overflow
    seen.add(key);
    const message = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    add(problem.pos[0], problem.pos[1], `yaml-${problem.code.toLowerCase().replace(/_/g, '-')}`, message, HINTS[problem.code]);
  }
  if (diagnostics.length === 0) {
    let aliases = 0;
    visit(doc, (_key, node) => {
      if (isAlias(node)) {
        aliases += 1;
        if (aliases === MAX_ALIASES + 1) {
          const r = node.range ?? [0, 0];
          add(r[0], r[1], 'yaml-alias-limit', `too many aliases (more than ${MAX_ALIASES})`, 'Write the values out instead of repeating anchors.');
          return visit.BREAK;
        }
      } else if (isNode(node) && node.tag) {
        const r = node.range ?? [0, 0];
        add(r[0], r[1], 'yaml-tag', `explicit YAML tags such as \`${node.tag}\` are not allowed`, 'Remove the tag; write the value as plain text (quote it if needed).');
      }
      return undefined;
    });
  }
  if (diagnostics.length > 0) return { data: undefined, doc, lineCounter, diagnostics };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    add(0, 0, 'yaml-alias-limit', `cannot expand the document: ${error instanceof Error ? error.message : String(error)}`);
    return { data: undefined, doc, lineCounter, diagnostics };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const r = doc.contents?.range ?? [0, 0];
    add(r[0], r[1], 'yaml-not-mapping', `expected a mapping of keys to values, found ${data === null ? 'nothing' : Array.isArray(data) ? 'a list' : `the ${typeof data} ${JSON.stringify(data).slice(0, 40)}`}`, 'A source starts with keys such as `year: 2018` at the left margin.');
    return { data: undefined, doc, lineCounter, diagnostics };
  }
  return { data, doc, lineCounter, diagnostics };
}
