// preview: serves a series on 127.0.0.1 and rebuilds what changed when a source is saved, in a warm browser.
// Steps: check the options and the path → bind the port and serve at once (the pages show what is
// being checked and built) → in the background: validate and start the browser → render the issues,
// the one edited last first; on a change: validate again → render the issues whose source (or the
// series, or its templates, or a photo) changed, the changed one first → tell open pages to reload.
// Photos go through the build's pipeline and cache (images/figureRenditions.ts): the pages show
// and print the renditions, never the originals, and a save does not process an unchanged photo
// again. The cache lies in the series (`.bulletin-cache/`): the watcher ignores dot-folders.
// A failure on the way up closes what was started; a browser that cannot start ends the preview.
// The pages, the diagnostics overlay and the errors are in the preview's language (`lang`).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { validate, type ValidateResult } from '../validate.js';
import { checkPreviewOptions } from '../checkOptions.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';
import type { Issue } from '../model/types.js';
import { Layouts } from '../render/layouts.js';
import { PAGE_POLICY, PREVIEW_PAGE_POLICY } from '../render/sanitizeHtml.js';
import { displayPath } from '../source/displayPath.js';
import { discover } from '../source/discover.js';
import { SERIES_DEFAULTS } from '../source/schemaTypes.js';
import { nodeIo } from '../io.js';
import type { RenderedIssue } from '../renderIssue.js';
import type { PrintTarget } from '../print/printTarget.js';
import type { BrowserSession } from '../print/browserSession.js';
import type { PreparedImages } from '../images/figureRenditions.js';
import { diagnosticsText, indexPage, viewerPage, RELOAD_SCRIPT, type IssueStatus } from './previewPages.js';
import { checkRequest } from './requestGuard.js';
import type { Lang } from '../i18n/lang.js';
import { msg, t, type Message } from '../i18n/message.js';

export interface PreviewOptions {
  /** A series folder or one issue file of it. */
  path: string;
  cwd?: string;
  /** Port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  browser?: string;
  env?: NodeJS.ProcessEnv;
  /** Aborting stops the preview (while it binds its port too: the promise then rejects with the signal's reason). */
  signal?: AbortSignal;
  /** The language of the pages, the overlay and the errors; English by default. */
  lang?: Lang;
  /** Called after every round of checks and rebuilds, with what it found. */
  onUpdate?: (update: { diagnostics: Diagnostic[]; sources: Map<string, string>; rebuilt: string[]; failed: { slug: string; message: string }[] }) => void;
  /**
   * Called when a new PDF of an issue is shown: `provisional` when it was printed with the issue's
   * previous pagination and fitting, shown while fitting is confirmed (the confirmed PDF is shown
   * next only when it differs).
   */
  onShown?: (shown: { slug: string; provisional: boolean }) => void;
}

export interface PreviewHandle {
  url: string;
  /** Resolves when the current round of rebuilds (if any) is done. */
  settled(): Promise<void>;
  /**
   * Resolves with the error that ended the preview on its own (a browser that cannot start, an
   * `onUpdate` that throws in the first round), after it has closed what it started; never otherwise.
   */
  stopped: Promise<unknown>;
  close(): Promise<void>;
}

