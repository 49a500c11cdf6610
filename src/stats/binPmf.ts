/**
 * A discretised distribution (a probability mass on the lattice origin + i·h, as the FFT
 * aggregate gives it) cut into `bins` equal bins for a chart, its far tails left out.
 *
 * Convention: the lattice point i stands for the cell [origin + (i − ½)h, origin + (i + ½)h).
 * The points kept run from the first with cdf ≥ `tail` to the last whose predecessor has
 * cdf ≤ 1 − `tail` (so the central 1 − 2·tail of the mass, give or take a cell). Their span is cut
 * into `bins` bins of equal width (at least h), starting half a cell below the first point kept;
 * each point adds `pmf[i] · scale` to the bin that holds it (the last bin also takes the top edge).
 * Empty bins are dropped. Cost O(pmf.length). Never throws; pmf and cdf are read, not changed.
 *
 * @example binPmf(0, 1, [0.1, 0.2, 0.3, 0.4], [0.1, 0.3, 0.6, 1], { bins: 2, tail: 0, scale: 1 })
 * // [{ x0: -0.5, x1: 1.5, count: 0.3 }, { x0: 1.5, x1: 3.5, count: 0.7 }]
 */
import type { HistogramBin } from './histogram.ts';

export interface BinPmfOptions {
  /** How many equal bins; default 40. */
  bins?: number;
  /** The mass left out in each tail; default 0.0005 (the 0.05%–99.95% range). */
  tail?: number;
  /** A factor on every count (1e6: parts per million); default 1. */
  scale?: number;
}

export function binPmf(
  origin: number,
  h: number,
  pmf: ArrayLike<number>,
  cdf: ArrayLike<number>,
  options: BinPmfOptions = {},
): HistogramBin[] {
  const n = options.bins ?? 40;
  const tail = options.tail ?? 0.0005;
  const scale = options.scale ?? 1;
  let lo = 0,
    hi = pmf.length - 1;
  while (lo < hi && cdf[lo] < tail) lo++;
  while (hi > lo && cdf[hi - 1] > 1 - tail) hi--;
  const width = Math.max(h, ((hi - lo + 1) * h) / n);
  const start = origin + lo * h - h / 2;
  const bins = Array.from({ length: n }, (_, i) => ({
    x0: start + i * width,
    x1: start + (i + 1) * width,
    count: 0,
  }));
  for (let i = lo; i <= hi; i++) {
    const b = Math.min(n - 1, Math.floor((origin + i * h - start) / width));
    bins[b].count += pmf[i] * scale;
  }
  return bins.filter((b) => b.count > 0);
}
