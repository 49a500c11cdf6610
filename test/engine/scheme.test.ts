/**
 * The `/2` model in the engine (docs/scenario-format.md, "Format huzhu-scenario/2" and "Results
 * added in /2"): groups, holdings with per-share benefits, the waiting amount and limits, in the
 * exact expectation (against derivations written here: quadrature, hand sums of pmfs) and in the
 * Monte Carlo (against the exact expectation, and a `/1` file against its `/2` rewrite).
 */
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { assemble, simulate, simulateExact } from '../../src/engine/simulate.ts';
import { inlineRunner } from '../../src/runners/inline.ts';
import { nodeThreadsRunner } from '../../src/runners/nodeThreads.ts';
import { compilePlan } from '../../src/engine/plan.ts';
import { hydrate, simulateBlock } from '../../src/engine/simulateBlock.ts';
import { planBlocks } from '../../src/engine/blocks.ts';
import { readScenarioFile } from '../helpers/scenarios.ts';
import { checkWork, periodWork, runWork, RunRefusedError } from '../../src/engine/workBudget.ts';
import { phi } from '../helpers/erfc.ts';

const poissonPmf = (k: number, m: number) => {
  let p = Math.exp(-m);
  for (let i = 1; i <= k; i++) p *= m / i;
  return p;
};
const choose = (n: number, k: number) => {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
};

/** E[h(X)] for X lognormal(mean, cv) by Simpson's rule on z ∈ [−9, 9], X = e^{μ + σz}. */
function lognormalExpect(mean: number, cv: number, h: (x: number) => number, n = 20000): number {
  const s2 = Math.log(1 + cv * cv);
  const s = Math.sqrt(s2);
  const mu = Math.log(mean) - s2 / 2;
  const a = -9,
    b = 9,
    dz = (b - a) / n;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const z = a + i * dz;
    const w = i === 0 || i === n ? 1 : i % 2 ? 4 : 2;
    sum += w * h(Math.exp(mu + s * z)) * Math.exp((-z * z) / 2);
  }
  return (sum * dz) / 3 / Math.sqrt(2 * Math.PI);
}

/** Bands 50% to 10,000 then 70%, cap 30,000 (one share). */
const bandsPay = (x: number) => Math.min(30000, 0.5 * Math.min(x, 10000) + 0.7 * Math.max(0, x - 10000));
/** 50 a day, at most 30 days. */
const dailyPay = (d: number) => 50 * Math.min(d, 30);

function limited(over: Partial<Scenario> = {}): Scenario {
  return {
    format: 'huzhu-scenario/2',
    name: 'limit over bands and daily',
    members: {
      groups: [
        {
          id: 'g',
          count: 10000,
          holdings: [
            { shares: 1, fraction: 0.5 },
            { shares: 2, fraction: 0.5 },
          ],
        },
      ],
    },
    contributions: [{ payer: 'member', amount: 100, perShare: true }],
    risks: [
      {
        id: 'inpatient',
        kind: 'cost',
        rate: 0.05,
        cost: { dist: 'lognormal', mean: 6000, cv: 1.5 },
        days: { dist: 'poisson', mean: 9 },
      },
    ],
    benefits: [
      {
        id: 'self-pay',
        risk: 'inpatient',
        type: 'bands',
        perShare: true,
        bands: [
          { upTo: 10000, rate: 0.5 },
          { upTo: null, rate: 0.7 },
        ],
        cap: 30000,
      },
      { id: 'allowance', risk: 'inpatient', type: 'daily', perDay: 50, maxDays: 30 },
    ],
    limits: [{ id: 'total', benefits: ['self-pay', 'allowance'], cap: 8000, perShare: true }],
    ...over,
  };
}

