/**
 * Calibration (src/history/calibrate.ts) at the edges of its rules, as codes and parameters:
 * the range a target must lie in (strictly above the daily floor, strictly below the ceiling;
 * both ends refused, one fen inside accepted), a claim rate of exactly 1, the share of positive
 * empirical costs in the ceiling, the most a benefit pays, a fit that rounding to the fen keeps
 * from the target (refused beyond 1e-6 of it, accepted within), and the fit table's ratios.
 * Every expected figure is worked out by hand in the comments.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Benefit, CostDist, CostRisk, Scenario } from '../../src/domain/scenario.ts';
import { calibrateRisk, calibrateScenario, mostPaid } from '../../src/history/index.ts';
import { jiaxing, jiaxingDaily } from '../helpers/fixtures.ts';

const risk = (cost: CostDist, extra: Partial<CostRisk> = {}): CostRisk => ({
  id: 'inpatient',
  kind: 'cost',
  rate: 0.04,
  cost,
  ...extra,
});
const lognormal = risk({ dist: 'lognormal', mean: 4000, cv: 2 });
const open = (rate: number, cap?: number): Benefit => ({
  id: 'b',
  risk: 'inpatient',
  type: 'bands',
  bands: [{ upTo: null, rate }],
  ...(cap === undefined ? {} : { cap }),
});
const refusal = (code: string, params: object = {}) => ({
  ok: false,
  problems: [{ at: { path: 'years' }, code, params }],
});

describe('what the years must hold', () => {
  it('refuses no claimants at all, with its own code', () => {
    expect(calibrateRisk([{ members: 10, claimants: 0, paid: 0 }], lognormal, [open(0.5)])).toEqual(
      refusal('calNoClaimants'),
    );
  });
  it('accepts a claim rate of exactly 1 (10 claimants among 10 members) and refuses 11 among 10', () => {
    // T = 5,000 / 10 = 500 paid at 50%: the mean becomes 1,000.
    const r = calibrateRisk([{ members: 10, claimants: 10, paid: 5000 }], lognormal, [open(0.5)]);
    expect(r.ok && [r.claimRate, (r.risk.cost as { mean: number }).mean]).toEqual([
      1,
      expect.closeTo(1000, 6),
    ]);
    expect(calibrateRisk([{ members: 10, claimants: 11, paid: 5000 }], lognormal, [open(0.5)])).toEqual(
      refusal('calRateAboveOne', { claimants: 11, members: 10 }),
    );
  });
});

describe('the target must lie strictly between the floor and the ceiling', () => {
  const withDays = { ...lognormal, days: { dist: 'fixed' as const, value: 10 } };
  it('refuses a target equal to the floor (30 a day for 10 days = 300) and accepts one fen a claimant more', () => {
    // 50 claimants: 15,000 paid is 300 each; 15,000.50 is 300.01.
    expect(
      calibrateRisk([{ members: 1000, claimants: 50, paid: 15000 }], withDays, [jiaxing, jiaxingDaily]),
    ).toEqual(refusal('calBelowFloor', { target: 300, floor: 300 }));
    const r = calibrateRisk([{ members: 1000, claimants: 50, paid: 15000.5 }], withDays, [
      jiaxing,
      jiaxingDaily,
    ]);
    expect(r.ok && r.perClaimant).toBeCloseTo(300.01, 9);
  });
  it('refuses a target equal to the ceiling (50% capped at 500 pays at most 500) and accepts one fen less', () => {
    expect(
      calibrateRisk([{ members: 1000, claimants: 10, paid: 5000 }], lognormal, [open(0.5, 500)]),
    ).toEqual(refusal('calAboveCeiling', { target: 500, ceiling: 500 }));
    const r = calibrateRisk([{ members: 1000, claimants: 10, paid: 4999.9 }], lognormal, [open(0.5, 500)]);
    expect(r.ok && r.perClaimant).toBeCloseTo(499.99, 6);
  });
  it('counts only the positive empirical costs in the ceiling: half of [0, 1,000] capped at 500 is 250', () => {
    const empirical = risk({ dist: 'empirical', values: [0, 1000] });
    expect(calibrateRisk([{ members: 1000, claimants: 10, paid: 3000 }], empirical, [open(1, 500)])).toEqual(
      refusal('calAboveCeiling', { target: 300, ceiling: 250 }),
    );
    const all = risk({ dist: 'empirical', values: [10, 1000] });
    expect(calibrateRisk([{ members: 1000, claimants: 10, paid: 5000 }], all, [open(1, 500)])).toEqual(
      refusal('calAboveCeiling', { target: 500, ceiling: 500 }),
    );
  });
});

describe('a fit the fen rounding keeps from the target', () => {
  it('is refused when the rounded values miss the target by more than 1e-6 of it', () => {
    // Values [1, 1] at T = 4.01 / 4 = 1.0025 need c = 1.0025, and 1.0025 rounds to 1.00: 0.25% short.
    const r = calibrateRisk(
      [{ members: 100, claimants: 4, paid: 4.01 }],
      risk({ dist: 'empirical', values: [1, 1] }),
      [open(1)],
    );
    expect(r).toEqual(refusal('calNotReached', { target: 1.0025, reached: 1 }));
  });
  it('is accepted within 1e-6 of the target: 100,000 for 100,000.0025 (2.5e-8 short)', () => {
    const r = calibrateRisk(
      [{ members: 100, claimants: 4, paid: 400000.01 }],
      risk({ dist: 'empirical', values: [100000, 100000] }),
      [open(1)],
    );
    expect(r.ok && [r.target, r.perClaimant, r.risk.cost]).toEqual([
      100000.0025,
      100000,
      { dist: 'empirical', values: [100000, 100000] },
    ]);
  });
});

describe('the fit table', () => {
  it("gives each year's paid against λ·members·T: 40,000 / 30,000 and 80,000 / 90,000", () => {
    // λ = 100 / 4,000 = 0.025 and T = 120,000 / 100 = 1,200: expected 0.025·1,000·1,200 = 30,000
    // and 0.025·3,000·1,200 = 90,000.
    const r = calibrateRisk(
      [
        { year: 2020, members: 1000, claimants: 40, paid: 40000 },
        { year: 2021, members: 3000, claimants: 60, paid: 80000 },
      ],
      lognormal,
      [open(1)],
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.table.map((y) => [y.year, y.expectedClaimants, y.expectedPaid, y.ratio])).toEqual([
      [2020, 25, expect.closeTo(30000, 6), expect.closeTo(4 / 3, 9)],
      [2021, 75, expect.closeTo(90000, 6), expect.closeTo(8 / 9, 9)],
    ]);
  });
});

describe('calibrateScenario replaces the one risk it fits', () => {
  const forestry: Scenario = JSON.parse(
    readFileSync(new URL('../../scenarios/inner-mongolia-forestry-2019.json', import.meta.url), 'utf8'),
  );
  it('fits the first risk (index 0) and keeps the others as they were', () => {
    expect(forestry.risks[0].id).toBe('inpatient');
    const r = calibrateScenario([{ members: 106094, claimants: 4527, paid: 4930000 }], forestry, 'inpatient');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.scenario.risks[0]).toBe(r.risk);
    expect(r.scenario.risks.slice(1)).toEqual(forestry.risks.slice(1));
    expect(r.scenario.benefits).toEqual(forestry.benefits);
    expect(r.risk.rate).toBe(4527 / 106094);
  });
  it('returns the problems of the risk it could not fit', () => {
    expect(calibrateScenario([{ members: 10, claimants: 0, paid: 0 }], forestry, 'inpatient')).toEqual(
      refusal('calNoClaimants'),
    );
  });
});

describe('mostPaid: the most a bands or steps benefit pays one claimant', () => {
  const bands = (list: { upTo: number | null; rate: number }[], cap?: number) =>
    mostPaid({ id: 'b', risk: 'r', type: 'bands', bands: list, ...(cap === undefined ? {} : { cap }) });
  it('sums finite bands without a cap: 50% of 1,000 + 80% of 4,000 = 3,700', () => {
    expect(
      bands([
        { upTo: 1000, rate: 0.5 },
        { upTo: 5000, rate: 0.8 },
      ]),
    ).toBe(3700);
  });
  it('an open band at rate 0 adds nothing; at any positive rate it pays without bound, unless capped', () => {
    expect(
      bands([
        { upTo: 1000, rate: 0.5 },
        { upTo: null, rate: 0 },
      ]),
    ).toBe(500);
    expect(
      bands([
        { upTo: 1000, rate: 0.5 },
        { upTo: null, rate: 0.1 },
      ]),
    ).toBe(Infinity);
    expect(
      bands(
        [
          { upTo: 1000, rate: 0.5 },
          { upTo: null, rate: 0.1 },
        ],
        2000,
      ),
    ).toBe(2000);
  });
  it('a steps benefit pays at most its cap, or without bound', () => {
    const steps = { id: 's', risk: 'r', type: 'steps' as const, from: 20000, step: 10000, perStep: 1000 };
    expect(mostPaid({ ...steps, cap: 50000 })).toBe(50000);
    expect(mostPaid(steps)).toBe(Infinity);
  });
});
