/**
 * Several lump sums on one event risk are paid from each member's same number of events K
 * (docs/scenario-format.md: "each exposed member has a Poisson number K of events"; a lump sum
 * with a waiting period pays each of them independently with probability w). Their payments are
 * then positively correlated: the mean is each lump sum's own, the spread is larger than if each
 * counted its own events. Both methods are checked against moments derived here by a separate
 * sum over K, and (test/oracle/period.test.ts, two-lumps.json) against the oracle in distribution.
 */
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import { exactAggregate } from '../../src/engine/fft/exactAggregate.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { inlineRunner } from '../../src/runners/inline.ts';

interface Lump {
  amount: number;
  cap?: number;
  waitingDays?: number;
}

const scenario = (members: number, rate: number, newShare: number, lumps: Lump[]): Scenario => ({
  format: 'huzhu-scenario/1',
  name: 'shared events',
  members: { count: members, newShare },
  contributions: [{ payer: 'member', amount: 100 }],
  risks: [{ id: 'e', kind: 'event', rate }],
  benefits: lumps.map((l, i) => ({ id: `lump${i}`, risk: 'e', type: 'lump-sum' as const, ...l })),
});

/**
 * E[W] and Var W for one member, W = Σ_b min(cap_b, a_b·J_b), K ~ Poisson(rate), J_b | K ~
 * Binomial(K, w_b) independently, w_b = 1 − newShare·waitingDays/365: a plain sum over k ≤ 80
 * and j ≤ k (pmfs by their recursions), E[W²|k] = Σ_b Var(W_b|k) + (Σ_b E[W_b|k])².
 */
function memberMoments(rate: number, newShare: number, lumps: Lump[]): { mean: number; variance: number } {
  let pk = Math.exp(-rate),
    m1 = 0,
    m2 = 0;
  for (let k = 0; k <= 80; k++) {
    let mean = 0,
      variance = 0;
    for (const l of lumps) {
      const w = 1 - (newShare * (l.waitingDays ?? 0)) / 365;
      let e1 = 0,
        e2 = 0;
      for (let j = 0; j <= k; j++) {
        let pj = 1; // C(k, j) w^j (1 − w)^(k − j), by the product
        for (let i = 0; i < j; i++) pj *= ((k - i) / (i + 1)) * w;
        pj *= (1 - w) ** (k - j);
        const pay = Math.min(l.cap ?? Infinity, l.amount * j);
        e1 += pj * pay;
        e2 += pj * pay * pay;
      }
      mean += e1;
      variance += e2 - e1 * e1;
    }
    m1 += pk * mean;
    m2 += pk * (variance + mean * mean);
    pk *= rate / (k + 1);
  }
  return { mean: m1, variance: m2 - m1 * m1 };
}

const CASES: { name: string; members: number; rate: number; newShare: number; lumps: Lump[] }[] = [
  {
    name: 'two uncapped lump sums without waiting: Var S = m·λ·(a₁ + a₂)²',
    members: 2000,
    rate: 0.05,
    newShare: 0,
    lumps: [{ amount: 1000 }, { amount: 1000 }],
  },
  {
    name: 'an uncapped lump sum with a wait and a capped one with another wait (the cap binds)',
    members: 1500,
    rate: 0.4,
    newShare: 0.3,
    lumps: [
      { amount: 800, waitingDays: 90 },
      { amount: 1500, cap: 3000, waitingDays: 180 },
    ],
  },
  {
    name: 'three uncapped lump sums, two with waits (no cap binds)',
    members: 1000,
    rate: 0.2,
    newShare: 0.4,
    lumps: [{ amount: 500 }, { amount: 2000, waitingDays: 60 }, { amount: 700, waitingDays: 365 }],
  },
];

describe('lump sums on one event risk share each member’s events', () => {
  it('the closed form: two uncapped lump sums of 1,000 at rate 0.05 for 2,000 members have sd 20,000', () => {
    const { mean, variance } = memberMoments(0.05, 0, [{ amount: 1000 }, { amount: 1000 }]);
    expect(mean * 2000).toBeCloseTo(2000 * 0.05 * 2000, 6);
    expect(Math.sqrt(variance * 2000)).toBeCloseTo(20000, 6);
  });

  for (const c of CASES) {
    const { mean, variance } = memberMoments(c.rate, c.newShare, c.lumps);
    const mu = c.members * mean,
      sigma2 = c.members * variance;

    it(`the exact method’s mean and sd are the derived ones: ${c.name}`, () => {
      const agg = exactAggregate(resolveScheme(scenario(c.members, c.rate, c.newShare, c.lumps)));
      expect(Math.abs(agg.mean - mu) / mu).toBeLessThan(1e-6);
      expect(Math.abs(agg.sd - Math.sqrt(sigma2)) / Math.sqrt(sigma2)).toBeLessThan(1e-4);
    });

    it(`the Monte Carlo mean and variance lie within 4 standard errors of the derived ones: ${c.name}`, async () => {
      const n = 20000;
      const { totals } = await simulate(scenario(c.members, c.rate, c.newShare, c.lumps), inlineRunner(), {
        iterations: n,
        seed: 'shared-events',
      });
      let s1 = 0;
      for (const x of totals) s1 += x;
      const m = s1 / n;
      let c2 = 0,
        c4 = 0;
      for (const x of totals) {
        c2 += (x - m) ** 2;
        c4 += (x - m) ** 4;
      }
      const v = c2 / (n - 1);
      // se of the sample variance: √((μ₄ − σ⁴)/n), from the sample's own fourth moment
      const seVar = Math.sqrt((c4 / n - v * v) / n);
      expect(Math.abs(m - mu), `mean ${m} vs ${mu}`).toBeLessThan(4 * Math.sqrt(sigma2 / n));
      expect(Math.abs(v - sigma2), `variance ${v} vs ${sigma2}`).toBeLessThan(4 * seVar);
    }, 60_000);
  }
});
