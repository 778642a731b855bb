// Hostile sources (docs: /work/shared/docs/threats.md): every folder under test/fixtures/hostile/ is a small series
// built to attack the tool, with case.json saying what the safe outcome is (see test/fixtures/hostile/README.md).
//
// validate cases run in-process through main(); build cases run the built CLI (bin/bulletin.js → lib/, rebuilt by
// test/globalSetup.ts when stale; see test/builtCli.ts) as child processes, two at a time, against one loopback HTTP
// listener that counts every request it gets. They need a real process: the canary is in the child's own environment
// (/proc/self/environ), Chrome's profile goes to the child's TMPDIR (to find Chromium processes left behind), a hung
// build is killed with SIGKILL, and the interrupted builds get real SIGINT/SIGTERM. Every output — stdout, stderr, the PDF's text, its decoded streams, the HTML and every other file
// written — is searched for the content of /etc/passwd, of /etc/hosts and for a canary secret put into the child's
// environment (and into a YAML file outside the series, for the cases that try to read one).
import { execFile, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync, copyFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, decodePDFRawStream } from 'pdf-lib';
import { main } from '../src/cli/main.js';
import { cleanScratch, collector, REPO, SEED, SEED_PNG, scratchDir } from './helpers.js';
import { builtCli } from './builtCli.js';
import { fsType, latinTtf, LATIN_WOFF2 } from './fontBytes.js';

const CASES = path.join(REPO, 'test', 'fixtures', 'hostile');
const BROWSER = process.env.BULLETIN_BROWSER ?? '/usr/bin/chromium';
const haveBrowser = existsSync(BROWSER);
const havePoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const posix = process.platform !== 'win32';

interface CaseSpec {
  threat: string;
  description?: string;
  command: 'validate' | 'build';
  /** Paths given to the command, relative to the case folder (default `.`). */
  args?: string[];
  expect: {
    exit: number;
    /** Diagnostic codes that must all appear. */
    codes: string[];
    /** No file may be written (build: the output folder stays empty; validate: the case folder is unchanged). */
    noOutput: boolean;
    /** Texts that must appear in no output (besides the secrets every case is checked for). */
    outputMustNotContain: string[];
    /** Regular expressions the command's stdout + stderr must match; a leading `!` means must not match. */
    messageMatches?: string[];
    /** URIs that must survive in the PDF's link annotations (proves the annotation walk sees links at all). */
    pdfUrisInclude?: string[];
    /** Wall-clock limit of the command (default 5 s for validate, 60 s for build). */
    maxSeconds?: number;
  };
  /** A runtime step this file performs on the temporary copy of the case (see `prepare`). */
  setup?: string;
  /** Environment variables of a build case's child process (e.g. a lower memory limit for Chrome). */
  env?: Record<string, string>;
}

/**
 * Cases where bulletin is unsafe or wrong today. case.json holds the safe outcome; each runs as `it.fails`.
 * Most serious first.
 */
const KNOWN_BUGS: Record<string, string> = {
};

/**
 * Cases where bulletin stays safe (no output, no secret, nothing runs) but reports the failure wrongly. The safety
 * checks run as a normal test, the exit code and messages as `it.fails`.
 */
const MISREPORTED: Record<string, string> = {
};

/**
 * Known bugs run as `it.fails`; with BULLETIN_HOSTILE_STRICT=1 they run as plain tests, to see why each fails
 * (or to check a fix).
 */
function knownBug(skip: boolean) {
  return process.env.BULLETIN_HOSTILE_STRICT ? it.skipIf(skip) : it.skipIf(skip).fails;
}

// ───────────────────────── secrets every output is searched for ─────────────────────────

