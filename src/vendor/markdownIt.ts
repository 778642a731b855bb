// The Markdown parser (markdown-it and its helpers), imported by bulletin from here only; bundled
// into one file by `npm run build` (scripts/bundle-vendors.mjs): from its ~80 files it loads 3× slower.
export { default } from 'markdown-it';
// The CJK-friendly amendment of CommonMark's emphasis rules (`**一是加强统筹。**会同各区` is bold).
export { default as cjkFriendly } from 'markdown-it-cjk-friendly';
// Notes `[^1]` with their text `[^1]: …` (markdown-it-footnote): printed as 注释 at the article's end.
export { default as footnote } from 'markdown-it-footnote';
