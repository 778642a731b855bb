// `bulletin preview`: serve a series with live rebuilds until Ctrl-C.
import { preview } from '../preview/preview.js';
import { ExitCode } from '../diagnostics/exitCodes.js';
import { printDiagnostics } from './printDiagnostics.js';
import type { Reporter } from './reporter.js';

export async function previewCommand(target: string | undefined, options: { port: number; browser?: string; cwd: string; env: NodeJS.ProcessEnv }, reporter: Reporter): Promise<number> {
  const started = Date.now();
  let first = true;
  const handle = await preview({
    path: target ?? '.', cwd: options.cwd, port: options.port, browser: options.browser, env: options.env,
    onUpdate: ({ diagnostics, sources, rebuilt, failed }) => {
      if (diagnostics.length) printDiagnostics(reporter, diagnostics, sources, 'human', sources.size);
      for (const f of failed) reporter.error(`${f.slug}: ${f.message}`);
      const time = new Date().toLocaleTimeString();
      if (rebuilt.length) reporter.info(`${time} rebuilt ${rebuilt.join(', ')}${first ? ` in ${((Date.now() - started) / 1000).toFixed(1)} s` : ''}`);
      first = false;
    },
  });
  reporter.out(`preview: ${handle.url}  (Ctrl-C to stop)`);
  const code = await new Promise<number>((resolve) => {
    process.once('SIGINT', () => resolve(ExitCode.Interrupted));
    process.once('SIGTERM', () => resolve(ExitCode.Terminated));
  });
  await handle.close();
  return code === ExitCode.Interrupted ? ExitCode.Ok : code;
}
