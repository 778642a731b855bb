// The raster figures of an issue → their renditions (src/images/processImage.ts): one for print at
// `images.printPpi` of the printed width, a phone's and a desktop's for the HTML page, each never
// wider than the photo. Results come from the series' cache (cache/contentCache.ts) when the file
// and the settings are unchanged: signed by this machine, checked for their structure (not decoded:
// verifyRendition.ts). A photo that cannot be decoded is an `image-decode` error at the figure's
// `image:`; nothing throws. The build and the preview call it before making an issue's documents.
import path from 'node:path';
import { msg } from '../i18n/message.js';
import { createHash } from 'node:crypto';
import type { Io } from '../io.js';
import type { Figure, FigureRenditions, ImageRendition, Issue } from '../model/types.js';
import { diagnostic, FILE_START, type Diagnostic } from '../diagnostics/diagnostic.js';
import { gridChars, printedWidthMm } from '../layout/figureGeometry.js';
import { charPitchMm } from '../layout/presets.js';
import { cacheKey, type ContentCache } from '../cache/contentCache.js';
import { decodeProblem, FILE_CHANGED, PIPELINE_VERSION, processImage, type ProcessedImage } from './processImage.js';
import { renditionProblem } from './verifyRendition.js';

/** The page on screen (templates/bulletin.css: 44em of 17 px less its padding), in CSS pixels. */
export const SCREEN_MEASURE_PX = 700;
/** Below this width the screen layout puts every figure on its own, the width of the page. */
export const PHONE_BREAK_PX = 560;
/** The small rendition: a phone's screen at about 1.3 device pixels per CSS pixel (and slow connections). */
export const PHONE_WIDTH_PX = 480;
/** The large one at least covers a full-width figure on a 375-pixel-wide phone at 2 device pixels per CSS pixel. */
export const RETINA_PHONE_PX = 750;

export interface RenditionWidths {
  print: number;
  /** Desktop CSS width of the figure. */
  screenCss: number;
  screen: number[];
}

/**
 * The pixel widths a figure's placement needs (before capping at the photo's own width). `printedMm`:
 * its printed width when it is not its `widthPercent` of the measure (a photo of a group, one scaled
 * to fit the page: layout/figureGeometry.ts).
 */
export function renditionWidths(figure: Pick<Figure, 'widthPercent' | 'place'>, geometry: Issue['series']['layout']['geometry'], printPpi: number, printedMm = gridChars(figure.widthPercent, geometry) * charPitchMm(geometry)): RenditionWidths {
  const print = Math.ceil((printedMm / 25.4) * printPpi);
  const measureMm = geometry.grid.chars * charPitchMm(geometry);
  const share = Math.min(figure.place === 'centre' ? figure.widthPercent : Math.min(50, figure.widthPercent), (100 * printedMm) / measureMm);
  const screenCss = Math.round((SCREEN_MEASURE_PX * share) / 100);
  // The desktop's: the figure's width at 2 device pixels per CSS pixel (and a phone's at full width).
  const desktop = Math.max(screenCss * 2, RETINA_PHONE_PX);
  return { print, screenCss, screen: [PHONE_WIDTH_PX, desktop] };
}

/** What a figure's renditions are made from and how: the cache key's parts. */
function settingsOf(figure: Figure, widths: number[], issue: Issue): string {
  return JSON.stringify({ v: PIPELINE_VERSION, widths, encoding: figure.encoding ?? 'auto', quality: issue.series.images.jpegQuality });
}

interface Made {
  images: ProcessedImage[];
}

/** Reads the renditions of `key` from the cache, each verified; undefined unless all are sound. */
async function fromCache(cache: ContentCache, key: string, widths: number[]): Promise<ProcessedImage[] | undefined> {
  const manifest = await cache.get(key);
  if (!manifest) return undefined;
  let forms: { format: 'jpeg' | 'png'; width: number; height: number }[];
  try {
    forms = JSON.parse(new TextDecoder().decode(manifest)) as typeof forms;
    if (!Array.isArray(forms) || forms.length !== widths.length) return undefined;
  } catch {
    return undefined;
  }
  const images: ProcessedImage[] = [];
  for (const [i, form] of forms.entries()) {
    if ((form.format !== 'jpeg' && form.format !== 'png') || !Number.isInteger(form.width) || !Number.isInteger(form.height) || form.width > widths[i]!) return undefined;
    const bytes = await cache.get(cacheKey(key, String(i)));
    if (!bytes || renditionProblem(bytes, form)) return undefined;
    images.push({ bytes, ...form });
  }
  return images;
}

