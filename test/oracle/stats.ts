/**
 * The few statistics the oracle's comparisons need, written out: mean and standard error, the
 * share of a sample above a value, the two-sample and one-sample Kolmogorov–Smirnov statistics
 * and their critical values.
 */

export function meanSe(xs: ArrayLike<number>): { mean: number; sd: number; se: number } {
  const n = xs.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i] - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  return { mean, sd, se: sd / Math.sqrt(n) };
}

/** The share of the sample strictly above x. */
export function shareAbove(xs: ArrayLike<number>, x: number): number {
  let k = 0;
  for (let i = 0; i < xs.length; i++) if (xs[i] > x) k++;
  return k / xs.length;
}

/** The share of the sample at or below x (the empirical distribution function). */
export const ecdf = (xs: ArrayLike<number>, x: number): number => 1 - shareAbove(xs, x);

/**
 * Two-sample KS statistic D = sup_x |F_a(x) − F_b(x)|, evaluated after each distinct value of
 * the pooled sample (ties handled: both samples are stepped past a value before comparing).
 */
export function ksTwo(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0,
    j = 0,
    d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] <= v) i++;
    while (j < y.length && y[j] <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/**
 * One-sample KS statistic against a distribution function F (right-continuous, possibly with
 * atoms): at each distinct sample value v, |F_n(v) − F(v)| and |F_n(v−) − F(v−)|, with F(v−)
 * read just below v.
 */
export function ksOne(sample: ArrayLike<number>, cdf: (x: number) => number): number {
  const x = Float64Array.from(sample).sort();
  const n = x.length;
  let d = 0;
  let i = 0;
  while (i < n) {
    const v = x[i];
    const below = i / n;
    while (i < n && x[i] === v) i++;
    const at = i / n;
    const eps = Math.max(1e-9, Math.abs(v) * 1e-12);
    d = Math.max(d, Math.abs(at - cdf(v)), Math.abs(below - cdf(v - eps)));
  }
  return d;
}

/** c(α) = √(−ln(α/2)/2), the asymptotic KS critical coefficient; α = 0.001 by default. */
const kolmogorov = (alpha: number) => Math.sqrt(-0.5 * Math.log(alpha / 2));

export const ksTwoCritical = (n: number, m: number, alpha = 0.001): number =>
  kolmogorov(alpha) * Math.sqrt((n + m) / (n * m));

export const ksOneCritical = (n: number, alpha = 0.001): number => kolmogorov(alpha) / Math.sqrt(n);
