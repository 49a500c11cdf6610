/**
 * The command line (docs/cli.md): the only code that touches node:fs and process.
 * Output on stdout, errors on stderr one line each, never a stack trace.
 * Exit codes: 0 done; 1 the scenario or data file is invalid; 2 usage or I/O errors.
 */
import { parseArgs } from 'node:util';
import { commands, usage } from './commands.ts';
import { CliError } from './errors.ts';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command)
    throw new CliError(2, [`unknown command "${name}" (commands: ${Object.keys(commands).join(', ')})`]);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(2, [`${name}: ${(e as Error).message.split('\n')[0]}`]);
  }
  const out = await command.run(
    parsed.positionals,
    parsed.values as Record<string, string | boolean | undefined>,
  );
  process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof CliError) {
      for (const line of e.lines) process.stderr.write(`${line}\n`);
      process.exitCode = e.code;
    } else {
      process.stderr.write(`huzhu: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    }
  },
);
