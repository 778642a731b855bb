// Finds and starts the browser; the heavy modules are imported here, so commands that never print
// (validate, inspect) never load puppeteer.
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserChoice } from './findBrowser.js';
import type { BrowserSession } from './browserSession.js';

/** Whether puppeteer's cache holds any browser build (its folders can exist and be empty). */
function hasDownload(cache: string): boolean {
  return ['chrome', 'chrome-headless-shell'].some((name) => {
    try {
      return readdirSync(path.join(cache, name)).length > 0;
    } catch {
      return false;
    }
  });
}

export async function startBrowser(browser: string | undefined, env: NodeJS.ProcessEnv, onChoice?: (choice: BrowserChoice) => void): Promise<BrowserSession> {
  const [{ findBrowser }, { openBrowser }] = await Promise.all([import('./findBrowser.js'), import('./browserSession.js')]);
  // puppeteer is asked where its download is only when its cache holds a browser (loading it costs as
  // much as starting Chrome; nothing is downloaded at install here).
  const cache = env.PUPPETEER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'puppeteer');
  const puppeteer = hasDownload(cache) ? await import('puppeteer') : undefined;
  const choice = findBrowser(browser, (name) => env[name], () => puppeteer?.default.executablePath());
  onChoice?.(choice);
  return openBrowser(choice, { noSandbox: env.BULLETIN_NO_SANDBOX === '1' });
}
