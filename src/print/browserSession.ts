// Owns the browser: launch with safe flags over a pipe, one fresh profile, and a close that always runs.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';
import { INSTALL_HINT, type BrowserChoice } from './findBrowser.js';

export const LAUNCH_TIMEOUT_MS = 30_000;

const ARGS = [
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication,NetworkPrediction',
  '--disable-domain-reliability',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pings',
  '--mute-audio',
  '--font-render-hinting=none',
  '--proxy-server=http://0.0.0.0:9',    // belt and braces: anything that escapes interception goes nowhere
  '--proxy-bypass-list=<-loopback>',
];

export interface BrowserSession {
  browser: Browser;
  choice: BrowserChoice;
  close(): Promise<void>;
}

function needsNoSandbox(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export async function openBrowser(choice: BrowserChoice, options: { noSandbox?: boolean } = {}): Promise<BrowserSession> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'bulletin-chrome-'));
  const args = [...ARGS, ...(options.noSandbox || needsNoSandbox() ? ['--no-sandbox'] : [])];
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: choice.path,
      args,
      pipe: true,
      userDataDir: profile,
      timeout: LAUNCH_TIMEOUT_MS,
      protocolTimeout: 120_000,
      // bulletin handles Ctrl-C itself and closes the browser before exiting.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      defaultViewport: null,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    const message = (error as Error).message.split('\n')[0];
    const sandbox = /sandbox/i.test((error as Error).message);
    throw new BulletinError(
      `the browser ${choice.path} failed to start: ${message}`,
      ExitCode.BrowserFailed,
      sandbox
        ? 'Chrome needs a usable sandbox: run as a normal user, or (only in a throwaway CI container) pass --no-sandbox via BULLETIN_NO_SANDBOX=1.'
        : INSTALL_HINT,
    );
  }
  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    const proc = browser.process();
    const running = () => proc !== null && proc.exitCode === null && proc.signalCode === null;
    const exited = running() ? new Promise<void>((resolve) => proc!.once('exit', () => resolve())) : Promise.resolve();
    // A graceful close lets Chrome reap its own helper processes (no zombies where PID 1 does not).
    await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, 5000).unref())]);
    if (running()) {
      // puppeteer starts Chrome as the leader of its own process group: end the whole group.
      try {
        process.kill(-proc!.pid!, 'SIGKILL');
      } catch {
        proc!.kill('SIGKILL');
      }
    }
    // The profile can only go once Chrome has let go of it.
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
    await rm(profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 }).catch(() => undefined);
  };
  return {
    browser,
    choice,
    // Every caller waits for the same close (a second Ctrl-C must not return early).
    close: () => (closing ??= close()),
  };
}
