// End to end: an address longer than a line (3,000 characters without a break opportunity) in a body,
// an autolink, a note, a caption, a source line and a distribution entry is broken across lines in
// print (templates/bulletin.css: overflow-wrap), never run off the page: read back with pdftotext,
// every word lies inside the type area and the whole address is there.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanScratch, runCli, SEED_PNG, scratchDir } from '../helpers.js';
import { bodyLines, buildEnv, e2eTitle, HAS_CHROMIUM, readPages, TYPE_AREA } from './poppler.js';

const URL = `https://example.org/${'abcdefghij'.repeat(298)}`;
const SHORTER = `https://example.org/${'klmnopqrst'.repeat(16)}`; // 180: the longest a caption may be
const SHORTEST = `https://example.org/${'uvwxyzuvwx'.repeat(7)}`; // 90: a source line or a distribution entry

afterAll(() => cleanScratch());

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('bulletin build: an address longer than a line'), () => {
  it('is broken inside the type area in a body, an autolink, a note, a caption, a source line and a distribution entry', { timeout: 180_000 }, async () => {
    const dir = path.join(scratchDir('bulletin-e2e-long-url-'), 'series');
    mkdirSync(path.join(dir, 'issues', 'images'), { recursive: true });
    copyFileSync(SEED_PNG, path.join(dir, 'issues', 'images', 'photo.png'));
    writeFileSync(path.join(dir, 'bulletin.yaml'), 'series: 测试园区\nname: 工作动态\npublisher: 测试园区建设办公室\n');
    writeFileSync(path.join(dir, 'issues', '2018-01.yaml'), [
      'year: 2018', 'number: 1', 'total: 1', 'date: 2018-03-01',
      'sections:', '  - label: 工作动态', '    articles:',
      '      - title: 园区召开工作会议',
      `        note: 编者按：全文见${SHORTER}。`,
      '        body: |',
      `          全文见${URL}。`,
      '',
      `          或见<${SHORTER}>。`,
      '        figures:',
      '          - image: images/photo.png',
      '            paragraph: 2',
      `            caption: 图见${SHORTER}`,
      `        source: ${SHORTEST}`,
      'distribution:',
      `  extra: [${SHORTEST}]`,
      '',
    ].join('\n'));
    const out = path.join(path.dirname(dir), 'out');
    const r = await runCli(['build', 'series', '-o', 'out'], path.dirname(dir), { ...buildEnv(), NO_COLOR: '1' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain('[body-long-url]');
    const pages = readPages(path.join(out, '2018-01.pdf'));
    const right = TYPE_AREA.leftOdd + TYPE_AREA.width;
    for (const page of pages) {
      for (const word of page.words) {
        expect(word.x0, `page ${page.number}: ${word.text.slice(0, 30)}`).toBeGreaterThan(TYPE_AREA.leftEven - 1);
        expect(word.x1, `page ${page.number}: ${word.text.slice(0, 30)}`).toBeLessThan(right + 1);
      }
    }
    // Nothing was cut off (pdftotext drops what lies off the page): every letter of the addresses is there. Each
    // letter counted appears only in its address: j in the body's, k in the note's, the autolink's and the
    // caption's, y in the source line's and the distribution entry's.
    const letters = (ch: string) => pages.flatMap((p) => p.words).map((w) => w.text.split(ch).length - 1).reduce((a, b) => a + b, 0);
    expect(letters('j')).toBe(298);
    expect(letters('k')).toBe(16 * 3);
    expect(letters('y')).toBe(7 * 2);
  });
});
