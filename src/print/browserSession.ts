// Owns the browser: launch with safe flags over a pipe, one fresh profile, and a close that always runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { msg, render, type Message } from '../i18n/message.js';
import os from 'node:os';
import type { Browser } from 'puppeteer-core';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';
import { INSTALL_HINT, type BrowserChoice } from './findBrowser.js';
import { nodeIo, type Io } from '../io.js';


/** Why Chrome did not start, as a message (its own words stay as they are). */
class LaunchFailure extends Error {
  constructor(readonly text: Message) {
    super(render(text, 'en'));
  }
}

export const LAUNCH_TIMEOUT_MS = 30_000;

const ARGS = [
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  // puppeteer's own defaults, which a launch without puppeteer must give itself (memory and timers);
  // the omnibox popups that headless Chrome still loads as two WebUI pages, each with a renderer of
  // its own (about 60 MiB and a share of the start-up); and the spare renderer Chrome keeps warm for
  // the next site (about 25 MiB; every document here comes from one origin):
  '--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication,NetworkPrediction,BackForwardCache,AcceptCHFrame,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes,WebUIOmniboxPopup,WebUIOmniboxAimPopup,SpareRendererForSitePerProcess',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-ipc-flooding-protection',
  '--disable-hang-monitor',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-search-engine-choice-screen',
  '--force-color-profile=srgb',
  '--metrics-recording-only',
  '--no-service-autorun',
  '--password-store=basic',
  '--use-mock-keychain',
  '--export-tagged-pdf',
  '--disable-domain-reliability',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pings',
  '--mute-audio',
  '--font-render-hinting=none',
  '--proxy-server=http://0.0.0.0:9',    // belt and braces: anything that escapes interception goes nowhere
  '--proxy-bypass-list=<-loopback>',
];

/**
 * The memory each Chrome process may take, in MiB: its data segment (heap and private mappings),
 * RLIMIT_DATA, set on the browser before it starts and inherited by every renderer (Linux). Chrome
 * offers no flag that bounds a renderer's whole memory: --js-flags=--max-old-space-size bounds V8's
 * heap, which with scripts off holds little but is shared with Blink's garbage-collected DOM and
 * layout objects (so it is passed too), not the paint records, images and fonts in PartitionAlloc;
 * Chrome's own sandbox sets this very data limit, but not with --no-sandbox, which bulletin passes
 * when run as root.
 * A renderer that reaches it crashes, and the stage it was in fails (print/stageWatchdog.ts).
 * BULLETIN_MEMORY_LIMIT_MB changes it (0: no limit).
 */
export function memoryLimitMiB(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const set = env.BULLETIN_MEMORY_LIMIT_MB;
  if (set !== undefined && /^\d+$/.test(set.trim())) return Number(set) > 0 ? Number(set) : undefined;
  // A quarter of the machine, between 2 and 4 GiB: a 600-page issue's renderer takes about 1 GiB of
  // data segment (480 MiB resident); a 3 KB SVG of nested <use> took it past 6 GiB.
  return Math.round(Math.min(4096, Math.max(2048, os.totalmem() / 4 / 1048576)));
}

export interface BrowserSession {
  browser: Browser;
  choice: BrowserChoice;
  close(): Promise<void>;
}

/** Chrome leads its own process group (it was spawned detached): end the whole group. */
function killGroup(proc: ChildProcess): void {
  try {
    process.kill(-proc.pid!, 'SIGKILL');
  } catch {
    proc.kill('SIGKILL');
  }
}

