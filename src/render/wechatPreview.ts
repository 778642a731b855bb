// `wechat.html`: the WeChat article (render/wechatArticle.ts) in a phone-width frame, with a button
// that copies it as rich text for the 公众号 editor. The page has one script, this file's COPY_SCRIPT,
// allowed by its hash (sanitizeHtml's `scripts`); the article inside it has none.
import type { Issue } from '../model/types.js';
import { escapeHtml } from './renderBlocks.js';

/**
 * Selects the article (so that the reader sees what is copied, and Ctrl+C still works if copying
 * is refused), then puts it on the clipboard as HTML and as plain text: through the Clipboard API
 * when the browser allows it, else the browser's own copy of the selection.
 */
export const COPY_SCRIPT = `
(function () {
  var button = document.getElementById('copy');
  var article = document.getElementById('article');
  var status = document.getElementById('status');
  function select() {
    var range = document.createRange();
    range.selectNodeContents(article);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  function done(ok) {
    status.textContent = ok ? '已复制。请到公众号编辑器的正文中粘贴（Ctrl+V，Mac 上 ⌘V）。' : '未能自动复制：正文已选中，请按 Ctrl+C（Mac 上 ⌘C）复制。';
  }
  button.addEventListener('click', function (event) {
    event.preventDefault();
    select();
    var html = article.innerHTML;
    var text = article.innerText;
    if (navigator.clipboard && window.ClipboardItem) {
      navigator.clipboard.write([new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' })
      })]).then(function () { done(true); }, function () {
        var ok = false;
        try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
        done(ok);
      });
    } else {
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      done(ok);
    }
  });
})();
`;

/** The preview's own stylesheet: the page around the frame (the article carries its own styles). */
const PREVIEW_CSS = `
html { background: #ededed; }
body { margin: 0; font-family: -apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; color: #333; }
.bar { max-width: 375px; margin: 0 auto; padding: 12px 12px 0; box-sizing: border-box; }
.bar h1 { font-size: 15px; margin: 0 0 8px; font-weight: normal; color: #555; }
.copy { display: inline-block; padding: 8px 20px; background: #07c160; color: #fff; border-radius: 4px; text-decoration: none; font-size: 15px; }
.status { font-size: 13px; color: #576b95; min-height: 1.5em; margin: 6px 0 0; }
.steps { font-size: 12px; color: #888; margin: 4px 0 8px; padding-left: 1.4em; }
.phone { box-sizing: border-box; width: 375px; max-width: 100%; margin: 0 auto 24px; background: #fff; padding: 20px 16px; border: 1px solid #d9d9d9; overflow-wrap: break-word; }
`;

/** The preview page around the article's markup (already sanitised under the article's allowlist). */
export function wechatPreview(issue: Issue, article: string, embedded: boolean, images: number): string {
  const steps = [
    '点“复制正文”，到公众号后台新建图文，在正文中粘贴；',
    embedded || images === 0 ? '' : `粘贴后若图片未显示，请按编号上传本文件夹中的 ${images} 张图片（01 起）；`,
    '填写标题、封面后预览，再群发。',
  ].filter(Boolean);
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`公众号预览 · ${issue.series.name} ${issue.issueLine}`)}</title>
<style>${PREVIEW_CSS}</style>
</head>
<body>
<div class="bar">
<h1>公众号文章预览：${escapeHtml(issue.issueLine)}</h1>
<a href="#" role="button" id="copy" class="copy">复制正文</a>
<p id="status" class="status" role="status"></p>
<ol class="steps">${steps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>
</div>
<div class="phone"><div id="article">${article}</div></div>
<script>${COPY_SCRIPT}</script>
</body>
</html>
`;
}
