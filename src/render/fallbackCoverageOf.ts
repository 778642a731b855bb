// The facts behind src/render/fallbackCoverage.json, read from the bundled fonts' files: what each
// fallback slice really maps, and what a Chinese face's CSS claims that its files lack. Run by
// `npm run font-coverage` and by the test that checks the committed table; never by a command (it
// reads some 30 MB of WOFF2).
import path from 'node:path';
import { createRequire } from 'node:module';
import { nodeIo } from '../io.js';
import { readFont } from '../model/fontFile.js';
import { bundledChain, codeRanges, FONT_ROLES, intersectRanges, normalizeRanges, parseBundledCss, STACK_ROLES, subtractRanges, type CodeRanges, type FallbackCoverage } from './fontFaces.js';
import { render } from '../i18n/message.js';

const require = createRequire(import.meta.url);

function packageDir(pkg: string): string {
  return path.dirname(require.resolve(`${pkg}/package.json`));
}

async function cmapOf(file: string): Promise<CodeRanges> {
  const read = readFont(await nodeIo.readFile(file));
  if (!read.ok) throw new Error(`${file}: ${render(read.reason, 'en')}`);
  return normalizeRanges(codeRanges(read.facts.coverage));
}

export async function computeFallbackCoverage(): Promise<FallbackCoverage> {
  const packages: Record<string, string> = {};
  const slices = (pkg: string, css: string) => {
    const dir = packageDir(pkg);
    packages[pkg] = (JSON.parse(nodeIo.readTextSync(path.join(dir, 'package.json'))) as { version: string }).version;
    return parseBundledCss(nodeIo.readTextSync(path.join(dir, css)), packages[pkg]).faces.map((f) => ({ ...f, file: path.join(dir, 'files', f.name) }));
  };
  // The Chinese faces: what their CSS claims and their files lack, and what they really have.
  const gaps: Record<string, number[]> = {};
  let common: CodeRanges | undefined;
  for (const role of STACK_ROLES) {
    const { pkg, css } = bundledChain(role)[0]!;
    let has: CodeRanges = new Uint32Array(0);
    for (const slice of slices(pkg, css)) {
      const claimed = normalizeRanges(slice.ranges);
      const cmap = await cmapOf(slice.file);
      has = normalizeRanges([...has, ...intersectRanges(claimed, cmap)]);
      const lacks = subtractRanges(claimed, cmap);
      if (lacks.length) gaps[`${pkg}/files/${slice.name}`] = Array.from(lacks);
    }
    common = common ? intersectRanges(common, has) : has;
  }
  // The fallbacks: their cmap within their unicode-range, less what every Chinese face has.
  const files: Record<string, number[] | string> = {};
  for (const role of FONT_ROLES) {
    for (const { pkg, css } of bundledChain(role).slice(1)) {
      for (const slice of slices(pkg, css)) {
        const key = `${pkg}/files/${slice.name}`;
        if (key in files) continue;
        let ranges = await cmapOf(slice.file);
        if (slice.ranges.length) ranges = intersectRanges(ranges, normalizeRanges(slice.ranges));
        const list = Array.from(subtractRanges(ranges, common ?? new Uint32Array(0)));
        // Two weights of a face often map the same: the second names the first.
        const text = JSON.stringify(list);
        const same = Object.keys(files).find((k) => typeof files[k] !== 'string' && JSON.stringify(files[k]) === text);
        files[key] = same && list.length > 100 ? same : list;
      }
    }
  }
  return { packages, files, gaps };
}
