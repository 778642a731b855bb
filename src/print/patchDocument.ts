// Pass 2 without a reload: the loaded page gets its contents numbers, cover parity and distribution
// offset in place, so fonts and images are not fetched and decoded again.

import type { Page } from 'puppeteer';

export interface DocumentPatch {
  /** Text for each `[data-page-of=id]` element: the contents' page references. */
  pageText: Record<string, string>;
  /** `cover-odd` or `cover-even`, set on `.issue-body`. */
  bodyClass: string;
  /** Padding above the distribution block, in points. */
  distributionOffset: number;
}

/**
 * Applies the patch through the DevTools protocol (the page's own scripts stay disabled). Returns
 * false when the document lacks the hooks (a series template without `data-page-of`): the caller
 * then reloads the fully rendered document instead.
 */
export async function patchDocument(page: Page, patch: DocumentPatch): Promise<boolean> {
  return page.evaluate((p: DocumentPatch) => {
    const refs = Array.from(document.querySelectorAll<HTMLElement>('[data-page-of]'));
    const ids = Object.keys(p.pageText);
    if (refs.length !== ids.length || !refs.every((el) => el.dataset.pageOf! in p.pageText)) return false;
    for (const el of refs) el.textContent = p.pageText[el.dataset.pageOf!]!;
    const body = document.querySelector('.issue-body');
    if (!body) return false;
    body.classList.remove('cover-odd', 'cover-even');
    body.classList.add(p.bodyClass);
    const wrap = document.getElementById('distribution');
    if (wrap) wrap.style.paddingTop = p.distributionOffset > 0 ? `${p.distributionOffset}pt` : '';
    return true;
  }, patch);
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
  // New images may be in the body: wait until every image has loaded (or failed).
  await page.evaluate(() => Promise.all(Array.from(document.images).map((img) => (img.complete ? undefined : new Promise((r) => { img.onload = img.onerror = r; })))).then(() => document.fonts.ready).then(() => undefined));
  return true;
}
