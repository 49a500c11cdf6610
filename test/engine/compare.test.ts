import { describe, expect, it } from 'vitest';
import { compareVersions, growthFlags } from '../../src/engine/compare.ts';
import { diffScenarios } from '../../src/engine/diff.ts';
import { flagText } from '../../src/messages/flags.ts';
import { inlineRunner } from '../../src/runners/inline.ts';
import { readScenarioFile } from '../helpers/scenarios.ts';

describe('comparing versions', () => {
  it('lists Hangzhou’s table change field by field: the 13,700 maximum raised to 30,200, the third band, a fourth band', () => {
    const changes = diffScenarios(
      readScenarioFile('hangzhou-2015-old-table.json'),
      readScenarioFile('hangzhou-2016.json'),
    );
    expect(changes).toContainEqual({ path: 'benefits[0].cap', from: 13700, to: 30200 });
    expect(changes).toContainEqual({ path: 'benefits[0].bands[2].upTo', from: 30000, to: 15000 });
    expect(changes).toContainEqual({ path: 'benefits[0].bands[2].rate', from: 0.45, to: 0.9 });
    expect(changes).toContainEqual({
      path: 'benefits[0].bands[3]',
      from: null,
      to: { upTo: 50000, rate: 0.6 },
    });
    // The claims of the old table's one project are kept: only its days (for the new allowance)
    // and the two new projects' risks are added.
    expect(changes.filter((c) => c.path.startsWith('risks')).map((c) => c.path)).toEqual([
      'risks[0].days',
      'risks[1]',
      'risks[2]',
    ]);
  });
  it('flags Wenzhou 2015 against its 2014-style version: payouts far outgrow income, with the figures', async () => {
    const { comparison } = await compareVersions(
      [readScenarioFile('wenzhou-2014.json'), readScenarioFile('wenzhou-2015.json')],
      inlineRunner(),
      { iterations: 300 },
    );
    const [base, v] = comparison.versions;
    expect(base.flags).toEqual([]);
    expect(base.changes).toEqual([]);
    expect(v.flags.map((f) => f.code)).toEqual(['payout-growth-outpaces-contributions']);
    const payoutGrowth = v.expected.payout / base.expected.payout - 1;
    expect(v.flags[0].params.payoutGrowth).toBeCloseTo(payoutGrowth, 12);
    expect(v.flags[0].params.incomeGrowth).toBeCloseTo(v.income / base.income - 1, 12);
    expect(flagText('en', v.flags[0])).toContain(`+${(payoutGrowth * 100).toFixed(0)}%`);
    expect(flagText('en', v.flags[0])).toContain('+187%');
    expect(v.changes).toContainEqual({ path: 'contributions[0].amount', from: 38, to: 30 });
  });
  it('raises the flag only beyond 20 percentage points', () => {
    expect(growthFlags({ income: 100, payout: 100 }, { income: 131, payout: 151 })).toEqual([]);
    expect(
      growthFlags({ income: 100, payout: 100 }, { income: 131, payout: 151.01 }).map((f) => f.code),
    ).toEqual(['payout-growth-outpaces-contributions']);
    const [f] = growthFlags({ income: 100, payout: 100 }, { income: 131, payout: 268 });
    expect(f.params.payoutGrowth).toBeCloseTo(1.68, 12);
    expect(f.params.incomeGrowth).toBeCloseTo(0.31, 12);
    expect(flagText('zh', f)).toMatch(/\+168%.*\+31%/);
  });
  it('uses common random numbers: identical versions get identical figures, and the same seed for all', async () => {
    const s = readScenarioFile('jiaxing-2015.json');
    const { comparison, simulations } = await compareVersions([s, structuredClone(s)], inlineRunner(), {
      iterations: 300,
      seed: 'crn',
    });
    expect(simulations[1].totals).toEqual(simulations[0].totals);
    expect(comparison.versions[1].simulated).toEqual(comparison.versions[0].simulated);
    expect(comparison.seed).toBe('crn');
  });
  it('a version with a higher cap pays at least as much in every iteration under common random numbers', async () => {
    const s = readScenarioFile('jiaxing-2015.json');
    s.risks[0] = { ...s.risks[0], days: undefined } as (typeof s.risks)[0];
    s.benefits = [s.benefits[0]];
    const richer = structuredClone(s);
    richer.benefits[0] = { ...richer.benefits[0], cap: 40000 } as (typeof richer.benefits)[0];
    const { simulations } = await compareVersions([s, richer], inlineRunner(), {
      iterations: 300,
      seed: 'monotone',
    });
    const [a, b] = simulations.map((x) => x.totals);
    for (let i = 0; i < a.length; i++) expect(b[i]).toBeGreaterThanOrEqual(a[i] - 1e-6);
  });
});
