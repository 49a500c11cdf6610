/**
 * Scheme versions side by side (src/engine/compare.ts: compareVersions, growthFlags) on lump-sum
 * schemes whose figures are written out here: 1,000 members, one event at rate q paying a fixed
 * amount a, one contribution c; the expected payout is 1,000 × q × a, the income 1,000 × c, the
 * loss ratio their quotient, and each period total a multiple of a. The simulated figures of each
 * version are checked against its own sample of totals (mean Σ/n, quantiles at (n − 1)p between
 * order statistics, P(deficit) the share above the income), the mean within five standard errors
 * of 1,000 × q × a (the count of events is Poisson of mean 1,000 × q, so the total's standard
 * deviation is a·√(1,000·q)). Growth is against the first version: payout and income each
 * against the first's. Small runs (400 iterations), in the calling thread.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/scenario.ts';
import { compareVersions, GROWTH_GAP, growthFlags } from '../../src/engine/compare.ts';
import type { Runner } from '../../src/engine/runner.ts';
import { RunRefusedError } from '../../src/engine/workBudget.ts';
import { inlineRunner } from '../../src/runners/inline.ts';

const MEMBERS = 1000;

/** 1,000 members paying c; an event at rate q paying a. */
function lump(name: string, c: number, q: number, a: number, simulation?: Scenario['simulation']): Scenario {
  return {
    format: 'huzhu-scenario/2',
    name,
    members: { count: MEMBERS },
    contributions: [{ payer: 'member', amount: c }],
    risks: [{ id: 'e', kind: 'event', rate: q }],
    benefits: [{ id: 'l', risk: 'e', type: 'lump-sum', amount: a }],
    ...(simulation ? { simulation } : {}),
  };
}

// A: 20,000 against 30,000; B: 50,000 against 40,000; C: 25,000 against 30,000.
const A = () => lump('A', 30, 0.01, 2000, { iterations: 400, seed: 'first' });
const B = () => lump('B', 40, 0.02, 2500, { iterations: 5000, seed: 'second' });
const C = () => lump('C', 30, 0.01, 2500);

/** Counts the runs it is asked for. */
function countingRunner(): Runner & { runs: number } {
  const inner = inlineRunner();
  const r = {
    runs: 0,
    run: (...args: Parameters<Runner['run']>) => {
      r.runs++;
      return inner.run(...args);
    },
    close: () => inner.close(),
  };
  return r;
}

/** The (n − 1)p quantile between order statistics, of a sorted copy. */
function quantile(totals: Float64Array, p: number): number {
  const x = Float64Array.from(totals).sort();
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, x.length - 1);
  return x[lo] + (h - lo) * (x[hi] - x[lo]);
}

