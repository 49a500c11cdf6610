/**
 * Sampling tables cell by cell, against a reference written here over a Pareto II (Lomax) cost,
 * whose functions are closed forms: the cell edges Q(c/T) = s((1 − c/T)^{−1/α} − 1); each cell's
 * conditional mean of the benefit, Σ over the pieces it overlaps of a·P + s·E[X; ·] (taken piece by
 * piece, not by the table's walk); B_lo = b(lo), B_hi = b(hi−); the slope
 * max(0, min(B_hi − B_lo, 2(m − B_lo), 2(B_hi − m))). Benefits are built as pieces directly, with
 * kinks, jumps and ends placed exactly on cell edges so that `<` and `<=` give different tables.
 */
import { describe, expect, it } from 'vitest';
import type { Piecewise } from '../../src/benefits/piecewise.ts';
import { continuousCost } from '../../src/engine/costDistribution.ts';
import { buildCostTable, cellEdges, DEFAULT_TABLE_BITS } from '../../src/engine/costTable.ts';
import { nextDown, nextUp } from '../helpers/nextUp.ts';

// Pareto scale 3000 at a cost scale of 2: s = 6000, α = 2.5
const s = 6000,
  alpha = 2.5;
const X = continuousCost({ dist: 'pareto', scale: 3000, shape: 2.5 }, 2);
const S = (x: number) => (x === Infinity ? 0 : Math.pow(s / (x + s), alpha));
const U = (x: number) => (x === Infinity ? 0 : (S(x) * (alpha * x + s)) / (alpha - 1));
/** P(lo ≤ X < hi) = S(lo)·(1 − ((lo + s)/(hi + s))^α) and E[X; lo ≤ X < hi] = U(lo) − U(hi). */
const prob = (lo: number, hi: number) =>
  hi === Infinity ? S(lo) : -S(lo) * Math.expm1(alpha * Math.log1p((lo - hi) / (hi + s)));
/** E[X; lo ≤ X < hi] = ∫ x f(x) dx, f(x) = (α/s)(1 + x/s)^{−α−1}, by 5-point Gauss–Legendre; U(lo) to ∞. */
const GL: [number, number][] = [
  [0, 0.5688888888888889],
  [0.5384693101056831, 0.4786286704993665],
  [-0.5384693101056831, 0.4786286704993665],
  [0.906179845938664, 0.2369268850561891],
  [-0.906179845938664, 0.2369268850561891],
];
function partial(lo: number, hi: number): number {
  if (hi === Infinity) return U(lo);
  const f = (x: number) => x * (alpha / s) * Math.pow(1 + x / s, -alpha - 1);
  // pieces no wider than (lo + s)/32, over which the error of 5 points is far below double precision
  const n = Math.min(256, Math.max(1, Math.ceil((32 * (hi - lo)) / (lo + s)))),
    h = (hi - lo) / n;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const mid = lo + (i + 0.5) * h;
    for (const [t, w] of GL) sum += (w * h * f(mid + (t * h) / 2)) / 2;
  }
  return sum;
}
const quantile = (p: number) => s * (Math.pow(1 - p, -1 / alpha) - 1);

function pieces(x: number[], a: number[], sl: number[], end = Infinity): Piecewise {
  return { x: Float64Array.from(x), a: Float64Array.from(a), s: Float64Array.from(sl), end };
}

/** The piece containing x: the last j with x_j ≤ x; and the one just below x: the last with x_j < x. */
function lastIndex(pw: Piecewise, keep: (xj: number) => boolean): number {
  let j = -1;
  for (let i = 0; i < pw.x.length; i++) if (keep(pw.x[i])) j = i;
  return j;
}
const pieceAt = (pw: Piecewise, x: number) => lastIndex(pw, (xj) => xj <= x);
const pieceBelow = (pw: Piecewise, x: number) => lastIndex(pw, (xj) => xj < x);

