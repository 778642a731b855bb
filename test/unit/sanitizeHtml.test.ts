// The one HTML sanitiser (src/render/sanitizeHtml.ts): what a series template puts into a page that
// is printed and published. Each vector is checked on the tree a browser builds from the output.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { sanitizeHtml, PAGE_POLICY, PREVIEW_PAGE_POLICY, SINGLE_PAGE_POLICY } from '../../src/render/sanitizeHtml.js';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

const page = (body: string, head = '') => `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;
const clean = (html: string) => sanitizeHtml(html, { policy: PAGE_POLICY });

function elements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (node: Node) => {
    if ('tagName' in node) out.push(node);
    if ('childNodes' in node) node.childNodes.forEach(walk);
    if ('content' in node && node.content) walk(node.content as Node);
  };
  walk(parse(html));
  return out;
}

const ALLOWED_SCHEMES = /^(https?|mailto):/i;
/** What a browser would do with the page: every problem found on the parsed output. */
function dangers(html: string): string[] {
  const found: string[] = [];
  for (const el of elements(html)) {
    const name = el.tagName.toLowerCase();
    if (['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'form', 'input', 'button', 'textarea', 'select', 'template', 'noscript', 'math', 'foreignobject', 'animate', 'set', 'portal', 'video', 'audio', 'applet'].includes(name)) found.push(`<${name}>`);
    for (const a of el.attrs) {
      const value = a.value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
      if (/^on/i.test(a.name)) found.push(`${name} ${a.name}`);
      if (/^(href|src|action|formaction|data|poster|srcdoc|srcset)$/i.test(a.name)) {
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[0];
        if (scheme && !(name === 'a' && ALLOWED_SCHEMES.test(scheme))) found.push(`${name} ${a.name}=${scheme}`);
        if (/^[/\\]/.test(value)) found.push(`${name} ${a.name}=${value.slice(0, 2)}`);
      }
      if (name === 'meta' && a.name === 'http-equiv' && !/^content-security-policy$/i.test(a.value)) found.push(`meta http-equiv=${a.value}`);
    }
    if (name === 'meta' && el.attrs.some((a) => a.name === 'http-equiv') && el.attrs.find((a) => a.name === 'content')?.value !== PAGE_POLICY) found.push('a second policy');
    if (name === 'link' && el.attrs.find((a) => a.name === 'rel')?.value.toLowerCase() !== 'stylesheet') found.push('link not a stylesheet');
  }
  return found;
}

/** Character references, case, odd attribute orders, parser tricks: each must leave nothing. */
const VECTORS: Record<string, string> = {
  'tab in the scheme (character reference)': '<a href="jav&#x09;ascript:alert(1)">x</a>',
  'newline in the scheme (character reference)': '<a href="java&#10;script:alert(1)">x</a>',
  'numeric reference for the first letter': '<a href="&#106;avascript:alert(1)">x</a>',
  'named reference for the colon': '<a href="javascript&colon;alert(1)">x</a>',
  'mixed case': '<a href="JaVaScRiPt:alert(1)">x</a>',
  'leading spaces and controls': '<a href="  \u0001javascript:alert(1)">x</a>',
  'a raw line break inside the scheme': '<a href="java\nscript:alert(1)">x</a>',
  'vbscript:': '<a href="vbscript:msgbox(1)">x</a>',
  'data: link': '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
  'file: link': '<a href="file:///etc/passwd">x</a>',
  'img onerror, handler first': '<img onerror=alert(1) src=x>',
  'img onerror, handler last': '<img src=x onerror=alert(1)>',
  'upper-case handler': '<P ONCLICK="alert(1)">x</P>',
  'handler with odd spacing': '<p\nonclick\n=\n"alert(1)">x</p>',
  'slash as separator': '<svg/onload=alert(1)>',
  'script in svg': '<svg><script>alert(1)</script></svg>',
  'svg link to javascript:': '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  'svg animate sets href': '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
  'svg set': '<svg><set attributeName="onmouseover" to="alert(1)"/></svg>',
  'svg foreignObject': '<svg><foreignObject><iframe src="http://x/"></iframe></foreignObject></svg>',
  'svg use of another file': '<svg><use href="http://x/a.svg#b"/></svg>',
  'svg image from the net': '<svg><image href="http://x/a.png"/></svg>',
  'mathml mglyph style (mutation)': '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  'noscript title (mutation)': '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
  'svg style closing early (mutation)': '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  'meta refresh, attributes reversed': '<meta content="0;url=http://x/" http-equiv="refresh">',
  'meta refresh upper case': '<META HTTP-EQUIV=Refresh CONTENT="0;url=http://x/">',
  'meta set-cookie': '<meta http-equiv="set-cookie" content="a=b">',
  'a second, permissive policy': '<meta http-equiv="Content-Security-Policy" content="default-src *">',
  'base': '<base href="http://x/">',
  'form with formaction': '<form action="http://x/"><button formaction="javascript:alert(1)">b</button><input type="image" src="http://x/i.png"></form>',
  'iframe srcdoc': '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  'frameset': '<frameset><frame src="http://x/"></frameset>',
  'object and embed': '<object data="http://x/"></object><embed src="http://x/">',
  'template': '<template><script>alert(1)</script></template>',
  'link prefetch': '<link rel="prefetch" href="http://x/">',
  'link import': '<link rel="import" href="x.html">',
  'stylesheet from another host': '<link rel="stylesheet" href="//x/a.css">',
  'stylesheet with a scheme': '<link rel="stylesheet" href="http://x/a.css">',
  'image from the root of the disk': '<img src="/etc/passwd">',
  'image from another host (backslashes)': '<img src="\\\\x\\a.png">',
  'image with srcset': '<img src="a.png" srcset="http://x/a.png 2x">',
  'video poster and audio': '<video poster="http://x/p.png"></video><audio src="http://x/a.mp3"></audio>',
  'custom element with handler': '<x-y onclick="alert(1)">x</x-y>',
  'html manifest': '<html manifest="http://x/m"><body>x</body></html>',
  'body onload': '<body onload="alert(1)">x</body>',
};

describe('sanitizeHtml: what no page keeps', () => {
  for (const [name, vector] of Object.entries(VECTORS)) {
    it(name, () => {
      for (const html of [page(vector), page('', vector), vector]) {
        const out = clean(html);
        expect(dangers(out.html), out.html).toEqual([]);
        // Written again, the page is the same: what a browser reads is what was checked.
        expect(clean(out.html).html).toBe(out.html);
      }
    });
  }

  it('names what it removed, without repeating what the addresses carry', () => {
    const out = clean(page('<a href="javascript:alert(\'SECRET\')">x</a><img src=x onerror="SECRET()"><iframe src="http://SECRET/"></iframe>', '<meta http-equiv="refresh" content="0;url=http://SECRET/">'));
    expect(out.removed).toEqual(expect.arrayContaining(['a `javascript:` address in `href`', 'the event handler `onerror`', 'the element <iframe>', 'the meta instruction `refresh`']));
    expect(out.removed.join('\n')).not.toContain('SECRET');
  });
});

describe('sanitizeHtml: what a page keeps', () => {
  it('puts its policy first in <head>, then <meta charset>, whatever the template wrote', () => {
    for (const html of ['<p>x</p>', page('<p>x</p>'), '<html><head><title>t</title><meta charset="utf-8"></head><body>x</body></html>', '<head><meta charset="iso-8859-1"></head>x']) {
      const out = clean(html).html;
      const head = elements(out).find((e) => e.tagName === 'head')!;
      const metas = head.childNodes.filter((c): c is Element => 'tagName' in c).slice(0, 2);
      expect(metas[0]!.attrs).toEqual([{ name: 'http-equiv', value: 'Content-Security-Policy' }, { name: 'content', value: PAGE_POLICY }]);
      expect(metas[1]!.attrs).toEqual([{ name: 'charset', value: 'utf-8' }]);
      expect(out.match(/charset/g)).toHaveLength(1);
    }
  });

  it('keeps the layout: the contract hooks, links to the web, the page\'s own files, inline SVG that only draws', () => {
    const body = '<main class="issue-body odd"><h2 id="s1" class="section-label">【x】</h2>'
      + '<a class="toc-line" href="#s1"><span data-page-of="s1">- 1 -</span></a>'
      + '<a href="https://example.org/a?b=1&amp;c=2" title="t">web</a> <a href="mailto:a@example.org">mail</a>'
      + '<figure class="figure"><img src="2018-02_files/images/a%20b.png" alt="图" width="10"><figcaption>图</figcaption></figure>'
      + '<svg width="10" height="10" viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/><use href="#g"/></svg>'
      + '<ol start="3"><li>一</li></ol><br><hr><table><tr><td colspan="2">x</td></tr></table></main>';
    const html = page(body, '<link rel="stylesheet" href="2018-02_files/bulletin.css"><meta name="viewport" content="width=device-width">');
    const out = clean(html);
    expect(out.removed).toEqual([]);
    for (const kept of ['class="issue-body odd"', 'id="s1"', 'href="#s1"', 'data-page-of="s1"', 'href="https://example.org/a?b=1&amp;c=2"', 'href="mailto:a@example.org"',
      'src="2018-02_files/images/a%20b.png"', 'fill="url(#g)"', '<use href="#g">', '<linearGradient id="g">', 'start="3"', 'colspan="2"',
      '<link rel="stylesheet" href="2018-02_files/bulletin.css">', '<meta name="viewport" content="width=device-width">', '<!DOCTYPE html>']) {
      expect(out.html).toContain(kept);
    }
  });

  it('allows the inline styles of index.html by their hashes, and nothing else inline', () => {
    const out = sanitizeHtml(page('<p style="color:red">x</p>', '<style>body { color: #222; }</style>'), { policy: PAGE_POLICY, hashStyles: true });
    expect(out.html).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(out.html).not.toContain('unsafe-inline');
  });

  it('lets through, in a single-file page, only the data: images it was given, and only as <img src>', () => {
    const ours = 'data:image/png;base64,iVBORw0KGgo=';
    const planted = 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=';
    const body = `<img src="${ours}" alt="ours"><img src="${planted}" alt="planted"><a href="${ours}">link</a><img srcset="${ours} 1x" alt="set">`;
    const out = sanitizeHtml(page(body, '<style>p { color: #222; }</style>'), { policy: SINGLE_PAGE_POLICY, hashStyles: true, dataImages: new Set([ours]) });
    expect(out.html).toContain(`<img src="${ours}" alt="ours">`);
    expect(out.html).not.toContain(planted);
    expect(out.html.split(ours)).toHaveLength(2); // once: not in the link, not in the srcset
    expect(out.removed.length).toBeGreaterThan(0);
    // Without the set (every other page), no data: image at all.
    expect(sanitizeHtml(page(body), { policy: PAGE_POLICY }).html).not.toContain('data:image');
    // Its policy: styles by hash only, images only as data:, no fonts; the rest as the page's.
    expect(out.html).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(SINGLE_PAGE_POLICY.split('; ').filter((d) => !PAGE_POLICY.split('; ').includes(d))).toEqual(["style-src 'none'", "font-src 'none'", 'img-src data:']);
  });

  it('has a policy that names every fetch directive, and the preview\'s adds only its script and its events', () => {
    for (const d of ['default-src', 'script-src', 'style-src', 'img-src', 'font-src', 'connect-src', 'media-src', 'object-src', 'frame-src', 'child-src', 'worker-src', 'manifest-src']) {
      expect(PAGE_POLICY).toMatch(new RegExp(`(^|; )${d} `));
    }
    expect(PAGE_POLICY).not.toMatch(/https?:|\*|unsafe|data:/);
    expect(PREVIEW_PAGE_POLICY.split('; ').filter((d) => !PAGE_POLICY.split('; ').includes(d))).toEqual(["script-src 'self'", "connect-src 'self'"]);
  });
});

describe('sanitizeHtml: any mixture of the pieces', () => {
  const PIECES = ['<', '>', '"', "'", '=', '/', ' ', '\n', '&#x09;', '&#106;', '&colon;', 'javascript:', 'alert(1)', 'x', '<a href=', '<img src=', ' onerror=', '<svg>', '</svg>', '<math>', '<mtext>', '<mglyph>',
    '<style>', '</style>', '<script>', '</script>', '<noscript>', '</noscript>', '<p title="', '<table>', '<template>', '<iframe srcdoc=', '<!--', '-->', '<![CDATA[', ']]>', '<meta http-equiv=refresh content=', '<base href=', '<form>', '<use href=', '<animate attributeName=href values=', '<foreignObject>', '<select>', '<textarea>', '</p>', '<xmp>', '</xmp>'];
  it('never leaves something that runs or fetches, and is stable when read again', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
      const out = clean(parts.join(''));
      expect(dangers(out.html)).toEqual([]);
      expect(clean(out.html).html).toBe(out.html);
    }), { numRuns: 400 });
  });
});
