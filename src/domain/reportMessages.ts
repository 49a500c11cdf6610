/**
 * Texts of the report's flags, in English and Chinese (one place for every flag message).
 */
type Params = Record<string, number>;
const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;

const en: Record<string, (p: Params) => string> = {
  'backstop-at-risk': (p) => `the backstop is not enough in ${pct(p.prob)} of periods (more than ${pct(p.limit)})`,
  'large-surplus': (p) => `expected payout is only ${pct(p.ratio)} of net income: room to raise benefits or cut the contribution`,
};
const zh: Record<string, (p: Params) => string> = {
  'backstop-at-risk': (p) => `有 ${pct(p.prob)} 的年份托底资金不足（超过 ${pct(p.limit)}）`,
  'large-surplus': (p) => `预期支出仅为净收入的 ${pct(p.ratio)}：可提高待遇或降低互助费`,
};

export function flagMessage(code: string, params: Params, lang: 'en' | 'zh' = 'en'): string {
  const text = (lang === 'zh' ? zh : en)[code];
  return text ? text(params) : code;
}

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${(Math.abs(x) * 100).toFixed(0)}%`;

const compareEn: Record<string, (p: Params) => string> = {
  'payout-growth-outpaces-contributions': (p) =>
    `expected payout ${signed(p.payoutGrowth)} against income ${signed(p.incomeGrowth)} compared with the baseline: payouts grow ${((p.payoutGrowth - p.incomeGrowth) * 100).toFixed(0)} percentage points faster`,
};
const compareZh: Record<string, (p: Params) => string> = {
  'payout-growth-outpaces-contributions': (p) =>
    `与基准相比，预期支出 ${signed(p.payoutGrowth)}，收入 ${signed(p.incomeGrowth)}：支出增速快 ${((p.payoutGrowth - p.incomeGrowth) * 100).toFixed(0)} 个百分点`,
};

export function compareMessage(code: string, params: Params, lang: 'en' | 'zh' = 'en'): string {
  const text = (lang === 'zh' ? compareZh : compareEn)[code];
  return text ? text(params) : code;
}
