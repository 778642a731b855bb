// URLs of the output folder's files: each path segment percent-encoded, CSS url() quoted, so a file
// name's `#`, `?`, `%`, quotes and brackets stay part of the name.
import { describe, expect, it } from 'vitest';
import { cssUrl, urlPath } from '../../src/render/urlPath.js';
import { fontFaceCss, type FontFace } from '../../src/render/fontFaces.js';
import { indexView } from '../../src/render/indexView.js';
import type { Issue } from '../../src/model/types.js';
import { makeSeries } from '../helpers.js';

describe('URLs of output files', () => {
  it('encode each segment, keeping the slashes', () => {
    expect(urlPath('2018-02_files/images/issues/images/a.png')).toBe('2018-02_files/images/issues/images/a.png');
    expect(urlPath('第1期 #2?(50%)/会场 "x".png')).toBe('%E7%AC%AC1%E6%9C%9F%20%232%3F(50%25)/%E4%BC%9A%E5%9C%BA%20%22x%22.png');
    expect(decodeURIComponent(urlPath('a#b/c?d%e').split('/')[1]!)).toBe('c?d%e');
  });

  it('quote CSS url()s, with nothing left that could close the string', () => {
    expect(cssUrl('fonts/a b.woff2')).toBe('url("fonts/a%20b.woff2")');
    expect(cssUrl('fonts/x");} body{color:red} .y{a:url("').split('"')).toHaveLength(3); // the two quotes of the string only
    expect(cssUrl('fonts/a\\b\n.ttf')).toBe('url("fonts/a%5Cb%0A.ttf")');
  });

  it('are what the font faces and the index write', () => {
    const face: FontFace = { family: 'bulletin-body', url: 'fonts/body-仿宋 #1.ttf', file: '/s/fonts/仿宋 #1.ttf', ranges: new Uint32Array(0), format: 'truetype' };
    expect(fontFaceCss([face], '')).toContain(`src: url("fonts/body-${encodeURIComponent('仿宋 #1.ttf')}") format('truetype');`);
    const issue = { slug: '2018-01 #1?', label: undefined, issueLine: '2018年第1期', dateLine: '', date: { iso: '2018-03-01' }, total: 1, sections: [], series: makeSeries() } as unknown as Issue;
    const [entry] = indexView([issue], () => true).issues;
    expect(entry).toMatchObject({ pdf: '2018-01%20%231%3F.pdf', html: '2018-01%20%231%3F.html' });
  });
});
