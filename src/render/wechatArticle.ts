// An issue → a WeChat (公众号) article: HTML with inline styles only, in the tags the 公众号 editor
// keeps when an article is pasted into it. Made from the model's block tree (model/blocks.ts) by its
// own small renderer, not from the page's HTML: no class, no id, no <style>, no script, no font.
//
// What the editor keeps. Tencent publishes no list for pasted HTML; what is commonly known, and what
// the open-source WeChat Markdown editors write for that reason (doocs/md, mdnice, and the tag table
// of md2wechat's "微信公众号 HTML 规范", references/html-guide.md), is: the editor removes <style>,
// <script>, <link>, <iframe>, forms, media and every class and id; it keeps section, p, span, strong,
// b, em, i, u, br, hr, img, h1–h6, blockquote, pre, code, sup, sub, ul/ol/li, table, thead, tbody,
// tr, th, td with their `style`; links to pages outside mp.weixin.qq.com lose their address (an
// ordinary account cannot link out), styles on <div> are unreliable (so <section> is the container),
// and lists are re-styled by the editor (so list items are written as paragraphs with their number).
import { noteMark, NOTES_HEADING, type Block, type Inline, type Table } from '../model/blocks.js';
import type { Article, Figure, Issue } from '../model/types.js';
import { escapeHtml } from './renderBlocks.js';
import type { AllowList } from './sanitizeHtml.js';

/** The tags the 公众号 editor keeps (see above), less the ones an article of ours never needs. */
export const WECHAT_ELEMENTS: ReadonlySet<string> = new Set([
  'section', 'p', 'span', 'strong', 'b', 'em', 'i', 'u', 'br', 'hr', 'img', 'h1', 'h2', 'h3', 'h4',
  'blockquote', 'code', 'sup', 'sub', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
]);

