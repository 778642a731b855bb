// SVG as bulletin publishes it: a figure's SVG file is parsed as XML (saxes: well-formedness and
// namespaces, no DTD, no entity but the five of XML) and written again from an allowlist, so the
// copy in the HTML folder and the bytes the print loads hold no script, event handler, animation,
// foreign object, external reference or stylesheet that could fetch. The same element and attribute
// rules apply to SVG written inline by a series template (render/sanitizeHtml.ts).
//
// Why not as it is: an SVG is only inert inside <img>. Opened on its own from a published site (a
// reader clicks the picture, a crawler follows the link) it is a document of that site, and its
// scripts run there. Why not a raster: a vector figure stays sharp in print, and a sanitised SVG
// prints exactly as the original did (what is removed never renders inside <img> anyway).
import { SaxesParser, type SaxesTagNS } from '../vendor/saxes.js';
import { msg, render, type Message } from '../i18n/message.js';

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const XLINK_NS = 'http://www.w3.org/1999/xlink';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The SVG elements that draw, or that hold what drawing refers to (gradients, clips, filters). */
const SVG_ELEMENTS = new Set([
  'svg', 'g', 'defs', 'symbol', 'use', 'desc', 'title', 'switch', 'a', 'view',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'image',
  'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker', 'style',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting',
  'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR',
  'feGaussianBlur', 'feImage', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset', 'fePointLight',
  'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence',
]);

/**
 * Elements that are removed with a word to the editor: they run code, change the picture over time,
 * or embed another document. Other unknown elements (an editor's metadata, SVG 2 drafts Chrome does
 * not draw) are dropped silently.
 */
const ACTIVE_ELEMENTS = new Set([
  'script', 'foreignObject', 'animate', 'animateMotion', 'animateTransform', 'animateColor', 'set', 'discard', 'mpath',
  'handler', 'listener', 'iframe', 'embed', 'object', 'video', 'audio', 'canvas', 'cursor', 'font-face-uri', 'tref',
]);

/** Where a reference may point: a fragment of the same file, or also an embedded raster picture. */
const FRAGMENT_ONLY = new Set(['use', 'textPath', 'linearGradient', 'radialGradient', 'pattern', 'filter']);
const RASTER_DATA = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*$/i;
const WEB_LINK = /^(?:https?:|mailto:)/i;

