// The single-file page (`build --html-single`) made from a document's files: stylesheets inline (a
// series stylesheet cannot close its <style> to add markup), font faces out, photos embedded in their
// phone rendition, and what is not bulletin's own left out.
import { describe, expect, it } from 'vitest';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { singleFileHtml } from '../../src/render/singleFileHtml.js';
import { sanitizeHtml, PAGE_POLICY } from '../../src/render/sanitizeHtml.js';
import type { IssueDocument, Resource } from '../../src/render/issueDocument.js';
import { placeholderPng } from '../../src/scaffold/placeholderPng.js';

const PHONE = placeholderPng(48, 36);
const DESKTOP = placeholderPng(96, 72);

function doc(css: string, body: string, extra: [string, Resource][] = []): IssueDocument {
  const page = sanitizeHtml(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title><link rel="stylesheet" href="x_files/bulletin.css"><link rel="stylesheet" href="x_files/series%20own.css"></head><body>${body}</body></html>`, { policy: PAGE_POLICY }).html;
  return {
    entry: 'x.html',
    view: {} as IssueDocument['view'],
    screenLayout: true,
    removed: [],
    standIns: false,
    resources: new Map<string, Resource>([
      ['x.html', { type: 'text/html; charset=utf-8', body: page }],
      ['x_files/bulletin.css', { type: 'text/css; charset=utf-8', body: "@font-face {\n  font-family: 'bulletin-body';\n  src: url(\"fonts/a.woff2\") format('woff2');\n}\np { color: red; }" }],
      ['x_files/series own.css', { type: 'text/css; charset=utf-8', body: css }],
      ['x_files/images/a-480.png', { type: 'image/png', body: PHONE }],
      ['x_files/images/a-750.png', { type: 'image/png', body: DESKTOP }],
      ...extra,
    ]),
  };
}

const readFile = () => Promise.reject(new Error('no file is read'));

/** The element names of a page as a browser parses it. */
function tags(html: string): string[] {
  const out: string[] = [];
  const walk = (node: DefaultTreeAdapterTypes.Node) => {
    if ('tagName' in node) out.push(node.tagName);
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(parse(html));
  return out;
}

describe('singleFileHtml', () => {
  it('puts the stylesheets inside, without font faces, and the photo\'s phone rendition as data:', async () => {
    const out = await singleFileHtml(doc('.masthead { color: blue; }', '<figure><img src="x_files/images/a-750.png" srcset="x_files/images/a-480.png 480w, x_files/images/a-750.png 750w" sizes="100vw" alt="图"></figure>'), readFile);
    expect(out.removed).toEqual([]);
    expect(out.html).not.toMatch(/<link|@font-face|srcset|x_files/);
    expect(out.html).toContain('p { color: red; }');
    expect(out.html).toContain('.masthead { color: blue; }');
    expect(out.html).toContain('--font-body: "Noto Serif CJK SC"'); // the reader's fonts take the faces' roles
    expect(out.html).toContain(`<img src="data:image/png;base64,${Buffer.from(PHONE).toString('base64')}" alt="图">`);
    expect(out.images).toEqual([{ url: 'x_files/images/a-480.png', bytes: PHONE.length }]);
    expect(out.html.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
    expect(out.html).toMatch(/img-src data:;/);
  });

  it('keeps a series stylesheet inside its <style>: `</style>` in it cannot add markup', async () => {
    const out = await singleFileHtml(doc('p::after { content: "</style><script>alert(1)</script><img src=x>"; }', '<p>正文</p>'), readFile);
    expect(out.removed).toEqual([]);
    expect(tags(out.html).filter((t) => t === 'script' || t === 'img')).toEqual([]);
    expect(tags(out.html).filter((t) => t === 'style')).toHaveLength(2);
    // Only `</style` ends the element: it is written `<\/style` (in CSS, `\/` is `/`).
    expect(out.html).toContain('content: "<\\/style><script>alert(1)</script><img src=x>"');
  });

  it('embeds only images made in memory (renditions, checked SVGs): a file of the series stays out', async () => {
    const out = await singleFileHtml(doc('', '<img src="x_files/images/orig.png" alt="原图"><img src="x_files/images/missing.png" alt="无">', [['x_files/images/orig.png', { type: 'image/png', file: '/etc/passwd' }]]), readFile);
    expect(out.images).toEqual([]);
    expect(out.html).toContain('<img alt="原图">');
    expect(out.html).not.toContain('base64');
  });
});
