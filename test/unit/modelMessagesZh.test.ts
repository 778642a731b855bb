// The model's problems in Chinese: body problems, a table problem and a copy-editing finding rendered
// with render(…, 'zh') carry Han characters and no English sentence.
import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/model/parseBody.js';
import { lintText } from '../../src/lint/lintText.js';
import { render, type Message } from '../../src/i18n/message.js';
import { modelMessages } from '../../src/i18n/messages/model.js';

/** An English sentence: three Latin words in a row (keys and values in backticks are left out). */
const ENGLISH = /[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}/;

function expectChinese(message: Message): void {
  const zh = render(message, 'zh');
  expect(zh).toMatch(/\p{Script=Han}/u);
  expect(zh.replace(/`[^`]*`/g, ''), zh).not.toMatch(ENGLISH);
  expect(zh).not.toBe(render(message, 'en'));
}

describe('the model speaks Chinese', () => {
  it('renders body problems in Chinese', () => {
    const body = ['<b>加粗</b>', '', '一是**加强统筹。', '', '见[通知](javascript:alert(1))。', '', '注释[^9]。'].join('\n');
    const { problems } = parseBody(body);
    const codes = problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['body-raw-html', 'body-stray-emphasis-mark', 'body-link', 'footnote-undefined']));
    // The codes' general texts (src/i18n/messages/codes.ts) are translated apart: the model's own are checked here.
    const own = problems.flatMap((p) => [p.message, p.hint]).filter((m) => Object.hasOwn(modelMessages, m.id));
    expect(own.length).toBeGreaterThanOrEqual(5);
    for (const m of own) expectChinese(m);
    expect(render(problems.find((p) => p.code === 'body-raw-html')!.message, 'zh')).toBe('文章正文中不能使用 HTML 代码 `<b>`');
  });

  it('renders a table problem in Chinese', () => {
    const { problems } = parseBody(['| 项目 | 金额 |', '|---|---|', '| 培训 | 12.5 | 多余 |'].join('\n'));
    const ragged = problems.find((p) => p.code === 'table-ragged')!;
    expect(render(ragged.message, 'en')).toBe('this row has 3 cells and the header 2: the last 1 would not print');
    expect(render(ragged.message, 'zh')).toBe('这一行有3个单元格，表头只有2个：最后1个不会印出');
    expectChinese(ragged.hint);
  });

  it('renders a copy-editing finding in Chinese', () => {
    const [finding] = lintText('工作要点--加强统筹', 'markdown').filter((f) => f.code === 'text-dash');
    expect(render(finding!.message, 'zh')).toBe('`--` 不是中文破折号');
    expectChinese(finding!.message);
    expectChinese(finding!.hint);
  });
});
