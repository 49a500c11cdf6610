/**
 * Maximum-likelihood fits of claim-level costs (each claimant's self-paid cost, yuan) to the
 * three continuous families of the scenario format, ranked by AIC:
 *
 *   lognormal (closed form, fitLognormal.ts) · gamma (Newton on the shape, fitGamma.ts) ·
 *   Pareto II / Lomax (profile likelihood over the scale, fitLomax.ts)
 *
 * Each fit carries its `CostDist` in the scenario's parametrisation (lognormal and gamma by mean
 * and cv, Pareto by scale and shape), its own parameters, the log-likelihood, AIC and ΔAIC (to
 * the best), the Kolmogorov–Smirnov distance, QQ points for a chart (goodnessOfFit.ts), whether
 * its mean exists (a Pareto shape ≤ 1 has none) and notes in words. The three have two
 * parameters each, so AIC ranks them as the likelihood does.
 *
 * Input: at least 10 costs, each finite and > 0 (a zero cost is no claim; fit the claimants who
 * paid something). Problems are located as `costs[3]`, every one at once (the first 100, then a
 * count). Never throws.
 * @example fitClaims(costs).fits[0].family // 'lognormal' for lognormal data
 */
import type { CostDist } from '../domain/scenario.ts';
import { summarise } from './claimSample.ts';
import { fitGamma } from './fitGamma.ts';
import { fitLognormal, type FamilyFit } from './fitLognormal.ts';
import { fitLomax } from './fitLomax.ts';
import { aic, ksDistance, qqPoints, type QqPoint } from './goodnessOfFit.ts';
import { historyMessage as msg, type HistoryMessage, type HistoryProblem } from './messages.ts';

export type Family = 'lognormal' | 'gamma' | 'pareto';

export interface ClaimFit {
  family: Family;
  dist: CostDist;
  params: Record<string, number>;
  logLik: number;
  aic: number;
  deltaAic: number;
  ks: number;
  qq: QqPoint[];
  meanExists: boolean;
  notes: HistoryMessage[];
}

export interface ClaimFits {
  ok: true;
  n: number;
  /** Best (smallest AIC) first. */
  fits: ClaimFit[];
  /** 1.36/√n: the 5% critical value of a KS test with known parameters (a conservative yardstick). */
  ksReference: number;
}

export type FitClaimsResult = ClaimFits | { ok: false; problems: HistoryProblem[] };

export const MIN_CLAIMS = 10;
const MAX_LISTED_PROBLEMS = 100;

export function fitClaims(costs: ArrayLike<number>, options: { qqPoints?: number } = {}): FitClaimsResult {
  const problems: HistoryProblem[] = [];
  let bad = 0;
  for (let i = 0; i < costs.length; i++) {
    const v = costs[i];
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) continue;
    if (++bad <= MAX_LISTED_PROBLEMS) problems.push({ at: { path: `costs[${i}]` }, ...msg('positive') });
  }
  if (bad > MAX_LISTED_PROBLEMS)
    problems.push({ at: { path: 'costs' }, ...msg('moreProblems', { count: bad - MAX_LISTED_PROBLEMS }) });
  if (costs.length < MIN_CLAIMS)
    problems.push({ at: { path: 'costs' }, ...msg('tooFewValues', { min: MIN_CLAIMS, got: costs.length }) });
  if (problems.length) return { ok: false, problems };
  const sample = summarise(costs);
  if (sample.sorted[0] === sample.sorted[sample.n - 1])
    return { ok: false, problems: [{ at: { path: 'costs' }, ...msg('fitAllEqual') }] };

  const raw: [Family, FamilyFit][] = [
    ['lognormal', fitLognormal(sample)],
    ['gamma', fitGamma(sample)],
    ['pareto', fitLomax(sample)],
  ];
  const fits = raw
    .map(([family, f]): ClaimFit => {
      const meanExists = f.dist.dist !== 'pareto' || f.dist.shape > 1;
      return {
        family,
        dist: f.dist,
        params: f.params,
        logLik: f.logLik,
        aic: aic(f.logLik),
        deltaAic: 0,
        ks: ksDistance(sample.sorted, f.dist),
        qq: qqPoints(sample.sorted, f.dist, options.qqPoints),
        meanExists,
        notes: f.notes.map((key) =>
          key === 'fitNoMean' && f.dist.dist === 'pareto'
            ? msg('fitNoMean', { shape: f.dist.shape })
            : msg('fitExponentialLimit'),
        ),
      };
    })
    .sort((a, b) => a.aic - b.aic);
  for (const f of fits) f.deltaAic = f.aic - fits[0].aic;
  return { ok: true, n: sample.n, fits, ksReference: 1.36 / Math.sqrt(sample.n) };
}
