// Broken sources checked in Chinese: each message and hint of reading a source (src/source/) comes from
// the catalogue, so `localize(d, 'zh')` gives Chinese, with no English sentence left over.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { localize, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { cleanScratch, issueYaml, REPO, SERIES_YAML, scratchDir, writeTree } from '../helpers.js';

afterAll(() => cleanScratch());

/** The diagnostics of a series whose only issue is `issue`, in Chinese. */
async function checkedInChinese(issue: string): Promise<Diagnostic[]> {
  const root = writeTree(scratchDir('bulletin-zh-'), { 'bulletin.yaml': SERIES_YAML, 'issues/2018-01.yaml': issue });
  const result = await validate(['.'], { cwd: root });
  return result.diagnostics.map((d) => localize(d, 'zh'));
}

/** Chinese, and no English sentence: three Latin words in a row outside backticks (keys and values stay as typed). */
function expectChinese(text: string | undefined, what: string): void {
  expect(text, what).toBeDefined();
  expect(text, what).toMatch(/\p{Script=Han}/u);
  expect(text!.replace(/`[^`]*`/g, '').replace(/"[^"]*"/g, ''), what).not.toMatch(/[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}/);
}

const CASES: { name: string; code: string; issue: string }[] = [
  {
    name: 'a quoted title left open',
    code: 'yaml-missing-char',
    issue: issueYaml({ sections: '  - label: 工作动态\n    articles:\n      - title: "园区召开工作会议\n        body: 园区召开工作会议。' }),
  },
  {
    name: 'a misspelt key at the top',
    code: 'schema-unknown-key',
    issue: issueYaml().replace('number: 1', 'nubmer: 1'),
  },
  {
    name: '`sections: none`',
    code: 'sections-none',
    issue: issueYaml({ sections: '' }).replace('sections:\n', 'sections: none\n'),
  },
  {
    name: 'a figure with both `image:` and `images:`',
    code: 'figure-images',
    issue: issueYaml({ sections: '  - label: 工作动态\n    articles:\n      - title: 园区召开工作会议\n        body: 园区召开工作会议。\n        figures:\n          - image: images/a.png\n            images: [images/a.png, images/b.png]' }),
  },
];

describe('reading sources, in Chinese', () => {
  for (const c of CASES) {
    it(`says in Chinese what is wrong with ${c.name}`, async () => {
      const diagnostics = await checkedInChinese(c.issue);
      expect(diagnostics.map((d) => d.code), c.name).toContain(c.code);
      for (const d of diagnostics) {
        expect(d.text, `${d.code}: a catalogue message`).toBeDefined();
        expectChinese(d.message, `${d.code}: message`);
        expectChinese(d.hint, `${d.code}: hint`);
      }
    });
  }

  it('gives a schema hint in both languages: `description` in Chinese, `x-description-en` in English', async () => {
    const root = writeTree(scratchDir('bulletin-zh-'), { 'bulletin.yaml': SERIES_YAML, 'issues/2018-01.yaml': issueYaml().replace('number: 1', 'number: "一"') });
    const [d] = (await validate(['.'], { cwd: root })).diagnostics.filter((x) => x.code === 'schema-type');
    const schema = JSON.parse(readFileSync(path.join(REPO, 'schemas', 'issue.schema.json'), 'utf8')) as { properties: Record<string, { description: string; 'x-description-en'?: string }> };
    const number = schema.properties.number!;
    expect(d!.hint).toContain(number['x-description-en'] ?? number.description);
    expect(localize(d!, 'zh').hint).toContain(number.description);
  });
});
