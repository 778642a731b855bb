// A watchdog per stage of printing (loading a document, each print pass): a document that drives
// Chrome into a loop or out of memory fails that stage, naming it and what in the issue can cause
// it, instead of waiting for the whole budget. A renderer that crashes (it ran into its
// memory limit: see browserSession.ts) fails the stage at once.
import type { Page } from 'puppeteer-core';
import { msg, type Message } from '../i18n/message.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';

/** How long one stage may take. The longest issues measured (600 pages) take a tenth of these. */
export const STAGE_BUDGET_MS = {
  /** Loading the document, its fonts and its images. */
  load: 60_000,
  /** One print pass. */
  print: 90_000,
  /** Reading the PDF back and comparing it with the source. */
  check: 60_000,
} as const;

export type StageName = keyof typeof STAGE_BUDGET_MS;

export interface Stage {
  name: StageName;
  /** What is being done, for the message: "loading 2018-02", "printing 2018-02 (pass 2)". */
  what: Message;
  /** What in the document can make Chrome hang or run out of memory (a sentence's subject): the SVG figures, the series templates. */
  suspects?: Message;
  /** Overrides the stage's budget (tests). */
  budgetMs?: number;
}

const CRASH = /crashed/i;

function hintFor(stage: Stage, crashed: boolean): Message {
  const memory = crashed ? msg('build.stage.crashed.memory') : '';
  return stage.suspects ? msg('build.stage.suspects.hint', { suspects: stage.suspects, memory }) : msg('build.stage.hint', { memory });
}

export function stageTimeout(stage: Stage, budgetMs: number): BulletinError {
  return new BulletinError(msg('build.stage.timeout', { what: stage.what, time: budgetMs >= 1000 ? `${Math.round(budgetMs / 1000)} s` : `${budgetMs} ms` }), ExitCode.BrowserFailed, hintFor(stage, false));
}

export function rendererCrash(stage: Stage): BulletinError {
  return new BulletinError(msg('build.stage.crashed', { what: stage.what }), ExitCode.BrowserFailed, hintFor(stage, true));
}

/**
 * Runs `work` as `stage` of `page`: rejects when the stage's budget is spent or the page's renderer
 * crashes. The work itself is not cancelled: the caller closes the page or the browser.
 */
export function withinStage<T>(page: Pick<Page, 'on' | 'off'> | undefined, stage: Stage, work: () => Promise<T>): Promise<T> {
  const budgetMs = stage.budgetMs ?? STAGE_BUDGET_MS[stage.name];
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      page?.off('error', onCrash);
      settle();
    };
    const onCrash = () => finish(() => reject(rendererCrash(stage)));
    const timer = setTimeout(() => finish(() => reject(stageTimeout(stage, budgetMs))), budgetMs);
    page?.on('error', onCrash);
    let running: Promise<T>;
    try {
      running = work();
    } catch (error) {
      finish(() => reject(error));
      return;
    }
    running.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => {
        // A call that fails because the renderer is gone is the crash, said once and plainly.
        const crashed = !(error instanceof BulletinError) && CRASH.test((error as Error | undefined)?.message ?? '');
        finish(() => reject(crashed ? rendererCrash(stage) : error));
      },
    );
  });
}
