// Path inside the data (from ajv or the model) → span of the matching YAML node.
import { isMap, isSeq, isScalar, isPair, type Document, type LineCounter, type Node } from '../vendor/yaml.js';
import { offsetSpan } from './parseYaml.js';
import { FILE_START, type Span } from '../diagnostics/diagnostic.js';

export type DataPath = readonly (string | number)[];

/** Splits an ajv instancePath (`/sections/0/title`) into segments. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

interface Found {
  node: Node | null;
  keyNode: Node | null;
}

function walk(doc: Document, path: DataPath): Found {
  let node = (doc.contents as Node | null) ?? null;
  let keyNode: Node | null = null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return { node, keyNode: null };
      keyNode = pair.key as Node;
      node = (pair.value as Node | null) ?? null;
      if (node === null) return { node: keyNode, keyNode };
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) return { node, keyNode: null };
      node = item;
      keyNode = null;
    } else {
      return { node, keyNode };
    }
  }
  return { node, keyNode };
}

/**
 * The span of the value at `path`; with `key: true`, the span of its key (for unknown keys).
 * Falls back to the nearest enclosing node, then to the start of the file.
 */
export function locate(doc: Document | undefined, lineCounter: LineCounter, path: DataPath, options: { key?: boolean } = {}): Span {
  if (!doc) return FILE_START;
  const { node, keyNode } = walk(doc, path);
  const target = options.key && keyNode ? keyNode : node;
  const range = target?.range;
  if (!range) return FILE_START;
  // Block collections end after their last line break; keep the span on the first line for a mapping.
  const end = isMap(target) || isSeq(target) ? range[0] : range[1];
  return offsetSpan(lineCounter, range[0], end);
}
