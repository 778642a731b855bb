// Messages of what `init` and `new` write (the commented bulletin.yaml, the first issue) and say.
// Each entry: { en, zh }; placeholders `{name}` (or `{count|one|other}` for an English plural) the same in both.
// A comment of several lines is one entry with line breaks: src/scaffold/ puts `# ` before each line.
import type { Entries } from '../entries.js';

export const scaffoldMessages = {
  // bulletin.yaml, as `bulletin init` writes it.
  'scaffold.series.header': {
    en: 'The series file of a bulletin (简报). Every option is shown; the commented ones have their default.\nCheck the series with `bulletin validate`, print it with `bulletin build`.',
    zh: '简报的刊物配置文件。这里列出了所有选项，注释掉的选项取默认值。\n用 `bulletin validate` 检查刊物，用 `bulletin build` 生成印刷用 PDF 和网页版。',
  },
  'scaffold.series.lang': {
    en: 'The language of bulletin\'s messages, help and preview for this series: zh (简体中文) or en.\n`--lang` and BULLETIN_LANG come first; without any, the system\'s locale decides.',
    zh: '本刊物的提示语言（检查结果、帮助和预览）：`zh` 为简体中文，`en` 为英文。\n命令行的 `--lang` 和环境变量 `BULLETIN_LANG` 优先；写在这里，CI 在英文系统上也用中文报告。',
  },
  'scaffold.series.masthead': {
    en: 'The masthead: the series line printed in red above the name, the name very large in red, and\nthe issuing office (also the PDF\'s author).',
    zh: '报头：`series` 是印在刊名上方的红色单位名称，`name` 是红色大字刊名，\n`publisher` 是编印单位（也是 PDF 文件的作者）。',
  },
  'scaffold.series.issues': { en: 'Folder of the issue files, relative to this file.', zh: '期文件所在的文件夹，相对于本文件。' },
  'scaffold.series.preset': { en: 'standard: A4, GB/T 9704 (22 × 28 of 16 pt); a5-booklet: A5 booklets', zh: '`standard`：A4，GB/T 9704（每页22行、每行28字，正文16 pt）；`a5-booklet`：A5小册子' },
  'scaffold.series.preset-values': { en: 'Single values of the preset may be changed (docs/presets.md), e.g.:', zh: '也可以单独修改版式预设中的某一项（见 docs/presets.md），例如：' },
  'scaffold.series.grid': { en: 'lines per page × characters per line', zh: '每页行数 × 每行字数' },
  'scaffold.series.body-size': { en: 'pt', zh: '正文字号（pt）' },
  'scaffold.series.title-lines': { en: 'lines an article title may take before validate warns', zh: '文章标题最多占几行，超过时检查给出警告' },
  'scaffold.series.page-number': { en: '"- N -" or "— N —" (the GB/T 9704 form)', zh: '页码样式：`"- N -"` 或 `"— N —"`（后者为 GB/T 9704 的样式）' },
  'scaffold.series.date-style': { en: 'hanzi: 二〇一八年十二月二十八日; arabic: 2018年12月28日', zh: '`hanzi`：二〇一八年十二月二十八日；`arabic`：2018年12月28日' },
  'scaffold.series.fit': { en: 'fitting the last page is on (README › Fitting the last page); off, or { minLastPageLines: 4 }', zh: '末页调整默认开启（见 README「末页调整」一节）；`off` 为关闭，或写 `{ minLastPageLines: 4 }`' },
  'scaffold.series.duplex': { en: 'printed on both sides: odd sheet sides number on the right, even on the left (docs/duplex.md); false: one side', zh: '双面印刷：奇数页页码在右侧，偶数页在左侧（见 docs/duplex.md）；`false` 为单面印刷' },
  'scaffold.series.body-starts-on': { en: 'next: - 1 - on the back of a one-page cover; right: that back left blank, - 1 - on a right-hand page', zh: '`next`：封面只有一页时，- 1 - 印在封面背面；`right`：封面背面留白，- 1 - 印在右手页' },
  'scaffold.series.accent': { en: 'the red of the masthead and rules', zh: '报头和分隔线的红色' },
  'scaffold.series.text-color': { en: 'the body text', zh: '正文文字的颜色' },
  'scaffold.series.fonts': {
    en: 'Fonts per role. Without an entry the bundled free faces are used (Noto Serif SC, Noto Sans SC,\nLXGW WenKai), so every machine paginates alike. Files are relative to this file, inside the series.',
    zh: '各用途的字体。不写时使用随附的免费字体（Noto Serif SC、Noto Sans SC、LXGW WenKai），\n在哪台电脑上分页都一样。字体文件的路径相对于本文件，且须在刊物文件夹内。',
  },
  'scaffold.series.font-title': { en: 'masthead and titles', zh: '报头和标题' },
  'scaffold.series.font-body': { en: 'body text (仿宋)', zh: '正文（仿宋）' },
  'scaffold.series.font-heading': { en: '【section】 labels, 一、 (黑体)', zh: '【栏目】名称、「一、」级小标题（黑体）' },
  'scaffold.series.font-kai': { en: 'notes, captions, （一） (楷体)', zh: '编者按、图片说明、「（一）」级小标题（楷体）' },
  'scaffold.series.font-page-number': { en: 'page numbers (宋体)', zh: '页码（宋体）' },
  'scaffold.series.markdown': {
    en: 'Bodies: each line is a paragraph, as in Word (paste the text as it is); **bold** and *楷体* work\nnext to Chinese punctuation; 一、 （一） 1. print as typed. For Markdown\'s rule instead (the lines\nof a paragraph joined, paragraphs separated by blank lines, 1. a list):',
    zh: '正文：每行是一段，和 Word 一样（把文字原样粘贴进来即可）；**加粗** 和 *楷体* 紧挨中文标点也有效；\n一、（一）1. 等序号照原样印出。如要改用 Markdown 的规则（同一段的几行连成一段，\n段与段之间空一行，1. 为列表），写：',
  },
  'scaffold.series.supplements-count': { en: 'do supplements (增刊) take a number in 总第N期?', zh: '增刊是否计入总期号（总第N期）？' },
  'scaffold.series.numbering-start': { en: 'If earlier issues are not kept in this repository, say where the records start:', zh: '以前各期不在本仓库中时，写明从哪一期开始记录：' },
  'scaffold.series.distribution': {
    en: 'The distribution block (版记) at the foot of the last page. An issue may add recipients for\nitself (distribution.extra, 本期增发) and change the number of copies.',
    zh: '版记，印在末页下端。一期可以只为本期增加发送单位（`distribution.extra`，本期增发），\n也可以改印数。',
  },
  'scaffold.series.report': { en: '报：', zh: '报：报送的上级机关' },
  'scaffold.series.send': { en: '送：', zh: '送：抄送的同级单位' },
  'scaffold.series.distribute': { en: '发：', zh: '发：下发的下级单位' },
  'scaffold.series.copies': { en: '（共印{copies}份）', zh: '印数，版记中印作「（共印{copies}份）」' },
  // The first issue of a new series.
  'scaffold.issue.number': { en: '第1期: restarts at 1 each year', zh: '第1期：每年从1开始' },
  'scaffold.issue.total': { en: '总第1期: continues across the years', zh: '总第1期：跨年连续编号' },
  'scaffold.issue.date': { en: 'a plain date, YYYY-MM-DD', zh: '日期，写成 YYYY-MM-DD' },
  // The other files of a new series.
  'scaffold.package.description': { en: 'A bulletin series: sources in bulletin.yaml and issues/, printed by bulletin', zh: '简报刊物：源文件在 bulletin.yaml 和 issues/ 中，由 bulletin 生成' },
  'scaffold.workflow.header': {
    en: 'Checks every pull request (annotations on the changed lines) and builds the PDFs on main.\nbulletin is the version pinned in package.json and package-lock.json: run `npm install` once and\ncommit package-lock.json; change the version there (`npm install {name}@NEW`) to upgrade.',
    zh: '检查每个拉取请求（pull request，问题标注在改动的行上），并在 main 分支上生成 PDF。\nbulletin 的版本固定在 package.json 和 package-lock.json 中：先运行一次 `npm install`，\n再提交 package-lock.json；升级时在那里改版本（`npm install {name}@NEW`）。',
  },
  'scaffold.workflow.cache': { en: 'Cache bulletin\'s font subsets', zh: '缓存 bulletin 的字体子集' },
  'scaffold.workflow.install': { en: 'Install bulletin (the version in package-lock.json)', zh: '安装 bulletin（package-lock.json 中的版本）' },
  'scaffold.workflow.validate': { en: 'Validate (annotations on the pull request)', zh: '检查源文件（在拉取请求上标注问题）' },
  'scaffold.workflow.build': { en: 'Build the PDFs', zh: '生成 PDF' },
  'scaffold.workflow.browser': { en: 'The runner\'s Google Chrome; sources from pull requests are untrusted: see bulletin\'s README.', zh: '使用运行器自带的 Google Chrome；拉取请求中的源文件不可信，见 bulletin 的 README。' },
  'scaffold.workflow.upload': { en: 'Upload the PDFs', zh: '上传 PDF' },
  // What `bulletin init` says.
  'init.exists': { en: '{path} already has {files}; nothing was written', zh: '{path} 中已有 {files}，未写入任何文件' },
  'init.exists.hint': { en: 'Run `bulletin init` in a new or empty folder.', zh: '请在新的或空的文件夹中运行 `bulletin init`。' },
  'init.done': { en: 'a new series in {path}: edit bulletin.yaml, then `bulletin validate` and `bulletin build`', zh: '已在 {path} 中新建刊物：请编辑 bulletin.yaml，然后运行 `bulletin validate` 和 `bulletin build`' },
  'init.ci': {
    en: 'for the CI workflow: run `npm install` there once (it pins {name} {version} in package-lock.json) and commit package.json and package-lock.json with the series',
    zh: '使用 CI 工作流程前：在该文件夹中运行一次 `npm install`（把 {name} {version} 固定在 package-lock.json 中），再把 package.json 和 package-lock.json 随刊物一起提交',
  },
  // The issue file `bulletin new` writes.
  'scaffold.new.header': {
    en: '{issueLine}: written by `bulletin new`. Add articles to the sections below; an empty section\nis a warning, so the series stays valid while the issue is being written.',
    zh: '{issueLine}：由 `bulletin new` 生成。请在下面的栏目中添加文章；栏目为空只是警告，\n所以本期还在编写时，刊物仍能通过检查。',
  },
  'scaffold.new.add-article': { en: 'To add an article, replace `articles: []` with:', zh: '添加文章时，把 `articles: []` 换成：' },
  'scaffold.new.distribution': { en: 'The series\' distribution block applies; for this issue only:', zh: '默认使用刊物的版记；只改本期时写：' },
  // What `bulletin new` says.
  'new.bad-date': { en: '--date {date} is not a date of the form YYYY-MM-DD', zh: '`--date {date}` 不是 YYYY-MM-DD 形式的日期' },
  'new.bad-date.hint': { en: 'For example: --date 2018-12-30', zh: '例如 `--date 2018-12-30`。' },
  'new.supplement-and-special': { en: '--supplement and --special exclude each other', zh: '`--supplement` 和 `--special` 不能同时使用' },
  'new.series-errors': { en: 'the series has errors: fix them first, so the next number is certain', zh: '刊物有错误：请先修正，才能确定下一期的期号' },
  'new.exists': { en: '{path} exists already; nothing was written', zh: '{path} 已存在，未写入任何文件' },
  'new.exists.hint': { en: 'Give another --date, or edit the existing file.', zh: '请换一个 `--date`，或直接编辑已有的文件。' },
  'new.done': { en: '{issueLine}, {date}: sections {sections} to fill in', zh: '{issueLine}，{date}：请填写栏目{sections}' },
  'new.no-series': { en: 'no valid {file} in {dir}', zh: '{dir} 中没有有效的 {file}' },
  'new.no-series.hint': { en: 'Run `bulletin init` to start a series.', zh: '请运行 `bulletin init` 新建刊物。' },
} as const satisfies Entries;
