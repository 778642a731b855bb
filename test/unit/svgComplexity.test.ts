// The SVG complexity check (src/model/svgComplexity.ts): what a figure would cost Chrome to draw,
// measured by parsing it, never by drawing it. Each hostile shape has a variant that stays within
// the limits, so a limit that is too tight shows here too.
import { describe, expect, it } from 'vitest';
import { checkSvg as checkSvgMessages, SVG_LIMITS } from '../../src/model/svgComplexity.js';
import { render } from '../../src/i18n/message.js';

/** checkSvg with its reason in English. */
function checkSvg(bytes: Uint8Array) {
  const r = checkSvgMessages(bytes);
  return r.ok ? r : { ...r, reason: render(r.reason, 'en') };
}

const svg = (body: string, attrs = 'width="200" height="100"') => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attrs}>${body}</svg>`);

/** `levels` groups, each holding `fanOut` <use> of the group before: fanOut^levels copies of the first. */
function useBomb(levels: number, fanOut: number, attribute = 'href'): Buffer {
  let defs = '<g id="l0"><rect width="1" height="1"/></g>';
  for (let l = 1; l <= levels; l++) defs += `<g id="l${l}">${`<use ${attribute}="#l${l - 1}"/>`.repeat(fanOut)}</g>`;
  return svg(`<defs>${defs}</defs><use ${attribute}="#l${levels}"/>`);
}

function refused(bytes: Uint8Array) {
  const result = checkSvg(bytes);
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result)}`);
  return result;
}

