/**
 * Whole-process figures for `npm run bench`: what a user waits for, from `huzhu …` typed to the
 * prompt back, against a bare `node -e ""` start; and each bundled scenario's sampling-table build
 * (the benefit tables, engine/costTable.ts) in a fresh process, as the command pays it.
 * The command is the built bundle (dist-cli/huzhu.mjs, rebuilt first when stale), as users run it.
 * Every figure is the median of `runs` runs; the load average is printed beside them, since other
 * work on the machine slows every figure.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist-cli/huzhu.mjs');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median wall time (s) of `runs` runs of `node <args>`; throws if one fails. */
function wall(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    times.push((performance.now() - t0) / 1000);
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  }
  return median(times);
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

export function wholeProcessBench(file: string, heavy: string, runs = 10, simRuns = 5): void {
  const build = spawnSync(process.execPath, ['test/buildCli.mjs', '--if-stale', '--quiet'], { cwd: ROOT });
  if (build.status !== 0) throw new Error('building the CLI failed');
  console.log(
    `\nwhole process (median of ${runs}, Monte Carlo runs of ${simRuns}; load average ${load()}; the bundle dist-cli/huzhu.mjs)`,
  );
  const bare = wall(['-e', ''], runs);
  const row = (label: string, s: number) =>
    console.log(`  ${label.padEnd(58)} ${s.toFixed(3)} s  ${(s / bare).toFixed(1)}× bare node`);
  row('bare node (node -e "")', bare);
  const validate = wall([CLI, 'validate', file], runs);
  row(`huzhu validate`, validate);
  console.log(
    `  validate within 3× of bare node: ${validate <= 3 * bare ? 'met' : 'NOT met'} (${(validate / bare).toFixed(2)}×)`,
  );
  row('huzhu benefit --at 12000', wall([CLI, 'benefit', file, '--id', 'self-pay', '--at', '12000'], runs));
  row('huzhu simulate --method fft', wall([CLI, 'simulate', file, '--method', 'fft'], runs));
  for (const f of [file, heavy]) {
    const name = f.split('/').pop();
    const small = wall([CLI, 'simulate', f, '--iterations', '100'], simRuns);
    const full = wall([CLI, 'simulate', f, '--iterations', '10000'], simRuns);
    row(`huzhu simulate --iterations 100    (${name})`, small);
    row(`huzhu simulate --iterations 10000  (${name})`, full);
    console.log(
      `  share of the 10,000-iteration run spent simulating (beyond the 100-iteration run): ${(((full - small) / full) * 100).toFixed(0)}%`,
    );
  }
}

/**
 * The sampling tables of every bundled scenario and the heavy tails, each built in a fresh process
 * (as the command builds them: once, cold, before the JIT has warmed up); the median of `runs`
 * processes, wall-clock and CPU time, against the target of 0.3 s.
 */
export function tableBench(extra: string[], runs = 5): void {
  const files = [
    ...readdirSync(join(ROOT, 'scenarios'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => `scenarios/${f}`),
    ...extra,
  ];
  const script = [
    "import { readFileSync } from 'node:fs';",
    "import { resolveScheme } from './src/domain/defaults.ts';",
    "import { compilePlan } from './src/engine/plan.ts';",
    "const s = resolveScheme(JSON.parse(readFileSync(process.argv[1], 'utf8')));",
    'const t0 = performance.now(), c0 = process.cpuUsage();',
    'compilePlan(s);',
    'const c = process.cpuUsage(c0);',
    'console.log(performance.now() - t0, (c.user + c.system) / 1000);',
  ].join('\n');
  console.log(`\nsampling tables, built once in a fresh process (median of ${runs}; load average ${load()})`);
  let worst = 0,
    worstCpu = 0;
  for (const f of files) {
    const wallMs: number[] = [],
      cpuMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, f], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`table build of ${f} failed: ${r.stderr}`);
      const [w, c] = r.stdout.trim().split(' ').map(Number);
      wallMs.push(w);
      cpuMs.push(c);
    }
    const w = median(wallMs),
      c = median(cpuMs);
    worst = Math.max(worst, w);
    worstCpu = Math.max(worstCpu, c);
    console.log(`  ${f.padEnd(58)} ${(w / 1000).toFixed(3)} s  (CPU ${(c / 1000).toFixed(3)} s)`);
  }
  console.log(
    `  every table build within 0.3 s: ${worst <= 300 ? 'met' : 'NOT met'} (slowest ${(worst / 1000).toFixed(3)} s; CPU ${(worstCpu / 1000).toFixed(3)} s)`,
  );
}