describe('a limit over bands and a daily allowance, per share', () => {
  const e = expectedPayout(resolveScheme(limited()));
  // By hand: for k shares, E[min(k·f(X) + g(D), k·8000)] = Σ_d Poisson(d; 9)·∫ min(k f(x) + g(d), 8000k) dF(x).
  const limitedMean = (k: number) => {
    let sum = 0;
    for (let d = 0; d < 80; d++) {
      const p = poissonPmf(d, 9);
      sum += p * lognormalExpect(6000, 1.5, (x) => Math.min(k * bandsPay(x) + dailyPay(d), 8000 * k), 4000);
    }
    return sum;
  };
  const Ef = lognormalExpect(6000, 1.5, bandsPay);
  let Eg = 0;
  for (let d = 0; d < 80; d++) Eg += poissonPmf(d, 9) * dailyPay(d);
  const claimantsEach = 0.05 * 5000; // 5,000 members hold 1 share, 5,000 hold 2

  it('reports the benefits before the limit: the per-share bands × k, the daily × 1', () => {
    expect(e.benefits[0].expected / (claimantsEach * (1 + 2) * Ef)).toBeCloseTo(1, 6);
    expect(e.benefits[1].expected / (claimantsEach * 2 * Eg)).toBeCloseTo(1, 9);
  });
  it('reduces the payout by E[k·f(X) + g(D)] − E[min(k·f(X) + g(D), 8,000·k)], by quadrature and a sum over days', () => {
    const reduction =
      claimantsEach * (Ef + Eg - limitedMean(1)) + claimantsEach * (2 * Ef + Eg - limitedMean(2));
    expect(e.limits[0].reduction / reduction).toBeCloseTo(1, 5);
    expect(e.payout / (claimantsEach * (limitedMean(1) + limitedMean(2)))).toBeCloseTo(1, 6);
    expect(e.groups[0].payout / e.payout).toBeCloseTo(1, 12);
  });
  it('counts claimants, beneficiaries and 受益人次: everyone with X > 0 is paid by the bands', () => {
    expect(e.claimants[0].expected).toBeCloseTo(500, 9);
    expect(e.beneficiaries[0].expected).toBeCloseTo(500, 6);
    expect(e.beneficiaries[1].expected / (500 * (1 - Math.exp(-9)))).toBeCloseTo(1, 9);
    expect(e.beneficiaryTimes).toBeCloseTo(500, 6);
  });
  it('a bands deductible moves the beneficiaries to λ·P(X > deductible), and 受益人次 to λ·(1 − P(X ≤ d)·P(D = 0))', () => {
    const s = limited();
    s.benefits[0] = { ...s.benefits[0], deductible: 2000 } as Scenario['benefits'][number];
    const f = expectedPayout(resolveScheme(s));
    const s2 = Math.log(1 + 1.5 * 1.5);
    const below = phi((Math.log(2000) - (Math.log(6000) - s2 / 2)) / Math.sqrt(s2));
    expect(f.beneficiaries[0].expected / (500 * (1 - below))).toBeCloseTo(1, 6);
    expect(f.beneficiaryTimes / (500 * (1 - below * Math.exp(-9)))).toBeCloseTo(1, 9);
  });
});

