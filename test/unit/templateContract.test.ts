// The hooks of the template contract: the default templates keep them, and a series template that
// drops one is a template error when the templates load, naming the hook.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/render/templates.js';
import { compileLayout } from '../../src/render/renderHtml.js';
import { contractProblems, stylesheetProblem, PROBE_VIEW } from '../../src/render/templateContract.js';
import { Layouts } from '../../src/render/layouts.js';
import { BulletinError } from '../../src/diagnostics/exitCodes.js';
import type { Issue } from '../../src/model/types.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function seriesWith(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'bulletin-contract-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, 'templates', name)), { recursive: true });
    writeFileSync(path.join(root, 'templates', name), text);
  }
  return root;
}

async function loadError(root: string): Promise<string> {
  const error = await new Layouts().for({ series: { root } } as Issue).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(BulletinError);
  expect((error as BulletinError).exitCode).toBe(3);
  return (error as BulletinError).message;
}

describe('the template contract', () => {
  it('holds for the default templates', async () => {
    const layout = compileLayout(await loadTemplates(undefined));
    expect(contractProblems(layout(PROBE_VIEW))).toEqual([]);
  });

  it('refuses a contents partial without the page-number hook, naming the file and the hook', async () => {
    const root = seriesWith({ 'partials/toc.hbs': '<nav>{{#each toc}}<a href="#{{id}}">{{head}}{{last}} {{page}}</a>{{/each}}</nav>' });
    const message = await loadError(root);
    expect(message).toContain('partials/toc.hbs');
    expect(message).toContain('data-page-of="{{id}}"');
  });

  it('refuses an article partial that drops the title id', async () => {
    const root = seriesWith({ 'partials/article.hbs': '<article><h3>{{title}}</h3>{{{bodyHtml}}}</article>' });
    expect(await loadError(root)).toContain('each article title needs id="{{id}}"');
  });

  it('refuses a series stylesheet that sets the page', async () => {
    expect(stylesheetProblem('.masthead { font-size: 48pt; }')).toBeUndefined();
    expect(stylesheetProblem('/* @page is set in bulletin.yaml */ .x { color: red }')).toBeUndefined();
    const root = seriesWith({ 'extra.css': '@media print { @page { size: A5; } }' });
    const message = await loadError(root);
    expect(message).toContain('templates/extra.css');
    expect(message).toContain('layout');
    expect(stylesheetProblem(':root { --pitch: 10mm; }')).toContain('--pitch');
  });

  it('accepts a series template that keeps the hooks', async () => {
    const root = seriesWith({ 'partials/cover.hbs': '<header class="cover"><h1 class="masthead">{{name}}</h1>{{> toc}}</header>', 'extra.css': '.masthead { font-size: 48pt; }' });
    await expect(new Layouts().for({ series: { root } } as Issue)).resolves.toBeDefined();
  });

  it('lets a series bulletin.css replace the default stylesheet in its place, and holds it to the contract too', async () => {
    const root = seriesWith({ 'bulletin.css': '.masthead { color: navy; }', 'extra.css': '.x { color: red; }' });
    const sources = await loadTemplates(root);
    expect(sources.stylesheets.map((s) => [s.name, s.series])).toEqual([['bulletin.css', true], ['series-extra.css', true]]);
    expect(sources.stylesheets[0]!.text).toBe('.masthead { color: navy; }');
    const defaults = await loadTemplates(undefined);
    expect(defaults.stylesheets.map((s) => [s.name, s.series])).toEqual([['bulletin.css', false]]);
    // The replacement is the series' own: it may not set the page either.
    const message = await loadError(seriesWith({ 'bulletin.css': ':root { --body-size: 20pt; }' }));
    expect(message).toContain('templates/bulletin.css');
    expect(message).toContain('--body-size');
  });
});
