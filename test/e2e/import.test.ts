// `bulletin import`, end to end: five Word submissions imported into an empty issue (`bulletin init`,
// then `bulletin new`), the issue built (one browser), and the PDF's text read back with poppler and
// compared, paragraph by paragraph, with each document's text as the word processor reads it (the
// .txt LibreOffice saved from each .docx, beside it in test/fixtures/import/submissions/).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/pipeline.js';
import { REPO, runCli } from '../helpers.js';
import { bodyLines, buildEnv, CHROMIUM, compact, e2eTitle, HAS_CHROMIUM, readPages, SKIP_REASON } from './poppler.js';

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

const SUBMISSIONS = path.join(REPO, 'test', 'fixtures', 'import', 'submissions');
const NAMES = readdirSync(SUBMISSIONS).filter((f) => f.endsWith('.docx')).map((f) => path.basename(f, '.docx')).sort();
/** Text Word hides (the fixture's hidden run): the word processor's text export keeps it, print must not. */
const HIDDEN = '（内部备注：待核实）';

/** A line of text without what print and a text export write differently: spaces, list bullets. */
const normal = (text: string) => compact(text).replace(/[\u3000\ufeff•]/g, '');
/**
 * Note marks are left out on both sides: print sets them as raised ①, which may be read as a line of
 * their own; the text export writes them as a digit between a Chinese character and punctuation.
 */
const withoutNoteMarks = { printed: (t: string) => t.replace(/[\u2460-\u2473]/g, ''), exported: (t: string) => t.replace(/(?<=[\p{Script=Han}])[0-9](?=[，。；])/gu, '') };

let root: string;
let result: BuildResult;
let printed: string;

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('bulletin import: five Word submissions printed'), () => {
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'bulletin-e2e-import-'));
    const dir = path.join(root, 'series');
    expect((await runCli(['init', dir])).code).toBe(0);
    expect((await runCli(['new', '--date', '2026-12-10'], dir)).code).toBe(0);
    const imported = await runCli(['import', ...NAMES.map((n) => path.join(SUBMISSIONS, `${n}.docx`))], dir);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    result = await build([path.join(dir, 'issues', '2026-02.yaml')], { cwd: dir, outDir: path.join(root, 'out'), browser: CHROMIUM, env: buildEnv() });
    // Line by line, top to bottom, each left to right (a table row is one line), above the footer.
    printed = readPages(path.join(root, 'out', '2026-02.pdf')).map((p) => bodyLines(p).map((l) => normal(l.text)).join('')).join('');
    printed = withoutNoteMarks.printed(printed);
  }, 240_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('builds the issue without errors', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('prints every paragraph of every document, in order, and nothing Word hides', () => {
    let from = 0;
    for (const name of NAMES) {
      const paragraphs = readFileSync(path.join(SUBMISSIONS, `${name}.txt`), 'utf8').split(/\r?\n/).map((l) => withoutNoteMarks.exported(normal(l.replace(HIDDEN, '')))).filter(Boolean);
      expect(paragraphs.length, name).toBeGreaterThan(3);
      for (const paragraph of paragraphs) {
        const at = printed.indexOf(paragraph, from);
        expect(at, `${name}: 「${paragraph}」 not printed after 「${printed.slice(Math.max(0, from - 30), from)}」`).toBeGreaterThanOrEqual(0);
        from = at + paragraph.length;
      }
    }
    expect(printed).not.toContain(normal(HIDDEN));
  });
});
