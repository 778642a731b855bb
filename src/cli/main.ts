// The commander program: parses argv into checked options and hands them to one command module each.
import { Command, CommanderError, Help, Option } from 'commander';
import { createReporter, type Streams } from './reporter.js';
import { ExitCode, BulletinError } from '../diagnostics/exitCodes.js';
import { packageInfo } from '../packageInfo.js';
import { chooseLang, langIsExplicit, LANGS, type Lang } from '../i18n/lang.js';
import { msg, translator, type Message } from '../i18n/message.js';
import { displayWidth } from '../diagnostics/codeFrame.js';

/** `--lang` as given before any command runs (help is written before commander parses). */
export function langFlag(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') found = argv[i + 1];
    else if (arg.startsWith('--lang=')) found = arg.slice('--lang='.length);
  }
  return found;
}

export interface MainContext extends Partial<Streams> {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export async function main(argv: readonly string[], context: MainContext = {}): Promise<number> {
  const streams: Streams = { stdout: context.stdout ?? process.stdout, stderr: context.stderr ?? process.stderr };
  const cwd = context.cwd ?? process.cwd();
  const env = context.env ?? process.env;
  let exitCode: number = ExitCode.Ok;
  const global = (cmd: Command) => cmd.optsWithGlobals() as { quiet?: boolean; verbose?: boolean; lang?: string };
  const flag = langFlag(argv);
  // Before a series is read: --lang, BULLETIN_LANG, the locale. Help and usage errors speak this.
  const startLang: Lang = chooseLang({ flag, env });
  /** The language of the command running (its series' once read): an error that ends it speaks it too. */
  let lang: Lang = startLang;
  /** A command's reporter, in the language of the series it works on when neither flag nor variable chose one. */
  const reporterFor = async (cmd: Command, target?: string): Promise<ReturnType<typeof createReporter>> => {
    if (!langIsExplicit({ flag, env })) {
      const { seriesLang } = await import('../source/seriesLang.js');
      const { nodeIo } = await import('../io.js');
      lang = chooseLang({ flag, env, series: await seriesLang(nodeIo, cwd, target) });
    }
    return createReporter(streams, { ...global(cmd), env, lang });
  };

  const h = translator(startLang);
  const exitCodes = `\n${h.t('cli.help.exit-codes')}`;
  const examples = (text: string) => `\n${text}`;

  const program = new Command('bulletin')
    .description(h.t('cli.help.program'))
    .version(packageInfo().version, '-V, --version', h.t('cli.help.version'))
    .helpOption('-h, --help', h.t('cli.help.help'))
    .helpCommand('help [command]', h.t('cli.help.help'))
    .option('-q, --quiet', h.t('cli.help.quiet'))
    .option('--verbose', h.t('cli.help.verbose'))
    .addOption(new Option('--lang <lang>', h.t('cli.help.lang')).choices(LANGS))
    .configureHelp(localHelp(startLang))
    .configureOutput({
      writeOut: (s) => void streams.stdout.write(s),
      writeErr: (s) => void streams.stderr.write(s),
      // Commander's error sentences are English: main() writes them from their code, in the chosen language.
      outputError: () => undefined,
    })
    .exitOverride()
    .addHelpText('after', `${examples(h.t('cli.help.program.examples'))}\n${exitCodes}`);

  program
    .command('validate')
    .description(h.t('cli.help.validate'))
    .argument('[paths...]', h.t('cli.help.validate.paths'))
    .addOption(new Option('-f, --format <format>', h.t('cli.help.validate.format')).choices(['human', 'json', 'github']).default('human'))
    .option('--fail-on-warnings', h.t('cli.help.validate.fail-on-warnings'))
    .option('--fix', h.t('cli.help.validate.fix'))
    .addHelpText('after', `${examples(h.t('cli.help.validate.examples'))}\n${exitCodes}`)
    .action(async (paths: string[], opts: { format: 'human' | 'json' | 'github'; failOnWarnings?: boolean; fix?: boolean }, cmd: Command) => {
      const { validateCommand } = await import('./validateCommand.js');
      exitCode = await validateCommand(paths, { format: opts.format, failOnWarnings: Boolean(opts.failOnWarnings), fix: Boolean(opts.fix), cwd }, await reporterFor(cmd, paths[0]));
    });

