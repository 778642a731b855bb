// The one print loop: print a document, read from the PDF what it implies (start pages, the
// contents' own length), and print again with that until the two agree. Issues and the yearbook
// both paginate through it; neither keeps numbers that did not settle.
import { PDFDocument } from './pdfLib.js';
import { msg, type Message } from '../i18n/message.js';
import type { Page } from 'puppeteer-core';
import { collectGarbage, departure, printPagesFrom, type Departure } from './printPage.js';
import type { DocumentServer } from './documentServer.js';
import { readDestinations, type Destination } from './readDestinations.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';
import { withinStage } from './stageWatchdog.js';

export const MAX_PASSES = 4;

/** From this many pages on, the garbage of one print is collected before the next (see collectGarbage). */
export const LONG_DOCUMENT_PAGES = 100;

export interface PrintSteps<S> {
  /** Puts the document for `state` into the page: a load for the first pass, a patch or a load later. */
  load(state: S, pass: number): Promise<void>;
  /** The state the printed PDF implies (`printed` is the state it was printed with). */
  read(pdf: PDFDocument, dests: ReadonlyMap<string, Destination>, printed: S): S;
  same(a: S, b: S): boolean;
  /** What is being printed, for the error when it does not settle: "the pagination of 2018-02". */
  what: Message;
  /** What a template may be doing to keep it from settling. */
  hint: Message;
  /** What is printed, for the message of a stage that hangs or crashes: "2018-02" (default: `what`). */
  name?: string;
  /** What in the document can make Chrome hang or run out of memory (named when a stage does). */
  suspects?: Message;
  /** The page's document server: it sees the navigations the document starts by itself. */
  server: DocumentServer;
  /**
   * How many passes the state may take (default {@link MAX_PASSES}): a state settled one step at a
   * time (a contents page that breaks, one page at a time) allows a pass for each step it took.
   */
  maxPasses?(state: S): number;
  /** Where the document's markup comes from, for the error when it leaves itself: the series' templates folder. */
  templates: string;
  /**
   * Print only the pages from this one (0-based) to the end: a probe that reads the last pages alone.
   * `read` is then given that part of the document (its pages and destinations counted from it).
   */
  fromPage?: number;
  /**
   * Whether the print of `state` can only be read, never kept (its PDF cannot confirm it, or only its
   * last pages are printed): it is printed as a draft (print/printPage.ts). Default: never.
   */
  draft?(state: S): boolean;
  /**
   * After a draft that did not confirm its state: whether what it shows already decides what comes
   * next, so that the print confirming its state would only be printed over (its last page is to be
   * fitted). The loop then returns the draft as it is, `confirmed: false`, its state what it implies.
   * `printedWith` is the state it was printed with. Default: never.
   */
  enough?(draft: Printed<S>, printedWith: S): boolean;
}

/** A document that left itself while it was printed. */
class DocumentLeft extends BulletinError {}

/** A document that leaves itself while it is printed is a template's doing: exit 3, naming the templates. */
function leftError(steps: Pick<PrintSteps<unknown>, 'what' | 'templates'>, left: Departure): BulletinError {
  const url = typeof left.url === 'string' && left.url.length > 120 ? `${left.url.slice(0, 117)}…` : left.url;
  return new DocumentLeft(
    msg('build.document-left', { what: steps.what, url, how: left.how, templates: steps.templates }),
    ExitCode.RenderFailed,
    msg('build.document-left.hint'),
  );
}

export interface Printed<S> {
  bytes: Uint8Array;
  pdf: PDFDocument;
  dests: Map<string, Destination>;
  /**
   * The state the PDF was printed with, which it confirms, as read from it (what `same` leaves out,
   * things measured on the print rather than put into the document, is the print's own).
   */
  state: S;
  passes: number;
  /** The document's page the PDF starts with (0 unless the steps asked for the last pages only). */
  firstPage: number;
  /** false: a draft the steps found `enough` (its state is what it implies, not what it was printed with). */
  confirmed: boolean;
}

/**
 * The pages of the document each page last printed: a print after a long one collects the garbage
 * first, within one loop or across loops (pagination, then fitting's tries).
 */
const lastPrinted = new WeakMap<Page, number>();

export async function printUntilSettled<S>(page: Page, start: S, steps: PrintSteps<S>): Promise<Printed<S>> {
  let state = start;
  /** The print being made is a draft; a state a draft confirmed is printed once more, to be kept. */
  let draft = false;
  let kept = false;
  steps.server.navigations.length = 0; // what an earlier document of the page did is not this one's
  const stays = async () => {
    const left = await departure(page, steps.server);
    if (left) throw leftError(steps, left);
  };
  try {
    for (let pass = 1; pass <= (steps.maxPasses?.(state) ?? MAX_PASSES); pass++) {
      // Each stage has its own watchdog: a document that hangs Chrome or crashes its renderer fails
      // the stage it happened in, not the issue's whole budget.
      const name = steps.name ?? steps.what;
      await withinStage(page, { name: 'load', what: pass === 1 ? msg('build.doing.loading', { issue: name }) : msg('build.doing.filling', { issue: name, pass }), ...(steps.suspects ? { suspects: steps.suspects } : {}) }, () => steps.load(state, pass));
      await stays();
      const out = await withinStage(page, { name: 'print', what: msg('build.doing.printing', { issue: name, pass }), ...(steps.suspects ? { suspects: steps.suspects } : {}) }, async () => {
        if ((lastPrinted.get(page) ?? 0) >= LONG_DOCUMENT_PAGES) await collectGarbage(page);
        draft = !kept && (steps.draft?.(state) ?? false);
        return printPagesFrom(page, steps.fromPage ?? 0, { draft });
      });
      // What printed may not be the document any more (a refresh while printing).
      await stays();
      const pdf = await PDFDocument.load(out.bytes, { updateMetadata: false });
      lastPrinted.set(page, out.firstPage + pdf.getPageCount());
      const dests = readDestinations(pdf);
      const found = steps.read(pdf, dests, state);
      if (steps.same(found, state)) {
        // A draft confirms its state but is not kept: the same state is printed once more, whole.
        if (draft && !steps.fromPage) {
          kept = true;
          state = found;
          continue;
        }
        return { bytes: out.bytes, pdf, dests, state: found, passes: pass, firstPage: out.firstPage, confirmed: true };
      }
      if (draft && steps.enough) {
        const unconfirmed: Printed<S> = { bytes: out.bytes, pdf, dests, state: found, passes: pass, firstPage: out.firstPage, confirmed: false };
        if (steps.enough(unconfirmed, state)) return unconfirmed;
      }
      state = found;
    }
  } catch (error) {
    if (error instanceof DocumentLeft) throw error;
    // Whatever failed once the page had left its document (a destroyed context, missing hooks) was
    // that. Chrome is asked with a short limit: after a crash or a hang there is no answer to wait for.
    let timer: number | NodeJS.Timeout | undefined;
    const gone = await Promise.race([
      steps.server.departedTo().catch(() => undefined),
      new Promise<undefined>((r) => (timer = setTimeout(r, 2000))),
    ]);
    clearTimeout(timer);
    const navigation = gone ?? steps.server.navigations[0];
    if (navigation !== undefined) throw leftError(steps, { url: navigation, how: msg('build.document-left.navigation') });
    throw error;
  }
  throw new BulletinError(msg('build.not-settled', { what: steps.what, passes: steps.maxPasses?.(state) ?? MAX_PASSES }), ExitCode.RenderFailed, steps.hint);
}