/** The reference cell: m and slope for [lo, hi). */
function refCell(pw: Piecewise, lo: number, hi: number): [number, number] {
  let mass = 0,
    sum = 0;
  for (let j = 0; j < pw.x.length; j++) {
    const from = Math.max(lo, pw.x[j]),
      to = Math.min(hi, j + 1 < pw.x.length ? pw.x[j + 1] : Infinity);
    if (to <= from) continue;
    const p = prob(from, to);
    mass += p;
    sum += pw.a[j] * p + pw.s[j] * partial(from, to);
  }
  const k = pieceAt(pw, lo),
    j = pieceBelow(pw, hi);
  const bLo = pw.a[k] + pw.s[k] * lo;
  const bHi = hi === Infinity ? (pw.s[j] > 0 ? Infinity : pw.a[j]) : pw.a[j] + pw.s[j] * hi;
  const m = Math.min(Math.max(sum / mass, bLo), bHi);
  return [m, Math.max(0, Math.min(bHi - bLo, 2 * (m - bLo), 2 * (bHi - m)))];
}

/**
 * Every tabulated cell against the reference, to the accuracy the table promises: an interval is a
 * difference of cumulative functions taken from the side where they are small (below the median
 * P(X < hi) and E[X; X < hi], which for the Lomax is mean − E[X; X ≥ hi]: at most the mean; above
 * it P(X ≥ lo) and E[X; X ≥ lo]), so m_c = T·Σ(a·P + s·E) is within a few ulps of T times those.
 */
function expectCells(pw: Piecewise, table: Float64Array, edges: Float64Array, cells: number) {
  expect(table.length).toBe(2 * cells);
  const T = edges.length - 1;
  const maxA = Math.max(...pw.a.map(Math.abs)),
    maxS = Math.max(...pw.s.map(Math.abs));
  const median = X.median;
  for (let c = 0; c < cells; c++) {
    const lo = edges[c],
      hi = edges[c + 1];
    const [m, slope] = refCell(pw, lo, hi);
    const side = hi <= median ? maxA * 0.5 + maxS * X.mean : maxA * S(lo) + maxS * U(lo);
    const tol = 1e-13 * Math.abs(m) + 8 * Number.EPSILON * T * side;
    expect(Math.abs(table[2 * c] - m), `m of cell ${c}`).toBeLessThanOrEqual(tol);
    expect(Math.abs(table[2 * c + 1] - slope), `slope of cell ${c}`).toBeLessThanOrEqual(
      2 * tol + 1e-13 * Math.abs(m),
    );
  }
}

const BITS = 3,
  T = 8;
const edges = cellEdges(X, BITS);

describe('cellEdges', () => {
  it('are Q(c/T), from 0 to ∞', () => {
    expect(edges.length).toBe(T + 1);
    expect(edges[0]).toBe(0);
    expect(edges[T]).toBe(Infinity);
    for (let c = 1; c < T; c++) expect(Math.abs(edges[c] / quantile(c / T) - 1)).toBeLessThan(1e-14);
  });
  it('at 2^10 cells, also near the top (from the upper quantile)', () => {
    const e = cellEdges(X, 10);
    for (const c of [1, 2, 511, 512, 513, 1000, 1022, 1023])
      expect(Math.abs(e[c] / (s * (Math.pow(1 - c / 1024, -1 / alpha) - 1)) - 1)).toBeLessThan(1e-13);
    expect(e[1024]).toBe(Infinity);
  });
});