describe('the waiting amount with a cap, per member', () => {
  // rate 0.3 (Poisson), amount 1,000, waiting 300 for 90 days of new members (40%), cap 1,500.
  const s: Scenario = {
    format: 'huzhu-scenario/2',
    name: 'waiting amount',
    members: { count: 20000, newShare: 0.4 },
    contributions: [{ payer: 'member', amount: 50 }],
    risks: [{ id: 'critical', kind: 'event', rate: 0.3 }],
    benefits: [
      {
        id: 'critical',
        risk: 'critical',
        type: 'lump-sum',
        amount: 1000,
        cap: 1500,
        waitingDays: 90,
        waitingAmount: 300,
      },
    ],
  };
  const p = (0.4 * 90) / 365; // an event falls in the waiting period
  let byHand = 0;
  for (let k = 1; k < 40; k++)
    for (let j = 0; j <= k; j++)
      byHand +=
        poissonPmf(k, 0.3) *
        choose(k, j) *
        (1 - p) ** j *
        p ** (k - j) *
        Math.min(1500, 1000 * j + 300 * (k - j));

  it('pays Σ_k Poisson(k)·Σ_j Binomial(j; k, 1 − p)·min(1000j + 300(k − j), 1500) a member', () => {
    const e = expectedPayout(resolveScheme(s));
    expect(e.benefits[0].expected / (20000 * byHand)).toBeCloseTo(1, 9);
    // Every event pays something: beneficiaries are the members with K ≥ 1; events 0.3 a member.
    expect(e.beneficiaries[0].expected / (20000 * (1 - Math.exp(-0.3)))).toBeCloseTo(1, 9);
    expect(e.claimants[0].expected).toBeCloseTo(6000, 6);
  });
  it('with waiting amount 0 is /1 thinning: only events outside the waiting period count', () => {
    const one = structuredClone(s);
    one.benefits[0] = { ...one.benefits[0], waitingAmount: 0 } as Scenario['benefits'][number];
    let thinned = 0;
    for (let j = 1; j < 40; j++) thinned += poissonPmf(j, 0.3 * (1 - p)) * Math.min(1500, 1000 * j);
    expect(expectedPayout(resolveScheme(one)).benefits[0].expected / (20000 * thinned)).toBeCloseTo(1, 9);
  });
  it('and per share: a holder of 3 shares is paid 3 × the one-share amount (cap per share)', () => {
    const three = structuredClone(s);
    three.members = {
      groups: [{ id: 'g', count: 20000, newShare: 0.4, holdings: [{ shares: 3, fraction: 1 }] }],
    };
    three.benefits[0] = { ...three.benefits[0], perShare: true } as Scenario['benefits'][number];
    expect(expectedPayout(resolveScheme(three)).benefits[0].expected / (3 * 20000 * byHand)).toBeCloseTo(
      1,
      9,
    );
  });
});

describe('groups', () => {
  const two: Scenario = {
    format: 'huzhu-scenario/2',
    name: 'two groups',
    members: {
      groups: [
        { id: 'in-service', count: 30000, femaleShare: 0.45, newShare: 0.1 },
        { id: 'retired', count: 8000, femaleShare: 0.5 },
      ],
    },
    contributions: [
      { payer: 'member', amount: 30, groups: ['in-service'] },
      { payer: 'union', amount: 20, groups: ['retired'] },
    ],
    risks: [
      {
        id: 'inpatient',
        kind: 'cost',
        rate: { 'in-service': 0.03, retired: 0.09 },
        cost: { dist: 'gamma', mean: 5000, cv: 1.2 },
      },
      { id: 'critical', kind: 'event', who: 'female', rate: 0.004, rateCv: 0.3 },
    ],
    benefits: [
      { id: 'self-pay', risk: 'inpatient', type: 'bands', bands: [{ upTo: null, rate: 0.5 }], cap: 20000 },
      { id: 'critical', risk: 'critical', type: 'lump-sum', amount: 20000, cap: 20000, waitingDays: 90 },
    ],
  };
  const alone = (g: 0 | 1): Scenario => {
    const group = (two.members.groups ?? [])[g];
    return {
      format: 'huzhu-scenario/1',
      name: group.id,
      members: { count: group.count, femaleShare: group.femaleShare, newShare: group.newShare },
      contributions: [two.contributions[g]].map((c) => ({ payer: c.payer, amount: c.amount })),
      risks: [
        { ...two.risks[0], rate: [0.03, 0.09][g] },
        { ...two.risks[1], rate: 0.004 },
      ] as Scenario['risks'],
      benefits: two.benefits,
    };
  };

  it('the scheme of two groups expects what its groups expect as two separate scenarios, figure by figure', () => {
    const e = expectedPayout(resolveScheme(two));
    const parts = [expectedPayout(resolveScheme(alone(0))), expectedPayout(resolveScheme(alone(1)))];
    expect(e.payout).toBeCloseTo(parts[0].payout + parts[1].payout, 4);
    e.benefits.forEach((b, i) =>
      expect(b.expected).toBeCloseTo(parts[0].benefits[i].expected + parts[1].benefits[i].expected, 4),
    );
    e.claimants.forEach((c, i) =>
      expect(c.expected).toBeCloseTo(parts[0].claimants[i].expected + parts[1].claimants[i].expected, 9),
    );
    e.beneficiaries.forEach((b, i) =>
      expect(b.expected).toBeCloseTo(
        parts[0].beneficiaries[i].expected + parts[1].beneficiaries[i].expected,
        9,
      ),
    );
    expect(e.beneficiaryTimes).toBeCloseTo(parts[0].beneficiaryTimes + parts[1].beneficiaryTimes, 9);
    expect(e.groups.map((g) => g.payout)).toEqual([
      expect.closeTo(parts[0].payout, 4),
      expect.closeTo(parts[1].payout, 4),
    ]);
  });
  it('the report gives each group its members, income and loss ratio', async () => {
    const { report } = await simulate(two, inlineRunner(), { iterations: 200 });
    expect(report.groups.map((g) => [g.id, g.members, g.income])).toEqual([
      ['in-service', 30000, 900000],
      ['retired', 8000, 160000],
    ]);
    for (const g of report.groups) expect(g.lossRatio).toBeCloseTo(g.expectedPayout / g.income, 6);
  });
});

