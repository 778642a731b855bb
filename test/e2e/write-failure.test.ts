// A write that fails halfway (the disk full when the HTML page is written, after the PDF) is exit 5
// with the path and the reason, and the outputs of the earlier build stay as they were, together:
// a PDF never goes with an HTML page of another build.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.js';
import { nodeIo, type Io } from '../../src/io.js';
import { BulletinError } from '../../src/diagnostics/exitCodes.js';
import { SEED } from '../helpers.js';
import { buildEnv, CHROMIUM, HAS_CHROMIUM, e2eTitle } from './poppler.js';

const root = mkdtempSync(path.join(tmpdir(), 'bulletin-write-failure-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The real file system, but the disk is full when the issue's HTML page is written. */
const diskFullAtPage: Io = {
  ...nodeIo,
  async openOutput(dir, display) {
    const folder = await nodeIo.openOutput(dir, display);
    return {
      root: folder.root,
      transaction() {
        const t = folder.transaction();
        return {
          ...t,
          write: (relative, data, options) => (relative.endsWith('.html') && !relative.includes('/')
            ? Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: path.join(folder.root, relative) }))
            : t.write(relative, data, options)),
        };
      },
    };
  },
};

const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir, { recursive: true }).map(String).sort().map((f) => {
  try {
    return [f, readFileSync(path.join(dir, f)).toString('base64')];
  } catch {
    return [f, 'folder'];
  }
}));

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('a write failure'), () => {
  it('is exit 5 naming the file and the reason, and leaves the earlier PDF, HTML and files as they were', async () => {
    const series = path.join(root, 'seed');
    cpSync(SEED, series, { recursive: true });
    const outDir = path.join(root, 'dist');
    await build([series], { outDir, browser: CHROMIUM, env: buildEnv() });
    const before = snapshot(outDir);
    const issueFile = path.join(series, 'issues', '2018-02.yaml');
    writeFileSync(issueFile, readFileSync(issueFile, 'utf8').replace('- 在昆明召开', '- 在昆明隆重召开'));
    const error = await build([series], { outDir, browser: CHROMIUM, env: buildEnv(), io: diskFullAtPage }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(BulletinError);
    expect((error as BulletinError).exitCode).toBe(5);
    expect((error as BulletinError).message).toBe(`cannot write ${path.join(outDir, '2018-02.html')}: the disk is full`);
    expect(snapshot(outDir)).toEqual(before);
  }, 60_000);
});