/** The article's allowlist for the sanitiser: those tags, `style` on each; `src`/`alt` on images, spans on cells. */
export const WECHAT_ALLOWLIST: AllowList = {
  // The document around the article (article.html): the sanitiser writes its policy and charset itself.
  elements: new Set([...WECHAT_ELEMENTS, 'html', 'head', 'body', 'title', 'meta']),
  attributes: { '*': ['style'], html: ['lang'], img: ['src', 'alt'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'], meta: ['charset', 'name', 'content'] },
};

export interface WechatOptions {
  /** Keep the 版记 (报/送/发, copies) at the end. */
  readonly distribution: boolean;
  /** The `src` of the n-th image of the article (from 1, in reading order). */
  imageSrc(figure: Figure, n: number): string;
}

export interface WechatArticle {
  /** The article: one <section>, to paste. */
  readonly html: string;
  /** Its images in reading order (the n of `imageSrc` is the index + 1). */
  readonly images: readonly Figure[];
}

const FONT = "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";
const KAI = "'Kaiti SC', STKaiti, KaiTi, 'AR PL UKai CN', serif";
const TEXT = '#333333';
const MUTED = '#888888';

const css = (style: Record<string, string | number>) => Object.entries(style).map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${v}`).join('; ');
const tag = (name: string, style: Record<string, string | number>, inner: string, attrs = '') => `<${name}${attrs} style="${escapeHtml(css(style))}">${inner}</${name}>`;

/** The article of an issue, in reading order: the masthead lines, 编者按, sections, articles, 版记 per option. */
export function wechatArticle(issue: Issue, options: WechatOptions): WechatArticle {
  const accent = issue.series.layout.accent;
  const images: Figure[] = [];
  const out: string[] = [];
  const P = { margin: '0 0 16px', textAlign: 'justify', textIndent: '2em', lineHeight: 1.75 };
  let issueTables = 0;

  const inlines = (content: readonly Inline[]): string => content.map((node) => {
    switch (node.type) {
      case 'text': return escapeHtml(node.value);
      case 'code': return tag('code', { fontFamily: 'Menlo, Consolas, monospace', fontSize: '14px' }, escapeHtml(node.value));
      case 'strong': return tag('strong', { fontWeight: 'bold' }, inlines(node.children));
      case 'emphasis': return tag('em', { fontStyle: 'normal', fontFamily: KAI }, inlines(node.children));
      case 'link': {
        // An ordinary account cannot link out: the address is written after the text, to copy.
        const text = inlines(node.children);
        return node.auto ? tag('span', { color: MUTED, wordBreak: 'break-all' }, text) : `${text}${tag('span', { color: MUTED, wordBreak: 'break-all' }, `（${escapeHtml(decodeURIComponentSafe(node.href))}）`)}`;
      }
      case 'softBreak': return '';
      case 'hardBreak': return '<br>';
      case 'footnoteRef': return tag('sup', { fontSize: '12px', color: accent }, noteMark(node.number));
    }
  }).join('');

  const table = (t: Table, number: number): string => {
    const cell = (name: 'th' | 'td', c: Table['head'][number]['cells'][number], align: string) => {
      const spans = `${(c.colSpan ?? 1) > 1 ? ` colspan="${c.colSpan}"` : ''}${(c.rowSpan ?? 1) > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
      return tag(name, { border: '1px solid #d0d0d0', padding: '4px 6px', textAlign: name === 'th' ? 'center' : align, ...(name === 'th' ? { backgroundColor: '#f2f2f2', fontWeight: 'bold' } : {}) }, inlines(c.content), spans);
    };
    const row = (name: 'th' | 'td') => (r: Table['head'][number]) => {
      let col = 0;
      return `<tr>${r.cells.map((c) => {
        const align = t.align[col] ?? 'left';
        col += c.colSpan ?? 1;
        return cell(name, c, align);
      }).join('')}</tr>`;
    };
    const caption = tag('p', { margin: '20px 0 4px', textAlign: 'center', fontSize: '15px', fontWeight: 'bold' }, `表${number}${t.caption ? `\u3000${inlines(t.caption)}` : ''}`);
    const unit = t.unit ? tag('p', { margin: '0 0 4px', textAlign: 'right', fontSize: '13px', color: MUTED }, escapeHtml(t.unit)) : '';
    const grid = tag('table', { borderCollapse: 'collapse', width: '100%', fontSize: '13px', lineHeight: 1.5 },
      `${t.head.length ? `<thead>${t.head.map(row('th')).join('')}</thead>` : ''}<tbody>${t.body.map(row('td')).join('')}</tbody>`);
    // A wide table scrolls in its own box, not the page.
    return `${caption}${unit}${tag('section', { overflowX: 'auto', margin: '0 0 16px' }, grid)}`;
  };

  const blocks = (list: readonly Block[], figures: ReadonlyMap<number, readonly Figure[]> = new Map(), nextTable: () => number = () => ++issueTables): string => {
    let paragraphs = 0;
    const parts: string[] = [];
    const block = (b: Block, depth: number): string => {
      switch (b.type) {
        case 'paragraph': return tag('p', depth ? { ...P, textIndent: 0, margin: '0 0 8px' } : P, inlines(b.content));
        case 'heading': {
          const styles: Record<string, string | number> = {
            1: { margin: '24px 0 12px', paddingLeft: '10px', borderLeft: `4px solid ${accent}`, fontSize: '17px', fontWeight: 'bold', color: accent, lineHeight: 1.5 },
            2: { margin: '20px 0 10px', fontSize: '16px', fontWeight: 'bold', color: TEXT, lineHeight: 1.5 },
            3: { margin: '16px 0 8px', fontSize: '16px', fontWeight: 'bold', color: TEXT, lineHeight: 1.5 },
            4: { margin: '16px 0 8px', fontSize: '16px', fontWeight: 'normal', fontFamily: KAI, color: TEXT, lineHeight: 1.5 },
          }[b.level];
          return tag('h4', styles, inlines(b.content));
        }
        case 'list':
          return b.items.map((item, i) => {
            const mark = b.ordered ? `${b.start + i}. ` : '• ';
            const [first, ...rest] = item.blocks;
            const lead = first?.type === 'paragraph' ? inlines(first.content) : '';
            return `${tag('p', { margin: '0 0 8px', paddingLeft: '2em', textIndent: '-1.2em', lineHeight: 1.75 }, `${mark}${lead}`)}${(first?.type === 'paragraph' ? rest : item.blocks).map((x) => block(x, depth + 1)).join('')}`;
          }).join('');
        case 'quote':
          return tag('blockquote', { margin: '16px 0', padding: '10px 14px', borderLeft: `3px solid ${accent}`, backgroundColor: '#f7f7f7', color: '#555555', fontFamily: KAI }, b.blocks.map((x) => block(x, depth + 1)).join(''));
        case 'thematicBreak':
          return `<hr style="${css({ border: 0, borderTop: '1px solid #dddddd', margin: '24px 0' })}">`;
        case 'table':
          return table(b, nextTable());
        case 'footnotes':
          return tag('section', { margin: '20px 0 0', fontSize: '14px', color: '#666666', lineHeight: 1.6 },
            `${tag('p', { margin: '0 0 4px', fontWeight: 'bold' }, `${NOTES_HEADING}：`)}${b.notes.map((n) => {
              const [first, ...rest] = n.blocks;
              const lead = first?.type === 'paragraph' ? inlines(first.content) : '';
              return `${tag('p', { margin: '0 0 4px' }, `${noteMark(n.number)}${lead}`)}${(first?.type === 'paragraph' ? rest : n.blocks).map((x) => block(x, depth + 1)).join('')}`;
            }).join('')}`);
      }
    };
    for (const b of list) {
      if (b.type === 'paragraph') {
        paragraphs += 1;
        parts.push(...(figures.get(paragraphs) ?? []).map(figure));
      }
      parts.push(block(b, 0));
    }
    for (const [n, list2] of figures) if (n > paragraphs) parts.push(...list2.map(figure));
    return parts.join('');
  };

  /** A photo on its own line, the width of the phone; a group's photos one under the other, its caption after the last. */
  const figure = (f: Figure): string => {
    images.push(f);
    const img = `<img src="${escapeHtml(options.imageSrc(f, images.length))}" alt="${escapeHtml(f.alt)}" style="${css({ display: 'block', maxWidth: '100%', height: 'auto', margin: '0 auto' })}">`;
    const caption = (content: readonly Inline[] | undefined) => (content ? tag('p', { margin: '6px 0 0', textAlign: 'center', fontSize: '13px', color: MUTED, lineHeight: 1.5 }, inlines(content)) : '');
    const own = caption(f.captionContent);
    const shared = f.group && f.group.index === f.group.size - 1 ? caption(f.group.captionContent) : '';
    return tag('section', { margin: '16px 0', textAlign: 'center' }, `${img}${own}${shared}`);
  };

  const note = (content: readonly Block[]) => tag('section', { margin: '16px 0 24px', padding: '12px 14px', backgroundColor: '#f7f7f7', borderLeft: `4px solid ${accent}`, fontSize: '15px', color: '#555555', lineHeight: 1.75 },
    content.map((b, i) => (b.type === 'paragraph' ? tag('p', { margin: i === content.length - 1 ? 0 : '0 0 8px', textAlign: 'justify' }, `${i === 0 ? tag('strong', { fontWeight: 'bold', color: accent }, '编者按：') : ''}${inlines(b.content)}`) : blocks([b]))).join(''));

  // The top: the series' name, the issue line, the publisher and the date, over a rule in the accent colour.
  const head = [
    issue.classification ? tag('p', { margin: '0 0 8px', fontSize: '13px', color: accent }, escapeHtml(issue.classification)) : '',
    tag('h1', { margin: '0 0 8px', textAlign: 'center', fontSize: '24px', fontWeight: 'bold', color: accent, letterSpacing: '2px', lineHeight: 1.4 }, escapeHtml(issue.label ? `${issue.series.name}（${issue.label}）` : issue.series.name)),
    tag('p', { margin: '0 0 4px', textAlign: 'center', fontSize: '15px', color: '#555555' }, escapeHtml(issue.issueLine)),
    tag('p', { margin: 0, textAlign: 'center', fontSize: '14px', color: MUTED }, escapeHtml(issue.series.publisher)),
    tag('p', { margin: 0, padding: '0 0 10px', textAlign: 'center', fontSize: '14px', color: MUTED, borderBottom: `2px solid ${accent}` }, escapeHtml(issue.dateLine)),
  ];
  out.push(tag('section', { margin: '0 0 20px' }, head.join('')));
  if (issue.note?.length) out.push(note(issue.note));

  for (const section of issue.sections) {
    if (section.label) {
      out.push(tag('h2', { margin: '28px 0 12px', textAlign: 'center', fontSize: '16px', lineHeight: 1.5 }, tag('span', { display: 'inline-block', padding: '3px 16px', backgroundColor: accent, color: '#ffffff', fontWeight: 'bold', letterSpacing: '2px' }, escapeHtml(section.label))));
    }
    for (const article of section.articles) out.push(articleHtml(article));
  }

  function articleHtml(a: Article): string {
    let articleTables = 0;
    const nextTable = issue.series.tables.numbering === 'article' ? () => ++articleTables : () => ++issueTables;
    const figures = new Map<number, Figure[]>();
    for (const f of a.figures) figures.set(f.paragraph, [...(figures.get(f.paragraph) ?? []), f]);
    const parts = [tag('h3', { margin: '24px 0 12px', textAlign: 'center', fontSize: '18px', fontWeight: 'bold', color: '#222222', lineHeight: 1.5 }, escapeHtml(a.title))];
    for (const line of [...(a.subtitle === undefined ? [] : [a.subtitle]), ...a.byline]) parts.push(tag('p', { margin: '0 0 8px', textAlign: 'center', fontFamily: KAI, fontSize: '15px' }, escapeHtml(line)));
    if (a.note?.length) parts.push(note(a.note));
    parts.push(blocks(a.blocks.filter((b) => b.type !== 'footnotes'), figures, nextTable));
    if (a.attachments.length) {
      parts.push(tag('p', { margin: '16px 0 8px', paddingLeft: '2em', lineHeight: 1.75 }, a.attachments.map((x, i) => `${i === 0 ? '附件：' : '\u3000\u3000\u3000'}${a.attachments.length > 1 ? `${i + 1}. ` : ''}${escapeHtml(x.title)}`).join('<br>')));
    }
    if (a.source) parts.push(tag('p', { margin: '0 0 16px', textAlign: 'right', fontSize: '14px', color: '#666666' }, `（${escapeHtml(a.source)}）`));
    parts.push(blocks(a.blocks.filter((b) => b.type === 'footnotes')));
    a.attachments.forEach((x, i) => {
      if (!x.blocks) return;
      parts.push(tag('h4', { margin: '28px 0 8px', fontSize: '16px', fontWeight: 'bold' }, a.attachments.length > 1 ? `附件${i + 1}` : '附件'));
      parts.push(tag('h3', { margin: '0 0 12px', textAlign: 'center', fontSize: '17px', fontWeight: 'bold' }, escapeHtml(x.title)));
      parts.push(blocks(x.blocks));
    });
    return tag('section', { margin: '0 0 32px' }, parts.join(''));
  }

  // The end: the sign-off, then the 版记 when the series keeps it (output.wechat.distribution).
  const end: string[] = [];
  if (issue.signoff.length) end.push(tag('p', { margin: '0 0 8px', fontSize: '14px', color: '#666666' }, escapeHtml(issue.signoff.map((s) => `${s.label}：${s.name}`).join('\u3000'))));
  if (options.distribution) {
    const d = issue.distribution;
    const rows = [['报', d.report], ['送', d.send], ['发', d.distribute], ['本期增发', d.extra]] as const;
    for (const [label, units] of rows) if (units.length) end.push(tag('p', { margin: '0 0 4px', fontSize: '14px', color: '#666666' }, `${label}：${escapeHtml(units.join('，'))}。`));
    if (d.copies !== undefined) end.push(tag('p', { margin: '0 0 4px', fontSize: '14px', color: '#666666', textAlign: 'right' }, `（共印${d.copies}份）`));
  }
  if (end.length) out.push(tag('section', { margin: '24px 0 0', padding: '12px 0 0', borderTop: '1px solid #dddddd' }, end.join('')));

  const html = tag('section', { fontFamily: FONT, fontSize: '16px', color: TEXT, lineHeight: 1.75, letterSpacing: '0.5px', wordBreak: 'break-word' }, out.join(''));
  return { html, images };
}

function decodeURIComponentSafe(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

/** The article as a page of its own (`article.html`): what the sanitiser checks and what a browser opens. */
export function wechatDocument(issue: Issue, article: string): string {
  return `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(`${issue.series.name} ${issue.issueLine}`)}</title>\n</head>\n<body style="margin: 0; padding: 16px; background-color: #ffffff">\n${article}\n</body>\n</html>\n`;
}