/** A `/2` scheme with every new piece: groups, holdings, per-share benefits, a waiting amount, limits on both kinds of risk. */
const whole: Scenario = {
  format: 'huzhu-scenario/2',
  name: 'whole scheme',
  members: {
    groups: [
      {
        id: 'in-service',
        count: 4000,
        femaleShare: 0.45,
        newShare: 0.2,
        holdings: [
          { shares: 1, fraction: 0.7 },
          { shares: 2, fraction: 0.3 },
        ],
      },
      { id: 'retired', count: 1500, newShare: 0.05 },
    ],
  },
  contributions: [
    { payer: 'member', amount: 30, perShare: true, groups: ['in-service'] },
    { payer: 'union', amount: 40, groups: ['retired'] },
  ],
  risks: [
    {
      id: 'inpatient',
      kind: 'cost',
      rate: { 'in-service': 0.04, retired: 0.1 },
      cost: { dist: 'lognormal', mean: 6000, cv: 1.5 },
      days: { dist: 'poisson', mean: 9 },
    },
    { id: 'critical', kind: 'event', rate: { 'in-service': 0.05, retired: 0.12 } },
  ],
  benefits: [
    {
      id: 'self-pay',
      risk: 'inpatient',
      type: 'bands',
      perShare: true,
      bands: [
        { upTo: 10000, rate: 0.5 },
        { upTo: null, rate: 0.7 },
      ],
      cap: 30000,
    },
    { id: 'allowance', risk: 'inpatient', type: 'daily', perDay: 50, maxDays: 30 },
    {
      id: 'critical',
      risk: 'critical',
      type: 'lump-sum',
      amount: 3000,
      perShare: true,
      cap: 6000,
      waitingDays: 180,
      waitingAmount: 1000,
    },
    { id: 'critical-extra', risk: 'critical', type: 'lump-sum', amount: 2000 },
  ],
  limits: [
    { id: 'inpatient-total', benefits: ['self-pay', 'allowance'], cap: 6000, perShare: true },
    { id: 'critical-total', benefits: ['critical', 'critical-extra'], cap: 5000 },
  ],
};

