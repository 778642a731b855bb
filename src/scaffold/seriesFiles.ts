// The files of a new series (`bulletin init`): a commented bulletin.yaml, a first issue with one
// article and one photo, .gitignore, a package.json that pins bulletin, and a GitHub Actions workflow
// that installs that pinned bulletin (npm ci), validates pull requests and builds the PDFs on main.
import { placeholderPng } from './placeholderPng.js';
import type { PlainDate } from '../model/chineseDate.js';

export interface SeriesFilesOptions {
  date: PlainDate;
  /** `$schema` references, relative to the series folder and to its issues folder. */
  seriesSchema: string;
  issueSchema: string;
  /** The bulletin the series' package.json pins (the one running `init`): its package name and exact version. */
  bulletin: { name: string; version: string };
}

export function seriesFiles(options: SeriesFilesOptions): Map<string, string | Uint8Array> {
  const { date } = options;
  const files = new Map<string, string | Uint8Array>();
  files.set('bulletin.yaml', `# yaml-language-server: $schema=${options.seriesSchema}
# The series file of a bulletin (简报). Every option is shown; the commented ones have their default.
# Check the series with \`bulletin validate\`, print it with \`bulletin build\`.

# The masthead: the series line printed in red above the name, the name very large in red, and
# the issuing office (also the PDF's author).
series: 示例单位
name: 工作动态
publisher: 示例单位办公室

# Folder of the issue files, relative to this file.
issues: issues

layout:
  preset: standard             # standard: A4, GB/T 9704 (22 × 28 of 16 pt); a5-booklet: A5 booklets
  # Single values of the preset may be changed (docs/presets.md), e.g.:
  # grid: { lines: 22, chars: 28 }   # lines per page × characters per line
  # bodySize: 16                     # pt
  # titleLines: 3                    # lines an article title may take before validate warns
  pageNumber: "- N -"          # "- N -" or "— N —" (the GB/T 9704 form)
  dateStyle: hanzi             # hanzi: 二〇一八年十二月二十八日; arabic: 2018年12月28日
  # fit: off                   # fitting the last page is on (README › Fitting the last page); off, or { minLastPageLines: 4 }
  duplex: true                 # printed on both sides: odd sheet sides number on the right, even on the left (docs/duplex.md); false: one side
  bodyStartsOn: next           # next: - 1 - on the back of a one-page cover; right: that back left blank, - 1 - on a right-hand page
  colors:
    accent: "#E60012"          # the red of the masthead and rules
    text: "#000000"

# Fonts per role. Without an entry the bundled free faces are used (Noto Serif SC, Noto Sans SC,
# LXGW WenKai), so every machine paginates alike. Files are relative to this file, inside the series.
# fonts:
#   title: { file: fonts/FZXiaoBiaoSong.ttf, family: 方正小标宋简体 }   # masthead and titles
#   body: { file: fonts/FangSong_GB2312.ttf }                          # body text (仿宋)
#   heading: { file: fonts/SimHei.ttf }                                # 【section】 labels, 一、 (黑体)
#   kai: { file: fonts/KaiTi_GB2312.ttf }                              # notes, captions, （一） (楷体)
#   pageNumber: { file: fonts/SimSun.ttf }                             # page numbers (宋体)

# Bodies: each line is a paragraph, as in Word (paste the text as it is); **bold** and *楷体* work
# next to Chinese punctuation; 一、 （一） 1. print as typed. For Markdown's rule instead (the lines
# of a paragraph joined, paragraphs separated by blank lines, 1. a list):
# markdown:
#   lineBreaks: join

numbering:
  supplementsCountInTotal: false   # do supplements (增刊) take a number in 总第N期?
  # If earlier issues are not kept in this repository, say where the records start:
  # start: { year: ${date.year}, number: 5, total: 40 }

# The distribution block (版记) at the foot of the last page. An issue may add recipients for
# itself (distribution.extra, 本期增发) and change the number of copies.
distribution:
  report: [上级单位]          # 报：
  send: [有关单位]            # 送：
  distribute: [各部门]        # 发：
  copies: 50                  # （共印50份）
`);
  files.set(`issues/${date.year}-01.yaml`, `# yaml-language-server: $schema=${options.issueSchema}
year: ${date.year}
number: 1          # 第1期: restarts at 1 each year
total: 1           # 总第1期: continues across the years
date: ${date.iso}  # a plain date, YYYY-MM-DD
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
    description: 'A bulletin series: sources in bulletin.yaml and issues/, printed by bulletin',
    scripts: { validate: 'bulletin validate .', build: 'bulletin build . --out-dir dist' },
    dependencies: { [options.bulletin.name]: options.bulletin.version },
  }, null, 2)}\n`);
  files.set('.github/workflows/bulletin.yml', `# Checks every pull request (annotations on the changed lines) and builds the PDFs on main.
# bulletin is the version pinned in package.json and package-lock.json: run \`npm install\` once and
# commit package-lock.json; change the version there (\`npm install ${options.bulletin.name}@NEW\`) to upgrade.
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
      - name: Cache bulletin's font subsets
        uses: actions/cache@v4
        with:
          path: ~/.cache/bulletin
          key: bulletin-fonts-\${{ hashFiles('package-lock.json') }}
      - name: Install bulletin (the version in package-lock.json)
        run: npm ci --no-audit --no-fund
      - name: Validate (annotations on the pull request)
        run: npx --no-install bulletin validate --format github .
      - name: Build the PDFs
        if: github.event_name == 'push'
        # The runner's Google Chrome; sources from pull requests are untrusted: see bulletin's README.
        env:
          BULLETIN_BROWSER: /usr/bin/google-chrome
        run: npx --no-install bulletin build . --out-dir dist
      - name: Upload the PDFs
        if: github.event_name == 'push'
        uses: actions/upload-artifact@v4
        with:
          name: bulletin
          path: dist/
          if-no-files-found: error
`);
  return files;
}
