// Messages of the preview server's pages, overlays and terminal lines: src/preview/.
// Each entry: { en, zh }; placeholders `{name}` (or `{count|one|other}` for an English plural) the same in both.
import type { Entries } from '../entries.js';

export const previewMessages = {
  // The pages: the index of the series and an issue's viewer.
  'preview.page.title': { en: '{series} — preview', zh: '{series} — 预览' },
  'preview.page.header': { en: '{series} · preview', zh: '{series} · 预览' },
  'preview.page.all-issues': { en: '◀ all issues', zh: '◀ 返回各期列表' },
  'preview.state.queued': { en: 'waiting to be built…', zh: '等待生成…' },
  'preview.state.building': { en: 'building…', zh: '正在生成…' },
  'preview.state.failed': { en: 'has errors', zh: '有错误' },
  'preview.checking': { en: 'checking the sources…', zh: '正在检查源文件…' },
  'preview.progress': { en: 'building: {ready} of {total} issues ready; this page updates itself', zh: '正在生成：共{total}期，已完成{ready}期；本页会自动更新' },
  'preview.no-such-issue': { en: 'no such issue', zh: '没有这一期' },
  'preview.failed': { en: 'preview failed: {reason}', zh: '预览出错：{reason}' },
  'preview.not-built': { en: 'not built yet', zh: '这一期尚未生成' },
  'preview.not-found': { en: 'not found', zh: '未找到' },
  'preview.internal-error': { en: 'internal error', zh: '预览服务内部错误' },
  // Requests the preview does not serve (requestGuard.ts).
  'preview.request.host': { en: 'This preview answers only http://127.0.0.1:{port}/ and http://localhost:{port}/.', zh: '本预览只响应发往 http://127.0.0.1:{port}/ 和 http://localhost:{port}/ 的请求' },
  'preview.request.method': { en: 'Only GET and HEAD.', zh: '只接受 GET 和 HEAD 请求' },
  'preview.request.path': { en: 'Malformed request path.', zh: '请求路径格式不正确' },
  // The port.
  'preview.port.in-use': { en: 'port {port} on 127.0.0.1 is already in use (another preview, or another program)', zh: '127.0.0.1 上的端口{port}已被占用（另一个预览或其他程序正在使用）' },
  'preview.port.denied': { en: 'port {port} needs administrator rights', zh: '使用端口{port}需要管理员权限' },
  'preview.port.cannot-listen': { en: 'cannot listen on 127.0.0.1:{port}: {reason}', zh: '无法在 127.0.0.1:{port} 上监听：{reason}' },
  'preview.port.hint': { en: 'Choose another port with --port (0 picks a free one).', zh: '请用 `--port` 换一个端口（`0` 表示自动选一个空闲端口）。' },
  // The terminal lines of `bulletin preview`.
  'preview.listening': { en: 'preview: {url}  (Ctrl-C to stop; the issues are being checked and built, the page shows their progress)', zh: '预览：{url}（按 Ctrl-C 停止；各期正在检查和生成，页面上显示进度）' },
  'preview.rebuilt': { en: '{time} rebuilt {slugs}', zh: '{time} 已重新生成 {slugs}' },
  'preview.built-first': { en: '{time} rebuilt {slugs} in {seconds} s', zh: '{time} 已生成 {slugs}，用时{seconds}秒' },
  'preview.issue-failed': { en: '{slug}: {message}', zh: '{slug} 未能生成：{message}' },
} as const satisfies Entries;
