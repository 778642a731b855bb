#!/usr/bin/env node
import { main } from '../lib/cli/main.js';
import { ExitCode } from '../lib/diagnostics/exitCodes.js';

// `bulletin validate | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// main() reports a bug in a command itself (exit 70). This is for one it cannot catch: outside it, or
// in a callback no command awaits. Same line, same exit code, the stack under --verbose.
function internalError(error) {
  const stack = process.argv.includes('--verbose') && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  process.stderr.write(`bulletin: internal error, please report this: ${error instanceof Error ? error.message : String(error)}\n${stack}`);
  process.exit(ExitCode.InternalError);
}
process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  internalError(error);
}
