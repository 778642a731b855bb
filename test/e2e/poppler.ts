// Reads built PDFs back the way a print shop or a reader would: poppler's pdftotext, pdffonts and
// pdfinfo (spawned, output parsed here), and pdf-lib for the outline and the link annotations.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { builtCli } from '../builtCli.js';

/**
 * The Chromium the end-to-end tests use (BULLETIN_E2E_CHROMIUM overrides the path); without it they
 * are skipped with SKIP_REASON. CI installs Chromium, so there they run.
 */
export const CHROMIUM = process.env.BULLETIN_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SKIP_REASON = `no Chromium at ${CHROMIUM}: end-to-end build tests skipped (install it: sudo apt-get install chromium)`;

/** A describe() title that says why it was skipped when there is no Chromium. */
export function e2eTitle(title: string): string {
  return HAS_CHROMIUM ? title : `${title} [skipped: ${SKIP_REASON}]`;
}

export const PT_PER_MM = 72 / 25.4;
export const mm = (pt: number): number => pt / PT_PER_MM;

/** GB/T 9704 geometry of the default layout, in mm from the top-left corner of an A4 page. */
export const TYPE_AREA = { top: 37, bottom: 262, width: 156, leftOdd: 28, leftEven: 26 } as const;
/** One 四号 (14 pt) character, the page number's inset from the type area's edge. */
export const CHAR_14PT_MM = mm(14);

/** An environment for build(): the caller's, without SOURCE_DATE_EPOCH (it would replace the issue date). */
export function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.SOURCE_DATE_EPOCH;
  return env;
}

