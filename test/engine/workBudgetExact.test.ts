/**
 * The exact method's work estimate (src/engine/workBudget.ts: `exactWork`, `checkExactWork`, and
 * through them `limitBranches`, `cappedEventCounts`, `exactDays`, `unbounded` and `daysEntries`):
 * every part of `exactWork(s).parts.once` (its path, kind, count and units) for small scenarios
 * (1,000 members, rates like 0.04) that take each branch, against figures worked out here from the
 * formulas of the module's comments, written out term by term (never by calling the module).
 *
 * Figures: a capped or limited event risk follows μ + 12√μ + 60 event counts (Poisson) or
 * μ + 57.5/ln(1 + r/μ) + 60 (r = 1/cv²), 200 units each; empirical or fixed costs are
 * 2 × 5 × values × cost benefits × times; continuous costs 2q × pieces × times a benefit (q = 40, a
 * gamma 40 + 20/cv), bands pieces = bands + 2, steps min(cap/perStep, (top − from)/step) + 2 with top
 * the upper quantile at 2.5·10⁻¹¹ / (risks with an unbounded benefit) / claimants (Pareto:
 * s·(p^(−1/α) − 1)); a limit adds 4q × 65,536 × times; days are 40 × entries × (1 + allowances) ×
 * share classes. times = share classes (when something pays per share) × branches under a limit
 * (⌈cap·k/perDay⌉ + 1 when every allowance is in a limit, at most the day entries). Day entries:
 * at most the largest maxDays + 1, else the days table's reach + 20 (fixed: value + 1; empirical:
 * 367; Poisson: m + 10√m + 50) or, for negative-binomial days, the Chernoff point at 10⁻³⁰ + 2
 * (m + 15√m + 80 when the variance is not above the mean).
 *
 * Each test imports the module afresh (`vi.resetModules()`, then `import()`), so that a
 * mutation-testing run sees the mutants of its module-level constants (EXACT_TRUNCATION,
 * EXACT_GRID, EXACT_DAYS_PMF_LOG and the weights W).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { ResolvedScheme } from '../../src/domain/scheme.ts';
import { validateScenario } from '../../src/io/validate.ts';
import { problemLines } from '../helpers/worded.ts';
import { chernoffEntries, sizeOf, tableEntries } from '../helpers/negativeBinomial.ts';
// A static import (of a type) as well as the fresh ones below: a mutation run's first pass keeps only
// the test files that import the module under test statically.
import type { PeriodWork } from '../../src/engine/workBudget.ts';

beforeEach(() => {
  vi.resetModules();
});

const load = () => import('../../src/engine/workBudget.ts');

/** A `/2` scenario of 1,000 members (unless `doc` says otherwise), resolved. */
function scheme(doc: Record<string, unknown>): ResolvedScheme {
  const r = validateScenario({
    format: 'huzhu-scenario/2',
    name: 'exact work',
    members: { count: 1000 },
    contributions: [{ payer: 'member', amount: 36 }],
    ...doc,
  });
  if (!r.ok) throw new Error(problemLines(r.problems));
  return resolveScheme(r.scenario);
}

interface Want {
  path: string;
  what: string;
  count: number;
  units: number;
}

/** Equal to 12 significant digits. */
function near(actual: number, expected: number) {
  if (expected === 0 || !Number.isFinite(expected)) expect(actual).toBe(expected);
  else expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
}

/** The exact method's parts of `s`, as wanted (in order), and their sum. */
async function expectParts(s: ResolvedScheme, want: Want[]) {
  const { exactWork } = await load();
  const w: PeriodWork = exactWork(s);
  expect(w.parts.once.map((p) => `${p.path} ${p.what}`)).toEqual(want.map((p) => `${p.path} ${p.what}`));
  w.parts.once.forEach((p, i) => {
    near(p.count, want[i].count);
    near(p.units, want[i].units);
  });
  near(
    w.once,
    want.reduce((a, p) => a + p.units, 0),
  );
  expect(w.perIteration).toBe(0);
  expect(w.parts.perIteration).toEqual([]);
}

/** Pareto II (Lomax) upper quantile at p: S(x) = (s/(x + s))^α = p. */
const paretoTop = (scale: number, shape: number, p: number) => scale * (Math.pow(p, -1 / shape) - 1);

const lognormal = { dist: 'lognormal', mean: 4000, cv: 1 };
const pareto = { dist: 'pareto', scale: 4000, shape: 2 };
const cappedBands = {
  type: 'bands',
  bands: [
    { upTo: 1000, rate: 0.2 },
    { upTo: 10000, rate: 0.5 },
    { upTo: null, rate: 0.9 },
  ],
  cap: 30000,
};
const openBands = { type: 'bands', bands: cappedBands.bands };
const finiteBands = {
  type: 'bands',
  bands: [
    { upTo: 1000, rate: 0.2 },
    { upTo: 10000, rate: 0.5 },
  ],
};

