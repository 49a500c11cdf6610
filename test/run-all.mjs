#!/usr/bin/env node
// `npm test`: every gate, in order — the type check; lint (ESLint with the layer and platform rules,
// then the pure layers type-checked without DOM or Node; see test/lint/); the format check
// (Prettier); vitest (unit, property and CLI tests); then the browser tests when present. Prints
// one closing line per suite in the form CI reads (`vitest: N passed, N failed`; lint counts its
// two checks) and exits non-zero if any gate failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;
let failed = false;

console.log('== typecheck (tsc --noEmit)');
const tsc = run('npx', ['tsc', '--noEmit']);
console.log(`typecheck: ${tsc === 0 ? 1 : 0} passed, ${tsc === 0 ? 0 : 1} failed`);
failed ||= tsc !== 0;

console.log('== lint (eslint, layers and platforms; tsc on the pure layers)');
const lint = [run('npm', ['run', '-s', 'lint:eslint']), run('npm', ['run', '-s', 'lint:core'])];
const lintFailed = lint.filter((status) => status !== 0).length;
console.log(`lint: ${lint.length - lintFailed} passed, ${lintFailed} failed`);
failed ||= lintFailed > 0;

console.log('== format (prettier --check)');
const format = run('npm', ['run', '-s', 'format:check']);
console.log(`format: ${format === 0 ? 1 : 0} passed, ${format === 0 ? 0 : 1} failed`);
failed ||= format !== 0;

console.log('== unit tests (vitest)');
const report = '.vitest-report.json';
rmSync(report, { force: true });
const vitest = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${report}`,
]);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(
    `vitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
  failed ||= vitest !== 0 || r.numFailedTests > 0 || r.numPassedTests === 0;
} else {
  console.log('vitest: 0 passed, 1 failed');
  failed = true;
}

if (existsSync('test/e2e/run.mjs')) {
  console.log('== browser tests (Chromium)');
  const e2e = run('node', ['test/e2e/run.mjs']); // always run, even after an earlier failure
  failed ||= e2e !== 0;
}

console.log(failed ? 'npm test: FAILED' : 'npm test: all gates passed');
process.exit(failed ? 1 : 0);
