// `bulletin doctor`: is this machine ready to build? Browser, fonts (each role's face: where from,
// design, format, coverage), output folder, with what to do.
import { spawnSync } from 'node:child_process';
import { nodeIo } from '../io.js';
import path from 'node:path';
import { ExitCode, BulletinError } from '../diagnostics/exitCodes.js';
import type { Reporter } from './reporter.js';
import type { FaceDescription } from '../model/describeFace.js';
import { SERIES_FILE } from '../source/loadSeries.js';

interface Check {
  what: string;
  ok: boolean;
  /** Worth a look, but the machine can build: printed as `warn`, the exit code unchanged. */
  warn?: boolean;
  detail: string;
  /** Further lines under the detail. */
  more?: string[];
  fix?: string;
}

/** Characters in order, consecutive ones as a run: Ⅰ–Ⅻ α–ρ σ–ω. */
function characterRuns(chars: readonly string[]): string[] {
  const runs: [number, number][] = [];
  for (const ch of chars) {
    const cp = ch.codePointAt(0)!;
    const last = runs.at(-1);
    if (last && cp === last[1] + 1) last[1] = cp;
    else runs.push([cp, cp]);
  }
  return runs.map(([a, b]) => (a === b ? String.fromCodePoint(a) : `${String.fromCodePoint(a)}${b > a + 1 ? '–' : ' '}${String.fromCodePoint(b)}`));
}

/** A role's face in the doctor's words: where from, family and design, format and embedding, coverage. */
function faceCheck(face: FaceDescription): Check {
  const what = `font ${face.role}`;
  if (face.problem) return { what, ok: false, detail: `${face.source}: ${face.problem}`, fix: face.source.startsWith('bundled') ? 'Reinstall the npm packages (`npm ci`): the bundled fonts come with them.' : '`bulletin validate` says the same, with the fix.' };
  const design = face.design ? `${face.design}${face.design === face.usual ? '' : ` (GB/T 9704 sets ${face.role === 'pageNumber' ? 'page numbers' : `the ${face.role}`} in ${face.usual})`}` : `design not known (GB/T 9704: ${face.usual})`;
  const more = [`${face.format}: ${face.embedding}`];
  const hanzi = face.gb2312 ? `GB 2312 hanzi: ${face.gb2312.have} of ${face.gb2312.total}` : 'GB 2312 hanzi: not counted (this Node.js cannot decode GB 2312)';
  const office = face.office!;
  const runs = characterRuns(office.missing);
  const shown = runs.slice(0, 16).join(' ') + (runs.length > 16 ? ' …' : '');
  more.push(`${hanzi}; beyond GB 2312 (Ⅲ μ ℃ ㎡ ‰ № § ① ⑴ ㈠, full-width forms, 𬍛): ${office.have} of ${office.total}${office.missing.length ? `, lacks ${shown}` : ''}`);
  const short = face.role !== 'pageNumber' && face.gb2312 !== undefined && face.gb2312.have < face.gb2312.total;
  return {
    what, ok: true, warn: short, detail: `${face.source}: ${face.family ?? '(no family name)'}, ${design}`, more,
    fix: !short ? undefined : face.source.startsWith('bundled')
      ? `The bundled face lacks ${face.gb2312!.total - face.gb2312!.have} of GB 2312's hanzi: they print in the role's fallback (the body's face, else a font of this machine; \`bulletin validate\` warns glyph-missing where an issue has one). Name a font file that has them under \`fonts:\`.`
      : `The file lacks ${face.gb2312!.total - face.gb2312!.have} of GB 2312's hanzi (a subset, or a font for another script?): they print in a font of this machine (\`bulletin validate\` warns glyph-missing where an issue has one). Use the complete font file.`,
  };
}

