// The series index links only to what the build wrote (src/render/indexView.ts, fed by
// WriteContext.written in src/pipeline.ts), and builds each link as one encoded path segment.
import { describe, expect, it } from 'vitest';
import { indexView } from '../../src/render/indexView.js';
import { validate } from '../../src/validate.js';
import type { Issue } from '../../src/model/types.js';
import { SEED } from '../helpers.js';

async function seedIssue(): Promise<Issue> {
  const { issues } = await validate([SEED]);
  return issues[0]!;
}

describe('indexView', () => {
  it('links the PDF and the HTML page only when the build wrote them', async () => {
    const issue = await seedIssue();
    const links = (written: string[]) => indexView([issue], (f) => written.includes(f)).issues.map((i) => [i.pdf, i.html]);
    expect(links(['2018-02.pdf', '2018-02.html'])).toEqual([['2018-02.pdf', '2018-02.html']]);
    expect(links(['2018-02.html'])).toEqual([[undefined, '2018-02.html']]);
    expect(links(['2018-02.pdf'])).toEqual([['2018-02.pdf', undefined]]);
    expect(links([])).toEqual([[undefined, undefined]]);
  });

  it('encodes a name as one path segment: # ? % : and spaces stay part of the file name', async () => {
    const issue = { ...(await seedIssue()), slug: '2018 #2?:%' } as Issue;
    const [entry] = indexView([issue], () => true).issues;
    expect(entry!.pdf).toBe('2018%20%232%3F%3A%25.pdf');
    expect(decodeURIComponent(entry!.pdf!)).toBe('2018 #2?:%.pdf');
  });
});
