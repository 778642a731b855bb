// The WeChat (公众号) article (`build --wechat`) of the office example, as the 公众号 editor will take
// it: no class, id, <style> or script, only the tags that editor keeps, every element styled inline,
// the photos in reading order, the issue line and date at the top, the 版记 only when asked for. And
// the sanitiser's two new policies: a narrower allowlist, and bulletin's own script kept by hash.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { validate } from '../../src/validate.js';
import type { Issue } from '../../src/model/types.js';
import { wechatArticle, wechatDocument, WECHAT_ALLOWLIST, WECHAT_ELEMENTS } from '../../src/render/wechatArticle.js';
import { COPY_SCRIPT, wechatPreview } from '../../src/render/wechatPreview.js';
import { sanitizeHtml, WECHAT_ARTICLE_POLICY, WECHAT_PREVIEW_POLICY } from '../../src/render/sanitizeHtml.js';
import { REPO } from '../helpers.js';

type Element = DefaultTreeAdapterTypes.Element;

let office: Issue;
beforeAll(async () => {
  const { issues } = await validate([path.join(REPO, 'examples', 'office')]);
  office = issues[0]!;
});

function elementsOf(html: string): Element[] {
  const out: Element[] = [];
  const walk = (node: DefaultTreeAdapterTypes.Node) => {
    if ('tagName' in node) out.push(node);
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(parse(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`));
  return out.filter((el) => !['html', 'head', 'body'].includes(el.tagName));
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const textOf = (html: string) => html.replace(/<[^>]*>/g, '');

describe('the WeChat article', () => {
  it('has only the tags the 公众号 editor keeps, each styled inline, no class, id, style element or script', () => {
    const { html } = wechatArticle(office, { distribution: false, imageSrc: (_, n) => `${n}.jpg` });
    const els = elementsOf(html);
    expect(els.length).toBeGreaterThan(50);
    expect([...new Set(els.map((el) => el.tagName))].filter((t) => !WECHAT_ELEMENTS.has(t))).toEqual([]);
    expect(els.filter((el) => attr(el, 'class') !== undefined || attr(el, 'id') !== undefined)).toEqual([]);
    expect(els.filter((el) => !['br', 'thead', 'tbody', 'tr'].includes(el.tagName) && !attr(el, 'style')).map((el) => el.tagName)).toEqual([]);
    // The article's text is all there: titles, table cells, notes.
    const text = textOf(html);
    for (const expected of ['区生态环境局召开2026年第四季度', '清河出境', '注释：', '（清河街道办事处供稿）', '表3']) expect(text).toContain(expected);
  });

  it('puts the issue line and the date at the top, the 编者按 after them', () => {
    const text = textOf(wechatArticle(office, { distribution: false, imageSrc: () => '' }).html);
    const top = ['生态环境工作动态', '2026年第22期（总第156期）', '二〇二六年十一月三十日', '编者按：本期聚焦'].map((s) => text.indexOf(s));
    expect(top.every((i) => i >= 0)).toBe(true);
    expect([...top].sort((a, b) => a - b)).toEqual(top);
    expect(top[3]).toBeLessThan(text.indexOf('工作动态', top[3]));
  });

  it('numbers the photos in reading order and places each before its paragraph', () => {
    const article = wechatArticle(office, { distribution: false, imageSrc: (f, n) => `${String(n).padStart(2, '0')}-${path.basename(f.path)}` });
    expect(article.images.map((f) => path.basename(f.path))).toEqual(['2026-22-creek.jpg', '2026-22-meeting.jpg']);
    const imgs = elementsOf(article.html).filter((el) => el.tagName === 'img');
    expect(imgs.map((el) => attr(el, 'src'))).toEqual(['01-2026-22-creek.jpg', '02-2026-22-meeting.jpg']);
    expect(imgs.every((el) => /max-width: 100%/.test(attr(el, 'style')!) && attr(el, 'alt'))).toBe(true);
    const text = textOf(article.html);
    expect(text.indexOf('区生态环境局会同各街镇召开项目调度会')).toBeLessThan(text.indexOf('下一步，对整治不到位的排口'));
  });

  it('keeps the 版记 only when output.wechat.distribution says so', () => {
    const issue: Issue = { ...office, distribution: { report: ['区委办公室'], send: [], distribute: ['各街镇'], extra: [], copies: 40 } };
    const without = textOf(wechatArticle(issue, { distribution: false, imageSrc: () => '' }).html);
    const kept = textOf(wechatArticle(issue, { distribution: true, imageSrc: () => '' }).html);
    expect(without).not.toContain('报：区委办公室');
    expect(kept).toContain('报：区委办公室。');
    expect(kept).toContain('发：各街镇。');
    expect(kept).toContain('（共印40份）');
    // The sign-off is shown either way.
    expect(without).toContain('签发：刘卫东');
  });

  it('writes markup-like text of a source as text', () => {
    const issue: Issue = { ...office, note: [{ type: 'paragraph', lines: { start: 0, end: 1 }, content: [{ type: 'text', value: '<script>alert(1)</script><b class="x">' }] }] };
    const { html } = wechatArticle(issue, { distribution: false, imageSrc: () => '' });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;b class=&quot;x&quot;&gt;');
    expect(elementsOf(html).some((el) => el.tagName === 'script' || el.tagName === 'b')).toBe(false);
  });

  it('passes the sanitiser under its own allowlist unchanged, with the embedded photos only', () => {
    const embedded = 'data:image/jpeg;base64,/9j/AA==';
    const { html } = wechatArticle(office, { distribution: true, imageSrc: () => embedded });
    const page = sanitizeHtml(wechatDocument(office, html), { policy: WECHAT_ARTICLE_POLICY, only: WECHAT_ALLOWLIST, dataImages: new Set([embedded]) });
    expect(page.removed).toEqual([]);
    expect(page.html).toContain(html);
    expect(page.html).toContain("style-src-attr 'unsafe-inline'");
  });
});

describe('the sanitiser with a narrower allowlist and scripts of its own', () => {
  const page = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

  it('removes what the article allowlist does not name: elements, classes, ids, styles that fetch', () => {
    const result = sanitizeHtml(page('<section style="color: red" class="a" id="b"><div>x</div><style>p{}</style><a href="https://example.org/">y</a><p style="background: url(https://example.org/t.png)">z</p></section>'), { policy: WECHAT_ARTICLE_POLICY, only: WECHAT_ALLOWLIST });
    expect(result.removed).toEqual(expect.arrayContaining(['the element <div>', 'the element <style>', 'the element <a>', 'the attribute `class`', 'the attribute `id`', 'a style that refers to other files']));
    const body = result.html.slice(result.html.indexOf('<body>'));
    expect(body).toBe('<body><section style="color: red"><p>z</p></section></body></html>\n');
  });

  it('keeps the preview\'s copy script by its exact text, with its hash in the policy, and no other script', () => {
    const preview = wechatPreview(office, '<p style="margin: 0">正文</p>', false, 2);
    const result = sanitizeHtml(preview.replace('</body>', '<script>alert(1)</script></body>'), { policy: WECHAT_PREVIEW_POLICY, hashStyles: true, scripts: new Set([COPY_SCRIPT]) });
    expect(result.removed).toEqual(['the element <script>']);
    expect(result.html).toContain(`<script>${COPY_SCRIPT}</script>`);
    expect(result.html).not.toContain('alert(1)');
    expect(result.html).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    // A script changed by one character is not bulletin's.
    const changed = sanitizeHtml(preview.replace(COPY_SCRIPT, `${COPY_SCRIPT} `), { policy: WECHAT_PREVIEW_POLICY, hashStyles: true, scripts: new Set([COPY_SCRIPT]) });
    expect(changed.html).not.toContain('<script>');
  });
});
