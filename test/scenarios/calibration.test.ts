/**
 * Every scenario's `source` states how its claim assumptions were calibrated; these tests check
 * that the exact expectation reproduces each stated target (docs/sources.md, 'Experience figures').
 */
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { readScenarioFile } from '../helpers/scenarios.ts';

const load = (file: string) => resolveScheme(readScenarioFile(file));
const claimants = (s: ReturnType<typeof load>, risk = 0) => s.risks[risk].rates.all * s.groups[0].count;

describe('claim assumptions reproduce the experience they were calibrated on', () => {
  it("Hangzhou's assumed old table pays the 2015 payout, 15.35 M to 9 December annualised (× 365/343), to 0.1%", () => {
    const old = load('hangzhou-2015-old-table.json');
    expect(expectedPayout(old).payout / ((15_350_000 * 365) / 343)).toBeCloseTo(1, 3);
  });
  it('every file that borrows the calibration states its target as the arithmetic gives it: 15.35 M × 365/343 = 16.33 M', () => {
    const target = ((15_350_000 * 365) / 343 / 1e6).toFixed(2);
    expect(target).toBe('16.33');
    for (const file of ['hangzhou-2015-old-table.json', 'hangzhou-2016.json', 'ningbo-2015.json'])
      expect(readScenarioFile(file).source, file).toMatch(
        new RegExp(`365/343 = ${target} M|annualised to ${target} M`),
      );
  });
  it("Hangzhou's assumed old table reaches exactly the reported maximum, 13,700", () => {
    const old = load('hangzhou-2015-old-table.json');
    const b = old.benefits[0];
    expect(b.type === 'bands' && b.cap).toBe(13700);
    expect(
      b.type === 'bands' &&
        b.bands.reduce(
          (sum, band, i, all) => sum + band.rate * ((band.upTo ?? 0) - (i ? (all[i - 1].upTo ?? 0) : 0)),
          0,
        ),
    ).toBe(13700);
  });
  it('Hangzhou 2016 and 2015 share their inpatient claim assumptions (2016 adds days and two projects)', () => {
    const { days: _days, ...inpatient } = readScenarioFile('hangzhou-2016.json').risks[0] as {
      days?: unknown;
    };
    expect(inpatient).toEqual(readScenarioFile('hangzhou-2015-old-table.json').risks[0]);
  });
  it('Wenzhou 2015 pays 1,798 per beneficiary (4.02 M / 2,236) at 0.733 beneficiaries per 100 (2,236 × 12/11 / 332,874)', () => {
    // every project's beneficiaries and payouts together (test/scenarios/wenzhou.test.ts splits them by hand)
    const e = expectedPayout(load('wenzhou-2015.json'));
    expect(e.payout / e.beneficiaryTimes / (4_020_000 / 2236)).toBeCloseTo(1, 2);
    expect(e.beneficiaryTimes / 332_874 / ((2236 * 12) / 11 / 332_874)).toBeCloseTo(1, 2);
  });
  it('Inner Mongolia forestry collects 100 yuan from four payers plus 35 per woman for women’s health', () => {
    const s = load('inner-mongolia-forestry-2019.json');
    const amounts = s.contributions.map((c) => c.amount);
    expect(amounts.slice(0, 4)).toEqual([50, 10, 10, 30]);
    expect(amounts[4]).toBeCloseTo(35 * s.groups[0].femaleShare, 9);
  });
  it('Jiaxing pays 994 per claimant, 0.6% below the 1,000–1,400 of the Inner Mongolia experience (closed form: test/scenarios/jiaxing.test.ts)', () => {
    const s = load('jiaxing-2015.json');
    const per = expectedPayout(s).payout / claimants(s);
    expect(Math.abs(per / 994 - 1)).toBeLessThan(0.01);
    expect(1 - per / 1000).toBeCloseTo(0.006, 3);
  });
  it('Beijing light illness in its launch year: 4,000 × 0.5% × (1 − 60/365) = 16.71 a share, every share in its wait', () => {
    const s = load('beijing-light-illness-2021.json');
    expect(s.groups[0].newShare).toBe(1);
    expect(expectedPayout(s).payout / s.groups[0].count).toBeCloseTo(4000 * 0.005 * (1 - 60 / 365), 6);
  });
});
