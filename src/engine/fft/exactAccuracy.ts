/**
 * Whether the exact (FFT) distribution is accurate enough to report, checked after the fact; a
 * distribution that fails is refused (`ExactRefusedError`), never reported. Four checks, the first
 * that fails names the refusal:
 *
 * | code                 | refused when                                                     | why it fails                    |
 * |----------------------|------------------------------------------------------------------|---------------------------------|
 * | `mean-off`           | |mean(S_h) − E[S]| > 1e-6·E[S]                                    | mass beyond the grid's top      |
 * | `negative`           | Σ negative probabilities from the inverse FFT > 1e-8             | the transform itself went wrong |
 * | `coarse-probability` | |P_h(S > x) − P_2h(S > x)| / 3 > 1e-4 at x = I − E or the threshold | the span h is too coarse        |
 * | `coarse-quantile`    | |Q_h(p) − Q_2h(p)| / 3 > 1e-3·max(Q_h(.995) − Q_h(.005), sd)      | the span h is too coarse        |
 *
 * Why each can fail: the mean-preserving discretisation keeps E[S_h] = E[S] up to the mass the
 * grid misplaces (≤ 1e-10) times its width, so a larger gap means the claims were truncated
 * where they still carry mean — an uncapped cost with a tail so heavy (Pareto shape near 1) that
 * the grid's top cuts off a visible share of E[S]. Round-off leaves negative values of about
 * 1e-17 per point (in all at most 4e-11 on the heavy tails tried, 1e-14 on scenarios/). The
 * grid's span is set so that the window holds all but 1e-10 of S, so with a heavy tail (Pareto
 * shape ≲ 3, lognormal σ ≳ 1.5, no cap) the window is many times the body of S and h is a
 * sizeable part of it: every claim is split between two far-apart grid points, which inflates
 * the body's spread. The Richardson estimates at 2h (the
 * coarse distribution exactAggregate computes for `estimated`) show it: the error at h is about
 * a third of the change from 2h to h. Tolerances: probabilities to 1e-4 (the summaries print
 * P(deficit) to 0.01%); quantiles to a thousandth of the distribution's 99% range. The bundled
 * scenarios pass with margins of 15× or more (largest: Jiaxing 2015, 6.5e-6 and 6.7e-5).
 *
 * An exact distribution (every payment on the grid) is checked only for its mean and negatives.
 *
 * `accurateAggregate` is exactAggregate with these checks: a distribution refused only for its
 * span (`coarse-*`) is computed once more on a grid of `FINE_GRID` = 2^18 points whatever the
 * variance rule says (the rule compares the rounding noise with Var S, which a heavy tail
 * inflates, so it accepts a span too coarse for the body); error ∝ h², so the estimated errors
 * fall about 16-fold. A scenario that still fails, or fails for its mean or negatives, is refused.
 * Cost of the second pass: about 0.2–0.7 s. Scenarios that pass at first (all in scenarios/) are
 * computed exactly as before.
 *
 * @example exactRefusal(exactAggregate(resolveScheme(heavyTail)), { points: [{ which: 'deficit', at: 12000 }], levels: [0.95] })
 * // { code: 'mean-off', params: { mean: 182368.7…, expected: 200000 } }
 */
import type { ResolvedScheme } from '../../domain/scheme.ts';
import { exactAggregate, type ExactAggregate, type ExactOptions } from './exactAggregate.ts';
import { quantileAt, survivalAt, type LatticeDistribution } from './latticeDistribution.ts';

export const EXACT_TOLERANCE = {
  /** |mean(S_h) − E[S]| / E[S]. */
  mean: 1e-6,
  /** Σ of the negative probabilities. */
  negative: 1e-8,
  /** Estimated error of a reported probability. */
  probability: 1e-4,
  /** Estimated error of a reported quantile, as a share of max(Q(.995) − Q(.005), sd). */
  quantile: 1e-3,
} as const;

/** The grid of the second pass (see above). */
export const FINE_GRID = 1 << 18;

export interface ExactRefusalParams {
  'mean-off': { mean: number; expected: number };
  negative: { mass: number };
  /**
   * `which`: P(deficit) (x = I − E) or P(beyond the backstop) (x = the threshold); `at`: x;
   * `error`: the estimated error of that probability.
   */
  'coarse-probability': { which: 'deficit' | 'beyond-backstop'; at: number; error: number };
  /** `level`: p of the quantile; `error`: its estimated error in yuan; `scale`: what it is measured against. */
  'coarse-quantile': { level: number; error: number; scale: number };
}

/** What the report reads from the distribution: P(S > x) at `points`, quantiles at `levels`. */
export interface ReportTargets {
  points: { which: 'deficit' | 'beyond-backstop'; at: number }[];
  levels: number[];
}

export type ExactRefusal = {
  [C in keyof ExactRefusalParams]: { code: C; params: ExactRefusalParams[C] };
}[keyof ExactRefusalParams];

/** Thrown by simulateExact when the distribution fails a check; `refusal` says which and by how much. */
export class ExactRefusedError extends Error {
  constructor(readonly refusal: ExactRefusal) {
    super(`the exact method refuses this scenario: ${refusal.code} ${JSON.stringify(refusal.params)}`);
    this.name = 'ExactRefusedError';
  }
}

/**
 * The first check the distribution fails, or null.
 */
export function exactRefusal(
  agg: Pick<ExactAggregate, 'mean' | 'sd' | 'expected' | 'negativeMass' | 'coarse'> & LatticeDistribution,
  { points, levels }: ReportTargets,
): ExactRefusal | null {
  const T = EXACT_TOLERANCE;
  if (!(Math.abs(agg.mean - agg.expected) <= T.mean * agg.expected))
    return { code: 'mean-off', params: { mean: agg.mean, expected: agg.expected } };
  if (!(agg.negativeMass <= T.negative)) return { code: 'negative', params: { mass: agg.negativeMass } };
  const coarse = agg.coarse;
  if (coarse === null) return null;
  for (const { which, at } of points) {
    const error = Math.abs(survivalAt(agg, at) - survivalAt(coarse, at)) / 3;
    if (error > T.probability) return { code: 'coarse-probability', params: { which, at, error } };
  }
  const scale = Math.max(quantileAt(agg, 0.995) - quantileAt(agg, 0.005), agg.sd);
  for (const level of levels) {
    const error = Math.abs(quantileAt(agg, level) - quantileAt(coarse, level)) / 3;
    if (error > T.quantile * scale) return { code: 'coarse-quantile', params: { level, error, scale } };
  }
  return null;
}

/**
 * exactAggregate, checked (exactRefusal) and, when refused for its span only, recomputed once on
 * `FINE_GRID` points; throws ExactRefusedError when it still fails. A caller's own `gridSize` is
 * kept (no second pass above it).
 */
export function accurateAggregate(
  s: ResolvedScheme,
  options: ExactOptions,
  targets: ReportTargets,
): ExactAggregate {
  const agg = exactAggregate(s, options);
  const refusal = exactRefusal(agg, targets);
  if (!refusal) return agg;
  const coarse = refusal.code === 'coarse-probability' || refusal.code === 'coarse-quantile';
  if (!coarse || options.gridSize !== undefined) throw new ExactRefusedError(refusal);
  const fine = exactAggregate(s, { ...options, gridSize: FINE_GRID, maxVarianceInflation: 0 });
  const again = exactRefusal(fine, targets);
  if (again) throw new ExactRefusedError(again);
  return fine;
}