const CANARY = `bulletin-canary-${randomBytes(12).toString('hex')}`;
const SECRETS: { name: string; pattern: RegExp }[] = [
  { name: 'the env canary (BULLETIN_CANARY_SECRET)', pattern: new RegExp(CANARY) },
];
(() => {
  const passwd = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8').split('\n')[0] : undefined;
  if (passwd && passwd.includes(':')) {
    SECRETS.push({ name: '/etc/passwd (first line)', pattern: new RegExp(passwd.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  }
  SECRETS.push({ name: '/etc/passwd (root entry)', pattern: /root:[^:\n]*:0:0:/ });
  const hosts = existsSync('/etc/hosts') ? readFileSync('/etc/hosts', 'utf8').split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('#')) : undefined;
  if (hosts) {
    const [ip, ...names] = hosts.split(/\s+/);
    SECRETS.push({ name: '/etc/hosts (first entry)', pattern: new RegExp(`${ip!.replace(/\./g, '\\.')}[ \\t]+${names.join('[ \\t]+')}`) });
  }
})();

function findSecrets(text: string): string[] {
  return SECRETS.filter((s) => s.pattern.test(text)).map((s) => s.name);
}

// ───────────────────────── the loopback listener ─────────────────────────

const hits: string[] = [];
let server: http.Server;
let listener = '';

// ───────────────────────── cases ─────────────────────────

function caseNames(): string[] {
  return readdirSync(CASES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

function spec(name: string): CaseSpec {
  return JSON.parse(readFileSync(path.join(CASES, name, 'case.json'), 'utf8')) as CaseSpec;
}

interface Prepared {
  /** The temporary copy of the case (the series folder). */
  dir: string;
  /** Its parent: a fresh folder per case, for things beside the series (outside.png, secrets, output, TMPDIR). */
  root: string;
  canaryFile: string;
}

function walkFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walkFiles(full));
    else out.push(full);
  }
  return out.sort();
}

function listing(dir: string): string[] {
  return walkFiles(dir).map((f) => path.relative(dir, f));
}

const ISSUE_HEAD = 'year: 2018\nnumber: 1\ntotal: 1\ndate: 2018-03-01\n';

/** Copies the case into a fresh temporary folder, fills in the placeholders and performs its `setup` step. */
function prepare(name: string, setup: string | undefined): Prepared {
  const root = scratchDir(`bulletin-hostile-${name}-`);
  const dir = path.join(root, name);
  cpSync(path.join(CASES, name), dir, { recursive: true });
  rmSync(path.join(dir, 'case.json'));
  for (const keep of walkFiles(dir).filter((f) => path.basename(f) === '.keep')) rmSync(keep);
  const canaryFile = path.join(root, `CANARY-${name}`);
  for (const file of walkFiles(dir)) {
    if (lstatSync(file).size > 1024 * 1024) continue;
    const text = readFileSync(file, 'latin1');
    if (!text.includes('__LISTENER__') && !text.includes('__CANARY__')) continue;
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('__LISTENER__', listener).replaceAll('__CANARY__', canaryFile));
  }
  const issue = path.join(dir, 'issues', '2018-01.yaml');
  const secretYaml = (file: string) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `token: ${CANARY}\npassword: ${CANARY}\n`);
    return file;
  };
  switch (setup) {
    case undefined:
    case 'loopback-url':
    case 'canary':
      break;
    case 'huge-source':
      writeFileSync(issue, Buffer.alloc(20 * 1024 * 1024, '# padding padding padding\n'));
      break;
    case 'many-articles': {
      const article = '      - title: 园区召开工作会议\n        body: 园区召开工作会议。\n';
      writeFileSync(issue, `${ISSUE_HEAD}sections:\n  - label: 工作动态\n    articles:\n${article.repeat(10_000)}`);
      break;
    }
    case 'nested-markdown': {
      const article = (body: string) => `      - title: 园区召开工作会议\n        body: "${body}"\n`;
      writeFileSync(issue, `${ISSUE_HEAD}sections:\n  - label: 工作动态\n    articles:\n${article(`${'>'.repeat(100_000)} 正文`)}${article(`${'*'.repeat(99_990)}正文`)}${article('正'.repeat(300_000))}`);
      break;
    }
    case 'outside-png':
      copyFileSync(SEED_PNG, path.join(root, 'outside.png'));
      break;
    case 'symlink-to-etc-hosts':
      symlinkSync('/etc/hosts', path.join(dir, 'issues', 'images', 'hosts.png'));
      break;
    case 'proc-self-environ':
      symlinkSync('/proc/self/environ', path.join(dir, 'issues', 'images', 'env.png'));
      break;
    case 'sibling-prefix':
      mkdirSync(path.join(root, `${name}-evil`));
      copyFileSync(SEED_PNG, path.join(root, `${name}-evil`, 'x.png'));
      break;
    case 'fifo':
      execFileSync('mkfifo', [path.join(dir, 'issues', 'images', 'x.png')]);
      break;
    case 'table-fifo':
      execFileSync('mkfifo', [path.join(dir, 'issues', 'data', 'x.csv')]);
      break;
    case 'table-symlink-loop':
      symlinkSync('loop.xlsx', path.join(dir, 'issues', 'data', 'loop.xlsx'));
      break;
    case 'sparse-table-6mb': {
      const file = path.join(dir, 'issues', 'data', 'big.xlsx');
      writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04]));
      truncateSync(file, 6 * 1024 * 1024);
      break;
    }
    case 'fifo-issue':
      execFileSync('mkfifo', [issue]);
      break;
    case 'sparse-30mb': {
      const file = path.join(dir, 'issues', 'images', 'big.png');
      copyFileSync(SEED_PNG, file);
      truncateSync(file, 30 * 1024 * 1024);
      break;
    }
    case 'symlink-font-to-etc-passwd':
      symlinkSync('/etc/passwd', path.join(dir, 'fonts', 'body.ttf'));
      break;
    case 'image-symlink-loop':
      symlinkSync('loop.png', path.join(dir, 'issues', 'images', 'loop.png'));
      break;
    case 'font-symlink-loop':
      symlinkSync('body.ttf', path.join(dir, 'fonts', 'body.ttf'));
      break;
    case 'sparse-font-50mb': {
      // A TrueType head (version 1.0), then a hole: 50 MiB on paper, a few bytes on disk.
      const file = path.join(dir, 'fonts', 'body.ttf');
      writeFileSync(file, Buffer.from([0, 1, 0, 0]));
      truncateSync(file, 50 * 1024 * 1024);
      break;
    }
    case 'font-restricted-licence':
      // The bundled Latin slice with OS/2 fsType 0x0002 (restricted licence embedding), and the same font unchanged.
      writeFileSync(path.join(dir, 'fonts', 'body.ttf'), latinTtf(fsType(0x0002)));
      copyFileSync(LATIN_WOFF2, path.join(dir, 'fonts', 'title.woff2'));
      break;
    case 'font-cff-outlines':
      // What the file says decides: its outlines are in a `CFF ` table (the bytes are TrueType's; no program reads them).
      writeFileSync(path.join(dir, 'fonts', 'title.otf'), latinTtf((t) => {
        t.set('CFF ', t.get('glyf')!);
        t.delete('glyf');
        t.delete('loca');
      }));
      break;
    case 'symlink-template-to-etc-passwd':
      symlinkSync('/etc/passwd', path.join(dir, 'templates', 'extra.css'));
      break;
    case 'secret-yaml-outside':
      secretYaml(path.join(root, 'issues-dir-outside-secret', 'secret.yml'));
      break;
    case 'symlink-issues-dir':
      secretYaml(path.join(root, 'secret-folder', 'secret.yml'));
      symlinkSync(path.join(root, 'secret-folder'), path.join(dir, 'issues'));
      break;
    case 'symlink-issue-file':
      symlinkSync(secretYaml(path.join(root, 'secret.yml')), issue);
      break;
    case 'symlink-series-file':
      symlinkSync(secretYaml(path.join(root, 'secret.yml')), path.join(dir, 'bulletin.yaml'));
      break;
    default:
      throw new Error(`case ${name}: unknown setup step ${setup}`);
  }
  return { dir, root, canaryFile };
}

