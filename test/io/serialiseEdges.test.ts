/**
 * canonicalScenario (src/io/serialise.ts) at the details the text round trips cannot see, because
 * JSON drops a key whose value is undefined: a rate by group holds exactly the keys it was given
 * (the groups of members.groups in their order, any other key after them), and a Poisson days
 * distribution holds `dist` and `mean` only.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/scenario.ts';
import { canonicalScenario } from '../../src/io/serialise.ts';

const scenario = (risk: Record<string, unknown>): Scenario =>
  ({
    format: 'huzhu-scenario/2',
    name: 'x',
    members: {
      groups: [
        { id: 'in-service', count: 10 },
        { id: 'retired', count: 5 },
        { id: 'family', count: 2 },
      ],
    },
    contributions: [{ payer: 'member', amount: 1 }],
    risks: [risk],
    benefits: [],
  }) as unknown as Scenario;

const riskOf = (s: Scenario) => (canonicalScenario(s) as { risks: Record<string, unknown>[] }).risks[0];

describe('canonicalScenario', () => {
  it('a rate by group keeps only the groups it names, in the order of members.groups', () => {
    const rate = riskOf(scenario({ id: 'r', kind: 'event', rate: { family: 0.2, retired: 0.1 } })).rate;
    expect(Object.keys(rate as object)).toEqual(['retired', 'family']);
    expect(rate).toStrictEqual({ retired: 0.1, family: 0.2 });
  });
  it('a key that is not a group (only in a scenario not validated) comes after the groups, as given', () => {
    const rate = riskOf(scenario({ id: 'r', kind: 'event', rate: { z: 0.3, retired: 0.1, a: 0.4 } })).rate;
    expect(Object.entries(rate as object)).toEqual([
      ['retired', 0.1],
      ['z', 0.3],
      ['a', 0.4],
    ]);
  });
  it('Poisson days are { dist, mean }, negative-binomial days { dist, mean, cv }', () => {
    const cost = { dist: 'lognormal', mean: 100, cv: 1 };
    const days = (d: Record<string, unknown>) =>
      riskOf(scenario({ id: 'r', kind: 'cost', rate: 0.1, cost, days: d })).days;
    expect(days({ mean: 3, dist: 'poisson' })).toStrictEqual({ dist: 'poisson', mean: 3 });
    expect(days({ cv: 2, mean: 3, dist: 'negative-binomial' })).toStrictEqual({
      dist: 'negative-binomial',
      mean: 3,
      cv: 2,
    });
    expect(days({ value: 4, dist: 'fixed' })).toStrictEqual({ dist: 'fixed', value: 4 });
  });
});
