/**
 * The computed distribution of S_h on its grid and how figures are read from it.
 *
 *   P(S_h = origin + i·h) = pmf[i],   cdf[i] = Σ_{j ≤ i} pmf[j]  (Kahan's running sums,
 *   stats/numerics/kahanCumulative.ts)
 *
 * Two conventions, by whether the discretisation was exact:
 * - `lattice` (every payment on the grid, so S itself lives on the grid): the step distribution
 *   function; the p-quantile is the smallest grid point x with F(x) ≥ p, and P(S > x) sums
 *   the grid points strictly above x.
 * - otherwise S is (close to) continuous and pmf[i] stands for the mass of the cell
 *   [x_i − h/2, x_i + h/2) (the mean-preserving discretisation makes F_h(x_i) ≈ F(x_i + h/2)):
 *   F is piecewise linear through (x_i + h/2, cdf[i]); quantiles interpolate linearly within a
 *   cell, Q(p) = x_i − h/2 + h·(p − cdf[i−1])/pmf[i] for the first i with cdf[i] ≥ p (at least 0),
 *   and P(S > x) = 1 − F(x).
 */
export interface LatticeDistribution {
  origin: number;
  h: number;
  pmf: Float64Array;
  cdf: Float64Array;
  lattice: boolean;
}

/** The first index i with cdf[i] ≥ p (the last index when none). */
function firstAtLeast(cdf: Float64Array, p: number): number {
  let lo = 0,
    hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] >= p) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The smallest grid point x with F_h(x) ≥ p (the step distribution of S_h). */
export function stepQuantile(d: LatticeDistribution, p: number): number {
  return d.origin + firstAtLeast(d.cdf, p) * d.h;
}

/** The p-quantile under the distribution's convention (see above). */
export function quantileAt(d: LatticeDistribution, p: number): number {
  const i = firstAtLeast(d.cdf, p);
  if (d.lattice) return d.origin + i * d.h;
  const before = i > 0 ? d.cdf[i - 1] : 0;
  const inCell = d.pmf[i] > 0 ? Math.min(1, Math.max(0, (p - before) / d.pmf[i])) : 1;
  return Math.max(0, d.origin + (i - 0.5 + inCell) * d.h);
}

/** P(S > x) under the distribution's convention. */
export function survivalAt(d: LatticeDistribution, x: number): number {
  const n = d.cdf.length;
  const u = (x - d.origin) / d.h;
  if (d.lattice) {
    const i = Math.floor(u + 1e-9);
    return i < 0 ? 1 : i >= n ? 0 : Math.max(0, 1 - d.cdf[i]);
  }
  const t = u + 0.5;
  const i = Math.floor(t);
  if (i < 0) return 1;
  if (i >= n) return 0;
  const F = (i > 0 ? d.cdf[i - 1] : 0) + (t - i) * d.pmf[i];
  return Math.max(0, 1 - F);
}

/**
 * Mean and standard deviation of S_h: Σ x·p and √(Σ (x − mean)²·p / Σ p), in one pass about
 * `centre` (grid units; a prior guess of the mean keeps the shifted sums free of cancellation).
 */
export function latticeMoments(d: LatticeDistribution, centre = 0): { mean: number; sd: number } {
  let m0 = 0,
    m1 = 0,
    m2 = 0;
  for (let i = 0; i < d.pmf.length; i++) {
    const p = d.pmf[i],
      u = i - centre;
    m0 += p;
    m1 += u * p;
    m2 += u * u * p;
  }
  const shift = m1 / m0;
  return {
    mean: d.origin * m0 + d.h * (m1 + centre * m0),
    sd: d.h * Math.sqrt(Math.max(0, m2 / m0 - shift * shift)),
  };
}
