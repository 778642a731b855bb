import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/source/readSource.js';
import { nodeIo, type Io } from '../../src/io.js';

/** A regular file of `size` bytes whose reading fails with `code` (a permission the test cannot set as root). */
function failingIo(code: string, size = 10): Io {
  const fail = () => Promise.reject(Object.assign(new Error(`${code}: operation refused`), { code }));
  return {
    ...nodeIo,
    readFile: fail,
    readHead: fail,
    stat: async () => ({ isFile: true, isDirectory: false, size, mtimeMs: 0 }),
    realpath: async (p) => p,
    readdir: async () => [],
    exists: async () => true,
    env: () => undefined,
  };
}

describe('readSource', () => {
  it('reports a file it may not read as source-unreadable, with the reason and a hint', async () => {
    const r = await readSource(failingIo('EACCES'), '/series/issues/2018-01.yaml', 'issues/2018-01.yaml', '/series');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostic).toMatchObject({ code: 'source-unreadable', severity: 'error', file: 'issues/2018-01.yaml', line: 1, column: 1 });
    expect(r.diagnostic.message).toContain('EACCES');
    expect(r.diagnostic.hint).toMatch(/permissions/);
  });
});
