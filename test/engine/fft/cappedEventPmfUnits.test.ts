/**
 * cappedEventPmf.ts directly, on hand-built components (one to three cells of 1 to 100 members,
 * one to three lump sums, limits), every expected figure worked out in this file, none by the
 * code under test:
 *
 * - Θ ≡ 1 (rateCv 0: one quadrature node of weight 1, distance 0): one member's payment under one
 *   lump sum is a capped Poisson count, P(W = k·a) = e^{−ν}ν^k/k! for k < ⌈c/a⌉ and the rest at the
 *   cap c; with a waiting amount, J | K ~ Binomial(K, w), and with several lump sums or a limit,
 *   W is summed term by term over K ≤ 60 (P(K > 60) < 1e-60 at the rates used, ≤ 1.2) and J;
 *   several members and cells are its convolution powers, convolved here;
 * - Θ ~ Gamma(1, cv): one member's count, and a cell's total count when its lump sum is
 *   uncapped, are negative binomial (a Poisson mixed over a Gamma), checked to the quadrature's
 *   reported total-variation distance plus 1e-12; and against Σ_q w_q·(the Θ = θ_q law) over the
 *   nodes of thetaQuadrature.ts (another file, taken as given) to 1e-12;
 * - the span (the gcd of the amounts, caps and waiting amounts × factor, and of the limit caps);
 *   the window: below the Chernoff point at 1e-18 (solved here by bisection for a Poisson count),
 *   or, for a payment on [0, M] with P(S = 0) and P(S = M) above 1e-18, the window [0, M + δ],
 *   δ = (−ln 1e-18 + ln P(S = M))/1e3 < 0.042 yuan (the bound (Λ(s) + L)/s decreases in s, so its
 *   minimum is at the largest s searched, 1e3 a yuan), so 2^⌈log2(M/σ + 3)⌉ points when M/σ is
 *   whole and σ > 0.042; the neglected mass m·P(K = k*), k* the first count past the mean with
 *   P(K = k* | θ_max) < 1e-30; the events' mean Σ m·rate (the thinned rate for one lump sum);
 * - the split when the payments have no usable lattice (not whole fen, or a fen lattice needing
 *   more than 2^16 points): span ∈ (M/2^14, (M + 0.09)/2^14) (the window's width over 2^14), and
 *   each payment v at u = v/σ shared 1 − (u − ⌊u⌋) at ⌊u⌋ and u − ⌊u⌋ at ⌊u⌋ + 1, per member, so
 *   the pmf is the members' convolution of those, the mean preserved and the total 1.
 *
 * Tolerance 1e-12 absolute on each probability: an FFT of at most 2^15 points whose inputs are
 * exact to rounding gives errors near 1e-16, and each window misses at most 2e-18.
 */
import { describe, expect, it } from 'vitest';
import type {
  CappedCell,
  CappedEventComponent,
  CappedLump,
} from '../../../src/engine/fft/buildComponents.ts';
import { cappedEventPmf, type CappedEventPmf } from '../../../src/engine/fft/cappedEventPmf.ts';
import { thetaQuadrature } from '../../../src/engine/fft/thetaQuadrature.ts';

/** A distribution on the grid: index (value/σ) → probability. */
type Dist = Map<number, number>;

const TOL = 1e-12;
/** −ln 1e-18, the window's tail exponent. */
const L18 = 41.44653167389282;

const options = () => ({ tolerance: 1e-10, maxNodes: 4096 });

/** A lump sum; lambda = rate·paid. */
const lump = (o: {
  rate: number;
  paid?: number;
  amount: number;
  waiting?: number;
  cap: number;
  factor?: number;
}): CappedLump => ({
  lambda: o.rate * (o.paid ?? 1),
  paid: o.paid ?? 1,
  amount: o.amount,
  waitingAmount: o.waiting ?? 0,
  cap: o.cap,
  factor: o.factor ?? 1,
});

const cell = (
  members: number,
  rate: number,
  lumps: CappedLump[],
  limits: CappedCell['limits'] = [],
): CappedCell => ({
  members,
  rate,
  lumps,
  limits,
});

const component = (rateCv: number, cells: CappedCell[]): CappedEventComponent => ({
  kind: 'capped-event',
  risk: 'e',
  rateCv,
  cells,
});

/** Poisson(ν) pmf for k = 0..kMax by p(k) = p(k − 1)·ν/k. */
const poisson = (nu: number, kMax: number) => {
  const out = [Math.exp(-nu)];
  for (let k = 1; k <= kMax; k++) out.push((out[k - 1] * nu) / k);
  return out;
};

