import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Benefit, CostDist, CostRisk, Scenario } from '../../src/domain/scenario.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { mostPaid, type Calibration } from '../../src/history/calibrate.ts';
import { calibrateRisk, calibrateScenario } from './worded.ts';
import { normalSf } from '../../src/stats/special.ts';
import { hangzhou, jiaxing, jiaxingDaily, wenzhou } from '../helpers/fixtures.ts';
import { integratePieces } from '../helpers/integrate.ts';
import type { CountedMembers } from '../../src/domain/scenario.ts';

const forestry: Scenario = JSON.parse(
  readFileSync(new URL('../../scenarios/inner-mongolia-forestry-2019.json', import.meta.url), 'utf8'),
);
const xilingol2022 = { year: 2022, members: 106094, claimants: 4527, paid: 4930000 };
const risk = (cost: CostDist, extra: Partial<CostRisk> = {}): CostRisk => ({
  id: 'inpatient',
  kind: 'cost',
  rate: 0.04,
  cost,
  ...extra,
});
const ok = (r: ReturnType<typeof calibrateRisk>): Calibration => {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
};
/** S(x) of a lognormal given by mean and cv, written out here: Φ̄((ln x − μ)/σ). */
const lognormalSf = (mean: number, cv: number) => {
  const s2 = Math.log(1 + cv * cv);
  const mu = Math.log(mean) - s2 / 2;
  return (x: number) => (x <= 0 ? 1 : normalSf((Math.log(x) - mu) / Math.sqrt(s2)));
};

describe('calibrating the Inner Mongolia table to Xilingol 2022 (106,094 members, 4,527 claims, 4.93 M paid)', () => {
  // Calibrated inside each test, not here: code run while tests are collected is not seen under
  // a mutant that Stryker activates for the tests only (docs/mutation.md).
  const fit = () => {
    const r = calibrateScenario([xilingol2022], forestry, 'inpatient');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return { r, cost: r.risk.cost as Extract<CostDist, { dist: 'lognormal' }> };
  };

  it('sets the claim rate to claimants / members and keeps the cv (the lognormal part of the forestry cost, 0.715)', () => {
    const { r, cost } = fit();
    expect(r.claimRate).toBe(4527 / 106094);
    expect(r.risk.rate).toBe(4527 / 106094);
    expect(cost.cv).toBe(0.715);
    const inpatient = forestry.risks.find((x) => x.id === 'inpatient')!;
    expect(inpatient.kind === 'cost' && inpatient.cost).toMatchObject({ dist: 'lognormal', cv: 0.715 });
    expect(r.risk.rateCv).toBe(inpatient.rateCv);
  });
  it("reproduces 4.93 M expected payout to 0.1% through the engine's own exact expectation", () => {
    const { r } = fit();
    const scenario: Scenario = {
      ...r.scenario,
      members: { ...(r.scenario.members as CountedMembers), count: 106094 },
    };
    const inpatient = expectedPayout(resolveScheme(scenario)).benefits.find((b) => b.id === 'inpatient-aid')!;
    expect(Math.abs(inpatient.expected / 4930000 - 1)).toBeLessThan(0.001);
    expect(r.table).toHaveLength(1);
    expect(Math.abs(r.table[0].expectedPaid / 4930000 - 1)).toBeLessThan(1e-9);
    expect(r.table[0].expectedClaimants).toBeCloseTo(4527, 8);
  });
  it('pays 4,930,000 / 4,527 = 1,089.02 a claimant, by quadrature of the table against the fitted survival', () => {
    const { r, cost } = fit();
    // 50% to 5,000, 80% to 50,000, 90% above, capped at 250,000: reached at 50,000 + 211,500/0.9 = 285,000.
    const S = lognormalSf(cost.mean, cost.cv);
    const pts = (a: number, b: number) => [
      a,
      ...[500, 1000, 2000, 4000, 10000, 20000, 100000].filter((p) => p > a && p < b),
      b,
    ];
    const e =
      0.5 * integratePieces(S, pts(0, 5000)) +
      0.8 * integratePieces(S, pts(5000, 50000)) +
      0.9 * integratePieces(S, pts(50000, 285000));
    expect(e / (4930000 / 4527)).toBeCloseTo(1, 7);
    expect(r.perClaimant).toBeCloseTo(4930000 / 4527, 8);
  });
  it("scales the mean below the scenario's 2,228: Xilingol pays less a claim (1,089) than the file's lognormal part (1,145)", () => {
    const { r, cost } = fit();
    expect(r.costScale).toBeLessThan(1);
    expect(cost.mean).toBeCloseTo(2228 * r.costScale, 6);
  });
});

