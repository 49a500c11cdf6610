/**
 * vitest globalSetup: builds the `huzhu` command (test/buildCli.mjs) once before the tests start,
 * when the bundle is missing or older than a source file, so the CLI tests run what users run.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '../..');
  const r = spawnSync(process.execPath, ['test/buildCli.mjs', '--if-stale', '--quiet'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`building the CLI failed:\n${r.stderr}`);
}
