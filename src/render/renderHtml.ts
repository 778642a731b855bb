// View → HTML through an isolated Handlebars instance: no helpers beyond the built-ins, no prototype access.
import Handlebars from '../vendor/handlebars.js';
import type { TemplateSources } from './templates.js';
import type { IssueView } from './viewModel.js';
import type { IndexView } from './indexView.js';
import type { YearbookView } from './yearbookView.js';

export class TemplateError extends Error {
  constructor(message: string, readonly template: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

export type CompiledLayout = (view: IssueView) => string;
export type CompiledIndex = (view: IndexView) => string;
export type CompiledYearbook = (view: YearbookView) => string;

const COMPILE_OPTIONS = {
  knownHelpersOnly: true,
  knownHelpers: { if: true, unless: true, each: true, with: true, lookup: false, log: false, helperMissing: false, blockHelperMissing: false },
  strict: false,
  preventIndent: true,
} as const;

function positionOf(error: unknown): string {
  const e = error as { lineNumber?: number; column?: number; message?: string };
  if (e.lineNumber) return `:${e.lineNumber}:${(e.column ?? 0) + 1}`;
  // Parse errors say it in words: "Parse error on line 3: …"
  const line = /on line (\d+)/.exec(e.message ?? '')?.[1];
  return line ? `:${line}` : '';
}

function compileWith(hb: typeof Handlebars) {
  return (name: string, text: string): HandlebarsTemplateDelegate => {
    try {
      const template = hb.compile(text, COMPILE_OPTIONS);
      // Compile eagerly so syntax errors surface here, with the file name.
      hb.precompile(text, COMPILE_OPTIONS);
      return template;
    } catch (error) {
      throw new TemplateError(`${name}${positionOf(error)}: ${(error as Error).message.split('\n')[0]}`, name);
    }
  };
}

const RUNTIME_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
  allowCallsToHelperMissing: false,
};

/** A page template without partials (index.hbs, yearbook.hbs). */
export function compilePage<View>(source: { name: string; text: string } | undefined): ((view: View) => string) | undefined {
  if (!source) return undefined;
  const template = compileWith(Handlebars.create())(source.name, source.text);
  return (view) => template(view, RUNTIME_OPTIONS as RuntimeOptions);
}

export function compileLayout(sources: TemplateSources): CompiledLayout {
  const hb = Handlebars.create();
  const partials: Record<string, HandlebarsTemplateDelegate> = {};
  const compile = compileWith(hb);
  for (const [key, p] of sources.partials) partials[key] = compile(p.name, p.text);
  const main = compile(sources.main.name, sources.main.text);
  return (view) => {
    try {
      return main(view, { partials, ...RUNTIME_OPTIONS } as RuntimeOptions);
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      throw new TemplateError(`${sources.main.name}: ${message.split('\n')[0]}${/Maximum call stack/.test(message) ? ' (a partial includes itself)' : ''}`, sources.main.name);
    }
  };
}
