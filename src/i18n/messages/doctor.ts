// Messages of `bulletin doctor`'s report.
// Each entry: { en, zh }; placeholders `{name}` (or `{count|one|other}` for an English plural) the same in both.
import type { Entries } from '../entries.js';

export const doctorMessages = {
  'doctor.status.ok': { en: 'ok', zh: '正常' },
  'doctor.status.warn': { en: 'warn', zh: '注意' },
  'doctor.status.fail': { en: 'FAIL', zh: '失败' },
  'doctor.fix': { en: 'fix: {text}', zh: '解决办法：{text}' },
  'doctor.ready': { en: 'ready to build', zh: '一切就绪，可以生成' },

  'doctor.node': { en: 'node', zh: 'Node.js 版本' },
  'doctor.node.fix': { en: 'Install Node.js 20 or newer.', zh: '请安装 Node.js 20 或更新的版本。' },

  'doctor.browser': { en: 'browser', zh: '浏览器' },
  'doctor.browser.found': { en: 'found: {path} ({source})', zh: '找到：{path}（{source}）' },
  'doctor.browser.none': { en: 'found in the usual places: none (Chrome, Edge or Chromium)', zh: '常用位置中没有找到浏览器（Chrome、Edge 或 Chromium）' },
  'doctor.browser.detail': { en: '{path} ({source}) {version}', zh: '{path}（{source}），版本：{version}' },
  'doctor.browser.no-version': { en: 'did not answer --version', zh: '未回应 `--version`' },
  'doctor.browser.too-old': { en: 'Chrome 131 or newer is needed for page-margin boxes (page numbers): update it.', zh: '页码排在页边距区域中，需要 Chrome 131 或更新的版本，请升级浏览器。' },
  'doctor.browser.check': { en: 'Check that the browser runs: `chromium --version`.', zh: '请检查浏览器能否运行：`chromium --version`。' },
  'doctor.sandbox': { en: 'sandbox', zh: '沙箱' },
  'doctor.sandbox.root': { en: 'running as root: Chrome is started with --no-sandbox (acceptable in a throwaway CI container)', zh: '以 root 身份运行：Chrome 以 `--no-sandbox` 启动（在用完即弃的持续集成容器中可以接受）' },

  'doctor.series': { en: 'series', zh: '刊物' },
  'doctor.series.fonts-below': { en: '{file} (its fonts: below)', zh: '{file}（字体见下）' },
  'doctor.series.problem': { en: '{file}: {problem}', zh: '{file}：无法读取其中的字体：{problem}' },
  'doctor.series.fix': { en: 'Correct bulletin.yaml (`bulletin validate` says where).', zh: '请修改 bulletin.yaml（`bulletin validate` 会指出位置）。' },
  'doctor.series.not-found': { en: '{series} is not in a bulletin series: no {file} in it or above it', zh: '{series} 不在刊物中：它和上级文件夹中都没有 {file}' },
  'doctor.series.not-found.hint': { en: 'Name a series folder, or run doctor without it to see the bundled fonts.', zh: '请指定刊物文件夹；不带文件夹运行 `bulletin doctor`，可查看自带的字体。' },

  'doctor.output': { en: 'output', zh: '输出文件夹' },
  'doctor.output.fix': { en: 'Choose a writable folder with --out-dir.', zh: '请用 `--out-dir` 指定一个可写入的文件夹。' },

  'doctor.font': { en: 'font {role}', zh: '字体 {role}' },
  'doctor.font.problem': { en: '{source}: {problem}', zh: '{source}：不能使用：{problem}' },
  'doctor.font.reinstall': { en: 'Reinstall the npm packages (`npm ci`): the bundled fonts come with them.', zh: '请重新安装 npm 包（`npm ci`）：自带的字体随包安装。' },
  'doctor.font.see-validate': { en: '`bulletin validate` says the same, with the fix.', zh: '`bulletin validate` 也会报告这个问题，并说明如何修正。' },
  'doctor.font.detail': { en: '{source}: {family}, {design}', zh: '{source}：{family}；风格：{design}' },
  'doctor.font.no-family': { en: '(no family name)', zh: '（无字体名称）' },
  'doctor.font.design-usual': { en: '{design} (GB/T 9704 sets {what} in {usual})', zh: '{design}（GB/T 9704 规定{what}用{usual}体）' },
  'doctor.font.design-unknown': { en: 'design not known (GB/T 9704: {usual})', zh: '不明（GB/T 9704 规定用{usual}体）' },
  'doctor.font.role.title': { en: 'the title', zh: '标题' },
  'doctor.font.role.body': { en: 'the body', zh: '正文' },
  'doctor.font.role.heading': { en: 'the heading', zh: '小标题' },
  'doctor.font.role.kai': { en: 'the kai', zh: '楷体部分' },
  'doctor.font.role.page-number': { en: 'page numbers', zh: '页码' },
  'doctor.font.format': { en: '{format}: {embedding}', zh: '{format}；嵌入方式：{embedding}' },
  'doctor.font.gb2312': { en: 'GB 2312 hanzi: {have} of {total}', zh: 'GB 2312 汉字：{total}个中有{have}个' },
  'doctor.font.gb2312.not-counted': { en: 'GB 2312 hanzi: not counted (this Node.js cannot decode GB 2312)', zh: 'GB 2312 汉字：未统计（此 Node.js 不能解码 GB 2312）' },
  'doctor.font.office': { en: '{hanzi}; beyond GB 2312 (Ⅲ μ ℃ ㎡ ‰ № § ① ⑴ ㈠, full-width forms, 𬍛): {have} of {total}{lacks}', zh: '{hanzi}；GB 2312 以外（Ⅲ μ ℃ ㎡ ‰ № § ① ⑴ ㈠、全角字符、𬍛）：{total}个中有{have}个{lacks}' },
  'doctor.font.office.lacks': { en: ', lacks {characters}', zh: '，缺 {characters}' },
  'doctor.font.short.bundled': {
    en: 'The bundled face lacks {count} of GB 2312\'s hanzi: they print in the role\'s fallback (the body\'s face, else a font of this machine; `bulletin validate` warns glyph-missing where an issue has one). Name a font file that has them under `fonts:`.',
    zh: '自带字体缺少 GB 2312 中的{count}个汉字：这些字改用后备字体印出（先用正文字体，再用本机的字体；某期用到这些字时，`bulletin validate` 会给出 glyph-missing 警告）。请在 `fonts:` 下写明含有这些字的字体文件。',
  },
  'doctor.font.short.file': {
    en: 'The file lacks {count} of GB 2312\'s hanzi (a subset, or a font for another script?): they print in a font of this machine (`bulletin validate` warns glyph-missing where an issue has one). Use the complete font file.',
    zh: '这个字体文件缺少 GB 2312 中的{count}个汉字（可能是子集字体，或为其他文字设计的字体）：这些字改用本机的字体印出（某期用到这些字时，`bulletin validate` 会给出 glyph-missing 警告）。请使用完整的字体文件。',
  },
} as const satisfies Entries;
