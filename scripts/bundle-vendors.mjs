// Replaces the compiled re-exports in lib/vendor/ (src/vendor/*.ts: one per dependency the command
// line loads before or while Chrome starts) with single-file ES bundles of those packages. Node
// loads a package of many small CommonJS or ES files two to three times slower than one file of the
// same code (measured: yaml 59 → 22 ms, markdown-it 93 → 29 ms); the checks that run before Chrome
// may start pay for every such millisecond. Tests run from src/ and use the packages as they are.
// Without rolldown (a development dependency), lib/vendor keeps the plain re-exports: slower, same behaviour.
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'lib/vendor');
let rolldown;
try {
  rolldown = await import('rolldown');
} catch {
  console.error('bundle-vendors: rolldown is not installed; lib/vendor keeps plain re-exports of the packages');
  process.exit(0);
}
for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
  const input = path.join(dir, file);
  await rolldown.build({
    input,
    platform: 'node',
    output: { file: input, format: 'esm', sourcemap: false, codeSplitting: false },
    logLevel: 'warn',
    write: true,
  });
  rmSync(`${input}.map`, { force: true }); // tsc's map was of the re-export
  const { exports } = await import(`${pathToFileURL(input).href}?checked`).then((m) => ({ exports: Object.keys(m) }));
  // A re-export the bundler could not resolve would leave the module without its names: fail the build.
  if (exports.length === 0) throw new Error(`bundle-vendors: lib/vendor/${file} exports nothing after bundling`);
  console.error(`bundle-vendors: lib/vendor/${file}: ${Math.round(statSync(input).size / 1024)} KiB, exports ${exports.join(', ')}`);
}
