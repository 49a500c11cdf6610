/**
 * `npm run bench [scenario] [iterations] [/2 scenario] [--whole]`: claimant draws per second of the full pipeline (draw, benefit, sum) on
 * Hangzhou's inpatient project (scenarios/hangzhou-2015-old-table.json: one bands benefit a claimant, the workload the
 * speed figures have always been measured on; the merged 2016 scheme also draws days) at 10,000 iterations, with one worker thread and with one per core,
 * beside a plain direct-sampling loop (lognormal cost drawn, bands evaluated, summed).
 * Target: ≥ 100 M claimant draws/s per core. Then the `/2` scheme of test/bench/two-groups-limit.json
 * (two groups, two holdings, a limit over bands and a daily allowance, each claimant's X and D
 * drawn together): target ≥ 150 M claimant draws/s on one worker. Also prints the accuracy checks the fast method
 * must pass: simulated mean against the exact expectation (in standard errors).
 * Then the whole-process figures (wholeProcess.ts): bare node, validate, benefit, simulate (fft, and
 * Monte Carlo at 100 and 10,000 iterations on the scenario and on a heavy tail), and every bundled
 * scenario's sampling-table build. `--whole` prints only those; `--mc` only the two one-worker Monte
 * Carlo figures (Hangzhou, then the `/2` scheme) with the CPU seconds they took, for a shared machine:
 * compare their ratio, which the load moves far less than either figure.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { payFast } from '../../src/benefits/fast.ts';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { CostRisk, Scenario } from '../../src/domain/scenario.ts';
import { planBlocks } from '../../src/engine/blocks.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { compilePlan } from '../../src/engine/plan.ts';
import { assemble } from '../../src/engine/simulate.ts';
import { benchExact } from '../../src/engine/fft/benchExact.ts';
import { randomLognormal } from '../../src/random/lognormal.ts';
import { randomPoisson } from '../../src/random/poisson.ts';
import { createStream } from '../../src/random/source.ts';
import { nodeThreadsRunner } from '../../src/runners/nodeThreads.ts';
import { meanSd } from '../../src/stats/moments.ts';
import { totalMembers } from '../../src/domain/defaults.ts';
import { tableBench, wholeProcessBench } from './wholeProcess.ts';

const wholeOnly = process.argv.includes('--whole');
const mcOnly = process.argv.includes('--mc');
const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const file = positional[0] ?? 'scenarios/hangzhou-2015-old-table.json';
const iterations = Number(positional[1] ?? 10_000);
const HEAVY = 'test/bench/heavy-tail-steps.json';
const scenario = JSON.parse(readFileSync(file, 'utf8')) as Scenario;
const s = resolveScheme(scenario);
const cores = availableParallelism();
const fmt = (x: number) => `${(x / 1e6).toFixed(1)} M/s`;

if (wholeOnly) {
  wholeProcessBench(file, HEAVY);
  tableBench(['test/fixtures/heavy-tail/heavy-tail.json', HEAVY]);
  process.exit(0);
}

console.log(`huzhu bench — ${s.name}`);
console.log(
  `machine: ${cores} cores (${cpus()[0]?.model ?? 'unknown cpu'}), Node ${process.version}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`iterations: ${iterations.toLocaleString('en-US')}, seed "${s.simulation.seed}"`);

let t0 = performance.now();
const plan = compilePlan(s);
console.log(`plan (sampling tables): ${(performance.now() - t0).toFixed(0)} ms`);
const mu = expectedPayout(s).payout;

async function timed(workers: number) {
  const runner = nodeThreadsRunner(workers);
  const blocks = planBlocks(iterations);
  await runner.run(plan, 'warm-up', blocks.slice(0, workers)); // start the threads and JIT
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const results = await runner.run(plan, s.simulation.seed, blocks);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(cpu0);
  await runner.close();
  const claimants = results.reduce((a, r) => a + r.claimants, 0);
  const { totals } = assemble(results, iterations, s.benefits.length);
  return { seconds, cpu, claimants, totals };
}

/** CPU seconds of the whole process (the worker threads' included) since `from`. */
function cpuSeconds(from: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(from);
  return (user + system) / 1e6;
}

const one = await timed(1);
console.log(
  `pipeline, 1 worker:  ${one.claimants.toLocaleString('en-US')} claimants in ${one.seconds.toFixed(2)} s = ${fmt(one.claimants / one.seconds)} (${fmt(one.claimants / one.cpu)} per CPU second)`,
);
if (mcOnly) {
  const two = await timedScheme2();
  console.log(
    `/2 scheme, 1 worker: ${two.claimants.toLocaleString('en-US')} claimants in ${two.seconds.toFixed(2)} s = ${fmt(two.claimants / two.seconds)} (${fmt(two.claimants / two.cpu)} per CPU second); /2 ÷ Hangzhou ${(two.claimants / two.seconds / (one.claimants / one.seconds)).toFixed(2)} (per CPU second ${(two.claimants / two.cpu / (one.claimants / one.cpu)).toFixed(2)}); load ${loadavg()[0].toFixed(1)}`,
  );
  process.exit(0);
}
const all = await timed(cores);
console.log(
  `pipeline, ${cores} workers: ${all.claimants.toLocaleString('en-US')} claimants in ${all.seconds.toFixed(2)} s = ${fmt(all.claimants / all.seconds)} (${fmt(all.claimants / all.seconds / cores)} per core)`,
);

