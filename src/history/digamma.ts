/**
 * The digamma function ψ(x) = d/dx ln Γ(x) and the trigamma function ψ'(x), for x > 0 (NaN
 * otherwise), as the gamma maximum-likelihood fit needs them (fitGamma.ts).
 *
 * Both move x up to at least 10 with the recurrences ψ(x) = ψ(x + 1) − 1/x and
 * ψ'(x) = ψ'(x + 1) + 1/x², then use the asymptotic series (Abramowitz & Stegun 6.3.18, 6.4.12),
 * with Bernoulli numbers B₂ … B₁₄:
 *
 *   ψ(x)  ~ ln x − 1/(2x) − Σ_{k≥1} B_{2k} / (2k·x^{2k})
 *         = ln x − 1/(2x) − 1/(12x²) + 1/(120x⁴) − 1/(252x⁶) + 1/(240x⁸) − 1/(132x¹⁰) + 691/(32760x¹²) − 1/(12x¹⁴)
 *   ψ'(x) ~ 1/x + 1/(2x²) + Σ_{k≥1} B_{2k} / x^{2k+1}
 *         = 1/x + 1/(2x²) + 1/(6x³) − 1/(30x⁵) + 1/(42x⁷) − 1/(30x⁹) + 5/(66x¹¹) − 691/(2730x¹³) + 7/(6x¹⁵)
 *
 * At x ≥ 10 the first omitted terms are below 1e-17 (absolute for ψ, relative for ψ'), so both
 * are accurate to a few ulps; ψ has an absolute error of about 1e-16 near its zero at 1.4616.
 * @example digamma(1) // -0.5772156649015329 (−γ, Euler's constant)
 * @example trigamma(1) // 1.6449340668482264 (π²/6)
 */

export function digamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return x === Infinity ? Infinity : NaN;
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  const tail =
    f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132 - f * (691 / 32760 - f / 12))))));
  return shift + Math.log(x) - 0.5 / x - tail;
}

export function trigamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return x === Infinity ? 0 : NaN;
  let shift = 0;
  while (x < 10) {
    shift += 1 / (x * x);
    x += 1;
  }
  const f = 1 / (x * x);
  const series =
    (1 +
      f *
        (1 / 6 -
          f * (1 / 30 - f * (1 / 42 - f * (1 / 30 - f * (5 / 66 - f * (691 / 2730 - (7 * f) / 6))))))) /
    x;
  return shift + series + f / 2;
}