/** Negative binomial, mean μ, r = 1/cv²: p(0) = (r/(r + μ))^r, p(n) = p(n − 1)·(n − 1 + r)/n·μ/(r + μ). */
const negativeBinomial = (mu: number, cv: number, nMax: number) => {
  const r = 1 / (cv * cv);
  const out = [Math.pow(r / (r + mu), r)];
  for (let n = 1; n <= nMax; n++) out.push((((out[n - 1] * (n - 1 + r)) / n) * mu) / (r + mu));
  return out;
};

/** C(n, j)·w^j·(1 − w)^{n−j} as a product. */
const binomial = (j: number, n: number, w: number) => {
  let c = 1;
  for (let i = 0; i < j; i++) c = (c * (n - i)) / (i + 1);
  return c * w ** j * (1 - w) ** (n - j);
};

/** k*: the first k past ν with P(K = k) < 1e-30, and that probability. */
const truncation = (nu: number) => {
  let p = Math.exp(-nu),
    k = 0;
  while (!(k > nu && p < 1e-30)) {
    k++;
    p = Math.exp(k * Math.log(nu) - nu - logFactorial(k));
  }
  return { k, p };
};

const logFactorial = (k: number) => {
  let s = 0;
  for (let i = 2; i <= k; i++) s += Math.log(i);
  return s;
};

const add = (d: Dist, i: number, p: number) => d.set(i, (d.get(i) ?? 0) + p);

const convolve = (a: Dist, b: Dist): Dist => {
  const out: Dist = new Map();
  for (const [i, p] of a) for (const [j, q] of b) add(out, i + j, p * q);
  return out;
};

const power = (a: Dist, m: number): Dist => {
  let out: Dist = new Map([[0, 1]]);
  for (let i = 0; i < m; i++) out = convolve(out, a);
  return out;
};

/** Σ_n P(K = n)·(payment given K = n), K ~ Poisson(ν), n ≤ 60; payments in yuan, put at value/σ. */
const byCount = (nu: number, span: number, payment: (n: number) => [number, number][]): Dist => {
  const p = poisson(nu, 60);
  const out: Dist = new Map();
  for (let n = 0; n <= 60; n++) for (const [v, q] of payment(n)) add(out, Math.round(v / span), p[n] * q);
  return out;
};

/** One member, one lump sum: k·a for k < ⌈c/a⌉ with the Poisson (or given) count law, the rest at c. */
const cappedCount = (count: number[], amount: number, cap: number, span: number): Dist => {
  const kc = Math.ceil(cap / amount);
  const out: Dist = new Map();
  let below = 0;
  for (let k = 0; k < kc; k++) {
    add(out, Math.round((k * amount) / span), count[k]);
    below += count[k];
  }
  add(out, Math.round(cap / span), 1 - below);
  return out;
};

/** Every pmf point against `want` (by grid index), none negative, and want's mass inside the window. */
const expectPmf = (r: CappedEventPmf, want: Dist, tol: number) => {
  const offset = Math.round(r.origin / r.span);
  expect(r.origin).toBe(offset * r.span);
  let worst = 0,
    at = NaN,
    least = Infinity,
    inside = 0;
  for (let i = 0; i < r.pmf.length; i++) {
    const e = Math.abs(r.pmf[i] - (want.get(offset + i) ?? 0));
    if (e > worst) [worst, at] = [e, offset + i];
    least = Math.min(least, r.pmf[i]);
  }
  for (const [i, p] of want) if (i >= offset && i < offset + r.pmf.length) inside += p;
  expect(worst, `worst at grid point ${at}`).toBeLessThanOrEqual(tol);
  expect(least).toBeGreaterThanOrEqual(0);
  expect(1 - inside).toBeLessThanOrEqual(tol);
};

/** Σ_i pmf_i and Σ_i pmf_i·(origin + i·σ). */
const moments = (r: CappedEventPmf) => {
  let total = 0,
    mean = 0;
  r.pmf.forEach((p, i) => {
    total += p;
    mean += p * (r.origin + i * r.span);
  });
  return { total, mean };
};

/**
 * The Chernoff point of a Poisson(ν) count at 1e-18: side 1, min_t (ν(e^t − 1) + L)/t; side −1,
 * −min_t (ν(e^{−t} − 1) + L)/t; the minimum where the derivative's numerator
 * ν·side·t·e^{side·t} − ν(e^{side·t} − 1) − L (increasing in t, −L at 0) crosses 0, by bisection.
 */
const poissonChernoff = (nu: number, side: 1 | -1) => {
  const g = (t: number) => nu * (Math.exp(side * t) - 1) + L18;
  const slope = (t: number) => nu * side * t * Math.exp(side * t) - g(t);
  let a = 1e-9,
    b = 50;
  for (let i = 0; i < 200; i++) {
    const mid = (a + b) / 2;
    if (slope(mid) < 0) a = mid;
    else b = mid;
  }
  return (side * g(a)) / a;
};

