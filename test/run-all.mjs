#!/usr/bin/env node
// `npm test`: every gate, in order — the type check; lint (ESLint with the layer and platform rules,
// then the pure layers type-checked without DOM or Node; see test/lint/); the format check
// (Prettier); vitest (unit, property and CLI tests); then the browser tests (Playwright,
// test/e2e/playwright.config.ts) when present. Prints one
// closing line per suite in the form CI reads (`vitest: N passed, N failed`) and exits non-zero if
// any gate failed.
//
//   node test/run-all.mjs                    every gate
//   node test/run-all.mjs --only e2e         only the named gate(s): typecheck, lint, format, vitest, e2e
//   node test/run-all.mjs --only e2e 02-run  other arguments go to `playwright test` (file filters,
//                                            --grep, --workers…)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const GATES = ['typecheck', 'lint', 'format', 'vitest', 'e2e'];
const E2E_CONFIG = 'test/e2e/playwright.config.ts';
const E2E_REPORT = 'test/e2e/results/report.json'; // the config's JSON reporter writes it

const only = [];
const playwrightArgs = [];
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--only') {
    const gate = process.argv[++i];
    if (!GATES.includes(gate)) {
      console.error(`run-all: --only takes one of ${GATES.join(', ')}, not ${gate}`);
      process.exit(2);
    }
    only.push(gate);
  } else playwrightArgs.push(a);
}
const want = (gate) => only.length === 0 || only.includes(gate);

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;
let failed = false;

if (want('typecheck')) {
  console.log('== typecheck (tsc --noEmit)');
  const tsc = run('npx', ['tsc', '--noEmit']);
  console.log(`typecheck: ${tsc === 0 ? 1 : 0} passed, ${tsc === 0 ? 0 : 1} failed`);
  failed ||= tsc !== 0;
}

if (want('lint')) {
  console.log('== lint (eslint, layers and platforms; tsc on the pure layers)');
  const lint = [run('npm', ['run', '-s', 'lint:eslint']), run('npm', ['run', '-s', 'lint:core'])];
  const lintFailed = lint.filter((status) => status !== 0).length;
  console.log(`lint: ${lint.length - lintFailed} passed, ${lintFailed} failed`);
  failed ||= lintFailed > 0;
}

if (want('format')) {
  console.log('== format (prettier --check)');
  const format = run('npm', ['run', '-s', 'format:check']);
  console.log(`format: ${format === 0 ? 1 : 0} passed, ${format === 0 ? 0 : 1} failed`);
  failed ||= format !== 0;
}

if (want('vitest')) {
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
}

if (want('e2e') && existsSync(E2E_CONFIG)) {
  // Always run, even after an earlier failure. The config prints a line per test for humans and
  // writes the JSON report the closing line is counted from.
  console.log('== browser tests (Playwright, Chromium)');
  rmSync(E2E_REPORT, { force: true });
  const code = run('npx', ['playwright', 'test', '-c', E2E_CONFIG, ...playwrightArgs]);
  let passed = 0,
    bad = 1;
  if (existsSync(E2E_REPORT)) {
    const r = JSON.parse(readFileSync(E2E_REPORT, 'utf8'));
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = r.stats ?? {};
    // Errors outside any test: the web server, the config, the global timeout.
    const outside = (r.errors ?? []).length;
    // A flaky or skipped test fails the gate like a failed one: no test may be retried or skipped.
    passed = expected;
    bad = unexpected + flaky + skipped + (outside > 0 && unexpected + flaky + skipped === 0 ? 1 : 0);
    const notes = [
      flaky && `${flaky} flaky`,
      skipped && `${skipped} skipped`,
      outside && `${outside} error(s) outside the tests`,
      expected + bad === 0 && 'no test ran',
    ].filter(Boolean);
    if (expected + bad === 0) bad = 1;
    if (notes.length) console.log(`e2e: ${notes.join(', ')} (counted as failed)`);
  } else {
    console.log(`e2e: no report at ${E2E_REPORT}`);
  }
  console.log(`e2e: ${passed} passed, ${bad} failed`);
  failed ||= code !== 0 || bad > 0 || passed === 0;
}

console.log(failed ? 'npm test: FAILED' : 'npm test: all gates passed');
process.exit(failed ? 1 : 0);
