// The self-check of an article begun on the cover (src/check/checkContents.ts checkBodyOnCover):
// the first page of the PDF is body page 1 and shows the masthead, the title and the text's beginning, in order.
import { describe, expect, it } from 'vitest';
import { checkBodyOnCover } from '../../src/check/checkContents.js';
import type { PageText } from '../../src/check/readPdfText.js';

const page = (compact: string): PageText => ({ compact, runs: [], images: [], page: { x0: 0, y0: 0, x1: 595, y1: 842 } });
const FIRST = page('清河区生态环境保护委员会办公室生态环境工作动态2026年第5期坚定不移走生态优先绿色发展之路区长陈明同志们：今天，我们召开-1-');
const check = (coverPages: number, first: PageText) => checkBodyOnCover(coverPages, first, '生态环境工作动态', '坚定不移走生态优先 绿色发展之路', '同志们：今天').map((p) => p.message);

describe('checkBodyOnCover', () => {
  it('passes a first page with the masthead, then the title, then the text', () => {
    expect(check(0, FIRST)).toEqual([]);
  });

  it('names the body that begins on a later page', () => {
    expect(check(1, FIRST)).toEqual([expect.stringMatching(/begins on page 2 of the PDF/)]);
  });

  it('names what is missing, or out of its order', () => {
    expect(check(0, page('生态环境工作动态2026年第5期'))).toEqual([expect.stringMatching(/the title 「坚定不移/), expect.stringMatching(/the beginning of the text 「同志们/)]);
    expect(check(0, page('同志们：今天生态环境工作动态坚定不移走生态优先绿色发展之路'))).toEqual([expect.stringMatching(/the beginning of the text/)]);
  });
});
