// `bulletin import`'s library function: Word submissions (.docx) → articles appended to an issue
// file, their pictures written into the issue's image folder through the image pipeline (upright,
// sRGB, no metadata). All or nothing: when any file is refused, nothing is written. IO through `Io`.
import path from 'node:path';
import { msg, type Message } from '../i18n/message.js';
import { nodeIo, type Io } from '../io.js';
import { diagnostic, FILE_START, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../source/displayPath.js';
import { sniffDocument, formatName } from './sniffDocument.js';
import { DOCX_LIMITS, DocxError, readDocx } from './readDocx.js';
import { docxToArticle, type ImportedArticle } from './docxToArticle.js';
import { articleItemYaml, insertArticle, InsertError } from './insertArticle.js';
import { sniffImage } from '../model/sniffImage.js';
import { PRESETS } from '../layout/presets.js';

export interface ImportOptions {
  /** The issue file to add to (default: the newest issue of the series in `cwd`). */
  issue?: string;
  /** The section's label (created when absent; default: the issue's first section). */
  section?: string;
  /** Nothing is written; the result's `yaml` holds what would be inserted. */
  dryRun?: boolean;
  cwd?: string;
  io?: Io;
  /** JPEG quality of the pictures written (the series' `images.jpegQuality`). */
  jpegQuality?: number;
}

export interface ImportedFile {
  /** The .docx as shown to the user. */
  document: string;
  /** The issue file as shown to the user, and the line of the new article in it. */
  issueFile: string;
  line: number;
  title: string;
  /** The pictures written (as shown), or that would be. */
  images: string[];
  newSection: boolean;
}

export interface ImportResult {
  diagnostics: Diagnostic[];
  /** The issue file (absolute), when one was found. */
  issueFile?: string;
  added: ImportedFile[];
  /** The YAML inserted (or, with `dryRun`, that would be), article by article. */
  yaml: string[];
  /** True when a file was refused for its format or content (the command line's exit 2). */
  refused: boolean;
}

/** The picture file name of a figure: `images/<issue>-<document>-<n>.<ext>`, kept to safe characters. */
function pictureName(issueStem: string, documentStem: string, n: number, ext: string): string {
  const doc = documentStem.normalize('NFC').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'doc';
  return `${issueStem}-${doc}-${n}.${ext}`;
}

/** Reads and converts one submission; refusals are diagnostics. */
async function convert(io: Io, file: string, shown: string, diagnostics: Diagnostic[]): Promise<{ article: ImportedArticle; media: Map<string, Uint8Array> } | 'refused' | undefined> {
  const problem = (code: Parameters<typeof diagnostic>[3], message: Message, severity: 'error' | 'warning' = 'error', hint?: Message) => diagnostics.push(diagnostic(shown, FILE_START, severity, code, message, hint));
  const info = await io.stat(file).catch(() => undefined);
  if (!info?.isFile) {
    problem('import-damaged', msg('import-damaged', { reason: msg(info ? 'import.not-a-file' : 'import.no-such-file') }), 'error', msg('import-damaged.missing.hint'));
    return 'refused';
  }
  if (info.size > DOCX_LIMITS.fileBytes) {
    problem('import-too-large', msg('import-too-large', { reason: msg('import.file-size', { size: Math.round(info.size / 1048576), limit: DOCX_LIMITS.fileBytes / 1048576 }) }));
    return 'refused';
  }
  const bytes = await io.readFile(file);
  const ext = path.extname(file).toLowerCase();
  const kind = sniffDocument(bytes, ext);
  switch (kind.kind) {
    case 'docx':
      if (ext === '.docm') {
        problem('import-macros', msg('import-macros'));
        return 'refused';
      }
      break;
    case 'docm':
      problem('import-macros', msg('import-macros'));
      return 'refused';
    case 'encrypted':
      problem('import-encrypted', msg('import-encrypted'));
      return 'refused';
    case 'zip':
      problem('import-damaged', msg('import-damaged', { reason: kind.reason }));
      return 'refused';
    default: {
      problem('import-not-docx', msg(ext === '.docx' ? 'import-not-docx.renamed' : 'import-not-docx', { format: formatName(kind.kind) }));
      return 'refused';
    }
  }
  let doc;
  try {
    doc = readDocx(bytes);
  } catch (error) {
    if (!(error instanceof DocxError)) throw error;
    problem(error.code, error.code === 'import-macros' ? msg('import-macros') : msg(error.code, { reason: error.reason }));
    return 'refused';
  }
  const { counts } = doc;
  if (counts.insertions + counts.deletions > 0) problem('import-tracked-changes', msg('import-tracked-changes.counts', { insertions: counts.insertions, deletions: counts.deletions }), 'warning');
  if (counts.comments > 0) problem('import-comments', counts.comments === 1 ? msg('import-comments.one') : msg('import-comments', { count: counts.comments }), 'warning');
  if (counts.externalImages > 0) problem('import-external', counts.externalImages === 1 ? msg('import-external.one') : msg('import-external.many', { count: counts.externalImages }), 'warning');
  const article = docxToArticle(doc, path.basename(file, path.extname(file)));
  if (article.titleGuessed) problem('import-no-title', msg('import-no-title'), 'warning');
  return { article, media: doc.media };
}


/** Imports Word submissions into an issue file. */
export async function importDocuments(files: readonly string[], options: ImportOptions = {}): Promise<ImportResult> {
  const io = options.io ?? nodeIo;
  const cwd = options.cwd ?? process.cwd();
  const diagnostics: Diagnostic[] = [];
  const result: ImportResult = { diagnostics, added: [], yaml: [], refused: false };

  const issueFile = options.issue ? path.resolve(cwd, options.issue) : await newestIssue(cwd);
  if (!issueFile) throw new InsertError(msg('import.insert.no-issue'));
  result.issueFile = issueFile;
  const issueShown = displayPath(cwd, issueFile);
  const info = await io.stat(issueFile).catch(() => undefined);
  if (!info?.isFile) throw new InsertError(msg(info ? 'import.insert.issue-not-file' : 'import.insert.issue-missing', { path: issueShown }));
  let text = Buffer.from(await io.readFile(issueFile)).toString('utf8');
  const issueStem = path.basename(issueFile, path.extname(issueFile));
  const imagesDir = path.join(path.dirname(issueFile), 'images');

  const converted: { file: string; shown: string; article: ImportedArticle; media: Map<string, Uint8Array> }[] = [];
  for (const file of files) {
    const abs = path.resolve(cwd, file);
    const shown = displayPath(cwd, abs);
    const got = await convert(io, abs, shown, diagnostics);
    if (got === 'refused') result.refused = true;
    else if (got) converted.push({ file: abs, shown, ...got });
  }
  if (hasErrors(diagnostics)) return result;

  const pictures: { path: string; bytes: Uint8Array }[] = [];
  const taken = new Set<string>();
  for (const { file, shown, article, media } of converted) {
    const figures: Record<string, unknown>[] = [];
    const written: string[] = [];
    let n = 0;
    for (const figure of article.figures) {
      const images: string[] = [];
      let narrowest = Infinity;
      for (const member of figure.media) {
        const bytes = media.get(member);
        if (!bytes) {
          diagnostics.push(diagnostic(shown, FILE_START, 'warning', 'import-image-skipped', msg('import-image-skipped', { reason: msg('import.image.missing', { name: member }) })));
          continue;
        }
        const picture = await webPicture(bytes, options.jpegQuality ?? 90);
        if (typeof picture === 'string') {
          const name = path.basename(member);
          const reason = picture === 'format' ? msg('import.image.format', { name }) : msg('import.image.decode', { name, reason: picture.slice('decode:'.length) });
          diagnostics.push(diagnostic(shown, FILE_START, 'warning', 'import-image-skipped', msg('import-image-skipped', { reason })));
          continue;
        }
        let name: string;
        do name = pictureName(issueStem, path.basename(file, path.extname(file)), ++n, picture.ext);
        while (taken.has(name) || (await io.present(path.join(imagesDir, name))));
        taken.add(name);
        pictures.push({ path: path.join(imagesDir, name), bytes: picture.bytes });
        written.push(displayPath(cwd, path.join(imagesDir, name)));
        images.push(`images/${name}`);
        narrowest = Math.min(narrowest, picture.width);
      }
      if (images.length === 0) continue;
      const caption = figure.caption ? { caption: figure.caption } : {};
      figures.push(images.length === 1 ? { image: images[0], place: 'centre', width: figureWidth(narrowest), ...caption, paragraph: figure.paragraph } : { images, ...caption, paragraph: figure.paragraph });
    }
    const data: Record<string, unknown> = {
      title: article.title,
      ...(article.subtitle ? { subtitle: article.subtitle } : {}),
      ...(article.byline ? { byline: article.byline } : {}),
      body: article.body,
      ...(figures.length ? { figures } : {}),
      ...(article.source ? { source: article.source } : {}),
    };
    const inserted = insertArticle(text, data, options.section);
    text = inserted.text;
    result.yaml.push(articleItemYaml(data, 0));
    result.added.push({ document: shown, issueFile: issueShown, line: inserted.line, title: Array.isArray(article.title) ? article.title.join('') : article.title, images: written, newSection: inserted.newSection });
  }
  if (options.dryRun || converted.length === 0) return result;
  for (const p of pictures) await io.writeFile(p.path, p.bytes);
  await io.writeFile(issueFile, text);
  return result;
}

/**
 * The width of a single photo: 80 % of the type area, or less for a small picture, so that it prints
 * at 150 ppi or more on the standard page (156 mm wide), as the build's image-resolution check wants;
 * never under the schema's default width (45 %), where a caption would wrap every few characters (a
 * smaller picture is then reported by the build as printing soft, which it will).
 */
function figureWidth(pixels: number): string {
  const fullWidthPixels = (PRESETS.standard.typeArea.width / 25.4) * 150;
  const percent = Math.floor(((pixels / fullWidthPixels) * 100) / 5) * 5;
  return `${Math.max(45, Math.min(80, percent))}%`;
}

/** A picture of the document through the image pipeline (upright, sRGB, no metadata), or why it cannot be: `format`, or `decode:` and the decoder's reason. */
async function webPicture(bytes: Uint8Array, jpegQuality: number): Promise<{ bytes: Uint8Array; ext: string; width: number } | 'format' | `decode:${string}`> {
  const kind = sniffImage(bytes.subarray(0, 64 * 1024));
  if (!kind || kind.mime === 'image/svg+xml') return 'format';
  try {
    const { processImage } = await import('../images/processImage.js');
    const [out] = await processImage(bytes, [{ width: 4000 }], { encoding: 'auto', jpegQuality });
    return { bytes: out!.bytes, ext: out!.format === 'jpeg' ? 'jpg' : 'png', width: out!.width };
  } catch (error) {
    const { decodeReason } = await import('../images/processImage.js');
    return `decode:${decodeReason(error)}`;
  }
}

/** The newest issue (by date) of the series in `cwd`. */
async function newestIssue(cwd: string): Promise<string | undefined> {
  const { validate } = await import('../validate.js');
  const checked = await validate([cwd], { cwd });
  return [...checked.issues].sort((a, b) => (a.date.iso < b.date.iso ? -1 : a.date.iso > b.date.iso ? 1 : 0)).at(-1)?.file;
}