describe('the Monte Carlo of a /2 scheme agrees with the exact expectation', () => {
  it('payout and each benefit within 4 standard errors; counts within 4·√(λ/n)', async () => {
    const n = 4000;
    const { report, byBenefit } = await simulate(whole, inlineRunner(), { iterations: n, seed: 'whole' });
    const e = expectedPayout(resolveScheme(whole));
    expect(e.limits.every((l) => l.reduction > 0)).toBe(true);
    expect(Math.abs(report.simulated.mean - e.payout)).toBeLessThan(
      4 * report.simulated.standardError + 0.01,
    );
    const nb = whole.benefits.length;
    report.benefits.forEach((b, j) => {
      let s = 0,
        s2 = 0;
      for (let i = 0; i < n; i++) {
        const v = byBenefit[i * nb + j];
        s += v;
        s2 += v * v;
      }
      const se = Math.sqrt((s2 / n - (s / n) ** 2) / n);
      expect(Math.abs(s / n - e.benefits[j].expected), b.id).toBeLessThan(4 * se + 0.01);
    });
    const sim = report.simulated;
    sim.claimants.forEach((c, i) =>
      expect(Math.abs(c.count - e.claimants[i].expected)).toBeLessThan(
        4 * Math.sqrt(e.claimants[i].expected / n),
      ),
    );
    sim.beneficiaries.forEach((b, i) =>
      expect(Math.abs(b.count - e.beneficiaries[i].expected), b.id).toBeLessThan(
        4 * Math.sqrt(e.beneficiaries[i].expected / n) + 1e-9,
      ),
    );
    const lambda = e.claimants.reduce((a, c) => a + c.expected, 0);
    expect(Math.abs(sim.beneficiaryTimes - e.beneficiaryTimes)).toBeLessThan(4 * Math.sqrt(lambda / n));
    expect(report.expected.averageBenefit).toBeCloseTo(e.payout / e.beneficiaryTimes, 2);
  });
  it('and with a limit over the bands alone (the general claimant loop), payout and limit within 4 standard errors', async () => {
    const s = structuredClone(whole);
    s.limits = [{ id: 'bands-only', benefits: ['self-pay'], cap: 5000, perShare: true }];
    const { report } = await simulate(s, inlineRunner(), { iterations: 4000, seed: 'bands-only' });
    const e = expectedPayout(resolveScheme(s));
    expect(e.limits[0].reduction).toBeGreaterThan(0.01 * e.payout);
    expect(Math.abs(report.simulated.mean - e.payout)).toBeLessThan(
      4 * report.simulated.standardError + 0.01,
    );
  });
  it('gives the same figures whatever order its blocks come back in', () => {
    const plan = compilePlan(resolveScheme(whole));
    const h = hydrate(plan);
    const results = planBlocks(1000).map((b) => simulateBlock(h, 'order', b));
    const forward = assemble(results, 1000, whole.benefits.length);
    const backward = assemble(results.slice().reverse(), 1000, whole.benefits.length);
    expect(backward.totals).toEqual(forward.totals);
    expect(backward.counts).toEqual(forward.counts);
  });
  it('gives identical figures, counts included, inline and on two worker threads', async () => {
    const inline = await simulate(whole, inlineRunner(), { iterations: 1000, seed: 'threads' });
    const runner = nodeThreadsRunner(2);
    try {
      const threads = await simulate(whole, runner, { iterations: 1000, seed: 'threads' });
      expect(threads.report).toEqual(inline.report);
      expect(threads.counts).toEqual(inline.counts);
    } finally {
      await runner.close();
    }
  });
  it('the exact method computes it, with the exact expectation as its mean (1e-6; test/engine/fft/exact2.test.ts compares distributions)', () => {
    const { aggregate } = simulateExact(whole);
    const mu = expectedPayout(resolveScheme(whole)).payout;
    expect(Math.abs(aggregate.mean - mu) / mu).toBeLessThan(1e-6);
  });
});

describe('a /1 file and its /2 rewrite give identical simulate figures', () => {
  const file = readScenarioFile('hangzhou-2016.json');
  const strip = (r: object) => ({ ...r, name: '' });
  it('with the format string changed, and with one explicit group "all" whose rates are an object', async () => {
    const first = await simulate(file, inlineRunner(), { iterations: 600 });
    const second: Scenario = { ...structuredClone(file), format: 'huzhu-scenario/2' };
    const m = file.members as { count: number; femaleShare?: number; newShare?: number };
    const third: Scenario = {
      ...structuredClone(file),
      format: 'huzhu-scenario/2',
      members: { groups: [{ id: 'all', count: m.count, femaleShare: m.femaleShare, newShare: m.newShare }] },
      risks: file.risks.map((r) => ({ ...r, rate: { all: r.rate as number } })),
    };
    for (const v of [second, third]) {
      const other = await simulate(v, inlineRunner(), { iterations: 600 });
      expect(strip(other.report)).toEqual(strip(first.report));
      expect(other.totals).toEqual(first.totals);
    }
    expect(first.report.groups).toHaveLength(1);
    expect(first.report.limits).toEqual([]);
  });
});

