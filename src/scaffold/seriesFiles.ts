// The files of a new series (`bulletin init`), commented in the command's language: a commented
// bulletin.yaml, a first issue with one article and one photo, .gitignore, a package.json that pins bulletin, and a GitHub Actions workflow
// that installs that pinned bulletin (npm ci), validates pull requests and builds the PDFs on main.
import { placeholderPng } from './placeholderPng.js';
import type { PlainDate } from '../model/chineseDate.js';
import type { Lang } from '../i18n/lang.js';
import { translator } from '../i18n/message.js';
import { displayWidth } from '../diagnostics/codeFrame.js';

export interface SeriesFilesOptions {
  date: PlainDate;
  /** `$schema` references, relative to the series folder and to its issues folder. */
  seriesSchema: string;
  issueSchema: string;
  /** The bulletin the series' package.json pins (the one running `init`): its package name and exact version. */
  bulletin: { name: string; version: string };
  /** The language of the comments; under zh the series file also says `lang: zh`. English by default. */
  lang?: Lang;
}

/** A comment of one or more lines (one catalogue entry with line breaks), each line indented and behind `# `. */
export function commentBlock(text: string, indent = ''): string {
  return text.split('\n').map((line) => `${indent}# ${line}`).join('\n');
}

/** A line with a comment after it, the comments of a group starting in the same column (as wide characters count on screen). */
export function withNote(line: string, text: string, column: number): string {
  return `${line}${' '.repeat(Math.max(1, column - displayWidth(line)))}# ${text}`;
}

