/**
 * Lattices of payments, so that the grid span can be chosen to put lattice-valued payments
 * (steps, days × perDay, lump sums) exactly on grid points: money has at most two decimals,
 * so a set of payments lies on the lattice of span gcd(payments in fen) / 100.
 */

/** The span (yuan) of the coarsest lattice containing every value, or null when some value is not a whole number of fen. Zeros are ignored; all zeros give null. */
export function latticeOf(values: ArrayLike<number>): number | null {
  let g = 0;
  for (let i = 0; i < values.length; i++) {
    const fen = values[i] * 100;
    const whole = Math.round(fen);
    if (Math.abs(fen - whole) > 1e-6 * Math.max(1, Math.abs(fen))) return null;
    if (whole !== 0) g = gcd(g, Math.abs(whole));
  }
  return g === 0 ? null : g / 100;
}

/** The span of the coarsest lattice containing two lattices (null when either is absent). */
export function commonLattice(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  return gcd(Math.round(a * 100), Math.round(b * 100)) / 100;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
