// Whether an edited issue's document can be swapped into the page in place (print/paginateIssue.ts):
// the same stylesheets, fonts and images, compared by their bytes.
import { describe, expect, it } from 'vitest';
import { sameAssets } from '../../src/print/paginateIssue.js';
import type { IssueDocument, Resource } from '../../src/render/issueDocument.js';

const doc = (resources: [string, Resource][]): IssueDocument => ({
  entry: 'x.html',
  view: {} as IssueDocument['view'],
  screenLayout: true,
  removed: [],
  standIns: false,
  resources: new Map<string, Resource>([['x.html', { type: 'text/html', body: '<p>a</p>' }], ...resources]),
});

const photo = (seed: number) => Uint8Array.from({ length: 300_000 }, (_, i) => (i * seed) % 251);

describe('sameAssets', () => {
  it('holds for equal photo bytes in other arrays and another page text', () => {
    const a = doc([['x_files/images/p.jpg', { type: 'image/jpeg', body: photo(7) }], ['x_files/issue.css', { type: 'text/css', body: 'p{}' }]]);
    const b = doc([['x_files/images/p.jpg', { type: 'image/jpeg', body: photo(7) }], ['x_files/issue.css', { type: 'text/css', body: 'p{}' }]]);
    b.resources.set('x.html', { type: 'text/html', body: '<p>b</p>' });
    expect(sameAssets(a, b)).toBe(true);
  });

  it('fails for a photo whose bytes changed, a stylesheet that changed, a file that is gone', () => {
    const a = doc([['x_files/images/p.jpg', { type: 'image/jpeg', body: photo(7) }], ['x_files/issue.css', { type: 'text/css', body: 'p{}' }]]);
    const changed = photo(7);
    changed[150_000] = changed[150_000]! ^ 1;
    expect(sameAssets(a, doc([['x_files/images/p.jpg', { type: 'image/jpeg', body: changed }], ['x_files/issue.css', { type: 'text/css', body: 'p{}' }]]))).toBe(false);
    expect(sameAssets(a, doc([['x_files/images/p.jpg', { type: 'image/jpeg', body: photo(7) }], ['x_files/issue.css', { type: 'text/css', body: 'q{}' }]]))).toBe(false);
    expect(sameAssets(a, doc([['x_files/images/p.jpg', { type: 'image/jpeg', body: photo(7) }], ['x_files/other.css', { type: 'text/css', body: 'p{}' }]]))).toBe(false);
  });

  it('does not take text for the bytes that spell it', () => {
    const bytes = new TextEncoder().encode('p{}');
    expect(sameAssets(doc([['x_files/a.css', { type: 'text/css', body: 'p{}' }]]), doc([['x_files/a.css', { type: 'text/css', body: bytes }]]))).toBe(false);
  });
});
