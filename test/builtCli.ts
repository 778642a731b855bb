// The built executable (bin/bulletin.js → lib/), for the few tests that must run bulletin as a real
// process (see CONTRIBUTING.md, Habits). Every other test runs src/ through vitest.
// test/globalSetup.ts rebuilds lib/ when it is stale; these tests refuse to run a stale lib/ anyway.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** bin/bulletin.js: runs lib/cli/main.js. */
export const BIN = path.join(REPO, 'bin', 'bulletin.js');

/** What lib/ is built from (relative to the repository) → the output that must not be older. */
function builtFrom(): [source: string, output: string][] {
  const pairs: [string, string][] = [];
  for (const rel of readdirSync(path.join(REPO, 'src'), { recursive: true, encoding: 'utf8' })) {
    if (!rel.endsWith('.ts') || rel.endsWith('.d.ts')) continue;
    pairs.push([path.join('src', rel), path.join('lib', rel.replace(/\.ts$/, '.js'))]);
  }
  for (const name of ['issue', 'series']) {
    const output = path.join('lib', 'schemas', `${name}.validate.js`);
    pairs.push([path.join('schemas', `${name}.schema.json`), output], [path.join('scripts', 'compile-schemas.mjs'), output]);
  }
  return pairs;
}

/**
 * Why lib/ does not stand for the current sources: an output is missing, or a source changed after
 * its output was built. Undefined when lib/ is up to date.
 */
export function staleLib(): string | undefined {
  if (!existsSync(path.join(REPO, 'lib'))) return 'there is no lib/ folder';
  for (const [source, output] of builtFrom()) {
    const out = path.join(REPO, output);
    if (!existsSync(out)) return `${output} is missing`;
    if (statSync(path.join(REPO, source)).mtimeMs > statSync(out).mtimeMs) return `${source} changed after ${output} was built`;
  }
  return undefined;
}

/** BIN, once lib/ is known to be up to date; otherwise an error that says to run `npm run build`. */
export function builtCli(): string {
  const stale = staleLib();
  if (stale) throw new Error(`lib/ is stale (${stale}): this test runs bin/bulletin.js, which runs lib/. Run \`npm run build\` first.`);
  return BIN;
}
