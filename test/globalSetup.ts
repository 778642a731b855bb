// Runs once before the test files: rebuilds lib/ (`npm run build`) when it is missing or older than
// src/, for the tests that run the real executable (test/builtCli.ts). A failed build is reported
// here and by those tests; the others run src/ and do not need lib/.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { staleLib } from './builtCli.js';

export default function setup(): void {
  const stale = staleLib();
  if (!stale) return;
  const started = performance.now();
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  const r = spawnSync('npm', ['run', 'build'], { cwd, encoding: 'utf8' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (r.status === 0) console.info(`lib/ was stale (${stale}): rebuilt with npm run build in ${seconds} s`);
  else console.warn(`lib/ is stale (${stale}) and npm run build failed (${r.error?.message ?? `exit ${r.status}`}):\n${r.stdout}${r.stderr}`);
}
