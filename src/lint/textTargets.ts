// Which string scalars of a parsed source are printed text: paths with `*` for every item of a list.
import { isMap, isScalar, isSeq, type Document, type Node } from '../vendor/yaml.js';
import type { TextKind } from './types.js';

export interface TextSpec {
  /** Keys and `*` (each item of a list). */
  path: readonly string[];
  kind: TextKind;
  /** A list of strings is one text in several printed lines (a title), not several texts. */
  lines?: boolean;
}

export interface TextTarget {
  /** One scalar, or the scalars of the lines of one text. */
  nodes: Node[];
  kind: TextKind;
}

function children(node: Node | null | undefined, segment: string): Node[] {
  if (segment === '*') return isSeq(node) ? (node.items.filter((n) => n !== null && typeof n === 'object') as Node[]) : [];
  if (!isMap(node)) return [];
  const pair = node.items.find((p) => isScalar(p.key) && p.key.value === segment);
  return pair?.value && typeof pair.value === 'object' ? [pair.value as Node] : [];
}

/**
 * The nodes at each path of a document, by path: the copy-editing, the printed fields and the check
 * of plain texts walk the same paths of one file. Documents are not changed once parsed.
 */
const nodesByPath = new WeakMap<Document, Map<string, readonly Node[]>>();

function nodesAt(doc: Document, path: readonly string[]): readonly Node[] {
  let byPath = nodesByPath.get(doc);
  if (!byPath) nodesByPath.set(doc, (byPath = new Map()));
  const key = path.join('\0');
  let nodes = byPath.get(key);
  if (!nodes) {
    let found: Node[] = doc.contents ? [doc.contents as Node] : [];
    for (const segment of path) found = found.flatMap((n) => children(n, segment));
    byPath.set(key, (nodes = found));
  }
  return nodes;
}

/** The printed texts of a document, in document order; nodes of the wrong shape are skipped (the schema reports them). */
export function textTargets(doc: Document, specs: readonly TextSpec[]): TextTarget[] {
  const out: TextTarget[] = [];
  for (const spec of specs) {
    for (const node of nodesAt(doc, spec.path)) {
      if (isScalar(node) && typeof node.value === 'string') out.push({ nodes: [node], kind: spec.kind });
      else if (spec.lines && isSeq(node)) {
        const lines = node.items.filter((n): n is Node => isScalar(n) && typeof n.value === 'string');
        if (lines.length) out.push({ nodes: lines, kind: spec.kind });
      }
    }
  }
  return out.length > 1 ? out.sort((a, b) => (a.nodes[0]!.range?.[0] ?? 0) - (b.nodes[0]!.range?.[0] ?? 0)) : out;
}
