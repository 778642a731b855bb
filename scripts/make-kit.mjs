// `npm run kit`: one archive for an office without internet. It holds bulletin packed as it is
// published, its production dependencies installed (node_modules, the bundled fonts among them:
// nothing is fetched at install) and install.sh for a Linux machine with Node 20 and a
// Chromium-based browser (Debian, UOS, Kylin).
//
//   npm run kit                         → kit/bulletin-kit-<version>-linux-<arch>.tar.gz
//   npm run kit -- --arch arm64         → for an ARM machine (needs the registry, or a cache that has sharp's arm64 build)
//   npm run kit -- --tarball FILE --out DIR   (a tarball already packed; tests use it)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const arch = option('--arch') ?? process.arch;
const outDir = path.resolve(option('--out') ?? path.join(ROOT, 'kit'));
const { name, version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const npm = (cwd, ...rest) => execFileSync('npm', rest, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

const stage = mkdtempSync(path.join(os.tmpdir(), 'bulletin-kit-'));
try {
  const kitName = `bulletin-kit-${version}-linux-${arch}`;
  const kit = path.join(stage, kitName);
  const app = path.join(kit, 'app');
  mkdirSync(app, { recursive: true });

  // bulletin as published: `npm pack` (which compiles lib/ through `prepare`), unless given.
  let tarball = option('--tarball');
  if (!tarball) {
    const packed = JSON.parse(npm(ROOT, 'pack', '--json', '--pack-destination', stage))[0].filename;
    tarball = path.join(stage, packed);
  }
  const tarballName = path.basename(tarball);
  cpSync(path.resolve(tarball), path.join(app, tarballName));

  // Its production dependencies, for Linux on `arch` (sharp's native build is per platform), no install scripts.
  writeFileSync(path.join(app, 'package.json'), `${JSON.stringify({ private: true, description: 'bulletin, installed from the offline kit', dependencies: { [name]: `file:./${tarballName}` } }, null, 2)}\n`);
  npm(app, 'install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--os=linux', `--cpu=${arch}`);

  cpSync(path.join(ROOT, 'scripts', 'kit-install.sh'), path.join(kit, 'install.sh'));
  chmodSync(path.join(kit, 'install.sh'), 0o755);
  writeFileSync(path.join(kit, 'VERSION'), `${name} ${version} linux-${arch}, Node.js 20 or newer\n`);

  mkdirSync(outDir, { recursive: true });
  const archive = path.join(outDir, `${kitName}.tar.gz`);
  execFileSync('tar', ['-czf', archive, '-C', stage, kitName], { stdio: 'inherit' });
  const mib = (Number(execFileSync('stat', ['-c', '%s', archive], { encoding: 'utf8' })) / 1024 / 1024).toFixed(0);
  console.log(`kit: ${path.relative(process.cwd(), archive) || archive} (${mib} MiB): copy it to the machine, then \`tar -xzf ${kitName}.tar.gz && ${kitName}/install.sh\``);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
