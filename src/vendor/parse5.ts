// The HTML parser of the sanitiser (parse5 and entities), imported by bulletin from here only;
// bundled into one file by `npm run build` (scripts/bundle-vendors.mjs).
export * from 'parse5';
