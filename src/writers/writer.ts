// What an output format is: a writer that turns built issues into files. The pipeline runs every
// chosen writer; a writer says whether it needs the issues printed (pagination and PDF), so a
// build whose writers need none never starts a browser.
import type { Browser } from 'puppeteer-core';
import type { Message } from '../i18n/message.js';
import type { Issue } from '../model/types.js';
import type { PaginatedIssue } from '../model/pagination.js';
import type { IssueDocument } from '../render/issueDocument.js';
import type { Layout } from '../render/layouts.js';
import type { Io } from '../io.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** One issue as the writers receive it. */
export interface IssueOutput {
  readonly issue: Issue;
  /** The HTML document: with the real page numbers when the issue was printed. */
  readonly doc: IssueDocument;
  /** Paths of the document's files the browser asked for (the fonts it used, its images); undefined when not printed. */
  readonly used: ReadonlySet<string> | undefined;
  /** The PDF and the pagination, when some writer needed the issue printed. */
  readonly printed: { readonly pdf: Uint8Array; readonly paginated: PaginatedIssue } | undefined;
}

export interface WriteContext {
  /** Absolute output folder. */
  readonly outDir: string;
  /** Every issue of the build, in series and file order. */
  readonly issues: readonly Issue[];
  /**
   * The files of the output folder (relative, forward slashes, as given to `write` and `copy`) this
   * build has written so far, committed: what an index may link to. A file left there by an earlier
   * build is not in it.
   */
  readonly written: ReadonlySet<string>;
  readonly yearbook: number | undefined;
  /** false: plain PDFs (`--no-pdfa`); otherwise each series' `output.pdfa`. */
  readonly pdfa?: boolean;
  /** Whether the build writes `issue` as OFD too (`--ofd`, or its series' `output.ofd` with the PDFs): the yearbook follows its last issue. */
  ofdFor?(issue: Issue): boolean;
  readonly env: NodeJS.ProcessEnv;
  /** Reads beyond the model (the list of a series' issue files). */
  readonly io: Io;
  layoutFor(issue: Issue): Promise<Layout>;
  /** The running browser (only for writers that need printing). */
  browser(): Promise<Browser>;
  /**
   * Stages a file of the output folder (`relative` uses forward slashes) and returns its absolute
   * path. What a writer stages for an issue (or in `finish`) is renamed into place together once the
   * writers are done with it; a failure leaves the earlier outputs as they were.
   */
  write(relative: string, data: Uint8Array | string, options?: { sync?: boolean }): Promise<string>;
  /** Stages a copy of a file (a font, an image) at a path of the output folder. */
  copy(from: string, relative: string): Promise<string>;
  /** The folder `relative` holds only what is staged into it with this issue's files: what an earlier build left there goes when they are renamed into place. */
  own(relative: string): void;
  /** Reports what is being done (a progress line): `stage` is rendered in the reader's language. */
  /** `issue`: the issue's name, or a message naming what else is made (the yearbook). */
  stage(issue: string | Message, stage: Message): void;
  /** Adds a warning to the build's diagnostics (a file over its size budget). */
  report(diagnostic: Diagnostic): void;
  /** An issue's file as diagnostics show it. */
  display(issue: Issue): string;
}

export interface Writer {
  /** `--pdf`, `--html` … name it; the build's result lists the files it wrote. */
  readonly name: string;
  /** `print`: the issues must be paginated and printed first; `none`: the model is enough. */
  readonly needs: 'print' | 'none';
  /** Refuses, before anything is printed, a build it cannot serve (a BulletinError). */
  prepare?(ctx: WriteContext): void;
  /** Writes an issue's files as soon as the issue is ready. */
  writeIssue?(output: IssueOutput, ctx: WriteContext): Promise<string[]>;
  /** Writes what needs every issue (an index, a bound volume), once all are done. */
  finish?(outputs: readonly IssueOutput[], ctx: WriteContext): Promise<string[]>;
}
