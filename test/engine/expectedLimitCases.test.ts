/**
 * The limit expectations of src/engine/expectedLimit.ts on small cases checked against derivations
 * written here: brute-force averages over an empirical cost (equal-weight values) and sums over a
 * days pmf, Pareto II (Lomax) closed forms for a continuous cost, and direct sums over the count and
 * binomial pmfs for lump sums on an event risk.
 *
 * Lomax, scale θ and shape α: S(x) = (1 + x/θ)^−α, E[min(X, t)] = θ/(α − 1)·(1 − (1 + t/θ)^(1−α)),
 * E[X; l ≤ X < u] = l·S(l) − u·S(u) + E[min(X, u)] − E[min(X, l)] (integration by parts).
 */
import { describe, expect, it } from 'vitest';
import type { CostDist, DailyBenefit, DaysDist, LumpSumBenefit } from '../../src/domain/scenario.ts';
import type { SchemeBenefit } from '../../src/domain/scheme.ts';
import { resolveScheme } from '../../src/domain/defaults.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { expectedCostLimit, expectedEventMember, type LumpPart } from '../../src/engine/expectedLimit.ts';
import { validateScenario } from '../../src/io/validate.ts';
import { problemLines } from '../helpers/worded.ts';
import { dailyBenefit, oneBand, stepsBenefit } from '../helpers/benefits.ts';

const theta = 2000,
  alpha = 2.5;
const lomax: CostDist = { dist: 'pareto', scale: theta, shape: alpha };
const S = (x: number) => (x <= 0 ? 1 : x === Infinity ? 0 : (1 + x / theta) ** -alpha);
const lev = (t: number) =>
  t <= 0
    ? 0
    : t === Infinity
      ? theta / (alpha - 1)
      : (theta / (alpha - 1)) * (1 - (1 + t / theta) ** (1 - alpha));
const probIn = (l: number, u: number) => S(l) - S(u);
const meanIn = (l: number, u: number) => l * S(l) - (u === Infinity ? 0 : u * S(u)) + lev(u) - lev(l);
/** E[min(0.5·X, c)] = 0.5·E[min(X, 2c)]. */
const halfMin = (c: number) => 0.5 * lev(2 * c);

const bands = oneBand;
const steps = (id: string, from: number, step: number, perStep: number, cap?: number) =>
  stepsBenefit(from, step, perStep, cap, id);
const day = dailyBenefit;
const half = bands('half', 0.5);

/** Poisson pmf P(0..n) by the recurrence p(d) = p(d − 1)·λ/d. */
function poissonPmf(lambda: number, n: number): number[] {
  const p = [Math.exp(-lambda)];
  for (let d = 1; d <= n; d++) p.push((p[d - 1] * lambda) / d);
  return p;
}
/**
 * Poisson pmf P(0..n) for a large whole mean λ ≤ n, whose e^−λ underflows: weights 1 at the mode λ,
 * w(k + 1) = w(k)·λ/(k + 1) and w(k − 1) = w(k)·k/λ, divided by their sum (the mass beyond n is nil).
 */
function poissonPmfFromMode(lambda: number, n: number): number[] {
  const w = new Array<number>(n + 1).fill(0);
  w[lambda] = 1;
  for (let k = lambda; k < n; k++) w[k + 1] = (w[k] * lambda) / (k + 1);
  for (let k = lambda; k > 0; k--) w[k - 1] = (w[k] * k) / lambda;
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}
/** Negative binomial with mean m and size r: P(0) = (r/(r + m))^r, P(k) = P(k − 1)·(k − 1 + r)/k·m/(r + m). */
function negBinPmf(m: number, r: number, n: number): number[] {
  const q = m / (r + m);
  const p = [(r / (r + m)) ** r];
  for (let k = 1; k <= n; k++) p.push(((p[k - 1] * (k - 1 + r)) / k) * q);
  return p;
}
/** Binomial pmf P(J = 0..k), J ~ Bin(k, w), from C(k, j) built up multiplicatively. */
function binomialPmf(k: number, w: number): number[] {
  const out: number[] = [];
  let comb = 1;
  for (let j = 0; j <= k; j++) {
    if (j > 0) comb = (comb * (k - j + 1)) / j;
    out.push(comb * w ** j * (1 - w) ** (k - j));
  }
  return out;
}

