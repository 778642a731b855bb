// Output names: no two issues of a build write the same file, and no issue writes a file the build
// writes itself (index.html, yearbook-YEAR.pdf). Compared as a case-insensitive, normalising file
// system would.
import { describe, expect, it } from 'vitest';
import { checkOutputNames, outputClash, reservedName, slugOf } from '../../src/model/outputNames.js';
import { render } from '../../src/i18n/message.js';

const display = (file: string) => file.replace(/^\/s\//, '');
const codes = (files: string[]) => checkOutputNames(files, display).map((d) => `${d.file} ${d.code}`).sort();

describe('output names', () => {
  it('are the file name without .yaml or .yml', () => {
    expect(slugOf('/s/issues/2018-02.yaml')).toBe('2018-02');
    expect(slugOf('/s/issues/2018-02.YML')).toBe('2018-02');
    expect(slugOf('/s/issues/第1期 #1 (50%).yaml')).toBe('第1期 #1 (50%)');
  });

  it('refuse two files of a series with one name, in two folders or with two extensions', () => {
    expect(codes(['/s/issues/2018/01.yaml', '/s/issues/2019/01.yaml'])).toEqual(['issues/2018/01.yaml output-name-duplicate', 'issues/2019/01.yaml output-name-duplicate']);
    expect(codes(['/s/issues/2018-01.yaml', '/s/issues/2018-01.yml'])).toEqual(['issues/2018-01.yaml output-name-duplicate', 'issues/2018-01.yml output-name-duplicate']);
    const [first] = checkOutputNames(['/s/issues/2018/01.yaml', '/s/issues/2019/01.yaml'], display);
    expect(first!.message).toContain('issues/2019/01.yaml');
    expect([first!.line, first!.column]).toEqual([1, 1]);
  });

  it('take names that differ only in case or in Unicode normalisation as one', () => {
    expect(codes(['/s/issues/A.yaml', '/s/issues/a.yaml'])).toHaveLength(2);
    // é as one code point (NFC) and as e + combining acute (NFD, as macOS writes names).
    expect(codes(['/s/issues/caf\u00e9.yaml', '/s/issues/cafe\u0301.yaml'])).toHaveLength(2);
    expect(codes(['/s/issues/2018-01.yaml', '/s/issues/2018-02.yaml', '/s/issues/2018-01-增刊.yaml'])).toEqual([]);
  });

  it('refuse names the build writes itself, and hidden or empty names', () => {
    for (const slug of ['index', 'INDEX', 'yearbook-2025', 'Yearbook-2018', '.hidden', '', 'a\\b', 'a\u0007b', '2018-02.single', '2018-02.SINGLE']) expect(reservedName(slug), slug).toBeDefined();
    for (const slug of ['index-2', 'yearbook', 'yearbook-2025-增刊', '2018-01', 'indexes', '2018-02.single-2', 'single']) expect(reservedName(slug), slug).toBeUndefined();
    expect(codes(['/s/issues/index.yaml', '/s/issues/yearbook-2025.yml', '/s/issues/.yaml'])).toEqual([
      'issues/.yaml output-name-reserved', 'issues/index.yaml output-name-reserved', 'issues/yearbook-2025.yml output-name-reserved',
    ]);
  });

  it('find the first clash between the issues of several series built into one folder', () => {
    const a = { file: '/s/a/issues/2018-01.yaml', slug: '2018-01' };
    const b = { file: '/s/b/issues/2018-01.yaml', slug: '2018-01' };
    const c = { file: '/s/b/issues/2018-02.yaml', slug: '2018-02' };
    expect(outputClash([a, c], display)).toBeUndefined();
    expect(render(outputClash([a, c, b], display)!, 'en')).toMatch(/a\/issues\/2018-01\.yaml and b\/issues\/2018-01\.yaml would both write `2018-01\.pdf`/);
    // One file reached twice is not a clash.
    expect(outputClash([a, a], display)).toBeUndefined();
  });
});
