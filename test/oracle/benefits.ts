/**
 * The oracle's benefit formulas, each transcribed from docs/scenario-format.md ("benefits[]"), for
 * one claimant (cost risks: cost X, days D) or one member (event risks: paid events K), rounded
 * half up to the fen once, after the cap. The format computes in decimal; here the amount in fen
 * is first rounded to 6 decimals (which removes binary noise such as 20002.499999999996 for
 * 20002.5) and then rounded half up, which gives the decimal answer for every amount with at most
 * 6 significant decimals in fen.
 */
import type { OracleBenefit } from './scenario.ts';

/** Half up to the fen. */
export const toFen = (x: number): number => Math.floor(Number((x * 100).toFixed(6)) + 0.5) / 100;

/** min(cap, Σ_i rate_i × clamp(X − deductible − lower_i, 0, upTo_i − lower_i)). */
export function bandsPay(b: Extract<OracleBenefit, { type: 'bands' }>, x: number): number {
  let pay = 0;
  let lower = 0;
  for (const band of b.bands) {
    const upper = band.upTo ?? Infinity;
    const inBand = Math.min(Math.max(x - b.deductible - lower, 0), upper - lower);
    pay += band.rate * inBand;
    lower = upper;
  }
  return toFen(Math.min(b.cap, pay));
}

/** min(cap, perStep × floor((X − from)/step)) when X > from, else 0. */
export function stepsPay(b: Extract<OracleBenefit, { type: 'steps' }>, x: number): number {
  if (x <= b.from) return 0;
  return toFen(Math.min(b.cap, b.perStep * Math.floor((x - b.from) / b.step)));
}

/** perDay × min(D, maxDays). */
export function dailyPay(b: Extract<OracleBenefit, { type: 'daily' }>, d: number): number {
  return toFen(b.perDay * Math.min(d, b.maxDays));
}

/** min(cap, amount × K), K the member's paid events. */
export function lumpSumPay(b: Extract<OracleBenefit, { type: 'lump-sum' }>, k: number): number {
  return toFen(Math.min(b.cap, b.amount * k));
}
