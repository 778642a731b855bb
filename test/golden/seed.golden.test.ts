// Golden tests of the seed issue: the view the templates receive (`inspect()`) and the HTML page
// (`issueDocument()`) for a fixed pagination. No browser involved.
//
// The golden files sit next to this test. After an intended change, regenerate them with
//   UPDATE_GOLDEN=1 npx vitest run test/golden
// and review the diff before committing it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../src/validate.js';
import { inspect } from '../../src/inspect.js';
import { loadTemplates } from '../../src/render/templates.js';
import { compileLayout } from '../../src/render/renderHtml.js';
import { issueDocument } from '../../src/render/issueDocument.js';
import { pageState } from '../../src/model/pagination.js';
import type { Issue } from '../../src/model/types.js';
import { REPO } from '../helpers.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const unixLines = (text: string) => text.replace(/\r\n/g, '\n');

/** Compares `actual` with the golden file (line endings aside), or rewrites it under UPDATE_GOLDEN=1. */
function golden(name: string, actual: string): void {
  const file = path.join(HERE, name);
  if (UPDATE) {
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`no golden file ${path.relative(REPO, file)}: run UPDATE_GOLDEN=1 npx vitest run test/golden, review it and commit it`);
  expect(unixLines(actual), `differs from ${name} (if the change is intended: UPDATE_GOLDEN=1 npx vitest run test/golden)`).toBe(unixLines(readFileSync(file, 'utf8')));
}

let issue: Issue;

beforeAll(async () => {
  const checked = await validate(['examples/seed'], { cwd: REPO });
  expect(checked.diagnostics).toEqual([]);
  expect(checked.issues).toHaveLength(1);
  issue = checked.issues[0]!;
});

describe('golden: seed 2018-02', () => {
  it('inspect() gives the committed view, what the templates receive (no absolute paths)', async () => {
    const model = (await inspect('examples/seed/issues/2018-02.yaml', { cwd: REPO })).view;
    const json = `${JSON.stringify(model, null, 2)}\n`;
    expect(json).not.toContain(REPO);
    golden('seed-2018-02.inspect.json', json);
  });

  it('issueDocument() gives the committed HTML page for pagination {section-1: 1, kunming-meeting: 1, shanghai-acceptance: 4}', async () => {
    const sources = await loadTemplates(issue.series.root);
    const layout = compileLayout(sources);
    const pages = new Map([['section-1', 1], ['kunming-meeting', 1], ['shanghai-acceptance', 4]]);
    const doc = issueDocument(issue, layout, sources.stylesheets, pageState(issue, pages, 1, 0));
    expect(doc.entry).toBe('2018-02.html');
    const entry = doc.resources.get(doc.entry);
    expect(entry && 'body' in entry).toBe(true);
    const body = (entry as { body: string | Uint8Array }).body;
    const html = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
    expect(html).not.toContain(REPO);
    golden('seed-2018-02.html', html);
  });
});
