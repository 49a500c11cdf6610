/** Shared by the sampler tests: drawing a sample, and the Kolmogorov–Smirnov statistic. */

/** n draws of `f` in a Float64Array. */
export function sample(f: () => number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f();
  return out;
}

/** Kolmogorov–Smirnov D against `cdf`; at α = 0.001 the critical value is 1.9495/√n. */
export function ks(x: Float64Array, cdf: (x: number) => number): { d: number; critical: number } {
  const s = Float64Array.from(x).sort();
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(s[i]);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return { d, critical: 1.9495 / Math.sqrt(n) };
}
