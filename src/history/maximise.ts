/**
 * One-dimensional maximisation on a bounded interval, for profile likelihoods: a grid of
 * `points` evaluations locates the best cell (robust to a flat or bumpy start), then golden-
 * section search (Kiefer 1953; each step keeps the bracketing triple and shrinks the interval by
 * 0.618) refines within the two cells around it to `tol` in x. When the best grid point is an
 * end of the interval, the maximum is reported there with `atBound`, so that the caller can say
 * the optimum lies at or beyond the search limit.
 * @example maximise((x) => -(x - 1) ** 2, -5, 5) // { x: 1, fx: 0, atBound: null }
 */

export interface Maximum {
  x: number;
  fx: number;
  atBound: 'lower' | 'upper' | null;
}

const INV_PHI = (Math.sqrt(5) - 1) / 2;

export function maximise(f: (x: number) => number, a: number, b: number, points = 100, tol = 1e-10): Maximum {
  let best = 0, bestF = -Infinity;
  const xs: number[] = [];
  for (let i = 0; i <= points; i++) {
    const x = a + ((b - a) * i) / points;
    xs.push(x);
    const fx = f(x);
    if (fx > bestF) { bestF = fx; best = i; }
  }
  if (best === 0 || best === points) return { x: xs[best], fx: bestF, atBound: best === 0 ? 'lower' : 'upper' };
  let lo = xs[best - 1], hi = xs[best + 1];
  let x1 = hi - INV_PHI * (hi - lo), x2 = lo + INV_PHI * (hi - lo);
  let f1 = f(x1), f2 = f(x2);
  while (hi - lo > tol * Math.max(1, Math.abs(lo) + Math.abs(hi))) {
    if (f1 >= f2) { hi = x2; x2 = x1; f2 = f1; x1 = hi - INV_PHI * (hi - lo); f1 = f(x1); }
    else { lo = x1; x1 = x2; f1 = f2; x2 = lo + INV_PHI * (hi - lo); f2 = f(x2); }
  }
  const x = f1 >= f2 ? x1 : x2;
  const fx = Math.max(f1, f2);
  return fx >= bestF ? { x, fx, atBound: null } : { x: xs[best], fx: bestF, atBound: null };
}
