/** Runs the CLI as a user would: through tsx, from the repository root, with colour off. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');

/** The CLI's exit code, stdout and stderr; `env` entries are added (undefined removes one). */
export function runCli(args: string[], env: Record<string, string | undefined> = {}) {
  const full: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete full[k];
    else full[k] = v;
  }
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: full,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
