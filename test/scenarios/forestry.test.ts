/**
 * Inner Mongolia's forestry group (scenarios/inner-mongolia-forestry-2019.json) against the
 * report's own figures: each derived figure of its `source` worked again here from the reported
 * ones, the calibration target reproduced by the exact expectation, and the result checked
 * against the one real loss ratio the sources give for Inner Mongolia (Hohhot's).
 */
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { rateSpread } from '../../src/history/rateSpread.ts';
import { readScenarioFile } from '../helpers/scenarios.ts';

const FILE = 'inner-mongolia-forestry-2019.json';
/** Reported: the forestry group to date, over the scheme's four years. */
const CLAIMS = 10_300;
const PAID = 8_545_000;
const YEARS = 4;
/** Reported: Hulunbuir, the only region giving claims and claimants. */
const HULUNBUIR = { enrolments: 651_656, claimants: 16_719, claims: 27_352 };
/** Reported: the group's women's health, and Hohhot's inpatient money. */
const WOMEN = { claimants: 28, paid: 643_000 };
const HOHHOT = { paid: 9_111_314.67, contributions: 27_285_600 };

describe('Inner Mongolia forestry: every derived figure from the reported ones', () => {
  const claimants = CLAIMS / (HULUNBUIR.claims / HULUNBUIR.claimants);
  const rate = HULUNBUIR.claimants / HULUNBUIR.enrolments;

  it("takes Hulunbuir's claimant rate (2.566 per 100), not a claims rate, and four years", () => {
    const s = readScenarioFile(FILE);
    const inpatient = s.risks[0];
    expect(inpatient.kind === 'cost' && 'rate' in inpatient && inpatient.rate).toBeCloseTo(rate, 5);
    expect(s.members).toMatchObject({ count: Math.round(claimants / YEARS / rate / 100) * 100 });
    expect(s.members).toMatchObject({ count: 61_300 });
  });

  it('pays 1,357 per inpatient claimant (8.545 M / 6,296), by the exact expectation, to 0.5%', () => {
    const s = resolveScheme(readScenarioFile(FILE));
    const e = expectedPayout(s);
    const inpatient = e.benefits.find((b) => b.id === 'inpatient-aid')!;
    const expectedClaimants = s.risks[0].rates.all * s.groups[0].count;
    expect(inpatient.expected / expectedClaimants / (PAID / claimants)).toBeCloseTo(1, 2);
  });

  it("puts the group's own women's health in: 28 claimants, 22,964 each, over four years", () => {
    const s = resolveScheme(readScenarioFile(FILE));
    const women = s.groups[0].count * s.groups[0].femaleShare;
    expect(s.risks[1].rates.all).toBeCloseTo(WOMEN.claimants / YEARS / women, 6);
    const lump = s.benefits[1];
    expect(lump.type === 'lump-sum' && lump.amount).toBe(Math.round(WOMEN.paid / WOMEN.claimants));
    const e = expectedPayout(s).benefits.find((b) => b.id === 'women-health')!;
    expect(e.expected).toBeCloseTo(
      (WOMEN.paid / YEARS) * ((s.risks[1].rates.all * women * YEARS) / WOMEN.claimants),
      -2,
    );
  });

  it("runs an inpatient loss ratio within a tenth of Hohhot's real one, 33.4%", () => {
    const s = resolveScheme(readScenarioFile(FILE));
    const inpatient = expectedPayout(s).benefits.find((b) => b.id === 'inpatient-aid')!;
    const lossRatio = inpatient.expected / (100 * s.groups[0].count);
    const hohhot = HOHHOT.paid / HOHHOT.contributions;
    expect(hohhot).toBeCloseTo(0.334, 3);
    expect(Math.abs(lossRatio / hohhot - 1)).toBeLessThan(0.1);
  });

  it("uses Xilingol's rate spread over its three whole years (0.22) for both projects", () => {
    const spread = rateSpread([
      { year: 2020, members: 68_727, claimants: 2_054 },
      { year: 2021, members: 79_944, claimants: 3_944 },
      { year: 2022, members: 106_094, claimants: 4_527 },
    ])!;
    const s = resolveScheme(readScenarioFile(FILE));
    for (const r of s.risks) expect(r.rateCv).toBe(Math.round(spread.cv * 100) / 100);
  });
});