describe('checkSvg: what an ordinary figure looks like passes', () => {
  it('a chart with groups, a gradient, a clip path, text and a few <use>', () => {
    const result = checkSvg(svg(`
      <defs><linearGradient id="g"><stop offset="0"/><stop offset="1" stop-color="red"/></linearGradient>
      <clipPath id="c"><rect width="180" height="80"/></clipPath><circle id="dot" r="2"/></defs>
      <g clip-path="url(#c)" style="fill: url(#g)">${'<rect x="1" y="1" width="10" height="50"/>'.repeat(40)}</g>
      ${'<use href="#dot" x="5" y="5"/>'.repeat(100)}<text x="10" y="90">销售额（万元）</text>`, 'viewBox="0 0 200 100"'));
    expect(result).toMatchObject({ ok: true });
  });

  it('nested <use> within the limits: 10 × 10 × 10 copies', () => {
    expect(checkSvg(useBomb(3, 10))).toMatchObject({ ok: true, drawn: expect.any(Number) });
  });

  it('an SVG in UTF-16 with a byte order mark, and one declared as GBK', () => {
    const text = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>图</text></svg>';
    expect(checkSvg(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toMatchObject({ ok: true });
    const gbk = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="GBK"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>'), Buffer.from([0xcd, 0xbc]), Buffer.from('</text></svg>')]);
    expect(checkSvg(gbk)).toMatchObject({ ok: true });
  });

  it('an external DTD and scripts are not its business (they are never loaded in an <img>)', () => {
    const text = '<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg"><script>x()</script><use href="http://example.org/x.svg#a"/></svg>';
    expect(checkSvg(Buffer.from(text))).toMatchObject({ ok: true });
  });
});

describe('checkSvg: nested <use> (the billion laughs of SVG)', () => {
  it('3 KB of 9 levels × 10 <use>: 10⁹ copies, refused naming the <use> and its line', () => {
    const bytes = useBomb(9, 10);
    expect(bytes.length).toBeLessThan(3500);
    const started = performance.now();
    const r = refused(bytes);
    expect(performance.now() - started).toBeLessThan(500);
    expect(r.code).toBe('image-svg-complex');
    expect(r.reason).toMatch(/element `l\d` makes Chrome draw [\d,]+ elements \(at most 150,000\)/);
    expect(r.line).toBe(1);
  });

  it('with xlink:href, as older programs write it', () => {
    expect(refused(useBomb(9, 10, 'xlink:href')).code).toBe('image-svg-complex');
  });

  it('wide: more than 50,000 elements side by side are over the element count', () => {
    const r = refused(svg('<g/>'.repeat(50_001)));
    expect(r.reason).toMatch(/more than 50,000 elements/);
  });

  it('fan-out through few elements: 400 <use> of a group of 400 <use> of a group of 400 rectangles', () => {
    const r = refused(svg(`<defs><g id="a">${'<rect width="1" height="1"/>'.repeat(400)}</g><g id="b">${'<use href="#a"/>'.repeat(400)}</g></defs>${'<use href="#b"/>'.repeat(400)}`));
    expect(r.reason).toMatch(/makes Chrome draw/);
  });

  it('deep nesting: a chain of 20 <use>, each of the one before', () => {
    let defs = '<rect id="u0" width="1" height="1"/>';
    for (let i = 1; i <= 20; i++) defs += `<use id="u${i}" href="#u${i - 1}"/>`;
    const r = refused(svg(`<defs>${defs}</defs><use href="#u20"/>`));
    expect(r.reason).toMatch(/references lead through more than 12/);
  });

  it('deep element nesting: 5,000 groups inside each other', () => {
    const r = refused(svg(`${'<g>'.repeat(5000)}<rect/>${'</g>'.repeat(5000)}`));
    expect(r.reason).toMatch(/nested more than 100 deep/);
  });

  it('a <use> that leads back to itself', () => {
    const r = refused(svg('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>'));
    expect(r.reason).toMatch(/refers to itself/);
  });
});

describe('checkSvg: what else draws copies', () => {
  it('a marker with nested <use> on a path of 5,000 vertices', () => {
    const points = Array.from({ length: 5000 }, (_, i) => `${i % 200},${(i * 7) % 100}`).join(' ');
    const r = refused(svg(`<defs><g id="a">${'<rect width="1" height="1"/>'.repeat(50)}</g><marker id="m"><use href="#a"/></marker></defs><polyline points="${points}" marker-mid="url(#m)"/>`));
    expect(r.reason).toMatch(/makes Chrome draw/);
  });

  it('masks and patterns that draw groups of <use> again for every element that refers to them', () => {
    const inner = `<g id="a">${'<rect width="1" height="1"/>'.repeat(300)}</g><pattern id="p" width="0.5" height="0.5"><g>${'<use href="#a"/>'.repeat(300)}</g></pattern>`;
    const r = refused(svg(`<defs>${inner}</defs>${'<rect width="10" height="10" fill="url(#p)"/>'.repeat(10)}`));
    expect(r.code).toBe('image-svg-complex');
  });

  it('a pattern a millionth of the figure wide repeats too often; a pattern of a tenth is fine', () => {
    expect(refused(svg('<defs><pattern id="p" width="0.001" height="0.001"><rect width="1" height="1"/></pattern></defs><rect width="200" height="100" fill="url(#p)"/>')).reason).toMatch(/pattern `p` repeats about 1,000,000 times/);
    expect(refused(svg('<defs><pattern id="p" patternUnits="userSpaceOnUse" width="0.01" height="0.01"><rect width="1" height="1"/></pattern></defs><rect width="200" height="100" fill="url(#p)"/>', 'viewBox="0 0 200 100"')).reason).toMatch(/repeats about/);
    expect(checkSvg(svg('<defs><pattern id="p" width="0.1" height="0.1"><rect width="1" height="1"/></pattern></defs><rect width="200" height="100" fill="url(#p)"/>'))).toMatchObject({ ok: true });
  });

  it('a size or viewBox of 10¹²', () => {
    expect(refused(svg('<rect/>', 'viewBox="0 0 1e12 1e12"')).reason).toMatch(/beyond/);
    expect(refused(svg('<rect/>', 'width="1e12" height="10"')).reason).toMatch(/beyond/);
    expect(refused(svg('<rect/>', 'viewBox="0 0 0 10"')).code).toBe('image-svg-invalid');
  });
});

describe('checkSvg: filter bombs', () => {
  it('a filter of 200 blurs', () => {
    const r = refused(svg(`<filter id="f">${'<feGaussianBlur stdDeviation="5"/>'.repeat(200)}</filter><rect width="10" height="10" filter="url(#f)"/>`));
    expect(r.reason).toMatch(/more than 64 filter primitives/);
  });

  it('a small filter run on 10,000 copies of a filtered element', () => {
    const r = refused(svg(`<filter id="f"><feGaussianBlur stdDeviation="5"/><feOffset dx="1"/></filter><rect id="r" width="10" height="10" filter="url(#f)"/><g id="a">${'<use href="#r"/>'.repeat(100)}</g>${'<use href="#a"/>'.repeat(100)}`));
    expect(r.reason).toMatch(/its filters would run [\d,]+ times/);
  });

  it('a CSS filter in a stylesheet applies to every element: counted on every copy', () => {
    const r = refused(svg(`<style>rect { filter: blur(4px) }</style><g id="a">${'<rect width="1" height="1"/>'.repeat(100)}</g>${'<use href="#a"/>'.repeat(30)}`));
    expect(r.reason).toMatch(/filters would run/);
  });

  it('turbulence of 200 octaves and a convolution of order 100; within the limits both pass', () => {
    expect(refused(svg('<filter id="f"><feTurbulence baseFrequency="0.01" numOctaves="200"/></filter><rect width="10" height="10" filter="url(#f)"/>')).reason).toMatch(/200 octaves/);
    expect(refused(svg('<filter id="f"><feConvolveMatrix order="100" kernelMatrix="1"/></filter><rect width="10" height="10" filter="url(#f)"/>')).reason).toMatch(/order 100/);
    expect(checkSvg(svg('<filter id="f"><feTurbulence numOctaves="4"/><feConvolveMatrix order="3" kernelMatrix="0 1 0 1 1 1 0 1 0"/></filter><rect width="10" height="10" filter="url(#f)"/>'))).toMatchObject({ ok: true });
  });
});

describe('checkSvg: pictures inside the SVG', () => {
  const png = (w: number, h: number) => {
    const b = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(b, 0);
    b.write('IHDR', 12, 'latin1');
    b.writeUInt32BE(w, 16);
    b.writeUInt32BE(h, 20);
    return b.toString('base64');
  };

  it('an embedded PNG that declares 100,000 × 100,000 pixels (a decompression bomb inside an SVG)', () => {
    expect(refused(svg(`<image width="10" height="10" href="data:image/png;base64,${png(100000, 100000)}"/>`)).reason).toMatch(/more than 60 megapixels/);
    expect(checkSvg(svg(`<image width="10" height="10" href="data:image/png;base64,${png(100, 100)}"/>`))).toMatchObject({ ok: true });
  });

  it('an SVG inside an SVG, and an embedded picture that is not one', () => {
    expect(refused(svg('<image href="data:image/svg+xml;base64,PHN2Zy8+"/>')).reason).toMatch(/embeds another SVG/);
    expect(refused(svg('<image href="data:image/png;base64,aGVsbG8="/>')).code).toBe('image-svg-invalid');
  });
});

describe('checkSvg: what Chrome would draw as nothing', () => {
  it('malformed XML, an undefined entity, a root without the SVG namespace, an internal DTD', () => {
    expect(refused(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>')).reason).toMatch(/not well-formed XML/);
    expect(refused(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><text>&nbsp;</text></svg>')).reason).toMatch(/not well-formed XML/);
    expect(refused(Buffer.from('<svg width="10" height="10"><rect/></svg>')).reason).toMatch(/outside the SVG namespace/);
    const dtd = refused(Buffer.from('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>'));
    expect(dtd).toMatchObject({ code: 'image-svg-invalid', reason: expect.stringMatching(/DTD/) });
  });

  it('text that is not valid UTF-8', () => {
    expect(refused(Buffer.concat([Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><text>'), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from('</text></svg>')])).reason).toMatch(/not valid UTF-8/);
  });
});

describe('checkSvg: the limits are the documented ones', () => {
  it('README states the numbers of SVG_LIMITS', () => {
    expect(SVG_LIMITS).toMatchObject({ elements: 50_000, depth: 100, referenceDepth: 12, drawn: 150_000, filterPrimitives: 64, filterRuns: 500, octaves: 10, convolveOrder: 12, patternTiles: 250_000 });
  });
});