  program
    .command('import')
    .description(h.t('cli.help.import'))
    .argument('<files...>', h.t('cli.help.import.files'))
    .option('--issue <file>', h.t('cli.help.import.issue'))
    .option('--section <label>', h.t('cli.help.import.section'))
    .option('--dry-run', h.t('cli.help.import.dry-run'))
    .addHelpText('after', `${examples(h.t('cli.help.import.examples'))}\n${exitCodes}`)
    .action(async (files: string[], opts: { issue?: string; section?: string; dryRun?: boolean }, cmd: Command) => {
      const { importCommand } = await import('./importCommand.js');
      exitCode = await importCommand(files, { ...opts, cwd }, await reporterFor(cmd, opts.issue));
    });

  program
    .command('inspect')
    .description(h.t('cli.help.inspect'))
    .argument('<issue-file>', h.t('cli.help.inspect.file'))
    .option('--paginated', h.t('cli.help.inspect.paginated'))
    .option('--browser <path>', h.t('cli.help.inspect.browser'))
    .addHelpText('after', examples(h.t('cli.help.inspect.examples')))
    .action(async (file: string, opts: { paginated?: boolean; browser?: string }, cmd: Command) => {
      const { inspectCommand } = await import('./inspectCommand.js');
      exitCode = await inspectCommand(file, { cwd, env, paginated: opts.paginated, browser: opts.browser }, await reporterFor(cmd, file));
    });

  program
    .command('build')
    .description(h.t('cli.help.build'))
    .argument('[paths...]', h.t('cli.help.validate.paths'))
    .option('-o, --out-dir <dir>', h.t('cli.help.build.out-dir'), 'dist')
    .option('--pdf', h.t('cli.help.build.pdf'))
    .option('--html', h.t('cli.help.build.html'))
    .option('--html-single', h.t('cli.help.build.html-single'))
    .option('--wechat', h.t('cli.help.build.wechat'))
    .option('--ofd', h.t('cli.help.build.ofd'))
    .option('--browser <path>', h.t('cli.help.build.browser'))
    .option('--yearbook <year>', h.t('cli.help.build.yearbook'))
    .option('--no-pdfa', h.t('cli.help.build.no-pdfa'))
    .option('--fail-on-warnings', h.t('cli.help.build.fail-on-warnings'))
    .addHelpText('after', `${examples(h.t('cli.help.build.examples'))}\n${exitCodes}`)
    .action(async (paths: string[], opts: { outDir: string; pdf?: boolean; html?: boolean; htmlSingle?: boolean; wechat?: boolean; ofd?: boolean; browser?: string; yearbook?: string; pdfa?: boolean; failOnWarnings?: boolean }, cmd: Command) => {
      const yearbook = opts.yearbook === undefined ? undefined : Number(opts.yearbook);
      if (yearbook !== undefined && !(Number.isInteger(yearbook) && yearbook >= 1900 && yearbook <= 2999)) {
        throw new BulletinError(msg('cli.error.yearbook', { value: opts.yearbook! }), ExitCode.Usage, msg('cli.error.yearbook.hint'));
      }
      const { buildCommand } = await import('./buildCommand.js');
      exitCode = await buildCommand(paths, { ...opts, yearbook, cwd, env }, await reporterFor(cmd, paths[0]));
    });

  program
    .command('preview')
    .description(h.t('cli.help.preview'))
    .argument('[path]', h.t('cli.help.preview.path'))
    .option('-p, --port <port>', h.t('cli.help.preview.port'), '4173')
    .option('--browser <path>', h.t('cli.help.preview.browser'))
    .addHelpText('after', examples(h.t('cli.help.preview.examples')))
    .action(async (target: string | undefined, opts: { port: string; browser?: string }, cmd: Command) => {
      const port = /^\d{1,5}$/.test(opts.port) ? Number(opts.port) : NaN;
      if (!(port >= 0 && port <= 65535)) throw new BulletinError(msg('cli.error.port', { value: opts.port }), ExitCode.Usage, msg('cli.error.port.hint'));
      const { previewCommand } = await import('./previewCommand.js');
      exitCode = await previewCommand(target, { port, browser: opts.browser, cwd, env }, await reporterFor(cmd, target));
    });

