/**
 * Gamma variates by Marsaglia & Tsang (2000), "A simple method for generating gamma
 * variables": for shape k ≥ 1, with d = k − 1/3 and c = 1/√(9d), draw Z normal and U uniform,
 * V = (1 + cZ)³, and accept dV when V > 0 and ln U < Z²/2 + d − dV + d ln V (the squeeze
 * U < 1 − 0.0331 Z⁴ accepts 98% without a logarithm). Exact for every shape; 1.02–1.05
 * normals per draw. For k < 1, Gamma(k) = Gamma(k + 1)·U^{1/k} (the same paper), computed
 * as e^{ln U / k} (for k = 0.01 a fraction ~8e-4 of draws underflow to 0, as the true
 * distribution does: P(X < 1e-308) ≈ 1e-308^k / Γ(1 + k)).
 */
import { standardNormal } from './normal.ts';
import type { Source } from './source.ts';

/**
 * `randomGamma(source)(shape, scale)`: density x^{k−1} e^{−x/θ} / (Γ(k) θ^k), mean kθ,
 * variance kθ². shape > 0, scale ≥ 0 (not validated here); scale = 0 is the constant 0.
 * @example randomGamma(createStream('huzhu', 0).next)(2, 1000)() // mean 2000
 */
export function randomGamma(source: Source) {
  return (shape: number, scale: number): (() => number) => {
    if (scale === 0) return () => 0;
    const z = standardNormal(source);
    const boost = shape < 1;
    const d = (boost ? shape + 1 : shape) - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    const marsagliaTsang = () => {
      for (;;) {
        let x: number, t: number;
        do {
          x = z();
          t = c * x;
        } while (t <= -1);
        const w = t * (3 + t * (3 + t)); // V − 1 = (1 + t)³ − 1, without cancellation
        const u = source();
        const x2 = x * x;
        if (u < 1 - 0.0331 * x2 * x2) return d * (1 + w);
        // 1 − V + ln V = ln(1 + w) − w: exact even for shape 1e8, where V is within 1e-4 of 1.
        if (Math.log(u) < 0.5 * x2 + d * (Math.log1p(w) - w)) return d * (1 + w);
      }
    };
    if (!boost) return () => scale * marsagliaTsang();
    const invShape = 1 / shape;
    return () => scale * marsagliaTsang() * Math.exp(Math.log(1 - source()) * invShape);
  };
}

/**
 * `randomGammaMeanCv(source)(mean, cv)`: Gamma with the given mean and coefficient of
 * variation, shape k = 1/cv², scale θ = mean·cv² (as in `huzhu-scenario/1`, and for the rate
 * multiplier Θ ~ Gamma(mean 1, cv rateCv)). cv = 0 is the constant `mean`, and so is a cv below
 * 1e-154, whose shape 1/cv² overflows (Gamma(∞, scale) would draw ∞, or 0 where cv² underflows).
 * @example randomGammaMeanCv(createStream('huzhu', 0).next)(1, 0.05)() // Θ near 1
 */
export function randomGammaMeanCv(source: Source) {
  const gamma = randomGamma(source);
  return (mean: number, cv: number): (() => number) => {
    const cv2 = cv * cv;
    // cv = 0, or so small that the shape 1/cv² overflows (cv < 1e-154): the limit, a point mass.
    if (1 / cv2 === Infinity) return () => mean;
    return gamma(1 / cv2, mean * cv2);
  };
}