// The plain direct-sampling loop: draw each claimant's cost, evaluate the table, sum.
const risk = scenario.risks.find((r) => r.kind === 'cost') as CostRisk;
const benefit = s.benefits.find((b) => b.risk === risk.id && b.type === 'bands')!;
const pay = payFast(benefit);
const directIterations = Math.max(1, Math.round(iterations / 50));
const stream = createStream('direct', 0);
const draw =
  risk.cost.dist === 'lognormal' ? randomLognormal(stream.next)(risk.cost.mean, risk.cost.cv) : null;
if (draw) {
  const lambda = (risk.rate as number) * totalMembers(scenario.members);
  let n = 0,
    sum = 0;
  t0 = performance.now();
  for (let i = 0; i < directIterations; i++) {
    const k = randomPoisson(stream.next)(lambda)();
    for (let j = 0; j < k; j++) sum += pay(draw());
    n += k;
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `direct sampling loop, 1 thread: ${n.toLocaleString('en-US')} claimants in ${seconds.toFixed(2)} s = ${fmt(n / seconds)} (mean per iteration ${(sum / directIterations).toFixed(0)})`,
  );
}

const { mean, sd } = meanSd(one.totals);
const se = sd / Math.sqrt(iterations);
const same = one.totals.every((v, i) => v === all.totals[i]);
console.log(
  `exact expected payout ${mu.toFixed(2)}; simulated mean ${mean.toFixed(2)} (${((mean - mu) / se).toFixed(2)} standard errors); results identical for 1 and ${cores} workers: ${same}`,
);
// The exact method (FFT) against the same 10,000-iteration Monte Carlo with all workers.
const exact = benchExact(scenario, 30, 10);
console.log(
  `exact distribution (FFT): median ${exact.median.toFixed(2)} ms, min ${exact.min.toFixed(2)} ms, grid ${exact.gridSize} points — ${((all.seconds * 1000) / exact.median).toFixed(0)}× faster than the ${iterations.toLocaleString('en-US')}-iteration Monte Carlo on ${cores} workers (target ≥ 100×)`,
);
const target = 100e6;
const perCore = one.claimants / one.seconds;
console.log(
  `target ≥ ${fmt(target)} per core: ${perCore >= target ? 'met' : 'NOT met'} (${fmt(perCore)} with one worker)`,
);

// The /2 scheme: two groups, two holdings, a limit over bands and daily (issue 11: ≥ 150 M/s on one worker).
const { s2, seconds: seconds2, claimants: claimants2, results: results2 } = await timedScheme2();
const sample2 = meanSd(assemble(results2, iterations, s2.benefits.length).totals);
const mu2 = expectedPayout(s2).payout;
const target2 = 150e6;
const speed2 = claimants2 / seconds2;
console.log(
  `/2 scheme (${s2.name}), 1 worker: ${claimants2.toLocaleString('en-US')} claimants in ${seconds2.toFixed(2)} s = ${fmt(speed2)}; target ≥ ${fmt(target2)}: ${speed2 >= target2 ? 'met' : 'NOT met'}; mean ${sample2.mean.toFixed(2)} against exact ${mu2.toFixed(2)} (${((sample2.mean - mu2) / (sample2.sd / Math.sqrt(iterations))).toFixed(2)} standard errors); /2 ÷ Hangzhou ${(speed2 / (one.claimants / one.seconds)).toFixed(2)}; load ${loadavg()[0].toFixed(1)}`,
);

wholeProcessBench(file, HEAVY);
tableBench(['test/fixtures/heavy-tail/heavy-tail.json', HEAVY]);

/** The `/2` scheme's Monte Carlo on one worker thread, after a warm-up. */
async function timedScheme2() {
  const file2 = positional[2] ?? 'test/bench/two-groups-limit.json';
  const s2 = resolveScheme(JSON.parse(readFileSync(file2, 'utf8')) as Scenario);
  const plan2 = compilePlan(s2);
  const runner2 = nodeThreadsRunner(1);
  const blocks2 = planBlocks(iterations);
  await runner2.run(plan2, 'warm-up', blocks2.slice(0, 4));
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const results = await runner2.run(plan2, s2.simulation.seed, blocks2);
  const seconds = (performance.now() - start) / 1000;
  const cpu = cpuSeconds(cpu0);
  await runner2.close();
  const claimants = results.reduce((a, r) => a + r.claimants, 0);
  return { s2, seconds, cpu, claimants, results };
}
