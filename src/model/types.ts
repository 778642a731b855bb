// The typed, read-only model between parsing and rendering: what templates receive, page numbers included.
import type { PlainDate, DateStyle } from './chineseDate.js';
import type { LintRules } from '../lint/lintCodes.js';
import type { MarkdownOptions } from './parseBody.js';
import type { PageGeometry, PresetName } from '../layout/presets.js';
import type { Block, Inline, TableStyle } from './blocks.js';

export type IssueKind = 'regular' | 'supplement' | 'special';
export type FigurePlace = 'right' | 'left' | 'centre';
export type PageNumberForm = '- N -' | '— N —';
export type FontRole = 'title' | 'body' | 'heading' | 'kai' | 'pageNumber';

export interface FontChoice {
  /** CSS family name. */
  readonly family: string;
  /** Absolute path of the font file, inside the series folder. */
  readonly file: string;
  /** The code points the file's cmap maps to a glyph (sorted ranges), when validation read it. */
  readonly coverage?: readonly (readonly [number, number])[];
  /** Of a collection (.ttc): the face, by its number (from 0), whether bulletin.yaml names it by name or number. */
  readonly face?: { readonly index: number };
  /**
   * How the file is printed: `subset` (each issue gets a TrueType subset of its characters, CFF
   * outlines converted; render/fontSubsets.ts) or `whole` (a WOFF2 file, used as it is).
   */
  readonly embed?: 'subset' | 'whole';
}

export interface Distribution {
  readonly report: readonly string[];
  readonly send: readonly string[];
  readonly distribute: readonly string[];
  readonly extra: readonly string[];
  readonly copies: number | undefined;
}

/** The series file, resolved: every option has its value (defaults filled in). */
export interface Series {
  /** Absolute path of the series folder (real path). */
  readonly root: string;
  /** Absolute path of bulletin.yaml. */
  readonly file: string;
  readonly seriesLine: string;
  readonly name: string;
  readonly publisher: string;
  readonly issuesDir: string;
  readonly layout: {
    readonly preset: PresetName;
    /** The page: the preset's geometry with the series' overrides. */
    readonly geometry: PageGeometry;
    readonly pageNumber: PageNumberForm;
    readonly dateStyle: DateStyle;
    readonly accent: string;
    readonly text: string;
    /** Fitting of the last page (`layout.fit`): off, or the most lines of text a last page may hold and still be pulled back. */
    readonly fit: 'off' | { readonly minLastPageLines: number };
    /** Double-sided printing (`layout.duplex`): sides alternate from the cover's first page; single-sided: every page a right-hand page. */
    readonly duplex: boolean;
    /** `right`: in double-sided printing the body starts on a right-hand page (a blank back after a one-page cover); `next`: on the next side. */
    readonly bodyStartsOn: 'next' | 'right';
    /** Where the PDF prints an article's notes (`layout.notes`): under 注释 at its end, or at the foot of the pages that refer to them (print/placeNotes.ts). */
    readonly notes: 'end' | 'page';
  };
  readonly fonts: Partial<Record<FontRole, FontChoice>>;
  readonly numbering: {
    readonly supplementsCountInTotal: boolean;
    readonly start: { readonly year: number; readonly number: number; readonly total: number } | undefined;
  };
  readonly distribution: Omit<Distribution, 'extra'>;
  /** How bodies and notes are read (`markdown:` in bulletin.yaml). */
  readonly markdown: MarkdownOptions;
  /** How tables are numbered (表1 … through the issue or in each article) and ruled (`tables:` in bulletin.yaml). */
  readonly tables: { readonly numbering: 'issue' | 'article'; readonly style: TableStyle };
  /** The copy-editing checks: every code with its level (default `warning`). */
  readonly lint: { readonly rules: LintRules };
  /** The sign-off's roles in print order, and where its line goes (`signoff:` in bulletin.yaml). */
  readonly signoff: { readonly labels: readonly string[]; readonly place: 'issue-line' | 'distribution' };
  /** A one-article issue without sections: its cover shows the title (`title`) or the article begins on it (`article`; `singleArticle:` in bulletin.yaml). */
  readonly singleArticle: { readonly cover: 'title' | 'article' };
  /** How raster images are processed (`images:` in bulletin.yaml; src/images/). */
  readonly images: ImageSettings;
  /** What the build writes (`output:`). */
  readonly output: {
    readonly pdfBudgetMB: number;
    /** The HTML page's screen fonts: the reader's own (`system`) or the bundled faces, subset (`bundled`). */
    readonly htmlFonts: 'system' | 'bundled';
    /** Write the single-file page with the HTML page, as `--html-single` does. */
    readonly htmlSingle: boolean;
    /** `--html-single`: the single file's size budget. */
    readonly htmlSingleBudgetMB: number;
    /** `build --wechat`: the 版记 kept at the article's end, the photos embedded as `data:` addresses (else numbered files). */
    readonly wechat: { readonly distribution: boolean; readonly embedImages: boolean };
    /** The PDFs are written as PDF/A-2u (print/pdfA.ts) and checked against it (check/checkPdfA.ts). */
    readonly pdfa: boolean;
    /** Each issue is also written as OFD (writers/ofdWriter.ts) whenever its PDF is. */
    readonly ofd: boolean;
  };
}

export interface ImageSettings {
  /** Pixels per inch at the printed size of the PDF's rendition (never upscaled). */
  readonly printPpi: number;
  readonly jpegQuality: number;
  /** The self-check's bounds of a photo's effective resolution in the PDF. */
  readonly minPpi: number;
  readonly maxPpi: number;
}

