// The XML parser of SVG figures (saxes and xmlchars), imported by bulletin from here only; bundled
// into one file by `npm run build` (scripts/bundle-vendors.mjs).
// Named, not `export *`: the package is CommonJS, whose names a bundler cannot list.
export { SaxesParser } from 'saxes';
export type { SaxesAttributeNS, SaxesTagNS } from 'saxes';
