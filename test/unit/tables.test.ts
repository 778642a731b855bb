// Pipe tables of a body: the tree (caption and unit from the lines above, alignment, numbers to the
// right), the problems of the dialect, and the layout (whole-line rows, smaller before wrapping).
import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/model/parseBody.js';
import { inlineText, tables, type Table } from '../../src/model/blocks.js';
import { tableLayout } from '../../src/layout/tableLayout.js';
import { PRESETS } from '../../src/layout/presets.js';
import { renderBlocks } from '../../src/render/renderBlocks.js';

const BODY = ['会议通报了进展。', '表：重点项目进展', '单位：万元', '| 项目 | 投资 | 进度 |', '|---|---|:-:|', '| 污水厂 | 1,200.5 | 完成 |', '| 中水回用 | — | 进行中 |', '', '会议要求加快推进。'].join('\n');

describe('a pipe table in a body', () => {
  const parsed = parseBody(BODY);
  const table = tables(parsed.blocks)[0]!;

  it('is a table block with the 表： line as its caption and the 单位： line as its unit, not paragraphs', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.blocks.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(inlineText(table.caption!)).toBe('重点项目进展');
    expect(table.unit).toBe('单位：万元');
    expect(table.above).toEqual({ start: 1, end: 3 });
    expect(table.head[0]!.cells.map((c) => inlineText(c.content))).toEqual(['项目', '投资', '进度']);
    expect(table.body[1]!.lines).toEqual({ start: 6, end: 7 });
    // A column of numbers (a dash for none) goes right; the divider's :-: is kept.
    expect(table.align).toEqual(['left', 'right', 'center']);
  });

  it('prints with its number, the 续表 row for the pages it continues on, and each row a class of its height', () => {
    let n = 4;
    const html = renderBlocks(parsed.blocks, new Map(), 'note', { geometry: PRESETS.standard, style: 'grid', next: () => ({ number: ++n, id: `a-table-${n}` }) }).html;
    expect(html).toContain('<p class="table-caption">表5\u3000重点项目进展</p>');
    expect(html).toContain('<div class="table table-grid" id="a-table-5">');
    expect(html).toMatch(/<tr class="table-cont rows-1"><th colspan="3"><span class="table-cont-label">续表5<\/span>/);
    expect(html).toContain('<td class="right"><span class="num">1</span>,<span class="num">200.5</span></td>');
  });

  it('reports rows of another width, a line run into the table, pipes that make no table, an empty table', () => {
    const codes = (text: string) => parseBody(text).problems.map((p) => `${p.line}:${p.code}${p.severity ? `:${p.severity}` : ''}`);
    expect(codes('| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| 1 |')).toEqual(['2:table-ragged', '3:table-ragged:warning']);
    expect(codes('| a | b |\n|---|---|\n| 1 | 2 |\n后面的段落。')).toEqual(['3:table-ragged']);
    expect(codes('正文。\n| a | b |\n| 1 | 2 |')).toEqual(['1:table-malformed']);
    expect(codes('| a | b |\n|---|---|')).toEqual(['0:table-empty:warning']);
    expect(codes(`|${' x |'.repeat(13)}\n|${'---|'.repeat(13)}\n|${' 1 |'.repeat(13)}`)).toEqual(['0:table-too-many-columns']);
  });
});

describe('tableLayout', () => {
  const table = (rows: string[][]): Table => tables(parseBody([`| ${rows[0]!.join(' | ')} |`, `|${'---|'.repeat(rows[0]!.length)}`, ...rows.slice(1).map((r) => `| ${r.join(' | ')} |`)].join('\n')).blocks)[0]!;

  it('sets a table at the preset size, each row whole lines, and a long cell over more lines', () => {
    const layout = tableLayout(table([['项目', '说明'], ['污水厂', '短'], ['中水', '长'.repeat(60)]]), PRESETS.standard);
    expect(layout.size).toBe(14);
    expect(layout.bodyRows[0]).toBe(1);
    expect(layout.bodyRows[1]).toBeGreaterThan(1);
    expect(layout.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(layout.tooWide).toBe(false);
  });

  it('sets a table a little too wide smaller, down to the floor, then says it is too wide', () => {
    const six = Array.from({ length: 6 }, (_, i) => `指标名称${i}`);
    const smaller = tableLayout(table([six, six.map(() => '12.5')]), PRESETS.standard);
    expect(smaller.size).toBeLessThan(14);
    expect(smaller.size).toBeGreaterThanOrEqual(12);
    expect(smaller.tooWide).toBe(false);
    const wide = Array.from({ length: 8 }, () => 'PM2.5-PM10-ratio');
    const layout = tableLayout(table([wide, wide]), PRESETS.standard);
    expect(layout.size).toBe(PRESETS.standard.sizes.tableMin);
    expect(layout.tooWide).toBe(true);
  });
});
