/**
 * Warnings about Monte Carlo results that cannot be trusted as they stand, collected as values
 * (`{ code, params }`, like the report's flags; src/domain/flags.ts declares the params) so that
 * the report, the CLI and the workbench can show them and tests can assert them:
 *
 * | code                      | when                                                                   |
 * | mc-standard-error-large   | standardError > 1% of the simulated mean, or the simulated mean is 0   |
 * |                           | while the exact expectation is not                                     |
 * | mc-mean-off               | |mean − expected| > 4 standard errors (+ one fen for rounding)          |
 * | heavy-tail                | an uncapped cost benefit under a Pareto cost of shape ≤ 2 (its variance |
 * |                           | is infinite), or fewer than 10 simulated periods above p99.5           |
 * |                           | (iterations × 0.005 < 10: the quantile is a guess)                     |
 * | few-claims                | fewer than 30 claims (claimants and events) expected per period: the   |
 * |                           | payout is lumpy, its quantiles and probabilities move in jumps         |
 *
 * A report computed exactly (`method: 'fft'`) has no sampling error: only `few-claims` applies.
 * Their words, in English and Chinese, are in src/messages/warnings.ts.
 *
 * @example monteCarloWarnings(report, scenario).map((w) => w.code) // ['heavy-tail', 'mc-mean-off']
 */
import { maximumPayment } from '../benefits/exact.ts';
import { resolveScheme } from '../domain/defaults.ts';
import { flag, type Flag } from '../domain/flags.ts';
import type { Report } from '../domain/report.ts';
import type { Scenario } from '../domain/scenario.ts';
import type { ResolvedScheme } from '../domain/scheme.ts';
import { groupMembers, riskMembers } from './exposure.ts';
import { waitingFactor } from './expectedBenefit.ts';

export type WarningCode = 'mc-standard-error-large' | 'mc-mean-off' | 'heavy-tail' | 'few-claims';

export type Warning = Extract<Flag, { code: WarningCode }>;

/** The thresholds of the table above. */
export const WARNING_LIMITS = {
  /** Standard error as a share of the mean. */
  relativeStandardError: 0.01,
  /** |mean − expected| in standard errors. */
  meanOffStandardErrors: 4,
  /** A Pareto shape at or below this has an infinite variance. */
  paretoInfiniteVariance: 2,
  /** Simulated periods wanted above the 99.5% quantile. */
  tailPeriods: 10,
  /** Claims expected per period. */
  fewClaims: 30,
} as const;

export function monteCarloWarnings(report: Report, scenario: Scenario | ResolvedScheme): Warning[] {
  const s = 'format' in scenario ? resolveScheme(scenario) : scenario;
  const out: Warning[] = [];
  if (report.method === 'mc') {
    out.push(...samplingWarnings(report));
    out.push(...heavyTailWarnings(report, s));
  }
  const claims = expectedClaims(s);
  if (claims < WARNING_LIMITS.fewClaims) out.push(flag('few-claims', { claims }));
  return out;
}

function samplingWarnings(report: Report): Warning[] {
  const { mean, standardError } = report.simulated;
  const expected = report.expected.payout;
  const out: Warning[] = [];
  if ((mean === 0 && expected > 0) || standardError > WARNING_LIMITS.relativeStandardError * mean) {
    out.push(
      flag('mc-standard-error-large', { standardError, mean, expected, iterations: report.iterations }),
    );
  }
  // One fen for the rounding of both figures, and the float rounding of very large sums.
  const gap = Math.abs(mean - expected);
  const slack = 0.01 + 1e-12 * Math.abs(expected);
  if (gap > WARNING_LIMITS.meanOffStandardErrors * standardError + slack) {
    const standardErrors = standardError > 0 ? gap / standardError : null;
    out.push(flag('mc-mean-off', { mean, expected, standardErrors }));
  }
  return out;
}

function heavyTailWarnings(report: Report, s: ResolvedScheme): Warning[] {
  const out: Warning[] = [];
  const risks = new Map(s.risks.map((r) => [r.id, r]));
  for (const b of s.benefits) {
    const risk = risks.get(b.risk);
    if (!risk || risk.kind !== 'cost' || risk.cost.dist !== 'pareto') continue;
    if (risk.cost.shape > WARNING_LIMITS.paretoInfiniteVariance || (b.type !== 'bands' && b.type !== 'steps'))
      continue;
    if (riskMembers(s, risk) === 0 || maximumPayment(b) !== Infinity) continue;
    out.push(flag('heavy-tail', { benefit: b.id, shape: risk.cost.shape }));
  }
  // Periods above the 99.5% quantile: iterations × 0.005.
  const above = 0.005 * report.iterations;
  if (above < WARNING_LIMITS.tailPeriods)
    out.push(flag('heavy-tail', { above: Math.floor(above), iterations: report.iterations }));
  return out;
}

/**
 * Claims expected per period: claimants of the cost risks, λ = rate·members(who), and events
 * of the event risks, rate·members(who)·w (w the least thinning of their lump sums); only risks
 * some benefit pays for.
 */
export function expectedClaims(s: ResolvedScheme): number {
  let claims = 0;
  for (const risk of s.risks) {
    const benefits = s.benefits.filter((b) => b.risk === risk.id);
    if (benefits.length === 0) continue;
    let risky = 0;
    for (const g of s.groups) {
      if (!risk.groups.includes(g.id)) continue;
      const thinning =
        risk.kind === 'cost'
          ? 1
          : Math.max(...benefits.map((b) => (b.type === 'lump-sum' ? waitingFactor(b, g.newShare) : 1)));
      risky += risk.rates[g.id] * groupMembers(g, risk.who) * thinning;
    }
    claims += risky;
  }
  return claims;
}
