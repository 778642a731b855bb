import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readFont, standaloneFace, faceList } from '../../src/model/fontFile.js';
import { render } from '../../src/i18n/message.js';
import { convertInWorker } from '../../src/model/fontConversion.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/fonts/${name}`, import.meta.url)));
const chars = (text: string) => Array.from(text, (c) => c.codePointAt(0)!);
const covered = (ranges: [number, number][], cp: number) => ranges.some(([a, z]) => cp >= a && cp <= z);

describe('a face of a collection (.ttc)', () => {
  const ttc = fixture('ukai-wqy.ttc');
  it('is chosen by name or by number, and lists its faces', () => {
    const byName = readFont(ttc, { face: 'WenQuanYi Micro Hei' });
    const byIndex = readFont(ttc, { index: 1 });
    expect(byName.ok && byName.facts.collection).toEqual({ index: 1, count: 2 });
    expect(byIndex.ok && byIndex.facts.names).toContain('WenQuanYi Micro Hei');
    expect(faceList(ttc)).toEqual(['0: AR PL UKai CN', '1: WenQuanYi Micro Hei']);
    const missing = readFont(ttc, { face: 'SimSun' });
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.faceMissing && render(missing.reason, 'en')).toContain('0: AR PL UKai CN');
  });
  it('becomes a standalone TrueType font with the same characters', () => {
    const face = standaloneFace(ttc, { face: 'AR PL UKai CN' })!;
    const alone = readFont(face);
    const inCollection = readFont(ttc, { index: 0 });
    expect(alone.ok && inCollection.ok && alone.facts.coverage).toEqual(inCollection.ok && inCollection.facts.coverage);
    expect(alone.ok && alone.facts.outlines).toBe('glyf');
  });
});

describe('converting (in the worker)', () => {
  it('turns CFF outlines into a TrueType subset with the characters asked for', async () => {
    const otf = fixture('title-cff.otf');
    const source = readFont(otf);
    expect(source.ok && source.facts.outlines).toBe('CFF ');
    const wanted = chars('国家生态工业示范园区ABC');
    const [result] = await convertInWorker(standaloneFace(otf)!, [[...wanted, 0x4e00 + 0x3000]]);
    expect(result!.ok).toBe(true);
    if (!result!.ok) return;
    expect(result!.font.missing).toEqual([0x4e00 + 0x3000]);
    const out = readFont(standaloneFace(result!.font.bytes)!);
    expect(out.ok && out.facts.outlines).toBe('glyf');
    expect(out.ok && out.facts.tables.has('CFF ')).toBe(false);
    for (const cp of wanted) expect(out.ok && covered(out.facts.coverage, cp)).toBe(true);
    expect(result!.font.glyphs).toBe(wanted.length + 1);
  }, 60_000);
  it('is a pure function of the font, the face and the characters: the same bytes every time (what a cache keys on, and the same PDF from one build to the next)', async () => {
    const face = standaloneFace(fixture('ukai-wqy.ttc'), { index: 0 })!;
    const set = chars('国家生态工业示范园区');
    const [first] = await convertInWorker(face, [set]);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a date of the conversion would now differ
    const [second] = await convertInWorker(face, [set]);
    expect(first!.ok && second!.ok).toBe(true);
    expect(Buffer.from(first!.ok ? first!.font.bytes : []).equals(Buffer.from(second!.ok ? second!.font.bytes : []))).toBe(true);
  });
  it('gives a reason for a damaged font rather than throwing', async () => {
    const bytes = fixture('title-cff.otf');
    const damaged = bytes.slice(0, 2000);
    const [result] = await convertInWorker(damaged, [chars('国')]);
    expect(result!.ok).toBe(false);
  }, 60_000);
});
