/**
 * The words of the Monte Carlo warnings (src/engine/warnings.ts: when each is raised), in
 * English and Chinese. Figures in the en-US style in both languages (¥1,234.5).
 */
import type { ReportFlagParams } from '../domain/flags.ts';
import type { WarningCode } from '../engine/warnings.ts';
import { WARNING_LIMITS } from '../engine/warnings.ts';
import type { Catalogue } from './catalogue.ts';

export type WarningParams = Pick<ReportFlagParams, WarningCode>;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits });
/** A gap in standard errors; null (a zero standard error) is infinitely many. */
const errors = (n: number | null) => (n === null ? '∞' : num(n, 1));
/** Ids are shown quoted; escaped so that a message stays on one line. */
const shown = (id: string) => JSON.stringify(id).slice(1, -1);
/** Iterations that put `tailPeriods` periods above p99.5. */
const tailIterations = () => num(WARNING_LIMITS.tailPeriods / 0.005);

export const WARNING_TEXTS: Catalogue<WarningParams> = {
  en: {
    'mc-standard-error-large': (p) =>
      p.mean === 0
        ? `no payout in any of the ${num(p.iterations)} simulated periods although ¥${num(p.expected, 2)} is expected: run more iterations`
        : `the Monte Carlo standard error (¥${num(p.standardError, 2)}) is ${pct(p.standardError / p.mean)} of the simulated mean: run more iterations`,
    'mc-mean-off': (p) =>
      `the simulated mean (¥${num(p.mean, 2)}) is ${errors(p.standardErrors)} standard errors from the exact expectation (¥${num(p.expected, 2)}): the sample misses part of the distribution (a heavy tail, or too few iterations)`,
    'heavy-tail': (p) =>
      'benefit' in p
        ? `benefit "${shown(p.benefit)}" has no cap under a Pareto cost of shape ${p.shape} (≤ 2): its variance is infinite, so the simulated mean, sd and high quantiles do not settle however many iterations are run`
        : `only ${num(p.above)} of ${num(p.iterations)} simulated periods lie above the 99.5% quantile: run at least ${tailIterations()} iterations for p99.5`,
    'few-claims': (p) =>
      `only ${num(p.claims, 1)} claims are expected per period: the payout is lumpy, and its quantiles and probabilities move in jumps`,
  },
  zh: {
    'mc-standard-error-large': (p) =>
      p.mean === 0
        ? `${num(p.iterations)} 次模拟中均无支出，而预期支出为 ¥${num(p.expected, 2)}：请增加模拟次数`
        : `蒙特卡洛标准误（¥${num(p.standardError, 2)}）为模拟均值的 ${pct(p.standardError / p.mean)}：请增加模拟次数`,
    'mc-mean-off': (p) =>
      `模拟均值（¥${num(p.mean, 2)}）与精确期望（¥${num(p.expected, 2)}）相差 ${errors(p.standardErrors)} 个标准误：样本未能覆盖分布的一部分（厚尾或模拟次数过少）`,
    'heavy-tail': (p) =>
      'benefit' in p
        ? `待遇 "${shown(p.benefit)}" 无封顶，而费用服从 shape 为 ${p.shape}（≤ 2）的 Pareto 分布：方差无穷大，模拟的均值、标准差和高分位数无论模拟多少次都不会稳定`
        : `${num(p.iterations)} 次模拟中只有 ${num(p.above)} 次高于 99.5% 分位数：估计 p99.5 至少需要 ${tailIterations()} 次模拟`,
    'few-claims': (p) =>
      `每期预期仅有 ${num(p.claims, 1)} 起理赔：支出分布呈跳跃状，分位数和概率会跳跃式变化`,
  },
};
