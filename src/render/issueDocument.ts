// An issue → the files of its HTML document (page, stylesheets, font slices, images), keyed by relative URL.
import { assetsFolder } from '../model/outputNames.js';
import type { Issue } from '../model/types.js';
import type { PageState } from '../model/pagination.js';
import type { CompiledLayout } from './renderHtml.js';
import { issueView, type IssueView } from './viewModel.js';
import { issueCss } from './issueCss.js';
import { facesFor, fontFaces, withSubsets, type FontFace } from './fontFaces.js';
import { markMissingGlyphs } from './missingGlyphs.js';
import { seriesCoverage } from '../check/checkGlyphs.js';
import { issueText } from '../model/issueText.js';
import { sanitizeHtml, PAGE_POLICY } from './sanitizeHtml.js';
import { urlPath } from './urlPath.js';
import { geometryCss, GEOMETRY_SHEET } from '../layout/geometryCss.js';
import { fitMasthead } from '../layout/fitMasthead.js';
import { standInJpeg } from '../images/standInJpeg.js';
import { STAND_INS_FOLDER } from './templateContract.js';

/** A file of a document: its bytes in memory, or a file read when first asked for (fonts, images). */
export type Resource =
  | { type: string; body: Uint8Array | string }
  | { type: string; file: string; /** a font slice (has a unicode-range) */ ranged?: boolean }
  /** Made when first asked for (a bundled whole font's subset): written only when the page used it. */
  | { type: string; make: () => Promise<Uint8Array>; key: string };

/** A face of the stylesheet as the file served and written under its URL. */
export function fontResource(face: FontFace): Resource {
  const type = FONT_TYPES[face.format]!;
  if (face.bytes) return { type, body: face.bytes };
  if (face.make) return { type, make: face.make.bytes, key: face.make.key };
  return { type, file: face.file, ranged: face.ranges.length > 0 };
}

export interface IssueDocument {
  /** Relative URL of the HTML page: `<slug>.html`. */
  entry: string;
  /** What the templates received (`bulletin inspect` prints it). */
  view: IssueView;
  resources: Map<string, Resource>;
  /**
   * False for a long document made to be printed only: on screen it shows nothing, so Chrome lays
   * it out only for paper (see {@link SCREENLESS_TEXT_LENGTH}); its fonts must be loaded on purpose.
   */
  screenLayout: boolean;
  /** What the sanitiser took out of the page the templates made (render/sanitizeHtml.ts), in words for the editor. */
  removed: readonly string[];
  /**
   * A printed document's photos are loaded as stand-ins of their pixel size (images/standInJpeg.ts):
   * the prints that are only read embed a few hundred bytes for each, and the print to be kept shows
   * the renditions (print/printPage.ts).
   */
  standIns: boolean;
}

/**
 * Text length (characters, about 470 a page) from which a document made for printing skips its
 * screen layout. Chrome lays a page out for the screen before it prints and keeps that layout during
 * the print, which lays the document out again for paper: at 600 pages that is some 250 MiB and
 * seconds more. Without a screen layout nothing asks for the fonts, so all the faces the stylesheet
 * names are loaded, which costs more than a short document's screen layout.
 */
export const SCREENLESS_TEXT_LENGTH = 40_000;

/** Hides the document from the screen; printing uses print media, where the rule does not apply. */
const SCREENLESS_CSS = '@media screen { html { display: none !important; } }\n';

const FONT_TYPES: Record<string, string> = { woff2: 'font/woff2', woff: 'font/woff', truetype: 'font/ttf', opentype: 'font/otf' };

/**
 * `allFaces` lists every font face in the stylesheet rather than those the text needs, so the
 * stylesheet stays the same while the text is edited (the preview swaps bodies in place).
 * `forPrint`: the document is only printed, not written (a long one then skips its screen layout).
 */