describe('a limit over an empirical cost: the average over the values, by hand', () => {
  // costScale 1.5: values 120, 850, 2,400, 7,000 become 180, 1,275, 3,600, 10,500.
  const cost: CostDist = { dist: 'empirical', values: [120, 850, 2400, 7000] };
  const scaled = [180, 1275, 3600, 10500];
  // 80% above a deductible of 100, at most 4,000: 64, 940, 2,800, 4,000.
  const banded = bands('b', 0.8, { deductible: 100, cap: 4000 });
  const bandPay = (x: number) => Math.min(4000, 0.8 * Math.max(0, x - 100));
  // 300 for every whole 1,000 above 1,000: 0, 0, 600, 2,700.
  const stepped = steps('s', 1000, 1000, 300);
  const stepPay = (x: number) => (x <= 1000 ? 0 : 300 * Math.floor((x - 1000) / 1000));

  it('one benefit under a cap of 3,000: (64 + 940 + 2,800 + 3,000)/4 = 1,701', () => {
    expect(scaled.map(bandPay)).toEqual([64, 940, 2800, 4000]);
    expect(expectedCostLimit(cost, 1.5, [{ b: banded, c: 1 }], undefined, [], 3000)).toBeCloseTo(1701, 10);
  });
  it('a cap of 0 pays nothing', () => {
    expect(expectedCostLimit(cost, 1.5, [{ b: banded, c: 1 }], undefined, [], 0)).toBe(0);
  });
  it('two benefits (one for 2 shares) under a cap of 5,000: E[min(2·band + steps, 5,000)]', () => {
    const hand = scaled.reduce((e, x) => e + Math.min(2 * bandPay(x) + stepPay(x), 5000), 0) / 4;
    // 128, 1,880, 6,200 → 5,000, 10,700 → 5,000
    expect(hand).toBeCloseTo((128 + 1880 + 5000 + 5000) / 4, 10);
    const got = expectedCostLimit(
      cost,
      1.5,
      [
        { b: banded, c: 2 },
        { b: stepped, c: 1 },
      ],
      undefined,
      [],
      5000,
    );
    expect(got).toBeCloseTo(hand, 9);
  });
  it('with two daily benefits (one capped at 5 days, one for 2 shares): Σ_d P(D = d)·avg min(F + G(d), C)', () => {
    const C = 6000;
    const p = poissonPmf(3, 150);
    const G = (d: number) => 2 * 50 * Math.min(d, 5) + 20 * d;
    let hand = 0;
    p.forEach((pd, d) => {
      hand += (pd * scaled.reduce((e, x) => e + Math.min(2 * bandPay(x) + stepPay(x) + G(d), C), 0)) / 4;
    });
    const got = expectedCostLimit(
      cost,
      1.5,
      [
        { b: banded, c: 2 },
        { b: stepped, c: 1 },
      ],
      { dist: 'poisson', mean: 3 },
      [
        { b: day('d5', 50, 5), c: 2 },
        { b: day('d', 20), c: 1 },
      ],
      C,
    );
    expect(Math.abs(got - hand) / hand).toBeLessThan(1e-12);
  });
});