describe('event risks: the counts the exact method follows', () => {
  const event = (extra: Record<string, unknown> = {}) => ({ id: 'e', kind: 'event', rate: 0.04, ...extra });

  it('a lump sum without a cap or limit: no part', async () => {
    const s = scheme({
      risks: [event()],
      benefits: [{ id: 'L', risk: 'e', type: 'lump-sum', amount: 1000 }],
    });
    await expectParts(s, []);
  });

  it('a capped lump sum, Poisson counts: μ = 1000 × 0.04 = 40, μ + 12√μ + 60 counts', async () => {
    const s = scheme({
      risks: [event()],
      benefits: [{ id: 'L', risk: 'e', type: 'lump-sum', amount: 1000, cap: 3000 }],
    });
    const counts = 40 + 12 * Math.sqrt(40) + 60;
    await expectParts(s, [{ path: 'risks[0].rate', what: 'events', count: counts, units: 200 * counts }]);
  });

  it('a limit over an uncapped lump sum follows the counts as a cap does', async () => {
    const s = scheme({
      risks: [event()],
      benefits: [{ id: 'L', risk: 'e', type: 'lump-sum', amount: 1000 }],
      limits: [{ id: 'l', benefits: ['L'], cap: 5000 }],
    });
    const counts = 40 + 12 * Math.sqrt(40) + 60;
    await expectParts(s, [{ path: 'risks[0].rate', what: 'events', count: counts, units: 200 * counts }]);
  });

  it('waiting days thin the rate (w = 1 − newShare × days/365); a waiting amount pays every event', async () => {
    const lump = { id: 'L', risk: 'e', type: 'lump-sum', amount: 1000, cap: 3000, waitingDays: 73 };
    const members = { count: 1000, newShare: 0.5 };
    // w = 1 − 0.5 × 73/365 = 0.9: μ = 1000 × 0.04 × 0.9 = 36
    const thinned = scheme({ members, risks: [event()], benefits: [lump] });
    const mu = 1000 * 0.04 * (1 - (0.5 * 73) / 365);
    const c1 = mu + 12 * Math.sqrt(mu) + 60;
    await expectParts(thinned, [{ path: 'risks[0].rate', what: 'events', count: c1, units: 200 * c1 }]);
    // a waiting amount of 100: every event pays, μ = 40
    const paid = scheme({ members, risks: [event()], benefits: [{ ...lump, waitingAmount: 100 }] });
    const c2 = 40 + 12 * Math.sqrt(40) + 60;
    await expectParts(paid, [{ path: 'risks[0].rate', what: 'events', count: c2, units: 200 * c2 }]);
  });

  it('μ sums over cells (groups × holdings) and lump sums: 500·0.076 + 500·0.076 + 500·0.04 = 96', async () => {
    const s = scheme({
      members: {
        groups: [
          {
            id: 'a',
            count: 1000,
            newShare: 0.5,
            holdings: [
              { shares: 1, fraction: 0.5 },
              { shares: 2, fraction: 0.5 },
            ],
          },
          { id: 'b', count: 500 },
        ],
      },
      risks: [event({ rate: { a: 0.04, b: 0.02 } })],
      benefits: [
        { id: 'L1', risk: 'e', type: 'lump-sum', amount: 1000, cap: 3000, waitingDays: 73 },
        { id: 'L2', risk: 'e', type: 'lump-sum', amount: 500, waitingDays: 73, waitingAmount: 100 },
      ],
    });
    // group a (new share 0.5): 0.04 × 0.9 (L1 thinned) + 0.04 × 1 (L2 pays in waiting); two cells of 500
    // group b (new share 0): 0.02 × 1 + 0.02 × 1; one cell of 500
    const mu = 500 * (0.04 * 0.9 + 0.04) + 500 * (0.04 * 0.9 + 0.04) + 500 * (0.02 + 0.02);
    expect(mu).toBeCloseTo(96, 12);
    const counts = mu + 12 * Math.sqrt(mu) + 60;
    await expectParts(s, [{ path: 'risks[0].rate', what: 'events', count: counts, units: 200 * counts }]);
  });

  it('each event risk counts its own lump sums: a capped one at 0.04, beside an uncapped risk at 0.5', async () => {
    const s = scheme({
      risks: [event(), { id: 'f', kind: 'event', rate: 0.5 }],
      benefits: [
        { id: 'L', risk: 'e', type: 'lump-sum', amount: 1000, cap: 3000 },
        { id: 'M', risk: 'f', type: 'lump-sum', amount: 1000 },
      ],
    });
    const counts = 40 + 12 * Math.sqrt(40) + 60;
    await expectParts(s, [{ path: 'risks[0].rate', what: 'events', count: counts, units: 200 * counts }]);
  });

  it('a limit over another event risk does not make an uncapped one followed', async () => {
    const s = scheme({
      risks: [event(), { id: 'f', kind: 'event', rate: 0.5 }],
      benefits: [
        { id: 'L', risk: 'e', type: 'lump-sum', amount: 1000 },
        { id: 'M', risk: 'f', type: 'lump-sum', amount: 1000 },
      ],
      limits: [{ id: 'l', benefits: ['M'], cap: 5000 }],
    });
    // only f: μ = 1000 × 0.5 = 500
    const counts = 500 + 12 * Math.sqrt(500) + 60;
    await expectParts(s, [{ path: 'risks[1].rate', what: 'events', count: counts, units: 200 * counts }]);
  });

  it('negative binomial counts, rate cv 0.5 (r = 4): spread 57.5/ln(1.1) > μ = 40, named at the rate cv', async () => {
    const s = scheme({
      risks: [event({ rateCv: 0.5 })],
      benefits: [{ id: 'L', risk: 'e', type: 'lump-sum', amount: 1000, cap: 3000 }],
    });
    const spread = 57.5 / Math.log(1 + 4 / 40);
    expect(spread).toBeGreaterThan(40);
    const counts = 40 + spread + 60;
    await expectParts(s, [{ path: 'risks[0].rateCv', what: 'events', count: counts, units: 200 * counts }]);
  });

  it('negative binomial counts, rate cv 0.05 (r = 400): spread 57.5/ln 11 < μ = 40, named at the rate', async () => {
    const s = scheme({
      risks: [event({ rateCv: 0.05 })],
      benefits: [{ id: 'L', risk: 'e', type: 'lump-sum', amount: 1000, cap: 3000 }],
    });
    const spread = 57.5 / Math.log(1 + 400 / 40);
    expect(spread).toBeLessThan(40);
    const counts = 40 + spread + 60;
    await expectParts(s, [{ path: 'risks[0].rate', what: 'events', count: counts, units: 200 * counts }]);
  });
});

