// Finds and starts the browser; the heavy modules are imported here, so commands that never print
// (validate, inspect) never load puppeteer.
import os from 'node:os';
import path from 'node:path';
import type { BrowserChoice } from './findBrowser.js';
import type { BrowserSession } from './browserSession.js';
import { nodeIo, type Io } from '../io.js';

/** Whether puppeteer's cache holds any browser build (its folders can exist and be empty). */
async function hasDownload(io: Io, cache: string): Promise<boolean> {
  for (const name of ['chrome', 'chrome-headless-shell']) {
    if ((await io.readdir(path.join(cache, name)).catch(() => [])).length > 0) return true;
  }
  return false;
}

/**
 * The browser to use (see findBrowser.ts). puppeteer is asked where its download is only when its
 * cache holds a browser: loading it costs as much as starting Chrome, and nothing is downloaded at
 * install here.
 */
export async function chooseBrowser(browser: string | undefined, env: NodeJS.ProcessEnv, io: Io = nodeIo): Promise<BrowserChoice> {
  const { findBrowser } = await import('./findBrowser.js');
  const cache = env.PUPPETEER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'puppeteer');
  const puppeteer = (await hasDownload(io, cache)) ? await import('puppeteer') : undefined;
  return findBrowser(browser, (name) => env[name], () => puppeteer?.default.executablePath(), io);
}

/**
 * `chosen`: the browser chosen ahead (a build looks for it while the sources are checked, and
 * starts it only once they pass).
 */
export async function startBrowser(browser: string | undefined, env: NodeJS.ProcessEnv, onChoice?: (choice: BrowserChoice) => void, io: Io = nodeIo, chosen?: Promise<BrowserChoice>, onSpawn?: () => void): Promise<BrowserSession> {
  const { openBrowser, memoryLimitMiB } = await import('./browserSession.js');
  const choice = await (chosen ?? chooseBrowser(browser, env, io));
  onChoice?.(choice);
  return openBrowser(choice, { noSandbox: env.BULLETIN_NO_SANDBOX === '1', io, memoryLimitMiB: memoryLimitMiB(env), onSpawn });
}
