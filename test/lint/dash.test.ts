import { describe, expect, it } from 'vitest';
import { fixed, found, marked } from './textHelpers.js';
import { render } from '../../src/i18n/message.js';

const CODE = 'text-dash';

describe('text-dash', () => {
  it('turns -- and --- in Chinese text into ——, with the spaces around them', () => {
    expect(fixed('会议--这是一次重要的会议', CODE)).toBe('会议——这是一次重要的会议');
    expect(fixed('会议 --- 这是一次重要的会议', CODE)).toBe('会议——这是一次重要的会议');
  });

  it('turns ――, ─, －－, ——— and a lone — next to punctuation into ——', () => {
    expect(fixed('会议――这是', CODE)).toBe('会议——这是');
    expect(fixed('会议──这是', CODE)).toBe('会议——这是');
    expect(fixed('会议－－这是', CODE)).toBe('会议——这是');
    expect(fixed('会议———这是', CODE)).toBe('会议——这是');
    expect(fixed('“绿色发展”—这是', CODE)).toBe('“绿色发展”——这是');
  });

  it('reports a single — between Chinese characters without fixing it: it may join places', () => {
    const [f] = found('北京—上海', CODE);
    expect(f).toMatchObject({ start: 2, end: 3 });
    expect(f!.fix).toBeUndefined();
    expect(render(f!.hint, 'en')).toContain('bulletin-disable-line');
  });

  it('leaves —— and ranges alone', () => {
    expect(found('会议——这是一次重要的会议', CODE)).toEqual([]);
    expect(found('2018—2020年，2018年—2020年，沈括（1031—1095）', CODE)).toEqual([]);
  });

  it('leaves hyphens, English dashes, Markdown rules and list markers alone', () => {
    expect(found('The well-known tool -- really -- works; run `npm --help`.', CODE)).toEqual([]);
    expect(found('第一段。\n\n---\n\n- 要点\n- 另一要点', CODE)).toEqual([]);
    expect(found('电话010-12345678，型号GB-2018。', CODE)).toEqual([]);
  });

  it('points at the dash, not at the spaces its fix removes', () => {
    expect(marked('会议 -- 这是', CODE)).toEqual(['--']);
  });
});