describe('cost risks: discrete costs', () => {
  it('three empirical values, two cost benefits: 2 × 5 × 3 × 2', async () => {
    const s = scheme({
      risks: [{ id: 'r', kind: 'cost', rate: 0.04, cost: { dist: 'empirical', values: [1000, 2000, 3000] } }],
      benefits: [
        { id: 'b', risk: 'r', ...cappedBands },
        { id: 's', risk: 'r', type: 'steps', from: 0, step: 100, perStep: 50 },
      ],
    });
    await expectParts(s, [{ path: 'risks[0].cost', what: 'table', count: 3, units: 2 * 5 * 3 * 2 }]);
  });

  it('a fixed cost (lognormal cv 0) is one value: 2 × 5 × 1 × 1', async () => {
    const s = scheme({
      risks: [{ id: 'r', kind: 'cost', rate: 0.04, cost: { dist: 'lognormal', mean: 4000, cv: 0 } }],
      benefits: [{ id: 'b', risk: 'r', ...cappedBands }],
    });
    await expectParts(s, [{ path: 'risks[0].cost', what: 'table', count: 1, units: 2 * 5 * 1 * 1 }]);
  });

  it('empirical values under a limit with an allowance, per-share bands (shares 1 and 3): times = 2 classes × 22 branches', async () => {
    const doc = (limitPerShare: boolean) =>
      scheme({
        members: {
          groups: [
            {
              id: 'g',
              count: 1000,
              holdings: [
                { shares: 1, fraction: 0.5 },
                { shares: 3, fraction: 0.5 },
              ],
            },
          ],
        },
        risks: [
          {
            id: 'r',
            kind: 'cost',
            rate: 0.04,
            cost: { dist: 'empirical', values: [1000, 2000, 3000] },
            days: { dist: 'fixed', value: 10 },
          },
        ],
        benefits: [
          { id: 'b', risk: 'r', ...cappedBands, perShare: true },
          { id: 'd', risk: 'r', type: 'daily', perDay: 50 },
        ],
        limits: [{ id: 'l', benefits: ['b', 'd'], cap: 1020, perShare: limitPerShare }],
      });
    // days: fixed 10, no maximum: 10 + 1 entries, + 20 = 31
    // branches: ⌈1020/50⌉ + 1 = 22 < 31
    await expectParts(doc(false), [
      { path: 'risks[0].cost', what: 'table', count: 3, units: 2 * 5 * 3 * 1 * (2 * 22) },
      { path: 'risks[0].days', what: 'days', count: 31, units: 40 * 31 * (1 + 1) * 2 },
    ]);
    // the limit per share: ⌈1020 × 3/50⌉ + 1 = 63 branches, at most the 31 entries
    await expectParts(doc(true), [
      { path: 'risks[0].cost', what: 'table', count: 3, units: 2 * 5 * 3 * 1 * (2 * 31) },
      { path: 'risks[0].days', what: 'days', count: 31, units: 40 * 31 * (1 + 1) * 2 },
    ]);
  });
});