async function toCache(cache: ContentCache, key: string, images: ProcessedImage[]): Promise<void> {
  await Promise.all(images.map((image, i) => cache.put(cacheKey(key, String(i)), image.bytes)));
  // The manifest last: an entry is complete once it is there.
  await cache.put(key, new TextEncoder().encode(JSON.stringify(images.map(({ format, width, height }) => ({ format, width, height })))));
}

const EXT = { jpeg: 'jpg', png: 'png' } as const;

function rendition(figure: Figure, image: ProcessedImage, label: string): ImageRendition {
  const dir = path.posix.dirname(figure.relPath);
  const stem = path.posix.basename(figure.relPath).replace(/\.[^.]*$/, '');
  const name = `${dir === '.' ? '' : `${dir}/`}${stem}-${label}${image.width}.${EXT[image.format]}`;
  return { name, type: image.format === 'jpeg' ? 'image/jpeg' : 'image/png', bytes: image.bytes, width: image.width, height: image.height };
}

export interface PreparedImages {
  /** The issue with its raster figures' renditions (and their pixel size as seen, upright). */
  issue: Issue;
  /** `image-decode` errors, at the figures' `image:`. */
  diagnostics: Diagnostic[];
}

export interface PrepareOptions {
  cache: ContentCache | undefined;
  /** Work shared between issues of one run: the same photo at the same width is made once. */
  memo?: Map<string, Promise<Made>>;
}

/** `display`: the issue file as the user named it (for diagnostics). */
export async function prepareImages(issue: Issue, io: Io, display: string, options: PrepareOptions): Promise<PreparedImages> {
  const diagnostics: Diagnostic[] = [];
  const memo = options.memo ?? new Map<string, Promise<Made>>();
  const make = async (figure: Figure, figures: readonly Figure[]): Promise<Figure> => {
    if (figure.mime === 'image/svg+xml') return figure;
    const geometry = issue.series.layout.geometry;
    const want = renditionWidths(figure, geometry, issue.series.images.printPpi, printedWidthMm(figure, figures, geometry));
    const widths = [want.print, ...want.screen];
    let made: Made;
    try {
      // The hash validation found: the file is read only when its renditions are not in the cache.
      const read = figure.contentHash ? undefined : await io.readFile(figure.path);
      const sha256 = figure.contentHash ?? createHash('sha256').update(read!).digest('hex');
      const key = cacheKey('figure-renditions', sha256, settingsOf(figure, widths, issue));
      let job = memo.get(key);
      if (!job) {
        job = (async () => {
          const cached = options.cache ? await fromCache(options.cache, key, widths) : undefined;
          if (cached) return { images: cached };
          const bytes = read ?? (await io.readFile(figure.path));
          // Replaced since validation: what is made is not put under the hash of what was checked.
          const stale = read === undefined && createHash('sha256').update(bytes).digest('hex') !== sha256;
          if (stale) throw new Error(FILE_CHANGED);
          const images = await processImage(bytes, widths.map((width) => ({ width })), { encoding: figure.encoding ?? 'auto', jpegQuality: issue.series.images.jpegQuality });
          if (options.cache) await toCache(options.cache, key, images);
          return { images };
        })();
        memo.set(key, job);
      }
      made = await job;
    } catch (error) {
      diagnostics.push(diagnostic(display, figure.span ?? FILE_START, 'error', 'image-decode',
        msg('image-decode.figure', { path: figure.relPath, reason: decodeProblem(error) }), msg('image-decode.figure.hint')));
      return figure;
    }
    const [print, ...screen] = made.images as [ProcessedImage, ...ProcessedImage[]];
    // The narrowest first, each width once (a small photo gives one rendition for both).
    const seen = new Set<number>();
    const screenRenditions = screen.sort((a, b) => a.width - b.width).filter((s) => !seen.has(s.width) && seen.add(s.width)).map((s) => rendition(figure, s, ''));
    const renditions: FigureRenditions = {
      print: rendition(figure, print, 'print-'),
      screen: screenRenditions,
      sizes: `(max-width: ${PHONE_BREAK_PX}px) 100vw, ${want.screenCss}px`,
    };
    return { ...figure, pixels: { width: print.width, height: print.height }, renditions };
  };
  const sections = await Promise.all(issue.sections.map(async (section) => ({
    ...section,
    articles: await Promise.all(section.articles.map(async (article) => ({ ...article, figures: await Promise.all(article.figures.map((f) => make(f, article.figures))) }))),
  })));
  return { issue: { ...issue, sections }, diagnostics };
}