describe('compareVersions on three lump-sum versions', () => {
  it('lists the versions in order, by name, with income, expected payout and loss ratio by hand', async () => {
    const { comparison } = await compareVersions([A(), B(), C()], inlineRunner());
    expect(comparison.format).toBe('huzhu-comparison/1');
    expect(comparison.versions.map((v) => v.name)).toEqual(['A', 'B', 'C']);
    expect(comparison.versions.map((v) => v.income)).toEqual([MEMBERS * 30, MEMBERS * 40, MEMBERS * 30]);
    const payouts = [MEMBERS * 0.01 * 2000, MEMBERS * 0.02 * 2500, MEMBERS * 0.01 * 2500];
    const incomes = [MEMBERS * 30, MEMBERS * 40, MEMBERS * 30];
    comparison.versions.forEach((v, i) => {
      expect(v.expected.payout).toBeCloseTo(payouts[i], 6);
      expect(v.expected.lossRatio).toBeCloseTo(payouts[i] / incomes[i], 12);
    });
    // μ ≤ income breaks even; above it, with no reserve or backstop, the deficit is beyond the backstop
    expect(comparison.versions.map((v) => v.verdict)).toEqual([
      'breaks-even',
      'deficit-beyond-backstop',
      'breaks-even',
    ]);
  });
  it('runs every version with the first version’s iterations and seed', async () => {
    const { comparison, simulations } = await compareVersions([A(), B(), C()], inlineRunner());
    expect(comparison.iterations).toBe(400);
    expect(comparison.seed).toBe('first');
    expect(simulations.map((x) => x.totals.length)).toEqual([400, 400, 400]);
  });
  it('the options override the first version’s settings', async () => {
    const { comparison, simulations } = await compareVersions([A(), B()], inlineRunner(), {
      iterations: 300,
      seed: 'given',
    });
    expect([comparison.iterations, comparison.seed]).toEqual([300, 'given']);
    expect(simulations.map((x) => x.totals.length)).toEqual([300, 300]);
    const again = await compareVersions([A(), B()], inlineRunner(), { iterations: 300, seed: 'given' });
    expect(again.comparison).toEqual(comparison);
    const other = await compareVersions([A(), B()], inlineRunner(), { iterations: 300, seed: 'other' });
    expect(other.simulations[0].totals).not.toEqual(simulations[0].totals);
  });
  it('the same seed gives a version the same totals whatever it is compared with', async () => {
    const alone = await compareVersions([A()], inlineRunner());
    const withB = await compareVersions([A(), B()], inlineRunner());
    expect(withB.simulations[0].totals).toEqual(alone.simulations[0].totals);
    expect(withB.comparison.versions[0]).toEqual(alone.comparison.versions[0]);
  });
  it('each version’s simulated figures are those of its own sample of totals', async () => {
    const { comparison, simulations } = await compareVersions([A(), B(), C()], inlineRunner());
    const amounts = [2000, 2500, 2500];
    const rates = [0.01, 0.02, 0.01];
    const incomes = [30000, 40000, 30000];
    comparison.versions.forEach((v, i) => {
      const t = simulations[i].totals;
      for (const x of t) expect(x % amounts[i]).toBe(0);
      let sum = 0;
      for (const x of t) sum += x;
      expect(v.simulated.mean).toBeCloseTo(sum / t.length, 1);
      expect(v.simulated.quantiles).toEqual({
        p50: expect.closeTo(quantile(t, 0.5), 1),
        p95: expect.closeTo(quantile(t, 0.95), 1),
        p995: expect.closeTo(quantile(t, 0.995), 1),
      });
      const above = t.filter((x) => x > incomes[i]).length / t.length;
      expect(v.simulated.probDeficit).toBeCloseTo(above, 12);
      // no expenses, reserve or backstop: the threshold is the income
      expect(v.simulated.probBeyondBackstop).toBeCloseTo(above, 12);
      const mu = MEMBERS * rates[i] * amounts[i];
      const se = (amounts[i] * Math.sqrt(MEMBERS * rates[i])) / Math.sqrt(t.length);
      expect(Math.abs(v.simulated.mean - mu)).toBeLessThan(5 * se);
    });
    // B pays 50,000 on average against 40,000: mostly in deficit; A rarely
    expect(comparison.versions[1].simulated.probDeficit).toBeGreaterThan(0.5);
    expect(comparison.versions[0].simulated.probDeficit).toBeLessThan(0.1);
  });
  it('with a reserve and a backstop of 5,000 each, P(deficit) is the share above 30,000 and beyond the backstop above 40,000', async () => {
    const funded = { ...A(), fund: { reserve: 5000, backstop: 5000 } };
    const { comparison, simulations } = await compareVersions([B(), funded], inlineRunner(), {
      iterations: 1000,
    });
    const t = simulations[1].totals;
    const share = (x: number) => t.filter((y) => y > x).length / t.length;
    expect(comparison.versions[1].simulated.probDeficit).toBeCloseTo(share(30000), 12);
    expect(comparison.versions[1].simulated.probBeyondBackstop).toBeCloseTo(share(40000), 12);
    // events are Poisson of mean 10: P(N > 15) ≈ 0.049 and P(N > 20) ≈ 0.0016, so they differ
    expect(share(30000)).toBeGreaterThan(share(40000));
  });
  it('the first version has no changes and no flags; each other its changes against the first', async () => {
    const { comparison } = await compareVersions([A(), B(), C()], inlineRunner());
    const [a, b, c] = comparison.versions;
    expect([a.changes, a.flags]).toEqual([[], []]);
    expect(b.changes).toEqual([
      { path: 'name', from: 'A', to: 'B' },
      { path: 'contributions[0].amount', from: 30, to: 40 },
      { path: 'risks[0].rate', from: 0.01, to: 0.02 },
      { path: 'benefits[0].amount', from: 2000, to: 2500 },
      { path: 'simulation.iterations', from: 400, to: 5000 },
      { path: 'simulation.seed', from: 'first', to: 'second' },
    ]);
    // against A, not against B
    expect(c.changes).toEqual([
      { path: 'name', from: 'A', to: 'C' },
      { path: 'benefits[0].amount', from: 2000, to: 2500 },
      { path: 'simulation', from: { iterations: 400, seed: 'first' }, to: null },
    ]);
  });
  it('flags growth against the first version: B +150% payout on +33% income, C +25% on 0%', async () => {
    const { comparison } = await compareVersions([A(), B(), C()], inlineRunner());
    const [, b, c] = comparison.versions;
    expect(b.flags).toEqual([
      {
        code: 'payout-growth-outpaces-contributions',
        params: {
          payoutGrowth: expect.closeTo(50000 / 20000 - 1, 12),
          incomeGrowth: expect.closeTo(40 / 30 - 1, 12),
        },
      },
    ]);
    // against B, C would be −50% payout on −25% income: no flag
    expect(c.flags).toEqual([
      {
        code: 'payout-growth-outpaces-contributions',
        params: { payoutGrowth: expect.closeTo(25000 / 20000 - 1, 12), incomeGrowth: 0 },
      },
    ]);
  });
  it('a version whose payout grows with its income raises no flag', async () => {
    // income +33%, payout +33%
    const { comparison } = await compareVersions(
      [A(), lump('D', 40, 0.01, (2000 * 40) / 30)],
      inlineRunner(),
      { iterations: 200 },
    );
    expect(comparison.versions[1].flags).toEqual([]);
  });
  it('refuses before running anything when the versions together are too much, naming the heaviest', async () => {
    const huge = lump('huge', 30, 1, 2000);
    huge.members = { count: 100_000_000 };
    huge.risks = [{ id: 'e', kind: 'cost', rate: 1, cost: { dist: 'lognormal', mean: 4000, cv: 3 } }];
    huge.benefits = [{ id: 'l', risk: 'e', type: 'bands', bands: [{ upTo: null, rate: 0.5 }] }];
    for (const [versions, heaviest] of [
      [[A(), huge], 1],
      [[huge, A()], 0],
    ] as [Scenario[], number][]) {
      const runner = countingRunner();
      const e = await compareVersions(versions, runner).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(RunRefusedError);
      expect((e as RunRefusedError).version).toBe(heaviest);
      expect(runner.runs).toBe(0);
    }
  });
});

