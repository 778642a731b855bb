import { lintText } from '../../src/lint/lintText.js';
import { parseBody } from '../../src/model/parseBody.js';
import { describe, expect, it } from 'vitest';
import { fixed, found, marked } from './textHelpers.js';

const CODE = 'text-title-period';

describe('text-title-period', () => {
  it('removes a full stop at the end of a title or section label', () => {
    expect(fixed('园区召开会议。', CODE, 'title')).toBe('园区召开会议');
    expect(fixed('园区召开会议.', CODE, 'title')).toBe('园区召开会议');
    expect(fixed('2018年国家生态工业示范园区建设经验交流会\n在昆明召开。', CODE, 'title')).toBe('2018年国家生态工业示范园区建设经验交流会\n在昆明召开');
  });

  it('removes a full stop at the end of a Markdown heading, but not of a paragraph', () => {
    expect(fixed('# 一、总体情况。\n\n正文。\n\n## （一）进展。', CODE)).toBe('# 一、总体情况\n\n正文。\n\n## （一）进展');
  });

  it('finds headings by the block tree: setext headings and headings in lists and quotes, not a `#` inside a paragraph', () => {
    // Setext headings are read with `lineBreaks: join` only (each line a paragraph: `===` is text).
    const setext = '一、总体情况。\n======\n\n正文。';
    const edits = lintText(setext, 'markdown', parseBody(setext, { lineBreaks: 'join' }).blocks, (t) => parseBody(t, { lineBreaks: 'join' }).blocks).filter((f) => f.code === CODE);
    expect(edits.map((f) => f.fix)).toEqual([{ start: 6, end: 7, replacement: '' }]);
    expect(found(setext, CODE)).toEqual([]);
    expect(fixed('- # 一、要点。\n\n> ## （一）引文标题。\n', CODE)).toBe('- # 一、要点\n\n> ## （一）引文标题\n');
    expect(found('正文\\\n\\# 不是标题。', CODE)).toEqual([]);
  });

  it('takes precedence over text-halfwidth-punct for a final .', () => {
    expect(found('园区召开会议.', 'text-halfwidth-punct', 'title')).toEqual([]);
    expect(marked('园区召开会议.', CODE, 'title')).toEqual(['.']);
  });

  it('leaves titles ending otherwise alone, and plain texts such as captions', () => {
    expect(found('园区召开会议', CODE, 'title')).toEqual([]);
    expect(found('你了解生态园区吗？', CODE, 'title')).toEqual([]);
    expect(found('示范区“时间银行”……', CODE, 'title')).toEqual([]);
    expect(found('版本v1.', CODE, 'title')).toEqual([]);
    expect(found('会议现场。', CODE, 'plain')).toEqual([]);
  });
});
