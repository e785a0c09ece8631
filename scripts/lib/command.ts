/**
 * The shell of the `report` and `publish` commands: how they end. Exit 0 when done, 2 for a wrong
 * use (bad option, missing folder) with its message, 1 when the data is refused or the run fails,
 * with the message alone (an ImportRefused names the file and the reason), never a stack: an officer
 * reading the terminal sees the reason in Chinese.
 */

/** A wrong use of the command: the message on stderr, exit code 2. */
export function usageError(message: string): number {
  process.stderr.write(message + '\n');
  return 2;
}

/** Runs the command's main and exits with its code, or 1 with the error's message. */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write((error instanceof Error ? error.message : String(error)) + '\n');
      process.exit(1);
    },
  );
}