describe('calibrateRisk against closed forms', () => {
  const open = (rate: number): Benefit => ({
    id: 'b',
    risk: 'inpatient',
    type: 'bands',
    bands: [{ upTo: null, rate }],
  });
  it('an open band at rate r pays r·mean, so the mean is T/r (lognormal, gamma) and the Pareto scale T(α − 1)/r', () => {
    const years = [{ members: 1000, claimants: 40, paid: 48000 }]; // T = 1,200
    const ln = ok(calibrateRisk(years, risk({ dist: 'lognormal', mean: 4000, cv: 2 }), [open(0.5)]));
    expect((ln.risk.cost as { mean: number }).mean).toBeCloseTo(2400, 6);
    const ga = ok(calibrateRisk(years, risk({ dist: 'gamma', mean: 100, cv: 0.5 }), [open(0.5)]));
    expect((ga.risk.cost as { mean: number }).mean).toBeCloseTo(2400, 6);
    const pa = ok(calibrateRisk(years, risk({ dist: 'pareto', scale: 3000, shape: 2.5 }), [open(0.5)]));
    expect(pa.risk.cost).toEqual({ dist: 'pareto', scale: expect.closeTo(2400 * 1.5, 6), shape: 2.5 });
  });
  it('solves the Pareto scale at its shape against E[min(X, u)] = s/(α−1)·[1 − (s/(u+s))^{α−1}]', () => {
    const capped: Benefit = { id: 'b', risk: 'inpatient', type: 'bands', bands: [{ upTo: 10000, rate: 1 }] };
    const r = ok(
      calibrateRisk(
        [{ members: 500, claimants: 20, paid: 40000 }],
        risk({ dist: 'pareto', scale: 1000, shape: 3 }),
        [capped],
      ),
    );
    const { scale: s, shape: a } = r.risk.cost as { scale: number; shape: number };
    expect(a).toBe(3);
    expect((s / (a - 1)) * (1 - Math.pow(s / (10000 + s), a - 1))).toBeCloseTo(2000, 6);
  });
  it('scales every empirical value by one factor (to the fen)', () => {
    const r = ok(
      calibrateRisk(
        [{ members: 100, claimants: 4, paid: 8000 }],
        risk({ dist: 'empirical', values: [1000, 3000] }),
        [open(1)],
      ),
    );
    expect(r.risk.cost).toEqual({ dist: 'empirical', values: [1000, 3000] });
    const r2 = ok(
      calibrateRisk(
        [{ members: 100, claimants: 4, paid: 4000 }],
        risk({ dist: 'empirical', values: [1000, 3000] }),
        [open(1)],
      ),
    );
    expect(r2.risk.cost).toEqual({ dist: 'empirical', values: [500, 1500] });
  });
  it("adds the daily allowance's own exact expectation: 30 a day for a fixed 10 days is 300", () => {
    const r = ok(
      calibrateRisk(
        [{ members: 1000, claimants: 50, paid: 65000 }],
        risk({ dist: 'lognormal', mean: 4000, cv: 2 }, { days: { dist: 'fixed', value: 10 } }),
        [jiaxing, jiaxingDaily],
      ),
    );
    const cost = r.risk.cost as { mean: number; cv: number };
    // 50% of X capped at 30,000 = 0.5·E[min(X, 60,000)] = 0.5·∫_0^60000 S; must be 1,300 − 300.
    const S = lognormalSf(cost.mean, cost.cv);
    expect(0.5 * integratePieces(S, [0, 1000, 4000, 10000, 30000, 60000])).toBeCloseTo(1000, 5);
  });
  it('fits a steps benefit (Wenzhou): perStep·Σ_k S(from + k·step) over the 50 steps to the cap', () => {
    const r = ok(
      calibrateRisk(
        [{ members: 10000, claimants: 400, paid: 120000 }],
        risk({ dist: 'lognormal', mean: 4000, cv: 2 }),
        [wenzhou],
      ),
    );
    const cost = r.risk.cost as { mean: number; cv: number };
    const S = lognormalSf(cost.mean, cost.cv);
    let e = 0;
    for (let k = 1; k <= 50; k++) e += 1000 * S(20000 + 10000 * k);
    expect(e).toBeCloseTo(300, 6);
  });
  it('uses every year: rate Σ claimants / Σ members, and the fitted table adds up to Σ paid', () => {
    const years = [
      { year: 2020, members: 68727, claimants: 2054, paid: 2010000 },
      { year: 2021, members: 79944, claimants: 3944, paid: 4420000 },
      xilingol2022,
    ];
    const r = ok(calibrateRisk(years, risk({ dist: 'lognormal', mean: 4000, cv: 2 }), [hangzhou]));
    expect(r.claimRate).toBe((2054 + 3944 + 4527) / (68727 + 79944 + 106094));
    expect(r.table.reduce((s, y) => s + y.expectedPaid, 0)).toBeCloseTo(2010000 + 4420000 + 4930000, 2);
    expect(r.table.map((y) => y.year)).toEqual([2020, 2021, 2022]);
    expect(r.table[1].ratio).toBeGreaterThan(1); // 2021 paid more than the pooled fit expects
  });
});

