// The one HTML sanitiser: every HTML page bulletin writes or prints (issue pages, index.html, the
// yearbook's contents, the issue page the preview serves) goes through here. The page is parsed with
// parse5, which implements the HTML standard's parsing algorithm (the tree Chrome builds from the same
// text, character references and odd attribute orders included), and written again from the tree with
// an allowlist of elements and attributes. What a series template cannot put into a published page:
// scripts, event handlers, `javascript:`/`data:`/`file:` addresses, meta refresh or any other
// `http-equiv`, <base>, forms and their controls, frames, objects, embeds, media, templates and
// MathML; inline SVG keeps only what model/sanitizeSvg.ts allows in a figure. The page's
// Content-Security-Policy meta is then put first in <head>.
import { parse, serialize, html as parse5Html, type DefaultTreeAdapterTypes } from '../vendor/parse5.js';
import { createHash } from 'node:crypto';
import { cssFetchesNothing, describeAddress, shorten, svgAttributeVerdict, svgElementActive, svgElementAllowed, urlAsRead } from '../model/sanitizeSvg.js';

type Node = DefaultTreeAdapterTypes.Node;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

const NS = parse5Html.NS;

/** Elements kept with their allowed attributes. */
const HTML_ELEMENTS = new Set([
  'html', 'head', 'body', 'title', 'meta', 'link', 'style',
  'main', 'header', 'footer', 'nav', 'section', 'article', 'aside', 'address', 'hgroup', 'search',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'div', 'span', 'br', 'hr', 'wbr', 'pre', 'blockquote',
  'ol', 'ul', 'li', 'dl', 'dt', 'dd', 'menu', 'figure', 'figcaption', 'img', 'picture',
  'a', 'em', 'strong', 'b', 'i', 'u', 's', 'small', 'sub', 'sup', 'code', 'kbd', 'samp', 'var', 'abbr', 'cite', 'dfn', 'q',
  'mark', 'time', 'data', 'ruby', 'rt', 'rp', 'bdi', 'bdo', 'del', 'ins',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'details', 'summary', 'label', 'fieldset', 'legend',
]);

/** Elements removed with everything inside them: they run, fetch, embed, or hold text the reader does not see. */
const DROPPED = new Set([
  'script', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'noframes', 'object', 'embed', 'applet', 'param',
  'base', 'portal', 'fencedframe', 'video', 'audio', 'source', 'track', 'canvas', 'map', 'area',
  'input', 'button', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'output', 'keygen', 'progress', 'meter',
  'noembed', 'xmp', 'plaintext', 'listing', 'dialog', 'slot', 'math',
]);

/** Elements worth a word when removed: the rest (unknown or presentational tags) are unwrapped quietly. */
const WORTH_A_WORD = new Set([...DROPPED, 'form', 'meta', 'link']);

const GLOBAL_ATTRIBUTES = new Set(['id', 'class', 'lang', 'dir', 'title', 'hidden', 'role', 'tabindex', 'translate', 'style']);
const ELEMENT_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href', 'name', 'rel', 'hreflang', 'type'],
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
  link: ['rel', 'href', 'media', 'type'],
  meta: ['charset', 'name', 'content'],
  style: ['media'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  td: ['colspan', 'rowspan', 'headers'],
  th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr'],
  col: ['span'],
  colgroup: ['span'],
  time: ['datetime'],
  data: ['value'],
  del: ['datetime'],
  ins: ['datetime'],
  details: ['open'],
};

/** `<meta name>` values a page may carry. */
const META_NAMES = new Set(['viewport', 'description', 'keywords', 'author', 'generator', 'color-scheme', 'theme-color', 'robots', 'format-detection', 'referrer']);

type UrlUse = 'link' | 'resource';

/**
 * Whether an address may stay: a link (`<a href>`) to a web page, an e-mail address, a fragment or a
 * file beside the page; a resource (`<img src>`, `<link href>`) only a file beside the page. No
 * scheme-relative (`//host`) or root-relative (`/etc/…`) address: from a file:// page they reach the
 * machine's files or another host.
 */
function urlAllowed(value: string, use: UrlUse): boolean {
  const url = urlAsRead(value);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme) return use === 'link' && (scheme === 'http' || scheme === 'https' || scheme === 'mailto');
  if (url === '' || /^[/\\]/.test(url)) return use === 'link' && url === '';
  return true;
}

export interface SanitizedHtml {
  html: string;
  /** What was removed, in words for the editor (`<script>`, `the event handler onclick` …), each once. */
  removed: string[];
}