export function issueDocument(issue: Issue, layout: CompiledLayout, stylesheets: readonly { name: string; text: string }[], options: PageState & {
  allFaces?: boolean;
  forPrint?: boolean;
  /** What the series' own templates print by themselves (render/templateText.ts). */
  templateText?: string;
  /**
   * A printed document names its photos by their stand-ins (the default), or by themselves (when its
   * first print may be kept: the preview's head start). Either way both are among its resources, so
   * the preview can swap one body for the other in place.
   */
  photos?: 'stand-ins' | 'shown';
}): IssueDocument {
  const assets = assetsFolder(issue.slug);
  const resources = new Map<string, Resource>();
  const text = options.templateText ? `${issueText(issue)}\n${options.templateText}` : issueText(issue);
  // The page written for screens uses the reader's own Chinese fonts by default (`output.htmlFonts`):
  // no font file is named, loaded or written. Every printed document (and the preview) has the faces.
  const systemFonts = !options.forPrint && !options.allFaces && issue.series.output.htmlFonts === 'system';
  const faces = systemFonts ? [] : withSubsets(options.allFaces ? fontFaces(issue.series) : facesFor(fontFaces(issue.series), text), text, { bundledWhole: options.allFaces });
  const screenLayout = !(options.forPrint && !options.allFaces && text.length >= SCREENLESS_TEXT_LENGTH);
  for (const face of faces) resources.set(`${assets}/${face.url}`, fontResource(face));
  const sheetUrls: string[] = [];
  for (const sheet of stylesheets) {
    const url = `${assets}/${sheet.name}`;
    resources.set(url, { type: 'text/css; charset=utf-8', body: sheet.text });
    sheetUrls.push(url);
  }
  const css = `${assets}/issue.css`;
  resources.set(css, { type: 'text/css; charset=utf-8', body: issueCss(issue, faces, { systemFonts, fontUrlPrefix: '', distributionOffset: options.distributionOffset, fit: options.fit, ...(options.tocPitchPt ? { tocPitchPt: options.tocPitchPt } : {}) }) });
  // The default stylesheet first, the per-issue values next, a series' own additions, then the page,
  // which a series sets in bulletin.yaml, not in its stylesheets.
  sheetUrls.splice(1, 0, css);
  const page = `${assets}/${GEOMETRY_SHEET}`;
  resources.set(page, { type: 'text/css; charset=utf-8', body: geometryCss(issue.series.layout.geometry, issue.series.layout.pageNumber, fitMasthead(issue.series.seriesLine, issue.series.name, issue.series.layout.geometry), issue.series.layout) });
  sheetUrls.push(page);
  if (!screenLayout) {
    resources.set(`${assets}/print-only.css`, { type: 'text/css; charset=utf-8', body: SCREENLESS_CSS });
    sheetUrls.push(`${assets}/print-only.css`);
  }
  // URLs are percent-encoded segment by segment; the resources keep the files' own names.
  // A raster figure with renditions (images/figureRenditions.ts): the print one in a printed
  // document (named by its stand-in until a print is to be kept), the screen ones (with srcset) in
  // the page written; never the original file.
  const forScreen = !options.forPrint;
  const standIns = !forScreen && options.photos !== 'shown';
  const view = issueView(issue, options.toc, {
    imageUrl: (figure) => {
      const r = figure.renditions;
      if (!r) return urlPath(`${assets}/images/${figure.relPath}`);
      return urlPath(`${assets}/${forScreen ? `images/${r.screen.at(-1)!.name}` : `${standIns ? STAND_INS_FOLDER : 'images'}/${r.print.name}`}`);
    },
    imageSrcset: (figure) => {
      const r = figure.renditions;
      if (!r || !forScreen || r.screen.length < 2) return undefined;
      return { srcset: r.screen.map((s) => `${urlPath(`${assets}/images/${s.name}`)} ${s.width}w`).join(', '), sizes: r.sizes };
    },
    stylesheets: sheetUrls.map(urlPath),
  }, options.coverPages, options.blankPages ?? 0);
  /** Whether a photo of the document has renditions (and so a stand-in). */
  let renditions = false;
  for (const section of issue.sections) {
    for (const article of section.articles) {
      // An SVG is served and written as sanitised when it was checked (model/sanitizeSvg.ts), never as the file is.
      for (const figure of article.figures) {
        if (figure.renditions) {
          renditions = true;
          for (const r of forScreen ? figure.renditions.screen : [figure.renditions.print]) resources.set(`${assets}/images/${r.name}`, { type: r.type, body: r.bytes });
          if (!forScreen) {
            const { name, width, height } = figure.renditions.print;
            resources.set(`${assets}/${STAND_INS_FOLDER}/${name}`, { type: 'image/jpeg', body: standInJpeg(width, height) });
          }
          continue;
        }
        resources.set(`${assets}/images/${figure.relPath}`, figure.svg !== undefined ? { type: figure.mime, body: figure.svg } : { type: figure.mime, file: figure.path });
      }
    }
  }
  const entry = `${issue.slug}.html`;
  // A character no font has is printed as 〓 (validate warned about it: glyph-missing).
  const html = sanitizeHtml(markMissingGlyphs(layout(view), seriesCoverage(issue.series)).html, { policy: PAGE_POLICY });
  resources.set(entry, { type: 'text/html; charset=utf-8', body: html.html });
  return { entry, view, resources, screenLayout, removed: html.removed, standIns: standIns && renditions };
}
