#!/usr/bin/env node
import { main } from '../lib/cli/main.js';

// `bulletin validate | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`bulletin: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\nPlease report this with the command you ran.\n`);
  process.exitCode = 70;
}
