/**
 * The words of the report's verdict flags and the comparison's flags (src/domain/flags.ts), in
 * English and Chinese.
 * @example flagText('en', { code: 'large-surplus', params: { ratio: 0.5 } })
 * // 'expected payout is only 50.0% of net income: room to raise benefits or cut the contribution'
 */
import type { CompareFlag, CompareFlagParams, Flag, ReportFlagParams } from '../domain/flags.ts';
import { type Catalogue, type Lang, say, type Texts } from './catalogue.ts';
import { WARNING_TEXTS, type WarningParams } from './warnings.ts';

export type VerdictFlagParams = Omit<ReportFlagParams, keyof WarningParams>;

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${(Math.abs(x) * 100).toFixed(0)}%`;
const gap = (p: CompareFlagParams['payout-growth-outpaces-contributions']) =>
  ((p.payoutGrowth - p.incomeGrowth) * 100).toFixed(0);

export const VERDICT_FLAG_TEXTS: Catalogue<VerdictFlagParams> = {
  en: {
    'backstop-at-risk': (p) =>
      `the backstop is not enough in ${pct(p.prob)} of periods (more than ${pct(p.limit)})`,
    'large-surplus': (p) =>
      `expected payout is only ${pct(p.ratio)} of net income: room to raise benefits or cut the contribution`,
  },
  zh: {
    'backstop-at-risk': (p) => `有 ${pct(p.prob)} 的年份托底资金不足（超过 ${pct(p.limit)}）`,
    'large-surplus': (p) => `预期支出仅为净收入的 ${pct(p.ratio)}：可提高待遇或降低互助费`,
  },
};

export const COMPARE_FLAG_TEXTS: Catalogue<CompareFlagParams> = {
  en: {
    'payout-growth-outpaces-contributions': (p) =>
      `expected payout ${signed(p.payoutGrowth)} against income ${signed(p.incomeGrowth)} compared with the baseline: payouts grow ${gap(p)} percentage points faster`,
  },
  zh: {
    'payout-growth-outpaces-contributions': (p) =>
      `与基准相比，预期支出 ${signed(p.payoutGrowth)}，收入 ${signed(p.incomeGrowth)}：支出增速快 ${gap(p)} 个百分点`,
  },
};

/** Every code a report's flags may carry: the verdict's flags and the Monte Carlo warnings. */
export const REPORT_FLAG_TEXTS: Catalogue<ReportFlagParams> = {
  en: { ...VERDICT_FLAG_TEXTS.en, ...WARNING_TEXTS.en } satisfies Texts<ReportFlagParams>,
  zh: { ...VERDICT_FLAG_TEXTS.zh, ...WARNING_TEXTS.zh } satisfies Texts<ReportFlagParams>,
};

/** The words of a report's or a comparison's flag in `lang`. */
export function flagText(lang: Lang, f: Flag | CompareFlag): string {
  return f.code === 'payout-growth-outpaces-contributions'
    ? say(COMPARE_FLAG_TEXTS[lang], f)
    : say(REPORT_FLAG_TEXTS[lang], f);
}
