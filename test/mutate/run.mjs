#!/usr/bin/env node
// `npm run mutate`: mutation testing (StrykerJS, test/mutate/stryker.config.mjs) of each folder in
// turn, then the score table (docs/mutation.md).
//
//   npm run mutate                          src/benefits, src/io, src/history, src/engine (in its eight
//                                           parts, test/mutate/parts.mjs), in that order
//   npm run mutate -- engine-fft            one part of src/engine (`engine` names all eight)
//   npm run mutate -- benefits io           the named folders only
//   npm run mutate -- --table               only print the table from the last reports (or incremental files)
//   npm run mutate -- io --force            other arguments go to `stryker run` (--force re-tests every
//                                           mutant; --concurrency 1 on a busy machine)
//
// One Stryker run per folder, each with its own incremental file (test/mutate/incremental/<folder>.json,
// committed): Stryker writes into its incremental file only the mutants of the run that wrote it, so
// one shared file would lose the other folders whenever a single folder was run. Reports go to
// test/mutate/reports/<folder>.{html,json} (git-ignored). Exits non-zero if a Stryker run failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ENGINE_PARTS } from './parts.mjs';

const PARTS = Object.keys(ENGINE_PARTS);
const FOLDERS = ['benefits', 'io', 'history', ...PARTS];
const CONFIG = 'test/mutate/stryker.config.mjs';

const folders = [];
const strykerArgs = [];
let tableOnly = false;
for (const a of process.argv.slice(2)) {
  if (a === '--table') tableOnly = true;
  else if (a === 'engine') folders.push(...PARTS);
  else if (FOLDERS.includes(a)) folders.push(a);
  else strykerArgs.push(a);
}
if (folders.length === 0) folders.push(...FOLDERS);

// Every module of src/engine belongs to one part: a new file left out would never be mutated.
const inParts = new Set(Object.values(ENGINE_PARTS).flat());
const missing = ['src/engine', 'src/engine/fft']
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `${dir}/${f}`),
  )
  .filter((f) => !inParts.has(f));
if (missing.length > 0) {
  console.error(`mutate: not in any part of test/mutate/parts.mjs: ${missing.join(', ')}`);
  process.exit(1);
}

let failed = false;
if (!tableOnly) {
  for (const folder of folders) {
    console.log(`== mutate src/${folder}`);
    const { status } = spawnSync('npx', ['stryker', 'run', CONFIG, ...strykerArgs], {
      stdio: 'inherit',
      env: { ...process.env, HUZHU_MUTATE: folder },
    });
    if (status !== 0) {
      console.error(`mutate: stryker over src/${folder} exited ${status}`);
      failed = true;
    } else portable(`test/mutate/incremental/${folder}.json`);
  }
}

console.log(table(folders));
process.exit(failed ? 1 : 0);

/**
 * The incremental file without the machine's paths (the checkout's folder as `projectRoot`, the
 * sandbox's in `config`), which Stryker records but does not read back: it is committed.
 */
function portable(file) {
  if (!existsSync(file)) return;
  const { projectRoot: _root, config: _config, ...rest } = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, `${JSON.stringify(rest, null, 2)}\n`);
}

/**
 * One row per folder from its JSON report (or its incremental file): killed, survived, timeout, no coverage, and the score
 * (killed + timeout) / (killed + timeout + survived + no coverage), Stryker's definition. Mutants
 * excluded by a disable comment (Ignored) and those that do not compile are not counted. The
 * engine's parts get a row each and, when all eight have a report, src/engine their sum.
 */
function table(names) {
  const rows = [
    '| folder | mutants | killed | survived | timeout | no coverage | ignored | score |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const engine = { Killed: 0, Survived: 0, Timeout: 0, NoCoverage: 0, Ignored: 0, other: 0 };
  let engineParts = 0;
  for (const folder of names) {
    // The last report on this machine, else the committed incremental file (the same results:
    // each run writes both), so that a fresh clone prints the table too.
    const report = `test/mutate/reports/${folder}.json`;
    const incremental = `test/mutate/incremental/${folder}.json`;
    const file = existsSync(report) ? report : incremental;
    const label = folder in ENGINE_PARTS ? `src/engine: ${folder.slice('engine-'.length)}` : `src/${folder}`;
    if (!existsSync(file)) {
      rows.push(`| ${label} | not measured | | | | | | |`);
      continue;
    }
    const n = { Killed: 0, Survived: 0, Timeout: 0, NoCoverage: 0, Ignored: 0, other: 0 };
    const results = JSON.parse(readFileSync(file, 'utf8'));
    for (const f of Object.values(results.files))
      for (const m of f.mutants) n[m.status in n ? m.status : 'other']++;
    rows.push(row(label, n));
    if (folder in ENGINE_PARTS) {
      engineParts++;
      for (const k of Object.keys(n)) engine[k] += n[k];
    }
  }
  if (engineParts === Object.keys(ENGINE_PARTS).length) rows.push(row('**src/engine**', engine));
  return rows.join('\n');
}

function row(label, n) {
  const detected = n.Killed + n.Timeout;
  const valid = detected + n.Survived + n.NoCoverage;
  const score = valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(2)}%`;
  const total = valid + n.Ignored + n.other;
  return `| ${label} | ${total} | ${n.Killed} | ${n.Survived} | ${n.Timeout} | ${n.NoCoverage} | ${n.Ignored} | ${score} |`;
}