describe('cost risks: continuous costs', () => {
  it('bands: 2q × (bands + 2); capped steps: 2q × (cap/perStep + 2); q = 40 for a lognormal', async () => {
    const s = scheme({
      risks: [{ id: 'r', kind: 'cost', rate: 0.04, cost: lognormal }],
      benefits: [
        { id: 'b', risk: 'r', ...cappedBands },
        { id: 's', risk: 'r', type: 'steps', from: 1000, step: 100, perStep: 50, cap: 2025 },
      ],
    });
    // steps: 2025/50 = 40.5 pieces + 2
    await expectParts(s, [
      { path: 'benefits[0]', what: 'table', count: 3 + 2, units: 2 * 40 * (3 + 2) * 1 },
      { path: 'benefits[1].step', what: 'table', count: 40.5 + 2, units: 2 * 40 * (40.5 + 2) * 1 },
    ]);
  });

  it('a gamma cost of cv 0.5: q = 40 + 20/0.5 = 80', async () => {
    const s = scheme({
      risks: [{ id: 'r', kind: 'cost', rate: 0.04, cost: { dist: 'gamma', mean: 4000, cv: 0.5 } }],
      benefits: [{ id: 'b', risk: 'r', ...cappedBands }],
    });
    await expectParts(s, [{ path: 'benefits[0]', what: 'table', count: 5, units: 2 * (40 + 20 / 0.5) * 5 }]);
  });

  it('uncapped steps under a Pareto(4000, 2) run to the quantile at 2.5e-11 / 1 risk / 40 claimants', async () => {
    const s = scheme({
      risks: [{ id: 'r', kind: 'cost', rate: 0.04, cost: pareto }],
      benefits: [
        { id: 's', risk: 'r', type: 'steps', from: 0, step: 100, perStep: 50 },
        // a cap past the top: the top decides
        { id: 'c', risk: 'r', type: 'steps', from: 1000, step: 100, perStep: 1, cap: 1e9 },
        // from past the top: no piece but the two ends
        { id: 'f', risk: 'r', type: 'steps', from: 1e10, step: 100, perStep: 50 },
        { id: 'o', risk: 'r', ...openBands },
      ],
    });
    const top = paretoTop(4000, 2, 1e-10 / 4 / 1 / (1000 * 0.04));
    expect(top).toBeGreaterThan(5e9);
    expect(top).toBeLessThan(1e10);
    const s0 = top / 100 + 2;
    const s1 = (top - 1000) / 100 + 2;
    await expectParts(s, [
      { path: 'benefits[0].step', what: 'table', count: s0, units: 2 * 40 * s0 },
      { path: 'benefits[1].step', what: 'table', count: s1, units: 2 * 40 * s1 },
      { path: 'benefits[2].step', what: 'table', count: 2, units: 2 * 40 * 2 },
      { path: 'benefits[3]', what: 'table', count: 5, units: 2 * 40 * 5 },
    ]);
  });

  it('two risks with unbounded benefits share the truncation: each at 2.5e-11 / 2 / its claimants', async () => {
    const s = scheme({
      risks: [
        { id: 'p', kind: 'cost', rate: 0.04, cost: pareto },
        // empirical: not a risk with a truncation point
        { id: 'x', kind: 'cost', rate: 0.04, cost: { dist: 'empirical', values: [1000, 2000] } },
        { id: 'e', kind: 'event', rate: 0.01 },
        // bands with a cap only: bounded
        { id: 'n', kind: 'cost', rate: 0.04, cost: lognormal },
        { id: 'q', kind: 'cost', rate: 0.02, cost: { dist: 'pareto', scale: 1000, shape: 3 } },
      ],
      benefits: [
        { id: 's', risk: 'p', type: 'steps', from: 0, step: 100, perStep: 50 },
        { id: 'xs', risk: 'x', type: 'steps', from: 0, step: 100, perStep: 50 },
        { id: 'L', risk: 'e', type: 'lump-sum', amount: 1000 },
        { id: 'nb', risk: 'n', ...cappedBands },
        // unbounded bands: they make the risk's top finite (cap 10^9 of perStep 1 does not bind)
        { id: 'qb', risk: 'q', ...openBands },
        { id: 'qs', risk: 'q', type: 'steps', from: 0, step: 10, perStep: 1, cap: 1e9 },
      ],
    });
    const topP = paretoTop(4000, 2, 1e-10 / 4 / 2 / (1000 * 0.04));
    const topQ = paretoTop(1000, 3, 1e-10 / 4 / 2 / (1000 * 0.02));
    await expectParts(s, [
      { path: 'benefits[0].step', what: 'table', count: topP / 100 + 2, units: 2 * 40 * (topP / 100 + 2) },
      { path: 'risks[1].cost', what: 'table', count: 2, units: 2 * 5 * 2 * 1 },
      { path: 'benefits[3]', what: 'table', count: 5, units: 2 * 40 * 5 },
      { path: 'benefits[4]', what: 'table', count: 5, units: 2 * 40 * 5 },
      { path: 'benefits[5].step', what: 'table', count: topQ / 10 + 2, units: 2 * 40 * (topQ / 10 + 2) },
    ]);
  });

  it('bands with a cap, or whose last band ends, are bounded: capped steps beside them keep cap/perStep + 2', async () => {
    for (const bands of [cappedBands, finiteBands]) {
      const s = scheme({
        risks: [{ id: 'r', kind: 'cost', rate: 0.04, cost: pareto }],
        benefits: [
          { id: 'b', risk: 'r', ...bands },
          { id: 's', risk: 'r', type: 'steps', from: 1000, step: 100, perStep: 1, cap: 1e9 },
        ],
      });
      const n = bands.bands.length + 2;
      await expectParts(s, [
        { path: 'benefits[0]', what: 'table', count: n, units: 2 * 40 * n },
        { path: 'benefits[1].step', what: 'table', count: 1e9 + 2, units: 2 * 40 * (1e9 + 2) },
      ]);
    }
  });

  it('share classes: per-share bands, or a per-share limit, count the distinct holdings (1, 2: two classes)', async () => {
    const members = {
      groups: [
        {
          id: 'a',
          count: 1000,
          holdings: [
            { shares: 1, fraction: 0.5 },
            { shares: 2, fraction: 0.5 },
          ],
        },
        { id: 'b', count: 1000, holdings: [{ shares: 2, fraction: 1 }] },
      ],
    };
    const risks = [{ id: 'r', kind: 'cost', rate: 0.04, cost: lognormal }];
    const perShare = scheme({
      members,
      risks,
      benefits: [{ id: 'b', risk: 'r', ...cappedBands, perShare: true }],
    });
    await expectParts(perShare, [{ path: 'benefits[0]', what: 'table', count: 5, units: 2 * 40 * 5 * 2 }]);
    const plain = scheme({ members, risks, benefits: [{ id: 'b', risk: 'r', ...cappedBands }] });
    await expectParts(plain, [{ path: 'benefits[0]', what: 'table', count: 5, units: 2 * 40 * 5 * 1 }]);
    // a per-share limit over the bands (no allowance: one branch): 2 classes; the grid 4q × 65,536 × 2
    const limited = scheme({
      members,
      risks,
      benefits: [{ id: 'b', risk: 'r', ...cappedBands }],
      limits: [{ id: 'l', benefits: ['b'], cap: 5000, perShare: true }],
    });
    await expectParts(limited, [
      { path: 'benefits[0]', what: 'table', count: 5, units: 2 * 40 * 5 * 2 },
      { path: 'limits[0]', what: 'table', count: 2, units: 4 * 40 * 65536 * 2 },
    ]);
  });
});

