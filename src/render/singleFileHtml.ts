// An issue's HTML page as one self-contained file (`build --html-single`): its stylesheets inline,
// its photos embedded as `data:` addresses in their phone rendition (480 px wide), no font file (the reader's own
// Chinese fonts), so that it can be sent as an attachment or opened from a chat. The result goes
// through the one sanitiser again, under the single page's policy: the only `data:` images it lets
// through are the ones embedded here.
import { parse, serialize, html as parse5Html, type DefaultTreeAdapterTypes } from '../vendor/parse5.js';
import type { IssueDocument, Resource } from './issueDocument.js';
import { sanitizeHtml, SINGLE_PAGE_POLICY } from './sanitizeHtml.js';
import { urlPath } from './urlPath.js';
import { SYSTEM_FONTS } from './issueCss.js';

type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

export interface SingleFilePage {
  html: string;
  /** The images embedded, with their size in bytes (before base64). */
  images: { url: string; bytes: number }[];
  /** What the sanitiser removed (nothing, for bulletin's own templates). */
  removed: readonly string[];
}

const NS = parse5Html.NS;
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name && !a.namespace)?.value;

function elements(node: ParentNode, out: Element[] = []): Element[] {
  for (const child of node.childNodes) {
    if (!('tagName' in child)) continue;
    if (child.namespaceURI === NS.HTML) out.push(child);
    elements(child, out);
  }
  return out;
}

/**
 * A stylesheet's text for a `<style>` element: its font faces taken out (the page has no font file;
 * the reader's own fonts take their roles), and `</style` made harmless (in CSS `\/` is `/`).
 */
function inlineCss(css: string): string {
  let faces = 0;
  const text = css.replace(/@font-face\s*\{[^}]*\}\s*/g, () => (faces++, ''));
  const fonts = faces ? `\n:root { --font-title: ${SYSTEM_FONTS.title}; --font-body: ${SYSTEM_FONTS.body}; --font-heading: ${SYSTEM_FONTS.heading}; --font-kai: ${SYSTEM_FONTS.kai}; --font-number: ${SYSTEM_FONTS.body}; }\n` : '';
  return `${text}${fonts}`.replace(/<\/(style)/gi, '<\\/$1');
}

/** The single-file page of a written document (`doc`: the page made for screens, with its resources). */
export async function singleFileHtml(doc: IssueDocument, readFile: (file: string) => Promise<Uint8Array>): Promise<SingleFilePage> {
  const entry = doc.resources.get(doc.entry);
  if (!entry || !('body' in entry) || typeof entry.body !== 'string') throw new Error(`the page ${doc.entry} is not among its document's files`);
  // The page refers to its files by encoded URL (render/urlPath.ts).
  const byUrl = new Map<string, [string, Resource]>();
  for (const [key, resource] of doc.resources) byUrl.set(urlPath(key), [key, resource]);
  const text = async (url: string | undefined): Promise<string | undefined> => {
    const found = url === undefined ? undefined : byUrl.get(url);
    if (!found) return undefined;
    const r = found[1];
    if ('body' in r) return typeof r.body === 'string' ? r.body : new TextDecoder().decode(r.body);
    return new TextDecoder().decode('make' in r ? await r.make() : await readFile(r.file));
  };
  const document = parse(entry.body);
  const images: SingleFilePage['images'] = [];
  const dataImages = new Set<string>();
  for (const el of elements(document)) {
    const parent = el.parentNode as ParentNode;
    if (el.tagName === 'meta' && attr(el, 'http-equiv') !== undefined) {
      // The folder page's policy: the sanitiser puts the single page's own in its place.
      parent.childNodes = parent.childNodes.filter((c) => c !== el);
    } else if (el.tagName === 'link' && (attr(el, 'rel') ?? '').toLowerCase() === 'stylesheet') {
      const css = await text(attr(el, 'href'));
      const style: Element = { nodeName: 'style', tagName: 'style', namespaceURI: NS.HTML, attrs: [], parentNode: parent, childNodes: [] };
      if (css !== undefined) style.childNodes.push({ nodeName: '#text', value: inlineCss(css), parentNode: style });
      const media = attr(el, 'media');
      if (media) style.attrs.push({ name: 'media', value: media });
      parent.childNodes = parent.childNodes.map((c) => (c === el ? style : c));
    } else if (el.tagName === 'img') {
      // A photo's phone rendition (the narrowest of its srcset: images/figureRenditions.ts), else its src.
      const candidates = (attr(el, 'srcset') ?? '').split(',').map((c) => c.trim().split(/\s+/)).filter((c) => c.length === 2 && /^\d+w$/.test(c[1]!));
      const narrowest = candidates.sort((a, b) => parseInt(a[1]!, 10) - parseInt(b[1]!, 10))[0]?.[0];
      const src = narrowest ?? attr(el, 'src');
      const found = src === undefined ? undefined : byUrl.get(src);
      // Only bulletin's own images are embedded: a rendition (or a sanitised SVG) made in memory.
      const resource = found?.[1];
      const bytes = resource && 'body' in resource ? (typeof resource.body === 'string' ? new TextEncoder().encode(resource.body) : resource.body) : resource && 'make' in resource ? await resource.make() : undefined;
      el.attrs = el.attrs.filter((a) => a.name !== 'src' && a.name !== 'srcset' && a.name !== 'sizes');
      if (!bytes || !resource) continue;
      const data = `data:${resource.type.split(';')[0]!.trim()};base64,${Buffer.from(bytes).toString('base64')}`;
      el.attrs.unshift({ name: 'src', value: data });
      dataImages.add(data);
      images.push({ url: found![0], bytes: bytes.length });
    }
  }
  const page = sanitizeHtml(serialize(document), { policy: SINGLE_PAGE_POLICY, hashStyles: true, dataImages });
  return { html: page.html, images, removed: page.removed };
}