describe('growthFlags', () => {
  it('the gap is 20 percentage points', () => {
    expect(GROWTH_GAP).toBe(0.2);
  });
  it('payout +25% on flat income is flagged, +19% is not; growth is each against its own base', () => {
    expect(growthFlags({ income: 100, payout: 80 }, { income: 100, payout: 100 })).toEqual([
      { code: 'payout-growth-outpaces-contributions', params: { payoutGrowth: 0.25, incomeGrowth: 0 } },
    ]);
    expect(growthFlags({ income: 100, payout: 100 }, { income: 100, payout: 119 })).toEqual([]);
    // income +50% (100 → 150), payout +75% (200 → 350): a gap of 25 points
    expect(growthFlags({ income: 100, payout: 200 }, { income: 150, payout: 350 })).toEqual([
      { code: 'payout-growth-outpaces-contributions', params: { payoutGrowth: 0.75, incomeGrowth: 0.5 } },
    ]);
    // income +50%, payout +65%: 15 points
    expect(growthFlags({ income: 100, payout: 200 }, { income: 150, payout: 330 })).toEqual([]);
  });
  it('falling income with flat payouts widens the gap: income −25%, payout 0% is 25 points', () => {
    expect(growthFlags({ income: 100, payout: 100 }, { income: 75, payout: 100 })).toEqual([
      { code: 'payout-growth-outpaces-contributions', params: { payoutGrowth: 0, incomeGrowth: -0.25 } },
    ]);
  });
});
