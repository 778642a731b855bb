import { describe, expect, it } from 'vitest';
import { fixed, found } from './textHelpers.js';

const CODE = 'text-ellipsis';

describe('text-ellipsis', () => {
  it('turns ..., ......, 。。。, a lone …, ………, ⋯ and ··· in Chinese text into ……', () => {
    expect(fixed('资源、能源、环境...等方面', CODE)).toBe('资源、能源、环境……等方面');
    expect(fixed('资源、能源、环境......等方面', CODE)).toBe('资源、能源、环境……等方面');
    expect(fixed('然后。。。还有', CODE)).toBe('然后……还有');
    expect(fixed('还有…结束', CODE)).toBe('还有……结束');
    expect(fixed('还有………结束', CODE)).toBe('还有……结束');
    expect(fixed('还有⋯⋯结束', CODE)).toBe('还有……结束');
    expect(fixed('还有···结束', CODE)).toBe('还有……结束');
  });

  it('leaves …… and the twelve dots of omitted lines alone', () => {
    expect(found('为学习贯彻党的十九大精神……', CODE)).toEqual([]);
    expect(found('第一行\n…………\n最后一行', CODE)).toEqual([]);
  });

  it('leaves English, code and number ranges alone', () => {
    expect(found('And so on... wait… see `a...b` and 1...10.', CODE)).toEqual([]);
  });
});
