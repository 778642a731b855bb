// Messages of the command line: src/cli/ (help texts, progress, summaries, usage errors).
// Each entry: { en, zh }; placeholders `{name}` (or `{count|one|other}` for an English plural) the same in both.
import type { Entries } from '../entries.js';

export const cliMessages = {
  // Commander's own words: headings, the help and version options, the extras after an option's text.
  'cli.help.title.usage': { en: 'Usage:', zh: '用法：' },
  'cli.help.title.arguments': { en: 'Arguments:', zh: '参数：' },
  'cli.help.title.options': { en: 'Options:', zh: '选项：' },
  'cli.help.title.global-options': { en: 'Global Options:', zh: '全局选项：' },
  'cli.help.title.commands': { en: 'Commands:', zh: '命令：' },
  'cli.help.help': { en: 'display help for command', zh: '显示命令的帮助' },
  'cli.help.version': { en: 'output the version number', zh: '显示版本号' },
  'cli.help.choices': { en: 'choices: {values}', zh: '可选：{values}' },
  'cli.help.default': { en: 'default: {value}', zh: '默认：{value}' },

  // The program.
  'cli.help.program': {
    en: 'Compile periodic work bulletins (简报 / 工作动态) from YAML sources into print-ready PDF and HTML.',
    zh: '把 YAML 源文件编排成简报（工作动态），生成印刷用 PDF 和网页版（HTML）。',
  },
  'cli.help.quiet': { en: 'print only results and errors', zh: '只显示结果和错误' },
  'cli.help.verbose': { en: 'print each step', zh: '显示每一步' },
  'cli.help.lang': {
    en: 'language of messages and help: zh (简体中文) or en (also BULLETIN_LANG, `lang:` in bulletin.yaml, the locale)',
    zh: '提示和帮助的语言：zh（简体中文）或 en（英文）；也可由环境变量 BULLETIN_LANG、bulletin.yaml 中的 `lang:` 或系统区域设置决定',
  },
  'cli.help.program.examples': {
    en: `Examples:
  $ bulletin validate examples/seed           check a series: schema, numbering, images
  $ bulletin validate --format github .       annotations for a CI job
  $ bulletin inspect examples/seed/issues/2018-02.yaml
  $ bulletin build examples/seed -o dist      PDF and HTML of every issue
  $ bulletin import 清河街道.docx              a Word submission → an article of the newest issue`,
    zh: `示例：
  $ bulletin validate examples/seed           检查一个刊物：结构、编号、图片
  $ bulletin validate --format github .       在持续集成（CI）中给出标注
  $ bulletin inspect examples/seed/issues/2018-02.yaml
  $ bulletin build examples/seed -o dist      生成每一期的 PDF 和网页版
  $ bulletin import 清河街道.docx              把 Word 来稿加为最新一期的一篇文章`,
  },
  'cli.help.exit-codes': {
    en: `Exit codes:
  0    no errors (warnings may have been printed)
  1    errors in the sources (or warnings, with --fail-on-warnings)
  2    usage error: unknown option, path not found
  3    rendering failed (template error, contents check of the PDF failed)
  4    browser not found, failed to start, crashed or hung
  5    an output could not be written
  70   internal error (a bug: please report it)
  130  interrupted (Ctrl-C); 143 terminated (SIGTERM)`,
    zh: `退出码：
  0    没有错误（可能显示了警告）
  1    源文件有错误（加 --fail-on-warnings 时，有警告也算）
  2    用法错误：未知选项、路径不存在等
  3    排版失败（模板出错，或 PDF 的目录核对未通过）
  4    找不到浏览器，或浏览器无法启动、崩溃、无响应
  5    无法写入输出文件
  70   内部错误（程序缺陷，请报告）
  130  被中断（Ctrl-C）；143 被终止（SIGTERM）`,
  },

  // validate
  'cli.help.validate': { en: 'check issue sources and series files: YAML, schema, numbering, ids, images', zh: '检查期文件和刊物配置文件：YAML 语法、结构、编号、标识、图片' },
  'cli.help.validate.paths': { en: 'issue files or series folders (default: the current folder)', zh: '期文件或刊物文件夹（默认：当前文件夹）' },
  'cli.help.validate.format': { en: 'output format', zh: '输出格式' },
  'cli.help.validate.fail-on-warnings': { en: 'exit 1 when there are warnings too', zh: '有警告时也以退出码1结束' },
  'cli.help.validate.fix': { en: 'apply the safe copy-editing fixes (text-* warnings) in place, then check again', zh: '直接在源文件中作稳妥的文字校对修正（text-* 警告），然后重新检查' },
  'cli.help.validate.examples': {
    en: `Examples:
  $ bulletin validate                          the series in the current folder
  $ bulletin validate issues/2018-02.yaml      one issue (numbering is checked against its series)
  $ bulletin validate --format json . > report.json
  $ bulletin validate --format github .        ::error file=…,line=…,col=…:: lines for GitHub Actions
  $ bulletin validate --fix .                  half-width punctuation, quotes, dashes … corrected in place`,
    zh: `示例：
  $ bulletin validate                          检查当前文件夹中的刊物
  $ bulletin validate issues/2018-02.yaml      检查一期（编号按所属刊物核对）
  $ bulletin validate --format json . > report.json
  $ bulletin validate --format github .        输出 GitHub Actions 的 ::error file=…,line=…,col=…:: 行
  $ bulletin validate --fix .                  直接修正半角标点、引号、破折号等`,
  },

  // import
  'cli.help.import': { en: 'turn Word submissions (.docx) into articles of an issue: title, text, headings, bold, tables, notes, photos, 供稿 line', zh: '把 Word 来稿（.docx）转为一期中的文章：标题、正文、小标题、加粗、表格、注释、图片、供稿单位' },
  'cli.help.import.files': { en: 'the .docx files, one article each', zh: '.docx 文件，每个文件一篇文章' },
  'cli.help.import.issue': { en: 'the issue file to add to (default: the newest issue of the series in the current folder)', zh: '要加入的期文件（默认：当前文件夹中刊物的最新一期）' },
  'cli.help.import.section': { en: 'the section (栏目) to add to, created if absent (default: the issue\'s first section)', zh: '要加入的栏目，没有则新建（默认：这一期的第一个栏目）' },
  'cli.help.import.dry-run': { en: 'print the YAML that would be added; write nothing', zh: '只显示将要加入的 YAML，不写入任何文件' },
  'cli.help.import.examples': {
    en: `Examples:
  $ bulletin import 清河街道.docx                         into the newest issue's first section
  $ bulletin import *.docx --section 工作动态 --issue issues/2026-22.yaml
  $ bulletin import 北湖镇.docx --dry-run                 see the article's YAML first`,
    zh: `示例：
  $ bulletin import 清河街道.docx                         加入最新一期的第一个栏目
  $ bulletin import *.docx --section 工作动态 --issue issues/2026-22.yaml
  $ bulletin import 北湖镇.docx --dry-run                 先看文章的 YAML`,
  },

  // inspect
  'cli.help.inspect': { en: 'print what the templates receive for an issue, as JSON: issue line, date line, contents, sections, articles with their HTML', zh: '以 JSON 显示模板收到的一期内容：期号行、日期、目录、栏目、文章及其 HTML' },
  'cli.help.inspect.file': { en: 'an issue source (.yaml)', zh: '期文件（.yaml）' },
  'cli.help.inspect.paginated': { en: 'print the issue in the browser first: real contents page numbers, and where each section and article starts', zh: '先在浏览器中排版这一期：给出目录的实际页码，以及每个栏目和文章的起始页' },
  'cli.help.inspect.browser': { en: 'Chrome or Chromium to use with --paginated', zh: '与 --paginated 一起使用的 Chrome 或 Chromium' },
  'cli.help.inspect.examples': {
    en: `Examples:
  $ bulletin inspect examples/seed/issues/2018-02.yaml | jq .issueLine
  "2018年第2期（总第11期）"
  $ bulletin inspect --paginated examples/seed/issues/2018-02.yaml | jq .pagination.starts
  { "section-1": 1, "kunming-meeting": 1, "shanghai-acceptance": 4 }`,
    zh: `示例：
  $ bulletin inspect examples/seed/issues/2018-02.yaml | jq .issueLine
  "2018年第2期（总第11期）"
  $ bulletin inspect --paginated examples/seed/issues/2018-02.yaml | jq .pagination.starts
  { "section-1": 1, "kunming-meeting": 1, "shanghai-acceptance": 4 }`,
  },

  // build
  'cli.help.build': { en: 'build the print-ready PDF and the HTML page of issues', zh: '生成各期的印刷用 PDF 和网页版' },
  'cli.help.build.out-dir': { en: 'output folder', zh: '输出文件夹' },
  'cli.help.build.pdf': { en: 'write only the PDF', zh: '只生成 PDF' },
  'cli.help.build.html': { en: 'write only the HTML page (the browser still paginates it for the contents)', zh: '只生成网页版（浏览器仍要排版一次，以得出目录页码）' },
  'cli.help.build.html-single': { en: 'also write the HTML page as one self-contained file, <issue>.single.html (styles and photos inside), to send or open from a chat', zh: '另生成单文件网页版 <issue>.single.html（样式和图片都在文件内），便于在聊天软件中发送和打开' },
  'cli.help.build.wechat': { en: 'also write the WeChat (公众号) article of each issue: <issue>.wechat/wechat.html (preview with a copy button), article.html and the photos numbered for upload', zh: '另生成每期的公众号文章：<issue>.wechat/wechat.html（带复制按钮的预览）、article.html 和按序编号、供上传的图片' },
  'cli.help.build.ofd': { en: 'also write each issue as OFD (GB/T 33190), <issue>.ofd, converted from its PDF (also `output.ofd: true` in bulletin.yaml)', zh: '另由 PDF 转出每期的 OFD 版式文件（GB/T 33190）<issue>.ofd（也可在 bulletin.yaml 中写 `output.ofd: true`）' },
  'cli.help.build.browser': { en: 'Chrome or Chromium to use (also BULLETIN_BROWSER, PUPPETEER_EXECUTABLE_PATH)', zh: '使用的 Chrome 或 Chromium（也可用环境变量 BULLETIN_BROWSER、PUPPETEER_EXECUTABLE_PATH 指定）' },
  'cli.help.build.yearbook': { en: 'also bind the year\'s regular issues into one PDF (合订本) with its own contents', zh: '另把这一年的常规各期装订成一个带目录的合订本 PDF' },
  'cli.help.build.no-pdfa': { en: 'write plain PDFs, not PDF/A-2u (the archival form; also `output.pdfa: false` in bulletin.yaml)', zh: '生成普通 PDF，而不是 PDF/A-2u 归档格式（也可在 bulletin.yaml 中写 `output.pdfa: false`）' },
  'cli.help.build.fail-on-warnings': { en: 'exit 1 when there are warnings too (a PDF over its size budget, a photo too small for print …)', zh: '有警告时也以退出码1结束（如 PDF 超过大小限制、图片精度不够印刷等）' },
  'cli.help.build.examples': {
    en: `Examples:
  $ bulletin build examples/seed                      dist/2018-02.pdf, dist/2018-02.html, dist/2018-02_files/
  $ bulletin build examples/demo --yearbook 2025      and dist/yearbook-2025.pdf
  $ bulletin build issues/2018-02.yaml -o out --pdf   only the PDF, into out/
  $ bulletin build examples/seed --pdf --html-single  dist/2018-02.pdf and dist/2018-02.single.html
  $ bulletin build examples/office --wechat           and dist/2026-22.wechat/ (wechat.html, article.html, 01.jpg …)
  $ bulletin build examples/seed --pdf --ofd          dist/2018-02.pdf and dist/2018-02.ofd
  $ BULLETIN_BROWSER=/usr/bin/chromium bulletin build .

The contents page numbers come from the real pagination: the issue is printed, its pages read back,
the contents filled in and printed again, and the result is checked before it is written.`,
    zh: `示例：
  $ bulletin build examples/seed                      dist/2018-02.pdf、dist/2018-02.html、dist/2018-02_files/
  $ bulletin build examples/demo --yearbook 2025      另有 dist/yearbook-2025.pdf
  $ bulletin build issues/2018-02.yaml -o out --pdf   只生成 PDF，放在 out/ 中
  $ bulletin build examples/seed --pdf --html-single  dist/2018-02.pdf 和 dist/2018-02.single.html
  $ bulletin build examples/office --wechat           另有 dist/2026-22.wechat/（wechat.html、article.html、01.jpg 等）
  $ bulletin build examples/seed --pdf --ofd          dist/2018-02.pdf 和 dist/2018-02.ofd
  $ BULLETIN_BROWSER=/usr/bin/chromium bulletin build .

目录页码来自实际排版：先排出这一期，读回各页，填好目录后再排一次，核对无误后才写入文件。`,
  },

  // preview
  'cli.help.preview': { en: 'serve a series on 127.0.0.1 and rebuild an issue when its source is saved', zh: '在 127.0.0.1 上预览刊物，源文件保存后自动重新生成该期' },
  'cli.help.preview.path': { en: 'a series folder or an issue file (default: the current folder)', zh: '刊物文件夹或期文件（默认：当前文件夹）' },
  'cli.help.preview.port': { en: 'port on 127.0.0.1 (0: any free port)', zh: '127.0.0.1 上的端口（0表示任一空闲端口）' },
  'cli.help.preview.browser': { en: 'Chrome or Chromium to use', zh: '使用的 Chrome 或 Chromium' },
  'cli.help.preview.examples': {
    en: `Examples:
  $ bulletin preview examples/seed            open http://127.0.0.1:4173/ in a browser
  $ bulletin preview --port 8080

Each issue is shown as its PDF (paginated, as printed) and as its HTML page. Saving a source
rebuilds that issue and reloads the open page; invalid sources show their diagnostics on the page
and in the terminal, and the preview keeps serving.`,
    zh: `示例：
  $ bulletin preview examples/seed            在浏览器中打开 http://127.0.0.1:4173/
  $ bulletin preview --port 8080

每期都显示为 PDF（按印刷排版分页）和网页版。保存源文件后，该期重新生成，打开的页面随之刷新；
源文件有错误时，问题显示在页面上和终端里，预览照常运行。`,
  },

  // doctor
  'cli.help.doctor': { en: 'check the browser, the fonts and the output folder, and say what to do about anything missing', zh: '检查浏览器、字体和输出文件夹，缺什么就说明怎么补' },
  'cli.help.doctor.series': { en: 'series folder whose fonts to report (default: the series of the current folder, if any)', zh: '要报告字体的刊物文件夹（默认：当前文件夹所在的刊物，如有）' },
  'cli.help.doctor.browser': { en: 'Chrome or Chromium to check', zh: '要检查的 Chrome 或 Chromium' },
  'cli.help.doctor.out-dir': { en: 'output folder to check', zh: '要检查的输出文件夹' },

  // init
  'cli.help.init': { en: 'start a series: bulletin.yaml with every option explained, a first issue, .gitignore, a CI workflow', zh: '新建刊物：带全部选项说明的 bulletin.yaml、第一期、.gitignore 和持续集成（CI）配置' },
  'cli.help.init.dir': { en: 'folder of the new series (default: the current folder)', zh: '新刊物的文件夹（默认：当前文件夹）' },
  'cli.help.init.examples': {
    en: `Examples:
  $ bulletin init my-bulletin && cd my-bulletin
  $ bulletin validate && bulletin build`,
    zh: `示例：
  $ bulletin init my-bulletin && cd my-bulletin
  $ bulletin validate && bulletin build`,
  },

  // new
  'cli.help.new': { en: 'write the next issue file of a series, numbered from the date', zh: '按日期编号，写出刊物的下一期期文件' },
  'cli.help.new.dir': { en: 'the series folder (default: the current folder)', zh: '刊物文件夹（默认：当前文件夹）' },
  'cli.help.new.date': { en: 'publication date (default: today)', zh: '印发日期（默认：今天）' },
  'cli.help.new.supplement': { en: 'a supplement (增刊): numbered in its own sequence', zh: '增刊：单独编号' },
  'cli.help.new.special': { en: 'a special issue (专刊) with this label', zh: '以此为名称的专刊' },
  'cli.help.new.examples': {
    en: `Examples:
  $ bulletin new examples/seed --date 2018-12-30     issues/2018-03.yaml: 2018年第3期（总第12期）
  $ bulletin new --date 2019-01-15                   a new year restarts the number: 2019年第1期
  $ bulletin new --supplement --date 2019-02-01      2019-zk1.yaml: 2019年增刊第1期

The new file takes the previous issue's section labels with no articles yet; it never
overwrites an existing file.`,
    zh: `示例：
  $ bulletin new examples/seed --date 2018-12-30     issues/2018-03.yaml：2018年第3期（总第12期）
  $ bulletin new --date 2019-01-15                   新的一年从第1期编起：2019年第1期
  $ bulletin new --supplement --date 2019-02-01      2019-zk1.yaml：2019年增刊第1期

新期文件沿用上一期的栏目名称，暂不含文章；不会覆盖已有的文件。`,
  },

  // Usage errors: commander's, by their code, and the program's own.
  'cli.error.unknown-option': { en: "unknown option '{option}'", zh: '未知选项 `{option}`' },
  'cli.error.unknown-command': { en: "unknown command '{command}'", zh: '未知命令 `{command}`' },
  'cli.error.missing-argument': { en: "missing required argument '{argument}'", zh: '缺少必需的参数 `{argument}`' },
  'cli.error.option-missing-argument': { en: "option '{option}' argument missing", zh: '选项 `{option}` 缺少值' },
  'cli.error.invalid-choice': { en: "option '{option}' argument '{value}' is invalid. Allowed choices are {choices}.", zh: '选项 `{option}` 的值 `{value}` 无效，可用的值为 {choices}' },
  'cli.error.excess-arguments': { en: "too many arguments for '{command}'. Expected {expected|argument|arguments} but got {got}.", zh: '`{command}` 的参数太多：应为{expected}个，实际有{got}个' },
  'cli.error.did-you-mean': { en: 'Did you mean {names}?', zh: '是不是要输入 {names}？' },
  'cli.error.run-help': { en: '(run with --help for usage)', zh: '（加 --help 查看用法）' },
  'cli.error.yearbook': { en: '--yearbook {value} is not a year', zh: '`--yearbook {value}` 不是年份' },
  'cli.error.yearbook.hint': { en: 'For example: --yearbook 2025', zh: '例如：`--yearbook 2025`。' },
  'cli.error.port': { en: '--port {value} is not a port number', zh: '`--port {value}` 不是端口号' },
  'cli.error.port.hint': { en: 'Give a number from 1 to 65535, or 0 for any free port: --port 8080', zh: '请给出1到65535之间的数，或用0表示任一空闲端口，例如 `--port 8080`。' },

  // build
  'cli.build.signal': { en: '{signal} received: closing the browser …', zh: '收到 {signal}，正在关闭浏览器……' },
  'cli.build.browser': { en: 'browser: {path} ({source})', zh: '浏览器：{path}（{source}）' },
  'cli.build.checking': { en: 'checking the sources', zh: '正在检查源文件' },
  'cli.build.file-size': { en: '{file}: {size}', zh: '{file}：文件大小 {size}' },
  'cli.build.fitted': { en: '{issue}: {summary}', zh: '{issue} 末页调整：{summary}' },
  'cli.build.wechat': { en: '{file}: open it in a browser, press 复制正文 and paste into the 公众号 editor', zh: '{file}：用浏览器打开，点「复制正文」，再粘贴到公众号编辑器中' },
  'cli.build.no-issues': { en: 'no issues to build', zh: '没有可生成的期' },
  'cli.build.no-issues.hint': { en: 'Name an issue file or a series folder with issues in it.', zh: '请指定期文件，或含有期文件的刊物文件夹。' },
  'cli.build.done': { en: 'built {count|issue|issues} in {seconds} s', zh: '已生成{count}期，用时{seconds}秒' },

  // validate --fix
  'cli.fix.converted': { en: '{file}: converted from GBK/GB18030 to UTF-8', zh: '{file}：已从 GBK/GB18030 转为 UTF-8' },
  'cli.fix.change': { en: '{place}: {code} “{original}” → “{replacement}”', zh: '{place}：{code} 「{original}」改为「{replacement}」' },
  'cli.fix.refused': { en: '{file}: not fixed: {reason}', zh: '{file}：未修正：{reason}' },
  'cli.fix.summary': { en: '{count|fix|fixes} applied in {files|file|files}{converted}', zh: '已在{files}个文件中修正{count}处{converted}' },
  'cli.fix.summary.converted': { en: '; {count|file|files} converted to UTF-8', zh: '；{count}个文件已转为 UTF-8' },

  // import
  'cli.import.cannot-add': { en: 'cannot add to the issue: {reason}', zh: '无法加入这一期：{reason}' },
  'cli.import.nothing.refused': { en: 'nothing was imported: correct the files named above (or leave them out) and run the command again', zh: '未导入任何内容：请修改上面列出的文件（或不导入它们），再重新运行命令' },
  'cli.import.nothing.errors': { en: 'nothing was imported: see the errors above', zh: '未导入任何内容：见上面的错误' },
  'cli.import.new-section': { en: ' (new section 【{section}】)', zh: '（新栏目【{section}】）' },
  'cli.import.pictures': { en: ', pictures {list}', zh: '，图片 {list}' },
  'cli.import.dry-run': { en: '{document} → {place}{section}{pictures} (dry run: nothing written)', zh: '{document} → {place}{section}{pictures}（试运行：未写入任何文件）' },
  'cli.import.added': { en: '{place}: 《{title}》 from {document}{section}', zh: '{place}：《{title}》，来自 {document}{section}' },
  // The progress of a build (src/cli/progress.ts).
  'cli.progress.elapsed': { en: '{seconds} s', zh: '{seconds}秒' },
  'cli.progress.line': { en: '{step} ({elapsed})', zh: '{step}（用时{elapsed}）' },
} as const satisfies Entries;