describe('a limit over a Lomax cost (θ = 2,000, α = 2.5), piece by piece in closed form', () => {
  it('a benefit whose own cap (500) is below the limit (1,000) pays E[min(X, 500)]', () => {
    const got = expectedCostLimit(lomax, 1, [{ b: bands('b', 1, { cap: 500 }), c: 1 }], undefined, [], 1000);
    expect(got / lev(500)).toBeCloseTo(1, 12);
  });
  it('a factor below 1 (0.5 of an uncapped benefit) under a limit of 1,000: 0.5·E[min(X, 2,000)]', () => {
    const got = expectedCostLimit(lomax, 1, [{ b: bands('b', 1), c: 0.5 }], undefined, [], 1000);
    expect(got / (0.5 * lev(2000))).toBeCloseTo(1, 12);
  });
  it('a cost scale of 3 is a Lomax of scale 6,000: E[min(0.5·X, 1,000)] = 0.5·6000/1.5·(1 − (1 + 2000/6000)^−1.5)', () => {
    const got = expectedCostLimit(lomax, 3, [{ b: half, c: 1 }], undefined, [], 1000);
    expect(got / (0.5 * (6000 / 1.5) * (1 - (1 + 2000 / 6000) ** -1.5))).toBeCloseTo(1, 12);
  });
  // 300 per whole 1,000 above 1,000, at most 1,000: pays 300, 600, 900, 1,000 from 2,000, 3,000, 4,000, 5,000.
  const stepped = steps('s', 1000, 1000, 300, 1000);
  it('steps under a limit above their cap: 300·(S(2,000) + S(3,000) + S(4,000)) + 100·S(5,000)', () => {
    const hand = 300 * (S(2000) + S(3000) + S(4000)) + 100 * S(5000);
    const got = expectedCostLimit(lomax, 1, [{ b: stepped, c: 1 }], undefined, [], 2000);
    expect(got / hand).toBeCloseTo(1, 12);
  });
  it('steps cut by a limit of 700 inside a step: 300·S(2,000) + 300·S(3,000) + 100·S(4,000)', () => {
    const hand = 300 * (S(2000) + S(3000)) + 100 * S(4000);
    const got = expectedCostLimit(lomax, 1, [{ b: stepped, c: 1 }], undefined, [], 700);
    expect(got / hand).toBeCloseTo(1, 12);
  });
  it('steps with a limit exactly at a step’s value (600): 300·S(2,000) + 300·S(3,000)', () => {
    const hand = 300 * (S(2000) + S(3000));
    const got = expectedCostLimit(lomax, 1, [{ b: stepped, c: 1 }], undefined, [], 600);
    expect(got / hand).toBeCloseTo(1, 12);
  });
  // F(x) = 0.5x + 300·⌊(x − 1,000)/1,000⌋⁺ at most 600: 0.5x below 2,000, 300 + 0.5x on [2,000, 3,000), 600 + 0.5x above.
  const parts = [
    { b: half, c: 1 },
    { b: steps('s', 1000, 1000, 300, 600), c: 1 },
  ];
  it('half the cost plus capped steps under 1,500: F reaches 1,500 at 2,400, inside the second piece', () => {
    const hand = 0.5 * meanIn(0, 2000) + 300 * probIn(2000, 2400) + 0.5 * meanIn(2000, 2400) + 1500 * S(2400);
    expect(expectedCostLimit(lomax, 1, parts, undefined, [], 1500) / hand).toBeCloseTo(1, 12);
  });
  it('the same under 1,300, which F reaches exactly at the step at 2,000', () => {
    const hand = 0.5 * meanIn(0, 2000) + 1300 * S(2000);
    expect(expectedCostLimit(lomax, 1, parts, undefined, [], 1300) / hand).toBeCloseTo(1, 12);
  });
  it('the same under 5,000, reached on the last (open) piece at 8,800', () => {
    const hand =
      0.5 * meanIn(0, 2000) +
      300 * probIn(2000, 3000) +
      0.5 * meanIn(2000, 3000) +
      600 * probIn(3000, 8800) +
      0.5 * meanIn(3000, 8800) +
      5000 * S(8800);
    expect(expectedCostLimit(lomax, 1, parts, undefined, [], 5000) / hand).toBeCloseTo(1, 12);
  });
  it('a daily benefit among the cost benefits is refused by name', () => {
    const daily = { ...day('stay', 100), perShare: false } as SchemeBenefit;
    expect(() => expectedCostLimit(lomax, 1, [{ b: daily, c: 1 }], undefined, [], 1000)).toThrow(
      'benefit stay is not driven by the cost',
    );
  });
});

