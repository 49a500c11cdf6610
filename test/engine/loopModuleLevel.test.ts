/**
 * The Monte Carlo loop's functions defined when their module loads (`const f = (…) => …`): the
 * two claimant loops under a limit (simulateBlock.ts), the projection's table cache (plan.ts),
 * amounts to the fen and the report's quantiles (simulate.ts). Each test imports its modules
 * afresh (`vi.resetModules()`, then `import()`), so that a mutation-testing run, which switches a
 * mutant of such a definition on only once the tests run, sees it (docs/mutation.md, "Code run at
 * load"); they are imported statically too (their types), without which a mutation run counts
 * none of these tests. Figures by hand: a point-mass cost and fixed days make every claimant's
 * payment known.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import type * as Blocks from '../../src/engine/blocks.ts';
import type * as Plan from '../../src/engine/plan.ts';
import type * as Simulate from '../../src/engine/simulate.ts';
import type * as SimulateBlock from '../../src/engine/simulateBlock.ts';

const fresh = {
  blocks: (): Promise<typeof Blocks> => import('../../src/engine/blocks.ts'),
  plan: (): Promise<typeof Plan> => import('../../src/engine/plan.ts'),
  simulate: (): Promise<typeof Simulate> => import('../../src/engine/simulate.ts'),
  simulateBlock: (): Promise<typeof SimulateBlock> => import('../../src/engine/simulateBlock.ts'),
};

beforeEach(() => {
  vi.resetModules();
});

/**
 * 1,000 members at rate 0.2; a claimant's cost is 1,000 exactly (a gamma of cv 0.01 and mean 10^6,
 * above 1,000 in every cell of the table, under bands of 100% capped at 1,000) and 3 days at 50:
 * 1,000 + 150 a claimant, limited to 1,100 (50 off each).
 */
const limited = (benefits: Scenario['benefits']): Scenario => ({
  format: 'huzhu-scenario/2',
  name: 'module level',
  members: { groups: [{ id: 'g', count: 1000 }] },
  contributions: [{ payer: 'member', amount: 10 }],
  risks: [
    {
      id: 'c',
      kind: 'cost',
      rate: 0.2,
      cost: { dist: 'gamma', mean: 1e6, cv: 0.01 },
      days: { dist: 'fixed', value: 3 },
    },
  ],
  benefits,
  limits: [{ id: 'l', benefits: benefits.map((b) => b.id), cap: 1100 }],
});
const bands: Scenario['benefits'][number] = {
  id: 'b',
  risk: 'c',
  type: 'bands',
  bands: [{ upTo: null, rate: 1 }],
  cap: 1000,
};
const daily: Scenario['benefits'][number] = { id: 'd', risk: 'c', type: 'daily', perDay: 50 };

async function claimants(s: Scenario) {
  const { compilePlan } = await fresh.plan();
  const { hydrate, simulateBlock } = await fresh.simulateBlock();
  const { planBlocks } = await fresh.blocks();
  const h = hydrate(compilePlan(resolveScheme(s), undefined, 4));
  return planBlocks(250).map((b) => simulateBlock(h, 'module', b))[0];
}

describe('simulateBlock.ts: the claimant loops under a limit', () => {
  it('the one-limit loop (bands and an allowance): each claimant 1,150 before the limit, 1,100 after', async () => {
    const r = await claimants(limited([bands, daily]));
    for (let i = 0; i < 250; i++) {
      const n = r.byBenefit[2 * i] / 1000;
      expect(Number.isInteger(n)).toBe(true);
      expect(r.byBenefit[2 * i + 1]).toBe(150 * n);
      expect(r.totals[i]).toBe(1100 * n);
    }
    expect(r.claimants).toBeGreaterThan(0);
  });
  it('the general loop (a second allowance, not in the limit): 1,150 + 150, 50 off', async () => {
    const s = limited([bands, daily]);
    s.benefits.push({ ...daily, id: 'd2' });
    const r = await claimants(s);
    for (let i = 0; i < 250; i++) {
      const n = r.byBenefit[3 * i] / 1000;
      expect(Number.isInteger(n)).toBe(true);
      expect(r.totals[i]).toBe(1250 * n);
    }
    expect(r.claimants).toBeGreaterThan(0);
  });
});

describe('plan.ts: planCache', () => {
  it('starts empty, a cost map and a days map', async () => {
    const { planCache } = await fresh.plan();
    const c = planCache();
    expect(c.cost).toBeInstanceOf(Map);
    expect(c.days).toBeInstanceOf(Map);
    expect(c.cost.size + c.days.size).toBe(0);
  });
});

describe('simulate.ts: fen and the report’s quantiles', () => {
  it('fen: 0.125 → 0.13, 2.5 → 2.5', async () => {
    const { fen } = await fresh.simulate();
    expect(fen(0.125)).toBe(0.13);
    expect(fen(2.5)).toBe(2.5);
  });
  it('the quantiles of 1, 2, …, 101 to the fen: 1 + 100p (p99.5 = 100.5)', async () => {
    const { summarise } = await fresh.simulate();
    const s = resolveScheme({
      format: 'huzhu-scenario/1',
      name: 'q',
      members: { count: 10 },
      contributions: [{ payer: 'member', amount: 1 }],
      risks: [{ id: 'e', kind: 'event', rate: 0.1 }],
      benefits: [{ id: 'l', risk: 'e', type: 'lump-sum', amount: 1 }],
    });
    const totals = Float64Array.from({ length: 101 }, (_, i) => i + 1);
    const r = summarise(s, { payout: 1, benefits: [{ id: 'l', expected: 1 }] }, totals, totals, {
      iterations: 101,
      seed: 'q',
      method: 'mc',
    });
    expect(r.simulated.quantiles).toEqual({ p50: 51, p75: 76, p90: 91, p95: 96, p99: 100, p995: 100.5 });
  });
});
