// Loads the layout's Handlebars templates and partials: the defaults, overridden file by file by a series.
import path from 'node:path';
import { msg, render, type Message } from '../i18n/message.js';
import { fileURLToPath } from 'node:url';
import { isInside } from '../model/checkAsset.js';
import { nodeIo, type Io } from '../io.js';

export const DEFAULT_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));
const MAX_TEMPLATE_BYTES = 256 * 1024;
/** The layout's main stylesheet: a series file of this name replaces the default. */
export const MAIN_STYLESHEET = 'bulletin.css';

export interface TemplateSources {
  /** issue.hbs */
  main: { name: string; text: string };
  /** index.hbs: the list of a series' issues */
  index: { name: string; text: string } | undefined;
  /** yearbook.hbs: cover and contents of a year's bound volume (合订本) */
  yearbook: { name: string; text: string } | undefined;
  /** partials by name (file name without .hbs) */
  partials: Map<string, { name: string; text: string }>;
  /**
   * CSS files in order: the main stylesheet (`bulletin.css`: the default, or the series' own, which
   * replaces it), then the series' other `.css` files, as `series-<name>`. `series` marks those the
   * series wrote: they are held to the template contract (no page geometry).
   */
  stylesheets: { name: string; text: string; series: boolean }[];
  /** The files the series' own templates/ folder contributed, relative to the series (templates/issue.hbs …). */
  own: string[];
}

async function readDir(io: Io, dir: string): Promise<string[]> {
  try {
    return (await io.readdir(dir)).map((e) => e.name).sort();
  } catch {
    return [];
  }
}

/** A template file that cannot be used, as a message (the layouts report it as a template error). */
export class TemplateFileError extends Error {
  constructor(readonly text: Message) {
    super(render(text, 'en'));
  }
}

async function readTemplate(io: Io, root: string, file: string): Promise<string> {
  const real = await io.realpath(file);
  if (real !== file && !isInside(root, real)) throw new TemplateFileError(msg('build.template.outside', { file }));
  const stat = await io.stat(real);
  if (!stat.isFile || stat.size > MAX_TEMPLATE_BYTES) throw new TemplateFileError(msg('build.template.not-regular', { file, limit: MAX_TEMPLATE_BYTES / 1024 }));
  return Buffer.from(await io.readFile(real)).toString('utf8');
}

/** A series overrides any template or partial by putting a file of the same name in its templates/ folder. */
export async function loadTemplates(seriesRoot: string | undefined, io: Io = nodeIo): Promise<TemplateSources> {
  const layers = [DEFAULT_TEMPLATES, ...(seriesRoot ? [path.join(seriesRoot, 'templates')] : [])];
  let main: TemplateSources['main'] | undefined;
  let index: TemplateSources['index'];
  let yearbook: TemplateSources['yearbook'];
  const partials = new Map<string, { name: string; text: string }>();
  const stylesheets: TemplateSources['stylesheets'] = [];
  const own: string[] = [];
  for (const [layer, dir] of layers.entries()) {
    const root = layer === 0 ? dir : seriesRoot!;
    for (const name of await readDir(io, dir)) {
      const file = path.join(dir, name);
      // Written into the HTML folder under its own name: one that is no plain file name elsewhere is refused.
      if (name.endsWith('.css') && /[\\\u0000-\u001f\u007f]/.test(name)) throw new TemplateFileError(msg('build.template.bad-name', { file }));
      if (layer > 0 && (name.endsWith('.hbs') || name.endsWith('.css'))) own.push(`templates/${name}`);
      if (name === 'issue.hbs') main = { name: file, text: await readTemplate(io, root, file) };
      else if (name === 'index.hbs') index = { name: file, text: await readTemplate(io, root, file) };
      else if (name === 'yearbook.hbs') yearbook = { name: file, text: await readTemplate(io, root, file) };
      else if (name === MAIN_STYLESHEET) {
        // The series' bulletin.css replaces the default one, in its place (first).
        const sheet = { name, text: await readTemplate(io, root, file), series: layer > 0 };
        const at = stylesheets.findIndex((s) => s.name === MAIN_STYLESHEET);
        if (at >= 0) stylesheets[at] = sheet;
        else stylesheets.unshift(sheet);
      } else if (name.endsWith('.css')) stylesheets.push({ name: layer === 0 ? name : `series-${name}`, text: await readTemplate(io, root, file), series: layer > 0 });
    }
    for (const name of await readDir(io, path.join(dir, 'partials'))) {
      if (name.endsWith('.hbs') && layer > 0) own.push(`templates/partials/${name}`);
      if (name.endsWith('.hbs')) partials.set(name.slice(0, -4), { name: path.join(dir, 'partials', name), text: await readTemplate(io, root, path.join(dir, 'partials', name)) });
    }
  }
  if (!main) throw new Error(`no issue.hbs in ${DEFAULT_TEMPLATES}`);
  return { main, index, yearbook, partials, stylesheets, own };
}
