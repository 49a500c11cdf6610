// costParts: the cost risks that pay the same tables as the chosen one, for the same members — the
// parts of one cost split into thinned risks, whose claimants a source's figures count together.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { Benefit, Risk } from '../../src/domain/scenario.ts';
import { costParts } from '../../src/history/costParts.ts';

const scenario = (name: string) => JSON.parse(readFileSync(`scenarios/${name}`, 'utf8'));
const cost = (id: string, extra: Partial<Risk> = {}): Risk =>
  ({ id, kind: 'cost', rate: 0.01, cost: { dist: 'lognormal', mean: 1000, cv: 1 }, ...extra }) as Risk;
const bands = (id: string, risk: string, cap = 20000): Benefit => ({
  id,
  risk,
  type: 'bands',
  bands: [
    { upTo: 5000, rate: 0.5 },
    { upTo: null, rate: 0.8 },
  ],
  cap,
});
const daily = (id: string, risk: string): Benefit => ({ id, risk, type: 'daily', perDay: 50 }) as Benefit;

describe('costParts', () => {
  it('the forestry cost is two parts, each the other’s', () => {
    const s = scenario('inner-mongolia-forestry-2019.json');
    expect(costParts(s, 'inpatient')).toEqual(['inpatient-severe']);
    expect(costParts(s, 'inpatient-severe')).toEqual(['inpatient']);
    expect(costParts(s, 'women-health')).toEqual([]);
  });

  it('no bundled scenario but forestry splits a cost', () => {
    const names = readdirSync('scenarios').filter((f) => f.endsWith('.json'));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const s = scenario(name);
      const split = s.risks.filter((r: Risk) => costParts(s, r.id).length > 0).map((r: Risk) => r.id);
      expect(split, name).toEqual(
        name === 'inner-mongolia-forestry-2019.json' ? ['inpatient', 'inpatient-severe'] : [],
      );
    }
  });

  it('same tables in another order and under other ids are parts; another cap, members or table are not', () => {
    const risks = [
      cost('a'),
      cost('b'),
      cost('c'),
      cost('d', { who: 'female' }),
      cost('e', { groups: ['retired'] }),
      cost('f'),
    ];
    const benefits = [
      bands('a1', 'a'),
      daily('a2', 'a'),
      daily('b2', 'b'), // b: the same two tables, listed the other way round
      bands('b1', 'b'),
      bands('c1', 'c', 30000), // c: another cap
      daily('c2', 'c'),
      bands('d1', 'd'), // d: women only
      daily('d2', 'd'),
      bands('e1', 'e'), // e: one group only
      daily('e2', 'e'),
      bands('f1', 'f'), // f: one of the two tables only
    ];
    expect(costParts({ risks, benefits }, 'a')).toEqual(['b']);
    expect(costParts({ risks, benefits }, 'b')).toEqual(['a']);
    expect(costParts({ risks, benefits }, 'c')).toEqual([]);
    expect(costParts({ risks, benefits }, 'f')).toEqual([]);
    // `who` at its default is the same members as written out.
    expect(costParts({ risks: [cost('a', { who: 'all' }), cost('b')], benefits }, 'a')).toEqual(['b']);
    expect(
      costParts(
        { risks: [cost('a', { groups: ['x', 'y'] }), cost('b', { groups: ['y', 'x'] })], benefits },
        'a',
      ),
    ).toEqual(['b']);
  });

  it('a risk without benefits, an event risk or an unknown id has no parts', () => {
    const risks = [cost('a'), cost('b'), { id: 'x', kind: 'event', rate: 0.01 } as Risk];
    expect(costParts({ risks, benefits: [] }, 'a')).toEqual([]);
    expect(costParts({ risks, benefits: [bands('a1', 'a'), bands('x1', 'x')] }, 'x')).toEqual([]);
    expect(costParts({ risks, benefits: [bands('a1', 'a'), bands('b1', 'b')] }, 'nope')).toEqual([]);
  });
});
