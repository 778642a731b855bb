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
