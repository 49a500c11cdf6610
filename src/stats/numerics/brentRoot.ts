/**
 * A root of a continuous function in a bracket, by Brent's method (Brent 1973, "Algorithms for
 * minimization without derivatives", ch. 4, the routine `zero`): inverse quadratic
 * interpolation and secant steps, falling back to bisection whenever they do not shrink the
 * bracket fast enough. The method never leaves the bracket, so it converges for any continuous
 * f with f(a)·f(b) ≤ 0; for a discontinuous f it converges to the jump. Convergence is
 * superlinear for a smooth f, and never slower than about (log₂((b − a)/tol))² evaluations.
 * Stopping rule: half the bracket ≤ 4ε·|x| + tol/2, or f(x) = 0.
 * Never throws: a bracket that does not bracket gives null; running out of iterations returns
 * the last iterate (its `iterations` = maxIterations). A NaN value of f is not a sign change.
 * Pair with `bracketRoot` (a bracket from a starting point) for a monotone f.
 * @example brentRoot((x) => x * x - 2, 0, 2) // { x: 1.41421356237309… (to 1e-13), fx: ~0, iterations: 8 }
 */

export interface Root {
  x: number;
  fx: number;
  iterations: number;
}

/**
 * A root of f in [a, b] with f(a)·f(b) ≤ 0, to within `tol` in x (plus 4 ulps of x); an end
 * where f is exactly 0 is returned at once (0 iterations). Returns null when the bracket does
 * not bracket.
 */
export function brentRoot(
  f: (x: number) => number,
  a: number,
  b: number,
  tol = 1e-13,
  maxIterations = 200,
): Root | null {
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return { x: a, fx: 0, iterations: 0 };
  if (fb === 0) return { x: b, fx: 0, iterations: 0 };
  if (!(fa * fb < 0)) return null;
  let c = a,
    fc = fa,
    d = b - a,
    e = d;
  for (let i = 1; i <= maxIterations; i++) {
    if (fb * fc > 0) {
      c = a;
      fc = fa;
      d = e = b - a;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = 4 * Number.EPSILON * Math.abs(b) + 0.5 * tol;
    const xm = 0.5 * (c - b);
    if (Math.abs(xm) <= tol1 || fb === 0) return { x: b, fx: fb, iterations: i };
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number, q: number;
      if (a === c) {
        p = 2 * xm * s;
        q = 1 - s; // secant
      } else {
        const qq = fa / fc,
          r = fb / fc; // inverse quadratic interpolation
        p = s * (2 * xm * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = Math.abs(p);
      if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d; // bisection
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : Math.sign(xm) * tol1;
    fb = f(b);
  }
  return { x: b, fx: fb, iterations: maxIterations };
}