describe('limits over a continuous cost: branches per day count', () => {
  const risk = (days: Record<string, unknown>) => ({
    id: 'r',
    kind: 'cost',
    rate: 0.04,
    cost: lognormal,
    days,
  });
  const fixed10 = { dist: 'fixed', value: 10 };

  it('bands and 50 a day under a cap of 1,020: ⌈1020/50⌉ + 1 = 22 branches of the 31 day entries', async () => {
    const s = scheme({
      risks: [risk(fixed10)],
      benefits: [
        { id: 'b', risk: 'r', ...cappedBands },
        { id: 'd', risk: 'r', type: 'daily', perDay: 50 },
      ],
      limits: [{ id: 'l', benefits: ['b', 'd'], cap: 1020 }],
    });
    await expectParts(s, [
      { path: 'benefits[0]', what: 'table', count: 5, units: 2 * 40 * 5 * 22 },
      { path: 'risks[0].days', what: 'table', count: 22, units: 4 * 40 * 65536 * 22 },
      { path: 'risks[0].days', what: 'days', count: 31, units: 40 * 31 * (1 + 1) * 1 },
    ]);
  });

  it('a cap of 2,000: ⌈2000/50⌉ + 1 = 41 branches, held to the 31 entries', async () => {
    const s = scheme({
      risks: [risk(fixed10)],
      benefits: [
        { id: 'b', risk: 'r', ...cappedBands },
        { id: 'd', risk: 'r', type: 'daily', perDay: 50 },
      ],
      limits: [{ id: 'l', benefits: ['b', 'd'], cap: 2000 }],
    });
    await expectParts(s, [
      { path: 'benefits[0]', what: 'table', count: 5, units: 2 * 40 * 5 * 31 },
      { path: 'risks[0].days', what: 'table', count: 31, units: 4 * 40 * 65536 * 31 },
      { path: 'risks[0].days', what: 'days', count: 31, units: 40 * 31 * 2 },
    ]);
  });

  it('a cap of 1,500 at 50 a day: exactly 30 + 1 = 31 branches, the 31 entries', async () => {
    const s = scheme({
      risks: [risk(fixed10)],
      benefits: [
        { id: 'b', risk: 'r', ...cappedBands },
        { id: 'd', risk: 'r', type: 'daily', perDay: 50 },
      ],
      limits: [{ id: 'l', benefits: ['b', 'd'], cap: 1500 }],
    });
    await expectParts(s, [
      { path: 'benefits[0]', what: 'table', count: 5, units: 2 * 40 * 5 * 31 },
      { path: 'risks[0].days', what: 'table', count: 31, units: 4 * 40 * 65536 * 31 },
      { path: 'risks[0].days', what: 'days', count: 31, units: 40 * 31 * 2 },
    ]);
  });

  it('two allowances in the limit add their days: ⌈1020/(50 + 30)⌉ + 1 = 14', async () => {
    const s = scheme({
      risks: [risk(fixed10)],
      benefits: [
        { id: 'b', risk: 'r', ...cappedBands },
        { id: 'd', risk: 'r', type: 'daily', perDay: 50 },
        { id: 'e', risk: 'r', type: 'daily', perDay: 30 },
      ],
      limits: [{ id: 'l', benefits: ['b', 'd', 'e'], cap: 1020 }],
    });
    await expectParts(s, [
      { path: 'benefits[0]', what: 'table', count: 5, units: 2 * 40 * 5 * 14 },
      { path: 'risks[0].days', what: 'table', count: 14, units: 4 * 40 * 65536 * 14 },
      { path: 'risks[0].days', what: 'days', count: 31, units: 40 * 31 * (1 + 2) },
    ]);
  });

  it('an allowance outside every limit: one branch a day entry (31)', async () => {
    const s = scheme({
      risks: [risk(fixed10)],
      benefits: [
        { id: 'b', risk: 'r', ...cappedBands },
        { id: 'd', risk: 'r', type: 'daily', perDay: 50 },
        { id: 'e', risk: 'r', type: 'daily', perDay: 30 },
      ],
      limits: [{ id: 'l', benefits: ['b', 'd'], cap: 1020 }],
    });
    await expectParts(s, [
      { path: 'benefits[0]', what: 'table', count: 5, units: 2 * 40 * 5 * 31 },
      { path: 'risks[0].days', what: 'table', count: 31, units: 4 * 40 * 65536 * 31 },
      { path: 'risks[0].days', what: 'days', count: 31, units: 40 * 31 * 3 },
    ]);
  });

  it('two limits: the larger branch count, a limit without allowances adding none (22 over 6)', async () => {
    const s = scheme({
      risks: [risk(fixed10)],
      benefits: [
        { id: 'b', risk: 'r', ...cappedBands },
        { id: 'd', risk: 'r', type: 'daily', perDay: 50 },
        { id: 'e', risk: 'r', type: 'daily', perDay: 100 },
      ],
      limits: [
        { id: 'cost', benefits: ['b'], cap: 1020 },
        { id: 'd50', benefits: ['d'], cap: 1020 },
        { id: 'd100', benefits: ['e'], cap: 500 },
      ],
    });
    // d50: ⌈1020/50⌉ + 1 = 22; d100: ⌈500/100⌉ + 1 = 6; cost: no allowance
    await expectParts(s, [
      { path: 'benefits[0]', what: 'table', count: 5, units: 2 * 40 * 5 * 22 },
      { path: 'risks[0].days', what: 'table', count: 22, units: 4 * 40 * 65536 * 22 },
      { path: 'risks[0].days', what: 'days', count: 31, units: 40 * 31 * 3 },
    ]);
  });

  it('a per-share limit over holdings of 1 and 3 shares: ⌈1020 × 3/50⌉ + 1 = 63, held to 31; × 2 classes', async () => {
    const s = scheme({
      members: {
        groups: [
          {
            id: 'g',
            count: 1000,
            holdings: [
              { shares: 1, fraction: 0.5 },
              { shares: 3, fraction: 0.5 },
            ],
          },
        ],
      },
      risks: [risk({ dist: 'fixed', value: 80 })],
      benefits: [
        { id: 'b', risk: 'r', ...cappedBands },
        { id: 'd', risk: 'r', type: 'daily', perDay: 50 },
      ],
      limits: [{ id: 'l', benefits: ['b', 'd'], cap: 1020, perShare: true }],
    });
    // days: 80 + 1 + 20 = 101 entries; branches ⌈3060/50⌉ + 1 = 63; 2 share classes
    await expectParts(s, [
      { path: 'benefits[0]', what: 'table', count: 5, units: 2 * 40 * 5 * 2 * 63 },
      { path: 'risks[0].days', what: 'table', count: 2 * 63, units: 4 * 40 * 65536 * 2 * 63 },
      { path: 'risks[0].days', what: 'days', count: 101, units: 40 * 101 * 2 * 2 },
    ]);
  });

  it('a limit over allowances alone: no payment function of the cost to put on grids, only the days', async () => {
    const s = scheme({
      risks: [risk(fixed10)],
      benefits: [{ id: 'd', risk: 'r', type: 'daily', perDay: 50 }],
      limits: [{ id: 'l', benefits: ['d'], cap: 1020 }],
    });
    await expectParts(s, [{ path: 'risks[0].days', what: 'days', count: 31, units: 40 * 31 * 2 }]);
  });

  it('a limit without allowances is named by its own index (limits[1]), one branch', async () => {
    const s = scheme({
      risks: [
        { id: 'a', kind: 'cost', rate: 0.04, cost: { dist: 'empirical', values: [1000] } },
        // days, but no allowance: still one branch, named by the limit
        {
          id: 'r',
          kind: 'cost',
          rate: 0.04,
          cost: { dist: 'gamma', mean: 4000, cv: 0.5 },
          days: { dist: 'fixed', value: 10 },
        },
      ],
      benefits: [
        { id: 'ab', risk: 'a', ...cappedBands },
        { id: 'b', risk: 'r', ...cappedBands },
      ],
      limits: [
        { id: 'la', benefits: ['ab'], cap: 1000 },
        { id: 'l', benefits: ['b'], cap: 1000 },
      ],
    });
    // q = 40 + 20/0.5 = 80
    await expectParts(s, [
      { path: 'risks[0].cost', what: 'table', count: 1, units: 2 * 5 * 1 * 1 * 1 },
      { path: 'benefits[1]', what: 'table', count: 5, units: 2 * 80 * 5 },
      { path: 'limits[1]', what: 'table', count: 1, units: 4 * 80 * 65536 * 1 },
    ]);
  });
});

