/**
 * Warnings about Monte Carlo results that cannot be trusted as they stand, collected as values
 * (`{ code, message }`, like the report's flags) so that the report, the CLI and the workbench can
 * show them and tests can assert them:
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
 * Messages in English and Chinese (`WARNING_MESSAGES`, one place for both, to join
 * domain/reportMessages.ts when the warnings are wired into the report's flags).
 *
 * @example monteCarloWarnings(report, scenario).map((w) => w.code) // ['heavy-tail', 'mc-mean-off']
 */
import { maximumPayment } from '../benefits/exact.ts';
import { resolveScenario } from '../domain/defaults.ts';
import type { Flag, Report } from '../domain/report.ts';
import type { ResolvedScenario, Scenario } from '../domain/scenario.ts';
import { riskMembers } from './expected.ts';
import { waitingFactor } from './expectedBenefit.ts';

export type WarningCode = 'mc-standard-error-large' | 'mc-mean-off' | 'heavy-tail' | 'few-claims';

export interface Warning extends Flag {
  code: WarningCode;
}

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

type Lang = 'en' | 'zh';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits });

interface WarningParams {
  'mc-standard-error-large': { standardError: number; mean: number; expected: number; iterations: number };
  'mc-mean-off': { mean: number; expected: number; standardErrors: number };
  'heavy-tail': { benefit: string; shape: number } | { above: number; iterations: number };
  'few-claims': { claims: number };
}

type Texts = { [C in WarningCode]: (p: WarningParams[C]) => string };

const en: Texts = {
  'mc-standard-error-large': (p) => p.mean === 0
    ? `no payout in any of the ${num(p.iterations)} simulated periods although ¥${num(p.expected, 2)} is expected: run more iterations`
    : `the Monte Carlo standard error (¥${num(p.standardError, 2)}) is ${pct(p.standardError / p.mean)} of the simulated mean: run more iterations`,
  'mc-mean-off': (p) =>
    `the simulated mean (¥${num(p.mean, 2)}) is ${num(p.standardErrors, 1)} standard errors from the exact expectation (¥${num(p.expected, 2)}): the sample misses part of the distribution (a heavy tail, or too few iterations)`,
  'heavy-tail': (p) => 'benefit' in p
    ? `benefit "${p.benefit}" has no cap under a Pareto cost of shape ${p.shape} (≤ 2): its variance is infinite, so the simulated mean, sd and high quantiles do not settle however many iterations are run`
    : `only ${num(p.above)} of ${num(p.iterations)} simulated periods lie above the 99.5% quantile: run at least ${num(WARNING_LIMITS.tailPeriods / 0.005)} iterations for p99.5`,
  'few-claims': (p) =>
    `only ${num(p.claims, 1)} claims are expected per period: the payout is lumpy, and its quantiles and probabilities move in jumps`,
};

const zh: Texts = {
  'mc-standard-error-large': (p) => p.mean === 0
    ? `${num(p.iterations)} 次模拟中均无支出，而预期支出为 ¥${num(p.expected, 2)}：请增加模拟次数`
    : `蒙特卡洛标准误（¥${num(p.standardError, 2)}）为模拟均值的 ${pct(p.standardError / p.mean)}：请增加模拟次数`,
  'mc-mean-off': (p) =>
    `模拟均值（¥${num(p.mean, 2)}）与精确期望（¥${num(p.expected, 2)}）相差 ${num(p.standardErrors, 1)} 个标准误：样本未能覆盖分布的一部分（厚尾或模拟次数过少）`,
  'heavy-tail': (p) => 'benefit' in p
    ? `待遇 "${p.benefit}" 无封顶，而费用服从 shape 为 ${p.shape}（≤ 2）的 Pareto 分布：方差无穷大，模拟的均值、标准差和高分位数无论模拟多少次都不会稳定`
    : `${num(p.iterations)} 次模拟中只有 ${num(p.above)} 次高于 99.5% 分位数：估计 p99.5 至少需要 ${num(WARNING_LIMITS.tailPeriods / 0.005)} 次模拟`,
  'few-claims': (p) => `每期预期仅有 ${num(p.claims, 1)} 起理赔：支出分布呈跳跃状，分位数和概率会跳跃式变化`,
};