/** The mean-preserving split of one member's payments (yuan → probability) onto span σ. */
const splitOnto = (payments: [number, number][], span: number): Dist => {
  const out: Dist = new Map();
  for (const [v, p] of payments) {
    const u = v / span,
      j = Math.floor(u);
    add(out, j, p * (1 - (u - j)));
    add(out, j + 1, p * (u - j));
  }
  return out;
};

describe('cappedEventPmf, Θ ≡ 1 (rateCv 0)', () => {
  it('one member, one lump sum capped between multiples: Poisson below the cap, the rest at it', () => {
    // λ = 1·0.8; values 0, 100, 200 and 250 = min(300, 250); σ = gcd(100, 250) = 50; M/σ = 5 → 8.
    const r = cappedEventPmf(
      component(0, [cell(1, 1, [lump({ rate: 1, paid: 0.8, amount: 100, cap: 250 })])]),
      options(),
    );
    expect(r.span).toBe(50);
    expect(r.origin).toBe(0);
    expect(r.pmf.length).toBe(8);
    const e = Math.exp(-0.8);
    const want: Dist = new Map([
      [0, e],
      [2, 0.8 * e],
      [4, 0.32 * e],
      [5, 1 - e * (1 + 0.8 + 0.32)],
    ]);
    expectPmf(r, want, TOL);
    expect(r.pmf[5]).toBeCloseTo(0.047422, 5);
    expect(r.outside).toBe(2e-18);
    expect(r.quadrature).toBe(0);
    expect(r.neglected).toBe(0);
    expect(r.splitPerEvent).toBe(false);
    expect(r.events).toBeCloseTo(0.8, 15);
  });

  it('two members and a second cell: the convolution of capped Poisson payments', () => {
    // Cell A: 2 members, ν 0.5, 100 capped at 300 (a multiple: values 0..300); cell B: 1 member,
    // ν 0.3, 150 capped at 150 (values 0, 150). σ = gcd(100, 300, 150) = 50; M = 750: 15 → 32.
    const r = cappedEventPmf(
      component(0, [
        cell(2, 0.5, [lump({ rate: 0.5, amount: 100, cap: 300 })]),
        cell(1, 0.3, [lump({ rate: 0.3, amount: 150, cap: 150 })]),
      ]),
      options(),
    );
    expect(r.span).toBe(50);
    expect(r.pmf.length).toBe(32);
    const a = cappedCount(poisson(0.5, 5), 100, 300, 50);
    const b = cappedCount(poisson(0.3, 5), 150, 150, 50);
    expect(b).toEqual(
      new Map([
        [0, Math.exp(-0.3)],
        [3, 1 - Math.exp(-0.3)],
      ]),
    );
    expectPmf(r, convolve(power(a, 2), b), TOL);
    expect(r.neglected).toBe(0);
    expect(r.events).toBeCloseTo(1.3, 15);
  });

  it('a per-share factor multiplies the payments and the cap, and so the span', () => {
    // Values 2·(0, 100, 200, 250); σ = gcd(200, 500) = 100; M/σ = 5 → 8 points.
    const r = cappedEventPmf(
      component(0, [cell(1, 1, [lump({ rate: 1, amount: 100, cap: 250, factor: 2 })])]),
      options(),
    );
    expect(r.span).toBe(100);
    expect(r.pmf.length).toBe(8);
    expectPmf(r, cappedCount(poisson(1, 5), 200, 500, 100), TOL);
    // A waiting amount per share too: 2·min(200, 100·J + 50·(K − J)), J | K ~ Binomial(K, 0.6);
    // σ = gcd(200, 400, 100) = 100; M/σ = 4 → 8 points.
    const waiting = cappedEventPmf(
      component(0, [
        cell(1, 1, [lump({ rate: 1, paid: 0.6, amount: 100, waiting: 50, cap: 200, factor: 2 })]),
      ]),
      options(),
    );
    expect(waiting.span).toBe(100);
    expect(waiting.pmf.length).toBe(8);
    const want = byCount(1, 100, (n) =>
      Array.from({ length: n + 1 }, (_, j) => [
        2 * Math.min(200, 100 * j + 50 * (n - j)),
        binomial(j, n, 0.6),
      ]),
    );
    expectPmf(waiting, want, TOL);
  });

  it('a large mean, uncapped: K truncated past the mean at 1e-30 and counted in `neglected`; the window by Chernoff', () => {
    // ν = 80: P(K = 0) = e^{-80} < 1e-30 lies below the mean, where the truncation must not stop.
    const r = cappedEventPmf(
      component(0, [cell(4, 80, [lump({ rate: 80, amount: 10, cap: Infinity })])]),
      options(),
    );
    expect(r.span).toBe(10);
    const { k, p } = truncation(80);
    expect(r.neglected / (4 * p)).toBeCloseTo(1, 9);
    expect(r.neglected).toBeLessThan(4e-30);
    // Four members: S/10 ~ Poisson(320) (each member's count truncated at k* ≈ 180 contributes
    // below 1e-29).
    expect(k).toBeGreaterThan(150);
    const lo = poissonChernoff(320, -1),
      hi = poissonChernoff(320, 1);
    // 171.63 and 496.16: the window 171..(497 + 2) → 512 points.
    const from = Math.floor(lo);
    expect(r.origin).toBe(10 * from);
    expect(r.pmf.length).toBe(2 ** Math.ceil(Math.log2(Math.ceil(hi) - from + 2)));
    const pois = poisson(320, 800);
    expectPmf(r, new Map(pois.map((q, n) => [n, q])), TOL);
    expect(r.events).toBe(320);
    // Capped at 10·(k* + 1): the payments end at k* + 1 = ⌈cap/10⌉ exactly where the truncation
    // would stop, so nothing is neglected.
    const capped = cappedEventPmf(
      component(0, [cell(1, 80, [lump({ rate: 80, amount: 10, cap: 10 * (k + 1) })])]),
      options(),
    );
    expect(capped.neglected).toBe(0);
    expectPmf(capped, cappedCount(poisson(80, k + 1), 10, 10 * (k + 1), 10), TOL);
  });

  it('a large mean under the table: the same truncation through memberTable', () => {
    // Two members, ν = 80, two lump sums: 10 uncapped (no saturation), 20 capped at 100.
    // W = 10K + min(100, 20K); K truncated at k*, K ≥ k* + 1 paying as K = k* + 1.
    const r = cappedEventPmf(
      component(0, [
        cell(2, 80, [
          lump({ rate: 80, amount: 10, cap: Infinity }),
          lump({ rate: 80, amount: 20, cap: 100 }),
        ]),
      ]),
      options(),
    );
    expect(r.span).toBe(10);
    const { p } = truncation(80);
    expect(r.neglected / (2 * p)).toBeCloseTo(1, 9);
    const pois = poisson(80, 300);
    const one: Dist = new Map();
    pois.forEach((q, n) => add(one, (10 * n + Math.min(100, 20 * n)) / 10, q));
    expectPmf(r, power(one, 2), TOL);
    expect(r.events).toBe(160);
  });

  it('a waiting amount: J | K ~ Binomial(K, w), W = min(cap, a·J + waiting·(K − J))', () => {
    // rate 1.2, w 0.7, 1000 or 400, cap 2100: saturates at K = ⌈2100/400⌉ = 6 whatever J.
    // σ = gcd(1000, 2100, 400) = 100; M/σ = 21 → 32 points.
    const r = cappedEventPmf(
      component(0, [cell(1, 1.2, [lump({ rate: 1.2, paid: 0.7, amount: 1000, waiting: 400, cap: 2100 })])]),
      options(),
    );
    expect(r.span).toBe(100);
    expect(r.pmf.length).toBe(32);
    const want = byCount(1.2, 100, (n) =>
      Array.from({ length: n + 1 }, (_, j) => [
        Math.min(2100, 1000 * j + 400 * (n - j)),
        binomial(j, n, 0.7),
      ]),
    );
    expectPmf(r, want, TOL);
    expect(r.neglected).toBe(0);
    expect(r.events).toBeCloseTo(1.2, 15);
  });

  it('one lump sum with a waiting amount when every event is paid (w 1) or none is (w 0), or under a limit', () => {
    // w = 1: W = min(3000, 1000·K); the waiting amount 10 never pays, and saturation comes at
    // ⌈3000/1000⌉ = 3 (not at ⌈3000/10⌉: no neglected mass). σ = gcd(1000, 3000, 10) = 10 → 512.
    const paid = cappedEventPmf(
      component(0, [cell(1, 1, [lump({ rate: 1, paid: 1, amount: 1000, waiting: 10, cap: 3000 })])]),
      options(),
    );
    expect(paid.span).toBe(10);
    expect(paid.pmf.length).toBe(512);
    const want = cappedCount(poisson(1, 5), 1000, 3000, 10);
    expectPmf(paid, want, TOL);
    expect(paid.neglected).toBe(0);
    expect(paid.events).toBe(1);
    // w = 0: every event pays the waiting amount 1000 (the amount 10 never): the same law; the
    // rate is the cell's (1), not the lump sum's thinned λ = 0.
    const waiting = cappedEventPmf(
      component(0, [cell(1, 1, [lump({ rate: 1, paid: 0, amount: 10, waiting: 1000, cap: 3000 })])]),
      options(),
    );
    expect(waiting.span).toBe(10);
    expectPmf(waiting, want, TOL);
    expect(waiting.neglected).toBe(0);
    expect(waiting.events).toBe(1);
    // A limit of 300 over one lump sum of 50 capped at 500: W = min(300, 50·K); σ = 50;
    // M/σ = 6: ⌈6.0008⌉ + 2 = 9 → 16 points.
    const limited = cappedEventPmf(
      component(0, [cell(1, 1, [lump({ rate: 1, amount: 50, cap: 500 })], [{ lumps: [0], cap: 300 }])]),
      options(),
    );
    expect(limited.span).toBe(50);
    expect(limited.pmf.length).toBe(16);
    expectPmf(limited, cappedCount(poisson(1, 7), 50, 300, 50), TOL);
    expect(limited.neglected).toBe(0);
  });

  it('several lump sums, two under a limit and one outside it', () => {
    // rate 0.9; lump 0: 300 (w 1) capped at 600; lump 1: 200, or 100 in the waiting period
    // (w 0.5), capped at 500; lump 2: 50 capped at 100, outside the limit of 725 over 0 and 1.
    // W = min(W0 + W1, 725) + W2. σ = gcd(300, 600, 200, 100, 500, 50, 725) = 25; M = 825 → 64.
    const r = cappedEventPmf(
      component(0, [
        cell(
          1,
          0.9,
          [
            lump({ rate: 0.9, amount: 300, cap: 600 }),
            lump({ rate: 0.9, paid: 0.5, amount: 200, waiting: 100, cap: 500 }),
            lump({ rate: 0.9, amount: 50, cap: 100 }),
          ],
          [{ lumps: [0, 1], cap: 725 }],
        ),
      ]),
      options(),
    );
    expect(r.span).toBe(25);
    expect(r.pmf.length).toBe(64);
    const want = byCount(0.9, 25, (n) =>
      Array.from({ length: n + 1 }, (_, j) => [
        Math.min(Math.min(600, 300 * n) + Math.min(500, 200 * j + 100 * (n - j)), 725) +
          Math.min(100, 50 * n),
        binomial(j, n, 0.5),
      ]),
    );
    expectPmf(r, want, TOL);
    // Saturated at K = 5 (⌈500/100⌉): nothing neglected.
    expect(r.neglected).toBe(0);
    expect(r.events).toBeCloseTo(0.9, 15);
    // Two lump sums saturating at different counts, ⌈200/100⌉ = 2 and ⌈500/100⌉ = 5, no limit:
    // W = min(200, 100·K) + min(500, 100·K), the table to K ≥ 5.
    const two = cappedEventPmf(
      component(0, [
        cell(1, 1, [lump({ rate: 1, amount: 100, cap: 200 }), lump({ rate: 1, amount: 100, cap: 500 })]),
      ]),
      options(),
    );
    expect(two.span).toBe(100);
    expectPmf(
      two,
      byCount(1, 100, (n) => [[Math.min(200, 100 * n) + Math.min(500, 100 * n), 1]]),
      TOL,
    );
    expect(two.neglected).toBe(0);
    // Two lump sums under one limit, each with a waiting period (w 0.5), so each has several
    // payments at K = n and their sums coincide (at K = 2: 200 + 400 = 300 + 300 = 400 + 200):
    // W = min(min(1000, 200·J + 100·(K − J)) + min(1000, 200·J' + 100·(K − J')), 700), J and J'
    // independent Binomial(K, 0.5). σ = gcd(200, 100, 1000, 700) = 100.
    const waits = () => lump({ rate: 1.2, paid: 0.5, amount: 200, waiting: 100, cap: 1000 });
    const pooled = cappedEventPmf(
      component(0, [cell(1, 1.2, [waits(), waits()], [{ lumps: [0, 1], cap: 700 }])]),
      options(),
    );
    expect(pooled.span).toBe(100);
    const pay = (n: number, j: number) => Math.min(1000, 200 * j + 100 * (n - j));
    expectPmf(
      pooled,
      byCount(1.2, 100, (n) =>
        Array.from({ length: (n + 1) ** 2 }, (_, i): [number, number] => {
          const [j, jj] = [i % (n + 1), Math.floor(i / (n + 1))];
          return [Math.min(pay(n, j) + pay(n, jj), 700), binomial(j, n, 0.5) * binomial(jj, n, 0.5)];
        }),
      ),
      TOL,
    );
    expect(pooled.neglected).toBe(0);
  });

  it('cells of 3 and 2 members, the second per share (factor 2, limit cap × 2)', () => {
    // Lump 0: 100 capped at 200 (w 1); lump 1: 60, or 30 waiting (w 0.8), capped at 120; a limit
    // over both of 250 (one share) or 500 (two shares, every payment × 2). σ = 10; M = 1750 → 256.
    const lumps = (rate: number, factor: number) => [
      lump({ rate, amount: 100, cap: 200, factor }),
      lump({ rate, paid: 0.8, amount: 60, waiting: 30, cap: 120, factor }),
    ];
    const r = cappedEventPmf(
      component(0, [
        cell(3, 0.5, lumps(0.5, 1), [{ lumps: [0, 1], cap: 250 }]),
        cell(2, 0.4, lumps(0.4, 2), [{ lumps: [0, 1], cap: 500 }]),
      ]),
      options(),
    );
    expect(r.span).toBe(10);
    expect(r.pmf.length).toBe(256);
    const member = (nu: number, f: number, cap: number) =>
      byCount(nu, 10, (n) =>
        Array.from({ length: n + 1 }, (_, j) => [
          Math.min(f * Math.min(200, 100 * n) + f * Math.min(120, 60 * j + 30 * (n - j)), cap),
          binomial(j, n, 0.8),
        ]),
      );
    expectPmf(r, convolve(power(member(0.5, 1, 250), 3), power(member(0.4, 2, 500), 2)), TOL);
    expect(r.neglected).toBe(0);
    expect(r.events).toBeCloseTo(2.3, 14);
  });

  it('a thinned lump sum without a waiting amount never saturates: K truncated at 1e-30, neglected counted', () => {
    // 2 members, rate 1: lump A 100 (w 0.5, nothing in the waiting period) capped at 200, lump B 50
    // capped at 100. W = min(200, 100·J) + min(100, 50·K), J | K ~ Binomial(K, 0.5); σ = 50;
    // M = 600 → 16 points.
    const r = cappedEventPmf(
      component(0, [
        cell(2, 1, [
          lump({ rate: 1, paid: 0.5, amount: 100, cap: 200 }),
          lump({ rate: 1, amount: 50, cap: 100 }),
        ]),
      ]),
      options(),
    );
    expect(r.span).toBe(50);
    expect(r.pmf.length).toBe(16);
    const member = byCount(1, 50, (n) =>
      Array.from({ length: n + 1 }, (_, j) => [
        Math.min(200, 100 * j) + Math.min(100, 50 * n),
        binomial(j, n, 0.5),
      ]),
    );
    expectPmf(r, power(member, 2), TOL);
    const { p } = truncation(1);
    expect(r.neglected / (2 * p)).toBeCloseTo(1, 9);
    expect(r.events).toBe(2);
  });

  it('two cells of many members: convolution powers, the dead frequencies skipped', () => {
    // 30 members, ν 0.3, 100 capped at 200; 20 members, ν 0.5, 150 capped at 150; σ = 50.
    const r = cappedEventPmf(
      component(0, [
        cell(30, 0.3, [lump({ rate: 0.3, amount: 100, cap: 200 })]),
        cell(20, 0.5, [lump({ rate: 0.5, amount: 150, cap: 150 })]),
      ]),
      options(),
    );
    expect(r.span).toBe(50);
    const want = convolve(
      power(cappedCount(poisson(0.3, 5), 100, 200, 50), 30),
      power(cappedCount(poisson(0.5, 5), 150, 150, 50), 20),
    );
    expectPmf(r, want, TOL);
    expect(r.origin).toBe(0);
    expect(r.events).toBeCloseTo(19, 13);
  });
});

