// `bulletin preview`: serve a series with live rebuilds until Ctrl-C. A bad path or a busy port is
// exit 2 before a browser starts; the URL is printed as soon as the port is bound, and the issues
// build in the background; Ctrl-C at any time closes what was started. The pages and the lines are in
// the reporter's language.
import { preview } from '../preview/preview.js';
import { ExitCode } from '../diagnostics/exitCodes.js';
import { printDiagnostics } from './printDiagnostics.js';
import type { Reporter } from './reporter.js';
import { msg } from '../i18n/message.js';

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
      path: target ?? '.', cwd: options.cwd, port: options.port, browser: options.browser, env: options.env, signal: controller.signal, lang: reporter.lang,
      onUpdate: ({ diagnostics, sources, rebuilt, failed }) => {
        if (diagnostics.length) printDiagnostics(reporter, diagnostics, sources, 'human', sources.size);
        for (const f of failed) reporter.error(msg('preview.issue-failed', { slug: f.slug, message: f.message }));
        const time = new Date().toLocaleTimeString(reporter.lang === 'zh' ? 'zh-CN' : undefined);
        const slugs = rebuilt.join(reporter.lang === 'zh' ? '、' : ', ');
        if (rebuilt.length) {
          reporter.info(first
            ? reporter.t('preview.built-first', { time, slugs, seconds: ((Date.now() - started) / 1000).toFixed(1) })
            : reporter.t('preview.rebuilt', { time, slugs }));
        }
        first = false;
      },
    });
    reporter.out(reporter.t('preview.listening', { url: handle.url }));
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
