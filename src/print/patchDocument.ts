// Pass 2 without a reload: the loaded page gets its contents numbers, cover parity and distribution
// offset in place, so fonts and images are not fetched and decoded again. The hooks it uses are
// the template contract's (render/templateContract.ts).
import type { Page } from 'puppeteer-core';
import { CONTRACT } from '../render/templateContract.js';
import { pollPage } from './printPage.js';

export interface DocumentPatch {
  /** Text for each `[data-page-of=id]` element: the contents' page references. */
  pageText: Record<string, string>;
  /** `cover-odd` or `cover-even`, set on the body element. */
  bodyClass: string;
  /** Padding above the distribution block, in points. */
  distributionOffset: number;
  /** The fitted articles (their titles' ids) and the properties they are set with (render/issueCss.ts fitProperties). */
  fit?: { ids: string[]; properties: Record<string, string> };
  /** Page breaks forced to keep a source line with its table (model/keepBreaks.ts): a table's id, or `id@n` for its body row n. */
  keepBreaks?: readonly string[];
}

/**
 * Applies the patch through the DevTools protocol (the page's own scripts stay disabled). Returns
 * false when the document lacks a hook (a contents number or the body element).
 */
export async function patchDocument(page: Page, patch: DocumentPatch): Promise<boolean> {
  return page.evaluate((p: DocumentPatch, c: typeof CONTRACT) => {
    const refs = Array.from(document.querySelectorAll<HTMLElement>(`[${c.pageRefAttribute}]`));
    const ids = Object.keys(p.pageText);
    const idOf = (el: HTMLElement) => el.getAttribute(c.pageRefAttribute)!;
    if (refs.length !== ids.length || !refs.every((el) => idOf(el) in p.pageText)) return false;
    for (const el of refs) el.textContent = p.pageText[idOf(el)]!;
    const body = document.querySelector(`.${c.bodyClass}`);
    if (!body) return false;
    body.classList.remove('cover-odd', 'cover-even');
    body.classList.add(p.bodyClass);
    const wrap = document.getElementById(c.distributionId);
    if (wrap) wrap.style.paddingTop = p.distributionOffset > 0 ? `${p.distributionOffset}pt` : '';
    // Fitting: every article back on the grid, then the fitted ones tightened.
    const fitted = new Set(p.fit?.ids ?? []);
    for (const article of Array.from(document.querySelectorAll<HTMLElement>('.article'))) {
      const id = article.querySelector(':scope > [id]')?.id ?? '';
      for (const [k, v] of Object.entries(p.fit?.properties ?? {})) {
        if (fitted.has(id)) article.style.setProperty(k, v);
      }
      if (!fitted.has(id)) for (const k of ['--pitch', '--char', '--tracking', 'line-height']) article.style.removeProperty(k);
    }
    // Forced breaks: the earlier ones taken off, then this state's set.
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-keep-break]'))) {
      el.style.removeProperty('break-before');
      el.removeAttribute('data-keep-break');
    }
    for (const key of p.keepBreaks ?? []) {
      const [id, row] = key.split('@');
      const table = document.getElementById(id!);
      const el = row === undefined ? table : table?.querySelectorAll<HTMLElement>('tbody > tr')[Number(row)];
      if (!el) return false;
      el.style.setProperty('break-before', 'page');
      el.setAttribute('data-keep-break', '');
    }
    return true;
  }, patch, CONTRACT);
}

/** Replaces the page's body and title with those of `html` (a full document from the same layout). */
export async function replaceBody(page: Page, html: string): Promise<boolean> {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1];
  const title = /<title>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '';
  if (body === undefined) return false;
  await page.evaluate((b: string, t: string) => {
    document.body.innerHTML = b;
    const el = document.querySelector('title');
    if (el) el.innerHTML = t;
  }, body, title);
  // The new body's images may not be loaded yet (the photos' stand-ins, after the page showed the
  // photos): wait until every image has loaded (or failed), asking: an onload handler would never be called.
  await pollPage(() => page.evaluate(() => {
    let loading = 0;
    for (const img of Array.from(document.images)) if (!img.complete) loading++;
    return loading;
  }), (loading) => loading === 0, 'loading the images of the edited body');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return true;
}
