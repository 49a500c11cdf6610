/**
 * What changed between two scheme versions (src/engine/diff.ts: diffScenarios and the one form it
 * compares, comparable), one kind of change at a time: none, a value changed at the top and deep
 * inside, a field or a list element added and removed, and each rule of the module's comment by
 * which one scheme spelt two ways lists no change (the group "all", one share each, groups naming
 * every group, one rate for every group, a rate set by group against one rate, the defaults left
 * out, the format's order of fields). Every expected list of changes is written out here from the
 * two versions each test builds by hand.
 *
 * The module's field order and helpers are built when it loads, so every test imports it afresh.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../src/domain/scenario.ts';

// Imported statically too (its type): a mutation run counts a test file's tests for a module only
// when the file imports that module statically; the tests use the fresh import below.
import type * as Diff from '../../src/engine/diff.ts';

type DiffModule = typeof Diff;
let d: DiffModule;
beforeEach(async () => {
  vi.resetModules();
  d = await import('../../src/engine/diff.ts');
});

/** One membership of 1,000 paying 40; an event at 0.02 paying 1,000. */
function base(over: Partial<Scenario> = {}): Scenario {
  return {
    format: 'huzhu-scenario/2',
    name: 'base',
    members: { count: 1000, femaleShare: 0.4 },
    contributions: [{ payer: 'member', amount: 40 }],
    risks: [{ id: 'e', kind: 'event', rate: 0.02 }],
    benefits: [{ id: 'l', risk: 'e', type: 'lump-sum', amount: 1000 }],
    ...over,
  };
}

/** Two groups, a (600) and b (400). */
const twoGroups = {
  groups: [
    { id: 'a', count: 600 },
    { id: 'b', count: 400 },
  ],
};

