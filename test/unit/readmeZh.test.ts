// The Chinese README (README.zh-CN.md) is a translation of README.md section by section: the same
// headings in the same order, and every command, option and diagnostic code named in one is named in
// the other, so that neither falls behind when the other changes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js';
import { REPO } from '../helpers.js';

const read = (name: string): string => readFileSync(path.join(REPO, name), 'utf8');
const EN = read('README.md');
const ZH = read('README.zh-CN.md');

/** The lines outside fenced code blocks, and the text of the code: the blocks and the `inline` spans. */
function split(text: string): { prose: string[]; code: string[] } {
  const prose: string[] = [];
  const code: string[] = [];
  let fence: string | undefined;
  for (const line of text.split('\n')) {
    const mark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (mark !== undefined && mark[0] === fence[0] && mark.length >= fence.length) fence = undefined;
      else code.push(line);
      continue;
    }
    if (mark !== undefined) {
      fence = mark;
      continue;
    }
    prose.push(line);
    for (const span of line.matchAll(/(`+)(.+?)\1/g)) code.push(span[2]!);
  }
  return { prose, code };
}

/** The headings (`## Quick start` → level 2), outside code blocks. */
function headings(text: string): { level: number; text: string }[] {
  return split(text).prose.flatMap((line) => {
    const m = /^(#{1,6})\s+(.*)$/.exec(line);
    return m ? [{ level: m[1]!.length, text: m[2]!.trim() }] : [];
  });
}

/** The commands the CLI defines (`.command('validate')` in src/cli/main.ts). */
const COMMANDS = [...read('src/cli/main.ts').matchAll(/\.command\('([a-z-]+)/g)].map((m) => m[1]!);

function named(text: string): { commands: Set<string>; options: Set<string>; codes: Set<string> } {
  const code = split(text).code.join('\n');
  const commands = new Set<string>();
  for (const m of code.matchAll(/(?<![\w/.-])bulletin (\w[\w-]*)/g)) if (COMMANDS.includes(m[1]!)) commands.add(m[1]!);
  const options = new Set([...code.matchAll(/(?<![\w-])--[a-z][a-z0-9-]*/g)].map((m) => m[0]));
  const codes = new Set([...text.matchAll(/`([a-z0-9]+(?:-[a-z0-9]+)+)`/g)].map((m) => m[1]!).filter((c) => Object.hasOwn(DIAGNOSTIC_CODES, c)));
  return { commands, options, codes };
}

const missing = (from: Set<string>, into: Set<string>): string[] => [...from].filter((x) => !into.has(x)).sort();

describe('README.zh-CN.md', () => {
  it('links to README.md, and README.md links to it at its top', () => {
    expect(ZH).toContain('(README.md)');
    expect(EN.split('\n').slice(0, 5).join('\n')).toContain('简体中文说明：[README.zh-CN.md](README.zh-CN.md)');
  });

  it('has the sections of README.md: the same heading levels, in the same order', () => {
    const en = headings(EN);
    const zh = headings(ZH);
    expect(en.length).toBeGreaterThan(20);
    expect(zh.map((h) => h.level), `English: ${en.map((h) => `${'#'.repeat(h.level)} ${h.text}`).join(' | ')}`).toEqual(en.map((h) => h.level));
    // A heading that names a command keeps it, options and all (`bulletin validate [paths…]`).
    en.forEach((h, i) => {
      const command = /`bulletin [^`]*`/.exec(h.text)?.[0];
      if (command) expect(zh[i]!.text, h.text).toContain(command);
    });
  });

  it('names every command, option and diagnostic code that README.md names, and no other', () => {
    const en = named(EN);
    const zh = named(ZH);
    expect([...en.commands].sort()).toEqual([...COMMANDS].sort());
    expect(missing(en.commands, zh.commands), 'commands of README.md missing from README.zh-CN.md').toEqual([]);
    expect(missing(zh.commands, en.commands), 'commands of README.zh-CN.md missing from README.md').toEqual([]);
    expect(missing(en.options, zh.options), 'options of README.md missing from README.zh-CN.md').toEqual([]);
    expect(missing(zh.options, en.options), 'options of README.zh-CN.md missing from README.md').toEqual([]);
    expect(missing(en.codes, zh.codes), 'diagnostic codes of README.md missing from README.zh-CN.md').toEqual([]);
    expect(missing(zh.codes, en.codes), 'diagnostic codes of README.zh-CN.md missing from README.md').toEqual([]);
  });

  it('has as many fenced code blocks as README.md', () => {
    const fences = (text: string): number => text.split('\n').filter((l) => /^\s*```/.test(l)).length;
    expect(fences(ZH)).toBe(fences(EN));
  });
});
