// `bulletin preview`: serve a series with live rebuilds until Ctrl-C. A bad path or a busy port is
// exit 2 before a browser starts; the URL is printed as soon as the port is bound, and the issues
// build in the background; Ctrl-C at any time closes what was started.
import { preview } from '../preview/preview.js';
import { ExitCode } from '../diagnostics/exitCodes.js';
import { printDiagnostics } from './printDiagnostics.js';
import type { Reporter } from './reporter.js';

class Stopped extends Error {
  constructor(readonly exitCode: number) {
    super('stopped');
  }
}

export async function previewCommand(target: string | undefined, options: { port: number; browser?: string; cwd: string; env: NodeJS.ProcessEnv }, reporter: Reporter): Promise<number> {
  const started = Date.now();
  let first = true;
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => controller.abort(new Stopped(signal === 'SIGINT' ? ExitCode.Interrupted : ExitCode.Terminated));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const handle = await preview({
      path: target ?? '.', cwd: options.cwd, port: options.port, browser: options.browser, env: options.env, signal: controller.signal,
      onUpdate: ({ diagnostics, sources, rebuilt, failed }) => {
        if (diagnostics.length) printDiagnostics(reporter, diagnostics, sources, 'human', sources.size);
        for (const f of failed) reporter.error(`${f.slug}: ${f.message}`);
        const time = new Date().toLocaleTimeString();
        if (rebuilt.length) reporter.info(`${time} rebuilt ${rebuilt.join(', ')}${first ? ` in ${((Date.now() - started) / 1000).toFixed(1)} s` : ''}`);
        first = false;
      },
    });
    reporter.out(`preview: ${handle.url}  (Ctrl-C to stop; the issues are being checked and built, the page shows their progress)`);
    const reason = await Promise.race([
      new Promise<unknown>((resolve) => {
        if (controller.signal.aborted) resolve(controller.signal.reason);
        else controller.signal.addEventListener('abort', () => resolve(controller.signal.reason), { once: true });
      }),
      // A browser that cannot start ends the preview with its error (exit 4).
      handle.stopped.then((error) => Promise.reject(error)),
    ]);
    await handle.close();
    // Ctrl-C is how a preview ends: that is success.
    return reason instanceof Stopped && reason.exitCode === ExitCode.Terminated ? ExitCode.Terminated : ExitCode.Ok;
  } catch (error) {
    if (error instanceof Stopped) return error.exitCode;
    throw error;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
