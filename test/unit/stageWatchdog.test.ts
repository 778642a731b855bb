// The watchdog of each print stage (src/print/stageWatchdog.ts): a stage that hangs or whose renderer
// crashes fails at once with a message naming the stage and what in the issue can cause it. A fake
// page stands for Chrome's: the real hang and crash are in test/fixtures/hostile (tpl-inline-svg-bomb).
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { withinStage, STAGE_BUDGET_MS } from '../../src/print/stageWatchdog.js';
import { BulletinError, ExitCode } from '../../src/diagnostics/exitCodes.js';
import { msg } from '../../src/i18n/message.js';

const loading = msg('build.doing.loading', { issue: '2018-02' });

function fakePage() {
  const events = new EventEmitter();
  return { page: { on: events.on.bind(events), off: events.off.bind(events) } as unknown as Parameters<typeof withinStage>[0], events };
}

const never = () => new Promise<never>(() => undefined);

describe('withinStage', () => {
  it('passes the result of a stage that finishes in time, and leaves no listener behind', async () => {
    const { page, events } = fakePage();
    await expect(withinStage(page, { name: 'load', what: loading }, async () => 42)).resolves.toBe(42);
    expect(events.listenerCount('error')).toBe(0);
  });

  it('a stage that hangs: exit 4 after its budget, naming the stage and the suspects', async () => {
    const { page, events } = fakePage();
    const started = performance.now();
    const error = await withinStage(page, { name: 'print', what: msg('build.doing.printing', { issue: '2018-02', pass: 1 }), suspects: msg('build.suspects.svg', { files: '`images/a.svg`' }), budgetMs: 50 }, never).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(BulletinError);
    expect(error).toMatchObject({ exitCode: ExitCode.BrowserFailed, message: 'Chrome did not finish printing 2018-02 (pass 1) within 50 ms' });
    expect((error as BulletinError).hint).toMatch(/^The SVG figure `images\/a\.svg` or the series' own templates and stylesheets \(templates\/\) may ask for more than Chrome can draw/);
    expect(events.listenerCount('error')).toBe(0);
  });

  it('a renderer that crashes fails the stage at once', async () => {
    const { page, events } = fakePage();
    const running = withinStage(page, { name: 'load', what: loading }, never);
    events.emit('error', new Error('Page crashed!'));
    await expect(running).rejects.toMatchObject({ exitCode: ExitCode.BrowserFailed, message: expect.stringMatching(/^Chrome's renderer crashed while loading 2018-02/) });
  });

  it('a call that fails because the page crashed is the crash; other failures pass through as they are', async () => {
    await expect(withinStage(undefined, { name: 'print', what: msg('build.doing.printing', { issue: 'x', pass: 1 }) }, () => Promise.reject(new Error('Protocol error (Page.printToPDF): Target crashed'))))
      .rejects.toMatchObject({ message: expect.stringMatching(/renderer crashed while printing x/) });
    const template = new BulletinError(msg('build.template-error', { reason: 'x' }), ExitCode.RenderFailed);
    await expect(withinStage(undefined, { name: 'load', what: msg('build.doing.loading', { issue: 'x' }) }, () => Promise.reject(template))).rejects.toBe(template);
  });

  it('the budgets are those the README states', () => {
    expect(STAGE_BUDGET_MS).toEqual({ load: 60_000, print: 90_000, check: 60_000 });
  });
});
