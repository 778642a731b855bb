// `<slug>.html` and `<slug>_files/`: the page with the real contents numbers, its stylesheets, the
// font slices it may need and its images. Printed first, for the numbers.
import type { Writer } from './writer.js';
import { msg } from '../i18n/message.js';
import { assetsFolder } from '../model/outputNames.js';
import { carriesMetadata } from '../images/imageMetadata.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';

export const htmlWriter: Writer = {
  name: 'html',
  needs: 'print',
  async writeIssue({ issue, doc, used }, ctx) {
    // No image published may carry metadata (a photo's GPS position, camera, author): the renditions
    // carry none (images/processImage.ts); this holds to it for every image the folder gets.
    for (const [url, resource] of doc.resources) {
      if (!/^image\/(jpeg|png)$/.test(resource.type)) continue;
      const bytes = 'body' in resource ? (typeof resource.body === 'string' ? undefined : resource.body) : 'make' in resource ? await resource.make() : await ctx.io.readFile(resource.file);
      const found = bytes ? carriesMetadata(bytes) : [];
      if (found.length) {
        throw new BulletinError(msg('build.bug.image-metadata', { page: doc.entry, url, what: found.join(', ') }), ExitCode.RenderFailed, msg('build.bug.hint'));
      }
    }
    const copies: Promise<string>[] = [];
    for (const [url, resource] of doc.resources) {
      // Font slices in the stylesheet are copied (a screen may need another than the print did);
      // a whole font without ranges, and the subset of the bundled 楷体, only when the page used it.
      if (url === doc.entry || (!('body' in resource) && used && !used.has(url) && !('ranged' in resource && resource.ranged))) continue;
      copies.push('body' in resource ? ctx.write(url, resource.body, { sync: false }) : 'make' in resource ? resource.make().then((bytes) => ctx.write(url, bytes, { sync: false })) : ctx.copy(resource.file, url));
    }
    await Promise.all(copies);
    // The page's folder holds what this page refers to, nothing an earlier build left (a photo since
    // renamed or removed, the font files an older version published).
    ctx.own(assetsFolder(issue.slug));
    // The page last, and flushed: once it is there, everything it refers to is too.
    const entry = doc.resources.get(doc.entry)!;
    return [await ctx.write(doc.entry, 'body' in entry ? entry.body : '')];
  },
};
