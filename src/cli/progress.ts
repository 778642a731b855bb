// Progress of long work: a spinner with elapsed time on a terminal, one plain line per step elsewhere.
import { fitWidth } from '../diagnostics/codeFrame.js';
import { translator, type Translator } from '../i18n/message.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface Progress {
  /** The current step (replaces the previous one on a terminal). */
  step(text: string): void;
  /** A line that stays (a file written, a warning). */
  log(write: () => void): void;
  stop(): void;
}

/** `words`: the reader's language, for the elapsed time (3.7 s, 3.7秒). */
export function createProgress(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, options: { quiet: boolean; started?: number; words?: Translator }): Progress {
  const started = options.started ?? Date.now();
  const words = options.words ?? translator('en');
  const elapsed = () => words.t('cli.progress.elapsed', { seconds: ((Date.now() - started) / 1000).toFixed(1) });
  if (options.quiet) return { step: () => undefined, log: (write) => write(), stop: () => undefined };
  if (!stream.isTTY) {
    return { step: (text) => void stream.write(`${words.t('cli.progress.line', { step: text, elapsed: elapsed() })}\n`), log: (write) => write(), stop: () => undefined };
  }
  let current = '';
  let frame = 0;
  const draw = () => {
    const line = `${FRAMES[frame++ % FRAMES.length]} ${current} ${elapsed()}`;
    // Cut by the columns the terminal draws (a Chinese character takes two): a wrapped line would not be cleared.
    stream.write(`\r\x1b[2K${fitWidth(line, (stream.columns ?? 80) - 1)}`);
  };
  const timer = setInterval(draw, 100);
  timer.unref();
  const clear = () => stream.write('\r\x1b[2K');
  return {
    step(text) {
      current = text;
      draw();
    },
    log(write) {
      clear();
      write();
      if (current) draw();
    },
    stop() {
      clearInterval(timer);
      clear();
    },
  };
}
