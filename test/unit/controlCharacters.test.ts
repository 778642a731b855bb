// Invisible control characters in printed text: each reported at its place (exact where the value is
// written plainly, at the value's start where an escape spells it), none in text that is not printed.
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/source/parseYaml.js';
import { printedFields, ISSUE_PRINTED } from '../../src/source/printedFields.js';
import { controlCharacters, codePointName } from '../../src/check/controlCharacters.js';
import { markdownParses } from '../../src/model/parseBody.js';

function report(yaml: string): string[] {
  const { doc, lineCounter } = parseYaml(yaml, 'x.yaml');
  return controlCharacters(printedFields(doc!, yaml, ISSUE_PRINTED, markdownParses()), 'x.yaml', lineCounter).map((d) => `${d.line}:${d.column} ${/U\+[0-9A-F]{4}/.exec(d.message)![0]}`);
}

const ARTICLE = 'sections:\n  - label: 工作动态\n    articles:\n      - title: 标题\n';

describe('control characters in printed text', () => {
  it('are found in bodies, notes, titles, captions, alt texts and source lines, literal or escaped', () => {
    expect(report(`${ARTICLE}        body: |\n          甲\u202e乙\u2067丙\n          丁\u2028戊\u0085己\u0007庚\u001b[0m\n`)).toEqual(['6:12 U+202E', '6:14 U+2067', '7:12 U+2028', '7:14 U+0085', '7:16 U+0007', '7:18 U+001B']);
    expect(report(`${ARTICLE}        note: "编者按\\u200e"\n        body: 正文\n        source: 来源\u061c\n        figures:\n          - image: a.png\n            caption: "图\\P"\n            alt: 说明\u2066\n`))
      .toEqual(['5:15 U+200E', '7:19 U+061C', '10:22 U+2029', '11:20 U+2066']);
  });

  it('leaves tab, line feed and what is not printed (ids, image paths) alone, and single-line C0 to the schema', () => {
    expect(report(`${ARTICLE}        id: "a\\u202e"\n        body: "甲\\t乙\\n\\n丙"\n        figures:\n          - image: "a\\u202e.png"\n`)).toEqual([]);
    // In a title the schema refuses C0 controls already (schema-format): not reported twice.
    expect(report('sections:\n  - label: 工作动态\n    articles:\n      - title: "标\\u0007题"\n')).toEqual([]);
  });

  it('names the characters it reports', () => {
    expect(codePointName(0x202e)).toBe('U+202E (RIGHT-TO-LEFT OVERRIDE)');
    expect(codePointName(0x0085)).toBe('U+0085 (NEXT LINE)');
    expect(codePointName(0x001b)).toBe('U+001B (a control character)');
  });
});