/** Things that need a POSIX file system (symlinks, FIFOs, /proc, /etc/passwd). */
function needsPosix(setup: string | undefined): boolean {
  return Boolean(setup && /symlink|fifo|proc|sparse/.test(setup));
}

// ───────────────────────── running ─────────────────────────

interface Outcome {
  exit: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Diagnostic codes seen. */
  codes: string[];
  /** Where the build wrote (build cases). */
  outDir?: string;
  /** TMPDIR of the child: Chrome's profile folder lands here. */
  tmpDir?: string;
}

async function runValidateInProcess(p: Prepared, args: string[]): Promise<Outcome> {
  const started = performance.now();
  const json = { stdout: collector(), stderr: collector() };
  const exitJson = await main(['validate', '--format', 'json', ...args], { ...json, cwd: p.dir, env: {} });
  const human = { stdout: collector(), stderr: collector() };
  const exitHuman = await main(['validate', ...args], { ...human, cwd: p.dir, env: {} });
  const seconds = (performance.now() - started) / 1000 / 2;
  expect(exitHuman, 'the human and the JSON run agree on the exit code').toBe(exitJson);
  let codes: string[] = [];
  const text = json.stdout.text();
  if (text.trim().startsWith('[')) codes = (JSON.parse(text) as { code: string }[]).map((d) => d.code);
  return {
    exit: exitJson, signal: null, seconds, codes,
    stdout: `${text}\n${human.stdout.text()}`, stderr: `${json.stderr.text()}\n${human.stderr.text()}`,
  };
}

