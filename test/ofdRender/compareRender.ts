// The OFD drawn by Chromium (ofdToSvg.ts) beside the PDF drawn by poppler (pdftoppm), page by page,
// both in grey at the same resolution: how much ink each has and how far apart they are.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import sharp from 'sharp';
import type { SvgPage } from './ofdToSvg.js';

export interface Grey { readonly width: number; readonly height: number; readonly data: Uint8Array }

/** Grey from RGB pixels, the same weights for both renderings (Rec. 601 luma). */
function toGrey(rgb: Uint8Array, channels: number): Uint8Array {
  const out = new Uint8Array(rgb.length / channels);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(0.299 * rgb[i * channels]! + 0.587 * rgb[i * channels + 1]! + 0.114 * rgb[i * channels + 2]!);
  return out;
}

/**
 * Every page of a PDF in grey at `dpi`, drawn by poppler's Cairo backend (pdftocairo; pdftoppm's
 * Splash backend widens a thin rule to whole pixels, a table's 0.75 pt border to two rows of black:
 * measured, 10.6% more ink than the rule has on a page of tables).
 */
export async function pdfPages(pdf: string, dpi: number): Promise<Grey[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-cairo-'));
  try {
    execFileSync('pdftocairo', ['-png', '-r', String(dpi), pdf, path.join(dir, 'p')]);
    const files = readdirSync(dir).filter((f) => f.endsWith('.png')).sort((x, y) => Number(/(\d+)\.png$/.exec(x)![1]) - Number(/(\d+)\.png$/.exec(y)![1]));
    return await Promise.all(files.map(async (f) => {
      const { data, info } = await sharp(readFileSync(path.join(dir, f))).flatten({ background: '#ffffff' }).raw().toBuffer({ resolveWithObject: true });
      return { width: info.width, height: info.height, data: toGrey(new Uint8Array(data), info.channels) };
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A page's SVG drawn by Chromium at `dpi`, `width` × `height` pixels (the PDF page's raster size), in grey. */
export async function svgPage(browser: Browser, page: SvgPage, dpi: number, width: number, height: number): Promise<Grey> {
  const tab = await browser.newPage();
  try {
    await tab.setViewport({ width, height, deviceScaleFactor: 1 });
    const px = (mm: number) => (mm / 25.4) * dpi;
    await tab.setContent(`<!doctype html><html><head><style>html,body{margin:0;background:#fff}svg{display:block;width:${px(page.width)}px;height:${px(page.height)}px}</style></head><body>${page.svg}</body></html>`, { waitUntil: 'load' });
    // Images are data: URLs; wait until each is decoded.
    await tab.evaluate(async () => {
      await Promise.all(Array.from(document.querySelectorAll('image')).map((i) => new Promise((resolve) => {
        const img = new Image();
        img.onload = img.onerror = resolve;
        img.src = i.getAttribute('href')!;
      })));
    });
    const png = await tab.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height } });
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, data: toGrey(new Uint8Array(data), info.channels) };
  } finally {
    await tab.close();
  }
}

export interface Comparison {
  /** Ink of each (the sum of each pixel's darkness, 0 for white to 1 for black), in pixels. */
  readonly pdfInk: number;
  readonly ofdInk: number;
  /** |ofdInk − pdfInk| / pdfInk. */
  readonly inkDifference: number;
  /**
   * The pixels of either rendering whose grey is more than half the scale away from every pixel of
   * the other's within one pixel of it (so that anti-aliasing and a shift under a pixel, 0.25 mm,
   * do not count, but a glyph, a rule or a photo missing, added or moved does), as a share of the
   * pixels dark (below half) in either.
   */
  readonly strongDifference: number;
  /** Pixels dark in either. */
  readonly darkPixels: number;
}

export function compare(pdf: Grey, ofd: Grey): Comparison {
  if (pdf.width !== ofd.width || pdf.height !== ofd.height) throw new Error(`sizes differ: ${pdf.width}×${pdf.height} and ${ofd.width}×${ofd.height}`);
  let [pdfInk, ofdInk, strong, dark] = [0, 0, 0, 0];
  for (let i = 0; i < pdf.data.length; i++) {
    const [a, b] = [pdf.data[i]!, ofd.data[i]!];
    pdfInk += (255 - a) / 255;
    ofdInk += (255 - b) / 255;
    if (a < 128 || b < 128) dark++;
  }
  const { width, height } = pdf;
  /** Whether pixel i of `x` is more than half the scale from all of `y`'s around it. */
  const apart = (x: Uint8Array, y: Uint8Array, i: number) => {
    const [r, c] = [Math.floor(i / width), i % width];
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const [rr, cc] = [r + dr, c + dc];
        if (rr >= 0 && rr < height && cc >= 0 && cc < width && Math.abs(x[i]! - y[rr * width + cc]!) <= 128) return false;
      }
    }
    return true;
  };
  for (let i = 0; i < pdf.data.length; i++) {
    if (Math.abs(pdf.data[i]! - ofd.data[i]!) > 128 && (apart(pdf.data, ofd.data, i) || apart(ofd.data, pdf.data, i))) strong++;
  }
  return { pdfInk, ofdInk, inkDifference: pdfInk ? Math.abs(ofdInk - pdfInk) / pdfInk : ofdInk, strongDifference: dark ? strong / dark : 0, darkPixels: dark };
}
