// `# bulletin-disable-line [codes]` and `# bulletin-disable-next-line [codes]`: YAML comments that silence checks on a line.
import { visit, type Document, type LineCounter } from '../vendor/yaml.js';

const DIRECTIVE = /^#\s*bulletin-disable-(next-line|line)\b(.*)$/;

/** Whether a check is silenced on a 1-based line. */
export type IsDisabled = (line: number, code: string) => boolean;

/**
 * Finds the directives among the file's comments: a `#` at a line start or after a space that lies
 * outside every scalar (a `#` inside a block of text or a quoted value is text, not a comment).
 */
export function disableComments(source: string, doc: Document, lineCounter: LineCounter): IsDisabled {
  const scalars: [number, number][] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (!node.range) return;
      // A block's header line (`body: |  # …`) may end with a comment; its text starts on the next line.
      const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
      const start = block ? source.indexOf('\n', node.range[0]) + 1 || node.range[1] : node.range[0];
      scalars.push([start, node.range[1]]);
    },
  });
  // Scalars do not overlap: sorted by start, the one that could hold an offset is found by bisection.
  scalars.sort((x, y) => x[0] - y[0]);
  const inScalar = (offset: number) => {
    let lo = 0;
    let hi = scalars.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (scalars[mid]![0] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const s = scalars[lo];
    return s !== undefined && offset >= s[0] && offset < s[1];
  };
  const lines = new Map<number, Set<string> | 'all'>();
  const add = (line: number, codes: string[]) => {
    const known = lines.get(line);
    if (known === 'all') return;
    if (codes.length === 0) lines.set(line, 'all');
    else lines.set(line, new Set([...(known ?? []), ...codes]));
  };
  for (const m of source.matchAll(/(^|[ \t])#/gm)) {
    const hash = m.index + m[1]!.length;
    const lineEnd = source.indexOf('\n', hash);
    const comment = source.slice(hash, lineEnd < 0 ? source.length : lineEnd).replace(/\r$/, '');
    const directive = DIRECTIVE.exec(comment);
    if (!directive || inScalar(hash)) continue;
    const codes = directive[2]!.split(/[\s,]+/).filter(Boolean);
    const line = lineCounter.linePos(hash).line;
    add(directive[1] === 'line' ? line : line + 1, codes);
  }
  return (line, code) => {
    const silenced = lines.get(line);
    return silenced === 'all' || (silenced !== undefined && silenced.has(code));
  };
}
