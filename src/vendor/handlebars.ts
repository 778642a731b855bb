// The template engine (handlebars), imported by bulletin from here only; bundled into one file by
// `npm run build` (scripts/bundle-vendors.mjs).
export { default } from 'handlebars';