/** A URL as a browser reads it: without tabs and line breaks anywhere, without controls and spaces at its ends. */
export function urlAsRead(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** Whether an `href` of an SVG element may stay. */
function hrefAllowed(element: string, value: string): boolean {
  const url = urlAsRead(value);
  if (url.startsWith('#') && !/[\s\\]/.test(url)) return true;
  if (FRAGMENT_ONLY.has(element)) return false;
  if (element === 'image' || element === 'feImage') return RASTER_DATA.test(url);
  if (element === 'a') return WEB_LINK.test(url);
  return false;
}

/**
 * CSS that can fetch nothing: no escapes (they can spell `url(`), no `@import`, no functions that
 * take an address, and `url()` only to a fragment of the same file (`fill: url(#gradient)`).
 */
export function cssFetchesNothing(css: string): boolean {
  if (css.includes('\\') || /@(?:import|font-face|namespace)/i.test(css)) return false;
  if (/(?:^|[^a-z0-9_-])(?:-webkit-)?(?:image-set|image|src|element|cross-fade)\s*\(/i.test(css)) return false;
  for (const m of css.matchAll(/url\s*\(\s*(['"]?)([^'")\s]*)/gi)) {
    if (!m[2]!.startsWith('#')) return false;
  }
  return true;
}

export interface SvgAttribute {
  /** Local name: `href` for both `href` and `xlink:href`. */
  local: string;
  /** '' for no namespace. */
  ns: string;
  value: string;
}

/** An element of the SVG namespace that may be published. */
export function svgElementAllowed(local: string): boolean {
  return SVG_ELEMENTS.has(local);
}

/** Whether removing the element is worth telling the editor (it would run, move or fetch). */
export function svgElementActive(local: string): boolean {
  return ACTIVE_ELEMENTS.has(local);
}

/**
 * Whether an attribute of an allowed SVG element may stay; `undefined` when it goes silently (an
 * editor's metadata), a word for the editor when it goes because it would run or fetch.
 */
export function svgAttributeVerdict(element: string, attr: SvgAttribute): true | undefined | string {
  const verdict = svgAttributeRemoval(element, attr);
  return typeof verdict === 'object' ? render(verdict, 'en') : verdict;
}

/** {@link svgAttributeVerdict} with the word for the editor as a catalogue message. */
export function svgAttributeRemoval(element: string, attr: SvgAttribute): true | undefined | Message {
  const { local, ns, value } = attr;
  if (/^on/i.test(local)) return msg('svg.removed.handler', { name: local });
  if (ns === XLINK_NS || (ns === '' && local === 'href')) {
    if (local !== 'href') return undefined; // xlink:title, xlink:show …
    return hrefAllowed(element, value) ? true : msg('svg.removed.reference', { address: addressMessage(value) });
  }
  if (ns === XML_NS) return local === 'space' || local === 'lang' ? true : undefined;
  if (ns !== '') return undefined; // inkscape:*, sodipodi:* …
  if (!cssFetchesNothing(value)) return msg('svg.removed.attribute', { name: local });
  return true;
}

/**
 * An address in words for a message: its scheme only (`a javascript: address`), so that a report
 * never repeats what an address carries.
 */
export function describeAddress(value: string): string {
  return render(addressMessage(value), 'en');
}

/** {@link describeAddress} as a catalogue message. */
export function addressMessage(value: string): Message {
  const url = urlAsRead(value);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  if (scheme) return msg('svg.address.scheme', { scheme: scheme.toLowerCase() });
  if (/^[/\\]{2}/.test(url)) return msg('svg.address.host');
  if (/^[/\\]/.test(url)) return msg('svg.address.root');
  return msg('svg.address.file');
}

/**
 * The XML parser's error (saxes, without its position) in an editor's words: the common mistakes
 * by name, anything else quoted after a sentence of ours.
 */
export function xmlProblem(message: string): Message {
  const detail = message.replace(/^(?:[^:\s]*:)?\d+:\d+: /, '').replace(/\.$/, '');
  const tag = /^unclosed tag: (.+)$/.exec(detail)?.[1];
  if (tag) return msg('svg.xml.unclosed', { tag });
  const closing = /^unmatched closing tag: (.+)$/.exec(detail)?.[1];
  if (closing) return msg('svg.xml.unmatched-close', { tag: closing });
  if (/^unexpected close tag$/.test(detail)) return msg('svg.xml.unexpected-close');
  if (/attribute|value required|value must be quoted|unquoted|whitespace between/.test(detail)) return msg('svg.xml.attribute', { detail });
  if (/entity/.test(detail)) return msg('svg.xml.entity', { detail });
  if (/unbound namespace prefix/.test(detail)) return msg('svg.xml.prefix', { detail });
  if (/outside of root node|only one root/.test(detail)) return msg('svg.xml.outside-root');
  if (/^unexpected end$/.test(detail)) return msg('svg.xml.end');
  if (/^disallowed character\.?$/.test(detail)) return msg('svg.xml.character');
  return msg('svg.xml.other', { detail });
}

export function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export type SanitizedSvg =
  | { ok: true; text: string; removed: Message[] }
  | { ok: false; reason: Message; line: number; column: number };

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
  .replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

/**
 * An SVG file's text → the SVG to publish, with what was removed for running or fetching; or why it
 * is no SVG (not well-formed XML, or its root is not `<svg>` in the SVG namespace).
 */
export function sanitizeSvg(source: string): SanitizedSvg {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const out: string[] = [];
  /** What was removed, each once (by its English). */
  const removedByText = new Map<string, Message>();
  const removed = { add: (m: Message) => void removedByText.set(render(m, 'en'), m) };
  /** Depth inside an element being dropped (0: writing). */
  let dropping = 0;
  let rootSeen = false;
  let rootClosed = false;
  let failure: { reason: Message; line: number; column: number } | undefined;
  /** Where the text of an open <style> starts in `out`, to take it back if it could fetch. */
  const styles: number[] = [];
  const selfClosing: boolean[] = [];
  const fail = (reason: Message) => {
    failure ??= { reason, line: parser.line, column: parser.column };
  };

  parser.on('error', (error) => fail(xmlProblem(error.message)));
  parser.on('processinginstruction', (pi) => {
    if (pi.target.toLowerCase() === 'xml-stylesheet') removed.add(msg('svg.removed.stylesheet-instruction'));
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (!rootSeen) {
      rootSeen = true;
      if (tag.local === 'svg' && tag.uri !== SVG_NS) fail(msg('svg.no-xmlns', { ns: SVG_NS }));
      else if (tag.local !== 'svg') fail(msg('svg.root-not-svg', { name: tag.name }));
    }
    if (dropping > 0 || tag.uri !== SVG_NS || !svgElementAllowed(tag.local)) {
      if (dropping === 0 && svgElementActive(tag.local)) removed.add(msg('svg.removed.element', { name: tag.local }));
      else if (dropping === 0 && tag.uri === 'http://www.w3.org/1999/xhtml') removed.add(msg('svg.removed.html'));
      dropping += 1;
      return;
    }
    const attrs: string[] = [];
    if (out.length === 0) attrs.push(` xmlns="${SVG_NS}"`, ` xmlns:xlink="${XLINK_NS}"`);
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || (a.prefix === '' && a.local === 'xmlns')) continue;
      const verdict = svgAttributeRemoval(tag.local, { local: a.local, ns: a.uri, value: a.value });
      if (typeof verdict === 'object') removed.add(verdict);
      if (verdict !== true) continue;
      const name = a.uri === XLINK_NS ? `xlink:${a.local}` : a.uri === XML_NS ? `xml:${a.local}` : a.local;
      attrs.push(` ${name}="${escapeAttr(a.value)}"`);
    }
    selfClosing.push(tag.isSelfClosing);
    if (tag.local === 'style') styles.push(out.length);
    out.push(`<${tag.local}${attrs.join('')}${tag.isSelfClosing ? '/>' : '>'}`);
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    if (dropping > 0) {
      dropping -= 1;
      return;
    }
    const closes = !selfClosing.pop();
    if (selfClosing.length === 0) rootClosed = true;
    if (tag.local === 'style') {
      const from = styles.pop()!;
      const css = out.slice(from + 1).join('');
      if (!cssFetchesNothing(css.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))) {
        out.length = from; // the whole <style> element goes
        removed.add(msg('svg.removed.stylesheet'));
        return;
      }
    }
    if (closes) out.push(`</${tag.local}>`);
  });
  const text = (t: string) => {
    if (dropping === 0 && rootSeen && !rootClosed) out.push(escapeText(t));
  };
  parser.on('text', text);
  parser.on('cdata', text);

  try {
    parser.write(source).close();
  } catch (error) {
    fail(xmlProblem((error as Error).message));
  }
  if (!failure && !rootSeen) fail(msg('svg.no-element'));
  if (failure) return { ok: false, ...failure };
  return { ok: true, text: out.join(''), removed: [...removedByText.values()] };
}
