// Finds a Chrome or Chromium: --browser, BULLETIN_BROWSER, PUPPETEER_EXECUTABLE_PATH, puppeteer's download, the usual places.
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';
import { nodeIo, type Io } from '../io.js';

const SYSTEM_LOCATIONS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export const INSTALL_HINT =
  'Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`), or name a Chrome with --browser PATH or BULLETIN_BROWSER=PATH.';

export interface BrowserChoice {
  path: string;
  /** Where the path came from, for `--verbose` and error messages. */
  source: string;
}

/** `puppeteerPath` is puppeteer's own download location (it may not exist: nothing is downloaded at install). */
export function findBrowser(option: string | undefined, env: (name: string) => string | undefined, puppeteerPath: () => string | undefined, io: Io = nodeIo): BrowserChoice {
  const executable = (file: string) => io.isExecutable(file);
  const explicit: [string | undefined, string][] = [
    [option, '--browser'],
    [env('BULLETIN_BROWSER'), 'BULLETIN_BROWSER'],
    [env('PUPPETEER_EXECUTABLE_PATH'), 'PUPPETEER_EXECUTABLE_PATH'],
  ];
  for (const [file, source] of explicit) {
    if (!file) continue;
    if (executable(file)) return { path: file, source };
    throw new BulletinError(`the browser named by ${source} (${file}) is not an executable file`, ExitCode.BrowserFailed, INSTALL_HINT);
  }
  let downloaded: string | undefined;
  try {
    downloaded = puppeteerPath();
  } catch {
    downloaded = undefined;
  }
  if (downloaded && executable(downloaded)) return { path: downloaded, source: "puppeteer's download" };
  for (const file of SYSTEM_LOCATIONS) if (executable(file)) return { path: file, source: 'system' };
  throw new BulletinError('no Chrome or Chromium found', ExitCode.BrowserFailed, INSTALL_HINT);
}
