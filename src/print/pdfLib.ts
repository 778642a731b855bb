// pdf-lib, loaded from its single-file ES build: the CommonJS tree its package.json points at is
// hundreds of small files, which take three times as long to load (a quarter of a second here).
// Every module of bulletin imports pdf-lib from here, so all share one copy of its classes.
export * from 'pdf-lib/dist/pdf-lib.esm.min.js';
