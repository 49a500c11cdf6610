/**
 * The minimum of a unimodal function on [a, b] by golden-section search (Kiefer 1953): two
 * interior points c = b − φ(b − a), d = a + φ(b − a), φ = (√5 − 1)/2; keep [a, d] when
 * f(c) ≤ f(d), else [c, b], and reuse the surviving point, so each step costs one evaluation and
 * shrinks the interval by φ ≈ 0.618 (reaching a width w from W takes ln(W/w)/0.481 steps).
 *
 * Stops after `maxIterations` steps (default unlimited) or once b − a ≤ tolerance, or, with
 * `relative`, once b − a ≤ tolerance·max(1, |a| + |b|). Returns the better of the two last
 * interior points, { x, fx } with fx = min(f(c), f(d)) (NaN if either is NaN). For a function
 * that is not unimodal it returns a local minimum, or the smallest value seen among the last
 * two; fx is always a value f takes, so an upper bound on the true minimum. Never throws; a
 * maximum is the minimum of −f (see maximise.ts).
 * @example goldenSection((x) => (x - 1) ** 2, -5, 5, { tolerance: 1e-10, relative: true }) // { x: 1 (to 1e-5), fx: ~0 }
 */
export interface GoldenOptions {
  tolerance: number;
  /** Scale the tolerance by max(1, |a| + |b|). */
  relative?: boolean;
  maxIterations?: number;
}

export interface Minimum {
  x: number;
  fx: number;
}

const PHI = (Math.sqrt(5) - 1) / 2;

export function goldenSection(f: (x: number) => number, a: number, b: number, o: GoldenOptions): Minimum {
  const maxIterations = o.maxIterations ?? Infinity;
  let c = b - PHI * (b - a),
    d = a + PHI * (b - a);
  let fc = f(c),
    fd = f(d);
  for (
    let i = 0;
    i < maxIterations && b - a > o.tolerance * (o.relative ? Math.max(1, Math.abs(a) + Math.abs(b)) : 1);
    i++
  ) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - PHI * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + PHI * (b - a);
      fd = f(d);
    }
  }
  return { x: fc <= fd ? c : d, fx: Math.min(fc, fd) };
}
