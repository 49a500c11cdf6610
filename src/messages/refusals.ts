/**
 * The words of a refused run (src/engine/workBudget.ts: when a run is refused and which field it
 * names), in English and Chinese: one line `path: message`, as a validation problem is shown.
 * Figures in the en-US style in both languages.
 */
import type { Refusal, RefusalParams } from '../engine/workBudget.ts';
import { say, type Catalogue, type Lang } from './catalogue.ts';

const num = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
/** Work in units as 1.2e14, the way a reader compares orders of magnitude. */
const units = (x: number) => (x < 1e6 ? num(x) : x.toExponential(1).replace('e+', 'e'));

const WHAT_EN: Record<RefusalParams['period']['what'], (n: number) => string> = {
  claimants: (n) => `${num(n)} claimants a period to draw`,
  events: (n) => `${num(n)} event counts a member to follow each period`,
  table: (n) => `a sampling table of ${num(n)} pieces or values to build`,
  days: (n) => `a days table of ${num(n)} entries to build`,
  expectation: (n) => `an exact expectation of ${num(n)} terms to sum`,
};

const WHAT_ZH: Record<RefusalParams['period']['what'], (n: number) => string> = {
  claimants: (n) => `每期需抽取 ${num(n)} 名理赔人`,
  events: (n) => `每期每名会员需追踪 ${num(n)} 次事件计数`,
  table: (n) => `需构建含 ${num(n)} 段或个取值的抽样表`,
  days: (n) => `需构建含 ${num(n)} 项的住院天数表`,
  expectation: (n) => `精确期望需累加 ${num(n)} 项`,
};

/** The exact method describes a claimant's payment as a distribution: its pieces, values and days. */
const EXACT_EN: typeof WHAT_EN = {
  ...WHAT_EN,
  table: (n) => `a claimant's payment of ${num(n)} pieces or values to describe`,
  events: (n) => `the distribution of up to ${num(n)} events a period to compute (a per-member cap binds)`,
  days: (n) => `${num(n)} days to follow`,
};

const EXACT_ZH: typeof WHAT_ZH = {
  ...WHAT_ZH,
  table: (n) => `每名理赔人的给付需描述 ${num(n)} 段或个取值`,
  events: (n) => `需计算每期多达 ${num(n)} 次事件的分布（每人封顶生效）`,
  days: (n) => `需追踪 ${num(n)} 个住院天数`,
};

export const REFUSAL_TEXTS: Catalogue<RefusalParams> = {
  en: {
    iterations: (p) =>
      `this run would take about ${units(p.units)} units of work (${num(p.iterations)} iterations × ${num(p.years)} period(s)), more than the ${units(p.limit)} that finish within a minute: run at most ${num(p.maxIterations)} iterations`,
    years: (p) =>
      `this projection would take about ${units(p.units)} units of work (${num(p.years)} years at ${num(p.iterations)} iterations, its trends growing each year), more than the ${units(p.limit)} that finish within a minute: project at most ${num(p.maxYears)} years`,
    period: (p) =>
      `too large to compute: ${WHAT_EN[p.what](p.count)}, about ${units(p.units)} units of work in all, more than the ${units(p.limit)} that finish within a minute even at 100 iterations of one period`,
    exact: (p) =>
      `too large for the exact method: ${EXACT_EN[p.what](p.count)}, about ${units(p.units)} units of work, more than the ${units(p.limit)} that finish within a minute: use the Monte Carlo (--method mc)`,
  },
  zh: {
    iterations: (p) =>
      `本次运行约需 ${units(p.units)} 个工作单位（${num(p.iterations)} 次模拟 × ${num(p.years)} 期），超过一分钟内可完成的 ${units(p.limit)}：模拟次数请不超过 ${num(p.maxIterations)}`,
    years: (p) =>
      `本次多年预测约需 ${units(p.units)} 个工作单位（${num(p.years)} 年 × ${num(p.iterations)} 次模拟，趋势逐年放大），超过一分钟内可完成的 ${units(p.limit)}：预测年数请不超过 ${num(p.maxYears)}`,
    period: (p) =>
      `规模过大，无法计算：${WHAT_ZH[p.what](p.count)}，共约 ${units(p.units)} 个工作单位，即使只模拟一期 100 次也超过一分钟内可完成的 ${units(p.limit)}`,
    exact: (p) =>
      `规模过大，精确方法无法计算：${EXACT_ZH[p.what](p.count)}，约 ${units(p.units)} 个工作单位，超过一分钟内可完成的 ${units(p.limit)}：请改用蒙特卡洛方法（--method mc）`,
  },
};

/** The refusal as one line, `path: message`. */
export function refusalLine(lang: Lang, r: Refusal): string {
  return `${r.path}: ${say(REFUSAL_TEXTS[lang], r)}`;
}
