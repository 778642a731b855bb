// Messages of building: src/print/, src/render/, src/writers/, src/images/, src/import/, src/ofd/, src/cache/, src/output/, src/pipeline.ts, src/renderIssue.ts.
// Each entry: { en, zh }; placeholders `{name}` (or `{count|one|other}` for an English plural) the same in both.
import type { Entries } from '../entries.js';

export const buildMessages = {
  // What the build is doing (progress lines, and the watchdog's messages: "Chrome did not finish {what}").
  'build.stage.paginating': { en: 'paginating', zh: '正在排版分页' },
  'build.stage.checking': { en: 'checking ({passes} passes)', zh: '正在自检（共排版{passes}遍）' },
  'build.stage.images': { en: 'processing images', zh: '正在处理图片' },
  'build.stage.writing': { en: 'writing', zh: '正在写出文件' },
  'build.stage.binding': { en: 'binding', zh: '正在装订' },
  'build.doing.checking': { en: 'checking the PDF of {issue}', zh: '自检 {issue} 的 PDF' },
  'build.doing.loading': { en: 'loading {issue}', zh: '载入 {issue}' },
  'build.doing.filling': { en: 'filling in the numbers of {issue} (pass {pass})', zh: '填入 {issue} 的页码（第{pass}遍）' },
  'build.doing.printing': { en: 'printing {issue} (pass {pass})', zh: '打印 {issue}（第{pass}遍）' },
  'build.doing.pagination': { en: 'the pagination of {issue}', zh: '{issue} 的排版分页' },
  'build.doing.yearbook-contents': { en: 'the contents of the {year} yearbook', zh: '{year}年合订本的目录' },
  'build.list.more': { en: '\n  - … and {count} more', zh: '\n  - ……另有{count}处' },
  'build.removed.more': { en: '{what} and {count} more', zh: '{what}等（另有{count}项）' },

  // Templates.
  'build.template-error': { en: 'template error: {reason}', zh: '模板错误：{reason}' },
  'build.template-error.hint': {
    en: 'Fix the template named above (see "Templates" in the README: the hooks a series template must keep).',
    zh: '请修改上面指出的模板（见 README 的“Templates”一节：刊物模板必须保留的挂钩）。',
  },

  // The self-check of the printed PDF (the problems are src/check/'s messages, in src/i18n/messages/model.ts).
  'build.pdf-fonts-refused': { en: 'the PDF of {issue} has fonts a print shop refuses:\n  - {problems}', zh: '{issue} 的 PDF 含有印刷厂不接受的字体：\n  - {problems}' },
  'build.pdf-fonts-refused.hint': {
    en: 'Chrome took these characters from a font installed on this machine, which it cannot put into the PDF as print shops need. If a series stylesheet (templates/) names that font, remove it there; if the text is in an SVG figure, convert the text to outlines (figure-svg-text); otherwise replace the characters, or name a font file that has them under `fonts:` in bulletin.yaml (.ttf, .otf, or a face of a .ttc: bulletin converts it).',
    zh: '这些字符是 Chrome 从本机安装的字体中取用的，无法按印刷厂的要求嵌入 PDF。如果刊物的样式表（templates/）指定了该字体，请在那里删去；如果文字在 SVG 图片中，请把文字转为轮廓（figure-svg-text）；否则请替换这些字符，或在 bulletin.yaml 的 `fonts:` 下写明含有这些字符的字体文件（.ttf、.otf 或 .ttc 中的一款字体，bulletin 会自行转换）。',
  },
  'build.self-check.last-page-fitted': { en: 'body page {page}, the last, holds {what}, though fitting was applied', zh: '正文第{page}页（末页）只有{what}，末页调整已经做过' },
  'build.self-check.last-page-unfitted': { en: 'body page {page}, the last, holds {what}, though fitting found nothing to do', zh: '正文第{page}页（末页）只有{what}，末页调整却认为无须调整' },
  'build.last-page.distribution-only': { en: 'only the distribution block (版记)', zh: '版记' },
  'build.last-page.lines': { en: 'only {count|line|lines}', zh: '{count}行' },
  'build.self-check-failed': { en: 'the PDF of {issue} failed its self-check:\n  - {problems}{more}', zh: '{issue} 的 PDF 未通过自检：\n  - {problems}{more}' },
  'build.self-check.layout': {
    en: 'The layout preset (`layout:` in bulletin.yaml) prints {size} pt body text on a grid of {lines} lines in a {width} × {height} mm type area.',
    zh: '版式预设（bulletin.yaml 中的 `layout:`）规定正文字号为 {size} pt，版面网格{lines}行，版心 {width} × {height} mm。',
  },
  'build.self-check.own.hint': { en: 'This series has its own templates: {templates}.{geometry}{visible}', zh: '本刊物使用自己的模板：{templates}。{geometry}{visible}' },
  'build.self-check.own.geometry': {
    en: ' {expected} A series stylesheet that changes sizes, line heights, widths or positions in the body, or moves figures, breaks that: take that rule out, or change the layout in bulletin.yaml.',
    zh: '{expected}刊物样式表若改动正文的字号、行高、宽度或位置，或移动图片，就会破坏这一版式：请删去相应规则，或在 bulletin.yaml 中更改版式。',
  },
  'build.self-check.own.visible': {
    en: ' What a reader sees in the PDF is not what the source says: a series template or stylesheet probably hides text (display, colour, size, overflow, a box painted over it) or prints other page numbers over the real ones. Check it, or move it aside to build with bulletin\'s own templates.',
    zh: 'PDF 中读者看到的内容与源文件不符：很可能是刊物模板或样式表隐藏了文字（display、颜色、字号、overflow，或有方框盖住），或在真实页码上叠印了别的页码。请检查模板，或把它移开，改用 bulletin 自带的模板生成。',
  },
  'build.self-check.bundled.layout.hint': {
    en: '{expected} This series uses bulletin\'s own templates, so this is a bug in bulletin: please report it with the issue file and this message.',
    zh: '{expected}本刊物使用 bulletin 自带的模板，因此这是 bulletin 的缺陷：请连同期文件和这条信息一起报告。',
  },
  'build.bundled-templates-bug': {
    en: 'This series uses bulletin\'s own templates, so this is a bug in bulletin: please report it with the issue file and this message.',
    zh: '本刊物使用 bulletin 自带的模板，因此这是 bulletin 的缺陷：请连同期文件和这条信息一起报告。',
  },
  'build.pdfa-refused': { en: 'the PDF of {issue} cannot be archived as PDF/A-2u:\n  - {problems}', zh: '{issue} 的 PDF 不符合 PDF/A-2u 归档要求：\n  - {problems}' },
  'build.pdfa-refused.hint': {
    en: '{cause} To publish meanwhile, build a plain PDF with `--no-pdfa` (or `output.pdfa: false` in bulletin.yaml).',
    zh: '{cause}如需先行发布，请加 `--no-pdfa` 生成普通 PDF（或在 bulletin.yaml 中写 `output.pdfa: false`）。',
  },
  'build.pdfa-refused.own': {
    en: 'This series has its own templates ({templates}): text, a font or an object they bring in is the likely cause (characters only the templates print are not in the fonts made for the issue; a stylesheet may name a font of this machine); take it out.',
    zh: '本刊物使用自己的模板（{templates}）：原因很可能是模板带入的文字、字体或对象（只由模板印出的字符不在为本期生成的字体中；样式表可能指定了本机的字体）。请把它删去。',
  },

  // Warnings of the build.
  'image-resolution.figure': { en: '`{path}` prints at {ppi} ppi on page {page} of the PDF, outside {min}–{max} ppi', zh: '`{path}` 在 PDF 第{page}页的印刷分辨率为 {ppi} ppi，不在 {min}–{max} ppi 之内' },
  'image-resolution.photo': { en: 'a photo prints at {ppi} ppi on page {page} of the PDF, outside {min}–{max} ppi', zh: 'PDF 第{page}页有一张图片的印刷分辨率为 {ppi} ppi，不在 {min}–{max} ppi 之内' },
  'image-resolution.low.hint': {
    en: 'The photo is too small for its printed size and will look soft: use a larger original, or make the figure narrower (`width:`).',
    zh: '图片像素太少，按现在的尺寸印出来会发虚。请换用更大的原图，或把图片改窄（`width:`）。',
  },
  'image-resolution.high.hint': { en: 'The PDF is larger than it needs to be: lower `images.printPpi` in bulletin.yaml.', zh: 'PDF 因此大于所需。请调低 bulletin.yaml 中的 `images.printPpi`。' },
  'fit-failed.lines': {
    en: 'body page {page} holds only {count|line|lines} of text, and tightening the last articles within the layout\'s limits ({steps}) does not pull them back onto page {before}',
    zh: '正文第{page}页只有{count}行文字，在版式允许的范围内收紧末尾几篇文章（{steps}）也无法把它们排回第{before}页',
  },
  'fit-failed.alone': {
    en: 'body page {page} holds only the distribution block (版记), and tightening the last articles within the layout\'s limits ({steps}) does not pull it back onto page {before}',
    zh: '正文第{page}页只有版记，在版式允许的范围内收紧末尾几篇文章（{steps}）也无法把它排回第{before}页',
  },
  'fit-failed.no-steps': { en: 'none', zh: '无可收紧' },
  'fit-failed.shorten.hint': {
    en: 'Shorten the last article by {count|line|lines} or so (or lengthen it to fill the page), or move a figure; to print the page as it falls and silence this, set `fit: off` in the issue.',
    zh: '请把最后一篇文章删减约{count}行（或加长到排满该页），或移动一张图片；如要按现状印出该页并不再提示，请在期文件中写 `fit: off`。',
  },
  // Chrome: finding it, starting it, and the stages of printing.
  'build.browser.install.hint': {
    en: 'Install Chromium (Debian, UOS, Kylin: `sudo apt-get install chromium`), Google Chrome or Microsoft Edge, or name one with --browser PATH or BULLETIN_BROWSER=PATH.',
    zh: '请安装 Chromium（Debian、统信 UOS、麒麟：`sudo apt-get install chromium`）、Google Chrome 或 Microsoft Edge，或用 --browser PATH 或 BULLETIN_BROWSER=PATH 指定浏览器。',
  },
  'build.browser.not-executable': { en: 'the browser named by {source} ({file}) is not an executable file', zh: '{source} 指定的浏览器（{file}）不是可执行文件' },
  'build.browser.not-found': { en: 'no Chrome, Edge or Chromium found', zh: '找不到 Chrome、Edge 或 Chromium 浏览器' },
  'build.browser.start-failed': { en: 'the browser {path} failed to start: {reason}', zh: '浏览器 {path} 未能启动：{reason}' },
  'build.browser.exited': { en: 'it exited ({how}): {said}', zh: '浏览器已退出（{how}）：{said}' },
  'build.browser.exit-code': { en: 'code {code}', zh: '退出码 {code}' },
  'build.browser.no-message': { en: 'no message', zh: '没有输出信息' },
  'build.browser.no-answer': { en: 'it did not answer within {seconds} s', zh: '浏览器在 {seconds} s 内没有响应' },
  'build.browser.sandbox.hint': {
    en: 'Chrome needs a usable sandbox: run as a normal user, or (only in a throwaway CI container) pass --no-sandbox via BULLETIN_NO_SANDBOX=1.',
    zh: 'Chrome 需要可用的沙盒。请以普通用户身份运行；仅在用完即弃的 CI 容器中，才可用 BULLETIN_NO_SANDBOX=1 传入 --no-sandbox。',
  },
  'build.browser.failed': { en: 'the browser failed: {reason}', zh: '浏览器出错：{reason}' },
  'build.browser.failed.hint': {
    en: 'Try again; if it keeps failing, run `bulletin build --verbose` and check the browser with `chromium --version`.',
    zh: '请再试一次；如果仍然出错，请运行 `bulletin build --verbose`，并用 `chromium --version` 检查浏览器。',
  },
  'build.browser.issue-timeout': { en: 'the browser did not finish {issue} within {seconds} s', zh: '浏览器未能在 {seconds} s 内完成 {issue}' },
  'build.browser.issue-timeout.hint': { en: 'Check that the machine is not out of memory; try again with --verbose.', zh: '请检查本机内存是否耗尽，然后加上 --verbose 再试一次。' },
  'build.stage.timeout': { en: 'Chrome did not finish {what} within {time}', zh: 'Chrome 未能在 {time} 内完成{what}' },
  'build.stage.crashed': {
    en: 'Chrome\'s renderer crashed while {what} (most likely it ran out of the memory a page may use)',
    zh: 'Chrome 的渲染进程在{what}时崩溃（很可能是用尽了单个页面可用的内存）',
  },
  'build.stage.hint': {
    en: 'Check too that the machine is not out of memory or busy; run again with --verbose to see the stages.{memory}',
    zh: '另请检查本机内存是否耗尽或负载过重；加上 --verbose 重新运行，可以看到各个阶段。{memory}',
  },
  'build.stage.suspects.hint': {
    en: '{suspects} may ask for more than Chrome can draw: simplify them (or export SVG figures as PNG). Check too that the machine is not out of memory or busy; run again with --verbose to see the stages.{memory}',
    zh: '{suspects}可能超出了 Chrome 的绘制能力，请加以简化（或把 SVG 图片导出为 PNG）。另请检查本机内存是否耗尽或负载过重；加上 --verbose 重新运行，可以看到各个阶段。{memory}',
  },
  'build.stage.crashed.memory': {
    en: ' The memory each Chrome process may use is set with BULLETIN_MEMORY_LIMIT_MB (README › Security).',
    zh: '每个 Chrome 进程可用的内存由 BULLETIN_MEMORY_LIMIT_MB 设定（见 README › Security）。',
  },
  'build.suspects.templates': { en: 'The series\' own templates and stylesheets (templates/)', zh: '刊物自己的模板和样式表（templates/）' },
  'build.suspects.svg': { en: 'The SVG figure {files} or the series\' own templates and stylesheets (templates/)', zh: 'SVG 图片 {files} 或刊物自己的模板和样式表（templates/）' },
  'build.suspects.svgs': { en: 'The SVG figures {files} or the series\' own templates and stylesheets (templates/)', zh: 'SVG 图片 {files} 或刊物自己的模板和样式表（templates/）' },
  'build.font-load': { en: 'Chrome could not load {fonts}: the file is damaged or not a font Chrome accepts, and its text would print in another font', zh: 'Chrome 无法载入{fonts}：文件已损坏，或不是 Chrome 能用的字体，相应文字会以其他字体印出' },
  'build.font-load.file': { en: 'the font file of `fonts.{role}` ({family})', zh: '`fonts.{role}` 的字体文件（{family}）' },
  'build.font-load.hint': {
    en: 'Replace the font file with the one its maker supplies (a TrueType .ttf or .woff2), or remove it from bulletin.yaml to use the bundled face.',
    zh: '请换用字体厂商提供的字体文件（TrueType .ttf 或 .woff2），或从 bulletin.yaml 中删去它，改用自带字体。',
  },
  'build.document-left': {
    en: 'template error: while printing {what}, the page tried to leave for {url} ({how}); the series templates in {templates} start that navigation; nothing was written',
    zh: '模板错误：打印{what}时，页面试图跳转到 {url}（{how}）；这次跳转由 {templates} 中的刊物模板引起；没有写出任何文件',
  },
  'build.document-left.hint': {
    en: 'A printed document must stay the one bulletin made: remove the <meta http-equiv="refresh"> (or whatever else leads away) from the series templates.',
    zh: '打印的文档必须始终是 bulletin 生成的那一份。请从刊物模板中删去 <meta http-equiv="refresh">（或其他引起跳转的内容）。',
  },
  'build.document-left.navigation': { en: 'a navigation it started by itself, such as a meta refresh', zh: '页面自行发起的跳转，例如 meta refresh' },
  'build.document-left.reload': { en: 'itself (a reload)', zh: '自身（重新载入）' },
  'build.not-settled': {
    en: '{what} did not settle after {passes} passes (filling in the numbers keeps moving the pages)',
    zh: '{what}排版{passes}遍后仍不稳定（每次填入页码都会使分页变动）',
  },
  'build.not-settled.issue.hint': {
    en: 'A series template or stylesheet probably makes the contents or the distribution block change size with the numbers; check it.',
    zh: '很可能是刊物模板或样式表使目录或版记的大小随页码变化。请检查。',
  },
  'build.not-settled.yearbook.hint': {
    en: 'A series yearbook.hbs probably makes the contents change length with the page numbers; check it.',
    zh: '很可能是刊物的 yearbook.hbs 使目录长度随页码变化。请检查。',
  },
  'build.hooks.contents': {
    en: 'the contents of {issue} could not be filled in: the page lacks the hooks of the template contract',
    zh: '无法填写 {issue} 的目录：页面缺少模板约定的挂钩',
  },
  'build.hooks.contents.hint': {
    en: 'A series template drops a contents page number or the body element under some condition; keep them for every issue (README › Templates).',
    zh: '刊物模板在某些条件下去掉了目录页码或正文元素。请让每一期都保留它们（见 README › Templates）。',
  },
  'build.hooks.keeps': {
    en: 'the page breaks that keep the source lines of {issue} with their tables could not be set: the page lacks the hooks of the template contract',
    zh: '无法设置让 {issue} 的表格来源行与表格同页的分页：页面缺少模板约定的挂钩',
  },
  'build.hooks.keeps.hint': {
    en: 'A series template drops the id of a table or the body element; keep the default partials for tables and articles (README › Templates).',
    zh: '刊物模板去掉了表格的 id 或正文元素。请保留表格和文章的默认局部模板（见 README › Templates）。',
  },

  // The yearbook.
  'build.yearbook.no-template': { en: 'no yearbook.hbs template', zh: '没有 yearbook.hbs 模板' },
  'build.yearbook.pdfa-refused': { en: 'the {year} yearbook cannot be archived as PDF/A-2u:\n  - {problems}', zh: '{year}年合订本不符合 PDF/A-2u 归档要求：\n  - {problems}' },
  'build.yearbook.pdfa-refused.hint': {
    en: 'A series yearbook.hbs or stylesheet probably brings in a font or object bulletin did not make: remove it, or build a plain PDF with `--no-pdfa` (or `output.pdfa: false` in bulletin.yaml).',
    zh: '很可能是刊物的 yearbook.hbs 或样式表带入了不是 bulletin 生成的字体或对象。请删去它，或加 `--no-pdfa` 生成普通 PDF（或在 bulletin.yaml 中写 `output.pdfa: false`）。',
  },
  // Writing the outputs.
  'build.write.failed': { en: 'cannot write {path}: {reason}', zh: '无法写出 {path}：{reason}' },
  'build.write.failed.hint': {
    en: 'Check that the output folder is writable and the disk is not full; the earlier outputs were left as they were.',
    zh: '请检查输出文件夹是否可写、磁盘是否已满；此前生成的文件保持原样。',
  },
  'build.write.an-output': { en: 'an output', zh: '输出文件' },
  'build.write.disk-full': { en: 'the disk is full', zh: '磁盘已满' },
  'build.write.permission': { en: 'permission denied', zh: '没有权限' },
  'build.write.not-permitted': { en: 'not permitted', zh: '不允许此操作' },
  'build.write.read-only': { en: 'read-only file system', zh: '文件系统只读' },
  'build.write.quota': { en: 'over the disk quota', zh: '超出磁盘配额' },
  'build.write.folder-in-way': { en: 'a folder is in the way', zh: '该位置已有同名文件夹' },
  'build.write.file-in-way': { en: 'a file is in the way', zh: '该位置已有同名文件' },
  'build.output-clash.hint': { en: 'Build each series into its own folder (`-o`), or rename one of the issue files.', zh: '请把每个刊物分别生成到各自的文件夹（`-o`），或给其中一个期文件改名。' },
  'build.output.link.hint': {
    en: 'bulletin writes only into real folders and never through symbolic links: remove the link (a build output is not committed), or choose another folder with --out-dir.',
    zh: 'bulletin 只写入真实的文件夹，从不经由符号链接写入。请删除该链接（生成的文件不必提交），或用 --out-dir 另选文件夹。',
  },
  'build.output.unreachable': { en: 'cannot reach the output folder {path}', zh: '无法访问输出文件夹 {path}' },
  'build.output.unreachable.hint': { en: 'Check the path given to --out-dir.', zh: '请检查 --out-dir 给出的路径。' },
  'build.output.too-many': { en: 'the output folder {path} holds more than {count} entries', zh: '输出文件夹 {path} 中的条目超过{count}个' },
  'build.output.too-many.hint': { en: 'Empty it, or choose another folder with --out-dir.', zh: '请清空该文件夹，或用 --out-dir 另选文件夹。' },
  'build.output.is-link': { en: 'the output folder {path} is a symbolic link (to {target})', zh: '输出文件夹 {path} 是符号链接（指向 {target}）' },
  'build.output.is-file': { en: 'the output folder {path} is a file, not a folder', zh: '输出文件夹 {path} 是文件，不是文件夹' },
  'build.output.is-file.hint': { en: 'Choose another folder with --out-dir.', zh: '请用 --out-dir 另选文件夹。' },
  'build.output.links-out': { en: 'the output folder {path} holds symbolic links leading outside it:\n  - {links}', zh: '输出文件夹 {path} 中有指向文件夹外的符号链接：\n  - {links}' },
  'build.output.not-plain': { en: 'refusing to write {path}: not a plain path inside the output folder', zh: '拒绝写出 {path}：它不是输出文件夹内的普通路径' },
  'build.output.inner-link': { en: '{path} in the output folder is a symbolic link (to {target}); nothing was written through it', zh: '输出文件夹中的 {path} 是符号链接（指向 {target}），没有经由它写入任何文件' },
  'build.output.file-in-way': { en: '{path} in the output folder is a file where a folder is needed', zh: '输出文件夹中的 {path} 是文件，而此处需要文件夹' },
  'build.output.folder-in-way': { en: '{path} in the output folder is a folder where a file is written', zh: '输出文件夹中的 {path} 是文件夹，而此处要写出文件' },
  'build.output.remove.hint': { en: 'Remove it, or choose another folder with --out-dir.', zh: '请删除它，或用 --out-dir 另选文件夹。' },
  'build.yearbook.no-issues': { en: '--yearbook {year}: none of the issues built is an issue of {year}', zh: '--yearbook {year}：生成的各期中没有{year}年的' },
  'build.yearbook.no-issues.hint': { en: 'Build the series folder, whose issues include that year.', zh: '请生成整个刊物文件夹，其中包含该年的各期。' },

  // Bugs of bulletin that a check catches before anything is written.
  'build.bug.hint': { en: 'This is a bug of bulletin: report it. Nothing was written.', zh: '这是 bulletin 的缺陷，请报告。没有写出任何文件。' },
  'build.bug.report.hint': { en: 'This is a bug of bulletin: please report it.', zh: '这是 bulletin 的缺陷，请报告。' },
  'build.bug.single-file': { en: 'the single-file page of {page} held {what} after embedding', zh: '{page} 的单文件网页在嵌入资源后仍含有{what}' },
  'build.bug.image-metadata': { en: 'the HTML folder of {page} would publish {url} with {what} metadata', zh: '{page} 的网页文件夹将发布带有 {what} 元数据的 {url}' },
  'build.bug.wechat': { en: 'the WeChat article of {issue} held {what}', zh: '{issue} 的公众号文章含有{what}' },
  'build.template.contract-one': { en: 'the series\' {files} breaks the layout\'s contract:\n  - {problems}', zh: '刊物的 {files} 违反了版式约定：\n  - {problems}' },
  'build.template.contract': { en: 'the series\' {files} break the layout\'s contract:\n  - {problems}', zh: '刊物的 {files} 违反了版式约定：\n  - {problems}' },

  // Variants of codes' messages (the codes' general texts are in codes.ts).
  'image-decode.figure': { en: '`{path}` cannot be decoded: {reason}', zh: '无法解码 `{path}`：{reason}' },
  'image-decode.figure.hint': {
    en: 'Open the photo in an image program and save it again as JPEG or PNG (a file it cannot decode would print as an empty box).',
    zh: '请用图片软件打开这张图片，重新存为 JPEG 或 PNG（无法解码的文件会印成一个空框）。',
  },
  'pdf-over-budget.plain': { en: 'the PDF of {issue} is {size}, over the budget of {budget} MB (`output.pdfBudgetMB`)', zh: '{issue} 的 PDF 大小为 {size}，超出了 {budget} MB 的限额（`output.pdfBudgetMB`）' },
  'pdf-over-budget.images': {
    en: 'the PDF of {issue} is {size}, over the budget of {budget} MB (`output.pdfBudgetMB`); its largest images: {images}',
    zh: '{issue} 的 PDF 大小为 {size}，超出了 {budget} MB 的限额（`output.pdfBudgetMB`）；其中最大的图片：{images}',
  },
  'pdf-over-budget.crop.hint': {
    en: 'Crop the photos or make them narrower (`width:`), lower `images.printPpi` in bulletin.yaml, or raise `output.pdfBudgetMB` if the PDF need not travel by e-mail.',
    zh: '请裁剪图片或把图片改窄（`width:`），调低 bulletin.yaml 中的 `images.printPpi`；如果 PDF 不需要用电子邮件发送，也可以调高 `output.pdfBudgetMB`。',
  },
  'html-single-over-budget.plain': { en: 'the single-file page `{name}` is {size}, over the budget of {budget} MB (`output.htmlSingleBudgetMB`)', zh: '单文件网页 `{name}` 大小为 {size}，超出了 {budget} MB 的限额（`output.htmlSingleBudgetMB`）' },
  'html-single-over-budget.photos': {
    en: 'the single-file page `{name}` is {size}, over the budget of {budget} MB (`output.htmlSingleBudgetMB`); its largest photos: {photos}',
    zh: '单文件网页 `{name}` 大小为 {size}，超出了 {budget} MB 的限额（`output.htmlSingleBudgetMB`）；其中最大的图片：{photos}',
  },
  'html-single-over-budget.chat.hint': {
    en: 'Chat apps and mail servers may refuse or shrink a file this large: crop the photos or use fewer, share the PDF or the page with its folder instead, or raise `output.htmlSingleBudgetMB` in bulletin.yaml.',
    zh: '聊天软件和邮件服务器可能拒收或压缩这么大的文件。请裁剪图片或减少图片，改为分享 PDF 或连同文件夹分享网页，或调高 bulletin.yaml 中的 `output.htmlSingleBudgetMB`。',
  },
  'ofd-content-skipped.listed': {
    en: 'the OFD of {issue} was not written: its PDF draws what the OFD converter cannot redraw yet ({listed})',
    zh: '没有写出 {issue} 的 OFD：其 PDF 中有 OFD 转换器尚不能重绘的内容（{listed}）',
  },
  'ofd-content-skipped.item': { en: 'page {page}: {what}', zh: '第{page}页：{what}' },
  // `bulletin import`: the reasons a Word document is refused, and the problems of adding it to the issue file.
  'import.not-a-file': { en: 'it is not a file', zh: '它不是文件' },
  'import.no-such-file': { en: 'there is no such file', zh: '没有这个文件' },
  'import-damaged.missing.hint': {
    en: 'Check the name and the folder (a name with spaces goes in quotes: bulletin import "清河街道 供稿.docx"), or give the path of the .docx itself.',
    zh: '请检查文件名和文件夹（含空格的文件名要加引号：bulletin import "清河街道 供稿.docx"），或直接给出 .docx 文件的路径。',
  },
  'import.file-size': { en: 'it is {size} MiB, the limit is {limit} MiB', zh: '文件大小为 {size} MiB，上限为 {limit} MiB' },
  'import.zip.cut-off': { en: 'it is not a complete ZIP archive (a .docx file is one): the file is cut off or damaged', zh: '它不是完整的 ZIP 压缩包（.docx 文件就是一种 ZIP 压缩包）：文件不完整或已损坏' },
  'import.zip.no-document': { en: 'it is a ZIP archive without a Word document in it', zh: '它是 ZIP 压缩包，但里面没有 Word 文档' },
  'import.format.doc': { en: 'an old Word document (.doc, Word 97–2003)', zh: '旧版 Word 文档（.doc，Word 97–2003）' },
  'import.format.wps': { en: 'a WPS document in its own format (.wps)', zh: 'WPS 自有格式的文档（.wps）' },
  'import.format.pdf': { en: 'a PDF file', zh: 'PDF 文件' },
  'import.format.odt': { en: 'an OpenDocument text (.odt, LibreOffice/OpenOffice)', zh: 'OpenDocument 文本（.odt，LibreOffice/OpenOffice）' },
  'import.format.rtf': { en: 'an RTF file', zh: 'RTF 文件' },
  'import.format.unknown': { en: 'not a Word document', zh: '无法识别的文件' },
  'import-not-docx.renamed': { en: 'this is {format}, although its name ends in .docx, not a Word document (.docx)', zh: '该文件名虽以 .docx 结尾，实际却是{format}，不是 Word 文档（.docx）' },
  'import-tracked-changes.counts': {
    en: 'the document has tracked changes (修订: {insertions|insertion|insertions}, {deletions|deletion|deletions}): imported as if all were accepted',
    zh: '文档中有修订（插入{insertions}处，删除{deletions}处），已按全部接受导入',
  },
  'import-comments.one': { en: '1 comment (批注) in the document was left out', zh: '文档中的1条批注未导入' },
  'import-external.one': { en: '1 picture is only linked to a file or address outside the document: not fetched', zh: '有1张图片只是链接到文档以外的文件或网址，未获取' },
  'import-external.many': { en: '{count} pictures are only linked to a file or address outside the document: not fetched', zh: '有{count}张图片只是链接到文档以外的文件或网址，未获取' },
  'import.image.missing': { en: '`{name}` is missing from the file', zh: '文件中缺少 `{name}`' },
  'import.image.format': { en: '`{name}` is in a format a bulletin does not print (Word’s EMF/WMF drawings are not read)', zh: '`{name}` 的格式无法印入简报（不读取 Word 的 EMF/WMF 绘图）' },
  'import.image.decode': { en: '`{name}` cannot be decoded ({reason})', zh: '无法解码 `{name}`（{reason}）' },
  'import.docx.damaged-xml': { en: 'its part `{member}` is damaged XML ({reason})', zh: '其中的 `{member}` 是损坏的 XML（{reason}）' },
  'import.docx.doctype': { en: 'its part `{member}` declares a document type, which Word never writes', zh: '其中的 `{member}` 声明了文档类型（DOCTYPE），而 Word 从不写入这种声明' },
  'import.docx.file-size': { en: 'the file is {size}, more than the {limit} a submission may be', zh: '文件大小为 {size}，超过了单份稿件 {limit} 的上限' },
  'import.docx.unpacked': {
    en: 'it declares {size} once unpacked, more than the {limit} allowed (a “zip bomb”, or a document with very large pictures)',
    zh: '它声明解压后有 {size}，超过了允许的 {limit}（可能是“压缩炸弹”，或文档中的图片非常大）',
  },
  'import.docx.macros': { en: 'it contains macros (a .docm document)', zh: '它含有宏（.docm 文档）' },
  'import.docx.no-document': { en: 'it has no `word/document.xml`: it is not a Word document', zh: '其中没有 `word/document.xml`，不是 Word 文档' },
  'import.docx.pages': { en: 'it has {pages} pages; an article of a bulletin has a few, and the limit is {limit}', zh: '它有{pages}页；简报中的一篇文章通常只有几页，上限为{limit}页' },
  'import.docx.characters': { en: 'it has {count} characters of text; the limit of one submission is {limit}', zh: '它有{count}个字符；单份稿件的上限为{limit}个字符' },
  'import.insert.no-issue': {
    en: 'there is no issue to import into in this folder: run `bulletin new` first, or name the issue file with --issue',
    zh: '此文件夹中没有可导入的期：请先运行 `bulletin new`，或用 --issue 指定期文件',
  },
  'import.insert.issue-not-file': { en: '{path} is not a file: name an issue file (.yaml) with --issue, or run `bulletin new` to start one', zh: '{path} 不是文件：请用 --issue 指定期文件（.yaml），或运行 `bulletin new` 新建一期' },
  'import.insert.issue-missing': { en: '{path} does not exist: name an issue file (.yaml) with --issue, or run `bulletin new` to start one', zh: '{path} 不存在：请用 --issue 指定期文件（.yaml），或运行 `bulletin new` 新建一期' },
  'import.insert.yaml-errors': { en: 'the issue file has YAML errors ({reason}); fix them first', zh: '期文件有 YAML 错误（{reason}），请先改正' },
  'import.insert.not-mapping': { en: 'the issue file is not a mapping of keys', zh: '期文件不是由键和值组成的映射' },
  'import.insert.no-sections': {
    en: 'the issue has no sections (its articles are listed under `articles:`), so there is no section 【{section}】 to put the article in',
    zh: '本期没有栏目（文章直接列在 `articles:` 下），因此没有可放入文章的栏目【{section}】',
  },
  'import.insert.no-articles': { en: 'the section has no `articles:` key', zh: '该栏目没有 `articles:` 键' },
  'import.insert.sections-not-list': { en: '`sections:` is not a list', zh: '`sections:` 不是列表' },
  'import.insert.unreadable': { en: 'inserting made the file unreadable ({reason}); nothing was written', zh: '插入后文件无法读取（{reason}），没有写入任何内容' },
  'import.insert.not-found': { en: 'the article could not be inserted as written; nothing was written', zh: '无法按原样插入文章，没有写入任何内容' },
  'import.insert.expected-list': { en: 'expected a list', zh: '此处应为列表' },
  'import.insert.flow-list': { en: 'the list on line {line} is written in brackets [ … ]; write it as a list of `- ` lines first', zh: '第{line}行的列表写在方括号 [ … ] 中，请先改写为逐行以 `- ` 开头的列表' },
  'build.template.outside': { en: '{file} leads outside its folder', zh: '{file} 指向其文件夹以外' },
  'build.template.not-regular': { en: '{file} is not a regular file under {limit} KiB', zh: '{file} 不是小于 {limit} KiB 的普通文件' },
  'build.template.bad-name': { en: '{file}: the file name has a backslash or a control character; rename it', zh: '{file}：文件名含有反斜杠或控制字符，请改名' },
  // The self-check's and the build's own words (src/renderIssue.ts, src/writers/, src/print/).
  'build.yearbook.label': { en: 'yearbook {year}', zh: '{year}年合订本' },
  'build.browser.source.downloaded': { en: 'downloaded on request', zh: '按需下载' },
  'build.browser.source.system': { en: 'system', zh: '系统安装' },
  'build.cover-start.moved': {
    en: 'the article of {issue} should begin on the cover (singleArticle.cover: article), but its text begins on page {page} of the PDF',
    zh: '{issue} 的文章应从首页报头下开始（singleArticle.cover: article），但正文从 PDF 第{page}页才开始',
  },
  'build.cover-start.moved.hint': {
    en: 'A series template or stylesheet breaks the page after the masthead (the cover with `page:` or `break-after`, the body with `break-before`); let the body follow the cover (README › Templates).',
    zh: '刊物的模板或样式表在报头后分了页（封面的 `page:`、`break-after`，或正文的 `break-before`）。请让正文紧接首页（见 README › Templates）。',
  },
} as const satisfies Entries;