describe('cappedEventPmf, Θ ~ Gamma(1, cv)', () => {
  it('one member, one capped lump sum: the negative binomial count, capped', () => {
    // λ = 0.6, cv 0.5: K ~ NB(mean 0.6, r = 4); W = 100·min(K, 3).
    const r = cappedEventPmf(
      component(0.5, [cell(1, 0.6, [lump({ rate: 0.6, amount: 100, cap: 300 })])]),
      options(),
    );
    expect(r.span).toBe(100);
    expect(r.quadrature).toBeGreaterThan(0);
    expect(r.quadrature).toBeLessThanOrEqual(1e-10);
    expectPmf(r, cappedCount(negativeBinomial(0.6, 0.5, 5), 100, 300, 100), r.quadrature + TOL);
    const quad = thetaQuadrature(0.6, 0.5, options());
    const mix: Dist = new Map();
    quad.theta.forEach((t, q) => {
      for (const [i, p] of cappedCount(poisson(0.6 * t, 5), 100, 300, 100)) add(mix, i, quad.weight[q] * p);
    });
    expectPmf(r, mix, TOL);
    expect(r.quadrature).toBe(quad.distance);
    expect(r.neglected).toBe(0);
    expect(r.events).toBe(0.6);
  });

  it('100 members uncapped: the total count is negative binomial; windows of several sizes off the origin', () => {
    // λ = 0.5 thinned from 1 by w 0.5, cv 0.3: S/100 ~ NB(mean 50, r = 1/0.09).
    const r = cappedEventPmf(
      component(0.3, [cell(100, 1, [lump({ rate: 1, paid: 0.5, amount: 100, cap: Infinity })])]),
      options(),
    );
    expect(r.span).toBe(100);
    expect(r.events).toBeCloseTo(50, 12);
    expect(r.quadrature).toBeGreaterThan(0);
    expect(r.quadrature).toBeLessThanOrEqual(1e-10);
    const nb = negativeBinomial(50, 0.3, 1500);
    expectPmf(r, new Map(nb.map((p, n) => [n, p])), r.quadrature + TOL);
    const quad = thetaQuadrature(50, 0.3, options());
    expect(quad.theta.length).toBeGreaterThan(10);
    const mix: Dist = new Map();
    quad.theta.forEach((t, q) => poisson(50 * t, 1500).forEach((p, n) => add(mix, n, quad.weight[q] * p)));
    expectPmf(r, mix, TOL);
    // Each member truncated at the largest node: 100·P(K = k*), K ~ Poisson(0.5·θ_max).
    const { p } = truncation(0.5 * quad.theta[quad.theta.length - 1]);
    expect(r.neglected / (100 * p)).toBeCloseTo(1, 9);
  });
});

