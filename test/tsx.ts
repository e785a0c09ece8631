/**
 * `npx tsx <script> <args>` without npx, for the tests that run a script in a child process as a
 * user would: npx's own start-up (finding the package) cost about half a second of CPU per child
 * on this two-core machine, and the suites start some forty of them.
 */
import path from 'node:path';

const TSX_CLI = path.resolve(import.meta.dirname, '../node_modules/tsx/dist/cli.mjs');

/** The command and arguments to spawn: this Node running tsx's command line. */
export function tsx(script: string, ...args: string[]): [string, string[]] {
  return [process.execPath, [TSX_CLI, script, ...args]];
}
