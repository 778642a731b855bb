import { describe, expect, it } from 'vitest';
import { fixed, found } from './textHelpers.js';

const CODE = 'text-cjk-space';

describe('text-cjk-space', () => {
  it('removes spaces between Chinese characters and digits or Latin words', () => {
    expect(fixed('2018 年第 2 期', CODE)).toBe('2018年第2期');
    expect(fixed('使用 Python 编程，增长 3.5% 以上', CODE)).toBe('使用Python编程，增长3.5%以上');
  });

  it('leaves spaces between Latin words, indentation, Markdown markers and line ends alone', () => {
    expect(found('GB/T 9704 and PM 2.5 mean the same in English.', CODE)).toEqual([]);
    expect(found('# 2018年\n\n1. 2018年\n- 第一项\n**重要** 事项', CODE)).toEqual([]);
  });

  it('keeps the space that sets a URL, an address or code apart', () => {
    expect(found('详见 https://example.org 网站，邮件 a@example.org 或 `npm test` 命令', CODE)).toEqual([]);
  });

  it('leaves spaces between Chinese characters alone (a title may be spaced on purpose)', () => {
    expect(found('国家生态工业示范园区 工作动态', CODE, 'title')).toEqual([]);
  });
});