function runChild(args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Omit<Outcome, 'codes'>> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [builtCli(), ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (exit, signal) => {
      clearTimeout(timer);
      resolve({ exit, signal, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/**
 * Time limits are multiplied by the machine's load (1-minute load average per CPU, at least 1): on a 2-core machine
 * shared with other Chromium-heavy suites a 1.5 s validation can take 7 s. A hang still fails; a slow neighbour
 * does not. The messages show the factor.
 */
function loadFactor(): number {
  const cpus = os.availableParallelism?.() ?? os.cpus().length;
  return Math.max(1, os.loadavg()[0]! / cpus);
}
function budget(seconds: number): number {
  return seconds * loadFactor();
}

/** A child's time includes starting Node and loading the CLI (seconds on a loaded 2-core machine). */
const NODE_STARTUP_ALLOWANCE_S = 5;

function childEnv(tmpDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, BULLETIN_BROWSER: BROWSER, BULLETIN_CANARY_SECRET: CANARY, TMPDIR: tmpDir, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return env;
}

const codesIn = (text: string) => [...text.matchAll(/\[([a-z][a-z0-9-]*)\]/g)].map((m) => m[1]!);

async function runBuild(p: Prepared, args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  const outDir = path.join(p.root, 'out');
  const tmpDir = path.join(p.root, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  const r = await runChild(['build', ...args, '-o', outDir], p.dir, { ...childEnv(tmpDir), ...env }, 90_000);
  return { ...r, codes: codesIn(`${r.stdout}\n${r.stderr}`), outDir, tmpDir };
}

/** At most two browsers at a time: Chromium is heavy on a 2-core machine. */
function limiter(slots: number) {
  const waiting: (() => void)[] = [];
  let busy = 0;
  return async function run<T>(work: () => Promise<T>): Promise<T> {
    if (busy >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
    busy += 1;
    try {
      return await work();
    } finally {
      busy -= 1;
      waiting.shift()?.();
    }
  };
}
const browserSlot = limiter(2);

// ───────────────────────── checking outputs ─────────────────────────

function pdfText(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

/** Every link annotation's /URI in the PDF. */
function pdfUris(pdf: PDFDocument): string[] {
  const uris: string[] = [];
  for (const page of pdf.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookupMaybe(i, PDFDict);
      const action = annot?.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookup(PDFName.of('URI'));
      if (uri instanceof PDFString || uri instanceof PDFHexString) uris.push(uri.decodeText());
      else if (uri !== undefined) uris.push(String(uri));
    }
  }
  return uris;
}

/** The PDF's streams, decompressed (an image made of /etc/passwd would hide in a FlateDecode stream). */
function pdfDecodedStreams(pdf: PDFDocument): string {
  const parts: string[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    try {
      parts.push(Buffer.from(decodePDFRawStream(object).decode()).toString('latin1'));
    } catch {
      // Filters pdf-lib cannot decode (DCT, JPX): images; their raw bytes are searched with the file.
    }
  }
  return parts.join('\n');
}

/** Problems found in the outputs of a run: secrets, forbidden texts, unsafe link URIs. */
async function inspectOutputs(name: string, c: CaseSpec, o: Outcome): Promise<{ problems: string[]; uris: string[]; pdfs: number }> {
  const problems: string[] = [];
  const forbidden = c.expect.outputMustNotContain;
  const check = (where: string, text: string) => {
    for (const s of findSecrets(text)) problems.push(`${where} contains ${s}`);
    for (const f of forbidden) if (text.includes(f)) problems.push(`${where} contains ${JSON.stringify(f)}`);
  };
  check('stdout', o.stdout);
  check('stderr', o.stderr);
  const uris: string[] = [];
  let pdfs = 0;
  for (const file of o.outDir ? walkFiles(o.outDir) : []) {
    const rel = path.relative(o.outDir!, file);
    const bytes = readFileSync(file);
    check(rel, bytes.toString('utf8'));
    check(`${rel} (bytes)`, bytes.toString('latin1'));
    if (file.endsWith('.pdf')) {
      pdfs += 1;
      if (havePoppler) check(`${rel} (pdftotext)`, await pdfText(file));
      const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
      check(`${rel} (decoded streams)`, pdfDecodedStreams(pdf));
      uris.push(...pdfUris(pdf));
    }
  }
  for (const uri of uris) if (!/^(https?:|mailto:)/i.test(uri.trim())) problems.push(`${name}: the PDF holds a link to ${uri}`);
  return { problems, uris, pdfs };
}

/** Chromium processes still running with a profile under `tmpDir`. */
function browsersLeft(tmpDir: string): string[] {
  const ps = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return ps.split('\n').filter((l) => l.includes(`${tmpDir}${path.sep}bulletin-chrome-`) || l.includes(`${tmpDir}/bulletin-chrome-`));
}

/**
 * Chrome profile folders left in a run's TMPDIR. Not an assertion: under load browserSession.close()
 * (src/print/browserSession.ts:74-80) gives browser.close() 5 s, then SIGKILLs Chrome and removes the profile
 * without waiting for the process to exit; Chrome's helpers still writing into it make the rm fail, and the error is
 * swallowed (the folder is found empty afterwards: Chrome removed its own Singleton* files after the rm gave up).
 * Seen in about 1 of 6 builds that fail right after the launch (template errors); noted, not asserted.
 */
const profilesLeft: string[] = [];
function noteProfilesLeft(name: string, tmpDir: string): void {
  for (const e of readdirSync(tmpDir)) if (e.startsWith('bulletin-chrome-')) profilesLeft.push(`${name}: ${path.join(tmpDir, e)}`);
}

async function waitForNoBrowsers(tmpDir: string, ms: number): Promise<string[]> {
  const until = Date.now() + ms;
  let left = browsersLeft(tmpDir);
  while (left.length && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    left = browsersLeft(tmpDir);
  }
  return left;
}

// ───────────────────────── the tests ─────────────────────────

const names = caseNames();
const specs = new Map(names.map((n) => [n, spec(n)] as const));
/** Build runs, started as soon as the listener is up, two at a time; each test awaits its own. */
const buildRuns = new Map<string, Promise<{ p: Prepared; o: Outcome }>>();
/** Interrupted builds of the seed (see "interrupting a build"), started with the others. */
const interruptRuns = new Map<string, Promise<Interrupted>>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'text/plain' }).end('listener');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  listener = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Warm the in-process CLI (module loading) so time limits measure the work, not the imports.
  await main(['validate', '--format', 'json', SEED], { stdout: collector(), stderr: collector(), cwd: REPO, env: {} });
  if (!haveBrowser) return;
  for (const name of names) {
    const c = specs.get(name)!;
    if (c.command !== 'build' || (needsPosix(c.setup) && !posix)) continue;
    const run = browserSlot(async () => {
      const p = prepare(name, c.setup);
      return { p, o: await runBuild(p, c.args ?? ['.'], c.env) };
    });
    run.catch(() => undefined);
    buildRuns.set(name, run);
  }
  if (!posix) return;
  // The interrupted builds of the seed share the same two slots.
  const interrupt = (key: string, signal: NodeJS.Signals, pattern: RegExp, delayMs: number) => {
    const run = browserSlot(() => interruptBuild(signal, pattern, delayMs));
    run.catch(() => undefined);
    interruptRuns.set(key, run);
  };
  // "paginating" is printed when the first print pass starts; the signal comes 300 ms later, inside it.
  interrupt('SIGINT', 'SIGINT', /paginating/, 300);
  interrupt('SIGTERM', 'SIGTERM', /paginating/, 300);
  // "checking the sources" is printed once the signal handlers are installed; the browser launches meanwhile.
  interrupt('early', 'SIGINT', /checking the sources/, 0);
});

afterAll(async () => {
  await Promise.allSettled([...buildRuns.values(), ...interruptRuns.values()]);
  if (process.env.BULLETIN_HOSTILE_TIMINGS) {
    const rows = await Promise.all([...buildRuns].map(async ([name, run]) => {
      const { o } = await run;
      return `${name.padEnd(28)} exit ${String(o.exit).padStart(3)}  ${o.seconds.toFixed(1).padStart(5)} s`;
    }));
    console.info(`build cases (each a child process; two at a time):\n  ${rows.join('\n  ')}`);
  }
  if (profilesLeft.length) console.warn(`Chrome profile folders left behind (see noteProfilesLeft):\n  ${profilesLeft.join('\n  ')}`);
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  cleanScratch();
});

describe('hostile fixtures', () => {
  it('has at least 30 cases, each with a well-formed case.json', () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
    for (const name of names) {
      const c = specs.get(name)!;
      expect(['validate', 'build'], name).toContain(c.command);
      expect(typeof c.threat, name).toBe('string');
      expect(typeof c.expect.exit, name).toBe('number');
      expect(Array.isArray(c.expect.codes), name).toBe(true);
      expect(typeof c.expect.noOutput, name).toBe('boolean');
      expect(Array.isArray(c.expect.outputMustNotContain), name).toBe(true);
    }
    for (const name of [...Object.keys(KNOWN_BUGS), ...Object.keys(MISREPORTED)]) expect(names).toContain(name);
  });

  for (const name of names) {
    const c = specs.get(name)!;
    const skip = (needsPosix(c.setup) && !posix) || (c.command === 'build' && !haveBrowser);
    const bug = KNOWN_BUGS[name];
    const test = bug ? knownBug(skip) : it.skipIf(skip);
    const title = `${c.command} ${name} (threat ${c.threat})${bug ? ` — known hole: ${bug}` : ''}`;

    if (c.command === 'validate') {
      test(title, async () => {
        const p = prepare(name, c.setup);
        const before = listing(p.root);
        const args = c.args ?? ['.'];
        let o: Outcome;
        if (c.setup === 'proc-self-environ') {
          // /proc/self/environ is the environment a process started with: only a child carries the canary there.
          const r = await runChild(['validate', '--format', 'json', ...args], p.dir, childEnv(p.root), 20_000);
          const human = await runChild(['validate', ...args], p.dir, childEnv(p.root), 20_000);
          o = {
            ...r, seconds: Math.max(r.seconds, human.seconds) - NODE_STARTUP_ALLOWANCE_S,
            stdout: `${r.stdout}\n${human.stdout}`, stderr: `${r.stderr}\n${human.stderr}`,
            codes: r.stdout.trim().startsWith('[') ? (JSON.parse(r.stdout) as { code: string }[]).map((d) => d.code) : [],
          };
        } else {
          o = await runValidateInProcess(p, args);
        }
        expect(o.seconds, `seconds (load factor ${loadFactor().toFixed(1)})`).toBeLessThan(budget(c.expect.maxSeconds ?? 5));
        expect(o.stderr, 'no stack trace or internal error').not.toMatch(/internal error|\n\s+at .+:\d+:\d+\)?\n|RangeError|TypeError|ReferenceError/);
        expect({ exit: o.exit, codes: o.codes }).toMatchObject({ exit: c.expect.exit, codes: expect.arrayContaining(c.expect.codes) });
        for (const m of c.expect.messageMatches ?? []) {
          if (m.startsWith('!')) expect(`${o.stdout}\n${o.stderr}`).not.toMatch(new RegExp(m.slice(1)));
          else expect(`${o.stdout}\n${o.stderr}`).toMatch(new RegExp(m));
        }
        const { problems } = await inspectOutputs(name, c, o);
        expect(problems).toEqual([]);
        expect(existsSync(p.canaryFile), 'canary file created: code ran').toBe(false);
        expect(existsSync(path.join(p.dir, 'CANARY')) || existsSync(path.join(REPO, 'CANARY')), 'canary file created: code ran').toBe(false);
        if (c.expect.noOutput) expect(listing(p.root), 'validate writes nothing').toEqual(before);
        if (name === 'yaml-proto-key') {
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(({} as Record<string, unknown>).x).toBeUndefined();
          expect(Object.prototype).not.toHaveProperty('polluted');
        }
      });
    } else {
      const outcome = async () => {
        const { o } = await buildRuns.get(name)!;
        const log = `exit ${o.exit} (${o.signal ?? 'no signal'}) in ${o.seconds.toFixed(1)} s\n--- stdout\n${o.stdout}\n--- stderr\n${o.stderr}`;
        expect(o.seconds, `build time (load factor ${loadFactor().toFixed(1)})\n${log}`).toBeLessThan(budget(c.expect.maxSeconds ?? 60));
        expect(o.stderr, `no stack trace or internal error\n${log}`).not.toMatch(/internal error|\n\s+at .+:\d+:\d+\)?\n|URIError|RangeError|TypeError|ReferenceError/);
        expect({ exit: o.exit, codes: o.codes }, log).toMatchObject({ exit: c.expect.exit, codes: expect.arrayContaining(c.expect.codes) });
        for (const m of c.expect.messageMatches ?? []) {
          if (m.startsWith('!')) expect(`${o.stdout}\n${o.stderr}`, log).not.toMatch(new RegExp(m.slice(1)));
          else expect(`${o.stdout}\n${o.stderr}`, log).toMatch(new RegExp(m));
        }
        if (!c.expect.noOutput) expect(listing(o.outDir!), `the PDF is written\n${log}`).toContain('2018-01.pdf');
      };
      const safety = async () => {
        const { p, o } = await buildRuns.get(name)!;
        const files = listing(o.outDir!);
        if (c.expect.noOutput) expect(files, 'no output written').toEqual([]);
        expect(files.filter((f) => f.endsWith('.tmp')), 'no temporary files left').toEqual([]);
        const { problems, uris, pdfs } = await inspectOutputs(name, c, o);
        expect(problems).toEqual([]);
        if (c.expect.pdfUrisInclude) {
          expect(pdfs).toBeGreaterThan(0);
          expect(uris).toEqual(expect.arrayContaining(c.expect.pdfUrisInclude));
        }
        expect(existsSync(p.canaryFile), 'canary file created: code ran').toBe(false);
        expect(existsSync(path.join(p.dir, 'CANARY')), 'canary file created: code ran').toBe(false);
        expect(await waitForNoBrowsers(o.tmpDir!, 5000), 'Chromium processes left').toEqual([]);
        noteProfilesLeft(name, o.tmpDir!);
      };
      const misreport = MISREPORTED[name];
      if (misreport) {
        // Safe, but reported wrongly: the safety checks must pass; the exit code and message are a known bug.
        it.skipIf(skip)(`${title}: safe (no output, no secret, nothing ran, no Chromium left)`, { timeout: 600_000 }, safety);
        knownBug(skip)(`${title}: exit ${c.expect.exit} and message — known bad report: ${misreport}`, { timeout: 600_000 }, outcome);
      } else {
        test(title, { timeout: 600_000 }, async () => {
          await outcome();
          await safety();
        });
      }
    }
  }

  // src/print/documentServer.ts (the CSP is sent as a header) + src/renderIssue.ts:114 (warnings only from
  // `server.blocked`): requests refused by the Content-Security-Policy never reach the request interception, so
  // nothing reports them. A stylesheet full of @import/@font-face/url() to 127.0.0.1 or file:///etc/passwd builds
  // with no warning at all (threats 23 and 41: "the blocked URLs are reported"). Safe, but silent. Fix: enable the
  // CDP Audits domain (ContentSecurityPolicyIssue) or watch Network.loadingFailed with blockedReason "csp" on the
  // page's CDP session, and add those URLs to `blocked`.
  // Markup that would fetch (tpl-frames) is taken out of the page before the browser sees it, and said so
  // (template-content-removed); what is left to the CSP is a stylesheet's (css-urls).
  it.skipIf(!haveBrowser)('requests blocked by the CSP are reported as resource-blocked warnings (threats 23, 41)', { timeout: 600_000 }, async () => {
    const { o } = await buildRuns.get('css-urls')!;
    expect(o.codes).toContain('resource-blocked');
    expect(`${o.stdout}\n${o.stderr}`).toMatch(/file:\/\/\/etc\/passwd/);
    expect(`${o.stdout}\n${o.stderr}`).toContain(`http://${listener}/`);
    const frames = await buildRuns.get('tpl-frames')!;
    expect(frames.o.codes).toEqual(expect.arrayContaining(['resource-blocked', 'template-content-removed']));
    expect(`${frames.o.stdout}\n${frames.o.stderr}`).toMatch(/the page the series templates made held .*the element <base>.* and \d+ more/);
  });

  // src/render/issueDocument.ts:49 (the entry page is `layout(view)` as rendered) + src/build.ts:58 (writeHtml): the CSP
  // that keeps the print safe is an HTTP header of the in-memory server only. The written <issue>.html keeps a
  // template's <script>, <iframe> and javascript: links verbatim and carries no CSP, while the PDF's links are
  // sanitised (finishPdf.removeUnsafeLinks). A PR's template thus ships script into an HTML artifact that CI may
  // publish (preview sites, Pages). Fix: insert `<meta http-equiv="Content-Security-Policy" content="default-src
  // 'none'; style-src 'self'; font-src 'self'; img-src 'self'">` as the first element of <head> in the written page
  // (and index.html), and/or drop <script>, on* attributes and non-http(s)/mailto hrefs after rendering.
  // Every HTML file written (issue pages and index.html) is sanitised (src/render/sanitizeHtml.ts) and carries the
  // policy first in <head>: default-src 'none' and every fetch directive of its own, so nothing runs and nothing
  // remote loads in a reader's browser.
  it.skipIf(!haveBrowser)('the written HTML cannot run a template\'s script: a CSP <meta> first in <head>, and no <script>, handler or javascript: link', { timeout: 600_000 }, async () => {
    for (const name of ['tpl-script', 'tpl-unsafe-links', 'tpl-html-sanitiser', 'tpl-frames', 'tpl-meta-refresh']) {
      const { o } = await buildRuns.get(name)!;
      const pages = walkFiles(o.outDir!).filter((f) => f.endsWith('.html'));
      expect(pages.map((f) => path.basename(f)), name).toContain('2018-01.html');
      for (const file of pages) {
        const html = readFileSync(file, 'utf8');
        const where = `${name}: ${path.basename(file)}`;
        expect(html, where).toMatch(/^<!DOCTYPE html><html[^>]*><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; style-src 'self'[^"]*; img-src 'self'; [^"]*connect-src 'none'; object-src 'none'; frame-src 'none'/);
        expect(html, where).not.toMatch(/<(script|iframe|object|embed|base|form|frame)[\s>/]/i);
        expect(html, where).not.toMatch(/\son[a-z]+\s*=/i);
        expect(html, where).not.toMatch(/(href|src)\s*=\s*["']?\s*(javascript|vbscript|data|file):/i);
        expect(html, where).not.toMatch(/http-equiv="(?!Content-Security-Policy)/i);
      }
    }
    // The series index (tpl-html-sanitiser builds its series whole) is among them.
    expect(existsSync(path.join((await buildRuns.get('tpl-html-sanitiser')!).o.outDir!, 'index.html'))).toBe(true);
  });

  it.skipIf(!haveBrowser)('the loopback listener received no request from any case', { timeout: 600_000 }, async () => {
    await Promise.allSettled([...buildRuns.values()]);
    expect(listener).not.toBe('');
    expect(hits).toEqual([]);
  });
});

// ───────────────────────── interrupting a build ─────────────────────────

interface Interrupted {
  exit: number | null;
  stderr: string;
  /** Seconds from the signal to the exit. */
  afterSignal: number;
  signalled: boolean;
  outDir: string;
  tmpDir: string;
  older: Buffer;
}

/**
 * Starts the CLI from a small watcher process that sends the signal itself, so the timing does not depend on this
 * test worker's event loop (busy with in-process validations meanwhile). Prints one JSON line when the CLI exits.
 */
const WATCHER = `
const { spawn } = require('node:child_process');
const [cli, pattern, delay, signal, outDir] = process.argv.slice(1);
const child = spawn(process.execPath, [cli, 'build', '.', '-o', outDir], { stdio: ['ignore', 'ignore', 'pipe'] });
const guard = setTimeout(() => child.kill('SIGKILL'), 80000);
let stderr = '';
let signalledAt = 0;
let armed = false;
child.stderr.on('data', (d) => {
  stderr += d;
  if (armed || !new RegExp(pattern).test(stderr)) return;
  armed = true;
  setTimeout(() => { signalledAt = Date.now(); child.kill(signal); }, Number(delay));
});
child.on('close', (exit, sig) => {
  clearTimeout(guard);
  process.stdout.write(JSON.stringify({ exit, sig, stderr, signalled: signalledAt > 0, afterSignal: signalledAt ? (Date.now() - signalledAt) / 1000 : 0 }));
});
`;

/**
 * Builds a copy of the seed into a folder holding an older 2018-02.pdf and sends `signal` to the CLI (not to its
 * process group: Chrome must be closed by bulletin) `delayMs` after its stderr first matches `pattern`.
 */
async function interruptBuild(signal: NodeJS.Signals, pattern: RegExp, delayMs: number): Promise<Interrupted> {
  const root = scratchDir(`bulletin-${signal.toLowerCase()}-`);
  const series = path.join(root, 'seed');
  cpSync(SEED, series, { recursive: true });
  const outDir = path.join(root, 'out');
  const tmpDir = path.join(root, 'tmp');
  mkdirSync(outDir);
  mkdirSync(tmpDir);
  const older = Buffer.from(`%PDF-1.4\n% an older build of 2018-02, ${randomBytes(8).toString('hex')}\n%%EOF\n`);
  writeFileSync(path.join(outDir, '2018-02.pdf'), older);
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, ['-e', WATCHER, builtCli(), pattern.source, String(delayMs), signal, outDir], { cwd: series, env: childEnv(tmpDir), timeout: 120_000 }, (error, out) => (error ? reject(error) : resolve(out)));
  });
  const r = JSON.parse(stdout) as { exit: number | null; stderr: string; signalled: boolean; afterSignal: number };
  return { exit: r.exit, stderr: r.stderr, afterSignal: r.afterSignal, signalled: r.signalled, outDir, tmpDir, older };
}

