import { describe, expect, it } from 'vitest';
import { closest } from '../../src/source/closest.js';

const ARTICLE_KEYS = ['id', 'title', 'note', 'body', 'figures', 'source'];

describe('closest', () => {
  it('suggests the key a typo was meant to be', () => {
    expect(closest('titel', ARTICLE_KEYS)).toBe('title');
    expect(closest('bdoy', ARTICLE_KEYS)).toBe('body');
    expect(closest('figure', ARTICLE_KEYS)).toBe('figures');
    expect(closest('rigth', ['right', 'left', 'centre'])).toBe('right');
    expect(closest('center', ['right', 'left', 'centre'])).toBe('centre');
  });

  it('compares case-insensitively and returns the candidate as spelt', () => {
    expect(closest('pagenumber', ['preset', 'pageNumber', 'dateStyle', 'colors'])).toBe('pageNumber');
    expect(closest('TITLE', ARTICLE_KEYS)).toBe('title');
  });

  it('returns undefined when nothing is close', () => {
    expect(closest('publisher', ARTICLE_KEYS)).toBeUndefined();
    expect(closest('xyz', ['title'])).toBeUndefined();
    expect(closest('title', [])).toBeUndefined();
  });

  it('allows about one edit per three characters', () => {
    // 6 characters: up to 2 edits.
    expect(closest('abcdxy', ['abcdef'])).toBe('abcdef');
    expect(closest('abcxyz', ['abcdef'])).toBeUndefined();
  });

  it('prefers the nearest of several candidates', () => {
    expect(closest('totl', ['total', 'title'])).toBe('total');
    expect(closest('nmber', ['name', 'number'])).toBe('number');
  });
});
