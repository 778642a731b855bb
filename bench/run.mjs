// npm run bench: the speed targets, each as a ratio against a reference measured in the same run.
// Commands are timed as whole processes (wall clock, CPU time of the whole process tree, and peak
// memory of the process tree), alternating with their reference; the figures are medians. Writes
// bench/latest.json. `node bench/run.mjs --only 7` runs one group of rows (1, 1b, 2, 3, 4, 4b, 5, 6, 7;
// 6 and 2 run together) and replaces just those rows of bench/latest.json.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateIssues, generateLongIssue, generatePhonePhotos, generatePhotoIssue } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(os.tmpdir(), 'bulletin-bench');
const cli = path.join(root, 'bin/bulletin.js');
const chromium = process.env.BULLETIN_BROWSER ?? '/usr/bin/chromium';
const quick = process.argv.includes('--quick');
const runs = (n) => (quick ? Math.min(n, 2) : n);
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
/** Whether the group of rows `n` runs. */
const want = (...n) => !only || n.includes(only);

/**
 * CPU time (user + system, seconds) of the children this process has waited for, their descendants
 * included (a process's own reaped children are added to it when it is reaped): read before and
 * after a command, the difference is the CPU time of its whole process tree, Chrome included.
 */
function childrenCpu() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of stat (cutime, cstime), in clock ticks: 14 and 15 after the name.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/**
 * Memory of a process and all its descendants, in bytes: the sum of their proportional set sizes
 * (PSS), which counts a page shared by several Chrome processes once, not once per process as a
 * sum of resident sizes would.
 */
function treeMemory(rootPid) {
  const parent = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  for (const pid of parent.keys()) {
    let inTree = false;
    for (let p = pid; p && parent.has(p); p = parent.get(p)) {
      if (p === rootPid) {
        inTree = true;
        break;
      }
    }
    if (!inTree) continue;
    try {
      const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // gone
    }
  }
  return total;
}

