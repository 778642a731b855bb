// The commander program: parses argv into checked options and hands them to one command module each.
import { Command, CommanderError, Option } from 'commander';
import { createReporter, type Streams } from './reporter.js';
import { ExitCode, BulletinError } from '../diagnostics/exitCodes.js';
import { packageInfo } from '../packageInfo.js';
import { chooseLang, langIsExplicit, LANGS, type Lang } from '../i18n/lang.js';

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

const EXIT_CODES = `
Exit codes:
  0    no errors (warnings may have been printed)
  1    errors in the sources (or warnings, with --fail-on-warnings)
  2    usage error: unknown option, path not found
  3    rendering failed (template error, contents check of the PDF failed)
  4    browser not found, failed to start, crashed or hung
  5    an output could not be written
  70   internal error (a bug: please report it)
  130  interrupted (Ctrl-C); 143 terminated (SIGTERM)`;

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

  const program = new Command('bulletin')
    .description('Compile periodic work bulletins (简报 / 工作动态) from YAML sources into print-ready PDF and HTML.')
    .version(packageInfo().version, '-V, --version')
    .option('-q, --quiet', 'print only results and errors')
    .option('--verbose', 'print each step')
    .addOption(new Option('--lang <lang>', 'language of messages and help: zh (简体中文) or en (also BULLETIN_LANG, `lang:` in bulletin.yaml, the locale)').choices(LANGS))
    .configureOutput({
      writeOut: (s) => void streams.stdout.write(s),
      writeErr: (s) => void streams.stderr.write(s),
    })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', `
Examples:
  $ bulletin validate examples/seed           check a series: schema, numbering, images
  $ bulletin validate --format github .       annotations for a CI job
  $ bulletin inspect examples/seed/issues/2018-02.yaml
  $ bulletin build examples/seed -o dist      PDF and HTML of every issue
  $ bulletin import 清河街道.docx              a Word submission → an article of the newest issue
${EXIT_CODES}`);

  program
    .command('validate')
    .description('check issue sources and series files: YAML, schema, numbering, ids, images')
    .argument('[paths...]', 'issue files or series folders (default: the current folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['human', 'json', 'github']).default('human'))
    .option('--fail-on-warnings', 'exit 1 when there are warnings too')
    .option('--fix', 'apply the safe copy-editing fixes (text-* warnings) in place, then check again')
    .addHelpText('after', `
Examples:
  $ bulletin validate                          the series in the current folder
  $ bulletin validate issues/2018-02.yaml      one issue (numbering is checked against its series)
  $ bulletin validate --format json . > report.json
  $ bulletin validate --format github .        ::error file=…,line=…,col=…:: lines for GitHub Actions
  $ bulletin validate --fix .                  half-width punctuation, quotes, dashes … corrected in place
${EXIT_CODES}`)
    .action(async (paths: string[], opts: { format: 'human' | 'json' | 'github'; failOnWarnings?: boolean; fix?: boolean }, cmd: Command) => {
      const { validateCommand } = await import('./validateCommand.js');
      exitCode = await validateCommand(paths, { format: opts.format, failOnWarnings: Boolean(opts.failOnWarnings), fix: Boolean(opts.fix), cwd }, await reporterFor(cmd, paths[0]));
    });

  program
    .command('import')
    .description('turn Word submissions (.docx) into articles of an issue: title, text, headings, bold, tables, notes, photos, 供稿 line')
    .argument('<files...>', 'the .docx files, one article each')
    .option('--issue <file>', 'the issue file to add to (default: the newest issue of the series in the current folder)')
    .option('--section <label>', 'the section (栏目) to add to, created if absent (default: the issue\'s first section)')
    .option('--dry-run', 'print the YAML that would be added; write nothing')
    .addHelpText('after', `
Examples:
  $ bulletin import 清河街道.docx                         into the newest issue's first section
  $ bulletin import *.docx --section 工作动态 --issue issues/2026-22.yaml
  $ bulletin import 北湖镇.docx --dry-run                 see the article's YAML first
