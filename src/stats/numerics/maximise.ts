/**
 * The global maximum of a function on a bounded interval, for profile likelihoods: a grid of
 * `points` + 1 evaluations a + (b − a)·i/points locates the best cell (robust to a flat or
 * bumpy start), then golden-section search (goldenSection.ts, on −f) refines within the two
 * cells around it to `tol` in x, relative to max(1, |lo| + |hi|). When the best grid point is an
 * end of the interval, the maximum is reported there with `atBound`, so that the caller can say
 * the optimum lies at or beyond the search limit. The result is never worse than the best grid
 * point. Cost: points + 1 evaluations, plus about 48 + 2·log₁₀(1/tol) for the refinement.
 * Never throws; a function that is NaN everywhere gives the lower end with fx = −Infinity.
 * @example maximise((x) => -(x - 1) ** 2, -5, 5) // { x: 1, fx: 0, atBound: null }
 */
import { goldenSection } from './goldenSection.ts';

export interface Maximum {
  x: number;
  fx: number;
  atBound: 'lower' | 'upper' | null;
}

export function maximise(f: (x: number) => number, a: number, b: number, points = 100, tol = 1e-10): Maximum {
  let best = 0,
    bestF = -Infinity;
  const xs: number[] = [];
  for (let i = 0; i <= points; i++) {
    const x = a + ((b - a) * i) / points;
    xs.push(x);
    const fx = f(x);
    if (fx > bestF) {
      bestF = fx;
      best = i;
    }
  }
  if (best === 0 || best === points)
    return { x: xs[best], fx: bestF, atBound: best === 0 ? 'lower' : 'upper' };
  const refined = goldenSection((x) => -f(x), xs[best - 1], xs[best + 1], { tolerance: tol, relative: true });
  const fx = -refined.fx;
  return fx >= bestF ? { x: refined.x, fx, atBound: null } : { x: xs[best], fx: bestF, atBound: null };
}