describe('the work budget of a /2 scheme', () => {
  it('counts lump sums under a limit member by member: 5 million members at 0.5 events each are refused at 10,000 iterations, naming the rate', async () => {
    const big = structuredClone(whole);
    big.members = {
      groups: [
        { id: 'in-service', count: 5_000_000 },
        { id: 'retired', count: 10 },
      ],
    };
    big.risks[1] = { id: 'critical', kind: 'event', rate: 0.5 };
    big.risks[0] = { ...big.risks[0], rate: 1e-6 } as Scenario['risks'][number];
    big.contributions = [{ payer: 'member', amount: 30 }];
    const s = resolveScheme(big);
    const units = periodWork(s).perIteration;
    // By hand: 25 units × members with an event × 2 lump sums.
    expect(units).toBeGreaterThan(25 * 5_000_000 * (1 - Math.exp(-0.5)) * 2);
    expect(checkWork([runWork(s)], 10_000)?.path).toBe('risks[1].rate');
    await expect(simulate(big, inlineRunner(), { iterations: 10_000 })).rejects.toThrow(RunRefusedError);
  });
});

describe("the one-limit claimant loop (a limit over one cost-driven benefit and one daily allowance) draws each claimant's days exactly", () => {
  // 10^7 claimants: the allowance, the bands and the limit's reduction per claimant, each against
  // its expectation by a hand sum over Poisson days and quadrature over X, within 4 standard errors
  // of one claimant's value over √(claimants). Maximum 12 days near the mean of 9: many of the 1,024
  // cells of D's distribution straddle two day counts, some paying the same (12 and over), some not;
  // paying every straddling cell as its first (or its last) day count moves the allowance by 9 (6)
  // standard errors.
  const perDay = 30;
  const maxDays = 12;
  const cap = 8000;
  const s = limited({
    members: { groups: [{ id: 'g', count: 1_000_000 }] },
    contributions: [{ payer: 'member', amount: 100 }],
  });
  s.benefits[0] = { ...s.benefits[0], perShare: false };
  s.benefits[1] = { id: 'allowance', risk: 'inpatient', type: 'daily', perDay, maxDays };
  s.limits = [{ id: 'total', benefits: ['self-pay', 'allowance'], cap }];
  const allowance = (d: number) => perDay * Math.min(d, maxDays);
  const days = Array.from({ length: 80 }, (_, d) => poissonPmf(d, 9));
  const moment = (f: (d: number) => number) => days.reduce((a, p, d) => a + p * f(d), 0);

  it('allowance, bands and the limit reduction per claimant within 4 standard errors', () => {
    const plan = compilePlan(resolveScheme(s));
    const h = hydrate(plan);
    let claimants = 0,
      bands = 0,
      daily = 0,
      reduction = 0;
    for (const block of planBlocks(200)) {
      const r = simulateBlock(h, 'one-limit', block);
      claimants += r.claimants;
      for (let i = 0; i < r.count; i++) {
        const b = r.byBenefit[2 * i],
          a = r.byBenefit[2 * i + 1];
        bands += b;
        daily += a;
        reduction += b + a - r.totals[i];
      }
    }
    expect(claimants).toBeGreaterThan(9.9e6);
    const sqrtN = Math.sqrt(claimants);
    const ea = moment(allowance);
    const sdA = Math.sqrt(moment((d) => allowance(d) ** 2) - ea * ea);
    expect(Math.abs(daily / claimants - ea)).toBeLessThan((4 * sdA) / sqrtN);
    const eb = lognormalExpect(6000, 1.5, bandsPay);
    const sdB = Math.sqrt(lognormalExpect(6000, 1.5, (x) => bandsPay(x) ** 2) - eb * eb);
    expect(Math.abs(bands / claimants - eb)).toBeLessThan((4 * sdB) / sqrtN);
    const over = (x: number) => moment((d) => Math.max(0, bandsPay(x) + allowance(d) - cap));
    const er = lognormalExpect(6000, 1.5, over, 4000);
    const sdR = Math.sqrt(
      lognormalExpect(
        6000,
        1.5,
        (x) => moment((d) => Math.max(0, bandsPay(x) + allowance(d) - cap) ** 2),
        4000,
      ) -
        er * er,
    );
    expect(er).toBeGreaterThan(10);
    expect(Math.abs(reduction / claimants - er)).toBeLessThan((4 * sdR) / sqrtN);
  });
});
