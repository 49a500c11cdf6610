/**
 * The oracle's own random numbers: seedrandom's xor4096 generator (the engine uses Alea to seed
 * xoshiro128**; the oracle shares neither the generator nor a line of sampling code) and one plain
 * sampler per distribution the scenario format names. Slow and obvious on purpose: each sampler
 * is the textbook construction, written so that a reader can check it against its definition.
 */
import seedrandom from 'seedrandom';

export type Uniform = () => number;

/** A uniform double in [0, 1) from the stream named `seed`. */
export function uniformStream(seed: string): Uniform {
  const prng = seedrandom.xor4096(seed);
  return () => prng.double();
}

/** Standard normal by Box–Muller: √(−2 ln U₁)·cos(2πU₂), U₁ in (0, 1]. */
export function normal(u: Uniform): number {
  const u1 = 1 - u();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u());
}

/**
 * Gamma(shape k, scale θ), mean kθ. Marsaglia and Tsang (2000) for k ≥ 1:
 * d = k − 1/3, c = 1/√(9d); repeat Z normal, V = (1 + cZ)³ until V > 0 and
 * ln U < Z²/2 + d − dV + d ln V; return dVθ. For k < 1, Gamma(k) = Gamma(k + 1)·U^{1/k}.
 */
export function gamma(u: Uniform, k: number, theta: number): number {
  if (k < 1) return gamma(u, k + 1, theta) * Math.pow(1 - u(), 1 / k);
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(u);
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    if (Math.log(1 - u()) < (z * z) / 2 + d - d * v + d * Math.log(v)) return d * v * theta;
  }
}

/**
 * Poisson(λ). Knuth's product of uniforms for λ ≤ 30 (count the uniforms whose running product
 * stays above e^{−λ}); a larger λ is split into m equal parts, since a sum of independent
 * Poissons is Poisson with the summed mean. O(λ) uniforms: fine for the oracle's small schemes.
 */
export function poisson(u: Uniform, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) {
    const m = Math.ceil(lambda / 30);
    let n = 0;
    for (let i = 0; i < m; i++) n += poisson(u, lambda / m);
    return n;
  }
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = u();
  while (p > limit) {
    k++;
    p *= u();
  }
  return k;
}

/** Binomial(n, p) as n coin flips. */
export function binomial(u: Uniform, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (u() < p) k++;
  return k;
}

/**
 * Negative binomial with mean m and coefficient of variation c (variance v = (cm)² > m), as the
 * gamma–Poisson mixture: Λ ~ Gamma(shape r, scale (v − m)/m) with r = m²/(v − m), D ~ Poisson(Λ);
 * then E[D] = rs = m and Var D = m + rs² = v.
 */
export function negativeBinomial(u: Uniform, mean: number, cv: number): number {
  const v = (cv * mean) ** 2;
  const r = (mean * mean) / (v - mean);
  return poisson(u, gamma(u, r, (v - mean) / mean));
}

/** Lognormal with the given mean and cv: exp(μ + σZ), σ² = ln(1 + cv²), μ = ln(mean) − σ²/2. */
export function lognormal(u: Uniform, mean: number, cv: number): number {
  if (cv === 0) return mean;
  const s2 = Math.log(1 + cv * cv);
  return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * normal(u));
}

/** Gamma with the given mean and cv: shape 1/cv², scale mean·cv². */
export function gammaMeanCv(u: Uniform, mean: number, cv: number): number {
  if (cv === 0) return mean;
  return gamma(u, 1 / (cv * cv), mean * cv * cv);
}

/** Pareto II (Lomax) by inversion of P(X > x) = (s/(x + s))^α: X = s·(U^{−1/α} − 1), U in (0, 1]. */
export function lomax(u: Uniform, scale: number, shape: number): number {
  return scale * (Math.pow(1 - u(), -1 / shape) - 1);
}

/** One of the values, each with equal weight. */
export function pick(u: Uniform, values: readonly number[]): number {
  return values[Math.floor(u() * values.length)];
}