/** Runs a command to its end: wall time and CPU time of its process tree in seconds, and peak memory of its process tree. */
function timed(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const cpuBefore = childrenCpu();
    const child = spawn(command, args, { cwd: options.cwd ?? root, env: { ...process.env, NO_COLOR: '1', ...options.env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let peak = 0;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Reading /proc takes CPU from the command measured: only runs that report memory sample it.
    const sampler = options.memory ? setInterval(() => (peak = Math.max(peak, treeMemory(child.pid))), 100) : undefined;
    child.on('error', reject);
    child.on('exit', (code) => {
      if (sampler) clearInterval(sampler);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const cpu = childrenCpu() - cpuBefore;
      if (code !== 0 && !options.allowFailure) reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${stderr}`));
      else resolve({ seconds, cpu, peak });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Alternates A and B `n` times; medians of each. */
async function pair(n, a, b) {
  const as = [];
  const bs = [];
  for (let i = 0; i < n; i++) {
    as.push(await a());
    bs.push(await b());
  }
  return {
    a: median(as.map((r) => r.seconds)), b: median(bs.map((r) => r.seconds)),
    aCpu: median(as.map((r) => r.cpu)), bCpu: median(bs.map((r) => r.cpu)),
    /** The median of the paired ratios a/b (each pair run back to back, under about the same load). */
    ratio: median(as.map((r, i) => r.seconds / bs[i].seconds)),
    aPeak: Math.max(...as.map((r) => r.peak)), bPeak: Math.max(...bs.map((r) => r.peak)) };
}

const bare = (html, pdf) => timed(chromium, [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${html}`,
]);
const buildOf = (dir, out, options = {}) => timed(process.execPath, [cli, 'build', dir, '-o', out, '-q'], options);
/**
 * The HTML page of a series as the reference print sees it: the page written for screens names the
 * reader's system fonts (output.htmlFonts: system) and no font file, so printing it would load none;
 * a copy of the series with `htmlFonts: bundled` writes the page with the faces the PDF is printed
 * with, and the bare print of that page is Chrome's own cost of the same document.
 */
async function referencePage(dir) {
  const copy = `${dir}-reference`;
  rmSync(copy, { recursive: true, force: true });
  cpSync(dir, copy, { recursive: true });
  const yaml = path.join(copy, 'bulletin.yaml');
  writeFileSync(yaml, `${readFileSync(yaml, 'utf8').trimEnd()}\noutput:\n  htmlFonts: bundled\n`);
  await buildOf(copy, path.join(copy, 'out'));
  return path.join(copy, 'out', '2018-02.html');
}

const rows = [];
const row = (target, figure, reference, ratio, goal, ok) => {
  rows.push({ target, figure, reference, ratio, goal, ok });
  console.error(`  ${ok ? 'ok  ' : 'MISS'} ${target}: ${figure} vs ${reference} → ${ratio} (goal ${goal})`);
};
const s = (x) => `${x.toFixed(2)} s`;
const mib = (x) => `${Math.round(x / 1048576)} MiB`;

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
console.error(`bench: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}${quick ? ' (quick)' : ''}`);

// 1. Cold build of the seed vs one bare Chromium print of the HTML it produced.
if (want('1')) {
  const seedCopy = path.join(work, 'seed-series');
  cpSync(path.join(root, 'examples/seed'), seedCopy, { recursive: true });
  const html = await referencePage(seedCopy);
  const r = await pair(runs(5), () => buildOf(path.join(root, 'examples/seed'), path.join(work, 'seed-again')), () => bare(html, path.join(work, 'bare-seed.pdf')));
  row('1. cold build of the seed (fitting: 4 prints; self-check, PDF/A, PDF + HTML)', s(r.a), `bare print ${s(r.b)}`, `${(r.a / r.b).toFixed(2)}×`, '≤ 1.3×', r.a / r.b <= 1.3);
}

// 1b. Fitting (issue 16): the seed, whose last page fitting takes away (each try is a print), vs the
// same series with `layout.fit: off`.
if (want('1b')) {
  const off = path.join(work, 'seed-fit-off');
  cpSync(path.join(root, 'examples/seed'), off, { recursive: true });
  const yaml = path.join(off, 'bulletin.yaml');
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^layout:\n/m, 'layout:\n  fit: off\n'));
  const r = await pair(runs(5), () => buildOf(path.join(root, 'examples/seed'), path.join(work, 'seed-fit')), () => buildOf(off, path.join(work, 'seed-nofit')));
  row('1b. build of the seed with fitting (5 → 4 body pages)', s(r.a), `fit: off ${s(r.b)}`, `${(r.a / r.b).toFixed(2)}×`, '≤ 1.5×', r.a / r.b <= 1.5);
}

// 2. A 200-page issue vs the bare print of its HTML; growth over 20, 200, 600 pages; 6. peak memory at 600.
const scaling = [];
if (want('2', '6')) for (const pages of [20, 200, 600]) {
  const dir = await generateLongIssue(path.join(work, `long${pages}`), pages);
  const out = path.join(dir, 'out');
  const r = await buildOf(dir, out, { memory: true });
  const n = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [path.join(out, '2018-02.pdf')], { encoding: 'utf8' }))?.[1] ?? 0);
  scaling.push({ pages: n, seconds: r.seconds, peak: r.peak });
  if (pages === 200) {
    const html = await referencePage(dir);
    const p = await pair(runs(3), () => buildOf(dir, path.join(dir, 'out2')), () => bare(html, path.join(work, 'bare-200.pdf')));
    row(`2. build of a ${n}-page issue`, s(p.a), `bare print ${s(p.b)}`, `${(p.a / p.b).toFixed(2)}×`, '≤ 1.5×', p.a / p.b <= 1.5);
  }
  if (pages === 600) row(`6. peak memory of a ${n}-page build (whole process tree)`, mib(r.peak), '1 GiB', `${(r.peak / 2 ** 30).toFixed(2)}×`, '< 1×', r.peak < 2 ** 30);
}
if (want('2', '6')) {
  const [a, , c] = scaling;
  const perPage = scaling.map((x) => x.seconds / x.pages);
  const linear = c.seconds / a.seconds <= (c.pages / a.pages) * 1.25;
  row('2. growth 20 → 600 pages', scaling.map((x) => `${x.pages} p: ${s(x.seconds)}, ${mib(x.peak)}`).join('; '), `${(c.pages / a.pages).toFixed(0)}× the pages`,
    `${(c.seconds / a.seconds).toFixed(1)}× the time, ${(perPage[2] * 1000).toFixed(0)} ms/page at 600`, 'at most linear', linear);
}

