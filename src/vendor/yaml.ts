// The YAML parser (yaml), imported by bulletin from here only. `npm run build` replaces the compiled
// file with a single-file bundle of the package (scripts/bundle-vendors.mjs): loaded from its ~70
// files it costs a check of the sources about 40 ms more, before Chrome may start.
// Named, not `export *`: the package is CommonJS, whose names a bundler cannot list.
export { LineCounter, isAlias, isMap, isNode, isPair, isScalar, isSeq, parseAllDocuments, parseDocument, stringify, visit } from 'yaml';
export type { Document, DocumentOptions, ErrorCode, Node, ParseOptions, Scalar, SchemaOptions } from 'yaml';