export function seriesFiles(options: SeriesFilesOptions): Map<string, string | Uint8Array> {
  const { date } = options;
  const lang = options.lang ?? 'en';
  const say = translator(lang);
  const files = new Map<string, string | Uint8Array>();
  // Under zh the series says so (its CI then reports in Chinese on an English runner); under en the option is shown commented.
  const langLine = lang === 'zh' ? 'lang: zh' : '# lang: zh';
  files.set('bulletin.yaml', `# yaml-language-server: $schema=${options.seriesSchema}
${commentBlock(say.t('scaffold.series.header'))}

${commentBlock(say.t('scaffold.series.lang'))}
${langLine}

${commentBlock(say.t('scaffold.series.masthead'))}
series: 示例单位
name: 工作动态
publisher: 示例单位办公室

${commentBlock(say.t('scaffold.series.issues'))}
issues: issues

layout:
${withNote('  preset: standard', say.t('scaffold.series.preset'), 31)}
${commentBlock(say.t('scaffold.series.preset-values'), '  ')}
${withNote('  # grid: { lines: 22, chars: 28 }', say.t('scaffold.series.grid'), 37)}
${withNote('  # bodySize: 16', say.t('scaffold.series.body-size'), 37)}
${withNote('  # titleLines: 3', say.t('scaffold.series.title-lines'), 37)}
${withNote('  pageNumber: "- N -"', say.t('scaffold.series.page-number'), 31)}
${withNote('  dateStyle: hanzi', say.t('scaffold.series.date-style'), 31)}
${withNote('  # fit: off', say.t('scaffold.series.fit'), 31)}
${withNote('  duplex: true', say.t('scaffold.series.duplex'), 31)}
${withNote('  bodyStartsOn: next', say.t('scaffold.series.body-starts-on'), 31)}
  colors:
${withNote('    accent: "#E60012"', say.t('scaffold.series.accent'), 31)}
${withNote('    text: "#000000"', say.t('scaffold.series.text-color'), 31)}

${commentBlock(say.t('scaffold.series.fonts'))}
# fonts:
${withNote('#   title: { file: fonts/FZXiaoBiaoSong.ttf, family: 方正小标宋简体 }', say.t('scaffold.series.font-title'), 71)}
${withNote('#   body: { file: fonts/FangSong_GB2312.ttf }', say.t('scaffold.series.font-body'), 71)}
${withNote('#   heading: { file: fonts/SimHei.ttf }', say.t('scaffold.series.font-heading'), 71)}
${withNote('#   kai: { file: fonts/KaiTi_GB2312.ttf }', say.t('scaffold.series.font-kai'), 71)}
${withNote('#   pageNumber: { file: fonts/SimSun.ttf }', say.t('scaffold.series.font-page-number'), 71)}

${commentBlock(say.t('scaffold.series.markdown'))}
# markdown:
#   lineBreaks: join

numbering:
${withNote('  supplementsCountInTotal: false', say.t('scaffold.series.supplements-count'), 35)}
${commentBlock(say.t('scaffold.series.numbering-start'), '  ')}
  # start: { year: ${date.year}, number: 5, total: 40 }

${commentBlock(say.t('scaffold.series.distribution'))}
distribution:
${withNote('  report: [上级单位]', say.t('scaffold.series.report'), 30)}
${withNote('  send: [有关单位]', say.t('scaffold.series.send'), 30)}
${withNote('  distribute: [各部门]', say.t('scaffold.series.distribute'), 30)}
${withNote('  copies: 50', say.t('scaffold.series.copies', { copies: 50 }), 30)}
`);
  files.set(`issues/${date.year}-01.yaml`, `# yaml-language-server: $schema=${options.issueSchema}
year: ${date.year}
${withNote('number: 1', say.t('scaffold.issue.number'), 19)}
${withNote('total: 1', say.t('scaffold.issue.total'), 19)}
${withNote(`date: ${date.iso}`, say.t('scaffold.issue.date'), 18)}
sections:
  - label: 工作动态
    articles:
      - title:
          - 示例单位召开${date.year}年第一次工作会议
        body: |
          ${date.month}月${date.day}日，示例单位召开${date.year}年第一次工作会议，总结上一阶段工作，部署下一阶段重点任务。

          会议指出，各部门要按照年度工作安排，细化措施，明确责任，确保各项任务按时完成。
        figures:
          - image: images/placeholder.png
            place: right
            width: "40%"
            caption: 会议现场（占位图）
            paragraph: 1
        source: 示例单位办公室供稿
`);
  files.set('issues/images/placeholder.png', placeholderPng(640, 480));
  // .bulletin-cache/: processed photos (safe to delete; never commit it: a build ignores entries it did not sign).
  files.set('.gitignore', 'dist/\nnode_modules/\n.bulletin-cache/\n');
  files.set('package.json', `${JSON.stringify({
    private: true,
    description: say.t('scaffold.package.description'),
    scripts: { validate: 'bulletin validate .', build: 'bulletin build . --out-dir dist' },
    dependencies: { [options.bulletin.name]: options.bulletin.version },
  }, null, 2)}\n`);
  files.set('.github/workflows/bulletin.yml', `${commentBlock(say.t('scaffold.workflow.header', { name: options.bulletin.name }))}
name: bulletin
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  bulletin:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - name: ${say.t('scaffold.workflow.cache')}
        uses: actions/cache@v4
        with:
          path: ~/.cache/bulletin
          key: bulletin-fonts-\${{ hashFiles('package-lock.json') }}
      - name: ${say.t('scaffold.workflow.install')}
        run: npm ci --no-audit --no-fund
      - name: ${say.t('scaffold.workflow.validate')}
        run: npx --no-install bulletin validate --format github .
      - name: ${say.t('scaffold.workflow.build')}
        if: github.event_name == 'push'
${commentBlock(say.t('scaffold.workflow.browser'), '        ')}
        env:
          BULLETIN_BROWSER: /usr/bin/google-chrome
        run: npx --no-install bulletin build . --out-dir dist
      - name: ${say.t('scaffold.workflow.upload')}
        if: github.event_name == 'push'
        uses: actions/upload-artifact@v4
        with:
          name: bulletin
          path: dist/
          if-no-files-found: error
`);
  return files;
}
