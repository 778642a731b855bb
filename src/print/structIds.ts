// The ids of a tagged PDF's structure elements, numbered in the order of the structure tree.
//
// Chrome names an element that needs an id (a table's header cell, which the data cells name in their
// `/Headers`) after its DOM node: `node00000036`. Chrome numbers a node the first time something asks
// for it, and on a busy machine something else can ask first (the office example's header cells came
// out as node00000037… under load, node00000036… on a quiet machine): the same build gave two PDFs.
// Renumbered here from the tree, the ids depend on the document alone. A PDF without ids (no table
// header) is left as it is.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from './pdfLib.js';

const ID = PDFName.of('ID');
const K = PDFName.of('K');
const S = PDFName.of('S');
const A = PDFName.of('A');
const HEADERS = PDFName.of('Headers');
const NAMES = PDFName.of('Names');
const KIDS = PDFName.of('Kids');
const LIMITS = PDFName.of('Limits');

const textOf = (o: PDFObject | undefined): string | undefined => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined);

/** The id of the structure element at `index` (0-based) in tree order, in Chrome's own form. */
const structId = (index: number): string => `node${String(index + 1).padStart(8, '0')}`;

export function renumberStructIds(pdf: PDFDocument): void {
  const context = pdf.context;
  const deref = (o: PDFObject | undefined): PDFObject | undefined => (o instanceof PDFRef ? context.lookup(o) : o);
  const root = deref(pdf.catalog.get(PDFName.of('StructTreeRoot')));
  if (!(root instanceof PDFDict)) return;
  // The structure elements in tree order (depth first, children in order); marked-content and object references are not elements.
  const elements: PDFDict[] = [];
  const seen = new Set<PDFDict>();
  const walk = (o: PDFObject | undefined): void => {
    const value = deref(o);
    if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); i++) walk(value.get(i));
    } else if (value instanceof PDFDict && value.has(S) && !seen.has(value)) {
      seen.add(value);
      elements.push(value);
      walk(value.get(K));
    }
  };
  walk(root.get(K));
  const renamed = new Map<string, string>();
  for (const element of elements) {
    const id = textOf(element.get(ID));
    if (id === undefined || renamed.has(id)) continue;
    renamed.set(id, structId(renamed.size));
  }
  if (renamed.size === 0) return;
  const rename = (o: PDFObject | undefined): PDFString | undefined => {
    const old = textOf(o);
    const now = old === undefined ? undefined : renamed.get(old);
    return now === undefined ? undefined : PDFString.of(now);
  };
  for (const element of elements) {
    const id = rename(element.get(ID));
    if (id) element.set(ID, id);
    // A data cell names its header cells by their ids (ISO 32000-1 14.8.5.7, Table attributes).
    const attributes = deref(element.get(A));
    for (const owner of attributes instanceof PDFArray ? attributes.asArray().map(deref) : [attributes]) {
      if (!(owner instanceof PDFDict)) continue;
      const headers = deref(owner.get(HEADERS));
      if (!(headers instanceof PDFArray)) continue;
      for (let i = 0; i < headers.size(); i++) {
        const header = rename(headers.get(i));
        if (header) headers.set(i, header);
      }
    }
  }
  renameIdTree(root, rename, deref);
}

/** The id tree (a name tree, ISO 32000-1 7.9.6): each key renamed, then the keys sorted again within each leaf and the limits set anew. */
function renameIdTree(root: PDFDict, rename: (o: PDFObject | undefined) => PDFString | undefined, deref: (o: PDFObject | undefined) => PDFObject | undefined): void {
  const tree = deref(root.get(PDFName.of('IDTree')));
  if (!(tree instanceof PDFDict)) return;
  const leaves: PDFDict[] = [];
  const walk = (node: PDFObject | undefined, depth: number): void => {
    const n = deref(node);
    if (!(n instanceof PDFDict) || depth > 32) return;
    if (n.has(NAMES)) leaves.push(n);
    const kids = deref(n.get(KIDS));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) walk(kids.get(i), depth + 1);
  };
  walk(tree, 0);
  // All pairs, renamed and sorted, into the first leaf: the new names need not keep the old ones' split.
  const pairs: [string, PDFObject][] = [];
  for (const leaf of leaves) {
    const names = deref(leaf.get(NAMES));
    if (!(names instanceof PDFArray)) continue;
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = rename(names.get(i))?.decodeText() ?? textOf(names.get(i));
      if (key !== undefined) pairs.push([key, names.get(i + 1)]);
    }
  }
  const first = leaves[0];
  if (!first || pairs.length === 0) return;
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const context = root.context;
  first.set(NAMES, context.obj(pairs.flatMap(([key, value]) => [PDFString.of(key), value])));
  if (first !== tree) {
    first.set(LIMITS, context.obj([PDFString.of(pairs[0]![0]), PDFString.of(pairs.at(-1)![0])]));
    // The other leaves are emptied into the first: the tree keeps that one.
    if (leaves.length > 1) tree.set(KIDS, context.obj([context.getObjectRef(first) ?? first]));
  }
}
