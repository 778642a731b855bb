// The Markdown parser (markdown-it and its helpers), imported by bulletin from here only; bundled
// into one file by `npm run build` (scripts/bundle-vendors.mjs): from its ~80 files it loads 3× slower.
export { default } from 'markdown-it';