export interface SanitizeOptions {
  /** The Content-Security-Policy put first in <head>. */
  policy: string;
  /** Hashes of the <style> elements kept are added to the policy's `style-src` (index.html has its styles inline). */
  hashStyles?: boolean;
  /**
   * `data:` addresses an `<img src>` may have, exactly as given: the images bulletin embedded in a
   * single-file page (render/singleFileHtml.ts). Any other `data:` address is removed as before.
   */
  dataImages?: ReadonlySet<string>;
  /**
   * A narrower allowlist on top of the page's (a WeChat article: render/wechatArticle.ts): any other
   * element is removed with its content, any other attribute removed, each named in `removed`; a
   * `style` attribute must fetch nothing.
   */
  only?: AllowList;
  /**
   * Scripts kept, by their exact text (a `<script>` without attributes): bulletin's own, such as the
   * WeChat preview's copy button. Their hashes are added to the policy's `script-src`.
   */
  scripts?: ReadonlySet<string>;
}

export interface AllowList {
  readonly elements: ReadonlySet<string>;
  /** By element; `*`: the attributes any element may have. */
  readonly attributes: Readonly<Record<string, readonly string[]>>;
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name && !a.namespace)?.value;

function textOf(node: ParentNode): string {
  return node.childNodes.map((c) => (c.nodeName === '#text' ? (c as DefaultTreeAdapterTypes.TextNode).value : '')).join('');
}

/** The attributes of an HTML element that may stay; the others are named in `removed`. */
function htmlAttributes(el: Element, removed: Set<string>): Element['attrs'] {
  const allowed = ELEMENT_ATTRIBUTES[el.tagName] ?? [];
  return el.attrs.filter((a) => {
    const name = a.name;
    if (a.namespace) return false;
    if (/^on/i.test(name)) {
      removed.add(`the event handler \`${name}\``);
      return false;
    }
    if (!GLOBAL_ATTRIBUTES.has(name) && !allowed.includes(name) && !/^aria-[a-z-]+$/.test(name) && !/^data-[a-z0-9._-]+$/.test(name)) {
      if (/^(?:srcdoc|formaction|action|srcset|poster|background|ping|manifest|codebase|archive|longdesc|usemap|lowsrc|dynsrc|http-equiv|xlink:href|src|href|data)$/i.test(name)) {
        removed.add(`the attribute \`${name}\``);
      }
      return false;
    }
    // Each candidate of a srcset (`url 480w, url 960w`) is a resource like `src`.
    if (name === 'srcset' && !a.value.split(',').every((candidate) => /^\s*\S+(?:\s+\d+(?:\.\d+)?[wx])?\s*$/.test(candidate) && urlAllowed(candidate.trim().split(/\s+/)[0]!, 'resource'))) {
      removed.add(`${describeAddress(a.value)} in \`srcset\``);
      return false;
    }
    if (narrower) {
      const ok = (narrower.attributes[el.tagName] ?? []).includes(name) || (narrower.attributes['*'] ?? []).includes(name);
      if (!ok || (name === 'style' && !cssFetchesNothing(`a{${a.value}}`))) {
        removed.add(ok ? `a style that refers to other files` : `the attribute \`${name}\``);
        return false;
      }
    }
    // A `data:` image that bulletin embedded itself (`--html-single`: its own renditions), named exactly.
    if (name === 'src' && el.tagName === 'img' && allowedData?.has(a.value)) return true;
    if ((name === 'href' || name === 'src') && !urlAllowed(a.value, el.tagName === 'a' ? 'link' : 'resource')) {
      removed.add(`${describeAddress(a.value)} in \`${name}\``);
      return false;
    }
    return true;
  });
}

/** Whether an HTML element is kept (its attributes filtered), or why not. */
function keepHtml(el: Element, removed: Set<string>): boolean {
  const tag = el.tagName;
  if (tag === 'meta') {
    if (attr(el, 'http-equiv') !== undefined) {
      removed.add(`the meta instruction \`${shorten(attr(el, 'http-equiv')!.replace(/[^A-Za-z-]/g, '').toLowerCase(), 30)}\``);
      return false;
    }
    const charset = attr(el, 'charset');
    if (charset !== undefined) return /^\s*utf-?8\s*$/i.test(charset) && el.attrs.length === 1;
    return META_NAMES.has((attr(el, 'name') ?? '').toLowerCase());
  }
  if (tag === 'link') {
    const rel = (attr(el, 'rel') ?? '').trim().toLowerCase();
    if (rel !== 'stylesheet' || !urlAllowed(attr(el, 'href') ?? '', 'resource') || !attr(el, 'href')) {
      removed.add(rel === 'stylesheet' ? `a stylesheet from ${describeAddress(attr(el, 'href') ?? '')}` : `<link rel="${shorten(rel.replace(/[^a-z -]/g, ''), 30)}">`);
      return false;
    }
  }
  return true;
}

