/**
 * What one benefit pays a holder of k shares at one cost, days or event count, exact to the fen
 * (decimal.js: a figure a person checks):
 *
 *   pays = min(f_b · b(v), f_l · cap_l)    f_b = k when the benefit pays per share, else 1;
 *                                          f_l = k when its limit is per share, else 1
 *
 * b(v) is the one-share amount to the fen (payExact; the benefit's own cap is per share, and
 * rounding happens on the one-share amount, as the format says); the min applies only when the
 * benefit is under a limit (`/2`), whose cap the claimant's other benefits share: alone, this
 * benefit pays at most that cap. k = 1 is what a `/1` file, or a member with one share, is paid.
 * @example sharesPayout(wenzhouLike, bigBill, '200000', 2).pays // 55200 where one share pays 27600
 */
import Decimal from 'decimal.js';
import { payExact } from '../benefits/exact.ts';
import type { Benefit, Scenario } from '../domain/scenario.ts';

export interface SharesPayout {
  pays: number;
  /** The limit the benefit is under, its cap for k shares. */
  limit?: { id: string; cap: number };
}

export function sharesPayout(scenario: Scenario, b: Benefit, at: string, k: number): SharesPayout {
  const own = payExact(b, at).times(b.perShare ? k : 1);
  const l = scenario.limits?.find((x) => x.benefits.includes(b.id));
  if (!l) return { pays: own.toNumber() };
  const cap = new Decimal(String(l.cap)).times(l.perShare ? k : 1);
  return { pays: Decimal.min(own, cap).toNumber(), limit: { id: l.id, cap: cap.toNumber() } };
}
