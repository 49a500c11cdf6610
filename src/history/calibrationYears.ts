/**
 * The years a cost risk is calibrated to (`calibrateScenario`): the history rows that have
 * claimants and that the user chose, as { year, members, claimants, paid }. For a risk of women
 * only, the members are the women among them: members × femaleShare, rounded to a whole person
 * and at least 1 (claimants are counted among the women already). A row covering fewer than 12
 * months counts its members for those months only (members × months / 12, then as above), so
 * that the fitted claim rate is a year's. A row whose claimants are counted in 人次 (claims,
 * `counted.claimants: 'times'`) is left out: a claims count would be fitted as a claimant rate,
 * too high by the claims a claimant makes, with a benefit per claimant too low by as much.
 * @example calibrationYears([{ year: 2020, members: 1000, contributions: 1, payouts: 500, claimants: 40 }], new Set([2020]), 0.45)
 * // [{ year: 2020, members: 450, claimants: 40, paid: 500 }]
 */
import type { CalibrationYear } from './calibrate.ts';
import { claimsCounted, monthsOf, type HistoryRow } from './historyRow.ts';

export function calibrationYears(
  rows: readonly HistoryRow[],
  chosen: ReadonlySet<number>,
  femaleShare: number | null,
): CalibrationYear[] {
  return rows
    .filter((r) => r.claimants !== undefined && !claimsCounted(r) && chosen.has(r.year))
    .map((r) => ({
      year: r.year,
      members: exposure(r, femaleShare),
      claimants: r.claimants!,
      paid: r.payouts,
    }));
}

/** Members (or the women among them) for the months the row covers, a whole number ≥ 1. */
function exposure(r: HistoryRow, femaleShare: number | null): number {
  const months = monthsOf(r);
  if (femaleShare === null && months === 12) return r.members;
  return Math.max(1, Math.round((r.members * (femaleShare ?? 1) * months) / 12));
}