/** Whether the cleaning under way (synchronous) changed the tree: a node or an attribute removed, an element unwrapped. */
let changed = false;
/** The `data:` images the cleaning under way lets through (SanitizeOptions.dataImages). */
let allowedData: ReadonlySet<string> | undefined;
/** The narrower allowlist and the scripts of the cleaning under way (SanitizeOptions.only, .scripts). */
let narrower: AllowList | undefined;
let allowedScripts: ReadonlySet<string> | undefined;

function filterAttributes(el: Element, keep: (a: Element['attrs'][number]) => boolean): void {
  const attrs = el.attrs.filter(keep);
  if (attrs.length !== el.attrs.length) changed = true;
  el.attrs = attrs;
}

/** The children of a node, cleaned; an unwrapped element gives its children in its place. */
function clean(parent: ParentNode, removed: Set<string>): void {
  const kept: ChildNode[] = [];
  for (const child of parent.childNodes) {
    if (child.nodeName === '#text') {
      kept.push(child);
      continue;
    }
    if (child.nodeName === '#comment' || child.nodeName === '#documentType') {
      if (child.nodeName === '#documentType' && parent.nodeName === '#document') kept.push(child);
      continue;
    }
    const el = child as Element;
    if (el.namespaceURI === NS.SVG) {
      if (!svgElementAllowed(el.tagName)) {
        if (svgElementActive(el.tagName)) removed.add(`the element <${el.tagName}>`);
        continue;
      }
      filterAttributes(el, (a) => {
        if (a.namespace === NS.XMLNS) return true;
        const verdict = svgAttributeVerdict(el.tagName, { local: a.name, ns: a.namespace ?? '', value: a.value });
        if (typeof verdict === 'string') removed.add(verdict);
        return verdict === true;
      });
      if (el.tagName === 'style' && !cssFetchesNothing(textOf(el))) {
        removed.add('a stylesheet that refers to other files');
        continue;
      }
      clean(el, removed);
      kept.push(el);
      continue;
    }
    if (el.namespaceURI === NS.HTML && el.tagName === 'script' && el.attrs.length === 0 && allowedScripts?.has(textOf(el))) {
      kept.push(el);
      continue;
    }
    if (narrower && (el.namespaceURI !== NS.HTML || !narrower.elements.has(el.tagName))) {
      removed.add(`the element <${el.tagName}>`);
      continue;
    }
    if (el.namespaceURI !== NS.HTML || DROPPED.has(el.tagName)) {
      removed.add(`the element <${el.tagName}>`);
      continue;
    }
    if (!HTML_ELEMENTS.has(el.tagName)) {
      // Unknown or presentational (font, center, a custom element, form): its content stays.
      if (WORTH_A_WORD.has(el.tagName)) removed.add(`the element <${el.tagName}>`);
      clean(el, removed);
      for (const grandchild of el.childNodes) {
        grandchild.parentNode = parent;
        kept.push(grandchild);
      }
      continue;
    }
    if (!keepHtml(el, removed)) continue;
    const attrs = htmlAttributes(el, removed);
    filterAttributes(el, (a) => attrs.includes(a));
    clean(el, removed);
    kept.push(el);
  }
  if (kept.length !== parent.childNodes.length || kept.some((node, i) => node !== parent.childNodes[i])) changed = true;
  parent.childNodes = kept;
}

function element(tagName: string, parent: ParentNode, attrs: Record<string, string>): Element {
  return { nodeName: tagName, tagName, namespaceURI: NS.HTML, parentNode: parent, childNodes: [], attrs: Object.entries(attrs).map(([name, value]) => ({ name, value })) };
}

function findChild(parent: ParentNode, tagName: string): Element | undefined {
  return parent.childNodes.find((c): c is Element => 'tagName' in c && c.tagName === tagName && c.namespaceURI === NS.HTML);
}

/**
 * A whole page → the page to print and publish, with its policy first in <head> and `<meta charset>`
 * next. The page written is parsed once more and must need no cleaning: what a browser reads from it
 * is what was checked (no markup that changes meaning when written and read again).
 */
export function sanitizeHtml(page: string, options: SanitizeOptions): SanitizedHtml {
  // The print loop asks for the same page more than once (the last pass's page is the one written).
  if (last && last.page === page && last.options.policy === options.policy && last.options.hashStyles === options.hashStyles && last.options.dataImages === options.dataImages && last.options.only === options.only && last.options.scripts === options.scripts) return last.result;
  const removed = new Set<string>();
  let text = page;
  for (let round = 0; round < 3; round++) {
    const document = parse(text);
    changed = false;
    allowedData = options.dataImages;
    narrower = options.only;
    allowedScripts = options.scripts;
    try {
      clean(document, removed);
    } finally {
      allowedData = undefined;
      narrower = undefined;
      allowedScripts = undefined;
    }
    // A tree the parser made and the cleaning left alone is written as it was read; one the cleaning
    // changed is written, read again and must need nothing more.
    if (!changed) {
      const result = finish(document, removed, options);
      last = { page, options, result };
      return result;
    }
    text = serialize(document);
  }
  throw new Error('the page made by the templates does not settle when cleaned (markup that changes when read again)');
}

