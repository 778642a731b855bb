import { describe, expect, it } from 'vitest';
import { fixed, found } from './textHelpers.js';

const CODE = 'text-ordinal';

describe('text-ordinal', () => {
  it('turns 1、 into 1. at the start of a line (with no space, so it stays a paragraph)', () => {
    expect(fixed('1、加强组织领导。\n2、 落实责任。', CODE)).toBe('1.加强组织领导。\n2.落实责任。');
  });

  it('turns （一）、 into （一） and 一. into 一、, in headings too', () => {
    expect(fixed('## （一）、进展情况', CODE)).toBe('## （一）进展情况');
    expect(fixed('(1)、第一项', CODE)).toBe('（1）第一项');
    expect(fixed('# 一.总体要求', CODE)).toBe('# 一、总体要求');
    expect(fixed('**二．**具体措施', CODE)).toBe('**二、**具体措施');
  });

  it('applies to titles', () => {
    expect(fixed('（一）、进展情况', CODE, 'title')).toBe('（一）进展情况');
  });

  it('leaves the standard forms and enumerations inside a sentence alone', () => {
    expect(found('# 一、总体情况\n\n## （一）进展\n\n1.加强领导\n\n（1）落实', CODE)).toEqual([]);
    expect(found('第1、2期和12月6日、7日，（1）、（2）项', CODE)).toEqual([]);
    expect(found('1. 列表项\n2. 列表项', CODE)).toEqual([]);
  });

  it('leaves plain texts alone', () => {
    expect(found('1、会议现场', CODE, 'plain')).toEqual([]);
  });
});
