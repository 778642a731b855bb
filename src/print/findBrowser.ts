// Finds a Chrome, Edge or Chromium: --browser, BULLETIN_BROWSER, PUPPETEER_EXECUTABLE_PATH, a browser
// downloaded on request (`npx @puppeteer/browsers install chrome@stable`), the usual places of
// Windows, macOS and Linux. Nothing is downloaded at install.
import path from 'node:path';
import { msg, type Message } from '../i18n/message.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';
import { nodeIo, type Io } from '../io.js';

/** Linux packages' command names, in order of preference. */
export const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'] as const;

/** Where the packages that do not put their command on PATH keep it. */
const LINUX_FIXED = ['/snap/bin/chromium', '/usr/lib/chromium/chromium', '/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge'];

const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'Chromium.app/Contents/MacOS/Chromium',
];

const WINDOWS_APPS = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe', 'Chromium\\Application\\chrome.exe'];

/**
 * The places a browser is installed on `platform`, in order of preference: on Windows under
 * Program Files (both) and the user's LocalAppData; on macOS in /Applications and ~/Applications;
 * elsewhere each Linux name in each PATH folder, then the fixed places.
 */
export function browserLocations(platform: NodeJS.Platform, env: (name: string) => string | undefined): string[] {
  if (platform === 'win32') {
    const roots = [env('ProgramFiles') ?? 'C:\\Program Files', env('ProgramFiles(x86)') ?? 'C:\\Program Files (x86)', env('LOCALAPPDATA')];
    const unique = [...new Set(roots.filter((root): root is string => !!root))];
    return WINDOWS_APPS.flatMap((app) => unique.map((root) => path.win32.join(root, app)));
  }
  if (platform === 'darwin') {
    const home = env('HOME');
    const roots = ['/Applications', ...(home ? [path.posix.join(home, 'Applications')] : [])];
    return MAC_APPS.flatMap((app) => roots.map((root) => path.posix.join(root, app)));
  }
  const dirs = (env('PATH') ?? '/usr/local/bin:/usr/bin:/bin').split(':').filter((dir) => path.posix.isAbsolute(dir));
  const onPath = LINUX_NAMES.flatMap((name) => [...new Set(dirs)].map((dir) => path.posix.join(dir, name)));
  return [...new Set([...onPath, ...LINUX_FIXED])];
}

export const INSTALL_HINT = msg('build.browser.install.hint');

export interface BrowserChoice {
  path: string;
  /** Where the path came from, for `--verbose`, `doctor` and error messages: an option or variable's name, or a message. */
  source: string | Message;
}

export interface BrowserSearch {
  env: (name: string) => string | undefined;
  /** A browser downloaded on request into puppeteer's cache, when there is one. */
  downloaded?: () => string | undefined;
  platform?: NodeJS.Platform;
  /** The existence check (a fake file system in tests). */
  isExecutable?: (file: string) => boolean;
}

/** Every browser found in the usual places, in order of preference (for `doctor`). */
export function installedBrowsers(search: BrowserSearch, io: Io = nodeIo): BrowserChoice[] {
  const executable = search.isExecutable ?? ((file: string) => io.isExecutable(file));
  const found: BrowserChoice[] = [];
  let downloaded: string | undefined;
  try {
    downloaded = search.downloaded?.();
  } catch {
    downloaded = undefined;
  }
  if (downloaded && executable(downloaded)) found.push({ path: downloaded, source: msg('build.browser.source.downloaded') });
  for (const file of browserLocations(search.platform ?? process.platform, search.env)) {
    if (executable(file)) found.push({ path: file, source: msg('build.browser.source.system') });
  }
  return found;
}

/** The browser to use: the one named (which must exist), else the first installed. */
export function findBrowser(option: string | undefined, search: BrowserSearch, io: Io = nodeIo): BrowserChoice {
  const executable = search.isExecutable ?? ((file: string) => io.isExecutable(file));
  const explicit: [string | undefined, string][] = [
    [option, '--browser'],
    [search.env('BULLETIN_BROWSER'), 'BULLETIN_BROWSER'],
    [search.env('PUPPETEER_EXECUTABLE_PATH'), 'PUPPETEER_EXECUTABLE_PATH'],
  ];
  for (const [file, source] of explicit) {
    if (!file) continue;
    if (executable(file)) return { path: file, source };
    throw new BulletinError(msg('build.browser.not-executable', { source, file }), ExitCode.BrowserFailed, INSTALL_HINT);
  }
  const first = installedBrowsers(search, io)[0];
  if (first) return first;
  throw new BulletinError(msg('build.browser.not-found'), ExitCode.BrowserFailed, INSTALL_HINT);
}