describe('daily benefits in a limit: Σ_d P(D = d)·(G(d) + E[min(F(X), C − G(d))]), F = 0.5·X Lomax', () => {
  /** The sum over a pmf written out, with min(F + G, C) = C once G ≥ C. */
  const bySum = (pmf: number[], G: (d: number) => number, C: number) =>
    pmf.reduce((e, p, d) => e + p * (G(d) >= C ? C : G(d) + halfMin(C - G(d))), 0);
  const limit = (days: DaysDist, daily: DailyBenefit[], C: number) =>
    expectedCostLimit(
      lomax,
      1,
      [{ b: half, c: 1 }],
      days,
      daily.map((b) => ({ b, c: 1 })),
      C,
    );

  it('100 a day up to 3 days and 50 a day up to 8 days, Poisson(4) days, limit 2,000 (G stops at 700 after 8 days)', () => {
    const G = (d: number) => 100 * Math.min(d, 3) + 50 * Math.min(d, 8);
    const hand = bySum(poissonPmf(4, 120), G, 2000);
    const got = limit({ dist: 'poisson', mean: 4 }, [day('a', 100, 3), day('b', 50, 8)], 2000);
    expect(Math.abs(got - hand) / hand).toBeLessThan(1e-12);
  });
  it('100 a day up to 3 days and 50 a day without end, Poisson(10) days, limit 800 (reached exactly at 10 days)', () => {
    const G = (d: number) => 100 * Math.min(d, 3) + 50 * d;
    expect(G(10)).toBe(800);
    const hand = bySum(poissonPmf(10, 200), G, 800);
    const got = limit({ dist: 'poisson', mean: 10 }, [day('a', 100, 3), day('b', 50)], 800);
    expect(Math.abs(got - hand) / hand).toBeLessThan(1e-12);
  });
  it('a negative-binomial stay (mean 5, cv 1.5: a long tail) at 10 a day without end under 3,000', () => {
    const r = 25 / (56.25 - 5);
    const hand = bySum(negBinPmf(5, r, 3000), (d) => 10 * d, 3000);
    const got = limit({ dist: 'negative-binomial', mean: 5, cv: 1.5 }, [day('a', 10)], 3000);
    expect(Math.abs(got - hand) / hand).toBeLessThan(1e-11);
  });
  it('Poisson(60) days (P(D = 0) = e^−60 < 1e-18 below the mean) at 10 a day up to 100 days, limit 5,000', () => {
    const hand = bySum(poissonPmf(60, 400), (d) => 10 * Math.min(d, 100), 5000);
    const got = limit({ dist: 'poisson', mean: 60 }, [day('a', 10, 100)], 5000);
    expect(Math.abs(got - hand) / hand).toBeLessThan(1e-12);
  });
  it('daily benefits alone (no cost benefit) under 500: Σ_d P(D = d)·min(100·d, 500), Poisson(4) days', () => {
    const hand = poissonPmf(4, 120).reduce((e, p, d) => e + p * Math.min(100 * d, 500), 0);
    const got = expectedCostLimit(
      lomax,
      1,
      [],
      { dist: 'poisson', mean: 4 },
      [{ b: day('a', 100), c: 1 }],
      500,
    );
    expect(Math.abs(got - hand) / hand).toBeLessThan(1e-12);
  });
  it('a fixed stay of 4 days at 100 a day: 400 + E[min(0.5·X, 4,600)]', () => {
    const got = limit({ dist: 'fixed', value: 4 }, [day('a', 100)], 5000);
    expect(got / (400 + halfMin(4600))).toBeCloseTo(1, 12);
  });
  it('empirical stays of 1, 2 and 30 days (none between 3 and 29) at 100 a day: the average over the three', () => {
    const hand = [1, 2, 30].reduce((e, d) => e + (100 * d + halfMin(5000 - 100 * d)) / 3, 0);
    const got = limit({ dist: 'empirical', values: [1, 2, 30] }, [day('a', 100)], 5000);
    expect(got / hand).toBeCloseTo(1, 12);
  });
  it('the same stays in a scenario whose limit of 1,000,000 never binds: the payout is 100 claimants × (200 + 100·11)', () => {
    const r = validateScenario({
      format: 'huzhu-scenario/2',
      name: 'stays with a gap',
      members: { count: 1000 },
      contributions: [{ payer: 'member', amount: 100 }],
      risks: [
        {
          id: 'r',
          kind: 'cost',
          rate: 0.1,
          cost: { dist: 'empirical', values: [100, 300] },
          days: { dist: 'empirical', values: [1, 2, 30] },
        },
      ],
      benefits: [
        { id: 'b', risk: 'r', type: 'bands', bands: [{ upTo: null, rate: 1 }] },
        { id: 'd', risk: 'r', type: 'daily', perDay: 100 },
      ],
      limits: [{ id: 'all', benefits: ['b', 'd'], cap: 1000000 }],
    });
    if (!r.ok) throw new Error(problemLines(r.problems));
    const e = expectedPayout(resolveScheme(r.scenario));
    expect(e.limits[0].reduction).toBeLessThan(1e-9);
    expect(e.payout).toBeCloseTo(130000, 7);
  });
  it('empirical stays of 0, 0, 1 and 40 days at 100 a day up to 2 days: G = 0, 0, 100, 200', () => {
    const hand = (2 * halfMin(5000) + 100 + halfMin(4900) + 200 + halfMin(4800)) / 4;
    const got = limit({ dist: 'empirical', values: [0, 0, 1, 40] }, [day('a', 100, 2)], 5000);
    expect(got / hand).toBeCloseTo(1, 12);
  });
});

