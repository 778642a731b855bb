// Finds and starts the browser; the heavy modules are imported here, so commands that never print
// (validate, inspect) never load puppeteer.
import type { BrowserChoice } from './findBrowser.js';
import type { BrowserSession } from './browserSession.js';

export async function startBrowser(browser: string | undefined, env: NodeJS.ProcessEnv, onChoice?: (choice: BrowserChoice) => void): Promise<BrowserSession> {
  const [{ findBrowser }, { openBrowser }, puppeteer] = await Promise.all([
    import('./findBrowser.js'), import('./browserSession.js'), import('puppeteer'),
  ]);
  const choice = findBrowser(browser, (name) => env[name], () => puppeteer.default.executablePath());
  onChoice?.(choice);
  return openBrowser(choice, { noSandbox: env.BULLETIN_NO_SANDBOX === '1' });
}
