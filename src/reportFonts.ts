// The faces a build will print with, role by role (what `bulletin doctor` reports): a series' own
// file where bulletin.yaml names one, the bundled face otherwise, each described by
// model/describeFace.ts. Reads the files as validate does (inside the series folder, the face of a
// collection by name or number) but converts nothing.
import path from 'node:path';
import type { Io } from './io.js';
import { errnoCode } from './io.js';
import type { FontRole } from './model/types.js';
import { readFont, type FontRead } from './model/fontFile.js';
import { checkAsset } from './model/checkAsset.js';
import { describeFace, USUAL_DESIGN, type FaceDescription } from './model/describeFace.js';
import { coverageOf } from './check/checkGlyphs.js';
import { fontFaces, familyOf, FONT_ROLES, type FontFace } from './render/fontFaces.js';
import { resolveSeries } from './config/resolveSeries.js';
import { loadSeries } from './source/loadSeries.js';
import { loadValidators } from './source/schemaCheck.js';
import type { SeriesData } from './source/schemaTypes.js';
import { msg, type Message } from './i18n/message.js';

export interface FontReport {
  /** The series whose `fonts:` were read (its bulletin.yaml), if any. */
  seriesFile?: string;
  /** Why the series' fonts could not be read (bulletin.yaml does not load): the bundled faces are reported. */
  seriesProblem?: Message | string;
  faces: FaceDescription[];
}

/** A bundled face's package: `name version`, from the package.json above its `files/` folder. */
async function packageOf(io: Io, file: string): Promise<string> {
  const dir = path.dirname(path.dirname(file));
  try {
    const pkg = JSON.parse(new TextDecoder().decode(await io.readFile(path.join(dir, 'package.json')))) as { name?: string; version?: string };
    return `${pkg.name ?? path.basename(dir)} ${pkg.version ?? ''}`.trim();
  } catch {
    return path.basename(dir);
  }
}

async function bundled(io: Io, role: FontRole, faces: readonly FontFace[]): Promise<FaceDescription> {
  const mine = faces.filter((f) => f.family === familyOf(role));
  const packages = [...new Set(await Promise.all(mine.map((f) => packageOf(io, f.file))))];
  const source = packages.length ? msg('face.source.bundled', { packages: packages.join(', ') }) : msg('face.source.bundled-none');
  const first = mine[0];
  const read: FontRead = first
    ? await io.readFile(first.file).then((bytes) => readFont(bytes), (error: unknown) => ({ ok: false as const, reason: msg('face.problem.bundled-unreadable', { reason: errnoCode(error) ?? 'error' }) }))
    : { ok: false, reason: msg('face.problem.bundled-none') };
  if (!read.ok) return { role, source, bundled: true, usual: USUAL_DESIGN[role], problem: read.reason };
  // A slice without a unicode-range is a whole font (LXGW WenKai's one file): what it covers is its cmap.
  const covered = await Promise.all(mine.map(async (face) => {
    if (face.ranges.length) return face;
    const whole = face === first ? read : readFont(await io.readFile(face.file));
    return whole.ok ? { ...face, coverage: whole.facts.coverage } : face;
  }));
  return describeFace(role, source, read.facts, coverageOf(covered), { bundled: mine.some((f) => f.ranges.length) ? 'slices' : 'whole' });
}

async function own(io: Io, root: string, role: FontRole, font: { file: string; face?: string; index?: number }): Promise<FaceDescription> {
  const source = font.face !== undefined ? msg('face.source.named', { file: font.file, face: font.face })
    : font.index !== undefined ? msg('face.source.number', { file: font.file, index: font.index }) : font.file;
  const fail = (problem: Message): FaceDescription => ({ role, source, bundled: false, usual: USUAL_DESIGN[role], problem });
  const asset = await checkAsset(io, root, root, font.file, 'font');
  if (!asset.ok) return fail(asset.text.message);
  let read: FontRead;
  try {
    read = readFont(await io.readFile(asset.real), { face: font.face, index: font.index });
  } catch (error) {
    return fail(msg('face.problem.cannot-read', { reason: errnoCode(error) ?? 'error' }));
  }
  if (!read.ok) return fail(read.faceMissing ? msg('face.problem.collection', { reason: read.reason }) : msg('face.problem.not-usable', { reason: read.reason }));
  if ((font.face !== undefined || font.index !== undefined) && !read.facts.collection) return fail(msg('face.problem.single'));
  const coverage = coverageOf([{ family: familyOf(role), url: '', file: asset.real, ranges: new Uint32Array(0), format: 'truetype', coverage: read.facts.coverage }]);
  return describeFace(role, source, read.facts, coverage);
}

/**
 * Each role's face: of the series `seriesFile` (its bulletin.yaml; the bundled faces where it names
 * none), or the bundled faces without a series.
 */
export async function reportFonts(io: Io, seriesFile?: string): Promise<FontReport> {
  const faces = fontFaces(resolveSeries({ series: 'x', name: 'x', publisher: 'x' }, '/', '', {}));
  let data: SeriesData | undefined;
  let root = '';
  let seriesProblem: Message | undefined;
  if (seriesFile) {
    // Other mistakes of bulletin.yaml are validate's to report; only the `fonts:` entries matter here.
    await loadValidators(io);
    const loaded = await loadSeries(io, seriesFile, seriesFile);
    if (loaded.data && typeof loaded.data === 'object') {
      data = loaded.data as SeriesData;
      root = await io.realpath(path.dirname(seriesFile));
    } else {
      const error = loaded.diagnostics.find((d) => d.severity === 'error');
      seriesProblem = error ? msg('face.series-problem', { line: error.line, column: error.column, message: error.text?.message ?? error.message }) : msg('face.series-unreadable');
    }
  }
  const out: FaceDescription[] = [];
  for (const role of FONT_ROLES) {
    const font = data?.fonts?.[role] as { file?: unknown; face?: unknown; index?: unknown } | undefined;
    const entry = font && typeof font.file === 'string'
      ? { file: font.file, ...(typeof font.face === 'string' ? { face: font.face } : {}), ...(Number.isInteger(font.index) ? { index: font.index as number } : {}) }
      : undefined;
    out.push(entry ? await own(io, root, role, entry) : await bundled(io, role, faces));
  }
  return { ...(seriesFile ? { seriesFile } : {}), ...(seriesProblem ? { seriesProblem } : {}), faces: out };
}