export interface Figure {
  /** Absolute real path of the image, checked to lie inside the series folder. */
  readonly path: string;
  /** Path relative to the series root, with forward slashes (for HTML output). */
  readonly relPath: string;
  readonly mime: 'image/png' | 'image/jpeg' | 'image/svg+xml' | 'image/webp' | 'image/gif';
  /** Where the figure's `image:` is in the issue file: what a problem found while processing it points at. */
  readonly span?: { readonly line: number; readonly column: number; readonly endLine: number; readonly endColumn: number };
  /** `encoding:` of the figure: how its renditions are stored (auto: by content). */
  readonly encoding?: 'auto' | 'jpeg' | 'png';
  /** An SVG's text as it is printed and published: sanitised (model/sanitizeSvg.ts), never the file as it is. */
  readonly svg?: string;
  /** Pixel size, when the format tells it cheaply (PNG, JPEG). */
  readonly pixels: { readonly width: number; readonly height: number } | undefined;
  /** SHA-256 of a raster file's bytes as validation found them, in hex (the image cache's key). */
  readonly contentHash?: string;
  readonly place: FigurePlace;
  /** Percentage of the type-area width. */
  readonly widthPercent: number;
  /** The caption as written (inline Markdown): what its size is estimated from. */
  readonly caption: string | undefined;
  /** The caption parsed (model/parseBody.ts): what is printed. */
  readonly captionContent: readonly Inline[] | undefined;
  /** The image's text alternative: `alt`, else the caption's printed text. */
  readonly alt: string;
  /** 1-based paragraph of the body the figure is placed at. */
  readonly paragraph: number;
  /** The processed images of a raster figure (src/images/figureRenditions.ts), once a build made them. */
  readonly renditions?: FigureRenditions;
  /** Set when the photo is one of a group printed side by side (`images:`); `caption` is then its own. */
  readonly group?: FigureGroup;
}

/** Two or three photos side by side, the full width of the type area, all at one height. */
export interface FigureGroup {
  /** The `figures:` entry the group is (0-based): the members of one group share it. */
  readonly entry: number;
  /** This photo's place in the group (0-based) and how many the group has. */
  readonly index: number;
  readonly size: number;
  /** The caption printed once under the whole group (`caption:` of the entry). */
  readonly caption: string | undefined;
  readonly captionContent: readonly Inline[] | undefined;
}

/** One processed image: upright, sRGB, no metadata, scaled for its use. */
export interface ImageRendition {
  /** File name under the document's `images/` folder. */
  readonly name: string;
  readonly type: 'image/jpeg' | 'image/png';
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export interface FigureRenditions {
  /** What the PDF gets: `images.printPpi` at the printed width (never upscaled). */
  readonly print: ImageRendition;
  /** What the HTML page gets (`srcset`): a phone's and a desktop's, narrowest first. */
  readonly screen: readonly ImageRendition[];
  /** The `sizes` attribute: the figure's width on screen. */
  readonly sizes: string;
}

export interface Article {
  readonly id: string;
  /** The printed lines of the title. */
  readonly titleLines: readonly string[];
  /** The title on one line (contents, bookmarks). */
  readonly title: string;
  /** The editor's note (编者按), parsed like the body. */
  readonly note: readonly Block[] | undefined;
  /** The body, parsed once from its Markdown (model/parseBody.ts): what render and the glyph check read. */
  readonly blocks: readonly Block[];
  readonly figures: readonly Figure[];
  readonly source: string | undefined;
  /** Printed centred in 楷体 under the title: a subtitle (——在……上的讲话) and byline lines (speaker, date). */
  readonly subtitle: string | undefined;
  readonly byline: readonly string[];
  /** 附件：1. … 2. …; one with blocks is also printed on pages of its own, headed 附件N. */
  readonly attachments: readonly Attachment[];
}

export interface Attachment {
  readonly title: string;
  /** Its body, parsed like an article's, when the attachment is printed (not only listed). */
  readonly blocks: readonly Block[] | undefined;
}

export interface Section {
  readonly id: string;
  /** Undefined in an issue without sections (`articles:`): no 【label】 is printed, nor a contents line. */
  readonly label: string | undefined;
  readonly articles: readonly Article[];
}

export interface Issue {
  /** Absolute path of the issue file. */
  readonly file: string;
  /** File name without extension: the base name of the outputs. */
  readonly slug: string;
  readonly series: Series;
  readonly year: number;
  readonly number: number;
  readonly total: number | undefined;
  readonly date: PlainDate;
  readonly kind: IssueKind;
  readonly label: string | undefined;
  readonly classification: string | undefined;
  /** `fit: off` in the issue: no fitting for it, whatever the series says. */
  readonly fitOff: boolean;
  /** The editor's note of the issue, parsed like an article body. */
  readonly note: readonly Block[] | undefined;
  /** 2018年第2期（总第11期） */
  readonly issueLine: string;
  /** 二〇一八年十二月二十八日 */
  readonly dateLine: string;
  readonly sections: readonly Section[];
  readonly distribution: Distribution;
  /** The sign-off (签发：张三　审核：李四), in the series' order of roles. */
  readonly signoff: readonly { readonly label: string; readonly name: string }[];
}

/** Where each section and article starts, from the real pagination of the PDF (body pages count from 1). */
export type Pagination = ReadonlyMap<string, number>;

export interface TocEntry {
  readonly kind: 'section' | 'article';
  readonly id: string;
  readonly text: string;
  /** An article's title as its author broke it. */
  readonly titleLines?: readonly string[];
  /** Page number, or undefined before the first pass has paginated the issue. */
  readonly page: number | undefined;
}
