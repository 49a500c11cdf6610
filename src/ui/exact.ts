/**
 * The exact distribution (`simulateExact` in engine/simulate.ts, FFT), where the engine has it:
 * exact figures for the compare table's P(deficit) and the tornado of P(deficit). The function is
 * looked up at run time, so the workbench builds with or without it; a scenario it cannot handle
 * (it throws) gets no exact figure rather than an error.
 *
 * Each exact distribution takes milliseconds to a few hundred (a tornado needs thirteen), so these
 * run in a Web Worker (exact.worker.ts, reached through exactClient.ts), never on the page.
 * The exact report carries its figures where a Monte Carlo report does (`simulated.*`,
 * docs/cli.md, "simulate --json"); the method returns it as `{ report, aggregate }`.
 */
import * as simulateModule from '../engine/simulate.ts';
import type { Report } from '../domain/report.ts';
import type { Scenario } from '../domain/scenario.ts';
import { sensitivity, type Sensitivity } from '../engine/sensitivity.ts';
import { binPmf } from '../stats/binPmf.ts';
import { ExactRefusedError, type ExactRefusal } from '../engine/fft/exactAccuracy.ts';

/** What the method returns: `{ report }` (with the distribution beside it), or the report itself. */
type ExactResult = { report: Report } | Report;
type ExactFn = (s: Scenario) => ExactResult;

const found: unknown = Reflect.get(simulateModule, 'simulateExact');
const simulateExact: ExactFn | null = typeof found === 'function' ? (found as ExactFn) : null;

/** Whether the engine has an exact method. */
export const hasExact = simulateExact !== null;

/** The exact P(deficit) of a scenario; NaN when there is no exact method or it fails. */
export function exactProbDeficit(s: Scenario): number {
  if (!simulateExact) return NaN;
  try {
    const r = simulateExact(s);
    return ('report' in r ? r.report : r).simulated.probDeficit;
  } catch {
    return NaN;
  }
}

/** The sensitivity with the exact P(deficit) of every move; null without an exact method or when it fails. */
export function exactSensitivity(s: Scenario): Sensitivity | null {
  if (!simulateExact) return null;
  const result = sensitivity(s, exactProbDeficit);
  const all = [result.base, ...result.bars.flatMap((b) => [b.low, b.high])];
  return all.every((f) => Number.isFinite(f.probDeficit)) ? result : null;
}

export interface ExactPreview {
  probDeficit: number;
  p95: number;
  /** The exact distribution in about 40 equal bins over its 0.05%–99.95% range; counts in parts per million. */
  bins: { x0: number; x1: number; count: number }[];
}

/** The exact method's refusal of a scenario it cannot compute accurately (engine/fft/exactAccuracy.ts). */
export interface ExactRefused {
  refusal: ExactRefusal;
}

/**
 * The exact distribution for the editor's preview: P(deficit), p95 and binned probabilities; or
 * the method's refusal, which the preview shows instead of a chart.
 */
export function exactPreview(s: Scenario): ExactPreview | ExactRefused | null {
  if (!simulateExact) return null;
  try {
    const result = simulateExact(s) as {
      report: Report;
      aggregate?: { origin: number; h: number; pmf: Float64Array; cdf: Float64Array };
    };
    const report = 'report' in result ? result.report : (result as unknown as Report);
    const agg = result.aggregate;
    if (!agg) return null;
    const bins = binPmf(agg.origin, agg.h, agg.pmf, agg.cdf, { bins: 40, tail: 0.0005, scale: 1e6 });
    return { probDeficit: report.simulated.probDeficit, p95: report.simulated.quantiles.p95, bins };
  } catch (e) {
    return e instanceof ExactRefusedError ? { refusal: e.refusal } : null;
  }
}
