// Browser discovery on each platform, over a fake file system (the existence check is injected).
import { describe, expect, it } from 'vitest';
import { findBrowser, installedBrowsers } from '../../src/print/findBrowser.js';
import { BulletinError } from '../../src/diagnostics/exitCodes.js';
import { msg } from '../../src/i18n/message.js';

const envOf = (vars: Record<string, string>) => (name: string) => vars[name];
const fakeFs = (files: string[]) => (file: string) => files.includes(file);

describe('findBrowser', () => {
  const winEnv = envOf({ ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local' });

  it.each([
    ['Chrome', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'],
    ['Chrome (32-bit)', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'],
    ['Chrome for one user', 'C:\\Users\\li\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'],
    ['Edge', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'],
    ['Chromium', 'C:\\Users\\li\\AppData\\Local\\Chromium\\Application\\chrome.exe'],
  ])('finds %s on Windows', (_, file) => {
    expect(findBrowser(undefined, { env: winEnv, platform: 'win32', isExecutable: fakeFs([file]) })).toEqual({ path: file, source: msg('build.browser.source.system') });
  });

  it.each([
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Users/li/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ])('finds %s on macOS', (file) => {
    expect(findBrowser(undefined, { env: envOf({ HOME: '/Users/li' }), platform: 'darwin', isExecutable: fakeFs([file]) }).path).toBe(file);
  });

  it.each(['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'])('finds the Linux command %s on PATH', (name) => {
    const env = envOf({ PATH: '/home/li/bin:/usr/local/bin:/usr/bin' });
    expect(findBrowser(undefined, { env, platform: 'linux', isExecutable: fakeFs([`/usr/local/bin/${name}`]) }).path).toBe(`/usr/local/bin/${name}`);
  });

  it('prefers Chromium to Chrome to Edge on Linux, and lists them all for doctor', () => {
    const files = ['/usr/bin/microsoft-edge', '/usr/bin/google-chrome', '/usr/bin/chromium'];
    const search = { env: envOf({ PATH: '/usr/bin' }), platform: 'linux' as const, isExecutable: fakeFs(files) };
    expect(findBrowser(undefined, search).path).toBe('/usr/bin/chromium');
    expect(installedBrowsers(search).map((b) => b.path)).toEqual(['/usr/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge']);
  });

  it('finds a snap or /opt install that is not on PATH', () => {
    const search = { env: envOf({ PATH: '/usr/bin' }), platform: 'linux' as const, isExecutable: fakeFs(['/opt/microsoft/msedge/msedge']) };
    expect(findBrowser(undefined, search).path).toBe('/opt/microsoft/msedge/msedge');
  });

  it('takes --browser, then BULLETIN_BROWSER, before any installed browser', () => {
    const files = ['/usr/bin/chromium', '/srv/chrome', '/srv/edge'];
    const search = { env: envOf({ PATH: '/usr/bin', BULLETIN_BROWSER: '/srv/edge' }), platform: 'linux' as const, isExecutable: fakeFs(files) };
    expect(findBrowser('/srv/chrome', search)).toEqual({ path: '/srv/chrome', source: '--browser' });
    expect(findBrowser(undefined, search)).toEqual({ path: '/srv/edge', source: 'BULLETIN_BROWSER' });
  });

  it('refuses a named browser that does not exist rather than using another', () => {
    const search = { env: envOf({ PATH: '/usr/bin', BULLETIN_BROWSER: '/srv/none' }), platform: 'linux' as const, isExecutable: fakeFs(['/usr/bin/chromium']) };
    expect(() => findBrowser(undefined, search)).toThrow(/BULLETIN_BROWSER \(\/srv\/none\) is not an executable file/);
  });

  it('uses a browser downloaded on request, and says where none is found', () => {
    const downloaded = '/root/.cache/puppeteer/chrome/linux-131/chrome-linux64/chrome';
    const search = { env: envOf({ PATH: '/usr/bin' }), platform: 'linux' as const, downloaded: () => downloaded, isExecutable: fakeFs([downloaded, '/usr/bin/chromium']) };
    expect(findBrowser(undefined, search)).toEqual({ path: downloaded, source: msg('build.browser.source.downloaded') });
    let error: unknown;
    try {
      findBrowser(undefined, { env: envOf({}), platform: 'win32', isExecutable: fakeFs([]) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BulletinError);
    expect((error as BulletinError).message).toBe('no Chrome, Edge or Chromium found');
    expect((error as BulletinError).hint).toMatch(/--browser PATH or BULLETIN_BROWSER=PATH/);
  });
});
