// The printed page-number form of a series: `- 1 -` or `— 1 —`, for footers and contents alike.
import type { PageNumberForm } from '../model/types.js';

export function pageNumberParts(form: PageNumberForm): { before: string; after: string } {
  const [before, after] = form.split('N') as [string, string];
  return { before, after };
}

export function formatPageNumber(form: PageNumberForm, page: number): string {
  return form.replace('N', String(page));
}
