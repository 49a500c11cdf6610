/**
 * serialiseScenario on format `/2`: the new fields in the spec's key order, a rate by group in the
 * order of `members.groups`, serialise ∘ parse the identity on `/2` files (the spec's example, the
 * fixtures, and generated `/2` scenarios), and `asFormat2` (what the workbench saves) changing
 * nothing but the format.
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Band, Benefit, Limit, MemberGroup, Risk, Scenario } from '../../src/domain/scenario.ts';
import { loadScenarioText } from '../../src/io/loadScenario.ts';
import { asFormat2, serialiseScenario } from '../../src/io/serialise.ts';
import { problemLines } from '../helpers/worded.ts';

const dir = new URL('../fixtures/format2/', import.meta.url);
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json'));
const fixture = (file: string) => readFileSync(new URL(file, dir), 'utf8');

function load(text: string): Scenario {
  const r = loadScenarioText(text);
  if (!r.ok) throw new Error(problemLines(r.problems));
  return r.scenario;
}

/** `s` without its undefined fields, as JSON keeps it. */
const asJson = (s: unknown): unknown => JSON.parse(JSON.stringify(s));

describe('canonical /2 text', () => {
  it('writes the new fields in the spec’s key order, whatever order they were given in', () => {
    const scrambled = {
      limits: [{ perShare: true, cap: 100, benefits: ['b'], id: 'l' }],
      benefits: [
        {
          perShare: true,
          waitingAmount: 5,
          waitingDays: 30,
          cap: 9,
          amount: 1,
          type: 'lump-sum',
          risk: 'e',
          id: 'b',
        },
        { perShare: false, maxDays: 3, perDay: 1, type: 'daily', risk: 'c', id: 'd' },
      ],
      risks: [
        { rate: { y: 0.2, x: 0.1 }, groups: ['y', 'x'], who: 'female', kind: 'event', id: 'e' },
        {
          days: { value: 3, dist: 'fixed' },
          cost: { cv: 1, mean: 2, dist: 'gamma' },
          rateCv: 0.1,
          rate: 0.1,
          kind: 'cost',
          id: 'c',
        },
      ],
      contributions: [{ groups: ['y'], perShare: true, amount: 1, payer: 'member' }],
      members: {
        groups: [
          { holdings: [{ fraction: 1, shares: 2 }], newShare: 0, femaleShare: 0.5, count: 10, id: 'x' },
          { count: 5, id: 'y' },
        ],
      },
      name: 'scrambled',
      format: 'huzhu-scenario/2',
    };
    const out = JSON.parse(serialiseScenario(load(JSON.stringify(scrambled)))) as Record<string, never>;
    expect(Object.keys(out)).toEqual([
      'format',
      'name',
      'members',
      'contributions',
      'risks',
      'benefits',
      'limits',
    ]);
    const members = out.members as { groups: Record<string, never>[] };
    expect(Object.keys(members)).toEqual(['groups']);
    expect(Object.keys(members.groups[0])).toEqual(['id', 'count', 'femaleShare', 'newShare', 'holdings']);
    expect(Object.keys(members.groups[0].holdings[0])).toEqual(['shares', 'fraction']);
    expect(Object.keys((out.contributions as object[])[0])).toEqual([
      'payer',
      'amount',
      'perShare',
      'groups',
    ]);
    const risks = out.risks as Record<string, never>[];
    expect(Object.keys(risks[0])).toEqual(['id', 'kind', 'who', 'groups', 'rate']);
    // a rate by group follows members.groups (x before y), the risk's groups keep their own order
    expect(Object.keys(risks[0].rate)).toEqual(['x', 'y']);
    expect(risks[0].groups).toEqual(['y', 'x']);
    expect((out.benefits as object[]).map((b) => Object.keys(b))).toEqual([
      ['id', 'risk', 'type', 'amount', 'cap', 'waitingDays', 'waitingAmount', 'perShare'],
      ['id', 'risk', 'type', 'perDay', 'maxDays', 'perShare'],
    ]);
    expect(Object.keys((out.limits as object[])[0])).toEqual(['id', 'benefits', 'cap', 'perShare']);
  });

  it('writes bands and steps with perShare last', () => {
    const text = fixture('spec-example.json');
    const out = JSON.parse(serialiseScenario(load(text))) as { benefits: object[] };
    expect(Object.keys(out.benefits[0])).toEqual(['id', 'risk', 'type', 'bands', 'cap', 'perShare']);
  });

  it.each(fixtures)(
    'test/fixtures/format2/%s: serialise ∘ parse keeps the scenario, and its canonical text',
    (file) => {
      const s = load(fixture(file));
      const canonical = serialiseScenario(s);
      expect(load(canonical)).toEqual(s);
      expect(serialiseScenario(load(canonical))).toBe(canonical);
    },
  );
});

describe('saving writes /2', () => {
  const scenarios = new URL('../../scenarios/', import.meta.url);
  const bundled = readdirSync(scenarios).filter((f) => f.endsWith('.json'));

  it.each(bundled)('scenarios/%s saved is its text with only the format changed, the same scheme', (file) => {
    const text = readFileSync(new URL(file, scenarios), 'utf8');
    const s = load(text);
    const saved = serialiseScenario(asFormat2(s));
    expect(saved).toBe(text.replace('"format": "huzhu-scenario/1"', '"format": "huzhu-scenario/2"'));
    expect(load(saved).format).toBe('huzhu-scenario/2');
    expect(resolveScheme(load(saved))).toEqual(resolveScheme(s));
  });

  it('asFormat2 does not mutate the scenario', () => {
    const s = load(readFileSync(new URL('hangzhou-2016.json', scenarios), 'utf8'));
    const before = structuredClone(s);
    asFormat2(s);
    expect(s).toEqual(before);
  });
});

