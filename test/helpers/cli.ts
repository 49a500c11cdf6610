/**
 * Runs the CLI as a user would: the built `huzhu` command (dist-cli/huzhu.mjs, package.json `bin`;
 * built before the tests by test/helpers/cliBuild.ts), from the repository root, with colour off.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');

/** The command's entry: what `npx huzhu` and `npm run cli` run. */
export const CLI = join(ROOT, 'dist-cli/huzhu.mjs');

/** The CLI's exit code, stdout and stderr; `env` entries are added (undefined removes one). */
export function runCli(args: string[], env: Record<string, string | undefined> = {}) {
  const full: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete full[k];
    else full[k] = v;
  }
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: full });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
