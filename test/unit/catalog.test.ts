// The message catalogue: both languages for every id, the same placeholders, ids unique across its
// parts, none unused, Chinese punctuation as GB/T 15834 sets it (docs/glossary.md).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG, CATALOG_PARTS } from '../../src/i18n/catalog.js';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js';
import { PLACEHOLDER, msg, render, t } from '../../src/i18n/message.js';
import { chooseLang, localeLang, parseLang } from '../../src/i18n/lang.js';
import { REPO } from '../helpers.js';

const entries = Object.entries(CATALOG) as [string, { en: string; zh: string }][];

function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(ts|hbs|mjs)$/.test(name) ? [full] : [];
  });
}

describe('the message catalogue', () => {
  it('has each id in one part only', () => {
    const seen = new Map<string, string>();
    for (const [part, messages] of Object.entries(CATALOG_PARTS)) {
      for (const id of Object.keys(messages)) {
        expect(seen.get(id), `${id} is in the parts ${seen.get(id)} and ${part}`).toBeUndefined();
        seen.set(id, part);
      }
    }
  });

  it('gives every id an English and a Chinese text with the same placeholders', () => {
    for (const [id, entry] of entries) {
      expect(entry.en.trim(), `${id}: en`).not.toBe('');
      expect(entry.zh, `${id}: zh has no Chinese`).toMatch(/\p{Script=Han}/u);
      expect(placeholders(entry.zh), `${id}: the placeholders of zh and en`).toEqual(placeholders(entry.en));
    }
  });

  it('writes Chinese with full-width punctuation next to Chinese characters (GB/T 15834)', () => {
    for (const [id, { zh }] of entries) {
      // Keys, commands and values in backticks, and placeholders, are what the editor types: left as they are.
      const prose = zh.replace(/`[^`]*`/g, '').replace(PLACEHOLDER, 'X');
      expect(prose, `${id}: half-width punctuation next to Chinese`).not.toMatch(/\p{Script=Han}[,;:!?()]|[,;:!?(]\p{Script=Han}/u);
    }
  });

  it('has a code and its hint for every diagnostic code, and no other entry unused by the code', () => {
    for (const code of Object.keys(DIAGNOSTIC_CODES)) {
      expect(Object.hasOwn(CATALOG, code), code).toBe(true);
      expect(Object.hasOwn(CATALOG, `${code}.hint`), `${code}.hint`).toBe(true);
    }
    const codes = new Set(Object.keys(DIAGNOSTIC_CODES).flatMap((c) => [c, `${c}.hint`]));
    const text = [...sourceFiles(path.join(REPO, 'src')), ...sourceFiles(path.join(REPO, 'templates'))]
      .filter((f) => !f.includes(`${path.sep}i18n${path.sep}messages${path.sep}`))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = entries.map(([id]) => id).filter((id) => !codes.has(id) && !text.includes(`'${id}'`) && !text.includes(`"${id}"`));
    expect(unused, 'catalogue entries no code uses').toEqual([]);
  });
});

describe('rendering a message', () => {
  it('fills placeholders, English plurals and nested messages in the same language', () => {
    expect(t('en', 'summary.checked', { files: 1, errors: 2, warnings: 0 })).toBe('1 file checked: 2 errors, 0 warnings');
    expect(t('zh', 'summary.checked', { files: 1, errors: 2, warnings: 0 })).toBe('已检查1个文件：2个错误，0个警告');
    const inner = msg('label.error');
    expect(render(msg('error.internal', { reason: inner }), 'zh')).toBe('内部错误，请报告此问题：错误');
  });
});

describe('the language', () => {
  it('is --lang, then BULLETIN_LANG, then lang: of the series, then the locale, then English', () => {
    expect(chooseLang({ flag: 'zh', env: { BULLETIN_LANG: 'en' }, series: 'en' })).toBe('zh');
    expect(chooseLang({ env: { BULLETIN_LANG: 'zh', LANG: 'en_US.UTF-8' }, series: 'en' })).toBe('zh');
    expect(chooseLang({ env: { LANG: 'en_US.UTF-8' }, series: 'zh' })).toBe('zh');
    expect(chooseLang({ env: { LANG: 'zh_CN.UTF-8' } })).toBe('zh');
    expect(chooseLang({ env: { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' } })).toBe('en');
    expect(chooseLang({ env: { LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' } })).toBe('zh');
    expect(chooseLang({ env: {} })).toBe('en');
  });

  it('reads the forms locales and people write', () => {
    expect(['zh', 'zh-CN', 'zh_CN.UTF-8', 'zh-Hans', 'ZH'].map(parseLang)).toEqual(['zh', 'zh', 'zh', 'zh', 'zh']);
    expect(['en', 'en_GB.UTF-8', 'C', 'POSIX', 'C.UTF-8'].map(parseLang)).toEqual(['en', 'en', 'en', 'en', 'en']);
    expect([undefined, '', 'fr_FR.UTF-8', 'zhx'].map(parseLang)).toEqual([undefined, undefined, undefined, undefined]);
    expect(localeLang({ LANG: 'fr_FR.UTF-8' })).toBe('en');
  });
});
