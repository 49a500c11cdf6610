/**
 * Timing of the exact method for benchmarks (test/bench and the CLI's speed figures):
 * `simulateExact` run `warmUp` times untimed (JIT, FFT tables), then `runs` times, timed with
 * performance.now(). Reports the minimum (least disturbed by other load) and the median, in ms.
 *
 * @example benchExact(scenario).median // ≈ 3 ms for Hangzhou 2016 on one core
 */
import type { Scenario } from '../../domain/scenario.ts';
import { simulateExact } from '../simulate.ts';

export interface ExactBench {
  min: number;
  median: number;
  runs: number;
  gridSize: number;
}

export function benchExact(s: Scenario, runs = 50, warmUp = 10): ExactBench {
  let gridSize = 0;
  for (let i = 0; i < warmUp; i++) simulateExact(s);
  const times = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const { aggregate } = simulateExact(s);
    times[i] = performance.now() - t;
    gridSize = aggregate.gridSize;
  }
  times.sort();
  return { min: times[0], median: times[runs >> 1], runs, gridSize };
}
