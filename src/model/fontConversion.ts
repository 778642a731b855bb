// Runs convertFont (a font file from a pull request, read by a third-party parser) in a worker
// thread with a deadline and a memory limit: a hostile file that makes the parser loop or balloon
// ends the worker, not the build, and becomes a reason an editor can read. Nothing is printed: the
// worker's console is silenced and its output streams are not passed on.
import { Worker } from 'node:worker_threads';
import type { ConvertedFont } from './convertFont.js';
import { msg, type Message } from '../i18n/message.js';

export type Conversion = { ok: true; font: ConvertedFont } | { ok: false; reason: Message };

/** The worker may take this long for a font, plus {@link PER_SET_MS} per issue. */
const BASE_MS = 30_000;
const PER_SET_MS = 5_000;
/** Heap of the worker: a 30 MB CJK font read with its tables needs some 250 MB. */
const MAX_HEAP_MB = 1024;

/**
 * The compiled convertFont module: beside this one in lib/; tests run src/ (TypeScript, which a
 * worker cannot load), so they use lib/, which vitest's global setup builds (test/globalSetup.ts).
 */
function converterUrl(): string {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../lib/model/convertFont.js', here).href : new URL('./convertFont.js', here).href;
}

const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
for (const k of ['log', 'warn', 'error', 'info', 'debug', 'trace']) console[k] = () => {};
import(workerData.module).then(({ convertFont }) => {
  try {
    const fonts = convertFont(workerData.sfnt, workerData.sets);
    parentPort.postMessage({ ok: true, fonts }, fonts.map((f) => f.bytes.buffer));
  } catch (error) {
    parentPort.postMessage({ ok: false, reason: String((error && error.message) || error), text: error && error.reason });
  }
}, (error) => parentPort.postMessage({ ok: false, reason: 'the converter did not load (' + String(error && error.message) + ')', internal: true }));
`;

/**
 * The subsets of one font (a standalone face: fontFile.ts `standaloneFace`) for each list of code
 * points, converted in a worker; every subset fails with the same reason when the font cannot be
 * converted. A converter that does not load is an internal error (thrown), not the font's fault.
 * With `handOver`, a buffer of its own is handed over to the worker (detached: the caller must not use it after).
 */
export function convertInWorker(sfnt: Uint8Array, sets: readonly (readonly number[])[], options: { handOver?: boolean } = {}): Promise<Conversion[]> {
  return new Promise((resolve, reject) => {
    // A buffer of its own (a face taken out of a collection, a WOFF decompressed) is handed over
    // rather than copied: some 16 MB for a Chinese face.
    const own = options.handOver === true && sfnt.byteOffset === 0 && sfnt.byteLength === sfnt.buffer.byteLength && sfnt.buffer instanceof ArrayBuffer;
    const worker = new Worker(WORKER_CODE, {
      eval: true,
      workerData: { module: converterUrl(), sfnt, sets },
      ...(own ? { transferList: [sfnt.buffer as ArrayBuffer] } : {}),
      resourceLimits: { maxOldGenerationSizeMb: MAX_HEAP_MB, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const limit = BASE_MS + PER_SET_MS * sets.length;
    let settled = false;
    const settle = (result: Conversion[] | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const fail = (reason: Message) => settle(sets.map(() => ({ ok: false as const, reason })));
    const timer = setTimeout(() => fail(msg('font.convert.timeout', { seconds: Math.round(limit / 1000) })), limit);
    worker.on('message', (message: { ok: true; fonts: ConvertedFont[] } | { ok: false; reason: string; text?: Message; internal?: boolean }) => {
      if (message.ok) settle(message.fonts.map((font) => ({ ok: true as const, font: { ...font, bytes: new Uint8Array(font.bytes) } })));
      else if (message.internal) settle(new Error(message.reason));
      // A reason of convertFont's own (ConversionFailed), else what the reader threw, after our words.
      else fail(message.text ?? msg('font.convert.failed', { detail: message.reason }));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? msg('font.convert.memory', { size: MAX_HEAP_MB }) : msg('font.convert.failed', { detail: error.message }));
    });
    worker.on('exit', () => fail(msg('font.convert.stopped')));
  });
}