describe('changes, kind by kind', () => {
  it('a version against its copy: no change', () => {
    const s = base({ fund: { reserve: 100 }, limits: [{ id: 'm', benefits: ['l'], cap: 5000 }] });
    expect(d.diffScenarios(s, structuredClone(s))).toEqual([]);
  });
  it('a value at the top is named by its field alone; a nested one by its path', () => {
    const b = base({ name: 'next' });
    b.members = { count: 1100, femaleShare: 0.4 };
    expect(d.diffScenarios(base(), b)).toEqual([
      { path: 'name', from: 'base', to: 'next' },
      { path: 'members.count', from: 1000, to: 1100 },
    ]);
  });
  it('a field in one version only: from null, or to null, with the whole value', () => {
    const withFund = base({ fund: { reserve: 5000, backstop: 100 } });
    expect(d.diffScenarios(base(), withFund)).toEqual([
      { path: 'fund', from: null, to: { reserve: 5000, backstop: 100 } },
    ]);
    expect(d.diffScenarios(withFund, base())).toEqual([
      { path: 'fund', from: { reserve: 5000, backstop: 100 }, to: null },
    ]);
    const newShare = base({ members: { count: 1000, femaleShare: 0.4, newShare: 0.1 } });
    expect(d.diffScenarios(base(), newShare)).toEqual([{ path: 'members.newShare', from: null, to: 0.1 }]);
    expect(d.diffScenarios(newShare, base())).toEqual([{ path: 'members.newShare', from: 0.1, to: null }]);
  });
  it('a list element added or removed is one change with the whole element; a changed one by its fields', () => {
    const two = base({
      contributions: [
        { payer: 'member', amount: 40 },
        { payer: 'employer', amount: 10 },
      ],
    });
    expect(d.diffScenarios(base(), two)).toEqual([
      { path: 'contributions[1]', from: null, to: { payer: 'employer', amount: 10 } },
    ]);
    expect(d.diffScenarios(two, base())).toEqual([
      { path: 'contributions[1]', from: { payer: 'employer', amount: 10 }, to: null },
    ]);
    const dearer = base({ contributions: [{ payer: 'member', amount: 50 }] });
    expect(d.diffScenarios(base(), dearer)).toEqual([{ path: 'contributions[0].amount', from: 40, to: 50 }]);
  });
  it('changes deep in a list inside a list, in the order of the fields', () => {
    const a = base({
      risks: [{ id: 'r', kind: 'cost', rate: 0.04, cost: { dist: 'empirical', values: [100, 200] } }],
      benefits: [{ id: 'b', risk: 'r', type: 'bands', bands: [{ upTo: 1000, rate: 0.5 }], cap: 800 }],
    });
    const b = structuredClone(a);
    b.risks[0] = { id: 'r', kind: 'cost', rate: 0.04, cost: { dist: 'empirical', values: [100, 250, 300] } };
    b.benefits[0] = {
      id: 'b',
      risk: 'r',
      type: 'bands',
      bands: [
        { upTo: 1000, rate: 0.6 },
        { upTo: null, rate: 0.2 },
      ],
    };
    expect(d.diffScenarios(a, b)).toEqual([
      { path: 'risks[0].cost.values[1]', from: 200, to: 250 },
      { path: 'risks[0].cost.values[2]', from: null, to: 300 },
      { path: 'benefits[0].bands[0].rate', from: 0.5, to: 0.6 },
      { path: 'benefits[0].bands[1]', from: null, to: { upTo: null, rate: 0.2 } },
      { path: 'benefits[0].cap', from: 800, to: null },
    ]);
  });
  it('a value that changes type (a list against a number) is one change', () => {
    const a = base({ notes: 'x' });
    const b = base({ notes: ['x'] as unknown as string });
    expect(d.diffScenarios(a, b)).toEqual([{ path: 'notes', from: 'x', to: ['x'] }]);
    // an object against a list: one change, not field by field
    const f = base({ fund: { reserve: 1 } });
    const g = base({ fund: [1] as unknown as Scenario['fund'] });
    expect(d.diffScenarios(f, g)).toEqual([{ path: 'fund', from: { reserve: 1 }, to: [1] }]);
  });
  it('never reports the format: a /1 file against the same scheme as /2 lists nothing', () => {
    const one = base({ format: 'huzhu-scenario/1' });
    expect(d.diffScenarios(one, base())).toEqual([]);
    expect(d.diffScenarios(one, base({ name: 'n' }))).toEqual([{ path: 'name', from: 'base', to: 'n' }]);
    expect(d.comparable(one).format).toBe('huzhu-scenario/1');
  });
});

