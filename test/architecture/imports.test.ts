// The shape of src/: no import cycles (static, type-only or dynamic imports alike), and node:fs
// only where files are really read and written.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Relative imports of a module (`from './x.js'`, `import('./x.js')`, `export … from`), resolved to .ts files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((spec) => path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
}

/** Every cycle found by a depth-first walk, each as the list of files around it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

const files = sources(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const rel = (f: string) => path.relative(SRC, f);

describe('the module graph of src/', () => {
  it('resolves every relative import to a file of src/', () => {
    const missing = [...graph].flatMap(([f, deps]) => deps.filter((d) => !graph.has(d)).map((d) => `${rel(f)} → ${rel(d)}`));
    expect(missing).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(graph).map((c) => c.map(rel).join(' → '))).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const a = '/a.ts';
    const b = '/b.ts';
    expect(cycles(new Map([[a, [b]], [b, [a]]]))).toHaveLength(1);
  });
});

describe('file system access in src/', () => {
  // Everything reads and writes through an Io (src/io.ts); nodeIo and the atomic write it uses are
  // the implementation on the real file system.
  const IMPLEMENTATIONS = new Set(['io.ts', 'output/writeAtomic.ts', 'output/outputFolder.ts']);
  const FS_IMPORT = /(?:from\s+|import\s*\(\s*|require\(\s*)['"](?:node:)?fs(?:\/promises)?['"]/;

  it('imports node:fs only in the Io implementation', () => {
    const offenders = files.filter((f) => !IMPLEMENTATIONS.has(rel(f)) && FS_IMPORT.test(readFileSync(f, 'utf8'))).map(rel);
    expect(offenders).toEqual([]);
  });

  it('sees an fs import when there is one (the check itself works)', () => {
    expect(FS_IMPORT.test("import { readFile } from 'node:fs/promises';")).toBe(true);
    expect(FS_IMPORT.test("const fs = await import('fs');")).toBe(true);
  });
});

describe('the browser in src/', () => {
  // Commands that never print (validate, inspect without --paginated) must not pay for loading
  // puppeteer: only src/print/ loads it; others may import its types.
  const LOADS_PUPPETEER = /(?:^|\n)\s*import\s+(?!type\b)[^;]*?from\s+['"](?:@puppeteer\/browsers|puppeteer(?:-core)?)(?:\/[^'"]*)?['"]|import\s*\(\s*['"]@?puppeteer/;

  it('loads puppeteer only in src/print/', () => {
    const offenders = files.filter((f) => !rel(f).startsWith(`print${path.sep}`) && LOADS_PUPPETEER.test(readFileSync(f, 'utf8'))).map(rel);
    expect(offenders).toEqual([]);
  });

  it('tells a type import from a load (the check itself works)', () => {
    expect(LOADS_PUPPETEER.test("import type { Browser } from 'puppeteer';")).toBe(false);
    expect(LOADS_PUPPETEER.test("import puppeteer from 'puppeteer';")).toBe(true);
    expect(LOADS_PUPPETEER.test("const p = await import('puppeteer');")).toBe(true);
  });
});

describe('what loads before the sources are checked', () => {
  // Modules a value import (not a type, not a dynamic import) pulls in when `file` loads.
  const staticClosure = (start: string): Set<string> => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/gm)) {
        visit(path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, '.ts')));
      }
    };
    visit(start);
    return seen;
  };

  it('loads nothing of the print side, the HTML sanitiser or the templates with the pipeline (they load while Chrome starts)', () => {
    const loaded = [...staticClosure(path.join(SRC, 'pipeline.ts'))].map(rel);
    const early = loaded.filter((f) => f.startsWith(`print${path.sep}`) || ['vendor/parse5.ts', 'vendor/handlebars.ts', 'renderIssue.ts'].includes(f.split(path.sep).join('/')));
    expect(early).toEqual([]);
  });

  it('follows value imports and not type imports (the check itself works)', () => {
    const loaded = [...staticClosure(path.join(SRC, 'renderIssue.ts'))].map((f) => rel(f).split(path.sep).join('/'));
    expect(loaded).toContain('print/paginateIssue.ts');
    expect(loaded).not.toContain('pipeline.ts');
  });

  // Loaded from their single-file bundles (scripts/bundle-vendors.mjs): a module that imported the
  // package itself would load its many files again.
  const VENDORED = /(?:^|\n)\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+['"](?:yaml|markdown-it|saxes|parse5|handlebars)['"]|import\s*\(\s*['"](?:yaml|markdown-it|saxes|parse5|handlebars)['"]/;
  it('loads yaml, markdown-it, saxes, parse5 and handlebars only through src/vendor/', () => {
    const offenders = files.filter((f) => !rel(f).startsWith(`vendor${path.sep}`) && VENDORED.test(readFileSync(f, 'utf8'))).map(rel);
    expect(offenders).toEqual([]);
    expect(VENDORED.test("import { isMap } from 'yaml';")).toBe(true);
    expect(VENDORED.test("import type { Document } from 'yaml';")).toBe(false);
  });
});