function run(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', LC_ALL: 'C.UTF-8' }, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${command} could not run (poppler-utils installed?): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** A word as pdftotext places it, in mm from the top-left corner of the page. */
export interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Words that sit on one printed line, left to right; `text` joins them without spaces. */
export interface Line extends Word {
  words: Word[];
}

export interface Page {
  /** 1-based physical page number. */
  number: number;
  widthPt: number;
  heightPt: number;
  words: Word[];
  lines: Line[];
  /** All the text of the page, top to bottom, white space removed. */
  compact: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

/** Groups words into printed lines: same vertical centre (within 3 pt), ordered by x. */
function linesOf(words: readonly Word[]): Line[] {
  const sorted = [...words].sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2 || a.x0 - b.x0);
  const groups: Word[][] = [];
  for (const word of sorted) {
    const centre = (word.y0 + word.y1) / 2;
    const group = groups.at(-1);
    const groupCentre = group ? (group[0]!.y0 + group[0]!.y1) / 2 : NaN;
    if (group && Math.abs(centre - groupCentre) < mm(3)) group.push(word);
    else groups.push([word]);
  }
  return groups.map((g) => {
    const words = [...g].sort((a, b) => a.x0 - b.x0);
    return {
      words,
      text: words.map((w) => w.text).join('').replace(/\s+/g, ''),
      x0: Math.min(...words.map((w) => w.x0)),
      y0: Math.min(...words.map((w) => w.y0)),
      x1: Math.max(...words.map((w) => w.x1)),
      y1: Math.max(...words.map((w) => w.y1)),
    };
  });
}

/** `pdftotext -bbox-layout`: every page with its words and lines (coordinates in mm). */
export function readPages(file: string): Page[] {
  const xhtml = run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-']);
  const pages: Page[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  for (const m of xhtml.matchAll(pageRe)) {
    const words: Word[] = [];
    const wordRe = /<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/g;
    for (const w of m[3]!.matchAll(wordRe)) {
      words.push({ text: unescapeXml(w[5]!), x0: mm(Number(w[1])), y0: mm(Number(w[2])), x1: mm(Number(w[3])), y1: mm(Number(w[4])) });
    }
    const lines = linesOf(words);
    pages.push({ number: pages.length + 1, widthPt: Number(m[1]), heightPt: Number(m[2]), words, lines, compact: lines.map((l) => l.text).join('') });
  }
  if (pages.length === 0) throw new Error(`pdftotext found no pages in ${file}`);
  return pages;
}

/** The running footer of a page: lines below the type area (more than 262 mm from the top). */
export function footerLines(page: Page): Line[] {
  return page.lines.filter((l) => l.y0 > TYPE_AREA.bottom);
}

/** Lines inside the type area (everything but the footer). */
export function bodyLines(page: Page): Line[] {
  return page.lines.filter((l) => l.y0 <= TYPE_AREA.bottom);
}

/** Approximate baseline of a line from its box (the serif's descent is about a fifth of the box). */
export function baseline(line: Word): number {
  return line.y1 - (line.y1 - line.y0) * 0.2;
}

/** Text with white space and the contents' leader dots removed (pdftotext keeps the dots hidden under a page number). */
export function compact(text: string): string {
  return text.replace(/[\s·]+/g, '');
}

/** `pdfinfo -isodates`: the Info dictionary and page facts as key → value. */
export function pdfInfo(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-isodates', '-enc', 'UTF-8', file]).split('\n')) {
    const m = /^([A-Za-z ]+?):\s+(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!.trim();
  }
  return out;
}

/** An ISO date as `pdfinfo -isodates` prints it (`…Z`, `…+08`, `…+08:00`) → Date. */
export function isoDate(text: string): Date {
  const normal = text.trim().replace(/([+-]\d\d)'?(\d\d)?'?$/, (_m, h: string, m?: string) => `${h}:${m ?? '00'}`);
  const date = new Date(normal);
  if (Number.isNaN(date.getTime())) throw new Error(`cannot read the date ${JSON.stringify(text)}`);
  return date;
}

export interface FontRow {
  name: string;
  type: string;
  encoding: string;
  emb: string;
  sub: string;
  uni: string;
}

/** `pdffonts`: one row per font, columns cut where the header's dashes say. */
export function pdfFonts(file: string): FontRow[] {
  const lines = run('pdffonts', [file]).split('\n').filter((l) => l.trim() !== '');
  const rule = lines.findIndex((l) => /^-+( -+)+$/.test(l.trim()));
  if (rule < 0) throw new Error(`unexpected pdffonts output:\n${lines.join('\n')}`);
  const spans: [number, number][] = [];
  for (const m of lines[rule]!.matchAll(/-+/g)) spans.push([m.index!, m.index! + m[0].length]);
  const cell = (line: string, k: number) => line.slice(spans[k]![0], k + 1 < spans.length ? spans[k + 1]![0] : undefined).trim();
  return lines.slice(rule + 1).map((l) => ({ name: cell(l, 0), type: cell(l, 1), encoding: cell(l, 2), emb: cell(l, 3), sub: cell(l, 4), uni: cell(l, 5) }));
}

/** A run of text in one font, as `pdftohtml -xml` gives it: its text and its font's name without the subset tag. */
export interface FontRun {
  page: number;
  text: string;
  font: string;
}

/** `pdftohtml -xml`: every run of text with the font it is set in. */
export function fontRuns(file: string): FontRun[] {
  const xml = run('pdftohtml', ['-xml', '-i', '-stdout', '-q', file]);
  const fonts = new Map<string, string>();
  for (const m of xml.matchAll(/<fontspec id="(\d+)"[^>]* family="([^"]*)"/g)) fonts.set(m[1]!, m[2]!.replace(/^[A-Z]{6}\+/, ''));
  const runs: FontRun[] = [];
  let page = 0;
  for (const m of xml.matchAll(/<page number="(\d+)"|<text [^>]*font="(\d+)"[^>]*>(.*?)<\/text>/g)) {
    if (m[1]) page = Number(m[1]);
    else runs.push({ page, font: fonts.get(m[2]!) ?? '', text: m[3]!.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"') });
  }
  return runs;
}

/**
 * The fonts `text` is set in, where it first appears in the runs (in their order, spaces ignored):
 * the names without subset tags, so the slices of one face count as one. Undefined when it does not appear.
 */
export function fontsOf(runs: readonly FontRun[], text: string): Set<string> | undefined {
  let joined = '';
  const fonts: string[] = [];
  for (const r of runs) {
    for (const ch of r.text.replace(/\s/g, '')) {
      joined += ch;
      for (let k = 0; k < ch.length; k++) fonts.push(r.font);
    }
  }
  const at = joined.indexOf(text);
  return at < 0 ? undefined : new Set(fonts.slice(at, at + text.length));
}

/* ---------- pdf-lib: outline and links ---------- */

function text(obj: unknown): string | undefined {
  if (obj instanceof PDFString || obj instanceof PDFHexString) return obj.decodeText();
  if (obj instanceof PDFName) return obj.decodeText();
  return undefined;
}

export interface OutlineNode {
  title: string;
  /** 0-based physical page index the bookmark goes to. */
  pageIndex: number | undefined;
  children: OutlineNode[];
}

export interface LinkAnnotation {
  /** 0-based page index of the page that carries the link. */
  onPage: number;
  /** Rectangle in mm from the page's top-left corner. */
  rect: { x0: number; y0: number; x1: number; y1: number };
  /** The named destination, when the link uses one. */
  name: string | undefined;
  /** 0-based physical page index the link goes to. */
  pageIndex: number | undefined;
}

export interface PdfStructure {
  hasOutlines: boolean;
  outline: OutlineNode[];
  links: LinkAnnotation[];
}

export async function readStructure(bytes: Uint8Array): Promise<PdfStructure> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const context = pdf.context;
  const pages = pdf.getPages();
  const indexOfRef = new Map(pages.map((p, i) => [p.ref.toString(), i]));
  const named = new Map<string, unknown>();
  const catalog = pdf.catalog;
  const dests = catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (dests) for (const [key, value] of dests.entries()) named.set(key.decodeText(), value);
  const walk = (node: PDFDict | undefined, depth: number): void => {
    if (!node || depth > 32) return;
    const leaf = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (leaf) for (let i = 0; i + 1 < leaf.size(); i += 2) named.set(text(leaf.lookup(i)) ?? '', leaf.get(i + 1));
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) walk(kids.lookupMaybe(i, PDFDict), depth + 1);
  };
  walk(catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict), 0);

  /** A destination (array, name, string, dict with /D, reference) → page index. */
  const pageOf = (value: unknown, depth = 0): number | undefined => {
    if (depth > 8 || value === undefined) return undefined;
    if (value instanceof PDFRef) return pageOf(context.lookup(value), depth + 1);
    if (value instanceof PDFDict) return pageOf(value.get(PDFName.of('D')), depth + 1);
    const name = text(value);
    if (name !== undefined) return pageOf(named.get(name), depth + 1);
    if (value instanceof PDFArray) {
      const target = value.get(0);
      if (target instanceof PDFRef) return indexOfRef.get(target.toString());
      if (target instanceof PDFNumber) return target.asNumber();
    }
    return undefined;
  };
  const destOf = (dict: PDFDict): unknown => {
    const dest = dict.get(PDFName.of('Dest'));
    if (dest) return dest;
    const action = dict.lookupMaybe(PDFName.of('A'), PDFDict);
    if (action && action.get(PDFName.of('S'))?.toString() === '/GoTo') return action.get(PDFName.of('D'));
    return undefined;
  };

  const outlines = catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const items = (first: unknown, depth: number): OutlineNode[] => {
    const out: OutlineNode[] = [];
    let ref = first;
    const seen = new Set<string>();
    while (ref instanceof PDFRef && !seen.has(ref.toString()) && depth < 16) {
      seen.add(ref.toString());
      const item = context.lookup(ref, PDFDict);
      out.push({ title: text(item.lookup(PDFName.of('Title'))) ?? '', pageIndex: pageOf(destOf(item)), children: items(item.get(PDFName.of('First')), depth + 1) });
      ref = item.get(PDFName.of('Next'));
    }
    return out;
  };

  const links: LinkAnnotation[] = [];
  pages.forEach((page, onPage) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) return;
    const height = page.getHeight();
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookupMaybe(i, PDFDict);
      if (!annot || annot.get(PDFName.of('Subtype'))?.toString() !== '/Link') continue;
      const r = annot.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber());
      const [ax, ay, bx, by] = r as [number, number, number, number];
      const dest = destOf(annot);
      links.push({
        onPage,
        rect: { x0: mm(Math.min(ax, bx)), x1: mm(Math.max(ax, bx)), y0: mm(height - Math.max(ay, by)), y1: mm(height - Math.min(ay, by)) },
        name: text(dest),
        pageIndex: pageOf(dest),
      });
    }
  });

  return { hasOutlines: outlines !== undefined, outline: outlines ? items(outlines.get(PDFName.of('First')), 0) : [], links };
}

