// `build --wechat`: per issue, a folder `<slug>.wechat/` with the WeChat (公众号) article
// (`article.html`: inline styles only, the tags the editor keeps; render/wechatArticle.ts), its
// preview with a copy button (`wechat.html`; render/wechatPreview.ts) and the photos numbered in
// reading order for upload (`01.jpg` …: their phone renditions, images/figureRenditions.ts), or
// embedded as `data:` addresses (`output.wechat.embedImages`). Both pages go through the one
// sanitiser: the article under its own allowlist, the preview with its one script by hash.
import type { Writer } from './writer.js';
import { msg } from '../i18n/message.js';
import type { Figure } from '../model/types.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';

/** The folder of an issue's WeChat article, beside its PDF and HTML page. */
export const wechatFolder = (slug: string): string => `${slug}.wechat`;

/** The n-th image's file name (from 1): `01.jpg`, `02.png` … (three digits from the 100th). */
export const wechatImageName = (n: number, type: string): string => `${String(n).padStart(2, '0')}.${type === 'image/png' ? 'png' : 'jpg'}`;

/** The photo as the article gets it: the phone rendition of a raster figure, an SVG drawn as a PNG. */
async function imageOf(figure: Figure): Promise<{ bytes: Uint8Array; type: 'image/jpeg' | 'image/png' } | undefined> {
  const phone = figure.renditions?.screen[0];
  if (phone) return { bytes: phone.bytes, type: phone.type };
  if (figure.svg !== undefined) {
    // The 公众号 editor takes JPEG, PNG and GIF: the figure's sanitised SVG, drawn at a phone's width.
    const { loadSharp, DECODE_OPTIONS } = await import('../images/processImage.js');
    const sharp = await loadSharp();
    const bytes = await sharp(Buffer.from(figure.svg), { ...DECODE_OPTIONS, density: 192 }).resize({ width: 750, withoutEnlargement: true }).flatten({ background: '#ffffff' }).png().toBuffer();
    return { bytes, type: 'image/png' };
  }
  return undefined;
}

export const wechatWriter: Writer = {
  name: 'wechat',
  needs: 'none',
  async writeIssue({ issue }, ctx) {
    const [{ wechatArticle, wechatDocument, WECHAT_ALLOWLIST }, { wechatPreview, COPY_SCRIPT }, { sanitizeHtml, WECHAT_ARTICLE_POLICY, WECHAT_PREVIEW_POLICY }] = await Promise.all([
      import('../render/wechatArticle.js'), import('../render/wechatPreview.js'), import('../render/sanitizeHtml.js'),
    ]);
    const { embedImages, distribution } = issue.series.output.wechat;
    const folder = wechatFolder(issue.slug);
    const prepared = new Map<Figure, { bytes: Uint8Array; type: 'image/jpeg' | 'image/png' }>();
    for (const figure of issue.sections.flatMap((s) => s.articles.flatMap((a) => a.figures))) {
      const image = await imageOf(figure);
      if (image) prepared.set(figure, image);
    }
    const dataImages = new Set<string>();
    const files: { name: string; bytes: Uint8Array }[] = [];
    const article = wechatArticle(issue, {
      distribution,
      imageSrc(figure, n) {
        const image = prepared.get(figure);
        if (!image) return '';
        if (embedImages) {
          const data = `data:${image.type};base64,${Buffer.from(image.bytes).toString('base64')}`;
          dataImages.add(data);
          return data;
        }
        const name = wechatImageName(n, image.type);
        files.push({ name, bytes: image.bytes });
        return name;
      },
    });
    const page = sanitizeHtml(wechatDocument(issue, article.html), { policy: WECHAT_ARTICLE_POLICY, only: WECHAT_ALLOWLIST, dataImages });
    const preview = sanitizeHtml(wechatPreview(issue, article.html, embedImages, files.length), { policy: WECHAT_PREVIEW_POLICY, hashStyles: true, dataImages, scripts: new Set([COPY_SCRIPT]) });
    const removed = [...new Set([...page.removed, ...preview.removed])];
    if (removed.length) {
      // bulletin's own markup from the block tree: anything removed is bulletin's doing.
      throw new BulletinError(msg('build.bug.wechat', { issue: ctx.display(issue), what: removed.join(', ') }), ExitCode.RenderFailed, msg('build.bug.hint'));
    }
    const written = [await ctx.write(`${folder}/wechat.html`, preview.html), await ctx.write(`${folder}/article.html`, page.html)];
    for (const file of files) await ctx.write(`${folder}/${file.name}`, file.bytes);
    // A rebuild with fewer photos leaves no old numbered photo behind (it would be uploaded with the rest).
    ctx.own(folder);
    return written;
  },
};
