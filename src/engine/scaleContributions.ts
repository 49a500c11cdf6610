/**
 * Applying a new total contribution per member to the payers: every payer's amount scaled in
 * proportion, each to the fen, so that the amounts sum to the target exactly. Amounts in yuan,
 * computed in whole fen (integers), so no float residue reaches the draft.
 */

const toFen = (x: number) => Math.round(x * 100);

/**
 * The amounts scaled in proportion so that they sum to `target` exactly, each to the fen; the
 * rounding remainder goes to the largest amount. With no amounts to scale (all 0), the first
 * payer pays it all. Never throws; no payers gives no amounts.
 * @example scaleContributions([50, 10, 10, 30], 80) // [40, 8, 8, 24]
 */
export function scaleContributions(amounts: readonly number[], target: number): number[] {
  const want = toFen(target);
  const total = amounts.reduce((s, a) => s + toFen(a), 0);
  if (amounts.length === 0) return [];
  if (total === 0) return amounts.map((_, i) => (i === 0 ? want / 100 : 0));
  const fen = amounts.map((a) => Math.round((toFen(a) * want) / total));
  const largest = fen.indexOf(Math.max(...fen));
  fen[largest] += want - fen.reduce((s, a) => s + a, 0);
  return fen.map((f) => f / 100);
}

/** Whether two amounts in yuan are the same to the fen. */
export const sameFen = (a: number, b: number): boolean => toFen(a) === toFen(b);