/* ---------- HTML output ---------- */

/** Every `src=` and `href=` value of an HTML page, in document order. */
export function htmlReferences(html: string): string[] {
  const refs = [...html.matchAll(/\s(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  // Each candidate of a srcset (`url 480w, url 750w`) is a reference too.
  const sets = [...html.matchAll(/\ssrcset\s*=\s*"([^"]*)"/gi)].flatMap((m) => m[1]!.split(',').map((c) => c.trim().split(/\s+/)[0]!));
  return [...refs, ...sets];
}

/** Decodes the few entities Handlebars writes into attribute values. */
export function attributeValue(value: string): string {
  return unescapeXml(value.replace(/&#x3D;/gi, '=').replace(/&#x60;/gi, '`'));
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

/**
 * Builds an example with the real executable into a fresh folder, as an editor runs it: its exit
 * status and, when it failed, what it printed (a test names them rather than throw in its setup).
 */
export function buildExample(example: string, prefix: string, args: readonly string[] = []): { dir: string; status: number; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  try {
    const output = execFileSync(process.execPath, [builtCli(), 'build', example, '-o', dir, ...args, '--browser', CHROMIUM], { env: { ...buildEnv(), NO_COLOR: '1' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { dir, status: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { dir, status: e.status, output: `${e.stdout}\n${e.stderr}` };
  }
}
