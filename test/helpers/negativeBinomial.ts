/**
 * Negative-binomial days (mean m, size r = m²/(var − m)) worked out independently of src/: where a
 * table of their pmf stops, by the pmf's own recurrence, and where the Chernoff bound on the tail
 * says it must have stopped, by scanning whole counts.
 */

/** r = m²/(var − m) of days of mean m and cv, var = (cv·m)². */
export const sizeOf = (m: number, cv: number): number => (m * m) / ((cv * m) ** 2 - m);

/**
 * Entries of a table that runs k = 0, 1, … and stops at the first k past the mean whose pmf is
 * below `eps` (or, with a `cdfFloor` above 0, where 1 − cdf falls below it): ln p(0) = r·ln(r/(m + r)),
 * p(k + 1) = p(k)·(k + r)/(k + 1)·m/(m + r), summed in logs.
 */
export function tableEntries(m: number, r: number, eps: number, cdfFloor = 0): number {
  const step = Math.log(m / (m + r));
  let lp = r * Math.log(r / (m + r));
  let cdf = 0;
  for (let k = 0; ; k++) {
    const p = Math.exp(lp);
    cdf += p;
    if ((cdfFloor > 0 && 1 - cdf < cdfFloor) || (k > m && p < eps)) return k + 1;
    lp += Math.log(k + r) - Math.log(k + 1) + step;
  }
}

/**
 * The smallest whole count k > m whose Chernoff rate I(k) = k·ln(k/m) + (k + r)·ln((m + r)/(k + r))
 * reaches L (P(K ≥ k) ≤ e^(−I(k))), plus 2: the entries a work estimate counts for a table that
 * stops where the pmf is below e^(−L).
 */
export function chernoffEntries(m: number, r: number, L: number): number {
  const rate = (k: number) => k * Math.log(k / m) + (k + r) * Math.log((m + r) / (k + r));
  let k = Math.floor(m) + 1;
  while (rate(k) < L) k++;
  return k + 2;
}