describe('cappedEventPmf, the table under Θ ~ Gamma', () => {
  it('one member, an uncapped lump sum beside a thinned capped one: the node mixture, K truncated at θ_max', () => {
    // rate 1, cv 0.5 (θ_max above 5: P(K > 80) < 1e-30 at every node); W = 100·K + min(100, 50·J), J | K ~ Binomial(K, 0.6) (never saturates).
    const r = cappedEventPmf(
      component(0.5, [
        cell(1, 1, [
          lump({ rate: 1, amount: 100, cap: Infinity }),
          lump({ rate: 1, paid: 0.6, amount: 50, cap: 100 }),
        ]),
      ]),
      options(),
    );
    expect(r.span).toBe(50);
    expect(r.events).toBe(1);
    const quad = thetaQuadrature(1, 0.5, options());
    expect(r.quadrature).toBe(quad.distance);
    const thetaMax = quad.theta[quad.theta.length - 1];
    expect(thetaMax).toBeGreaterThan(5);
    expect(thetaMax).toBeLessThan(20);
    const mix: Dist = new Map();
    quad.theta.forEach((t, q) => {
      const p = poisson(t, 80);
      p.forEach((pk, n) => {
        for (let j = 0; j <= n; j++)
          add(mix, (100 * n + Math.min(100, 50 * j)) / 50, quad.weight[q] * pk * binomial(j, n, 0.6));
      });
    });
    expectPmf(r, mix, TOL);
    const { p } = truncation(thetaMax);
    expect(r.neglected / p).toBeCloseTo(1, 9);
  });
});