// ---- generated /2 scenarios ---------------------------------------------------------------------

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const money = (min = 0) => fc.integer({ min: min * 100, max: 1e9 }).map((n) => n / 100);
const share = () => fc.double({ min: 0, max: 1, noNaN: true });
const rate = () => fc.double({ min: 1e-6, max: 1, noNaN: true });

/** Holdings: distinct shares, fractions that sum to 1 (the last one takes what is left). */
const holdings = fc
  .uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 4 })
  .map((shares) => {
    const n = shares.length;
    return shares.map((k, i) => ({ shares: k, fraction: i < n - 1 ? 1 / (2 * n) : 1 - (n - 1) / (2 * n) }));
  });

const group = (id: string): fc.Arbitrary<MemberGroup> =>
  fc.record(
    {
      id: fc.constant(id),
      count: fc.integer({ min: 1, max: 1e6 }),
      femaleShare: share(),
      newShare: share(),
      holdings,
    },
    { requiredKeys: ['id', 'count'] },
  );

/** Some of `ids` (at least one), in a random order, or none (every group). */
const someOf = (ids: string[]) => opt(fc.shuffledSubarray(ids, { minLength: 1 }));

function riskOf(id: string, kind: 'cost' | 'event', groups: string[]): fc.Arbitrary<Risk> {
  return someOf(groups)
    .chain((named): fc.Arbitrary<unknown> => {
      const exposed = named ? groups.filter((g) => named.includes(g)) : groups;
      const rates = fc.oneof(
        rate(),
        fc
          .tuple(...exposed.map(() => rate()))
          .map((r) => Object.fromEntries(exposed.map((g, i) => [g, r[i]]))),
      );
      const common = {
        id: fc.constant(id),
        who: opt(fc.constantFrom('all' as const, 'female' as const)),
        groups: fc.constant(named),
        rate: rates,
        rateCv: opt(fc.double({ min: 0, max: 10, noNaN: true })),
      };
      return kind === 'cost'
        ? fc.record({
            ...common,
            kind: fc.constant('cost' as const),
            cost: fc.record({
              dist: fc.constant('lognormal' as const),
              mean: money(0.01),
              cv: fc.double({ min: 0, max: 5, noNaN: true }),
            }),
            days: fc.constant({ dist: 'poisson' as const, mean: 9 }),
          })
        : fc.record({ ...common, kind: fc.constant('event' as const) });
    })
    .map((r) => JSON.parse(JSON.stringify(r)) as Risk);
}

const perShare = opt(fc.boolean());

const scenario2: fc.Arbitrary<Scenario> = fc
  .uniqueArray(
    fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s !== '__proto__'),
    { minLength: 1, maxLength: 3 },
  )
  .chain((ids) =>
    fc.record({
      groups: fc.tuple(...ids.map(group)),
      cost: riskOf('hospital', 'cost', ids),
      event: riskOf('critical', 'event', ids),
      contributions: fc.array(
        fc.record(
          { payer: fc.constantFrom('member', 'union'), amount: money(0.01), perShare, groups: someOf(ids) },
          { requiredKeys: ['payer', 'amount'] },
        ),
        { minLength: 1, maxLength: 3 },
      ),
      bands: fc.record(
        {
          id: fc.constant('self-pay'),
          risk: fc.constant('hospital'),
          type: fc.constant('bands' as const),
          bands: fc.constant<Band[]>([{ upTo: null, rate: 0.5 }]),
          cap: opt(money()),
          perShare,
        },
        { requiredKeys: ['id', 'risk', 'type', 'bands'] },
      ),
      daily: fc.record(
        {
          id: fc.constant('allowance'),
          risk: fc.constant('hospital'),
          type: fc.constant('daily' as const),
          perDay: money(0.01),
          perShare,
        },
        { requiredKeys: ['id', 'risk', 'type', 'perDay'] },
      ),
      lump: fc.record(
        {
          id: fc.constant('lump'),
          risk: fc.constant('critical'),
          type: fc.constant('lump-sum' as const),
          amount: money(0.01),
          waitingDays: fc.integer({ min: 0, max: 365 }),
          waitingAmount: opt(money()),
          perShare,
        },
        { requiredKeys: ['id', 'risk', 'type', 'amount', 'waitingDays'] },
      ),
      limit: opt(
        fc.record(
          {
            id: fc.constant('total'),
            benefits: fc.shuffledSubarray(['self-pay', 'allowance'], { minLength: 1 }),
            cap: money(0.01),
            perShare,
          },
          { requiredKeys: ['id', 'benefits', 'cap'] },
        ),
      ),
    }),
  )
  .map((p) => {
    const benefits: Benefit[] = [p.bands, p.daily, p.lump];
    const limits: Limit[] | undefined = p.limit ? [p.limit] : undefined;
    return asJson({
      format: 'huzhu-scenario/2',
      name: 'generated',
      members: { groups: p.groups },
      contributions: p.contributions,
      risks: [p.cost, p.event],
      benefits,
      limits,
    }) as Scenario;
  });

describe('the /2 round trip', () => {
  it('every generated /2 scenario is valid and comes back deep-equal from serialise → parse → validate', () => {
    fc.assert(
      fc.property(scenario2, (s) => {
        expect(load(serialiseScenario(s))).toEqual(s);
      }),
      { numRuns: 300, seed: 2 },
    );
  });

  it('serialising a loaded canonical /2 text gives the same text', () => {
    fc.assert(
      fc.property(scenario2, (s) => {
        const text = serialiseScenario(s);
        expect(serialiseScenario(load(text))).toBe(text);
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});
