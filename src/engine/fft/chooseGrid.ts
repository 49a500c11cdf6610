/**
 * The grid of the FFT: span h, size M (a power of two) and origin (a multiple of h), so that the
 * window [origin, origin + M·h) holds [lo, hi] — the Chernoff window outside which S has
 * negligible probability (chernoff.ts). The FFT computes the distribution modulo M·h, so the
 * window need not start at 0: a large scheme's total is far from 0 and the grid is spent where
 * the mass is.
 *
 * Span: the smallest that fits, h = (hi − lo)/(M − 2), unless the payments have a lattice
 * (lattice.ts) of span g ≥ that: then h = g/⌊g/h_min⌋ puts every lattice payment exactly on the
 * grid; and when every payment is on the lattice, h = g and M shrinks to the smallest power of
 * two that holds the window (no discretisation at all).
 */
export interface Grid {
  h: number;
  M: number;
  origin: number;
}

export function chooseGrid(
  lo: number,
  hi: number,
  size: number,
  lattice: number | null,
  allLattice: boolean,
  minSize = 64,
): Grid {
  const from = Math.max(0, lo);
  const width = Math.max(hi - from, lattice ?? 0, 1e-6 * Math.max(1, hi));
  const hMin = width / (size - 2);
  let h = hMin,
    M = size;
  if (lattice !== null && lattice >= hMin) {
    if (allLattice) {
      h = lattice;
      M = Math.max(minSize, 2 ** Math.ceil(Math.log2(width / h + 2)));
    } else {
      h = lattice / Math.floor(lattice / hMin);
    }
  }
  return { h, M, origin: h * Math.floor(from / h) };
}
