// opentype.js 2 ships no types: the little of it that model/convertFont.ts uses, typed there.
declare module 'opentype.js' {
  export function parse(buffer: ArrayBuffer, options?: { lowMemory?: boolean }): unknown;
}
