// `bulletin doctor`: is this machine ready to build? Browser, fonts (each role's face: where from,
// design, format, coverage), output folder, with what to do.
import { spawnSync } from 'node:child_process';
import { nodeIo } from '../io.js';
import path from 'node:path';
import { ExitCode, BulletinError } from '../diagnostics/exitCodes.js';
import type { Reporter } from './reporter.js';
import type { FaceDescription } from '../model/describeFace.js';
import { SERIES_FILE } from '../source/loadSeries.js';
import { msg, type Message, type Translator } from '../i18n/message.js';
import { displayWidth } from '../diagnostics/codeFrame.js';
import type { FontRole } from '../model/types.js';

interface Check {
  what: string;
  ok: boolean;
  /** Worth a look, but the machine can build: printed as `warn`, the exit code unchanged. */
  warn?: boolean;
  detail: string;
  /** Further lines under the detail. */
  more?: string[];
  fix?: string;
  /** The browser's check: failing it is exit 4. */
  browser?: boolean;
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

/** The role's name where GB/T 9704's design for it is given. */
const ROLE_NAMES: Record<FontRole, Message> = {
  title: msg('doctor.font.role.title'),
  body: msg('doctor.font.role.body'),
  heading: msg('doctor.font.role.heading'),
  kai: msg('doctor.font.role.kai'),
  pageNumber: msg('doctor.font.role.page-number'),
};

/** A role's face in the doctor's words: where from, family and design, format and embedding, coverage. */
function faceCheck(face: FaceDescription, r: Translator): Check {
  const what = r.t('doctor.font', { role: face.role });
  const source = r.render(face.source);
  const bundled = face.bundled;
  if (face.problem) return { what, ok: false, detail: r.t('doctor.font.problem', { source, problem: r.render(face.problem) }), fix: bundled ? r.t('doctor.font.reinstall') : r.t('doctor.font.see-validate') };
  const design = face.design
    ? face.design === face.usual ? face.design : r.t('doctor.font.design-usual', { design: face.design, what: ROLE_NAMES[face.role], usual: face.usual })
    : r.t('doctor.font.design-unknown', { usual: face.usual });
  const more = [r.t('doctor.font.format', { format: r.render(face.format ?? ''), embedding: r.render(face.embedding ?? '') })];
  const hanzi = face.gb2312 ? r.t('doctor.font.gb2312', { have: face.gb2312.have, total: face.gb2312.total }) : r.t('doctor.font.gb2312.not-counted');
  const office = face.office!;
  const runs = characterRuns(office.missing);
  const shown = runs.slice(0, 16).join(' ') + (runs.length > 16 ? ' …' : '');
  more.push(r.t('doctor.font.office', { hanzi, have: office.have, total: office.total, lacks: office.missing.length ? msg('doctor.font.office.lacks', { characters: shown }) : '' }));
  const short = face.role !== 'pageNumber' && face.gb2312 !== undefined && face.gb2312.have < face.gb2312.total;
  const count = short ? face.gb2312!.total - face.gb2312!.have : 0;
  return {
    what, ok: true, warn: short, detail: r.t('doctor.font.detail', { source, family: face.family ?? msg('doctor.font.no-family'), design }), more,
    fix: !short ? undefined : bundled ? r.t('doctor.font.short.bundled', { count }) : r.t('doctor.font.short.file', { count }),
  };
}

/** `text` padded with spaces to `width` terminal columns (a Chinese character takes two). */
function padColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export async function doctorCommand(options: { cwd: string; env: NodeJS.ProcessEnv; browser?: string; outDir: string; series?: string }, reporter: Reporter): Promise<number> {
  const checks: Check[] = [];
  const r = reporter;
  checks.push({ what: r.t('doctor.node'), ok: Number(process.versions.node.split('.')[0]) >= 20, detail: process.version, fix: r.t('doctor.node.fix') });

  const { chooseBrowser, listBrowsers } = await import('../print/startBrowser.js');
  const installed = await listBrowsers(options.env);
  const found = installed.length
    ? installed.map((b) => r.t('doctor.browser.found', { path: b.path, source: r.render(b.source) }))
    : [r.t('doctor.browser.none')];
  try {
    const choice = await chooseBrowser(options.browser, options.env);
    const version = spawnSync(choice.path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
    const text = (version.stdout || version.stderr || '').trim().split('\n').at(-1) ?? '';
    const major = Number(/(\d+)\./.exec(text)?.[1] ?? 0);
    checks.push({
      what: r.t('doctor.browser'), browser: true, ok: version.status === 0 && major >= 131, detail: r.t('doctor.browser.detail', { path: choice.path, source: r.render(choice.source), version: text || msg('doctor.browser.no-version') }), more: found,
      fix: major && major < 131 ? r.t('doctor.browser.too-old') : r.t('doctor.browser.check'),
    });
    if (typeof process.getuid === 'function' && process.getuid() === 0) {
      checks.push({ what: r.t('doctor.sandbox'), ok: true, detail: r.t('doctor.sandbox.root') });
    }
  } catch (error) {
    const described = error instanceof BulletinError ? error.describe(r.lang) : { message: (error as Error).message, hint: undefined };
    checks.push({ what: r.t('doctor.browser'), ok: false, browser: true, detail: described.message, more: found, fix: described.hint });
  }

  // Each role's face: the series' own file (the series given, or the one the current folder is in), else the bundled one.
  const { reportFonts } = await import('../reportFonts.js');
  const { findSeriesFile } = await import('../source/discover.js');
  let seriesFile: string | undefined;
  if (options.series !== undefined) {
    const given = path.resolve(options.cwd, options.series);
    seriesFile = path.basename(given) === SERIES_FILE ? given : await findSeriesFile(nodeIo, given);
    if (!seriesFile || !(await nodeIo.exists(seriesFile))) throw new BulletinError(msg('doctor.series.not-found', { series: options.series, file: SERIES_FILE }), ExitCode.Usage, msg('doctor.series.not-found.hint'));
  } else {
    seriesFile = await findSeriesFile(nodeIo, options.cwd);
  }
  const report = await reportFonts(nodeIo, seriesFile);
  if (seriesFile) {
    const file = path.relative(options.cwd, seriesFile) || seriesFile;
    checks.push({ what: r.t('doctor.series'), ok: !report.seriesProblem, detail: report.seriesProblem ? r.t('doctor.series.problem', { file, problem: r.render(report.seriesProblem) }) : r.t('doctor.series.fonts-below', { file }), fix: r.t('doctor.series.fix') });
  }
  for (const face of report.faces) checks.push(faceCheck(face, r));
  const out = path.resolve(options.cwd, options.outDir);
  const writable = await nodeIo.mkdir(out).then(() => nodeIo.access(out, 'write'), () => false);
  checks.push({ what: r.t('doctor.output'), ok: writable, detail: out, fix: r.t('doctor.output.fix') });

  for (const c of checks) {
    const status = c.ok ? (c.warn ? r.t('doctor.status.warn') : r.t('doctor.status.ok')) : r.t('doctor.status.fail');
    const indent = `${' '.repeat(6)}${' '.repeat(16)} `;
    reporter.out(`${padColumns(status, 4)}  ${padColumns(c.what, 16)} ${c.detail}`);
    for (const line of c.more ?? []) reporter.out(`${indent}${line}`);
    if ((!c.ok || c.warn) && c.fix) reporter.out(`${indent}${r.t('doctor.fix', { text: c.fix })}`);
  }
  const failed = checks.filter((c) => !c.ok);
  if (failed.length === 0) {
    reporter.info(r.t('doctor.ready'));
    return ExitCode.Ok;
  }
  return failed.some((c) => c.browser) ? ExitCode.BrowserFailed : ExitCode.OutputFailed;
}