${EXIT_CODES}`)
    .action(async (files: string[], opts: { issue?: string; section?: string; dryRun?: boolean }, cmd: Command) => {
      const { importCommand } = await import('./importCommand.js');
      exitCode = await importCommand(files, { ...opts, cwd }, await reporterFor(cmd, opts.issue));
    });

  program
    .command('inspect')
    .description('print what the templates receive for an issue, as JSON: issue line, date line, contents, sections, articles with their HTML')
    .argument('<issue-file>', 'an issue source (.yaml)')
    .option('--paginated', 'print the issue in the browser first: real contents page numbers, and where each section and article starts')
    .option('--browser <path>', 'Chrome or Chromium to use with --paginated')
    .addHelpText('after', `
Examples:
  $ bulletin inspect examples/seed/issues/2018-02.yaml | jq .issueLine
  "2018年第2期（总第11期）"
  $ bulletin inspect --paginated examples/seed/issues/2018-02.yaml | jq .pagination.starts
  { "section-1": 1, "kunming-meeting": 1, "shanghai-acceptance": 4 }`)
    .action(async (file: string, opts: { paginated?: boolean; browser?: string }, cmd: Command) => {
      const { inspectCommand } = await import('./inspectCommand.js');
      exitCode = await inspectCommand(file, { cwd, env, paginated: opts.paginated, browser: opts.browser }, await reporterFor(cmd, file));
    });

  program
    .command('build')
    .description('build the print-ready PDF and the HTML page of issues')
    .argument('[paths...]', 'issue files or series folders (default: the current folder)')
    .option('-o, --out-dir <dir>', 'output folder', 'dist')
    .option('--pdf', 'write only the PDF')
    .option('--html', 'write only the HTML page (the browser still paginates it for the contents)')
    .option('--html-single', 'also write the HTML page as one self-contained file, <issue>.single.html (styles and photos inside), to send or open from a chat')
    .option('--wechat', 'also write the WeChat (公众号) article of each issue: <issue>.wechat/wechat.html (preview with a copy button), article.html and the photos numbered for upload')
    .option('--ofd', 'also write each issue as OFD (GB/T 33190), <issue>.ofd, converted from its PDF (also `output.ofd: true` in bulletin.yaml)')
    .option('--browser <path>', 'Chrome or Chromium to use (also BULLETIN_BROWSER, PUPPETEER_EXECUTABLE_PATH)')
    .option('--yearbook <year>', 'also bind the year\'s regular issues into one PDF (合订本) with its own contents')
    .option('--no-pdfa', 'write plain PDFs, not PDF/A-2u (the archival form; also `output.pdfa: false` in bulletin.yaml)')
    .option('--fail-on-warnings', 'exit 1 when there are warnings too (a PDF over its size budget, a photo too small for print …)')
    .addHelpText('after', `
Examples:
  $ bulletin build examples/seed                      dist/2018-02.pdf, dist/2018-02.html, dist/2018-02_files/
  $ bulletin build examples/demo --yearbook 2025      and dist/yearbook-2025.pdf
  $ bulletin build issues/2018-02.yaml -o out --pdf   only the PDF, into out/
  $ bulletin build examples/seed --pdf --html-single  dist/2018-02.pdf and dist/2018-02.single.html
  $ bulletin build examples/office --wechat           and dist/2026-22.wechat/ (wechat.html, article.html, 01.jpg …)
  $ bulletin build examples/seed --pdf --ofd          dist/2018-02.pdf and dist/2018-02.ofd
  $ BULLETIN_BROWSER=/usr/bin/chromium bulletin build .

