// The small pieces of PDF content-stream syntax both readers of our PDFs need: the self-check's
// text reader (readPdfText.ts) and the OFD writer's drawing reader (ofd/readPageContent.ts).
import { PDFNumber } from '../print/pdfLib.js';

export type Matrix = [number, number, number, number, number, number];

/** A rectangle in PDF points (y up). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n: first m, then n (PDF's row-vector convention). */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

export function intersect(a: Box, b: Box): Box {
  return { x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) };
}

export function numberOf(value: unknown, fallback: number): number {
  return value instanceof PDFNumber ? value.asNumber() : fallback;
}

const ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };

/** A string operand of a content stream, hex `<…>` or literal `(…)`, as bytes. */
export function stringBytes(token: string): number[] {
  const out: number[] = [];
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    for (let i = 0; i < hex.length; i += 2) out.push(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
    return out;
  }
  const body = token.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out.push(c.charCodeAt(0) & 0xff);
      continue;
    }
    const n = body[++i] ?? '';
    if (n in ESCAPES) out.push(ESCAPES[n]!);
    else if (/[0-7]/.test(n)) {
      const oct = /^[0-7]{1,3}/.exec(body.slice(i))![0];
      out.push(parseInt(oct, 8) & 0xff);
      i += oct.length - 1;
    } else if (n === '\r' && body[i + 1] === '\n') i++;
  }
  return out;
}