  program
    .command('doctor')
    .description(h.t('cli.help.doctor'))
    .argument('[series]', h.t('cli.help.doctor.series'))
    .option('--browser <path>', h.t('cli.help.doctor.browser'))
    .option('-o, --out-dir <dir>', h.t('cli.help.doctor.out-dir'), 'dist')
    .action(async (series: string | undefined, opts: { browser?: string; outDir: string }, cmd: Command) => {
      const { doctorCommand } = await import('./doctorCommand.js');
      exitCode = await doctorCommand({ ...opts, ...(series !== undefined ? { series } : {}), cwd, env }, await reporterFor(cmd, series));
    });

  program
    .command('init')
    .description(h.t('cli.help.init'))
    .argument('[dir]', h.t('cli.help.init.dir'))
    .addHelpText('after', examples(h.t('cli.help.init.examples')))
    .action(async (dir: string | undefined, _opts: unknown, cmd: Command) => {
      const { initCommand } = await import('./initCommand.js');
      exitCode = await initCommand(dir, { cwd }, await reporterFor(cmd, dir));
    });

  program
    .command('new')
    .description(h.t('cli.help.new'))
    .argument('[series-dir]', h.t('cli.help.new.dir'))
    .option('--date <YYYY-MM-DD>', h.t('cli.help.new.date'))
    .option('--supplement', h.t('cli.help.new.supplement'))
    .option('--special <label>', h.t('cli.help.new.special'))
    .addHelpText('after', examples(h.t('cli.help.new.examples')))
    .action(async (dir: string | undefined, opts: { date?: string; supplement?: boolean; special?: string }, cmd: Command) => {
      const { newCommand } = await import('./newCommand.js');
      exitCode = await newCommand(dir, { ...opts, cwd }, await reporterFor(cmd, dir));
    });

  if (argv.length === 0) {
    streams.stderr.write(program.helpInformation());
    return ExitCode.Usage;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.Ok;
      const reporter = createReporter(streams, { env, lang: startLang });
      const { message, hint } = usageError(program, error, startLang);
      reporter.error(message, hint);
      streams.stderr.write(`${reporter.t('cli.error.run-help')}\n`);
      return ExitCode.Usage;
    }
    if (error instanceof BulletinError) {
      const { message, hint } = error.describe(lang);
      createReporter(streams, { env, lang }).error(message, hint);
      return error.exitCode;
    }
    // Anything else is a bug: one line for people, where it happened for the report under --verbose.
    const { verbose } = program.opts<{ verbose?: boolean }>();
    const reporter = createReporter(streams, { env, verbose, lang });
    const reason = error instanceof Error ? error.message : String(error);
    reporter.error(reporter.t('error.internal', { reason }), verbose ? undefined : reporter.t('error.internal.hint'));
    if (error instanceof Error && error.stack) reporter.verbose(error.stack);
    return ExitCode.InternalError;
  }
  return exitCode;
}