function needsNoSandbox(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** `onSpawn`: called once Chrome's process is started, before puppeteer connects (work that can wait for Chrome goes there). */
export async function openBrowser(choice: BrowserChoice, options: { noSandbox?: boolean; io?: Io; memoryLimitMiB?: number; onSpawn?: () => void } = {}): Promise<BrowserSession> {
  const io = options.io ?? nodeIo;
  const profile = await io.makeTempDir('bulletin-chrome-');
  const args = [
    ...ARGS,
    ...(options.noSandbox || needsNoSandbox() ? ['--no-sandbox'] : []),
    // V8's heap limit bounds Blink's garbage-collected objects too (the DOM, layout objects: they
    // share V8's heap budget), on every platform: a document that builds millions of elements
    // crashes its renderer at the limit (measured: a nested-<use> bomb under 128 MiB died at about
    // 600 MiB instead of growing past 2.5 GiB). The data segment limit below bounds everything else.
    ...(options.memoryLimitMiB ? [`--js-flags=--max-old-space-size=${options.memoryLimitMiB}`] : []),
    '--remote-debugging-pipe',
    `--user-data-dir=${profile}`,
    'about:blank',
  ];
  // Chrome is started here, before puppeteer has even loaded (that takes about as long as the start),
  // and driven over a pipe: if bulletin dies, Chrome reads the end of the pipe and quits too.
  // The memory limit is set by a shell that then becomes Chrome (exec: same process, same pipes).
  const limit = process.platform === 'linux' && options.memoryLimitMiB ? options.memoryLimitMiB : undefined;
  const [command, commandArgs] = limit
    ? ['/bin/sh', ['-c', 'ulimit -d "$1" 2>/dev/null; shift; exec "$@"', 'sh', String(limit * 1024), choice.path, ...args]]
    : [choice.path, args];
  const proc = spawn(command, commandArgs, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
  options.onSpawn?.();
  // Once Chrome is gone (killed with its group by a Ctrl-C, or crashed), a write to its pipe fails:
  // that surfaces as the pending protocol calls failing, not as an uncaught stream error.
  for (const stream of [proc.stdio[3], proc.stdio[4]]) (stream as NodeJS.EventEmitter | null)?.on('error', () => undefined);
  let stderr = '';
  proc.stderr!.on('data', (chunk: Buffer) => {
    if (stderr.length < 20_000) stderr += chunk.toString();
  });
  const ended = new Promise<never>((_, reject) => {
    proc.once('error', reject);
    proc.once('exit', (code, signal) => {
      const said = stderr.trim().split('\n').slice(-3).join(' ');
      reject(new LaunchFailure(msg('build.browser.exited', { how: signal ?? msg('build.browser.exit-code', { code: String(code) }), said: said || msg('build.browser.no-message') })));
    });
  });
  ended.catch(() => undefined);
  let browser: Browser;
  let timer: NodeJS.Timeout | undefined;
  try {
    const [{ default: puppeteer }, { PipeTransport }] = await Promise.all([
      import('puppeteer-core'),
      import('puppeteer-core/internal/node/PipeTransport.js'),
    ]);
    const transport = new PipeTransport(proc.stdio[3] as NodeJS.WritableStream, proc.stdio[4] as NodeJS.ReadableStream);
    browser = await Promise.race([
      puppeteer.connect({ transport, defaultViewport: null, protocolTimeout: 120_000 }),
      ended,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new LaunchFailure(msg('build.browser.no-answer', { seconds: LAUNCH_TIMEOUT_MS / 1000 }))), LAUNCH_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    if (proc.exitCode === null && proc.signalCode === null) killGroup(proc);
    await io.remove(profile).catch(() => undefined);
    const message = error instanceof LaunchFailure ? error.text : (error as Error).message.split('\n')[0]!;
    const sandbox = /sandbox/i.test(`${(error as Error).message} ${stderr}`);
    throw new BulletinError(
      msg('build.browser.start-failed', { path: choice.path, reason: message }),
      ExitCode.BrowserFailed,
      sandbox ? msg('build.browser.sandbox.hint') : INSTALL_HINT,
    );
  } finally {
    clearTimeout(timer);
  }
  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    const running = () => proc.exitCode === null && proc.signalCode === null;
    const exited = running() ? new Promise<void>((resolve) => proc.once('exit', () => resolve())) : Promise.resolve();
    // A graceful close lets Chrome reap its own helper processes (no zombies where PID 1 does not).
    await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, 5000).unref())]);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000).unref())]);
    if (running()) killGroup(proc);
    // The profile can only go once Chrome has let go of it.
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
    await io.remove(profile).catch(() => undefined);
  };
  return {
    browser,
    choice,
    // Every caller waits for the same close (a second Ctrl-C must not return early).
    close: () => (closing ??= close()),
  };
}
