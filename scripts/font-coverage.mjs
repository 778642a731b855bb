// Reads what the bundled fonts' files really map (their cmaps) into src/render/fallbackCoverage.json
// (`npm run font-coverage`, after a font package changes; test/unit/fallbackCoverage.test.ts checks it
// is current). Reading the cmaps of some 200 WOFF2 files takes seconds: too slow for a command, so the
// result is committed (see FallbackCoverage in src/render/fontFaces.ts). Needs lib/ (npm run build).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'src/render/fallbackCoverage.json');

export async function fallbackCoverage() {
  const { computeFallbackCoverage } = await import(path.join(root, 'lib/render/fallbackCoverageOf.js'));
  return computeFallbackCoverage();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const data = await fallbackCoverage();
  const text = `${JSON.stringify(data)}\n`;
  const before = (() => { try { return readFileSync(out, 'utf8'); } catch { return ''; } })();
  writeFileSync(out, text);
  console.error(`font-coverage: ${path.relative(root, out)} (${Math.round(text.length / 1024)} KiB${before === text ? ', unchanged' : ''})`);
}
