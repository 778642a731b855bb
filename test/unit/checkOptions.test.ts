// The library's options are checked before anything starts (src/checkOptions.ts): a usage error
// (exit 2) naming the option. build() and preview() reject with it before reading a file.
import { describe, expect, it } from 'vitest';
import { checkBuildOptions, checkPreviewOptions } from '../../src/checkOptions.js';
import { BulletinError, ExitCode } from '../../src/diagnostics/exitCodes.js';
import { build } from '../../src/pipeline.js';
import { preview } from '../../src/preview/preview.js';

function usage(run: () => unknown): BulletinError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BulletinError);
    expect((error as BulletinError).exitCode).toBe(ExitCode.Usage);
    return error as BulletinError;
  }
  throw new Error('no error');
}

describe('checkBuildOptions', () => {
  it('accepts what the README shows, and no options at all', () => {
    expect(() => checkBuildOptions(['examples/seed'], {})).not.toThrow();
    expect(() => checkBuildOptions([], { outDir: 'dist', yearbook: 2018, concurrency: 2, pdf: true, html: false, writers: undefined, signal: AbortSignal.timeout(1000), onProgress: () => undefined })).not.toThrow();
    expect(() => checkBuildOptions(['.'], { writers: ['index'] })).not.toThrow();
    expect(() => checkBuildOptions(['.'], { pdf: false, html: false, yearbook: 2025 })).not.toThrow();
  });

  it('refuses a pdfa that is not true or false', () => {
    expect(() => checkBuildOptions([], { pdfa: false })).not.toThrow();
    expect(usage(() => checkBuildOptions([], { pdfa: 'no' })).message).toBe('option pdfa: "no" is not true or false');
  });

  it('refuses a concurrency that is not a whole number of at least 1', () => {
    for (const concurrency of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '2', null]) {
      expect(usage(() => checkBuildOptions([], { concurrency })).message, String(concurrency)).toMatch(/^option concurrency: /);
    }
  });

  it('refuses a build with no output: pdf and html both false, or writers: []', () => {
    expect(usage(() => checkBuildOptions([], { pdf: false, html: false })).message).toMatch(/pdf: false and html: false/);
    expect(usage(() => checkBuildOptions([], { writers: [] })).message).toMatch(/^option writers: an empty list/);
  });

  it('refuses unknown or repeated writers, a yearbook that is not a year, an empty or NUL-bearing outDir, paths that are not a list', () => {
    expect(usage(() => checkBuildOptions([], { writers: ['pdf', 'epub'] })).message).toMatch(/"epub" is not a writer/);
    expect(usage(() => checkBuildOptions([], { writers: ['pdf', 'pdf'] })).message).toMatch(/"pdf" is named twice/);
    expect(usage(() => checkBuildOptions([], { writers: 'pdf' })).message).toMatch(/^option writers: /);
    for (const yearbook of [2018.5, '2018', 18, 30000, Number.NaN]) expect(usage(() => checkBuildOptions([], { yearbook })).message).toMatch(/^option yearbook: /);
    for (const outDir of ['', '   ', 'dist\0x', 42]) expect(usage(() => checkBuildOptions([], { outDir })).message).toMatch(/^option outDir: /);
    expect(usage(() => checkBuildOptions('examples/seed', {})).message).toMatch(/^paths: "examples\/seed" is not a list/);
    expect(usage(() => checkBuildOptions([''], {})).message).toMatch(/^option paths\[0\]: /);
    expect(usage(() => checkBuildOptions([], null as never)).message).toMatch(/^build options: /);
    expect(usage(() => checkBuildOptions([], { pdf: 'yes' })).message).toMatch(/^option pdf: /);
    expect(usage(() => checkBuildOptions([], { signal: {} })).message).toMatch(/^option signal: /);
  });

  it('is what build() rejects with, before the sources are even looked for', async () => {
    // The path does not exist: a "path not found" would mean the options were checked too late.
    const error = await build(['/nonexistent/series'], { concurrency: 0, browser: '/nonexistent/chrome' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulletinError);
    expect(error).toMatchObject({ exitCode: ExitCode.Usage, message: expect.stringMatching(/^option concurrency: 0/) });
    await expect(build(['/nonexistent/series'], { pdf: false, html: false })).rejects.toMatchObject({ exitCode: ExitCode.Usage, message: expect.stringMatching(/nothing to build/) });
  });
});

describe('checkPreviewOptions', () => {
  it('refuses a port outside 0–65535 or not a whole number, and a missing path', () => {
    expect(() => checkPreviewOptions({ path: '.', port: 0 })).not.toThrow();
    expect(() => checkPreviewOptions({ path: '.', port: 65535 })).not.toThrow();
    for (const port of [-1, 65536, 80.5, Number.NaN, '4173', null]) expect(usage(() => checkPreviewOptions({ path: '.', port })).message, String(port)).toMatch(/^option port: /);
    for (const p of ['', undefined, 7]) expect(usage(() => checkPreviewOptions({ path: p })).message).toMatch(/^option path: /);
  });

  it('is what preview() rejects with (before a browser could start)', async () => {
    await expect(preview({ path: '/nonexistent/series', port: 70000, browser: '/nonexistent/chrome' })).rejects.toMatchObject({ exitCode: ExitCode.Usage, message: expect.stringMatching(/^option port: 70000/) });
  });
});