describe('lump sums of one event risk per member: Σ_k P(K = k)·E[min(Σ_b c_b·min(cap_b, a_b J_b + w_b (k − J_b)), L)]', () => {
  const lump = (
    amount: number,
    waitingAmount: number,
    cap?: number,
  ): LumpSumBenefit & { waitingAmount: number } => ({
    id: 'l',
    risk: 'e',
    type: 'lump-sum',
    amount,
    cap,
    waitingAmount,
  });
  /** One lump sum, by the count pmf and the binomial of the events outside the waiting period. */
  const oneLump = (pmf: number[], b: ReturnType<typeof lump>, w: number, L: number) =>
    pmf.reduce((e, p, k) => {
      const bin = binomialPmf(k, w);
      let inner = 0;
      for (let j = 0; j <= k; j++)
        inner += bin[j] * Math.min(Math.min(b.cap ?? Infinity, b.amount * j + b.waitingAmount * (k - j)), L);
      return e + p * inner;
    }, 0);

  it('1,000 a time (200 in the waiting period, 70% outside it), at most 2,500, Poisson(1.3) events', () => {
    const b = lump(1000, 200, 2500);
    const hand = oneLump(poissonPmf(1.3, 80), b, 0.7, Infinity);
    const got = expectedEventMember([{ b, c: 1, paid: 0.7 }], 1.3, 0, Infinity);
    expect(Math.abs(got - hand) / hand).toBeLessThan(1e-13);
  });
  it('every event in the waiting period (paid 0): E[min(200·K, 700)]', () => {
    const b = lump(1000, 200, 700);
    const hand = poissonPmf(1.3, 80).reduce((e, p, k) => e + p * Math.min(200 * k, 700), 0);
    const got = expectedEventMember([{ b, c: 1, paid: 0 }], 1.3, 0, Infinity);
    expect(Math.abs(got - hand) / hand).toBeLessThan(1e-13);
  });
  it('no event in the waiting period (paid 1): E[min(1,000·K, 2,500)], under a limit of 2,000', () => {
    const b = lump(1000, 200, 2500);
    const hand = poissonPmf(1.3, 80).reduce((e, p, k) => e + p * Math.min(1000 * k, 2000), 0);
    const got = expectedEventMember([{ b, c: 1, paid: 1 }], 1.3, 0, 2000);
    expect(Math.abs(got - hand) / hand).toBeLessThan(1e-13);
  });
  it('two lump sums (one for 2 shares) under a limit of 3,000, negative-binomial counts (rate cv 0.8)', () => {
    const A = lump(1000, 200, 2500),
      B = lump(500, 0);
    const r = 1 / 0.64;
    const pmf = negBinPmf(1.3, r, 300);
    let hand = 0;
    pmf.forEach((p, k) => {
      const binA = binomialPmf(k, 0.7),
        binB = binomialPmf(k, 0.9);
      for (let i = 0; i <= k; i++)
        for (let j = 0; j <= k; j++)
          hand +=
            p * binA[i] * binB[j] * Math.min(2 * Math.min(2500, 1000 * i + 200 * (k - i)) + 500 * j, 3000);
    });
    const parts: LumpPart[] = [
      { b: A, c: 2, paid: 0.7 },
      { b: B, c: 1, paid: 0.9 },
    ];
    const got = expectedEventMember(parts, 1.3, 0.8, 3000);
    expect(Math.abs(got - hand) / hand).toBeLessThan(1e-12);
  });
  it('a thousand events a member on average (P(K = 1) underflows to 0): E[min(2·K, 1,900)]', () => {
    const b = lump(2, 0);
    const hand = poissonPmfFromMode(1000, 2000).reduce((e, p, k) => e + p * Math.min(2 * k, 1900), 0);
    const got = expectedEventMember([{ b, c: 1, paid: 1 }], 1000, 0, 1900);
    expect(Math.abs(got - hand) / hand).toBeLessThan(1e-12);
  });
  it('amounts of 1e-10 (2e-11 waiting) give the same sum in those units', () => {
    const b = lump(1e-10, 2e-11);
    const hand = oneLump(poissonPmf(1, 80), b, 0.6, Infinity);
    // E = ν·(0.6·1e-10 + 0.4·2e-11) without a cap.
    expect(hand / 6.8e-11).toBeCloseTo(1, 12);
    const got = expectedEventMember([{ b, c: 1, paid: 0.6 }], 1, 0, Infinity);
    expect(Math.abs(got - hand) / hand).toBeLessThan(1e-12);
  });
});
