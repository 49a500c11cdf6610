/** The scenario files in scenarios/, read and validated (every one is a test fixture). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../src/domain/scenario.ts';
import { loadScenarioText } from '../../src/io/loadScenario.ts';
import { problemLines } from './worded.ts';

export const SCENARIO_DIR = join(import.meta.dirname, '../../scenarios');

export function scenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function readScenarioFile(file: string): Scenario {
  const loaded = loadScenarioText(readFileSync(join(SCENARIO_DIR, file), 'utf8'));
  if (!loaded.ok) throw new Error(`${file}: ${problemLines(loaded.problems)}`);
  return loaded.scenario;
}

/** Two-sample Kolmogorov–Smirnov statistic sup |F_a − F_b| (samples are sorted in place). */
export function ksTwoSample(a: Float64Array, b: Float64Array): number {
  a.sort();
  b.sort();
  let i = 0,
    j = 0,
    d = 0;
  while (i < a.length && j < b.length) {
    const x = Math.min(a[i], b[j]);
    while (i < a.length && a[i] <= x) i++;
    while (j < b.length && b[j] <= x) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  return d;
}

/** The KS critical value at level α for samples of sizes n and m: c(α)·√((n + m)/(n·m)). */
export function ksCritical(n: number, m: number, alpha = 0.001): number {
  return Math.sqrt(-0.5 * Math.log(alpha / 2)) * Math.sqrt((n + m) / (n * m));
}