describe('buildCostTable, cell by cell', () => {
  it('a linear benefit 0.5·x: every cell but the unbounded last, the tail sampled', () => {
    const pw = pieces([0], [0], [0.5]);
    const t = buildCostTable(X, [pw], BITS);
    expect(t.bits).toBe(BITS);
    expect(t.tailStart).toBe(T - 1);
    expectCells(pw, t.tables[0], edges, T - 1);
  });
  it('a deductible at a cell edge and a cap reached inside a cell: all cells, the last at the cap', () => {
    const d = edges[2],
      top = (edges[4] + edges[5]) / 2;
    const cap = 0.6 * (top - d);
    const pw = pieces([0, d, top], [0, -0.6 * d, cap], [0, 0.6, 0]);
    const t = buildCostTable(X, [pw], BITS);
    expect(t.tailStart).toBe(T);
    expectCells(pw, t.tables[0], edges, T);
    expect(t.tables[0][2 * (T - 1)]).toBe(cap);
    expect(t.tables[0][2 * T - 1]).toBe(0);
    // the mean is exact: Σ m_c / T = E[b(X)] = 0.6·(E[X; d ≤ X < top] − d·P(d ≤ X < top)) + cap·S(top)
    let mean = 0;
    for (let c = 0; c < T; c++) mean += t.tables[0][2 * c] / T;
    const exact = 0.6 * (partial(d, top) - d * prob(d, top)) + cap * S(top);
    expect(Math.abs(mean / exact - 1)).toBeLessThan(1e-13);
  });
  it('a jump at a cell edge: B_lo above the jump in the cell it starts, B_hi below it in the cell it ends', () => {
    const e = edges[3];
    const pw = pieces([0, e], [0, 400], [0.5, 0.5]);
    const t = buildCostTable(X, [pw], BITS);
    expect(t.tailStart).toBe(T - 1);
    expectCells(pw, t.tables[0], edges, T - 1);
  });
  it('a described range ending exactly on an edge keeps that cell; one step below, it is sampled', () => {
    const pw = (end: number) => pieces([0, edges[1], edges[3]], [0, 100, 300], [0, 0, 0], end);
    const at = buildCostTable(X, [pw(edges[5])], BITS);
    expect(at.tailStart).toBe(5);
    expectCells(pw(edges[5]), at.tables[0], edges, 5);
    expect(buildCostTable(X, [pw(nextDown(edges[5]))], BITS).tailStart).toBe(4);
    expect(buildCostTable(X, [pw(nextUp(edges[5]))], BITS).tailStart).toBe(5);
  });
  it('a range described beyond the last edge but not to ∞ is still sampled in the last cell', () => {
    const pw = pieces([0, edges[2]], [0, 250], [0, 0], 1e12);
    expect(buildCostTable(X, [pw], BITS).tailStart).toBe(T - 1);
  });
  it('a step exactly at the last finite edge leaves the tail constant: tabulated; one step above, sampled', () => {
    const last = edges[T - 1];
    const at = pieces([0, last], [0, 500], [0, 0]);
    const t = buildCostTable(X, [at], BITS);
    expect(t.tailStart).toBe(T);
    expectCells(at, t.tables[0], edges, T);
    expect(t.tables[0][2 * (T - 1)]).toBe(500);
    const above = pieces([0, nextUp(last)], [0, 500], [0, 0]);
    expect(buildCostTable(X, [above], BITS).tailStart).toBe(T - 1);
    // steps below the last edge and one above it
    const more = pieces([0, edges[2], 2 * last], [0, 100, 200], [0, 0, 0]);
    expect(buildCostTable(X, [more], BITS).tailStart).toBe(T - 1);
    // capped below the last edge, with a slope before it: constant over the tail
    const capped = pieces([0, edges[1], edges[3]], [0, 0, 0.5 * (edges[3] - edges[1])], [0, 0.5, 0]);
    expect(buildCostTable(X, [capped], BITS).tailStart).toBe(T);
    // the same level reached again by a redundant piece above the last edge stays constant
    const again = pieces([0, edges[1], 3 * last], [0, 70, 70], [0, 0, 0]);
    expect(buildCostTable(X, [again], BITS).tailStart).toBe(T);
  });
  it('several benefits share the cells: the tail starts where the first of them needs it', () => {
    const capped = pieces([0, edges[1], edges[3]], [0, 0, 0.5 * (edges[3] - edges[1])], [0, 0.5, 0]);
    const ending = pieces([0], [0], [0.2], edges[4]);
    const t = buildCostTable(X, [capped, ending], BITS);
    expect(t.tailStart).toBe(4);
    expectCells(capped, t.tables[0], edges, 4);
    expectCells(ending, t.tables[1], edges, 4);
    const u = buildCostTable(X, [capped, pieces([0], [0], [0.2])], BITS);
    expect(u.tailStart).toBe(T - 1);
  });
  it('a constant benefit is that constant in every cell, to the last bit, with slope 0', () => {
    // every draw lies in [B_lo, B_hi] = [v, v]: no rounding of (v·P₁ + v·P₂)/(P₁ + P₂) may leave it
    for (const v of [0.1, 0.3, 0.7, 1.1, 3.3, 123.456, 7777.77, 1e-3, 2 / 3, Math.PI]) {
      // written as one piece per half cell, so that each cell sums v·P over two intervals
      const e = cellEdges(X, 6);
      const x = [0, ...Array.from(e.subarray(1, 64)).flatMap((edge, i) => [(e[i] + edge) / 2, edge])];
      const t = buildCostTable(
        X,
        [
          pieces(
            x,
            x.map(() => v),
            x.map(() => 0),
          ),
        ],
        6,
      );
      expect(t.tailStart).toBe(64);
      for (let c = 0; c < 64; c++) {
        expect(t.tables[0][2 * c]).toBe(v);
        expect(t.tables[0][2 * c + 1]).toBe(0);
      }
    }
  });
  it('one cell (bits 0) of a constant benefit written as two equal pieces is that constant', () => {
    const t = buildCostTable(X, [pieces([0, 5], [7, 7], [0, 0])], 0);
    expect(t.tailStart).toBe(1);
    expect(Array.from(t.tables[0])).toEqual([7, 0]);
  });
  it(`${DEFAULT_TABLE_BITS} bits by default; the top cells of a long table stay exact`, () => {
    expect(DEFAULT_TABLE_BITS).toBe(16);
    const pw = pieces([0], [0], [0.5]);
    const t = buildCostTable(X, [pw]);
    const n = 2 ** 16;
    expect(t.bits).toBe(16);
    expect(t.tailStart).toBe(n - 1);
    expect(t.tables[0].length).toBe(2 * (n - 1));
    // every cell to its accuracy; the top ones, taken from the right, to 1e-13
    const e = cellEdges(X, 16);
    expectCells(pw, t.tables[0], e, n - 1);
    for (const c of [n - 64, n - 3, n - 2]) {
      const [m] = refCell(pw, e[c], e[c + 1]);
      expect(Math.abs(t.tables[0][2 * c] / m - 1), `m of cell ${c}`).toBeLessThan(1e-13);
    }
  });
  it('a gamma cost (shape 4): the bottom cells from the left, the top ones from the right, to 1e-11', () => {
    // P(k, t) = e^{−t} Σ_{j≥k} t^j/j!, Q(k, t) = e^{−t} Σ_{j<k} t^j/j!: positive sums, no cancellation
    const tail = (k: number, t: number) => {
      let term = Math.exp(-t),
        Q = 0,
        P = 0;
      for (let j = 0; j < k; j++, term *= t / j) Q += term;
      for (let j = k; j < t + 40 || term > 1e-18 * P; j++, term *= t / j) P += term;
      return { P, Q };
    };
    const theta = 750,
      mean = 3000; // shape 4, scale 750
    const G = continuousCost({ dist: 'gamma', mean, cv: 0.5 });
    const n = 2 ** 16;
    const t = buildCostTable(G, [pieces([0], [0], [1])]);
    const e = cellEdges(G, 16);
    expect(t.tailStart).toBe(n - 1);
    for (const c of [0, 1, 2, 100, n - 100, n - 3, n - 2]) {
      const lo = e[c] / theta,
        hi = e[c + 1] / theta;
      const [p, m] =
        c < n / 2
          ? [tail(4, hi).P - tail(4, lo).P, mean * (tail(5, hi).P - tail(5, lo).P)]
          : [tail(4, lo).Q - tail(4, hi).Q, mean * (tail(5, lo).Q - tail(5, hi).Q)];
      expect(Math.abs(t.tables[0][2 * c] / (m / p) - 1), `m of cell ${c}`).toBeLessThan(1e-11);
    }
    // a step of 1000 a millionth below the top of the first cell (P ≈ 6e-11 above it, from the left)
    // and of the last tabulated one (P ≈ 1e-10, from the right)
    for (const [c, fromLeft] of [
      [0, true],
      [n - 2, false],
    ] as const) {
      const lo = e[c],
        hi = e[c + 1],
        K = hi * (1 - 1e-6);
      const u = buildCostTable(G, [pieces([0, K], [0, 1000], [0, 0])]);
      const [pStep, pCell] = fromLeft
        ? [tail(4, hi / theta).P - tail(4, K / theta).P, tail(4, hi / theta).P - tail(4, lo / theta).P]
        : [tail(4, K / theta).Q - tail(4, hi / theta).Q, tail(4, lo / theta).Q - tail(4, hi / theta).Q];
      expect(Math.abs(u.tables[0][2 * c] / ((1000 * pStep) / pCell) - 1), `step in cell ${c}`).toBeLessThan(
        1e-9,
      );
    }
  });
});
