/**
 * Figures as the history messages write them, one convention for every message:
 * growth as a signed whole percentage (`+168%`, `−64%`, U+2212 for the minus as in
 * domain/format.ts), ratios as whole percentages (`142%`), counts with thousands separators
 * (`332,874`), money through `formatYuan` (`¥4.02 M`, `¥402万`), averages written out to the yuan (`¥8,296`), rates
 * per 100 members with two decimals (`4.27`). Pure; no locale of the machine is consulted.
 * @example signedPercent(1.68) // '+168%'
 * @example signedPercent(-0.6401) // '−64%'
 */
import { formatYuan, type Lang } from '../domain/format.ts';

const grouped = (x: number, digits = 0) =>
  x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A growth rate as a signed whole percentage: 1.68 → `+168%`. */
export function signedPercent(g: number): string {
  const p = Math.sign(g) * Math.round(Math.abs(g) * 100); // halves away from zero: −62.5% → −63%
  return p < 0 ? `−${grouped(-p)}%` : `+${grouped(p)}%`;
}

/** A ratio as a whole percentage: 1.4204 → `142%`. */
export function percent(r: number): string {
  return `${grouped(Math.round(r * 100))}%`;
}

/** A count: 332874 → `332,874`. */
export function count(n: number): string {
  return grouped(n, Number.isInteger(n) ? 0 : 1);
}

/** An amount of money in the message's language. */
export function yuan(x: number, lang: Lang): string {
  return formatYuan(x, lang);
}

/** An amount written out in full, to the fen when it has fen: 8545000 → `¥8,545,000`. */
export function exactYuan(x: number): string {
  return `¥${grouped(x, Number.isInteger(x) ? 0 : 2)}`;
}

/** An average amount, to the yuan and written out (an average is read digit by digit): 109555.6 → `¥109,556`. */
export function average(x: number, _lang?: Lang): string {
  return `¥${grouped(Math.round(x))}`;
}

/** A per-member amount to the fen: 83.3645 → `¥83.36`. */
export function perMember(x: number): string {
  return `¥${grouped(x, 2)}`;
}

/** A rate per member as claimants per 100 members: 0.04267 → `4.27`. */
export function per100(rate: number): string {
  return grouped(rate * 100, 2);
}

/** A factor: 9.1677 → `9.2`. */
export function times(f: number): string {
  return grouped(f, 1);
}

/** Percentage points: 1.37 → `137`. */
export function points(d: number): string {
  return grouped(Math.round(d * 100));
}
