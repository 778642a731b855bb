// Finds and starts the browser; the heavy modules are imported here, so commands that never print
// (validate, inspect) never load puppeteer.
import os from 'node:os';
import path from 'node:path';
import type { BrowserChoice, BrowserSearch } from './findBrowser.js';
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
 * What findBrowser searches. A browser downloaded on request (`npx @puppeteer/browsers install
 * chrome@stable --path ~/.cache/puppeteer`) is looked up only when puppeteer's cache holds one:
 * nothing is downloaded at install.
 */
async function browserSearch(env: NodeJS.ProcessEnv, io: Io): Promise<BrowserSearch> {
  const cache = env.PUPPETEER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'puppeteer');
  let downloaded: string | undefined;
  if (await hasDownload(io, cache)) {
    const { getInstalledBrowsers } = await import('@puppeteer/browsers');
    const builds = await getInstalledBrowsers({ cacheDir: cache }).catch(() => []);
    downloaded = builds.find((build) => build.browser === 'chrome')?.executablePath ?? builds[0]?.executablePath;
  }
  return { env: (name) => env[name], downloaded: () => downloaded };
}

/** The browser to use (see findBrowser.ts). */
export async function chooseBrowser(browser: string | undefined, env: NodeJS.ProcessEnv, io: Io = nodeIo): Promise<BrowserChoice> {
  const { findBrowser } = await import('./findBrowser.js');
  return findBrowser(browser, await browserSearch(env, io), io);
}

/** Every browser installed in the usual places, each file once (/bin → /usr/bin), for `doctor`. */
export async function listBrowsers(env: NodeJS.ProcessEnv, io: Io = nodeIo): Promise<BrowserChoice[]> {
  const { installedBrowsers } = await import('./findBrowser.js');
  const seen = new Set<string>();
  const found: BrowserChoice[] = [];
  for (const choice of installedBrowsers(await browserSearch(env, io), io)) {
    const real = await io.realpath(choice.path).catch(() => choice.path);
    if (!seen.has(real)) found.push(choice);
    seen.add(real);
  }
  return found;
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
