// The width of the type area in ems of the title size: how wide a line of an article title may be.
import { ptFromMm, type PageGeometry } from './presets.js';

export function titleMeasureEm(g: PageGeometry): number {
  return ptFromMm(g.typeArea.width) / g.sizes.title;
}
