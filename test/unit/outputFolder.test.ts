// Writing through links (threat catalogue docs/threats.md, T-OUT): the output folder is often inside a
// pull request's checkout, so links already in it are hostile. Nothing is ever written through one.
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openOutputFolder } from '../../src/output/outputFolder.js';
import { BulletinError } from '../../src/diagnostics/exitCodes.js';
import { build } from '../../src/pipeline.js';
import { runCli, SEED } from '../helpers.js';

const roots: string[] = [];
let root: string;
let outside: string;
let secret: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'bulletin-out-'));
  roots.push(root);
  outside = path.join(root, 'outside');
  mkdirSync(outside);
  // Stands for ~/.bashrc or ~/.ssh/authorized_keys: a file outside the output folder.
  secret = path.join(outside, 'authorized_keys');
  writeFileSync(secret, 'ssh-ed25519 AAAA the owner\n');
});
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

async function refusal(work: Promise<unknown>): Promise<BulletinError> {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(BulletinError);
  expect((error as BulletinError).exitCode).toBe(5);
  return error as BulletinError;
}

describe('the output folder', () => {
  it('refuses an output folder that is itself a link', async () => {
    symlinkSync(outside, path.join(root, 'dist'));
    expect((await refusal(openOutputFolder(path.join(root, 'dist')))).message).toMatch(/is a symbolic link/);
  });

  it('refuses links leading outside at any depth: a folder, a file, a dangling one, a relative one', async () => {
    const dist = path.join(root, 'dist');
    mkdirSync(path.join(dist, '2018-02_files', 'images'), { recursive: true });
    symlinkSync(outside, path.join(dist, '2018-02_files', 'fonts'));
    symlinkSync(secret, path.join(dist, '2018-02.pdf'));
    symlinkSync(path.join(root, 'nowhere', '.bashrc'), path.join(dist, 'index.html'));
    symlinkSync('../../../outside/authorized_keys', path.join(dist, '2018-02_files', 'images', 'photo.png'));
    const message = (await refusal(openOutputFolder(dist))).message;
    for (const name of ['2018-02_files/fonts', '2018-02.pdf', 'index.html', '2018-02_files/images/photo.png']) expect(message).toContain(name);
    expect(readFileSync(secret, 'utf8')).toBe('ssh-ed25519 AAAA the owner\n');
  });

  it('replaces a file link that stays inside, and leaves what it pointed to alone', async () => {
    const dist = path.join(root, 'dist');
    mkdirSync(dist);
    writeFileSync(path.join(dist, 'other.html'), 'other');
    symlinkSync('other.html', path.join(dist, 'index.html'));
    const t = (await openOutputFolder(dist)).transaction();
    await t.write('index.html', 'new');
    await t.commit();
    expect(lstatSync(path.join(dist, 'index.html')).isSymbolicLink()).toBe(false);
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('new');
    expect(readFileSync(path.join(dist, 'other.html'), 'utf8')).toBe('other');
  });

  it('does not write through a folder link, even one that stays inside', async () => {
    const dist = path.join(root, 'dist');
    mkdirSync(path.join(dist, 'elsewhere'), { recursive: true });
    symlinkSync('elsewhere', path.join(dist, '2018-02_files'));
    const t = (await openOutputFolder(dist)).transaction();
    expect((await refusal(t.write('2018-02_files/fonts/a.woff2', 'x'))).message).toMatch(/2018-02_files in the output folder is a symbolic link/);
    await t.discard();
    expect(existsSync(path.join(dist, 'elsewhere', 'fonts'))).toBe(false);
  });

  it('accepts a link above the output folder (the user\'s own, like /tmp → /private/tmp)', async () => {
    mkdirSync(path.join(root, 'real'));
    symlinkSync(path.join(root, 'real'), path.join(root, 'via'));
    const folder = await openOutputFolder(path.join(root, 'via', 'dist'));
    expect(folder.root).toBe(path.join(root, 'real', 'dist'));
  });

  it('changes nothing until the transaction commits, and nothing at all when it is discarded', async () => {
    const dist = path.join(root, 'dist');
    mkdirSync(dist);
    writeFileSync(path.join(dist, 'a.pdf'), 'old pdf');
    writeFileSync(path.join(dist, 'a.html'), 'old html');
    const folder = await openOutputFolder(dist);
    const t = folder.transaction();
    await t.write('a.pdf', 'new pdf');
    await t.write('a.html', 'new html');
    expect(readFileSync(path.join(dist, 'a.pdf'), 'utf8')).toBe('old pdf');
    await t.discard();
    expect(readFileSync(path.join(dist, 'a.pdf'), 'utf8')).toBe('old pdf');
    expect(readFileSync(path.join(dist, 'a.html'), 'utf8')).toBe('old html');
    const u = folder.transaction();
    await u.write('a.pdf', 'new pdf');
    await u.write('a.html', 'new html');
    await u.commit();
    expect([readFileSync(path.join(dist, 'a.pdf'), 'utf8'), readFileSync(path.join(dist, 'a.html'), 'utf8')]).toEqual(['new pdf', 'new html']);
    expect(readdirSync(dist).filter((n) => n.endsWith('.tmp')), 'no temporary file left').toEqual([]);
  });

  it('a folder the transaction owns keeps only what it wrote there once it commits: stale files and links go, nothing outside it does', async () => {
    const dist = path.join(root, 'dist');
    mkdirSync(path.join(dist, 'a_files', 'images', 'old'), { recursive: true });
    // What an earlier build (an older version) published: the original photo with its GPS position, a font.
    writeFileSync(path.join(dist, 'a_files', 'images', 'phone.jpg'), 'original with GPS');
    writeFileSync(path.join(dist, 'a_files', 'images', 'old', 'gone.png'), 'renamed since');
    writeFileSync(path.join(dist, 'a_files', 'font.woff2'), 'font');
    writeFileSync(path.join(dist, 'b.pdf'), 'another issue');
    const folder = await openOutputFolder(dist);
    // A link planted after the folder was checked: removed as a link, what it leads to stays.
    symlinkSync(secret, path.join(dist, 'a_files', 'images', 'keys'));
    const t = folder.transaction();
    await t.write('a.html', 'page');
    await t.write('a_files/bulletin.css', 'css');
    await t.write('a_files/images/phone-750.jpg', 'rendition');
    t.own('a_files');
    await t.discard();
    expect(existsSync(path.join(dist, 'a_files', 'images', 'phone.jpg')), 'a discarded transaction removes nothing').toBe(true);
    const u = folder.transaction();
    await u.write('a.html', 'page');
    await u.write('a_files/bulletin.css', 'css');
    await u.write('a_files/images/phone-750.jpg', 'rendition');
    u.own('a_files');
    await u.commit();
    const under = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    expect(under(path.join(dist, 'a_files'))).toEqual(['bulletin.css', 'images', 'images/phone-750.jpg']);
    expect(readFileSync(path.join(dist, 'b.pdf'), 'utf8')).toBe('another issue');
    expect(readFileSync(secret, 'utf8')).toBe('ssh-ed25519 AAAA the owner\n');
  });

  it('a build refuses such a folder before it starts a browser, and says which link (exit 5)', async () => {
    const series = path.join(root, 'series');
    cpSync(SEED, series, { recursive: true });
    mkdirSync(path.join(series, 'dist'));
    symlinkSync(outside, path.join(series, 'dist', '2018-02_files'));
    const r = await runCli(['build', '.', '-o', 'dist', '--browser', '/nonexistent/chrome'], series);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('dist/2018-02_files → ');
    expect(r.stderr).toContain('hint:');
    expect(readFileSync(secret, 'utf8')).toBe('ssh-ed25519 AAAA the owner\n');
    // The library says the same.
    await refusal(build([series], { outDir: path.join(series, 'dist'), writers: ['index'] }));
  });
});