describe('one group "all" is members.count', () => {
  it('written as a group of id "all" (with or without one share each), the membership lists no change', () => {
    const grouped = base({ members: { groups: [{ id: 'all', count: 1000, femaleShare: 0.4 }] } });
    expect(d.diffScenarios(base(), grouped)).toEqual([]);
    expect(d.comparable(grouped).members).toStrictEqual({ count: 1000, femaleShare: 0.4 });
    const oneEach = base({
      members: {
        groups: [{ id: 'all', count: 1000, femaleShare: 0.4, holdings: [{ shares: 1, fraction: 1 }] }],
      },
    });
    expect(d.comparable(oneEach).members).toStrictEqual({ count: 1000, femaleShare: 0.4 });
    expect(d.diffScenarios(oneEach, base({ members: { count: 1200, femaleShare: 0.4 } }))).toEqual([
      { path: 'members.count', from: 1000, to: 1200 },
    ]);
  });
  it('"all" holding two shares each stays a group, and so does a single group of another id', () => {
    const two = base({
      members: {
        groups: [{ id: 'all', count: 1000, femaleShare: 0.4, holdings: [{ shares: 2, fraction: 1 }] }],
      },
    });
    expect(d.comparable(two).members).toStrictEqual({
      groups: [{ id: 'all', count: 1000, femaleShare: 0.4, holdings: [{ shares: 2, fraction: 1 }] }],
    });
    expect(d.diffScenarios(base(), two)).toEqual([
      { path: 'members.count', from: 1000, to: null },
      { path: 'members.femaleShare', from: 0.4, to: null },
      {
        path: 'members.groups',
        from: null,
        to: [{ id: 'all', count: 1000, femaleShare: 0.4, holdings: [{ shares: 2, fraction: 1 }] }],
      },
    ]);
    const other = base({ members: { groups: [{ id: 'staff', count: 1000 }] } });
    expect(d.comparable(other).members).toStrictEqual({ groups: [{ id: 'staff', count: 1000 }] });
    // "all" beside another group is a group like any other
    const beside = base({
      members: {
        groups: [
          { id: 'all', count: 10 },
          { id: 'b', count: 5 },
        ],
      },
    });
    expect(d.comparable(beside).members).toStrictEqual({
      groups: [
        { id: 'all', count: 10 },
        { id: 'b', count: 5 },
      ],
    });
  });
  it('one share held by all but 1e-10 of the members (within the file’s tolerance) is listed, not taken as one each', () => {
    const holdings = [{ shares: 1, fraction: 1 - 1e-10 }];
    const s = base({ members: { groups: [{ id: 'a', count: 10, holdings }] } });
    expect(d.comparable(s).members).toStrictEqual({ groups: [{ id: 'a', count: 10, holdings }] });
  });
  it('two groups: one share each is left out of each, other holdings are listed by number of shares', () => {
    const s = base({
      members: {
        groups: [
          { id: 'a', count: 600, holdings: [{ shares: 1, fraction: 1 }] },
          {
            id: 'b',
            count: 400,
            holdings: [
              { shares: 5, fraction: 0.2 },
              { shares: 1, fraction: 0.5 },
              { shares: 2, fraction: 0.3 },
            ],
          },
        ],
      },
    });
    expect(d.comparable(s).members).toStrictEqual({
      groups: [
        { id: 'a', count: 600 },
        {
          id: 'b',
          count: 400,
          holdings: [
            { shares: 1, fraction: 0.5 },
            { shares: 2, fraction: 0.3 },
            { shares: 5, fraction: 0.2 },
          ],
        },
      ],
    });
    // the same holdings in another order, and a written "one share each": no change
    const same = structuredClone(s);
    (same.members as { groups: { holdings?: unknown }[] }).groups[0].holdings = undefined;
    delete (same.members as { groups: { holdings?: unknown }[] }).groups[0].holdings;
    (same.members as { groups: { holdings?: unknown }[] }).groups[1].holdings = [
      { shares: 2, fraction: 0.3 },
      { shares: 5, fraction: 0.2 },
      { shares: 1, fraction: 0.5 },
    ];
    expect(d.diffScenarios(s, same)).toEqual([]);
    // one share each against two shares each
    const doubled = structuredClone(same);
    (doubled.members as { groups: { holdings?: unknown }[] }).groups[0].holdings = [
      { shares: 2, fraction: 1 },
    ];
    expect(d.diffScenarios(same, doubled)).toEqual([
      { path: 'members.groups[0].holdings', from: null, to: [{ shares: 2, fraction: 1 }] },
    ]);
  });
  it('a holding of one share by half the members is kept', () => {
    const s = base({
      members: {
        groups: [
          {
            id: 'a',
            count: 10,
            holdings: [
              { shares: 1, fraction: 0.5 },
              { shares: 3, fraction: 0.5 },
            ],
          },
        ],
      },
    });
    expect((d.comparable(s).members as { groups: unknown[] }).groups).toStrictEqual([
      {
        id: 'a',
        count: 10,
        holdings: [
          { shares: 1, fraction: 0.5 },
          { shares: 3, fraction: 0.5 },
        ],
      },
    ]);
  });
});