export async function doctorCommand(options: { cwd: string; env: NodeJS.ProcessEnv; browser?: string; outDir: string; series?: string }, reporter: Reporter): Promise<number> {
  const checks: Check[] = [];
  checks.push({ what: 'node', ok: Number(process.versions.node.split('.')[0]) >= 20, detail: process.version, fix: 'Install Node.js 20 or newer.' });

  const { chooseBrowser, listBrowsers } = await import('../print/startBrowser.js');
  const installed = await listBrowsers(options.env);
  const found = installed.length
    ? installed.map((b) => `found: ${b.path} (${b.source})`)
    : ['found in the usual places: none (Chrome, Edge or Chromium)'];
  try {
    const choice = await chooseBrowser(options.browser, options.env);
    const version = spawnSync(choice.path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
    const text = (version.stdout || version.stderr || '').trim().split('\n').at(-1) ?? '';
    const major = Number(/(\d+)\./.exec(text)?.[1] ?? 0);
    checks.push({
      what: 'browser', ok: version.status === 0 && major >= 131, detail: `${choice.path} (${choice.source}) ${text || 'did not answer --version'}`, more: found,
      fix: major && major < 131 ? 'Chrome 131 or newer is needed for page-margin boxes (page numbers): update it.' : 'Check that the browser runs: `chromium --version`.',
    });
    if (typeof process.getuid === 'function' && process.getuid() === 0) {
      checks.push({ what: 'sandbox', ok: true, detail: 'running as root: Chrome is started with --no-sandbox (acceptable in a throwaway CI container)' });
    }
  } catch (error) {
    checks.push({ what: 'browser', ok: false, detail: (error as Error).message, more: found, fix: error instanceof BulletinError ? error.hint : undefined });
  }

  // Each role's face: the series' own file (the series given, or the one the current folder is in), else the bundled one.
  const { reportFonts } = await import('../reportFonts.js');
  const { findSeriesFile } = await import('../source/discover.js');
  let seriesFile: string | undefined;
  if (options.series !== undefined) {
    const given = path.resolve(options.cwd, options.series);
    seriesFile = path.basename(given) === SERIES_FILE ? given : await findSeriesFile(nodeIo, given);
    if (!seriesFile || !(await nodeIo.exists(seriesFile))) throw new BulletinError(`${options.series} is not in a bulletin series: no ${SERIES_FILE} in it or above it`, ExitCode.Usage, 'Name a series folder, or run doctor without it to see the bundled fonts.');
  } else {
    seriesFile = await findSeriesFile(nodeIo, options.cwd);
  }
  const report = await reportFonts(nodeIo, seriesFile);
  if (seriesFile) {
    checks.push({ what: 'series', ok: !report.seriesProblem, detail: `${path.relative(options.cwd, seriesFile) || seriesFile}${report.seriesProblem ? `: ${report.seriesProblem}` : ' (its fonts: below)'}`, fix: 'Correct bulletin.yaml (`bulletin validate` says where).' });
  }
  for (const face of report.faces) checks.push(faceCheck(face));
  const out = path.resolve(options.cwd, options.outDir);
  const writable = await nodeIo.mkdir(out).then(() => nodeIo.access(out, 'write'), () => false);
  checks.push({ what: 'output', ok: writable, detail: out, fix: 'Choose a writable folder with --out-dir.' });

  for (const c of checks) {
    reporter.out(`${c.ok ? (c.warn ? 'warn' : 'ok  ') : 'FAIL'}  ${c.what.padEnd(16)} ${c.detail}`);
    for (const line of c.more ?? []) reporter.out(`      ${''.padEnd(16)} ${line}`);
    if ((!c.ok || c.warn) && c.fix) reporter.out(`      ${''.padEnd(16)} fix: ${c.fix}`);
  }
  const failed = checks.filter((c) => !c.ok);
  if (failed.length === 0) {
    reporter.info('ready to build');
    return ExitCode.Ok;
  }
  return failed.some((c) => c.what === 'browser') ? ExitCode.BrowserFailed : ExitCode.OutputFailed;
}
