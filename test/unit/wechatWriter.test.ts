// The WeChat writer (`build --wechat`) through the library, without a browser: the numbered photos in
// reading order (an SVG drawn as a PNG), and `output.wechat` in bulletin.yaml: the photos embedded
// instead of written, the 版记 kept.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.js';
import { placeholderPng } from '../../src/scaffold/placeholderPng.js';
import { cleanScratch, issueYaml, scratchDir, SERIES_YAML, writeTree } from '../helpers.js';

afterAll(() => cleanScratch());

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200"><rect width="400" height="200" fill="#c00"/></svg>';
const SECTIONS = `  - label: 工作动态
    articles:
      - title: 园区召开工作会议
        body: |
          园区召开工作会议。

          会议部署了下一阶段工作。
        figures:
          - image: images/chart.svg
            paragraph: 2
          - image: images/photo.png
            paragraph: 1
`;

function series(outputYaml = ''): string {
  return writeTree(scratchDir('bulletin-wechat-writer-'), {
    'bulletin.yaml': `${SERIES_YAML}distribution:\n  report: [市委办公室]\n${outputYaml}`,
    'issues/2018-01.yaml': issueYaml({ sections: SECTIONS, extra: 'distribution:\n  copies: 30' }),
    'issues/images/photo.png': placeholderPng(640, 480),
    'issues/images/chart.svg': SVG,
  });
}

const pngWidth = (bytes: Buffer) => bytes.readUInt32BE(16);

describe('the WeChat writer', () => {
  it('writes the preview, the article and the photos numbered in reading order, the SVG as a PNG', async () => {
    const root = series();
    const out = path.join(root, 'dist');
    // An earlier build had a third photo: its file does not stay to be uploaded with the rest.
    mkdirSync(path.join(out, '2018-01.wechat'), { recursive: true });
    writeFileSync(path.join(out, '2018-01.wechat', '03.jpg'), 'an earlier build\'s photo');
    const result = await build([root], { writers: ['wechat'], outDir: out });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const folder = path.join(out, '2018-01.wechat');
    expect(readdirSync(folder).sort()).toEqual(['01.png', '02.png', 'article.html', 'wechat.html']);
    const first = readFileSync(path.join(folder, '01.png'));
    const second = readFileSync(path.join(folder, '02.png'));
    // 01: the photo of paragraph 1 in its phone rendition; 02: the chart of paragraph 2, drawn.
    expect(pngWidth(first)).toBe(480);
    expect(second.subarray(1, 4).toString()).toBe('PNG');
    expect(pngWidth(second)).toBeGreaterThanOrEqual(400);
    const article = readFileSync(path.join(folder, 'article.html'), 'utf8');
    expect(article.match(/<img src="[^"]*"/g)).toEqual(['<img src="01.png"', '<img src="02.png"']);
    expect(article).not.toContain('报：市委办公室');
  });

  it('embeds the photos and keeps the 版记 when bulletin.yaml says so', async () => {
    const root = series('output:\n  wechat: { embedImages: true, distribution: true }\n');
    const out = path.join(root, 'dist');
    const result = await build([root], { writers: ['wechat'], outDir: out });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const folder = path.join(out, '2018-01.wechat');
    expect(readdirSync(folder).sort()).toEqual(['article.html', 'wechat.html']);
    const article = readFileSync(path.join(folder, 'article.html'), 'utf8');
    expect(article.match(/<img src="data:image\/png;base64,/g)).toHaveLength(2);
    expect(article).toContain('报：市委办公室。');
    expect(article).toContain('（共印30份）');
    expect(readFileSync(path.join(folder, 'wechat.html'), 'utf8').match(/<img src="data:image\/png;base64,/g)).toHaveLength(2);
  });
});
