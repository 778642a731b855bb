// `<slug>.html` and `<slug>_files/`: the page with the real contents numbers, its stylesheets, the
// font slices it may need and its images. Printed first, for the numbers.
import type { Writer } from './writer.js';

export const htmlWriter: Writer = {
  name: 'html',
  needs: 'print',
  async writeIssue({ doc, used }, ctx) {
    const copies: Promise<string>[] = [];
    for (const [url, resource] of doc.resources) {
      // Font slices in the stylesheet are copied (a screen may need another than the print did);
      // a whole font without ranges, and the subset of the bundled 楷体, only when the page used it.
      if (url === doc.entry || (!('body' in resource) && used && !used.has(url) && !('ranged' in resource && resource.ranged))) continue;
      copies.push('body' in resource ? ctx.write(url, resource.body, { sync: false }) : 'make' in resource ? resource.make().then((bytes) => ctx.write(url, bytes, { sync: false })) : ctx.copy(resource.file, url));
    }
    await Promise.all(copies);
    // The page last, and flushed: once it is there, everything it refers to is too.
    const entry = doc.resources.get(doc.entry)!;
    return [await ctx.write(doc.entry, 'body' in entry ? entry.body : '')];
  },
};