describe('groups of contributions and risks', () => {
  it('a list naming every group (in any order) is left out; a member of one group is listed', () => {
    const s = base({
      members: twoGroups,
      contributions: [
        { payer: 'member', amount: 40, groups: ['b', 'a'] },
        { payer: 'employer', amount: 10, groups: ['b'] },
      ],
      risks: [
        { id: 'e', kind: 'event', rate: 0.02, groups: ['a', 'b'] },
        { id: 'f', kind: 'event', rate: 0.03, groups: ['b'] },
      ],
      benefits: [{ id: 'l', risk: 'e', type: 'lump-sum', amount: 1000 }],
    });
    const c = d.comparable(s);
    expect(c.contributions).toStrictEqual([
      { payer: 'member', amount: 40 },
      { payer: 'employer', amount: 10, groups: ['b'] },
    ]);
    expect(c.risks).toStrictEqual([
      { id: 'e', kind: 'event', rate: 0.02 },
      { id: 'f', kind: 'event', rate: 0.03, groups: ['b'] },
    ]);
    const bare = structuredClone(s);
    delete bare.contributions[0].groups;
    delete bare.risks[0].groups;
    expect(d.diffScenarios(s, bare)).toEqual([]);
  });
  it('a list of some groups is written in the order of the groups', () => {
    const members = {
      groups: [
        { id: 'a', count: 1 },
        { id: 'b', count: 1 },
        { id: 'c', count: 1 },
      ],
    };
    const s = base({
      members,
      contributions: [{ payer: 'member', amount: 40, groups: ['c', 'a'] }],
      risks: [{ id: 'e', kind: 'event', rate: 0.02, groups: ['c', 'b'] }],
    });
    const c = d.comparable(s);
    expect((c.contributions as { groups: string[] }[])[0].groups).toEqual(['a', 'c']);
    expect((c.risks as { groups: string[] }[])[0].groups).toEqual(['b', 'c']);
  });
  it('a list naming a group the members do not have is kept as written', () => {
    const s = base({
      members: twoGroups,
      contributions: [
        { payer: 'member', amount: 40, groups: ['b', 'z'] },
        { payer: 'member', amount: 40, groups: ['a', 'b', 'z'] },
      ],
    });
    expect((d.comparable(s).contributions as { groups: string[] }[]).map((x) => x.groups)).toEqual([
      ['b', 'z'],
      ['a', 'b', 'z'],
    ]);
  });
  it('a /1 membership is the one group "all": groups ["all"] is every group', () => {
    const s = base({
      contributions: [{ payer: 'member', amount: 40, groups: ['all'] }],
      risks: [{ id: 'e', kind: 'event', rate: 0.02, groups: ['all'] }],
    });
    expect(d.comparable(s).contributions).toStrictEqual([{ payer: 'member', amount: 40 }]);
    expect(d.diffScenarios(base(), s)).toEqual([]);
  });
});

