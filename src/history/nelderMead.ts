/**
 * Written here rather than taken from a package: the registry's minimisers are either unmaintained
 * and untyped (`fmin`, last released 2017) or curve fitters with fixed weights
 * (`ml-levenberg-marquardt`), while the calibration to targets needs only an unconstrained
 * minimum of a small, cheap function of two parameters, for which these forty lines do.
 *
 * Nelder–Mead downhill simplex with the standard coefficients (reflection 1, expansion 2,
 * contraction ½, shrink ½; Lagarias et al. 1998). The start simplex is x0 and x0 + step·e_i.
 * Stops when the spread of the simplex's values is at most `ftol`·(1 + |f_best|) and its largest
 * distance from the best vertex at most `xtol`, or after `maxIterations`. A non-finite value
 * (NaN, Infinity) counts as worse than any finite one, so a function may answer Infinity outside
 * its domain. Never throws.
 * @example nelderMead(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]).x // ≈ [1, -2]
 */
export interface Minimum {
  x: number[];
  fx: number;
  iterations: number;
  converged: boolean;
}

export interface NelderMeadOptions {
  step?: number;
  ftol?: number;
  xtol?: number;
  maxIterations?: number;
}

export function nelderMead(
  f: (x: number[]) => number,
  x0: readonly number[],
  { step = 0.5, ftol = 1e-12, xtol = 1e-9, maxIterations = 4000 }: NelderMeadOptions = {},
): Minimum {
  const n = x0.length;
  const value = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const pts = [x0.slice()];
  for (let i = 0; i < n; i++) pts.push(x0.map((v, j) => (j === i ? v + step : v)));
  let simplex = pts.map((x) => ({ x, f: value(x) }));
  const along = (a: number[], b: number[], t: number) => a.map((v, j) => v + t * (b[j] - v));
  let it = 0;
  for (; it < maxIterations; it++) {
    simplex.sort((p, q) => p.f - q.f);
    const best = simplex[0],
      worst = simplex[n];
    const size = Math.max(...simplex.map((p) => Math.max(...p.x.map((v, j) => Math.abs(v - best.x[j])))));
    if (worst.f - best.f <= ftol * (1 + Math.abs(best.f)) && size <= xtol)
      return { x: best.x, fx: best.f, iterations: it, converged: true };
    const centroid = x0.map((_, j) => simplex.slice(0, n).reduce((s, p) => s + p.x[j], 0) / n);
    const r = along(centroid, worst.x, -1);
    const fr = value(r);
    if (fr < best.f) {
      const e = along(centroid, worst.x, -2);
      const fe = value(e);
      simplex[n] = fe < fr ? { x: e, f: fe } : { x: r, f: fr };
    } else if (fr < simplex[n - 1].f) simplex[n] = { x: r, f: fr };
    else {
      const c = fr < worst.f ? along(centroid, r, 0.5) : along(centroid, worst.x, 0.5);
      const fc = value(c);
      if (fc < Math.min(fr, worst.f)) simplex[n] = { x: c, f: fc };
      else simplex = simplex.map((p, i) => (i === 0 ? p : { x: along(best.x, p.x, 0.5), f: NaN }));
      simplex = simplex.map((p) => (Number.isNaN(p.f) ? { x: p.x, f: value(p.x) } : p));
    }
  }
  simplex.sort((p, q) => p.f - q.f);
  return { x: simplex[0].x, fx: simplex[0].f, iterations: it, converged: false };
}
