/**
 * Amounts and shares for people: Chinese reads large sums in 万 (10^4) and 亿 (10^8)
 * (¥1,535万, ¥2.27亿), English in thousands and millions (¥15.35 M, ¥25.9 k).
 * Pure functions, used by the CLI summary and the workbench alike.
 * @example formatYuan(15_350_000, 'zh') // '¥1,535万'
 * @example formatYuan(227_000_000, 'zh') // '¥2.27亿'
 * @example formatYuan(15_350_000, 'en') // '¥15.35 M'
 */
export type Lang = 'zh' | 'en';

const grouped = (x: number, digits: number) =>
  x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A scaled amount: whole units from 100 up, otherwise up to two decimals without trailing zeros. */
function scaled(x: number): string {
  if (Math.abs(x) >= 100) return grouped(Math.round(x), 0);
  return grouped(x, 2).replace(/\.?0+$/, '');
}

export function formatYuan(x: number, lang: Lang): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : x < 0 ? '−∞' : '—';
  const sign = x < 0 ? '−' : '';
  const abs = Math.abs(x);
  if (lang === 'zh') {
    if (abs >= 1e8) return `${sign}¥${scaled(abs / 1e8)}亿`;
    if (abs >= 1e4) return `${sign}¥${scaled(abs / 1e4)}万`;
    return `${sign}¥${grouped(abs, abs % 1 === 0 ? 0 : 2)}`;
  }
  if (abs >= 1e9) return `${sign}¥${scaled(abs / 1e9)} bn`;
  if (abs >= 1e6) return `${sign}¥${scaled(abs / 1e6)} M`;
  if (abs >= 1e4) return `${sign}¥${scaled(abs / 1e3)} k`;
  return `${sign}¥${grouped(abs, abs % 1 === 0 ? 0 : 2)}`;
}

/** A per-member amount, always to the fen: ¥36.00. */
export function formatPerMember(x: number): string {
  return `¥${grouped(x, 2)}`;
}

export function formatPercent(x: number, digits = 1): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : '—';
}