describe('rates by group', () => {
  it('one rate for every exposed group is that rate', () => {
    const byGroup = base({
      members: twoGroups,
      risks: [{ id: 'e', kind: 'event', rate: { a: 0.02, b: 0.02 } }],
    });
    expect((d.comparable(byGroup).risks as { rate: unknown }[])[0].rate).toBe(0.02);
    expect(d.diffScenarios(base({ members: twoGroups }), byGroup)).toEqual([]);
    // exposed: the risk's groups
    const onlyB = base({
      members: twoGroups,
      risks: [{ id: 'e', kind: 'event', rate: { b: 0.03 }, groups: ['b'] }],
    });
    expect((d.comparable(onlyB).risks as { rate: unknown }[])[0].rate).toBe(0.03);
  });
  it('two rates stay by group; a rate by group missing an exposed group stays as written', () => {
    const two = base({ members: twoGroups, risks: [{ id: 'e', kind: 'event', rate: { a: 0.02, b: 0.05 } }] });
    expect((d.comparable(two).risks as { rate: unknown }[])[0].rate).toEqual({ a: 0.02, b: 0.05 });
    const partial = base({ members: twoGroups, risks: [{ id: 'e', kind: 'event', rate: { a: 0.02 } }] });
    expect((d.comparable(partial).risks as { rate: unknown }[])[0].rate).toEqual({ a: 0.02 });
    // one rate, but for a group too many, or for another group than an exposed one: as written
    const extra = base({
      members: twoGroups,
      risks: [{ id: 'e', kind: 'event', rate: { a: 0.02, b: 0.02, z: 0.02 } }],
    });
    expect((d.comparable(extra).risks as { rate: unknown }[])[0].rate).toEqual({ a: 0.02, b: 0.02, z: 0.02 });
    const wrong = base({
      members: twoGroups,
      risks: [{ id: 'e', kind: 'event', rate: { a: 0.02, z: 0.02 } }],
    });
    expect((d.comparable(wrong).risks as { rate: unknown }[])[0].rate).toEqual({ a: 0.02, z: 0.02 });
  });
  it('one rate against a rate by group reads group by group, either way round', () => {
    const one = base({ members: twoGroups, risks: [{ id: 'e', kind: 'event', rate: 0.04 }] });
    const split = base({
      members: twoGroups,
      risks: [{ id: 'e', kind: 'event', rate: { a: 0.04, b: 0.08 } }],
    });
    expect(d.diffScenarios(one, split)).toEqual([{ path: 'risks[0].rate.b', from: 0.04, to: 0.08 }]);
    expect(d.diffScenarios(split, one)).toEqual([{ path: 'risks[0].rate.b', from: 0.08, to: 0.04 }]);
  });
  it('one rate over the risk’s own groups against rates for every group', () => {
    const one = base({ members: twoGroups, risks: [{ id: 'e', kind: 'event', rate: 0.04, groups: ['b'] }] });
    const split = base({
      members: twoGroups,
      risks: [{ id: 'e', kind: 'event', rate: { a: 0.01, b: 0.08 } }],
    });
    // the risk's fields in the order the file writes them: rate, then groups
    expect(d.diffScenarios(one, split)).toEqual([
      { path: 'risks[0].rate.b', from: 0.04, to: 0.08 },
      { path: 'risks[0].rate.a', from: null, to: 0.01 },
      { path: 'risks[0].groups', from: ['b'], to: null },
    ]);
  });
  it('one membership against two groups: the one rate is the group "all"’s', () => {
    const one = base({ risks: [{ id: 'e', kind: 'event', rate: 0.04 }] });
    const split = base({
      members: twoGroups,
      risks: [{ id: 'e', kind: 'event', rate: { a: 0.04, b: 0.08 } }],
    });
    expect(d.diffScenarios(one, split)).toEqual([
      { path: 'members.count', from: 1000, to: null },
      { path: 'members.femaleShare', from: 0.4, to: null },
      { path: 'members.groups', from: null, to: twoGroups.groups },
      { path: 'risks[0].rate.all', from: 0.04, to: null },
      { path: 'risks[0].rate.a', from: null, to: 0.04 },
      { path: 'risks[0].rate.b', from: null, to: 0.08 },
    ]);
  });
  it('one rate against another stays one change; a risk in one version only is the whole risk', () => {
    const a = base({ members: twoGroups });
    const b = base({
      members: twoGroups,
      risks: [
        { id: 'e', kind: 'event', rate: 0.03 },
        { id: 'f', kind: 'event', rate: 0.01 },
      ],
    });
    expect(d.diffScenarios(a, b)).toEqual([
      { path: 'risks[0].rate', from: 0.02, to: 0.03 },
      { path: 'risks[1]', from: null, to: { id: 'f', kind: 'event', rate: 0.01 } },
    ]);
    expect(d.diffScenarios(b, a)).toEqual([
      { path: 'risks[0].rate', from: 0.03, to: 0.02 },
      { path: 'risks[1]', from: { id: 'f', kind: 'event', rate: 0.01 }, to: null },
    ]);
  });
});

