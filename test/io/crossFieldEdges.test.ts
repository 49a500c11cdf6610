/**
 * The cross-field rules (src/io/crossChecks.ts, groupChecks.ts, limitChecks.ts) called on raw
 * input, at the cases their doc comments leave to the schema: a value of the wrong type, an empty
 * list, a list longer than allowed or a number out of range reads as absent, so these rules say
 * nothing about it (the schema does, at the same field, and validate.ts keeps the schema's word);
 * and at their own edges: a total of members at its limit, holdings that add up to 1, a group
 * list of 50, the smallest days mean, duplicate ids (the first one counts), a benefit with no risk
 * in a limit. Expected problems are written from docs/scenario-format.md's rules.
 *
 * The modules are loaded afresh in each test (`vi.resetModules()`, then `import()`): their tables
 * and helpers are built when they load (docs/mutation.md, "Mutants in code run at load").
 */
import { describe, expect, it, vi } from 'vitest';
import { formatPath, type RawProblem } from '../../src/io/path.ts';
// The modules loaded afresh below, imported statically too (their types): a mutation run counts a
// test file's tests for a module only when the file imports that module statically.
import type * as StaticCrossChecks from '../../src/io/crossChecks.ts';
import type * as StaticGroupChecks from '../../src/io/groupChecks.ts';
import type * as StaticLimitChecks from '../../src/io/limitChecks.ts';
import type * as StaticValidate from '../../src/io/validate.ts';
import type * as StaticExample from '../../src/io/example.ts';

type Json = Record<string, unknown>;

const fresh = async () => {
  vi.resetModules();
  const [cross, groups, limits, validate] = await Promise.all([
    import('../../src/io/crossChecks.ts') as Promise<typeof StaticCrossChecks>,
    import('../../src/io/groupChecks.ts') as Promise<typeof StaticGroupChecks>,
    import('../../src/io/limitChecks.ts') as Promise<typeof StaticLimitChecks>,
    import('../../src/io/validate.ts') as Promise<typeof StaticValidate>,
  ]);
  return {
    crossChecks: cross.crossChecks,
    smallestNegativeBinomialCv: cross.smallestNegativeBinomialCv,
    groupChecks: groups.groupChecks,
    limitChecks: limits.limitChecks,
    validateScenario: validate.validateScenario,
  };
};

/** Problems as `[path, code, params]`. */
const shown = (ps: RawProblem[]) => ps.map((p) => [formatPath(p.path), p.code, p.params]);

const members = (groups: unknown, extra: Json = {}) => ({ members: { groups, ...extra } });
const group = (id: unknown, count: unknown = 10, extra: Json = {}) => ({ id, count, ...extra });