// 3. Twenty issues in one invocation vs twenty invocations.
if (want('3')) {
  const dir = await generateIssues(path.join(work, 'many20'), 20);
  const files = readdirSync(path.join(dir, 'issues')).filter((f) => f.endsWith('.yaml')).map((f) => path.join(dir, 'issues', f));
  const separate = async () => {
    let seconds = 0;
    let peak = 0;
    for (const f of files) {
      const r = await buildOf(f, path.join(dir, 'out-separate'));
      seconds += r.seconds;
      peak = Math.max(peak, r.peak);
    }
    return { seconds, peak };
  };
  const r = await pair(runs(2), () => buildOf(dir, path.join(dir, 'out-batch')), separate);
  row('3. 20 issues in one invocation', s(r.a), `20 invocations ${s(r.b)}`, `${(r.b / r.a).toFixed(2)}× faster`, '≥ 3× faster', r.b / r.a >= 3);
}

// 4. Preview: from saving a source to the new PDF, in a warm browser.
if (want('4')) {
  const { preview } = await import(path.join(root, 'lib/preview/preview.js'));
  const dir = path.join(work, 'preview');
  mkdirSync(dir, { recursive: true });
  await (await import('node:fs/promises')).cp(path.join(root, 'examples/seed'), dir, { recursive: true });
  const file = path.join(dir, 'issues/2018-02.yaml');
  let waiting;
  let started;
  let shownAt;
  // The first PDF shown after the save (the one printed with the previous pagination and fitting, when
  // it holds), and the end of the round (fitting confirmed, the PDF replaced if it decided otherwise).
  const since = () => Number(process.hrtime.bigint() - started) / 1e9;
  const handle = await preview({ path: dir, port: 0, cwd: dir, env: { ...process.env, BULLETIN_BROWSER: chromium },
    onShown: () => (shownAt ??= since()), onUpdate: (u) => u.rebuilt.length && waiting?.() });
  const latencies = [];
  const confirmed = [];
  const text = await readFile(file, 'utf8');
  for (let i = 0; i < runs(7); i++) {
    const done = new Promise((resolve) => (waiting = resolve));
    shownAt = undefined;
    started = process.hrtime.bigint();
    await writeFile(file, text.replace('在昆明召开', i % 2 ? '在昆明召开' : '在昆明隆重召开'));
    await done;
    confirmed.push(since());
    latencies.push(shownAt ?? confirmed.at(-1));
  }
  await handle.close();
  const m = median(latencies);
  row('4. preview: save → new PDF shown (warm browser)', s(m), `goal 0.5 s (Typst cold compile: 0.54 s); fitting confirmed at ${s(median(confirmed))}`, `${(m / 0.5).toFixed(2)}× the goal`, '≤ 0.5 s', m <= 0.5);
}

// 4b. Preview: from starting `bulletin preview` on a series with five 12-megapixel phone photos (cold
// cache) to the first answer of its index, vs starting `node -e` (the floor of any Node program) in the same run.
if (want('4b')) {
  const photos = path.join(work, 'phone-photos-4b');
  const names = await generatePhonePhotos(photos);
  const dir = await generatePhotoIssue(path.join(work, 'preview-photos'), photos, names);
  const firstAnswer = () => new Promise((resolve, reject) => {
    rmSync(path.join(dir, '.bulletin-cache'), { recursive: true, force: true });
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, 'preview', dir, '--port', '0'], { env: { ...process.env, NO_COLOR: '1', BULLETIN_BROWSER: chromium }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = async (d) => {
      out += d;
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
      if (!url) return;
      child.stdout.off('data', onData);
      child.stderr.off('data', onData);
      try {
        const res = await fetch(url);
        await res.text();
        if (res.status !== 200) throw new Error(`index answered ${res.status}`);
        resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9 });
      } catch (error) {
        reject(error);
      } finally {
        child.kill('SIGINT');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
  });
  const r = await pair(runs(5), firstAnswer, () => timed(process.execPath, ['-e', '0']));
  // On a loaded machine Node's own start takes seconds: the goal is judged on what bulletin adds to it.
  row('4b. preview: start → index answered (phone photos, cold cache)', s(r.a), `node -e ${s(r.b)}`, `+${s(r.a - r.b)} over node`, '≤ 2 s (over node)', r.a - r.b <= 2);
}

// 5. validate of 100 issues, and --help.
if (want('5')) {
  const dir = await generateIssues(path.join(work, 'many100'), 100);
  const v = [];
  const h = [];
  for (let i = 0; i < runs(5); i++) {
    v.push((await timed(process.execPath, [cli, 'validate', dir, '-q'])).seconds);
    h.push((await timed(process.execPath, [cli, '--help'])).seconds);
  }
  row('5. validate of 100 issues (whole process)', s(median(v)), 'goal 1 s', `${median(v).toFixed(2)}×`, '≤ 1 s', median(v) <= 1);
  row('5. bulletin --help (whole process)', s(median(h)), 'goal 0.3 s', `${(median(h) / 0.3).toFixed(2)}×`, '≤ 0.3 s', median(h) <= 0.3);
}