describe('defaults left out', () => {
  it('perShare false, waitingAmount 0 and limits [] are the defaults; true, 100 and a limit are changes', () => {
    const a = base({ limits: [] });
    const b = base({
      contributions: [{ payer: 'member', amount: 40, perShare: false }],
      benefits: [{ id: 'l', risk: 'e', type: 'lump-sum', amount: 1000, perShare: false, waitingAmount: 0 }],
    });
    expect(d.diffScenarios(a, b)).toEqual([]);
    const c = d.comparable(b);
    expect(c.contributions).toStrictEqual([{ payer: 'member', amount: 40 }]);
    expect(c.benefits).toStrictEqual([{ id: 'l', risk: 'e', type: 'lump-sum', amount: 1000 }]);
    expect('limits' in d.comparable(a)).toBe(false);
    const set = base({
      contributions: [{ payer: 'member', amount: 40, perShare: true }],
      benefits: [{ id: 'l', risk: 'e', type: 'lump-sum', amount: 1000, perShare: true, waitingAmount: 100 }],
      limits: [{ id: 'm', benefits: ['l'], cap: 3000, perShare: true }],
    });
    expect(d.diffScenarios(a, set)).toEqual([
      { path: 'contributions[0].perShare', from: null, to: true },
      { path: 'benefits[0].perShare', from: null, to: true },
      { path: 'benefits[0].waitingAmount', from: null, to: 100 },
      { path: 'limits', from: null, to: [{ id: 'm', benefits: ['l'], cap: 3000, perShare: true }] },
    ]);
  });
  it('a limit’s perShare false is left out', () => {
    const a = base({ limits: [{ id: 'm', benefits: ['l'], cap: 3000, perShare: false }] });
    const b = base({ limits: [{ id: 'm', benefits: ['l'], cap: 3000 }] });
    expect(d.comparable(a).limits).toStrictEqual([{ id: 'm', benefits: ['l'], cap: 3000 }]);
    expect(d.diffScenarios(a, b)).toEqual([]);
    expect(d.diffScenarios(b, base())).toEqual([
      { path: 'limits', from: [{ id: 'm', benefits: ['l'], cap: 3000 }], to: null },
    ]);
  });
});

describe('the format’s order of fields', () => {
  const FORMAT_ORDER = [
    'format',
    '$schema',
    'name',
    'period',
    'source',
    'notes',
    'members',
    'contributions',
    'fund',
    'risks',
    'benefits',
    'limits',
    'trend',
    'simulation',
  ];
  /** Every field of the format, written last to first, after a field the format does not have. */
  function reversed(name: string, count: number, seed: string): Scenario {
    const s = base({
      $schema: 'schema.json',
      name,
      period: '2015',
      source: 'src',
      notes: 'n',
      fund: { reserve: 1 },
      limits: [{ id: 'm', benefits: ['l'], cap: 3000 }],
      trend: { members: 0.01 },
      simulation: { seed },
    });
    s.members = { count, femaleShare: 0.4 };
    const out: Record<string, unknown> = { extra: 1 };
    for (const k of [...FORMAT_ORDER].reverse()) out[k] = (s as unknown as Record<string, unknown>)[k];
    return out as unknown as Scenario;
  }
  it('comparable writes the fields in the format’s order, a field it does not know last', () => {
    expect(Object.keys(d.comparable(reversed('x', 1000, 's')))).toEqual([...FORMAT_ORDER, 'extra']);
  });
  it('so the changes are listed members first, simulation last, whatever order the file has', () => {
    expect(d.diffScenarios(reversed('x', 1000, 's'), reversed('y', 1100, 't'))).toEqual([
      { path: 'name', from: 'x', to: 'y' },
      { path: 'members.count', from: 1000, to: 1100 },
      { path: 'simulation.seed', from: 's', to: 't' },
    ]);
  });
});
