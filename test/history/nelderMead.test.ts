/**
 * Checks of the Nelder–Mead minimiser in src/history/nelderMead.ts.
 *
 * Two kinds of derivation, neither of which uses the code under test:
 *
 * 1. A plain reference implementation written below from the documented rules alone (reflection 1,
 *    expansion 2, contraction ½, shrink ½; start simplex x0 and x0 + step·e_i; a stable sort by value
 *    every iteration; stop when the spread of values is at most ftol·(1 + |f_best|) and every vertex is
 *    within xtol of the best in every coordinate, or after maxIterations; non-finite values count as
 *    +Infinity). Both are run on the same functions and must agree exactly: the result (x, fx,
 *    iterations, converged) and the whole sequence of points at which the function was evaluated, so
 *    every branch taken (expansion, reflection, outside or inside contraction, shrink) is compared.
 *
 * 2. Worked-by-hand cases on tiny simplices with exactly representable numbers, the steps written out
 *    in comments: the start simplex, the iteration limit, the convergence test at its boundaries, and
 *    each branch at an exact tie between values, where a strict and a non-strict comparison differ.
 */
import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../src/history/nelderMead.ts';

type Fn = (x: number[]) => number;
interface Opts {
  step?: number;
  ftol?: number;
  xtol?: number;
  maxIterations?: number;
}

/** Wraps f so that every point it is asked about is recorded (as a copy). */
function traced(f: Fn): { g: Fn; calls: number[][] } {
  const calls: number[][] = [];
  return {
    calls,
    g: (x) => {
      calls.push([...x]);
      return f(x);
    },
  };
}

/** The reference: a deliberately plain, loop-by-loop transcription of the documented rules. */
function reference(f: Fn, x0: readonly number[], opts: Opts = {}) {
  const step = opts.step ?? 0.5;
  const ftol = opts.ftol ?? 1e-12;
  const xtol = opts.xtol ?? 1e-9;
  const maxIterations = opts.maxIterations ?? 4000;
  const n = x0.length;
  const val = (x: number[]): number => {
    const v = f(x);
    return Number.isNaN(v) || v === Infinity || v === -Infinity ? Infinity : v;
  };
  // vertices and their values, kept in two parallel arrays
  let xs: number[][] = [];
  let fs: number[] = [];
  const start: number[] = [];
  for (let j = 0; j < n; j++) start.push(x0[j]);
  xs.push(start);
  for (let i = 0; i < n; i++) {
    const v: number[] = [];
    for (let j = 0; j < n; j++) v.push(j === i ? x0[j] + step : x0[j]);
    xs.push(v);
  }
  for (const x of xs) fs.push(val(x));
  // stable insertion sort by value, ascending
  const sortSimplex = () => {
    for (let i = 1; i <= n; i++) {
      const xi = xs[i];
      const fi = fs[i];
      let k = i - 1;
      while (k >= 0 && fs[k] > fi) {
        xs[k + 1] = xs[k];
        fs[k + 1] = fs[k];
        k--;
      }
      xs[k + 1] = xi;
      fs[k + 1] = fi;
    }
  };
  let iter = 0;
  while (iter < maxIterations) {
    sortSimplex();
    const b = xs[0];
    const fb = fs[0];
    const w = xs[n];
    const fw = fs[n];
    let size = 0;
    for (let i = 0; i <= n; i++) for (let j = 0; j < n; j++) size = Math.max(size, Math.abs(xs[i][j] - b[j]));
    if (fw - fb <= ftol * (1 + Math.abs(fb)) && size <= xtol) {
      return { x: b, fx: fb, iterations: iter, converged: true };
    }
    // centroid of all vertices but the worst
    const c: number[] = [];
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += xs[i][j];
      c.push(s / n);
    }
    const r: number[] = [];
    for (let j = 0; j < n; j++) r.push(c[j] - (w[j] - c[j]));
    const fr = val(r);
    if (fr < fb) {
      const e: number[] = [];
      for (let j = 0; j < n; j++) e.push(c[j] - 2 * (w[j] - c[j]));
      const fe = val(e);
      if (fe < fr) {
        xs[n] = e;
        fs[n] = fe;
      } else {
        xs[n] = r;
        fs[n] = fr;
      }
    } else if (fr < fs[n - 1]) {
      xs[n] = r;
      fs[n] = fr;
    } else {
      const k: number[] = [];
      if (fr < fw) for (let j = 0; j < n; j++) k.push(c[j] + 0.5 * (r[j] - c[j]));
      else for (let j = 0; j < n; j++) k.push(c[j] + 0.5 * (w[j] - c[j]));
      const fk = val(k);
      if (fk < fr && fk < fw) {
        xs[n] = k;
        fs[n] = fk;
      } else {
        const nx: number[][] = [b];
        for (let i = 1; i <= n; i++) {
          const p: number[] = [];
          for (let j = 0; j < n; j++) p.push(b[j] + 0.5 * (xs[i][j] - b[j]));
          nx.push(p);
        }
        const nf: number[] = [fb];
        for (let i = 1; i <= n; i++) nf.push(val(nx[i]));
        xs = nx;
        fs = nf;
      }
    }
    iter++;
  }
  sortSimplex();
  return { x: xs[0], fx: fs[0], iterations: iter, converged: false };
}