/** Commander's help in a language: its headings, the extras after an option's text, widths of Chinese text. */
function localHelp(lang: Lang): Partial<Help> {
  const h = translator(lang);
  const titles: Record<string, string> = {
    'Usage:': h.t('cli.help.title.usage'),
    'Arguments:': h.t('cli.help.title.arguments'),
    'Options:': h.t('cli.help.title.options'),
    'Global Options:': h.t('cli.help.title.global-options'),
    'Commands:': h.t('cli.help.title.commands'),
  };
  const list = (values: readonly string[]) => (lang === 'zh' ? values.join('、') : values.map((v) => JSON.stringify(v)).join(', '));
  const extras = (description: string, extra: string[]) => {
    if (extra.length === 0) return description;
    const joined = extra.join(lang === 'zh' ? '；' : ', ');
    const bracketed = lang === 'zh' ? `（${joined}）` : `(${joined})`;
    return description ? `${description}${lang === 'zh' ? '' : ' '}${bracketed}` : bracketed;
  };
  return {
    styleTitle: (title) => titles[title] ?? title,
    optionDescription: (option) => {
      const extra: string[] = [];
      if (option.argChoices) extra.push(h.t('cli.help.choices', { values: list(option.argChoices) }));
      if (option.defaultValue !== undefined && (option.required || option.optional)) {
        extra.push(h.t('cli.help.default', { value: option.defaultValueDescription ?? (lang === 'zh' ? String(option.defaultValue) : JSON.stringify(option.defaultValue)) }));
      }
      return extras(option.description, extra);
    },
    argumentDescription: (argument) => {
      const extra: string[] = [];
      if (argument.argChoices) extra.push(h.t('cli.help.choices', { values: list(argument.argChoices) }));
      if (argument.defaultValue !== undefined) extra.push(h.t('cli.help.default', { value: argument.defaultValueDescription ?? JSON.stringify(argument.defaultValue) }));
      return extras(argument.description, extra);
    },
    // Chinese characters take two columns: pad and wrap by what the terminal shows.
    displayWidth: (text) => displayWidth(text.replace(/\x1b\[\d*(?:;\d+)*m/g, '')),
    ...(lang === 'zh'
      ? {
          boxWrap: wrapChinese,
          // No space after the full-width colon of 「用法：」.
          formatHelp(this: Help, cmd: Command, helper: Help) {
            const text = Help.prototype.formatHelp.call(this, cmd, helper);
            return text.startsWith(`${titles['Usage:']} `) ? titles['Usage:'] + text.slice(titles['Usage:']!.length + 1) : text;
          },
        }
      : {}),
  };
}

/** Chunks to wrap at: a run of Latin text, or one Chinese character with the closing marks after it. */
const CHUNK = /\s*(?:[\p{Script=Han}\u3000-\u303f\uff00-\uffef（《「【“‘][，。、；：！？）》」】”’…]*|[^\s\p{Script=Han}\u3000-\u303f\uff00-\uffef（《「【“‘]+)/gu;

/** Commander's boxWrap, breaking between Chinese characters too (its own breaks only at spaces). */
function wrapChinese(this: { minWidthToWrap: number }, text: string, width: number): string {
  if (width < this.minWidthToWrap) return text;
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const chunks = line.match(CHUNK)?.filter((c) => c !== '') ?? [];
    if (chunks.length === 0) {
      out.push('');
      continue;
    }
    let current = chunks.shift()!;
    for (const chunk of chunks) {
      if (displayWidth(current) + displayWidth(chunk) <= width) current += chunk;
      else {
        out.push(current);
        current = chunk.trimStart();
      }
    }
    out.push(current);
  }
  return out.join('\n');
}

/** The single-quoted names in commander's message: its parameters (the option, the value, the command). */
function quoted(message: string): string[] {
  return [...message.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}

/** A commander usage error in the catalogue's words, chosen by its code; an unknown code keeps commander's text. */
function usageError(program: Command, error: CommanderError, lang: Lang): { message: Message | string; hint?: Message } {
  const names = quoted(error.message);
  const commands = new Map(program.commands.map((c) => [c.name(), c]));
  // The names commander suggests ("Did you mean …?"): those of the program's commands and options it lists.
  const known = new Set([...commands.keys(), ...[program, ...program.commands].flatMap((c) => c.options.flatMap((o) => [o.long, o.short]))].filter((n): n is string => Boolean(n)));
  const [first = '', ...rest] = error.message.split('\n');
  const suggested = rest.join(' ').split(/[\s,?()]+/).filter((word) => known.has(word));
  const list = (values: readonly string[]) => (lang === 'zh' ? values.map((v) => `\`${v}\``).join('、') : values.join(', '));
  const hint = suggested.length ? msg('cli.error.did-you-mean', { names: list(suggested) }) : undefined;
  switch (error.code) {
    case 'commander.unknownOption':
      return { message: msg('cli.error.unknown-option', { option: names[0] ?? '' }), hint };
    case 'commander.unknownCommand':
      return { message: msg('cli.error.unknown-command', { command: names[0] ?? '' }), hint };
    case 'commander.missingArgument':
      return { message: msg('cli.error.missing-argument', { argument: names[0] ?? '' }) };
    case 'commander.optionMissingArgument':
      return { message: msg('cli.error.option-missing-argument', { option: names[0] ?? '' }) };
    case 'commander.invalidArgument': {
      const option = [program, ...program.commands].flatMap((c) => c.options).find((o) => o.flags === names[0]);
      if (option?.argChoices && names[1] !== undefined) {
        return { message: msg('cli.error.invalid-choice', { option: option.long ?? option.flags, value: names[1], choices: list(option.argChoices) }) };
      }
      break;
    }
    case 'commander.excessArguments': {
      const counts = /(\d+)\D+(\d+)/.exec(first);
      const [expected, got] = counts ? [Number(counts[1]), Number(counts[2])] : [0, 0];
      return { message: msg('cli.error.excess-arguments', { command: names[0] ?? 'bulletin', expected, got }) };
    }
  }
  return { message: first.replace(/^error: /, ''), hint };
}