interface Entry {
  issue: Issue;
  /** The page this issue is printed in, kept open so a rebuild swaps its body instead of reloading. */
  target: PrintTarget | undefined;
  hash: string;
  /** Size and time of each photo: when one changes, the page is loaded afresh (it keeps decoded images by URL). */
  photos: string;
  status: IssueStatus;
  rendered: RenderedIssue | undefined;
  /** A save's provisional PDF (RenderOptions.onProvisional), served until the build is confirmed. */
  provisional?: Uint8Array;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.pdf': 'application/pdf', '.js': 'text/javascript; charset=utf-8' };

/** Why listening failed, for people. */
function listenProblem(error: NodeJS.ErrnoException, port: number): Message {
  if (error.code === 'EADDRINUSE') return msg('preview.port.in-use', { port });
  if (error.code === 'EACCES') return msg('preview.port.denied', { port });
  return msg('preview.port.cannot-listen', { port, reason: error.code ?? error.message });
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => reject(new BulletinError(listenProblem(error, port), ExitCode.Usage, msg('preview.port.hint')));
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export async function preview(options: PreviewOptions): Promise<PreviewHandle> {
  // Everything that can be wrong with the call is found before anything starts: the options, the
  // path (missing, or not in a series: a usage error), then the port. The sources are checked in the
  // background, while the page already answers.
  checkPreviewOptions(options);
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const signal = options.signal;
  const lang = options.lang ?? 'en';
  /** An error's text for the pages and the terminal, with its hint, in the preview's language. */
  const describe = (error: unknown): string => {
    if (!(error instanceof BulletinError)) return error instanceof Error ? error.message : String(error);
    const { message, hint } = error.describe(lang);
    return hint ? `${message}\n${t(lang, 'label.hint')}${lang === 'zh' ? '' : ' '}${hint}` : message;
  };
  signal?.throwIfAborted();
  const target = path.resolve(cwd, options.path);
  const plans = await discover(nodeIo, [options.path], cwd, async () => SERIES_DEFAULTS.issues);
  signal?.throwIfAborted();

  const layouts = new Layouts();
  const entries = new Map<string, Entry>();
  /** The issues in the series' order, for the index (they are built in another). */
  let listed: string[] = [];
  let problems = '';
  let checking = true;
  let seriesName = '';
  let seriesRoot: string | undefined = plans[0]?.seriesFile ? path.dirname(plans[0].seriesFile) : undefined;
  const clients = new Set<ServerResponse>();
  const notify = (slug: string) => {
    for (const res of clients) res.write(`event: rebuilt\ndata: ${slug}\n\n`);
  };

  let launching: Promise<BrowserSession> | undefined;
  let printing: Promise<[typeof import('../renderIssue.js'), typeof import('../print/printTarget.js')]> | undefined;
  const imagesModule = () => Promise.all([import('../images/figureRenditions.js'), import('../cache/contentCache.js')]);
  let round: Promise<void> = Promise.resolve();
  let pending = false;
  let templatesChanged = false;
  /** Files seen changing since the last round: their issues are rebuilt first. */
  const changed = new Set<string>();

  /** The issues in the order they are built: those just saved first, then the most recently edited. */
  const buildOrder = async (issues: readonly Issue[]): Promise<Issue[]> => {
    const stamp = new Map<Issue, number>();
    await Promise.all(issues.map(async (issue) => {
      const saved = changed.has(issue.file) ? Infinity : await nodeIo.stat(issue.file).then((i) => i.mtimeMs, () => 0);
      stamp.set(issue, saved);
    }));
    changed.clear();
    return [...issues].sort((a, b) => stamp.get(b)! - stamp.get(a)!);
  };

  const rebuild = async (): Promise<void> => {
    const checked = await validate([options.path], { cwd });
    checking = false;
    const errors = checked.diagnostics.filter((d) => d.severity === 'error');
    problems = diagnosticsText(errors, checked.sources, lang);
    const rebuilt: string[] = [];
    const failed: { slug: string; message: string }[] = [];
    const seen = new Set<string>();
    const forceAll = templatesChanged;
    templatesChanged = false;
    const queue: Entry[] = [];
    listed = checked.issues.map((i) => i.slug);
    for (const issue of await buildOrder(checked.issues)) {
      seriesName = `${issue.series.seriesLine}${issue.series.name}`;
      seriesRoot = issue.series.root;
      seen.add(issue.slug);
      const text = checked.sources.get(displayPath(cwd, issue.file)) ?? '';
      const series = checked.sources.get(displayPath(cwd, issue.series.file)) ?? '';
      // A photo replaced under the same name changes the issue too: its size and time are in the hash.
      const photos = await Promise.all(issue.sections.flatMap((s) => s.articles.flatMap((a) => a.figures)).map((f) => nodeIo.stat(f.path).then((i) => `${f.path}:${i.size}:${i.mtimeMs}`, () => f.path)));
      const photoStamp = photos.join('\n');
      const hash = createHash('sha256').update(text).update('\0').update(series).update('\0').update(photoStamp).digest('hex');
      const old = entries.get(issue.slug);
      if (old && old.hash === hash && old.rendered && old.status.state === 'ok' && !forceAll) continue;
      const status: IssueStatus = {
        slug: issue.slug, issueLine: issue.issueLine, dateLine: issue.dateLine,
        titles: issue.sections.flatMap((s) => s.articles.map((a) => a.title)), state: 'queued', version: old?.status.version ?? 0, message: undefined,
      };
      const entry: Entry = { issue, hash, photos: photoStamp, status, rendered: old?.rendered, target: old?.target };
      if (entry.target && old?.photos !== photoStamp) entry.target.loaded = undefined;
      entries.set(issue.slug, entry);
      queue.push(entry);
    }
    // Issues with errors are not in checked.issues: show them as failed, keep their last good PDF.
    for (const [slug, entry] of entries) {
      if (!seen.has(slug) && hasErrors(checked.diagnostics)) {
        entry.status.state = 'failed';
        entry.status.message = problems;
      } else if (!seen.has(slug)) {
        void entry.target?.page.close().catch(() => undefined);
        entries.delete(slug);
      }
    }
    // The pages show the queue (and the problems) before the first print starts.
    notify('*');
    if (queue.length) {
      // The photos of the queue are processed (or read from the cache) one issue after the other,
      // from now on, while the browser starts and the issues before print; a photo shared by two
      // issues of the round is made once.
      const memo = new Map();
      let imageQueue: Promise<unknown> = Promise.resolve();
      const prepared = new Map<Entry, Promise<PreparedImages>>();
      for (const entry of queue) {
        const job = imageQueue.then(() => imagesModule()).then(([{ prepareImages }, { openImageCache }]) =>
          prepareImages(entry.issue, nodeIo, displayPath(cwd, entry.issue.file), { cache: openImageCache(nodeIo, entry.issue.series.root), memo }));
        job.catch(() => undefined);
        prepared.set(entry, job);
        imageQueue = job.catch(() => undefined);
      }
      const [session, [{ renderIssue }, { openPrintTarget }]] = await Promise.all([launching!, printing!]);
      if (forceAll) layouts.forget(queue[0]!.issue.series.root);
      for (const entry of queue) {
        if (closing) return;
        const { status } = entry;
        const old = entry.rendered;
        status.state = 'building';
        notify(entry.issue.slug);
        try {
          const images = await prepared.get(entry)!;
          // A photo that cannot be decoded is an error of the source, shown like the others.
          if (hasErrors(images.diagnostics)) {
            status.state = 'failed';
            status.message = diagnosticsText(images.diagnostics.filter((d) => d.severity === 'error'), checked.sources, lang);
            failed.push({ slug: entry.issue.slug, message: status.message });
            notify(entry.issue.slug);
            continue;
          }
          const issue = images.issue;
          entry.target ??= await openPrintTarget(session.browser);
          entry.rendered = await renderIssue(session.browser, issue, await layouts.for(issue), {
            display: displayPath(cwd, issue.file), env, initial: old?.paginated.state, selfCheck: false, target: entry.target, allFaces: true,
            // The edit, printed as the issue was paginated and fitted before, is shown at once when it holds.
            onProvisional: (pdf) => {
              entry.provisional = pdf;
              status.state = 'ok';
              status.version = Date.now();
              notify(entry.issue.slug);
              options.onShown?.({ slug: entry.issue.slug, provisional: true });
            },
          });
          const shown = entry.provisional;
          entry.provisional = undefined;
          rebuilt.push(entry.issue.slug);
          // Fitting decided as before: what is shown stays (the same bytes); otherwise the pages reload.
          if (shown && Buffer.from(shown).equals(Buffer.from(entry.rendered.pdf))) continue;
          status.state = 'ok';
          status.version = Date.now();
          options.onShown?.({ slug: entry.issue.slug, provisional: false });
        } catch (error) {
          entry.provisional = undefined; // what was shown of this save does not stand
          status.state = 'failed';
          status.message = error instanceof BulletinError ? describe(error) : String(error);
          failed.push({ slug: entry.issue.slug, message: status.message });
        }
        notify(entry.issue.slug);
      }
    }
    options.onUpdate?.({ diagnostics: checked.diagnostics, sources: checked.sources, rebuilt, failed });
  };

  const schedule = () => {
    if (pending) return;
    pending = true;
    round = round.then(async () => {
      await new Promise((r) => setTimeout(r, 60)); // let the editor finish writing
      pending = false;
      if (closing) return;
      await rebuild().catch((error: unknown) => {
        problems = t(lang, 'preview.failed', { reason: describe(error) });
        notify('*');
      });
    });
  };

  let port = options.port ?? 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Addressed to this server, GET or HEAD, a well-formed path: checked before anything waits.
    const verdict = checkRequest(req, port, lang);
    if (!verdict.ok) {
      res.writeHead(verdict.status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close', ...(verdict.status === 405 ? { Allow: 'GET, HEAD' } : {}) });
      res.end(verdict.message);
      return;
    }
    void handle(verdict.pathname, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(t(lang, 'preview.internal-error'));
      else res.destroy();
    });
  });
  const send = (res: ServerResponse, status: number, type: string, body: string | Uint8Array) => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(body);
  };
  /** Where an issue is listed: in the series' order, an issue that has errors now after the others. */
  const rank = (slug: string) => {
    const at = listed.indexOf(slug);
    return at < 0 ? listed.length : at;
  };
  // Nothing waits for a build: the pages say what is queued, being built or failed, and reload when it changes.
  const handle = async (pathname: string, req: IncomingMessage, res: ServerResponse) => {
    if (pathname === '/') return send(res, 200, TYPES['.html']!, indexPage(seriesName || 'bulletin', [...entries.values()].map((e) => e.status).sort((a, b) => rank(a.slug) - rank(b.slug)), problems, checking, lang));
    if (pathname === '/__reload.js') return send(res, 200, TYPES['.js']!, RELOAD_SCRIPT);
    if (pathname === '/__events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return undefined;
    }
    const viewer = /^\/issue\/([^/]+)$/.exec(pathname);
    if (viewer) {
      const entry = entries.get(viewer[1]!);
      const text = entry?.status.state === 'failed' ? entry.status.message ?? problems : '';
      return send(res, entry || checking ? 200 : 404, TYPES['.html']!, viewerPage(entry?.status, viewer[1]!, text, checking, lang));
    }
    const pdf = /^\/([^/]+)\.pdf$/.exec(pathname);
    if (pdf) {
      const entry = entries.get(pdf[1]!);
      const bytes = entry?.provisional ?? entry?.rendered?.pdf;
      return bytes ? send(res, 200, TYPES['.pdf']!, bytes) : send(res, 404, 'text/plain; charset=utf-8', t(lang, 'preview.not-built'));
    }
    // The HTML page and its files, as `bulletin build` writes them.
    const key = pathname.slice(1);
    for (const entry of entries.values()) {
      const resource = entry.rendered?.doc.resources.get(key);
      if (!resource) continue;
      if (key === entry.rendered!.doc.entry && 'body' in resource) {
        // The page is sanitised (render/sanitizeHtml.ts) and its policy forbids scripts; the preview
        // allows just its own reload script and the events it listens to.
        const page = String(resource.body)
          .replace(PAGE_POLICY, PREVIEW_PAGE_POLICY)
          .replace('</body>', `<script src="/__reload.js" data-watch="${entry.issue.slug}" defer></script></body>`);
        return send(res, 200, resource.type, page);
      }
      return send(res, 200, resource.type, 'body' in resource ? resource.body : 'make' in resource ? await resource.make() : await nodeIo.readFile(resource.file));
    }
    return send(res, 404, 'text/plain; charset=utf-8', t(lang, 'preview.not-found'));
  };

  const watchers: { close(): void }[] = [];
  let closing: Promise<void> | undefined;
  /** Stops everything that was started, whatever got started; every caller waits for the same close. */
  const shutdown = (): Promise<void> => (closing ??= (async () => {
    signal?.removeEventListener('abort', onAbort);
    for (const w of watchers) w.close();
    for (const res of clients) res.end();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections?.();
    await closed;
    await launching?.then((s) => s.close(), () => undefined);
  })());
  const onAbort = () => void shutdown();
  signal?.addEventListener('abort', onAbort, { once: true });

  // The port first: a busy one is a usage error before a browser is started.
  try {
    port = await new Promise<number>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const abort = () => reject(signal!.reason);
      signal?.addEventListener('abort', abort, { once: true });
      listen(server, port).then(resolve, reject).finally(() => signal?.removeEventListener('abort', abort));
    });
  } catch (error) {
    await shutdown();
    throw error;
  }

  // Then, in the background: the browser starts while the sources are checked, and the first round
  // builds every issue. A browser that cannot start (or an onUpdate that throws) ends the preview.
  let stop!: (error: unknown) => void;
  const stopped = new Promise<unknown>((resolve) => (stop = resolve));
  round = (async () => {
    const { startBrowser } = await import('../print/startBrowser.js');
    if (closing) return;
    launching = startBrowser(options.browser, env);
    printing = Promise.all([import('../renderIssue.js'), import('../print/printTarget.js')]);
    launching.catch(() => undefined);
    printing.catch(() => undefined);
    // A browser that cannot start is known before the first issue waits for it.
    launching.catch((error: unknown) => fail(error));
    await rebuild();
  })().catch((error: unknown) => fail(error));
  const fail = (error: unknown) => {
    if (closing) return;
    checking = false;
    problems = t(lang, 'preview.failed', { reason: describe(error) });
    notify('*');
    void shutdown().then(() => stop(error));
  };
  const watchRoot = seriesRoot ?? (path.extname(target) ? path.dirname(target) : target);
  watchers.push(nodeIo.watch(watchRoot, (name) => {
    const file = name ?? '';
    if (!file || file.split(path.sep).some((part) => part.startsWith('.') || part === 'dist' || part === 'node_modules')) return;
    if (file.startsWith(`templates${path.sep}`)) templatesChanged = true;
    changed.add(path.join(watchRoot, file));
    schedule();
  }));

  return {
    url: `http://127.0.0.1:${port}/`,
    settled: async () => {
      // A change seen just now schedules a round after a short pause: wait for it too.
      await new Promise((r) => setTimeout(r, 120));
      await round;
    },
    stopped,
    close: shutdown,
  };
}
