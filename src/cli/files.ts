/**
 * Reading scenario files for the CLI: I/O and syntax errors exit 2, invalid content exits 1. Each
 * problem is one `path: message` line, in English whatever `--lang` says (docs/cli.md).
 */
import { readFile } from 'node:fs/promises';
import type { Scenario } from '../domain/scenario.ts';
import { loadScenarioText } from '../io/loadScenario.ts';
import { scenarioProblemLine } from '../messages/validation.ts';
import { CliError } from './errors.ts';

export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (e as Error).message;
    throw new CliError(2, [`${path}: cannot read: ${why}`]);
  }
}

export async function readScenario(path: string): Promise<Scenario> {
  const loaded = loadScenarioText(await readText(path));
  if (loaded.ok) return loaded.scenario;
  const lines = loaded.problems.map((p) => scenarioProblemLine('en', p));
  throw new CliError(loaded.kind === 'syntax' ? 2 : 1, lines);
}