// 7. Photos straight from a phone (issue 14): five 12-megapixel JPEGs in a 15-page issue vs the same
// photos scaled by hand (cold cache: .bulletin-cache/ removed before each build), the PDF's size,
// and a second build with a warm cache vs the issue without photos.
if (want('7')) {
  const photos = path.join(work, 'phone-photos');
  const started = Date.now();
  const names = await generatePhonePhotos(photos);
  console.error(`  (five 12-megapixel photos generated in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const phone = await generatePhotoIssue(path.join(work, 'photos-phone'), photos, names);
  const scaled = await generatePhotoIssue(path.join(work, 'photos-scaled'), photos, names.map((n) => `scaled-${n}`));
  const none = await generatePhotoIssue(path.join(work, 'photos-none'), photos, undefined);
  const cold = (dir) => () => (rmSync(path.join(dir, '.bulletin-cache'), { recursive: true, force: true }), buildOf(dir, path.join(dir, 'out')));
  // On a shared machine the wall times swing with the load: the goals are judged on the CPU time of
  // the whole process tree (the work done), the wall-clock ratios of the pairs are shown beside.
  const r = await pair(runs(3), cold(phone), cold(scaled));
  row('7. 15-page issue with five 12-MP phone JPEGs (cold cache)', `${s(r.a)}, CPU ${s(r.aCpu)}`, `pre-scaled photos ${s(r.b)}, CPU ${s(r.bCpu)}`,
    `CPU ${(r.aCpu / r.bCpu).toFixed(2)}× (wall ${r.ratio.toFixed(2)}×)`, '≤ 1.5×', r.aCpu / r.bCpu <= 1.5);
  const pdfBytes = readFileSync(path.join(phone, 'out', '2018-02.pdf')).length;
  const htmlBytes = execFileSync('du', ['-sb', path.join(phone, 'out', '2018-02_files', 'images')], { encoding: 'utf8' }).split('\t')[0];
  row('7. its PDF', `${(pdfBytes / 1e6).toFixed(2)} MB`, `HTML images ${(Number(htmlBytes) / 1e6).toFixed(2)} MB`, `${(pdfBytes / 5e6).toFixed(2)}× the goal`, '< 5 MB', pdfBytes < 5e6);
  await buildOf(phone, path.join(phone, 'out')); // fills the cache
  const w = await pair(runs(5), () => buildOf(phone, path.join(phone, 'out-warm')), () => buildOf(none, path.join(none, 'out')));
  row('7. the same, second build (warm cache)', `${s(w.a)}, CPU ${s(w.aCpu)}`, `no photos ${s(w.b)}, CPU ${s(w.bCpu)}`,
    `CPU ${(w.aCpu / w.bCpu).toFixed(2)}× (wall ${w.ratio.toFixed(2)}×)`, '≤ 1.1×', w.aCpu / w.bCpu <= 1.1);
}

// The rows in the order of their numbers (1, 1b, 2, …), whatever order they ran in.
const order = (r) => {
  const [, n, sub] = /^(\d+)([a-z]?)/.exec(r.target) ?? [, '99', ''];
  return Number(n) * 100 + (sub ? sub.charCodeAt(0) - 96 : 0);
};
const measured = new Set(rows.map((r) => /^\d+[a-z]?/.exec(r.target)?.[0]));
// `--only`: the other rows of the last full run are kept as they were.
const kept = only ? JSON.parse(readFileSync(path.join(root, 'bench/latest.json'), 'utf8')).rows.filter((r) => !measured.has(/^\d+[a-z]?/.exec(r.target)?.[0])) : [];
rows.splice(0, rows.length, ...[...rows, ...kept].map((r, i) => ({ r, i })).sort((a, b) => order(a.r) - order(b.r) || a.i - b.i).map(({ r }) => r));
const table = ['| target | figure | reference | ratio | goal | met |', '|---|---|---|---|---|---|', ...rows.map((r) => `| ${r.target} | ${r.figure} | ${r.reference} | ${r.ratio} | ${r.goal} | ${r.ok ? 'yes' : 'no'} |`)].join('\n');
console.log(table);
writeFileSync(path.join(root, 'bench/latest.json'), `${JSON.stringify({ date: new Date().toISOString(), machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version }, quick, ...(only ? { only } : {}), rows }, null, 2)}\n`);