describe('groups: what the schema reports is left to it', () => {
  it('a group id that is not text, or list entries that are not text, are not compared', async () => {
    const { groupChecks } = await fresh();
    expect(shown(groupChecks(members([group(5), group(5)])))).toEqual([]);
    const input = {
      ...members([group('a')]),
      contributions: [{ payer: 'm', amount: 1, groups: [5, 5, 'a'] }],
    };
    expect(shown(groupChecks(input))).toEqual([]);
  });
  it('holdings that are empty, or whose fractions are not each in (0, 1], are not summed', async () => {
    const { groupChecks } = await fresh();
    const holdings = (...list: Json[]) => members([group('a', 10, { holdings: list })]);
    for (const list of [
      [],
      [
        { shares: 1, fraction: 0.5 },
        { shares: 2, fraction: 0 },
      ],
      [{ shares: 1, fraction: 1.5 }],
      [{ shares: 1, fraction: '0.5' }],
      [
        { shares: 1, fraction: 0.5 },
        { shares: 2, fraction: -0.5 },
        { shares: 3, fraction: 1 },
      ],
    ])
      expect(shown(groupChecks(holdings(...list))), JSON.stringify(list)).toEqual([]);
  });
  it('fractions of exactly 1 are summed: 1 and 0.5 add up to 1.5', async () => {
    const { groupChecks } = await fresh();
    const input = members([
      group('a', 10, {
        holdings: [
          { shares: 1, fraction: 1 },
          { shares: 2, fraction: 0.5 },
        ],
      }),
    ]);
    expect(shown(groupChecks(input))).toEqual([['members.groups[0].holdings', 'holdingsSum', { sum: 1.5 }]]);
  });
  it('shares that are not a number are not compared', async () => {
    const { groupChecks } = await fresh();
    const input = members([
      group('a', 10, {
        holdings: [
          { shares: 'x', fraction: 0.5 },
          { shares: 'x', fraction: 0.5 },
        ],
      }),
    ]);
    expect(shown(groupChecks(input))).toEqual([]);
  });
  it('the groups may hold 100,000,000 members together, and not one more', async () => {
    const { groupChecks } = await fresh();
    expect(shown(groupChecks(members([group('a', 60_000_000), group('b', 40_000_000)])))).toEqual([]);
    expect(shown(groupChecks(members([group('a', 60_000_000), group('b', 40_000_001)])))).toEqual([
      ['members.groups', 'totalMembers', { max: 100_000_000 }],
    ]);
  });
});

describe('groups named by contributions and risks', () => {
  const naming = (groupsOfMembers: unknown, named: unknown, extra: Json = {}) => ({
    ...members(groupsOfMembers, extra),
    contributions: [{ payer: 'm', amount: 1, groups: named }],
  });
  it('without groups, members.count makes one group, "all"', async () => {
    const { groupChecks } = await fresh();
    const input = { members: { count: 10 }, contributions: [{ payer: 'm', amount: 1, groups: ['retired'] }] };
    expect(shown(groupChecks(input))).toEqual([
      ['contributions[0].groups[0]', 'unknownGroup', { known: ['all'] }],
    ]);
    const risk = { members: { count: 10 }, risks: [{ id: 'r', rate: { all: 0.1, other: 0.1 } }] };
    expect(shown(groupChecks(risk))).toEqual([['risks[0].rate.other', 'unknownGroup', { known: ['all'] }]]);
  });
  it('with neither count nor groups, or a group whose id is empty or "__proto__", no list is checked', async () => {
    const { groupChecks } = await fresh();
    expect(shown(groupChecks({ members: {}, contributions: [{ groups: ['x'] }] }))).toEqual([
      ['members.count', 'countOrGroups', {}],
    ]);
    expect(shown(groupChecks(naming([group('a'), group('')], ['x'])))).toEqual([]);
    expect(shown(groupChecks(naming([group('a'), group('__proto__')], ['x'])))).toEqual([]);
    expect(shown(groupChecks(naming([group('a'), group('b')], ['x'])))).toEqual([
      ['contributions[0].groups[0]', 'unknownGroup', { known: ['a', 'b'] }],
    ]);
  });
  it('a list of 50 groups is checked; a longer one is the schema’s to refuse', async () => {
    const { groupChecks } = await fresh();
    const ids = Array.from({ length: 50 }, (_, i) => `g${i}`);
    const fifty = [...ids.slice(0, 49), 'nobody'];
    const problems = shown(
      groupChecks(
        naming(
          ids.map((id) => group(id)),
          fifty,
        ),
      ),
    );
    expect(problems.map(([path, code]) => [path, code])).toEqual([
      ['contributions[0].groups[49]', 'unknownGroup'],
    ]);
    expect(
      shown(
        groupChecks(
          naming(
            ids.map((id) => group(id)),
            [...ids, 'nobody'],
          ),
        ),
      ),
    ).toEqual([]);
  });
});

