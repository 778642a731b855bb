// `bulletin doctor`: is this machine ready to build? Browser, fonts, output folder, with what to do.
import { spawnSync } from 'node:child_process';
import { nodeIo } from '../io.js';
import path from 'node:path';
import { ExitCode, BulletinError } from '../diagnostics/exitCodes.js';
import type { Reporter } from './reporter.js';

interface Check {
  what: string;
  ok: boolean;
  detail: string;
  fix?: string;
}

export async function doctorCommand(options: { cwd: string; env: NodeJS.ProcessEnv; browser?: string; outDir: string }, reporter: Reporter): Promise<number> {
  const checks: Check[] = [];
  checks.push({ what: 'node', ok: Number(process.versions.node.split('.')[0]) >= 20, detail: process.version, fix: 'Install Node.js 20 or newer.' });

  const { chooseBrowser } = await import('../print/startBrowser.js');
  try {
    const choice = await chooseBrowser(options.browser, options.env);
    const version = spawnSync(choice.path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
    const text = (version.stdout || version.stderr || '').trim().split('\n').at(-1) ?? '';
    const major = Number(/(\d+)\./.exec(text)?.[1] ?? 0);
    checks.push({
      what: 'browser', ok: version.status === 0 && major >= 131, detail: `${choice.path} (${choice.source}) ${text || 'did not answer --version'}`,
      fix: major && major < 131 ? 'Chrome 131 or newer is needed for page-margin boxes (page numbers): update it.' : 'Check that the browser runs: `chromium --version`.',
    });
    if (typeof process.getuid === 'function' && process.getuid() === 0) {
      checks.push({ what: 'sandbox', ok: true, detail: 'running as root: Chrome is started with --no-sandbox (acceptable in a throwaway CI container)' });
    }
  } catch (error) {
    checks.push({ what: 'browser', ok: false, detail: (error as Error).message, fix: error instanceof BulletinError ? error.hint : undefined });
  }

  const { fontFaces, FONT_ROLES, familyOf } = await import('../render/fontFaces.js');
  const { resolveSeries } = await import('../config/resolveSeries.js');
  const faces = fontFaces(resolveSeries({ series: 'x', name: 'x', publisher: 'x' }, options.cwd, '', {}));
  for (const role of FONT_ROLES) {
    const own = faces.filter((f) => f.family === familyOf(role));
    let readable = own.length > 0;
    for (const f of own.slice(0, 3)) readable &&= await nodeIo.access(f.file, 'read');
    checks.push({
      what: `font ${role}`, ok: readable, detail: own.length ? `${path.basename(path.dirname(path.dirname(own[0]!.file)))}: ${own.length} file(s)` : 'none',
      fix: 'Reinstall the npm packages (`npm ci`): the bundled fonts come with them.',
    });
  }

  const out = path.resolve(options.cwd, options.outDir);
  const writable = await nodeIo.mkdir(out).then(() => nodeIo.access(out, 'write'), () => false);
  checks.push({ what: 'output', ok: writable, detail: out, fix: 'Choose a writable folder with --out-dir.' });

  for (const c of checks) {
    reporter.out(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.what.padEnd(16)} ${c.detail}`);
    if (!c.ok && c.fix) reporter.out(`      ${''.padEnd(16)} fix: ${c.fix}`);
  }
  const failed = checks.filter((c) => !c.ok);
  if (failed.length === 0) {
    reporter.info('ready to build');
    return ExitCode.Ok;
  }
  return failed.some((c) => c.what === 'browser') ? ExitCode.BrowserFailed : ExitCode.OutputFailed;
}