/** Runs both on f and expects the same results and the same evaluated points; returns the result. */
function agree(f: Fn, x0: number[], opts?: Opts) {
  const a = traced(f);
  const b = traced(f);
  const got = nelderMead(a.g, x0, opts);
  const want = reference(b.g, x0, opts);
  expect(got).toEqual(want);
  expect(a.calls).toEqual(b.calls);
  return { got, calls: a.calls };
}

const quadratic: Fn = ([x, y]) => (x - 1) ** 2 + 3 * (y + 2) ** 2 + 0.5 * (x - 1) * (y + 2);
const rosenbrock: Fn = ([x, y]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
const bowl3: Fn = ([x, y, z]) => (x - 0.3) ** 2 + 2 * (y + 1.5) ** 2 + 4 * (z - 2) ** 2 + x * z;
const oneD: Fn = ([x]) => (x - Math.PI) ** 4 + (x - Math.PI) ** 2;
// Infinity for x < 0, NaN for y < 0: the minimum (1, 0.5) lies inside the domain, near its edge
const domain: Fn = ([x, y]) =>
  x < 0 ? Infinity : y < 0 ? NaN : (x - 1) ** 2 + (y - 0.5) ** 2 + Math.sqrt(x);

describe('nelderMead against a plain reference of the documented rules', () => {
  it('a 2-D quadratic: same trajectory, converges well before the limit at the minimum', () => {
    const { got, calls } = agree(quadratic, [0, 0]);
    expect(got.converged).toBe(true);
    expect(got.iterations).toBeGreaterThan(10);
    expect(got.iterations).toBeLessThan(4000);
    expect(got.x[0]).toBeCloseTo(1, 6);
    expect(got.x[1]).toBeCloseTo(-2, 6);
    expect(calls.length).toBeGreaterThan(got.iterations);
  });
  it('the Rosenbrock function from (−1.2, 1): same trajectory to its minimum (1, 1)', () => {
    const { got } = agree(rosenbrock, [-1.2, 1]);
    expect(got.converged).toBe(true);
    expect(got.x[0]).toBeCloseTo(1, 5);
    expect(got.x[1]).toBeCloseTo(1, 5);
  });
  it('Rosenbrock stopped by the limit: same unconverged result after every limit up to 60', () => {
    for (let m = 0; m <= 60; m++) {
      const { got } = agree(rosenbrock, [-1.2, 1], { maxIterations: m });
      expect(got.converged).toBe(false);
      expect(got.iterations).toBe(m);
    }
  });
  it('Rosenbrock with other steps and tolerances', () => {
    agree(rosenbrock, [-1.2, 1], { step: 0.1, ftol: 1e-8, xtol: 1e-5 });
    agree(rosenbrock, [2, -1], { step: 1, ftol: 1e-3, xtol: 1e-3 });
    agree(rosenbrock, [0, 0], { step: 0.3, ftol: 0.5, xtol: 0.2 });
  });
  it('a 1-D function', () => {
    const { got } = agree(oneD, [0]);
    expect(got.converged).toBe(true);
    expect(got.x[0]).toBeCloseTo(Math.PI, 4);
    agree(oneD, [10], { step: 2, maxIterations: 7 });
  });
  it('a 3-D function', () => {
    const { got } = agree(bowl3, [0, 0, 0]);
    expect(got.converged).toBe(true);
    agree(bowl3, [1, 1, 1], { step: 0.25, maxIterations: 40 });
  });
  it('a function answering Infinity or NaN outside its domain', () => {
    const { got } = agree(domain, [0.25, 2]);
    expect(got.converged).toBe(true);
    expect(Number.isFinite(got.fx)).toBe(true);
    // started at the edge: half the first simplex is outside (step −0.5 would go further out)
    agree(domain, [0, 0], { step: 0.5 });
    agree(domain, [3, 3], { step: 4, maxIterations: 30 });
  });
  it('functions with ties: a constant, a floor and an absolute value', () => {
    agree(() => 1, [0, 0], { xtol: 1e-3 });
    agree(() => 1, [0, 0, 0], { ftol: 0, xtol: 1e-2 });
    agree(([x, y]) => Math.floor(x) + Math.floor(2 * y), [0.2, 0.7], { maxIterations: 50 });
    agree(([x, y]) => Math.abs(x) + Math.abs(y - 0.5), [0, 0], { maxIterations: 50 });
    agree(([x]) => (x < 0 ? -1 : x), [0], { maxIterations: 20 });
  });
});

describe('nelderMead worked by hand', () => {
  it('maxIterations 0: the best vertex of the start simplex x0, x0 + step·e_i, not converged', () => {
    // f(0,0) = 3, f(0.5,0) = 1, f(0,0.5) = 2: x0 is the worst, x0 + step·e_1 the best
    const { g, calls } = traced(([x, y]) => 3 - 4 * x - 2 * y);
    expect(nelderMead(g, [0, 0], { maxIterations: 0 })).toEqual({
      x: [0.5, 0],
      fx: 1,
      iterations: 0,
      converged: false,
    });
    expect(calls).toEqual([
      [0, 0],
      [0.5, 0],
      [0, 0.5],
    ]);
  });
  it('returns a copy of x0, never the caller’s array', () => {
    const x0 = [0, 0];
    const res = nelderMead(([x, y]) => x + y, x0, { maxIterations: 0 });
    expect(res).toEqual({ x: [0, 0], fx: 0, iterations: 0, converged: false });
    expect(res.x).not.toBe(x0);
    res.x[0] = 7;
    expect(x0).toEqual([0, 0]);
  });
  it('maxIterations 1 and 2 on a line: reflection then expansion', () => {
    // f(x) = −x from x0 = 0, step 0.5: simplex 0 (0), 0.5 (−0.5); best 0.5, worst 0, centroid 0.5.
    // Reflection 1 (−1) beats the best, expansion 1.5 (−1.5) beats that: taken.
    expect(nelderMead(([x]) => -x, [0], { maxIterations: 1 })).toEqual({
      x: [1.5],
      fx: -1.5,
      iterations: 1,
      converged: false,
    });
    // Next: best 1.5, worst 0.5, reflection 2.5, expansion 3.5 (−3.5).
    expect(nelderMead(([x]) => -x, [0], { maxIterations: 2 })).toEqual({
      x: [3.5],
      fx: -3.5,
      iterations: 2,
      converged: false,
    });
  });
  it('an easy quadratic converges, with iterations below the limit', () => {
    const res = nelderMead(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]);
    expect(res.converged).toBe(true);
    expect(res.iterations).toBeGreaterThan(0);
    expect(res.iterations).toBeLessThan(4000);
    expect(res.x[0]).toBeCloseTo(1, 6);
    expect(res.x[1]).toBeCloseTo(-2, 6);
    // the same with too few iterations is not converged
    const short = nelderMead(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0], { maxIterations: 5 });
    expect(short.converged).toBe(false);
    expect(short.iterations).toBe(5);
  });
  it('size exactly xtol converges (size ≤ xtol), at iteration 0', () => {
    // f ≡ 1, step 0.5: spread 0, size 0.5 = xtol
    expect(nelderMead(() => 1, [0, 0], { step: 0.5, xtol: 0.5 })).toEqual({
      x: [0, 0],
      fx: 1,
      iterations: 0,
      converged: true,
    });
  });
  it('size is the largest distance of any coordinate: a constant halves the simplex until it is within xtol', () => {
    // f ≡ 1 in 2-D, step 0.5, xtol 0.1: each iteration shrinks (sizes 0.5, 0.25, 0.125, 0.0625)
    expect(nelderMead(() => 1, [0, 0], { step: 0.5, xtol: 0.1 })).toEqual({
      x: [0, 0],
      fx: 1,
      iterations: 3,
      converged: true,
    });
  });
  it('spread exactly ftol·(1 + |f_best|) converges (≤), here with ftol 0 and spread 0', () => {
    expect(nelderMead(() => 1, [0, 0], { ftol: 0, xtol: 0.5, maxIterations: 5 })).toEqual({
      x: [0, 0],
      fx: 1,
      iterations: 0,
      converged: true,
    });
  });
  it('the spread is compared with ftol·(1 + |f_best|), not ftol alone', () => {
    // f(x) = 1 + |x|, x0 0, step 0.5: values 1 and 1.5, spread 0.5, size 0.5.
    // ftol 0.4: 0.5 ≤ 0.4·2 = 0.8, converged at once (0.4 / 2 = 0.2 or 0.4·0 would not be).
    const f: Fn = ([x]) => 1 + Math.abs(x);
    expect(nelderMead(f, [0], { ftol: 0.4, xtol: 0.5 })).toEqual({
      x: [0],
      fx: 1,
      iterations: 0,
      converged: true,
    });
    // ftol 0.24: 0.5 > 0.48, not converged at iteration 0
    expect(nelderMead(f, [0], { ftol: 0.24, xtol: 0.5, maxIterations: 1 })).toMatchObject({
      iterations: 1,
      converged: false,
    });
    // a negative best value: f(x) = −2 + |x|, spread 0.5 ≤ 0.2·(1 + 2) = 0.6 (but not ≤ 0.2·(1 − 2))
    expect(nelderMead(([x]) => -2 + Math.abs(x), [0], { ftol: 0.2, xtol: 0.5 })).toEqual({
      x: [0],
      fx: -2,
      iterations: 0,
      converged: true,
    });
  });
  it('a constant: inside contraction, refused on a tie, then shrink toward the best', () => {
    // f ≡ 1 in 1-D, x0 0, step 0.5, ftol 1, xtol 0.2. Iteration 0: size 0.5; reflection −0.5 ties
    // everything, so no expansion or reflection, and f(r) is not below the worst: inside contraction
    // 0 + ½(0.5 − 0) = 0.25; its value ties min(f(r), f(worst)), refused; shrink 0.5 → 0.25 (the best
    // 0 is kept, not evaluated again). Iteration 1: size 0.25, reflection −0.25, contraction 0.125,
    // shrink 0.125. Iteration 2: size 0.125 ≤ 0.2, converged.
    const { g, calls } = traced(() => 1);
    expect(nelderMead(g, [0], { ftol: 1, xtol: 0.2 })).toEqual({
      x: [0],
      fx: 1,
      iterations: 2,
      converged: true,
    });
    expect(calls).toEqual([[0], [0.5], [-0.5], [0.25], [0.25], [-0.25], [0.125], [0.125]]);
  });
  it('a reflection that only ties the best is not expanded', () => {
    // f(x) = 0 for x ≤ 0, x above; x0 0, step 0.5: best 0 (0), worst 0.5 (0.5). Reflection −0.5 (0)
    // ties the best: no expansion; in 1-D the second-worst is the best, so contraction, outside as
    // 0 < 0.5: −0.25 (0), not below min(0, 0.5) = 0, so shrink: 0.5 → 0.25 (0.25).
    const { g, calls } = traced(([x]) => (x <= 0 ? 0 : x));
    expect(nelderMead(g, [0], { maxIterations: 1 })).toEqual({
      x: [0],
      fx: 0,
      iterations: 1,
      converged: false,
    });
    expect(calls).toEqual([[0], [0.5], [-0.5], [-0.25], [0.25]]);
  });
  it('an expansion that only ties the reflection is not taken', () => {
    // f(x) = −1 for x < 0, x above; x0 0, step 0.5: reflection −0.5 (−1) beats the best 0 (0);
    // expansion −1 (−1) only ties it, so the reflection is kept.
    const { g, calls } = traced(([x]) => (x < 0 ? -1 : x));
    expect(nelderMead(g, [0], { maxIterations: 1 })).toEqual({
      x: [-0.5],
      fx: -1,
      iterations: 1,
      converged: false,
    });
    expect(calls).toEqual([[0], [0.5], [-0.5], [-1]]);
  });
  it('a reflection between the best and the second-worst is accepted without contraction', () => {
    // f(x, y) = |x| + 2|y − 0.5|, x0 (0,0), step 0.5: f(0,0) = 1, f(0.5,0) = 1.5, f(0,0.5) = 0, sorted:
    // best (0,0.5) 0, second (0,0) 1, worst (0.5,0) 1.5. Centroid (0, 0.25); reflection (−0.5, 0.5)
    // 0.5: not below the best, below the second-worst: replaces the worst.
    const { g, calls } = traced(([x, y]) => Math.abs(x) + 2 * Math.abs(y - 0.5));
    expect(nelderMead(g, [0, 0], { maxIterations: 1 })).toEqual({
      x: [0, 0.5],
      fx: 0,
      iterations: 1,
      converged: false,
    });
    expect(calls).toEqual([
      [0, 0],
      [0.5, 0],
      [0, 0.5],
      [-0.5, 0.5],
    ]);
  });
  it('a reflection that only ties the second-worst is contracted (outside), and the contraction kept', () => {
    // f(x, y) = |x| + |y − 0.5|, x0 (0,0), step 0.5: best (0,0.5) 0, second (0,0) 0.5, worst (0.5,0) 1.
    // Centroid (0, 0.25); reflection (−0.5, 0.5) 0.5 ties the second-worst: contraction, outside as
    // 0.5 < 1: (0,0.25) + ½((−0.5,0.5) − (0,0.25)) = (−0.25, 0.375), value 0.375 < 0.5: kept.
    // Iteration 1 then sorts best (0,0.5) 0, second (−0.25,0.375) 0.375, worst (0,0) 0.5.
    const { g, calls } = traced(([x, y]) => Math.abs(x) + Math.abs(y - 0.5));
    expect(nelderMead(g, [0, 0], { maxIterations: 1 })).toEqual({
      x: [0, 0.5],
      fx: 0,
      iterations: 1,
      converged: false,
    });
    expect(calls).toEqual([
      [0, 0],
      [0.5, 0],
      [0, 0.5],
      [-0.5, 0.5],
      [-0.25, 0.375],
    ]);
  });
  it('an outside contraction between f(r) and f(worst) is refused: shrink', () => {
    // f(x) = 2x for x ≥ 0, 2 + x below; x0 0, step 1: best 0 (0), worst 1 (2). Reflection −1 (1):
    // contraction, outside as 1 < 2: −0.5 (1.5), not below min(1, 2) = 1: shrink 1 → 0.5 (1).
    // Iteration 1: best 0, worst 0.5; reflection −0.5 (1.5) ≥ the worst: inside contraction 0.25 (0.5)
    // below min(1.5, 1): kept.
    const { g, calls } = traced(([x]) => (x >= 0 ? 2 * x : 2 + x));
    expect(nelderMead(g, [0], { step: 1, maxIterations: 2 })).toEqual({
      x: [0],
      fx: 0,
      iterations: 2,
      converged: false,
    });
    expect(calls).toEqual([[0], [1], [-1], [-0.5], [0.5], [-0.5], [0.25]]);
  });
  it('the result of the last iteration is sorted: a new best vertex is returned', () => {
    // f(x, y) = x + 2y, x0 (0,0), step 0.5: best (0,0) 0, then (0.5,0) 0.5, worst (0,0.5) 1. Centroid
    // (0.25, 0); reflection (0.5, −0.5) −0.5 beats the best: expansion (0.75, −1) −1.25, taken, and
    // returned although it sits last in the simplex.
    expect(nelderMead(([x, y]) => x + 2 * y, [0, 0], { maxIterations: 1 })).toEqual({
      x: [0.75, -1],
      fx: -1.25,
      iterations: 1,
      converged: false,
    });
    // f(x, y) = x + y: (0,0) 0, (0.5,0) 0.5, (0,0.5) 0.5; reflection (0.5, −0.5) 0 ties the best and is
    // below the second-worst: it replaces the worst, last in the simplex, tying (0,0), which the stable
    // sort keeps first.
    expect(nelderMead(([x, y]) => x + y, [0, 0], { maxIterations: 1 })).toEqual({
      x: [0, 0],
      fx: 0,
      iterations: 1,
      converged: false,
    });
  });
  it('a non-finite value counts as worse than any finite one', () => {
    // f is NaN at x0 = 0 and −Infinity at 0.5: both count as +Infinity, a tie, so x0 stays first and,
    // with maxIterations 0, is returned with the value Infinity. With 5 at 0.5, that vertex is the best.
    expect(nelderMead(([x]) => (x === 0 ? NaN : -Infinity), [0], { maxIterations: 0 })).toEqual({
      x: [0],
      fx: Infinity,
      iterations: 0,
      converged: false,
    });
    expect(nelderMead(([x]) => (x === 0 ? NaN : 5), [0], { maxIterations: 0 })).toEqual({
      x: [0.5],
      fx: 5,
      iterations: 0,
      converged: false,
    });
  });
});
