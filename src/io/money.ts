/**
 * Money in a scenario file: yuan, at least 0, at most `MAX_MONEY`, with at most 2 decimals.
 *
 * "At most 2 decimals" is decided on the binary float the file's text became, so it must not
 * ask `v * 100` to be an exact integer (`0.3 * 100` is `30.000000000000004`). `v` passes when it
 * lies within 4 ulps of `round(100 v) / 100`: a parsed "0.3" or "999999999999.99" is exactly
 * that number and passes; "1000.005" (0.005 away) and "0.001" fail; a sum a JS caller computed
 * (`0.1 + 0.2`) passes too.
 *
 * @example hasAtMostTwoDecimals(0.3) // true
 * @example hasAtMostTwoDecimals(1000.005) // false
 */

/** The largest amount any money field may hold (one trillion yuan): a typo guard, not a policy. */
export const MAX_MONEY = 1e12;

export function hasAtMostTwoDecimals(v: number): boolean {
  if (!Number.isFinite(v)) return false;
  const nearest = Math.round(v * 100) / 100;
  return Math.abs(v - nearest) <= 4 * Number.EPSILON * Math.max(1, Math.abs(v));
}