describe('cross-field checks of /1 and /2: what the schema reports is left to it', () => {
  it('no contributions at all are the schema’s problem, not a sum of 0', async () => {
    const { crossChecks } = await fresh();
    expect(shown(crossChecks({ contributions: [] }))).toEqual([]);
    expect(shown(crossChecks({ contributions: [{ amount: 0 }] }))).toEqual([
      ['contributions', 'contributionsSum', {}],
    ]);
  });
  it('a negative-binomial days mean of 0, or a cv of 0 or not a number, is left to the schema', async () => {
    const { crossChecks } = await fresh();
    const days = (d: Json) => ({
      format: 'huzhu-scenario/1',
      risks: [{ id: 'r', days: { dist: 'negative-binomial', ...d } }],
    });
    for (const d of [
      { mean: 0, cv: 1 },
      { mean: -1, cv: 1 },
      { mean: 'x', cv: 1 },
      { mean: 4, cv: 0 },
      { mean: 4, cv: 'x' },
    ])
      expect(shown(crossChecks(days(d))), JSON.stringify(d)).toEqual([]);
  });
  it('a days mean must be more than 1/400, where the largest cv allowed (20) still gives cv² > 1/mean', async () => {
    const { crossChecks, validateScenario } = await fresh();
    const days = (mean: number, cv: number) => ({
      format: 'huzhu-scenario/1',
      risks: [{ id: 'r', days: { dist: 'negative-binomial', mean, cv } }],
    });
    expect(shown(crossChecks(days(0.0025, 20)))).toEqual([
      ['risks[0].days.mean', 'greaterThan', { min: 0.0025 }],
    ]);
    expect(shown(crossChecks(days(0.0026, 20)))).toEqual([]);
    const s = JSON.parse(
      (await (import('../../src/io/example.ts') as Promise<typeof StaticExample>)).SPEC_EXAMPLE_TEXT,
    ) as Json;
    (s.risks as Json[])[0].days = { dist: 'negative-binomial', mean: 0.0025, cv: 20 };
    expect(validateScenario(s)).toEqual({
      ok: false,
      problems: [{ path: 'risks[0].days.mean', code: 'greaterThan', params: { min: 0.0025 } }],
    });
  });
  it('the smallest cv for a mean just above 4 is 0.5 itself (0.5² = 0.25 > 1/mean)', async () => {
    const { smallestNegativeBinomialCv } = await fresh();
    const justAbove4 = 4 * (1 + 2 ** -52);
    expect(0.5 * 0.5 > 1 / justAbove4).toBe(true);
    expect(smallestNegativeBinomialCv(justAbove4)).toBe('0.5');
    expect(smallestNegativeBinomialCv(4)).toBe('0.5001');
  });
  it('a benefit of a type that does not exist has only its type refused, not its risk', async () => {
    const { crossChecks, validateScenario } = await fresh();
    const input = { risks: [{ id: 'r', kind: 'cost' }], benefits: [{ id: 'b', risk: 'r', type: 'percent' }] };
    expect(shown(crossChecks(input))).toEqual([]);
    // nor a type that is not text, even one that reads as a type's name as a key
    const listed = {
      risks: [{ id: 'r', kind: 'event' }],
      benefits: [{ id: 'b', risk: 'r', type: ['bands'] }],
    };
    expect(shown(crossChecks(listed))).toEqual([]);
    const s = JSON.parse(
      (await (import('../../src/io/example.ts') as Promise<typeof StaticExample>)).SPEC_EXAMPLE_TEXT,
    ) as Json;
    (s.benefits as Json[])[0].type = 'percent';
    const r = validateScenario(s);
    expect(!r.ok && r.problems.map((p) => p.path)).toEqual(['benefits[0].type']);
  });
  it('each benefit type needs its kind of risk: bands, steps and daily a cost risk, a lump sum an event risk', async () => {
    const { crossChecks } = await fresh();
    const input = {
      risks: [
        { id: 'c', kind: 'cost', days: { dist: 'poisson', mean: 1 } },
        { id: 'e', kind: 'event' },
      ],
      benefits: [
        { id: 'b1', risk: 'e', type: 'bands' },
        { id: 'b2', risk: 'e', type: 'steps' },
        { id: 'b3', risk: 'e', type: 'daily' },
        { id: 'b4', risk: 'c', type: 'lump-sum' },
        { id: 'b5', risk: 'c', type: 'bands' },
        { id: 'b6', risk: 'c', type: 'daily' },
        { id: 'b7', risk: 'e', type: 'lump-sum' },
      ],
    };
    const needs = (type: string, need: string, risk: string, kind: string) => ({ type, need, risk, kind });
    expect(shown(crossChecks(input))).toEqual([
      ['benefits[0].risk', 'benefitNeedsKind', needs('bands', 'cost', 'e', 'event')],
      ['benefits[1].risk', 'benefitNeedsKind', needs('steps', 'cost', 'e', 'event')],
      ['benefits[2].risk', 'benefitNeedsKind', needs('daily', 'cost', 'e', 'event')],
      ['benefits[3].risk', 'benefitNeedsKind', needs('lump-sum', 'event', 'c', 'cost')],
    ]);
  });
});

