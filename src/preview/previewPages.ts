// The HTML of the preview's own pages: the series index and an issue's viewer, with live reload, in
// the language of the preview (its <html lang> too).
import { localize, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatHuman, plainStyle } from '../diagnostics/formatHuman.js';
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/message.js';

export interface IssueStatus {
  slug: string;
  issueLine: string;
  dateLine: string;
  titles: string[];
  state: 'queued' | 'building' | 'ok' | 'failed';
  /** The moment of the last successful build (changes on every rebuild, for cache busting). */
  version: number;
  message: string | undefined;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `body{font:16px/1.6 system-ui,"Noto Sans SC",sans-serif;margin:0;color:#222}
header{padding:.6em 1em;background:#b3000c;color:#fff}header a{color:#fff}
main{padding:1em}pre{background:#fff4f4;border:1px solid #e0b4b4;padding:1em;white-space:pre-wrap}
li{margin:.4em 0}.state{font-size:.85em;color:#666;margin-left:.6em}iframe{border:0;width:100%;height:calc(100vh - 3.2em)}`;

function page(title: string, body: string, watch: string, lang: Lang): string {
  return `<!DOCTYPE html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>${STYLE}</style><script src="/__reload.js" data-watch="${escape(watch)}" defer></script></head><body>${body}</body></html>`;
}

/** The diagnostics overlay: the problems with their code frames, in a language. */
export function diagnosticsText(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, lang: Lang = 'en'): string {
  return diagnostics.map((d) => formatHuman(localize(d, lang), sources.get(d.file), plainStyle, lang)).join('\n\n');
}

const STATE_TEXT = { queued: 'preview.state.queued', building: 'preview.state.building', failed: 'preview.state.failed' } as const;

/** `checking`: the sources are being read for the first time (the list of issues is not known yet). */
export function indexPage(seriesName: string, issues: readonly IssueStatus[], problems: string, checking = false, lang: Lang = 'en'): string {
  const items = issues
    .map((i) => `<li><a href="/issue/${encodeURIComponent(i.slug)}">${escape(i.issueLine)}</a> ${escape(i.dateLine)}<span class="state">${i.state === 'ok' ? `<a href="/${encodeURIComponent(i.slug)}.pdf">PDF</a> · <a href="/${encodeURIComponent(i.slug)}.html">HTML</a>` : escape(t(lang, STATE_TEXT[i.state]))}</span><br><small>${i.titles.map(escape).join(' · ')}</small></li>`)
    .join('\n');
  const waiting = issues.filter((i) => i.state === 'queued' || i.state === 'building').length;
  const progress = checking
    ? `<p class="state" id="progress">${escape(t(lang, 'preview.checking'))}</p>`
    : waiting ? `<p class="state" id="progress">${escape(t(lang, 'preview.progress', { ready: issues.length - waiting, total: issues.length }))}</p>` : '';
  const title = t(lang, 'preview.page.title', { series: seriesName });
  const header = escape(t(lang, 'preview.page.header', { series: seriesName }));
  return page(title, `<header>${header}</header><main>${problems ? `<pre id="problems">${escape(problems)}</pre>` : ''}${progress}<ol>${items}</ol></main>`, '*', lang);
}

export function viewerPage(issue: IssueStatus | undefined, slug: string, problems: string, checking = false, lang: Lang = 'en'): string {
  const head = `<header><a href="/">${escape(t(lang, 'preview.page.all-issues'))}</a> · ${escape(issue?.issueLine ?? slug)}${issue?.state === 'ok' ? ` · <a href="/${encodeURIComponent(slug)}.pdf">PDF</a> · <a href="/${encodeURIComponent(slug)}.html">HTML</a>` : ''}</header>`;
  if (problems || !issue || issue.state !== 'ok') {
    const text = problems || (checking && !issue ? t(lang, 'preview.checking') : issue && issue.state !== 'failed' && issue.state !== 'ok' ? t(lang, STATE_TEXT[issue.state]) : issue?.message ?? t(lang, 'preview.no-such-issue'));
    return page(slug, `${head}<main><pre id="problems">${escape(text)}</pre></main>`, slug, lang);
  }
  return page(slug, `${head}<iframe src="/${encodeURIComponent(slug)}.pdf?v=${issue.version}" title="${escape(issue.issueLine)}"></iframe>`, slug, lang);
}

/** Reloads the page when the server says its issue (or the whole series) was rebuilt. */
export const RELOAD_SCRIPT = `(() => {
  const watch = document.currentScript.dataset.watch;
  const events = new EventSource('/__events');
  events.addEventListener('rebuilt', (e) => {
    if (watch === '*' || e.data === '*' || e.data === watch) location.reload();
  });
})();
`;
