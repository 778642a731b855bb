// SVG figures as printed and published (src/model/sanitizeSvg.ts): only what draws is left.
import { describe, expect, it } from 'vitest';
import { SaxesParser } from 'saxes';
import { sanitizeSvg as sanitizeSvgMessages, cssFetchesNothing } from '../../src/model/sanitizeSvg.js';
import { render } from '../../src/i18n/message.js';

/** sanitizeSvg with its reasons and removals in English. */
function sanitizeSvg(source: string) {
  const r = sanitizeSvgMessages(source);
  return r.ok ? { ...r, removed: r.removed.map((m) => render(m, 'en')) } : { ...r, reason: render(r.reason, 'en') };
}

const svg = (inner: string, attrs = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="20" height="10"${attrs}>${inner}</svg>`;

function ok(source: string): { text: string; removed: string[] } {
  const r = sanitizeSvg(source);
  if (!r.ok) throw new Error(`not accepted: ${r.reason}`);
  // What is published is well-formed XML again.
  new SaxesParser({ xmlns: true }).write(r.text).close();
  return r;
}

describe('sanitizeSvg', () => {
  const ACTIVE: Record<string, string> = {
    'a script': '<script>alert(1)</script>',
    'a script in CDATA': '<script><![CDATA[alert(1)]]></script>',
    'an event handler': '<rect width="1" height="1" onclick="alert(1)"/>',
    'an upper-case handler': '<rect width="1" height="1" ONLOAD="alert(1)"/>',
    'a foreign object with HTML': '<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="http://x/"></iframe></foreignObject>',
    'an animation that sets href': '<a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a>',
    'set': '<set attributeName="fill" to="red"/>',
    'a link to javascript:': '<a href="javascript:alert(1)"><text>x</text></a>',
    'an xlink to javascript: with a tab': '<a xlink:href="java&#x9;script:alert(1)"><text>x</text></a>',
    'use of another file': '<use href="http://x/a.svg#b"/>',
    'use of a file beside it': '<use xlink:href="other.svg#b"/>',
    'an image from the net': '<image href="http://x/a.png" width="1" height="1"/>',
    'an image from the disk': '<image xlink:href="file:///etc/passwd" width="1" height="1"/>',
    'an SVG inside as data:': '<image href="data:image/svg+xml;base64,PHN2Zz4=" width="1" height="1"/>',
    'feImage from the net': '<filter id="f"><feImage href="http://x/a.png"/></filter>',
    '@import': '<style>@import url(http://x/a.css);</style>',
    'url() to the net in a stylesheet': '<style>rect { fill: url("http://x/p#a") }</style>',
    'an escaped url() in a stylesheet': '<style>rect { background: u\\72l(http://x/) }</style>',
    'image-set in a stylesheet': '<style>rect { background: image-set("http://x/a.png" 1x) }</style>',
    'url() to the net in a style attribute': '<rect width="1" height="1" style="fill: url(\'http://x/\')"/>',
    'url() to the net in a presentation attribute': '<rect width="1" height="1" fill="url(http://x/#p)"/>',
  };
  for (const [name, inner] of Object.entries(ACTIVE)) {
    it(`removes ${name}, and says so`, () => {
      const r = ok(svg(`<rect width="20" height="10" fill="#ccc"/>${inner}`));
      expect(r.removed.length, r.text).toBeGreaterThan(0);
      expect(r.text.replace(/ xmlns(:xlink)?="[^"]*"/g, "")).not.toMatch(/script|on(click|load)|foreignObject|iframe|animate|<set|http:|file:|javascript|@import|image-set|\\72|data:image\/svg/i);
      expect(r.text).toContain('<rect width="20" height="10" fill="#ccc"/>');
    });
  }

  it('keeps what draws: shapes, text, gradients, clips, filters, fragments, embedded raster pictures', () => {
    const inner = '<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient><clipPath id="c"><rect width="5" height="5"/></clipPath><filter id="f"><feGaussianBlur stdDeviation="1"/></filter></defs>'
      + '<rect width="20" height="10" fill="url(#g)" clip-path="url(#c)" filter="url(#f)" style="stroke: url(#g); stroke-width: 1"/><use xlink:href="#c"/>'
      + '<text x="1" y="8" xml:space="preserve" font-family="Noto Serif SC">图 &amp; 表 &lt;1&gt;</text><image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>'
      + '<style>rect { fill: #c00 }</style>';
    const r = ok(svg(inner));
    expect(r.removed).toEqual([]);
    expect(r.text).toBe(svg(inner));
  });

  it('drops an editor\'s metadata quietly (Inkscape, RDF)', () => {
    const r = ok('<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" inkscape:version="1.3" width="2" height="2">'
      + '<sodipodi:namedview id="n" inkscape:zoom="1"/><metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata><rect width="2" height="2" inkscape:label="r"/></svg>');
    expect(r.removed).toEqual([]);
    expect(r.text).toBe('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="2" height="2"><rect width="2" height="2"/></svg>');
  });

  it('drops the doctype, processing instructions and comments; an xml-stylesheet is named', () => {
    const r = ok(`<?xml version="1.0"?><?xml-stylesheet href="http://x/a.css"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://x/svg11.dtd"><!-- c -->${svg('<rect width="1" height="1"/>')}`);
    expect(r.text).toBe(svg('<rect width="1" height="1"/>'));
    expect(r.removed).toEqual(['an `<?xml-stylesheet?>` instruction']);
  });

  it('refuses what is no well-formed SVG, with where', () => {
    expect(sanitizeSvg('<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>')).toMatchObject({ ok: false, line: 1 });
    expect(sanitizeSvg('<svg width="1"><rect/></svg>')).toMatchObject({ ok: false, reason: expect.stringContaining('xmlns') });
    expect(sanitizeSvg(svg('<text>&nbsp;</text>'))).toMatchObject({ ok: false, reason: expect.stringContaining('entity') });
    expect(sanitizeSvg('<!DOCTYPE svg [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg">&b;</svg>')).toMatchObject({ ok: false });
    expect(sanitizeSvg(`${svg('')}${svg('')}`)).toMatchObject({ ok: false });
    expect(sanitizeSvg('')).toMatchObject({ ok: false });
  });

  it('reads CSS the way a browser might be tricked', () => {
    expect(cssFetchesNothing('rect { fill: url(#a); stroke: url( "#b" ) }')).toBe(true);
    for (const css of ['a{b:url(x)}', 'a{b:URL(//x)}', 'a{b:u\\rl(x)}', '@import "x"', 'a{b:-webkit-image-set("x" 1x)}', 'a{b:image("x")}', '@font-face{src:local(x)}']) {
      expect(cssFetchesNothing(css), css).toBe(false);
    }
  });
});