The contents page numbers come from the real pagination: the issue is printed, its pages read back,
the contents filled in and printed again, and the result is checked before it is written.
${EXIT_CODES}`)
    .action(async (paths: string[], opts: { outDir: string; pdf?: boolean; html?: boolean; htmlSingle?: boolean; wechat?: boolean; ofd?: boolean; browser?: string; yearbook?: string; pdfa?: boolean; failOnWarnings?: boolean }, cmd: Command) => {
      const yearbook = opts.yearbook === undefined ? undefined : Number(opts.yearbook);
      if (yearbook !== undefined && !(Number.isInteger(yearbook) && yearbook >= 1900 && yearbook <= 2999)) {
        throw new BulletinError(`--yearbook ${opts.yearbook} is not a year`, ExitCode.Usage, 'For example: --yearbook 2025');
      }
      const { buildCommand } = await import('./buildCommand.js');
      exitCode = await buildCommand(paths, { ...opts, yearbook, cwd, env }, await reporterFor(cmd, paths[0]));
    });

  program
    .command('preview')
    .description('serve a series on 127.0.0.1 and rebuild an issue when its source is saved')
    .argument('[path]', 'a series folder or an issue file (default: the current folder)')
    .option('-p, --port <port>', 'port on 127.0.0.1 (0: any free port)', '4173')
    .option('--browser <path>', 'Chrome or Chromium to use')
    .addHelpText('after', `
Examples:
  $ bulletin preview examples/seed            open http://127.0.0.1:4173/ in a browser
  $ bulletin preview --port 8080

Each issue is shown as its PDF (paginated, as printed) and as its HTML page. Saving a source
rebuilds that issue and reloads the open page; invalid sources show their diagnostics on the page
and in the terminal, and the preview keeps serving.`)
    .action(async (target: string | undefined, opts: { port: string; browser?: string }, cmd: Command) => {
      const port = /^\d{1,5}$/.test(opts.port) ? Number(opts.port) : NaN;
      if (!(port >= 0 && port <= 65535)) throw new BulletinError(`--port ${opts.port} is not a port number`, ExitCode.Usage, 'Give a number from 1 to 65535, or 0 for any free port: --port 8080');
      const { previewCommand } = await import('./previewCommand.js');
      exitCode = await previewCommand(target, { port, browser: opts.browser, cwd, env }, await reporterFor(cmd, target));
    });

  program
    .command('doctor')
    .description('check the browser, the fonts and the output folder, and say what to do about anything missing')
    .argument('[series]', 'series folder whose fonts to report (default: the series of the current folder, if any)')
    .option('--browser <path>', 'Chrome or Chromium to check')
    .option('-o, --out-dir <dir>', 'output folder to check', 'dist')
    .action(async (series: string | undefined, opts: { browser?: string; outDir: string }, cmd: Command) => {
      const { doctorCommand } = await import('./doctorCommand.js');
      exitCode = await doctorCommand({ ...opts, ...(series !== undefined ? { series } : {}), cwd, env }, await reporterFor(cmd, series));
    });

  program
    .command('init')
    .description('start a series: bulletin.yaml with every option explained, a first issue, .gitignore, a CI workflow')
    .argument('[dir]', 'folder of the new series (default: the current folder)')
    .addHelpText('after', `
Examples:
  $ bulletin init my-bulletin && cd my-bulletin
  $ bulletin validate && bulletin build`)
    .action(async (dir: string | undefined, _opts: unknown, cmd: Command) => {
      const { initCommand } = await import('./initCommand.js');
      exitCode = await initCommand(dir, { cwd }, await reporterFor(cmd, dir));
    });

  program
    .command('new')
    .description('write the next issue file of a series, numbered from the date')
    .argument('[series-dir]', 'the series folder (default: the current folder)')
    .option('--date <YYYY-MM-DD>', 'publication date (default: today)')
    .option('--supplement', 'a supplement (增刊): numbered in its own sequence')
    .option('--special <label>', 'a special issue (专刊) with this label')
    .addHelpText('after', `
Examples:
  $ bulletin new examples/seed --date 2018-12-30     issues/2018-03.yaml: 2018年第3期（总第12期）
  $ bulletin new --date 2019-01-15                   a new year restarts the number: 2019年第1期
  $ bulletin new --supplement --date 2019-02-01      2019-zk1.yaml: 2019年增刊第1期

The new file takes the previous issue's section labels with no articles yet; it never
overwrites an existing file.`)
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
