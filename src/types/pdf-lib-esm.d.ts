// pdf-lib's single-file ES build has the package's own API; its types are the package's.
declare module 'pdf-lib/dist/pdf-lib.esm.min.js' {
  export * from 'pdf-lib';
}
