/**
 * Sensitivity (src/engine/sensitivity.ts) on Jiaxing's 2nd period (scenarios/jiaxing-2015.json):
 * what each move does to the expected loss ratio, by what the payout's form implies (linear in the
 * rate; members scale payout and income alike; caps do not scale). Computed in beforeEach, not while
 * the tests are collected, so that a mutation-testing run sees it. Form by form:
 * sensitivityMoves.test.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { sensitivity, type Sensitivity } from '../../src/engine/sensitivity.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import { readScenarioFile } from '../helpers/scenarios.ts';
import { totalMembers } from '../../src/domain/defaults.ts';

describe('sensitivity of the loss ratio', () => {
  let s: Scenario;
  let result: Sensitivity;
  beforeEach(() => {
    s = readScenarioFile('jiaxing-2015.json');
    result = sensitivity(s);
  });
  const bar = (key: string) => result.bars.find((b) => b.key === key)!;
  it('a claim rate 10% higher raises the expected loss ratio by exactly 10% (payout is linear in the rate)', () => {
    expect(bar('rate').high.lossRatio / result.base.lossRatio).toBeCloseTo(1.1, 9);
    expect(bar('rate').low.lossRatio / result.base.lossRatio).toBeCloseTo(0.9, 9);
  });
  it('members do not move the expected loss ratio (payout and income both scale)', () => {
    expect(bar('members').high.lossRatio).toBeCloseTo(result.base.lossRatio, 6);
  });
  it('dearer claims raise the loss ratio, but less than 10% (caps and the allowance do not scale)', () => {
    const up = bar('cost-mean').high.lossRatio / result.base.lossRatio;
    expect(up).toBeGreaterThan(1);
    expect(up).toBeLessThan(1.1);
  });
  it('year-to-year uncertainty does not move the expected loss ratio of a cost risk', () => {
    expect(bar('rate-cv').high.lossRatio).toBeCloseTo(result.base.lossRatio, 12);
  });
  it('reports P(deficit) from the distribution function it is given', () => {
    const withP = sensitivity(s, (x) => totalMembers(x.members) / 1e6);
    expect(withP.bars.find((b) => b.key === 'members')!.high.probDeficit).toBeCloseTo(0.44, 9);
  });
  it('offers the days only where a risk has days, and does not mutate the scenario', () => {
    const before = JSON.stringify(s);
    expect(
      sensitivity(readScenarioFile('hangzhou-2015-old-table.json')).bars.map((b) => b.key),
    ).not.toContain('days');
    expect(result.bars.map((b) => b.key)).toContain('days');
    expect(JSON.stringify(s)).toBe(before);
  });
});