async function expectCleanInterrupt(r: Interrupted, code: number): Promise<void> {
  const log = `exit ${r.exit}, ${r.afterSignal.toFixed(1)} s after the signal\n--- stderr\n${r.stderr}`;
  expect(r.signalled, `the signal was sent\n${log}`).toBe(true);
  expect(r.exit, log).toBe(code);
  expect(r.afterSignal, `${log}\n(load factor ${loadFactor().toFixed(1)})`).toBeLessThan(budget(10));
  expect(r.stderr).not.toMatch(/internal error/);
  expect(walkFiles(r.outDir).filter((f) => f.endsWith('.tmp')), 'no *.tmp left').toEqual([]);
  expect(readFileSync(path.join(r.outDir, '2018-02.pdf')).equals(r.older), 'the older PDF is unchanged').toBe(true);
  expect(await waitForNoBrowsers(r.tmpDir, 5000), 'Chromium processes left').toEqual([]);
  noteProfilesLeft('interrupted build', r.tmpDir);
}

describe.skipIf(!haveBrowser || !posix)('interrupting a build', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal} while the issue is being printed: exit ${code} within 10 s, no *.tmp, the older PDF unchanged, no Chromium left`, { timeout: 600_000 }, async () => {
      await expectCleanInterrupt(await interruptRuns.get(signal)!, code);
    });
  }

  // src/build.ts:84-94 (abortable) and :134-136 (onAbort registered after the launch): the AbortController is
  // aborted by the signal handler, but build() only starts listening once the browser is up and an issue is being
  // rendered; `addEventListener('abort')` on a signal that is already aborted never fires. A Ctrl-C during
  // validation or the browser launch (the first 1.5–6 s, while "checking the sources" is shown) is printed
  // ("SIGINT received: closing the browser …") and then ignored: the build runs to the end, overwrites the previous
  // PDF and exits 0. Fix: `options.signal?.throwIfAborted()` after validate, after the launch and before each issue,
  // and in abortable() reject at once when `signal.aborted`.
  it('SIGINT while the sources are checked and the browser starts: exit 130, the older PDF unchanged', { timeout: 600_000 }, async () => {
    await expectCleanInterrupt(await interruptRuns.get('early')!, 130);
  });
});