let last: { page: string; options: SanitizeOptions; result: SanitizedHtml } | undefined;

function finish(document: DefaultTreeAdapterTypes.Document, removed: Set<string>, options: SanitizeOptions): SanitizedHtml {
  // The parser always makes <html>, <head> and <body>; nothing of them was removed.
  const root = findChild(document, 'html')!;
  const head = findChild(root, 'head')!;
  let policy = options.policy;
  if (options.hashStyles) {
    const hashes: string[] = [];
    const walk = (node: Node) => {
      if ('tagName' in node && node.tagName === 'style' && node.namespaceURI === NS.HTML) hashes.push(`'sha256-${createHash('sha256').update(textOf(node)).digest('base64')}'`);
      if ('childNodes' in node) node.childNodes.forEach(walk);
    };
    walk(document);
    if (hashes.length) policy = policy.replace(/style-src ([^;]*)/, (_, sources: string) => `style-src ${sources === "'none'" ? '' : `${sources} `}${hashes.join(' ')}`);
  }
  if (options.scripts?.size) {
    const hashes: string[] = [];
    const walk = (node: Node) => {
      if ('tagName' in node && node.tagName === 'script' && node.namespaceURI === NS.HTML) hashes.push(`'sha256-${createHash('sha256').update(textOf(node)).digest('base64')}'`);
      if ('childNodes' in node) node.childNodes.forEach(walk);
    };
    walk(document);
    if (hashes.length) policy = policy.replace(/script-src ([^;]*)/, (_, sources: string) => `script-src ${sources === "'none'" ? '' : `${sources} `}${hashes.join(' ')}`);
  }
  const first = head.childNodes.find((c): c is Element => 'tagName' in c);
  const charsetFirst = first?.tagName === 'meta' && attr(first, 'charset') !== undefined;
  if (!charsetFirst) {
    head.childNodes = head.childNodes.filter((c) => !('tagName' in c && c.tagName === 'meta' && attr(c, 'charset') !== undefined));
    head.childNodes.unshift(element('meta', head, { charset: 'utf-8' }));
  }
  head.childNodes.unshift(element('meta', head, { 'http-equiv': 'Content-Security-Policy', content: policy }));
  // Line breaks after </body> are read into the body's last text: the page ends with one, after </html>.
  const body = findChild(root, 'body');
  const last = body?.childNodes.at(-1);
  if (body && last?.nodeName === '#text') {
    const text = last as DefaultTreeAdapterTypes.TextNode;
    text.value = text.value.replace(/[\t\n\f\r ]+$/, '');
    if (!text.value) body.childNodes.pop();
  }
  return { html: `${serialize(document)}\n`, removed: [...removed] };
}

/**
 * The policy of a published or printed issue page: nothing runs, nothing is framed or submitted, and
 * every fetch directive allows only the page's own files (its stylesheets, fonts and images, beside
 * it) or nothing at all, so nothing remote loads in a reader's browser either.
 */
export const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self'",
  "media-src 'none'",
  "connect-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The policy of a single-file issue page (`--html-single`): the page's own, but its styles are inline
 * (each allowed by its hash) and its images are `data:` addresses (only those bulletin embedded pass
 * the sanitiser); it has no file beside it, so nothing else loads, fonts included.
 */
export const SINGLE_PAGE_POLICY = PAGE_POLICY.replace("style-src 'self'", "style-src 'none'").replace("font-src 'self'", "font-src 'none'").replace("img-src 'self'", 'img-src data:');

/** The policy of the preview's issue page: the page's own, plus its reload script and the events it listens to. */
export const PREVIEW_PAGE_POLICY = PAGE_POLICY.replace("script-src 'none'", "script-src 'self'").replace("connect-src 'none'", "connect-src 'self'");

/**
 * The policy of a WeChat article (`build --wechat`: `article.html`): its styles are inline style
 * attributes only, its images the numbered files beside it or the `data:` addresses bulletin
 * embedded; nothing runs, no font or stylesheet loads.
 */
export const WECHAT_ARTICLE_POLICY = PAGE_POLICY.replace("style-src 'self'", "style-src 'none'; style-src-attr 'unsafe-inline'").replace("font-src 'self'", "font-src 'none'").replace("img-src 'self'", "img-src 'self' data:");

/** The policy of its preview (`wechat.html`): the article's, plus its own stylesheet and copy script, each by its hash. */
export const WECHAT_PREVIEW_POLICY = WECHAT_ARTICLE_POLICY;