describe('waiting amounts and limits (/2): what the schema reports is left to it', () => {
  it('a waiting amount on a benefit that is not a lump sum is the schema’s problem', async () => {
    const { limitChecks } = await fresh();
    expect(shown(limitChecks({ benefits: [{ id: 'b', type: 'bands', waitingAmount: 5 }] }))).toEqual([]);
    expect(shown(limitChecks({ benefits: [{ id: 'b', type: 'lump-sum', waitingAmount: 5 }] }))).toEqual([
      ['benefits[0].waitingAmount', 'waitingAmountNeedsWaitingDays', {}],
    ]);
  });
  it('limit ids and benefit names that are not text, and benefits that are not a list, are not read', async () => {
    const { limitChecks } = await fresh();
    const benefits = [{ id: 'a', risk: 'r' }];
    expect(
      shown(
        limitChecks({
          benefits,
          limits: [
            { id: 5, benefits: ['a'] },
            { id: 5, benefits: [7, 7] },
          ],
        }),
      ),
    ).toEqual([]);
    expect(shown(limitChecks({ benefits, limits: [{ id: 'l', benefits: 'zzz' }] }))).toEqual([]);
  });
  it('a benefit id that is not text is not among the known ones', async () => {
    const { limitChecks } = await fresh();
    const input = {
      benefits: [
        { id: 'a', risk: 'r' },
        { id: 9, risk: 'r' },
      ],
      limits: [{ id: 'l', benefits: ['zzz'] }],
    };
    expect(shown(limitChecks(input))).toEqual([
      ['limits[0].benefits[0]', 'unknownBenefit', { known: ['a'] }],
    ]);
  });
  it('of two benefits with one id, the first one’s risk counts', async () => {
    const { limitChecks } = await fresh();
    const input = {
      benefits: [
        { id: 'a', risk: 'r1' },
        { id: 'a', risk: 'r2' },
        { id: 'b', risk: 'r1' },
      ],
      limits: [{ id: 'l', benefits: ['a', 'b'] }],
    };
    expect(shown(limitChecks(input))).toEqual([]);
  });
  it('a benefit that names no risk (or a risk that is not text) is not compared with the others of its limit', async () => {
    const { limitChecks } = await fresh();
    const input = {
      benefits: [{ id: 'a' }, { id: 'b', risk: 'r1' }, { id: 'd', risk: 5 }, { id: 'c', risk: 'r2' }],
      limits: [{ id: 'l', benefits: ['a', 'b', 'd', 'c'] }],
    };
    expect(shown(limitChecks(input))).toEqual([
      [
        'limits[0].benefits[3]',
        'limitAcrossRisks',
        { benefit: 'c', risk: 'r2', first: 'b', firstRisk: 'r1' },
      ],
    ]);
  });
});
