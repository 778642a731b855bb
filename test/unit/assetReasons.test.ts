// The reasons given about font files, images and SVG figures are catalogue messages: in Chinese they
// are Chinese sentences, with a library's own text (the XML parser's) only quoted after them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/i18n/message.js';
import { readFont } from '../../src/model/fontFile.js';
import { type3Reason, type3Hint } from '../../src/model/fontEmbedding.js';
import { imageProblem } from '../../src/model/imageIntegrity.js';
import { sanitizeSvg, xmlProblem } from '../../src/model/sanitizeSvg.js';
import { checkSvg } from '../../src/model/svgComplexity.js';
import { decodeProblem } from '../../src/images/processImage.js';
import { placeholderPng } from '../../src/scaffold/placeholderPng.js';
import { REPO } from '../helpers.js';
import { fsType, latinTtf } from '../fontBytes.js';

const zh = (m: Parameters<typeof render>[0] | undefined) => (m === undefined ? undefined : render(m, 'zh'));
const svg = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10">${inner}</svg>`;

describe('the reasons about fonts, images and SVG figures in Chinese', () => {
  it('says why a file is no usable font', () => {
    const read = readFont(Buffer.from('PK\u0003\u0004 a zip file'));
    expect(read.ok || zh(read.reason)).toBe('按文件内容，它不是 TrueType、OpenType 或 WOFF 字体');
    const cut = latinTtf();
    const half = readFont(cut.subarray(0, cut.length >> 1));
    expect(half.ok || zh(half.reason)).toMatch(/^字体中的 `\S+` 表超出了文件末尾（文件不完整）$/);
    const restricted = readFont(latinTtf(fsType(0x0002)));
    if (!restricted.ok) throw new Error('not read');
    expect(zh(type3Reason(restricted.facts))).toBe('它的许可标志（OS/2 fsType）为「受限许可嵌入」');
    expect(zh(type3Hint(restricted.facts))).toMatch(/^请改用许可允许嵌入文档的字体/);
  });

  it('lists the faces of a collection with their names quoted', () => {
    const ttc = new Uint8Array(readFileSync(path.join(REPO, 'test', 'fixtures', 'fonts', 'ukai-wqy.ttc')));
    const named = readFont(ttc, { face: 'SimSun' });
    expect(named.ok || zh(named.reason)).toBe('其中没有名为「SimSun」的字体；它包含的字体有：第0号「AR PL UKai CN」；第1号「WenQuanYi Micro Hei」');
    const numbered = readFont(ttc, { index: 5 });
    expect(numbered.ok || render(numbered.reason, 'en')).toBe('it has 2 faces, numbered from 0, so no face 5; its faces are 0: AR PL UKai CN; 1: WenQuanYi Micro Hei');
    expect(numbered.ok || zh(numbered.reason)).toMatch(/^其中只有2个字体（序号从0起），没有序号为5的字体；/);
  });

  it('says where an image file is cut off', () => {
    const png = placeholderPng(40, 30);
    expect(zh(imageProblem(png.subarray(0, png.length - 12), 'image/png'))).toBe('没有 IEND 数据块：文件不完整');
    expect(zh(imageProblem(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect/>'), 'image/svg+xml'))).toBe('结尾不是 `</svg>`：文件不完整');
    expect(zh(decodeProblem(new Error('VipsJpeg: Premature end of JPEG file')))).toBe('文件不完整或已损坏');
    expect(zh(decodeProblem(new Error('Input buffer has some odd problem')))).toBe('图像解码程序报告「has some odd problem」');
  });

  it('tells the common XML mistakes of an SVG in an editor\'s words', () => {
    const unclosed = sanitizeSvg(svg('<g><rect/>'));
    expect(unclosed.ok || zh(unclosed.reason)).toBe('结束标记与当前未结束的元素不对应，前面可能有元素缺少结束标记');
    expect(zh(xmlProblem('1:10: unclosed tag: g'))).toBe('元素 `<g>` 没有结束标记');
    expect(zh(xmlProblem('x.svg:3:6: unmatched closing tag: g.'))).toBe('结束标记 `</g>` 没有对应的开始标记');
    expect(zh(xmlProblem('1:10: attribute without value.'))).toBe('有属性的写法不符合 XML 规定（应为 `name="value"`）：「attribute without value」');
    expect(zh(xmlProblem('1:10: undefined entity.'))).toMatch(/^使用了 XML 不认识的实体/);
    expect(zh(xmlProblem('1:10: something new.'))).toBe('XML 解析程序报告「something new」');
    const removed = sanitizeSvg(svg('<script>alert(1)</script><rect onclick="x()" width="1" height="1"/>'));
    expect(removed.ok && removed.removed.map(zh)).toEqual(['元素 `<script>`', '事件处理程序 `onclick`']);
  });

  it('says why an SVG figure is too complex to print', () => {
    const r = checkSvg(Buffer.from(svg('<filter id="f"><feTurbulence numOctaves="200"/></filter><rect width="10" height="10" filter="url(#f)"/>')));
    expect(r.ok || zh(r.reason)).toBe('`<feTurbulence>` 滤镜要求200个倍频（最多10个）');
    const notXml = checkSvg(Buffer.from(svg('<g>')));
    expect(notXml.ok || zh(notXml.reason)).toBe('XML 格式不正确：结束标记与当前未结束的元素不对应，前面可能有元素缺少结束标记；Chrome 什么也画不出来');
  });
});
