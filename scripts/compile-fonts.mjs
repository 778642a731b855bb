// Reads the bundled fonts' fontsource CSS (their slices and unicode-ranges) once, at build time,
// into lib/render/bundledFaces.json, so a command does not parse some 300 KB of CSS before it can
// check glyphs (src/render/fontFaces.ts uses the table only for the package versions it was made
// from, and reads the CSS otherwise); copies src/render/fallbackCoverage.json beside it and writes
// each role's chain of faces (lib/render/bundledChains.json).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { bundledSources, compileChains, parseBundledCss } = await import(path.join(root, 'lib/render/fontFaces.js'));
const require = createRequire(path.join(root, 'lib/render/fontFaces.js'));
const table = {};
for (const { key, pkg, css } of bundledSources()) {
  const dir = path.dirname(require.resolve(`${pkg}/package.json`));
  const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  table[key] = parseBundledCss(readFileSync(path.join(dir, css), 'utf8'), version);
}
writeFileSync(path.join(root, 'lib/render/bundledFaces.json'), JSON.stringify(table));
// What the fallback faces' files really map (committed, made by `npm run font-coverage`), and each
// role's chain of faces with their disjoint ranges, worked out from it.
copyFileSync(path.join(root, 'src/render/fallbackCoverage.json'), path.join(root, 'lib/render/fallbackCoverage.json'));
writeFileSync(path.join(root, 'lib/render/bundledChains.json'), JSON.stringify(compileChains()));
console.error(`compile-fonts: lib/render/bundledFaces.json (${Object.keys(table).length} font files)`);
