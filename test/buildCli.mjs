#!/usr/bin/env node
// Builds the `huzhu` command (package.json `bin`): the CLI and its worker thread, each bundled by
// esbuild (it comes with vite and tsx) into one plain ES module in dist-cli/ (git-ignored):
//
//   src/cli/main.ts                   ─▶ dist-cli/huzhu.mjs         (the command)
//   src/workers/simulate.node-worker.ts ─▶ dist-cli/huzhu-worker.mjs (its worker threads; found next
//                                                                     to the command, runners/nodeThreads.ts)
//
// A bundle starts in a fraction of the time tsx takes (no TypeScript compiled at start, one file
// read instead of hundreds). `npm ci` / `npm install` run it through `prepare`; the CLI tests run
// it once before they start when the bundle is missing or older than a source file
// (test/helpers/cliBuild.ts). `node test/buildCli.mjs --if-stale` builds only in that case.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_DIR = join(ROOT, 'dist-cli');
export const CLI_BUNDLE = join(CLI_DIR, 'huzhu.mjs');
const WORKER_BUNDLE = join(CLI_DIR, 'huzhu-worker.mjs');

/** The newest modification time (ms) of the sources the bundle is made of, and of this script. */
function newestSource() {
  let newest = statSync(fileURLToPath(import.meta.url)).mtimeMs;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk(join(ROOT, 'src'));
  for (const f of ['package.json', 'package-lock.json'])
    newest = Math.max(newest, statSync(join(ROOT, f)).mtimeMs);
  return newest;
}

/** Whether the bundle is missing or older than a source file. */
export function cliIsStale() {
  try {
    const built = Math.min(statSync(CLI_BUNDLE).mtimeMs, statSync(WORKER_BUNDLE).mtimeMs);
    return built < newestSource();
  } catch {
    return true;
  }
}

/** Bundles the command and its worker into dist-cli/. */
export async function buildCli() {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: ROOT,
    entryPoints: {
      huzhu: 'src/cli/main.ts',
      'huzhu-worker': 'src/workers/simulate.node-worker.ts',
    },
    outdir: CLI_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
    // A `require` for the CommonJS packages bundled into an ES module (seedrandom asks for crypto).
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __huzhuRequire } from 'node:module';\nconst require = __huzhuRequire(import.meta.url);",
    },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale') && !cliIsStale()) process.exit(0);
  const t0 = performance.now();
  try {
    await import('esbuild');
  } catch {
    // An install without the dev dependencies (npm ci --omit=dev) has no esbuild: leave the
    // install to succeed, and say how to get the command.
    console.error('huzhu: esbuild is not installed, so the huzhu command was not built; run npm ci');
    process.exit(0);
  }
  await buildCli();
  if (!process.argv.includes('--quiet'))
    console.log(`built ${CLI_BUNDLE} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
