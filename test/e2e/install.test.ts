// Installing bulletin as an office would, from the packed tarball (what `npm publish` uploads), never
// from the working tree, with the network off: into an empty project; as a series made by `init`
// whose CI workflow steps run in order; and from the offline kit (`npm run kit`). Each builds once.
// The first install resolves the tarball's dependencies as a user's install does: that needs their
// registry metadata, which `npm ci` of this repository does not cache, so it runs `--prefer-offline`
// (the registry is asked only for what the cache lacks), as does making the kit. Everything after it
// runs `--offline`, and where `unshare -n` works (root) without a network at all.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { builtCli } from '../builtCli.js';
import { CHROMIUM, HAS_CHROMIUM, e2eTitle } from './poppler.js';

const ROOT = path.resolve(__dirname, '../..');
const OWN = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const NO_NETWORK = spawnSync('unshare', ['-n', 'true']).status === 0;

let scratch: string;
let tarball: string;
/** No browser downloaded earlier counts: puppeteer's cache is an empty folder. */
let env: NodeJS.ProcessEnv;

/** Runs a command (without a network where possible) and returns its output; a failure shows both streams. */
function run(command: string, args: string[], cwd: string, extra: NodeJS.ProcessEnv = {}, registry = false): string {
  const [cmd, argv] = NO_NETWORK && !registry ? ['unshare', ['-n', command, ...args]] : [command, args];
  const r = spawnSync(cmd, argv, { cwd, env: { ...env, ...extra }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${r.status ?? r.signal}:\n${r.stdout}\n${r.stderr}`);
  return `${r.stdout}${r.stderr}`;
}

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

beforeAll(() => {
  builtCli(); // lib/ must stand for src/: the tarball packs lib/ as it is (`prepare` is what compiles it on publish)
  scratch = mkdtempSync(path.join(os.tmpdir(), 'bulletin-install-'));
  mkdirSync(path.join(scratch, 'puppeteer-cache'));
  env = { ...process.env, PUPPETEER_CACHE_DIR: path.join(scratch, 'puppeteer-cache'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', NO_COLOR: '1' };
  delete env.BULLETIN_BROWSER;
  delete env.PUPPETEER_EXECUTABLE_PATH;
  delete env.SOURCE_DATE_EPOCH;
  const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], { cwd: ROOT, encoding: 'utf8' })) as { filename: string }[];
  tarball = path.join(scratch, packed[0]!.filename);
}, 120_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The seed example, its first photo renamed with a space (`images/2018-02 kunming.png`). */
function seedCopy(dir: string): string {
  cpSync(path.join(ROOT, 'examples/seed'), dir, { recursive: true });
  const issue = path.join(dir, 'issues/2018-02.yaml');
  cpSync(path.join(dir, 'issues/images/2018-02-kunming.png'), path.join(dir, 'issues/images/2018-02 kunming.png'));
  rmSync(path.join(dir, 'issues/images/2018-02-kunming.png'));
  writeFileSync(issue, readFileSync(issue, 'utf8').replace('images/2018-02-kunming.png', 'images/2018-02 kunming.png'));
  return dir;
}

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('installing bulletin'), () => {
  it(`installs ${OWN.name} from the packed tarball into an empty folder without downloading a browser, and \`npx bulletin build\` prints the seed`, () => {
    const app = path.join(scratch, 'app');
    mkdirSync(app);
    writeFileSync(path.join(app, 'package.json'), '{ "private": true }\n');
    run('npm', ['install', '--prefer-offline', tarball], app, { npm_config_offline: undefined }, true);
    expect(existsSync(path.join(app, 'node_modules', OWN.name, 'lib', 'index.js'))).toBe(true);
    expect(existsSync(path.join(app, 'node_modules', 'puppeteer'))).toBe(false);
    expect(JSON.parse(readFileSync(path.join(app, 'package.json'), 'utf8')).dependencies[OWN.name]).toMatch(/^file:.*\.tgz$/);

    seedCopy(path.join(app, 'seed'));
    const out = run('npx', ['--no-install', 'bulletin', 'build', 'seed', '--out-dir', 'out'], app);
    expect(out).not.toMatch(/error/i);
    expect(pdfText(path.join(app, 'out', '2018-02.pdf'))).toContain('国家生态工业示范园区');
    // The photo whose name has a space is printed (both photos) and published beside the page.
    expect(execFileSync('pdfimages', ['-list', path.join(app, 'out', '2018-02.pdf')], { encoding: 'utf8' }).trim().split('\n').length - 2).toBe(2);
    expect(readFileSync(path.join(app, 'out', '2018-02.html'), 'utf8')).toContain('src="2018-02_files/images/issues/images/2018-02%20kunming-750.png"');
    expect(existsSync(path.join(app, 'out', '2018-02_files/images/issues/images/2018-02 kunming-750.png'))).toBe(true);
  }, 300_000);

  it('`bulletin init` writes a series whose CI workflow is valid and whose run: steps pass in order against the tarball', async () => {
    const app = path.join(scratch, 'app');
    const series = path.join(scratch, 'series');
    const init = run('npx', ['--no-install', 'bulletin', 'init', series], app);
    expect(init).toContain(`pins ${OWN.name} ${OWN.version} in package-lock.json`);

    // The series pins this bulletin by its scoped name and exact version.
    const manifest = JSON.parse(readFileSync(path.join(series, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies).toEqual({ [OWN.name]: OWN.version });

    // The workflow against GitHub's workflow schema (SchemaStore's github-workflow.json, in @action-validator/core).
    const workflowText = readFileSync(path.join(series, '.github/workflows/bulletin.yml'), 'utf8');
    const validator = createRequire(import.meta.url)('@action-validator/core') as { validateWorkflow(src: string): { errors: unknown[] } };
    expect(validator.validateWorkflow(workflowText).errors).toEqual([]);
    expect(validator.validateWorkflow(workflowText.replace('runs-on:', 'runs_on:')).errors).not.toEqual([]);

    type Step = { name?: string; uses?: string; run?: string; if?: string; env?: Record<string, string>; with?: Record<string, unknown> };
    const workflow = parse(workflowText) as { on: Record<string, unknown>; jobs: Record<string, { steps: Step[] }> };
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push']);
    const steps = Object.values(workflow.jobs)[0]!.steps;
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({ cache: 'npm', 'node-version': 20 });
    expect(steps.find((s) => s.uses?.startsWith('actions/cache'))?.with).toMatchObject({ path: '~/.cache/bulletin' });
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))?.with).toMatchObject({ path: 'dist/' });
    // Which steps run on which event (the only conditions the workflow uses).
    const runsOn = (event: string) => steps.filter((s) => s.if === undefined || s.if === `github.event_name == '${event}'`);
    expect(runsOn('pull_request').map((s) => s.run ?? s.uses)).toEqual([
      'actions/checkout@v4', 'actions/setup-node@v4', 'actions/cache@v4', 'npm ci --no-audit --no-fund', 'npx --no-install bulletin validate --format github .',
    ]);

    // What the user does once (`npm install`, lockfile committed), the pinned version swapped for the tarball.
    manifest.dependencies[OWN.name] = `file:${tarball}`;
    writeFileSync(path.join(series, 'package.json'), JSON.stringify(manifest, null, 2));
    run('npm', ['install', '--package-lock-only'], series);

    // A push to main: every run: step in order, in the series, as the runner would (bash -e).
    const log: string[] = [];
    for (const step of runsOn('push').filter((s) => s.run)) {
      const stepEnv = { ...step.env };
      if (stepEnv.BULLETIN_BROWSER === '/usr/bin/google-chrome' && !existsSync(stepEnv.BULLETIN_BROWSER)) stepEnv.BULLETIN_BROWSER = CHROMIUM; // the runner's Chrome, here Chromium
      log.push(`${step.name}: ${run('bash', ['-e', '-c', step.run!], series, stepEnv)}`);
    }
    expect(log.join('\n')).not.toMatch(/::error/);
    // The editor's schema hints (yaml-language-server) point at the schemas of the bulletin installed there.
    const modeline = /\$schema=(\S+)/.exec(readFileSync(path.join(series, 'bulletin.yaml'), 'utf8'))![1]!;
    expect(existsSync(path.join(series, modeline))).toBe(true);
    const year = new Date().getFullYear();
    expect(pdfText(path.join(series, 'dist', `${year}-01.pdf`))).toContain(`示例单位召开${year}年第一次工作会议`);
  }, 300_000);

  it('`npm run kit` makes one archive whose install.sh installs bulletin with the network off, and it prints the seed', () => {
    const kitOut = path.join(scratch, 'kit');
    run('node', [path.join(ROOT, 'scripts/make-kit.mjs'), '--tarball', tarball, '--out', kitOut], ROOT, { npm_config_offline: undefined }, true);
    const archive = path.join(kitOut, `bulletin-kit-${OWN.version}-linux-${process.arch}.tar.gz`);
    expect(existsSync(archive)).toBe(true);

    // On the office machine: unpack, install (own folders instead of /opt and /usr/local/bin), build.
    const office = path.join(scratch, 'office');
    mkdirSync(office);
    execFileSync('tar', ['-xzf', archive, '-C', office]);
    const kit = path.join(office, `bulletin-kit-${OWN.version}-linux-${process.arch}`);
    const installed = run(path.join(kit, 'install.sh'), ['--prefix', path.join(office, 'opt'), '--bin-dir', path.join(office, 'bin')], office, { npm_config_offline: undefined });
    expect(installed).toContain(`installed ${OWN.name} ${OWN.version}`);
    expect(installed).toMatch(/ok +browser/);
    rmSync(kit, { recursive: true }); // the installed copy must not need the unpacked kit

    seedCopy(path.join(office, 'seed'));
    run(path.join(office, 'bin', 'bulletin'), ['build', 'seed', '--out-dir', 'out', '--pdf'], office);
    expect(pdfText(path.join(office, 'out', '2018-02.pdf'))).toContain('国家生态工业示范园区');
  }, 300_000);
});