describe('calibrateRisk: clear failures', () => {
  const lognormal = risk({ dist: 'lognormal', mean: 4000, cv: 2 });
  it('says when the target is above what the capped benefits can pay a claimant', () => {
    const cap500: Benefit = {
      id: 'b',
      risk: 'inpatient',
      type: 'bands',
      bands: [{ upTo: null, rate: 0.5 }],
      cap: 500,
    };
    expect(mostPaid(cap500 as Extract<Benefit, { type: 'bands' }>)).toBe(500);
    expect(calibrateRisk([xilingol2022], lognormal, [cap500])).toEqual({
      ok: false,
      problems: [
        {
          path: 'years',
          message:
            'the observed ¥1,089 per claimant is not below ¥500, the most the benefits can pay one claimant (their caps): no cost distribution reaches it',
        },
      ],
    });
    const zh = calibrateRisk([xilingol2022], lognormal, [cap500], { lang: 'zh' });
    expect(!zh.ok && zh.problems[0].message).toBe(
      '实际人均 ¥1,089 不低于待遇对一人最多可支付的 ¥500（封顶）：任何费用分布都达不到',
    );
    // The finite bands bound it too: Hangzhou pays at most 30,200.
    expect(mostPaid(hangzhou)).toBe(30200);
  });
  it('says when the daily allowance alone already pays more than the target', () => {
    const r = calibrateRisk(
      [{ members: 1000, claimants: 50, paid: 10000 }],
      { ...lognormal, days: { dist: 'fixed', value: 10 } },
      [jiaxing, jiaxingDaily],
    );
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          path: 'years',
          message:
            'the observed ¥200 per claimant is not above the ¥300 that the daily allowance alone pays: no cost distribution reaches it',
        },
      ],
    });
  });
  it('reports bad years, all at once', () => {
    const r = calibrateRisk(
      [
        { members: 0, claimants: 1.5, paid: -1 },
        { members: 10, claimants: 1, paid: 0.001 },
      ],
      lognormal,
      [hangzhou],
    );
    expect(!r.ok && r.problems.map((p) => p.path)).toEqual([
      'years[0].members',
      'years[0].claimants',
      'years[0].paid',
      'years[1].paid',
    ]);
    expect(calibrateRisk([], lognormal, [hangzhou])).toEqual({
      ok: false,
      problems: [{ path: 'years', message: 'needs at least one year of members, claimants and paid' }],
    });
  });
  it('refuses no claimants, claimants above members, a risk without cost benefits, a daily benefit without days', () => {
    expect(calibrateRisk([{ members: 10, claimants: 0, paid: 0 }], lognormal, [hangzhou]).ok).toBe(false);
    const above = calibrateRisk([{ members: 10, claimants: 11, paid: 1000 }], lognormal, [hangzhou]);
    expect(!above.ok && above.problems[0].message).toBe(
      '11 claimants among 10 members: a claim rate must be at most 1',
    );
    const none = calibrateRisk([xilingol2022], lognormal, [{ ...hangzhou, risk: 'other' }]);
    expect(!none.ok && none.problems).toEqual([
      {
        path: 'benefits',
        message: 'no bands or steps benefit on "inpatient": no payment depends on the cost',
      },
    ]);
    const noDays = calibrateRisk([xilingol2022], lognormal, [jiaxing, jiaxingDaily]);
    expect(!noDays.ok && noDays.problems).toEqual([
      { path: 'benefits[1]', message: 'the daily benefit "allowance" needs days on its risk' },
    ]);
  });
  it('refuses an unknown risk and an event risk in a scenario', () => {
    expect(calibrateScenario([xilingol2022], forestry, 'dental')).toEqual({
      ok: false,
      problems: [
        {
          path: 'risk',
          message: 'names no risk in the scenario (known: inpatient, inpatient-severe, women-health)',
        },
      ],
    });
    expect(calibrateScenario([xilingol2022], forestry, 'women-health')).toEqual({
      ok: false,
      problems: [
        {
          path: 'risks[2]',
          message: '"women-health" is an event risk: only a cost risk has a cost distribution to calibrate',
        },
      ],
    });
  });
  it('leaves the scenario it was given unchanged', () => {
    const before = JSON.stringify(forestry);
    calibrateScenario([xilingol2022], forestry, 'inpatient');
    expect(JSON.stringify(forestry)).toBe(before);
  });
});
