/**
 * The words of a command that could not finish, in English and Chinese: a simulation worker
 * that died twice on the same block (runners/pool.ts, `WorkerFailedError`), and the exact
 * method refusing a scenario it cannot compute accurately (engine/fft/exactAccuracy.ts,
 * `ExactRefusedError`). The command line prints one of these as its one line on stderr (exit 2,
 * docs/cli.md); the workbench shows the exact method's refusal in place of its preview chart.
 * @example failureText('en', { code: 'worker-failed', params: { blockStart: 250, attempts: 2, reason: 'the worker thread exited with code 3' } })
 * // 'a simulation worker thread stopped on the block from iteration 251 and again on a fresh thread (the worker thread exited with code 3): no result; the scenario is not at fault, try again'
 */
import type { ExactRefusal } from '../engine/fft/exactAccuracy.ts';
import { EXACT_TOLERANCE } from '../engine/fft/exactAccuracy.ts';
import { type Catalogue, type Lang, say, type Texts } from './catalogue.ts';

export interface FailureParams {
  /**
   * `blockStart`: first iteration (from 0) of the block, null when no block was running;
   * `attempts`: threads it killed; `reason`: the last death in the runner's words (English,
   * shown in the English text only, so that a Chinese line stays Chinese).
   */
  'worker-failed': { blockStart: number | null; attempts: number; reason: string };
  /** `hint`: where the words are shown, which says what to do instead. */
  'exact-refused': { refusal: ExactRefusal; hint: 'cli' | 'workbench' };
}

export type Failure = {
  [C in keyof FailureParams]: { code: C; params: FailureParams[C] };
}[keyof FailureParams];

const iteration = (start: number, locale: string) => (start + 1).toLocaleString(locale);
const money = (x: number) => `¥${Math.round(x).toLocaleString('en-US')}`;
/** A share as a percentage to two significant figures: 0.088156 → 8.8%, 1e-6 → 0.0001%. */
const pct = (x: number) => `${+(x * 100).toPrecision(2)}%`;
/** The quantile level as the report names it: 0.995 → p99.5. */
const level = (p: number) => `p${+(p * 100).toFixed(2)}`;

type RefusalParams = { [C in ExactRefusal['code']]: Extract<ExactRefusal, { code: C }>['params'] };

/** Why the exact method refused, without the advice. */
const REFUSAL_TEXTS: Catalogue<RefusalParams> = {
  en: {
    'mean-off': (p) =>
      `its distribution's mean (${money(p.mean)}) is ${pct(Math.abs(p.mean - p.expected) / p.expected)} off the exact expectation (${money(p.expected)}), more than ${pct(EXACT_TOLERANCE.mean)}: part of the payout lies beyond its grid (a tail too heavy for it, such as an uncapped cost with a Pareto tail)`,
    negative: (p) =>
      `its transform gave negative probabilities totalling ${p.mass.toExponential(1)} (round-off stays below ${EXACT_TOLERANCE.negative.toExponential(0)})`,
    'coarse-probability': (p) =>
      `its grid is too coarse for this distribution: ${p.which === 'deficit' ? 'P(deficit)' : 'P(backstop not enough)'} (payout above ${money(p.at)}) is uncertain by about ${pct(p.error)}, more than ${pct(EXACT_TOLERANCE.probability)}`,
    'coarse-quantile': (p) =>
      `its grid is too coarse for this distribution: ${level(p.level)} is uncertain by about ${money(p.error)}, more than ${pct(EXACT_TOLERANCE.quantile)} of the payout's spread (${money(p.scale)})`,
  },
  zh: {
    'mean-off': (p) =>
      `算得分布的均值（${money(p.mean)}）与精确期望（${money(p.expected)}）相差 ${pct(Math.abs(p.mean - p.expected) / p.expected)}，超过 ${pct(EXACT_TOLERANCE.mean)}：部分支出落在计算网格之外（尾部过重，例如不封顶的帕累托分布费用）`,
    negative: (p) =>
      `变换得出负概率，合计 ${p.mass.toExponential(1)}（舍入误差应低于 ${EXACT_TOLERANCE.negative.toExponential(0)}）`,
    'coarse-probability': (p) =>
      `计算网格对此分布过粗：${p.which === 'deficit' ? '出现亏损的概率' : '托底资金不足的概率'}（支出超过 ${money(p.at)}）的误差约 ${pct(p.error)}，超过 ${pct(EXACT_TOLERANCE.probability)}`,
    'coarse-quantile': (p) =>
      `计算网格对此分布过粗：分位数 ${level(p.level)} 的误差约 ${money(p.error)}，超过支出分布范围（${money(p.scale)}）的 ${pct(EXACT_TOLERANCE.quantile)}`,
  },
};

/** The reason of a refusal in words (for the workbench, which shows it in the preview). */
export function exactRefusalReason(lang: Lang, refusal: ExactRefusal): string {
  return say(REFUSAL_TEXTS[lang] as Texts<RefusalParams>, refusal);
}

export const FAILURE_TEXTS: Catalogue<FailureParams> = {
  en: {
    'worker-failed': (p) =>
      `a simulation worker thread stopped${p.blockStart === null ? '' : ` on the block from iteration ${iteration(p.blockStart, 'en-US')}`}${p.attempts > 1 ? ' and again on a fresh thread' : ''} (${p.reason}): no result; the scenario is not at fault, try again`,
    'exact-refused': (p) =>
      `the exact method (FFT) cannot compute this scenario accurately: ${exactRefusalReason('en', p.refusal)}; ${p.hint === 'cli' ? 'use the Monte Carlo (--method mc)' : 'the Monte Carlo run is not affected'}`,
  },
  zh: {
    'worker-failed': (p) =>
      `模拟的工作线程意外停止${p.blockStart === null ? '' : `（自第 ${iteration(p.blockStart, 'zh-CN')} 次模拟起的一组）`}${p.attempts > 1 ? '，换用新线程重试后再次停止' : ''}：未得到结果；方案文件没有问题，可以再试一次`,
    'exact-refused': (p) =>
      `精确方法（FFT）无法准确计算此方案：${exactRefusalReason('zh', p.refusal)}；${p.hint === 'cli' ? '请改用蒙特卡洛模拟（--method mc）' : '蒙特卡洛模拟不受影响'}`,
  },
};

export function failureText(lang: Lang, f: Failure): string {
  return say(FAILURE_TEXTS[lang], f);
}
