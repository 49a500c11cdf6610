/** An error the CLI reports as lines on stderr with an exit code (1 invalid file, 2 usage or I/O). */
export class CliError extends Error {
  constructor(
    readonly code: 1 | 2,
    readonly lines: string[],
  ) {
    super(lines.join('\n'));
    this.name = 'CliError';
  }
}