describe('days the exact method follows', () => {
  /** A cost risk paying only an allowance of 50 a day (empirical cost: no cost part). */
  const allowance = (days: Record<string, unknown>, daily: Record<string, unknown>[] = [{}]) =>
    scheme({
      risks: [{ id: 'r', kind: 'cost', rate: 0.04, cost: { dist: 'empirical', values: [1000] }, days }],
      benefits: daily.map((d, i) => ({ id: `d${i}`, risk: 'r', type: 'daily', perDay: 50, ...d })),
    });
  const days = (count: number, allowances = 1): Want[] => [
    { path: 'risks[0].days', what: 'days', count, units: 40 * count * (1 + allowances) * 1 },
  ];

  it('fixed 10 days: 10 + 1 entries + 20 = 31', async () => {
    await expectParts(allowance({ dist: 'fixed', value: 10 }), days(31));
  });
  it('fixed 10 days, at most 5 paid: 5 + 1 = 6', async () => {
    await expectParts(allowance({ dist: 'fixed', value: 10 }, [{ maxDays: 5 }]), days(6));
  });
  it('fixed 10 days, at most 10 paid: 10 + 1 = 11', async () => {
    await expectParts(allowance({ dist: 'fixed', value: 10 }, [{ maxDays: 10 }]), days(11));
  });
  it('fixed 10 days, at most 20 paid: 20 + 1 = 21 (below 11 + 20)', async () => {
    await expectParts(allowance({ dist: 'fixed', value: 10 }, [{ maxDays: 20 }]), days(21));
  });
  it('two allowances of at most 5 and 8 days: the larger, 8 + 1 = 9', async () => {
    await expectParts(allowance({ dist: 'fixed', value: 10 }, [{ maxDays: 5 }, { maxDays: 8 }]), days(9, 2));
  });
  it('two allowances, one without a maximum: 31', async () => {
    await expectParts(allowance({ dist: 'fixed', value: 10 }, [{ maxDays: 5 }, {}]), days(31, 2));
  });
  it('empirical days: 367 + 20 = 387', async () => {
    await expectParts(allowance({ dist: 'empirical', values: [1, 2, 3] }), days(387));
  });
  it('Poisson days of mean 9: 9 + 10 × 3 + 50 + 20 = 109', async () => {
    await expectParts(allowance({ dist: 'poisson', mean: 9 }), days(9 + 10 * 3 + 50 + 20));
  });
  it('negative-binomial days, mean 9 and cv 1: r = 81/72, to the Chernoff point at 1e-30, + 2', async () => {
    const r = (9 * 9) / ((1 * 9) ** 2 - 9);
    expect(r).toBe(1.125);
    await expectParts(
      allowance({ dist: 'negative-binomial', mean: 9, cv: 1 }),
      days(chernoffEntries(9, r, Math.log(1e30))),
    );
  });
  it('negative-binomial days: never fewer than the exact method follows, nor twice as many', async () => {
    // The exact method follows the days past the mean until the pmf is below 1e-30. Near a Poisson
    // the tail's geometric rate alone undercounted: mean 366, cv 0.1: 924 days, 366 + 69.1/ln(1 + r/366) + 80 = 662.
    const { exactWork } = await load();
    for (const m of [1, 9, 50, 100, 200, 366])
      for (const cv of [0.1, 0.2, 0.3, 0.5, 1, 3]) {
        if ((cv * m) ** 2 <= m) continue;
        const parts = exactWork(allowance({ dist: 'negative-binomial', mean: m, cv })).parts.once;
        const count = parts.find((p) => p.what === 'days')!.count;
        const follows = tableEntries(m, sizeOf(m, cv), 1e-30);
        expect(count, `mean ${m}, cv ${cv}`).toBeGreaterThanOrEqual(follows);
        expect(count, `mean ${m}, cv ${cv}`).toBeLessThan(2 * follows);
      }
  });
  it('negative-binomial days of mean 25 and cv 0.2: variance (0.2 × 25)² = 25, not above the mean (r infinite), 25 + 15 × 5 + 80 = 180', async () => {
    // the validator takes it (0.2² = 0.04000000000000001 > 1/25 in doubles); the variance is 25 exactly
    expect((0.2 * 25) ** 2).toBe(25);
    await expectParts(allowance({ dist: 'negative-binomial', mean: 25, cv: 0.2 }), days(25 + 15 * 5 + 80));
  });
  it('negative-binomial days, at most 30 paid: 30 + 1 = 31', async () => {
    await expectParts(allowance({ dist: 'negative-binomial', mean: 9, cv: 1 }, [{ maxDays: 30 }]), days(31));
  });
  it('a continuous cost with an allowance and bands, no limit: one description, days × (1 + 1)', async () => {
    const s = scheme({
      risks: [{ id: 'r', kind: 'cost', rate: 0.04, cost: lognormal, days: { dist: 'fixed', value: 10 } }],
      benefits: [
        { id: 'b', risk: 'r', ...cappedBands },
        { id: 'd', risk: 'r', type: 'daily', perDay: 50, perShare: true },
      ],
    });
    // a per-share allowance with every member holding one share: one class
    await expectParts(s, [
      { path: 'benefits[0]', what: 'table', count: 5, units: 2 * 40 * 5 },
      { path: 'risks[0].days', what: 'days', count: 31, units: 40 * 31 * 2 },
    ]);
  });
});