export const WARNING_MESSAGES = { en, zh } as const;

function warning<C extends WarningCode>(code: C, params: WarningParams[C], lang: Lang): Warning {
  return { code, message: WARNING_MESSAGES[lang][code](params) };
}

/** Ids are shown quoted; escaped so that a message stays on one line. */
const shown = (id: string) => JSON.stringify(id).slice(1, -1);

export function monteCarloWarnings(report: Report, scenario: Scenario | ResolvedScenario, lang: Lang = 'en'): Warning[] {
  const s = 'format' in scenario ? resolveScenario(scenario) : scenario;
  const out: Warning[] = [];
  if (report.method === 'mc') {
    out.push(...samplingWarnings(report, lang));
    out.push(...heavyTailWarnings(report, s, lang));
  }
  const claims = expectedClaims(s);
  if (claims < WARNING_LIMITS.fewClaims) out.push(warning('few-claims', { claims }, lang));
  return out;
}

function samplingWarnings(report: Report, lang: Lang): Warning[] {
  const { mean, standardError } = report.simulated;
  const expected = report.expected.payout;
  const out: Warning[] = [];
  if ((mean === 0 && expected > 0) || standardError > WARNING_LIMITS.relativeStandardError * mean) {
    out.push(warning('mc-standard-error-large', { standardError, mean, expected, iterations: report.iterations }, lang));
  }
  // One fen for the rounding of both figures, and the float rounding of very large sums.
  const gap = Math.abs(mean - expected);
  const slack = 0.01 + 1e-12 * Math.abs(expected);
  if (gap > WARNING_LIMITS.meanOffStandardErrors * standardError + slack) {
    const standardErrors = standardError > 0 ? gap / standardError : Infinity;
    out.push(warning('mc-mean-off', { mean, expected, standardErrors }, lang));
  }
  return out;
}

function heavyTailWarnings(report: Report, s: ResolvedScenario, lang: Lang): Warning[] {
  const out: Warning[] = [];
  const risks = new Map(s.risks.map((r) => [r.id, r]));
  for (const b of s.benefits) {
    const risk = risks.get(b.risk);
    if (!risk || risk.kind !== 'cost' || risk.cost.dist !== 'pareto') continue;
    if (risk.cost.shape > WARNING_LIMITS.paretoInfiniteVariance || (b.type !== 'bands' && b.type !== 'steps')) continue;
    if (riskMembers(s, risk) === 0 || maximumPayment(b) !== Infinity) continue;
    out.push(warning('heavy-tail', { benefit: shown(b.id), shape: risk.cost.shape }, lang));
  }
  // Periods above the 99.5% quantile: iterations × 0.005.
  const above = 0.005 * report.iterations;
  if (above < WARNING_LIMITS.tailPeriods) out.push(warning('heavy-tail', { above: Math.floor(above), iterations: report.iterations }, lang));
  return out;
}

/**
 * Claims expected per period: claimants of the cost risks, λ = rate·members(who), and events
 * of the event risks, rate·members(who)·w (w the least thinning of their lump sums); only risks
 * some benefit pays for.
 */
export function expectedClaims(s: ResolvedScenario): number {
  let claims = 0;
  for (const risk of s.risks) {
    const benefits = s.benefits.filter((b) => b.risk === risk.id);
    if (benefits.length === 0) continue;
    const thinning = risk.kind === 'cost'
      ? 1
      : Math.max(...benefits.map((b) => (b.type === 'lump-sum' ? waitingFactor(b, s.members.newShare) : 1)));
    claims += risk.rate * riskMembers(s, risk) * thinning;
  }
  return claims;
}