describe('cappedEventPmf, payments split onto a coarser span', () => {
  it('amounts not whole fen: the split of each payment, the mean kept', () => {
    // 100.005 capped at 300: values 0, 100.005, 200.01, 300 with Poisson(0.7) weights.
    const r = cappedEventPmf(
      component(0, [cell(1, 0.7, [lump({ rate: 0.7, amount: 100.005, cap: 300 })])]),
      options(),
    );
    expect(r.splitPerEvent).toBe(true);
    expect(r.span).toBeGreaterThan(300 / 2 ** 14);
    expect(r.span).toBeLessThan(300.09 / 2 ** 14);
    expect(r.origin).toBe(0);
    const p = poisson(0.7, 2);
    const payments: [number, number][] = [
      [0, p[0]],
      [100.005, p[1]],
      [200.01, p[2]],
      [300, 1 - p[0] - p[1] - p[2]],
    ];
    expectPmf(r, splitOnto(payments, r.span), TOL);
    const { total, mean } = moments(r);
    expect(Math.abs(total - 1)).toBeLessThanOrEqual(TOL);
    const exact = payments.reduce((s, [v, q]) => s + v * q, 0);
    expect(mean / exact).toBeCloseTo(1, 12);
    expect(r.neglected).toBe(0);
    expect(r.events).toBe(0.7);
  });

  it('a fen lattice too fine for the window (gcd 0.01 over 6,000): split, per member', () => {
    // Two members, 1000.01 capped at 3000: values 0, 1000.01, 2000.02, 3000; gcd 0.01 yuan
    // would need 600,000 points.
    const r = cappedEventPmf(
      component(0, [cell(2, 0.4, [lump({ rate: 0.4, amount: 1000.01, cap: 3000 })])]),
      options(),
    );
    expect(r.splitPerEvent).toBe(true);
    expect(r.span).toBeGreaterThan(6000 / 2 ** 14);
    expect(r.span).toBeLessThan(6000.09 / 2 ** 14);
    const p = poisson(0.4, 2);
    const one = splitOnto(
      [
        [0, p[0]],
        [1000.01, p[1]],
        [2000.02, p[2]],
        [3000, 1 - p[0] - p[1] - p[2]],
      ],
      r.span,
    );
    expectPmf(r, power(one, 2), TOL);
    const exact = 2 * (1000.01 * p[1] + 2000.02 * p[2] + 3000 * (1 - p[0] - p[1] - p[2]));
    expect(moments(r).mean / exact).toBeCloseTo(1, 12);
  });

  it('split under Θ ~ Gamma: the node mixture of the split payments', () => {
    // One member, 100.005 capped at 300, cv 0.4: Σ_q w_q·split(capped Poisson(0.7·θ_q)).
    const r = cappedEventPmf(
      component(0.4, [cell(1, 0.7, [lump({ rate: 0.7, amount: 100.005, cap: 300 })])]),
      options(),
    );
    expect(r.splitPerEvent).toBe(true);
    const quad = thetaQuadrature(0.7, 0.4, options());
    const mix: Dist = new Map();
    quad.theta.forEach((t, q) => {
      const p = poisson(0.7 * t, 2);
      const payments: [number, number][] = [
        [0, p[0]],
        [100.005, p[1]],
        [200.01, p[2]],
        [300, 1 - p[0] - p[1] - p[2]],
      ];
      for (const [i, x] of splitOnto(payments, r.span)) add(mix, i, quad.weight[q] * x);
    });
    expectPmf(r, mix, TOL);
    expect(Math.abs(moments(r).total - 1)).toBeLessThanOrEqual(TOL);
  });

  it('split under Θ ~ Gamma, 20 members: windows node by node, total 1, the first two moments', () => {
    // 20 members, 100.005 capped at 300, cv 0.4: given θ the members' split payments U_i are
    // iid, E[U | θ] = E[W | θ] and E[U² | θ] = Σ_v P(v)·σ²·((1 − f)·j² + f·(j + 1)²), j = ⌊v/σ⌋,
    // f = v/σ − j; E[S] = Σ_q w_q·20·E[U | θ_q], E[S²] = Σ_q w_q·(20·Var(U | θ_q) + (20·E[U | θ_q])²).
    // The windows move with θ: near 0 at the smallest node, near 6,000 at the largest.
    const r = cappedEventPmf(
      component(0.4, [cell(20, 0.7, [lump({ rate: 0.7, amount: 100.005, cap: 300 })])]),
      options(),
    );
    expect(r.splitPerEvent).toBe(true);
    expect(r.span).toBeGreaterThan(6000 / 2 ** 14);
    expect(r.span).toBeLessThan(6000.09 / 2 ** 14);
    const quad = thetaQuadrature(14, 0.4, options());
    let mean = 0,
      second = 0;
    quad.theta.forEach((t, q) => {
      const p = poisson(0.7 * t, 2);
      const payments: [number, number][] = [
        [0, p[0]],
        [100.005, p[1]],
        [200.01, p[2]],
        [300, 1 - p[0] - p[1] - p[2]],
      ];
      let m1 = 0,
        m2 = 0;
      for (const [v, pv] of payments) {
        const j = Math.floor(v / r.span),
          f = v / r.span - j;
        m1 += pv * v;
        m2 += pv * r.span ** 2 * ((1 - f) * j * j + f * (j + 1) * (j + 1));
      }
      mean += quad.weight[q] * 20 * m1;
      second += quad.weight[q] * (20 * (m2 - m1 * m1) + (20 * m1) ** 2);
    });
    const got = moments(r);
    expect(Math.abs(got.total - 1)).toBeLessThanOrEqual(TOL);
    expect(got.mean / mean).toBeCloseTo(1, 11);
    let s2 = 0;
    r.pmf.forEach((x, i) => (s2 += x * (r.origin + i * r.span) ** 2));
    expect(s2 / second).toBeCloseTo(1, 11);
    let least = Infinity;
    r.pmf.forEach((x) => (least = Math.min(least, x)));
    expect(least).toBeGreaterThanOrEqual(0);
  });
});
