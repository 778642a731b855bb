// The self-check's reading of a PDF (src/check/readPdfText.ts) judges every run of text by what a
// reader sees, and the body check (src/check/checkVisibleText.ts) compares that with the source.
// Pages are made by hand here (a content stream per case), so each way of hiding text is tested
// without a browser; test/e2e/self-check.test.ts shows Chrome's own output of the same tricks.
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, type PDFRef } from '../../src/print/pdfLib.js';
import { readPdfText, type PageText, type TextRun } from '../../src/check/readPdfText.js';
import { checkVisibleText, foldText, locateText } from '../../src/check/checkVisibleText.js';
import { checkContents } from '../../src/check/checkContents.js';
import { render } from '../../src/i18n/message.js';
import { parseBody } from '../../src/model/parseBody.js';
import type { Issue, TocEntry } from '../../src/model/types.js';

const TO_UNICODE = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <00> <FF> endcodespacerange
1 beginbfrange <20> <7E> <0020> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`;

/** A one-page PDF (A4) whose content stream is `ops`, with a font F1 (1-byte codes, ASCII ToUnicode) and the ExtGStates and forms given. */
async function pdfOf(pages: string[], extra: { gs?: Record<string, number>; forms?: Record<string, { ops: string; group?: boolean }>; image?: boolean } = {}): Promise<PageText[]> {
  const doc = await PDFDocument.create();
  const ctx = doc.context;
  const font = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', FirstChar: 32, Widths: Array(95).fill(500), ToUnicode: ctx.register(ctx.stream(TO_UNICODE)) }));
  const fontRes = ctx.obj({ F1: font });
  const gs = ctx.obj(Object.fromEntries(Object.entries(extra.gs ?? {}).map(([name, ca]) => [name, ctx.obj({ Type: 'ExtGState', ca })])));
  const xobjects: Record<string, PDFRef> = {};
  for (const [name, form] of Object.entries(extra.forms ?? {})) {
    xobjects[name] = ctx.register(ctx.stream(form.ops, {
      Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 595, 842], Resources: ctx.obj({ Font: fontRes, ExtGState: gs }),
      ...(form.group ? { Group: ctx.obj({ S: 'Transparency' }) } : {}),
    }));
  }
  if (extra.image) xobjects.Im1 = ctx.register(ctx.stream('\x00\x00\x00', { Type: 'XObject', Subtype: 'Image', Width: 1, Height: 1, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 }));
  for (const ops of pages) {
    const page = doc.addPage([595, 842]);
    page.node.set(PDFName.of('Resources'), ctx.obj({ Font: fontRes, ExtGState: gs, XObject: ctx.obj(xobjects) }));
    page.node.set(PDFName.of('Contents'), ctx.register(ctx.stream(ops)));
  }
  return readPdfText(await PDFDocument.load(await doc.save()));
}

const text = (s: string, x = 100, y = 700, size = 12) => `BT /F1 ${size} Tf 1 0 0 1 ${x} ${y} Tm (${s}) Tj ET`;

async function seen(ops: string, extra?: Parameters<typeof pdfOf>[1]) {
  const [page] = await pdfOf([ops], extra);
  return { compact: page!.compact, hidden: page!.runs.filter((r) => r.hidden).map((r) => `${r.text}:${r.hidden}`) };
}

describe('readPdfText: what a reader sees', () => {
  it('plain black text, and runs of a TJ array in order', async () => {
    expect(await seen(`${text('Hello world')} BT /F1 12 Tf 100 680 Td [(Sec) -200 (ond)] TJ ET`)).toEqual({ compact: 'HelloworldSecond', hidden: [] });
  });

  it('text drawn with a fill opacity of 0, directly or inside a transparency group drawn at opacity 0', async () => {
    expect(await seen(`${text('shown')} q /T gs ${text('ghost', 100, 650)} Q`, { gs: { T: 0 } })).toEqual({ compact: 'shown', hidden: ['ghost:transparent'] });
    expect(await seen('q /T gs /Fm1 Do Q', { gs: { T: 0 }, forms: { Fm1: { ops: text('grouped'), group: true } } })).toMatchObject({ compact: '', hidden: ['grouped:transparent'] });
    expect(await seen('q /H gs /Fm1 Do Q', { gs: { H: 0.5 }, forms: { Fm1: { ops: text('half'), group: true } } })).toMatchObject({ compact: 'half' });
  });

  it('the invisible and the clip-only text render modes', async () => {
    expect(await seen(`BT 3 Tr /F1 12 Tf 100 700 Td (three) Tj 0 -20 Td 7 Tr (seven) Tj 0 -20 Td 0 Tr (zero) Tj ET`)).toEqual({ compact: 'zero', hidden: ['three:invisible', 'seven:invisible'] });
  });

  it('text smaller than 2 pt: by its size, by the matrix, squeezed across', async () => {
    expect((await seen(text('small', 100, 700, 1.5))).hidden).toEqual(['small:tiny']);
    expect((await seen(`q 0.1 0 0 0.1 0 0 cm ${text('scaled', 100, 700, 12)} Q`)).hidden).toEqual(['scaled:tiny']);
    expect((await seen(`BT /F1 12 Tf 10 Tz 100 700 Td (narrow) Tj ET`)).hidden).toEqual(['narrow:tiny']);
    expect((await seen(text('eight', 100, 700, 8))).hidden).toEqual([]);
  });

  it('text clipped by a box of no height, clipped away, or off the page', async () => {
    expect((await seen(`q 100 700 400 0 re W n ${text('zero-height')} Q`)).hidden).toEqual(['zero-height:clipped']);
    expect((await seen(`q 0 0 50 50 re W n ${text('elsewhere')} Q ${text('after', 100, 650)}`))).toEqual({ compact: 'after', hidden: ['elsewhere:clipped'] });
    expect((await seen(text('offpage', -2000, 700))).hidden).toEqual(['offpage:clipped']);
    expect((await seen(`q 90 690 300 30 re W n ${text('inside')} Q`)).hidden).toEqual([]);
  });

  it('white text on the white page, and text in the colour of the box beneath it; white on black is seen', async () => {
    expect((await seen(`1 1 1 rg ${text('white')}`)).hidden).toEqual(['white:background']);
    expect((await seen(`0.99 0.99 0.99 rg ${text('almost')}`)).hidden).toEqual(['almost:background']);
    expect((await seen(`0 0 0.5 rg 50 650 500 100 re f ${text('navy')}`)).hidden).toEqual(['navy:background']);
    expect((await seen(`0 0 0 rg 50 650 500 100 re f 1 1 1 rg ${text('reversed')}`)).hidden).toEqual([]);
    expect((await seen(`1 0 0 rg ${text('red')}`)).hidden).toEqual([]);
  });

  it('text covered by an opaque box or image painted after it; a translucent box leaves it seen', async () => {
    expect(await seen(`${text('- 3 -')} 1 1 1 rg 95 690 100 30 re f 0 g ${text('- 9 -', 100, 700)}`)).toEqual({ compact: '-9-', hidden: ['- 3 -:covered'] });
    expect((await seen(`${text('behind')} q 400 0 0 100 50 650 cm /Im1 Do Q`, { image: true })).hidden).toEqual(['behind:covered']);
    expect((await seen(`${text('tinted')} q /H gs 1 1 0 rg 95 690 100 30 re f Q`, { gs: { H: 0.3 } })).hidden).toEqual([]);
  });

  it('glyphs drawn one by one along a line, as Chrome draws them, are one run', async () => {
    const [page] = await pdfOf([`BT /F1 12 Tf 1 0 0 1 100 700 Tm (H) Tj 6 0 Td (e) Tj 6 0 Td (y) Tj ET BT /F1 12 Tf 1 0 0 1 100 680 Tm (x) Tj ET`]);
    expect(page!.runs.map((r) => r.text)).toEqual(['Hey', 'x']);
  });

  it('the size and baseline each run is seen at, where pictures lie, and text cut off by its clip', async () => {
    const [page] = await pdfOf([`q 1.5 0 0 1.5 0 0 cm BT /F1 10 Tf 1 0 0 1 100 400 Tm (big) Tj ET Q ${text('plain', 100, 500)} q 200 0 0 100 50 300 cm /Im1 Do Q q 0 0 120 842 re W n ${text('longer than its box', 100, 200)} Q`], { image: true });
    expect(page!.runs.map((r) => [r.text, r.size, r.baseline, r.cut ?? false])).toEqual([['big', 15, 600, false], ['plain', 12, 500, false], ['longer than its box', 12, 200, true]]);
    expect(page!.images).toEqual([{ x0: 50, y0: 300, x1: 250, y1: 400 }]);
    expect(page!.page).toEqual({ x0: 0, y0: 0, x1: 595, y1: 842 });
  });

  it('each page by itself', async () => {
    const pages = await pdfOf([text('one'), `1 1 1 rg ${text('two')}`]);
    expect(pages.map((p) => p.compact)).toEqual(['one', '']);
  });
});

// ───────────────────────── the body check ─────────────────────────

function issueOf(articles: { title: string; body: string }[]): Issue {
  return {
    slug: 'test',
    sections: [{ id: 's1', label: 'news', articles: articles.map((a, i) => ({ id: `a${i}`, title: a.title, titleLines: [a.title], note: undefined, blocks: parseBody(a.body).blocks, figures: [], source: undefined, subtitle: undefined, byline: [], attachments: [] })) }],
  } as unknown as Issue;
}

const page = (...runs: (string | [string, 'transparent' | 'clipped' | 'tiny'])[]): PageText => {
  const all: TextRun[] = runs.map((r) => (typeof r === 'string' ? { text: r, box: { x0: 0, y0: 0, x1: 1, y1: 1 }, size: 1, baseline: 0 } : { text: r[0], box: { x0: 0, y0: 0, x1: 1, y1: 1 }, size: 1, baseline: 0, hidden: r[1] }));
  return { compact: all.filter((r) => !r.hidden).map((r) => r.text).join('').replace(/\s+/g, ''), runs: all, images: [], page: { x0: 0, y0: 0, x1: 595, y1: 842 } };
};

describe('checkVisibleText: every label, title and paragraph is seen, in order', () => {
  const issue = issueOf([
    { title: 'First article', body: 'Alpha paragraph one.\n\nBravo paragraph two.' },
    { title: 'Second article', body: '# A heading\n\nCharlie paragraph three.\n\n1. Delta item one\n2. Echo item two' },
  ]);
  const full = ['news', '- 1 -', 'First article', 'Alpha paragraph one.', 'Bravo paragraph two.', 'Second article', '一、A heading', 'Charlie paragraph three.', '1.', 'Delta item one', '2.', 'Echo item two'];

  it('all there, with numbering, page numbers and captions between them', () => {
    expect(checkVisibleText(issue, [page(...full)])).toEqual([]);
  });

  it('a paragraph going on on the next page, after that page\'s number and a caption', () => {
    const pages = [page('news', 'First article', 'Alpha paragraph one.', 'Bravo parag', '- 1 -'), page('- 2 -', 'Figure 1: a caption drawn before the text', 'raph two.', ...full.slice(5))];
    expect(checkVisibleText(issue, pages)).toEqual([]);
  });

  it('a paragraph drawn transparent: named, with why', () => {
    const runs = full.map((r) => (r === 'Bravo paragraph two.' ? [r, 'transparent'] as [string, 'transparent'] : r));
    expect(checkVisibleText(issue, [page(...runs)]).map((p) => p.message)).toEqual(['paragraph 2 of 「First article」 (「Bravoparagraphtw…」) is not visible in the PDF: it is drawn transparent']);
  });

  it('a paragraph not drawn at all (display: none)', () => {
    expect(checkVisibleText(issue, [page(...full.filter((r) => r !== 'Charlie paragraph three.'))]).map((p) => p.message))
      .toEqual(['paragraph 1 of 「Second article」 (「Charlieparagraph…」) is not visible in the PDF: it is not drawn at all (a stylesheet may hide it: display: none, visibility: hidden, a transparent colour, a box of no height)']);
  });

  it('a title clipped away, and a whole article hidden', () => {
    const clipped = full.map((r) => (r === 'Second article' ? [r, 'clipped'] as [string, 'clipped'] : r));
    expect(checkVisibleText(issue, [page(...clipped)]).map((p) => render(p.what, 'en'))).toEqual(['the title of 「Second article」']);
    const gone = full.slice(0, 5);
    expect(checkVisibleText(issue, [page(...gone)]).map((p) => render(p.what, 'en'))).toEqual(['the title of 「Second article」', 'a heading of 「Second article」', 'paragraph 1 of 「Second article」', 'paragraph 2 of 「Second article」', 'paragraph 3 of 「Second article」']);
  });

  it('a few words of a paragraph hidden', () => {
    const runs = [...full.slice(0, 3), 'Alpha ', ['paragraph', 'tiny'] as [string, 'tiny'], ' one.', ...full.slice(4)];
    expect(checkVisibleText(issue, [page(...runs)]).map((p) => p.message)).toEqual(['paragraph 1 of 「First article」 (「Alphaparagraphon…」) is not visible in the PDF: part of it is drawn smaller than 2 pt']);
  });

  it('articles swapped: the later one is reported out of order', () => {
    const swapped = ['news', ...full.slice(5), ...full.slice(2, 5)];
    expect(checkVisibleText(issue, [page(...swapped)]).length).toBeGreaterThan(0);
  });

  it('characters no font has are not compared; look-alike dashes and compatibility forms are', () => {
    const odd = issueOf([{ title: 'T', body: '甲𓀀乙——丙 ⼀ ＡＢ' }]);
    // Drawn as an empty box that reads as nothing, or by a fallback face of the system.
    expect(checkVisibleText(odd, [page('news', 'T', '甲乙――丙一ab')], new Set(['𓀀']))).toEqual([]);
    expect(checkVisibleText(odd, [page('news', 'T', '甲𓀀乙――丙一ab')], new Set(['𓀀']))).toEqual([]);
    expect(foldText('Ａ — ⼀\u00ad')).toBe('a-一');
  });
});

describe('locateText: notes, source lines and captions too, and the runs of each block', () => {
  const issue = {
    slug: 'test',
    note: parseBody('Issue note here.').blocks,
    sections: [{
      id: 's1', label: 'news', articles: [{
        id: 'a0', title: 'Titled', titleLines: ['Titled'], note: parseBody('Editor note.').blocks, blocks: parseBody('Alpha paragraph one.\n\nBravo paragraph two.').blocks, source: 'Office',
        subtitle: undefined, byline: [], attachments: [],
        figures: [{ mime: 'image/png', caption: 'Meeting', captionContent: [{ type: 'text', value: 'Meeting' }] }],
      }],
    }],
  } as unknown as Issue;
  // The caption is a word of the body too: it is found in a line of its own, drawn first.
  const runs = ['Meeting', 'Issue note here.', 'news', 'Titled', 'Editor note.', 'Alpha Meeting one.', 'Alpha paragraph one.', 'Bravo paragraph two.', '(Office)'];

  it('finds every block, each with its own runs', () => {
    const { problems, found } = locateText(issue, [page(...runs)]);
    expect(problems).toEqual([]);
    expect(found.map((f) => [f.kind, f.runs.map((r) => r.run.text).join('|')])).toEqual([
      ['note', 'Issue note here.'], ['label', 'news'], ['title', 'Titled'], ['note', 'Editor note.'],
      ['paragraph', 'Alpha paragraph one.'], ['paragraph', 'Bravo paragraph two.'], ['source', '(Office)'], ['caption', 'Meeting'],
    ]);
  });

  it('a caption that reads like a heading: the line on the page with a picture is the caption', () => {
    const withPicture = { ...page('Meeting', 'Bravo paragraph two.', '(Office)'), images: [{ x0: 0, y0: 0, x1: 10, y1: 10 }] };
    const { found } = locateText(issue, [page(...runs.slice(1, 7), 'Meeting'), withPicture]);
    expect(found.find((f) => f.kind === 'caption')).toMatchObject({ page: 1 });
  });

  it('a note, a source line or a caption not drawn is named', () => {
    const without = (gone: string) => locateText(issue, [page(...runs.filter((r) => r !== gone))]).problems.map((p) => render(p.what, 'en'));
    expect(without('Editor note.')).toEqual(["the editor's note of 「Titled」"]);
    expect(without('(Office)')).toEqual(['the source line of 「Titled」']);
    expect(without('Meeting')).toEqual([]); // still a word of the body
    expect(locateText(issue, [page(...runs.filter((r) => r !== 'Meeting' && r !== 'Alpha Meeting one.'))]).problems.map((p) => render(p.what, 'en'))).toEqual(['the caption of figure 1 of 「Titled」']);
  });
});

describe('checkContents: the number a reader sees', () => {
  const toc: TocEntry[] = [{ id: 'a0', kind: 'article', text: 'First article', page: 1 } as TocEntry, { id: 'a1', kind: 'article', text: 'Second article', page: 2 } as TocEntry];
  const starts = new Map([['a0', 1], ['a1', 2]]);
  const body = [page('First article', '- 1 -'), page('Second article', '- 2 -')];

  it('one number per line, the right one', () => {
    expect(checkContents(toc, '- N -', [page('First article', '- 1 -', 'Second article', '- 2 -')], starts, body)).toEqual([]);
  });

  it('a second number printed after (or over) the real one', () => {
    expect(checkContents(toc, '- N -', [page('First article', '- 1 -', '- 9 -', 'Second article', '- 2 -')], starts, body).map((p) => p.message))
      .toEqual(['the contents line of 「First article」 shows two page numbers, -1- and -9-']);
  });

  it('the real number hidden, another shown', () => {
    expect(checkContents(toc, '- N -', [page('First article', ['- 1 -', 'transparent'], '- 9 -', 'Second article', '- 2 -')], starts, body).map((p) => p.message))
      .toEqual(['the contents give page 9 for 「First article」, but it starts on page 1']);
  });
});