describe('checkExactWork', () => {
  const limited = () =>
    scheme({
      risks: [{ id: 'r', kind: 'cost', rate: 0.04, cost: lognormal, days: { dist: 'fixed', value: 10 } }],
      benefits: [
        { id: 'b', risk: 'r', ...cappedBands },
        { id: 'd', risk: 'r', type: 'daily', perDay: 50 },
      ],
      limits: [{ id: 'l', benefits: ['b', 'd'], cap: 1020 }],
    });
  // bands 2·40·5·22, the grid 4·40·65,536·22, the days 40·31·2
  const units = 2 * 40 * 5 * 22 + 4 * 40 * 65536 * 22 + 40 * 31 * 2;

  it('at exactly its units: null', async () => {
    const { checkExactWork } = await load();
    expect(checkExactWork(limited(), units)).toBeNull();
    expect(checkExactWork(limited())).toBeNull();
  });
  it('one unit less: refused (code exact), naming the heaviest part, the grid at risks[0].days', async () => {
    const { checkExactWork } = await load();
    expect(checkExactWork(limited(), units - 1)).toEqual({
      path: 'risks[0].days',
      code: 'exact',
      params: { units, limit: units - 1, what: 'table', count: 22 },
    });
  });
  it('the default bound, 6·10^9: uncapped steps of 67 refused under a Pareto(4000, 2), of 68 not', async () => {
    const { checkExactWork } = await load();
    const fen = (step: number) =>
      scheme({
        risks: [{ id: 'r', kind: 'cost', rate: 0.04, cost: pareto }],
        benefits: [{ id: 's', risk: 'r', type: 'steps', from: 0, step, perStep: 1 }],
      });
    const top = paretoTop(4000, 2, 1e-10 / 4 / 40);
    const at = (step: number) => 2 * 40 * (top / step + 2);
    expect(at(67)).toBeGreaterThan(6e9);
    expect(at(68)).toBeLessThan(6e9);
    const r = checkExactWork(fen(67));
    expect(r?.path).toBe('benefits[0].step');
    expect(r?.code).toBe('exact');
    near(r!.params.units, at(67));
    expect(r?.params.limit).toBe(6e9);
    expect(checkExactWork(fen(68))).toBeNull();
  });
});
