/**
 * serialiseScenario: canonical text (the spec's key order, 2-space indent, final newline,
 * optional fields only when present), a canonical file comes back byte for byte, and every
 * valid scenario survives serialise → parse → validate unchanged.
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Benefit, CostDist, DaysDist, Risk, Scenario } from '../../src/domain/scenario.ts';
import { SPEC_EXAMPLE_TEXT } from '../../src/io/example.ts';
import { loadScenarioText } from '../../src/io/loadScenario.ts';
import { serialiseScenario } from '../../src/io/serialise.ts';
import { problemLines } from '../helpers/worded.ts';

function load(text: string): Scenario {
  const r = loadScenarioText(text);
  if (!r.ok) throw new Error(problemLines(r.problems));
  return r.scenario;
}

describe('canonical text', () => {
  it('writes the spec’s example in the spec’s key order, 2-space indent, final newline', () => {
    expect(serialiseScenario(load(SPEC_EXAMPLE_TEXT))).toBe(
      `${JSON.stringify(JSON.parse(SPEC_EXAMPLE_TEXT), null, 2)}\n`,
    );
  });

  it('gives a canonical file back byte for byte', () => {
    const canonical = serialiseScenario(load(SPEC_EXAMPLE_TEXT));
    expect(serialiseScenario(load(canonical))).toBe(canonical);
  });

  it('puts every field in the spec’s order whatever order it was given in', () => {
    const scrambled = {
      simulation: { confidence: 0.9, years: 2, seed: 's', iterations: 100 },
      trend: { cost: 0.1, rate: 0.1, contribution: 0.1, members: 0.1 },
      benefits: [
        { cap: 9, bands: [{ rate: 0.5, upTo: null }], deductible: 1, type: 'bands', risk: 'c', id: 'b1' },
        { cap: 9, perStep: 1, step: 2, from: 3, type: 'steps', risk: 'c', id: 'b2' },
        { maxDays: 3, perDay: 1, type: 'daily', risk: 'c', id: 'b3' },
        { waitingDays: 30, cap: 9, amount: 1, type: 'lump-sum', risk: 'e', id: 'b4' },
      ],
      risks: [
        {
          days: { value: 3, dist: 'fixed' },
          cost: { shape: 2, scale: 3, dist: 'pareto' },
          rateCv: 0.1,
          rate: 0.1,
          who: 'female',
          kind: 'cost',
          id: 'c',
        },
        { rateCv: 0, rate: 0.5, who: 'all', kind: 'event', id: 'e' },
      ],
      fund: { expenseRate: 0.1, backstop: 2, reserve: 1 },
      contributions: [{ amount: 1, payer: 'member' }],
      members: { newShare: 0, femaleShare: 0.5, count: 10 },
      notes: 'n',
      source: 's',
      period: 'p',
      name: 'scrambled',
      $schema: 'x.json',
      format: 'huzhu-scenario/1',
    };
    const out = JSON.parse(serialiseScenario(load(JSON.stringify(scrambled)))) as typeof scrambled;
    expect(Object.keys(out)).toEqual([
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
      'trend',
      'simulation',
    ]);
    expect(Object.keys(out.members)).toEqual(['count', 'femaleShare', 'newShare']);
    expect(Object.keys(out.contributions[0])).toEqual(['payer', 'amount']);
    expect(Object.keys(out.fund)).toEqual(['reserve', 'backstop', 'expenseRate']);
    expect(Object.keys(out.risks[0])).toEqual(['id', 'kind', 'who', 'rate', 'rateCv', 'cost', 'days']);
    expect(Object.keys(out.risks[0].cost ?? {})).toEqual(['dist', 'scale', 'shape']);
    expect(Object.keys(out.risks[0].days ?? {})).toEqual(['dist', 'value']);
    expect(Object.keys(out.risks[1])).toEqual(['id', 'kind', 'who', 'rate', 'rateCv']);
    expect(out.benefits.map((b) => Object.keys(b))).toEqual([
      ['id', 'risk', 'type', 'deductible', 'bands', 'cap'],
      ['id', 'risk', 'type', 'from', 'step', 'perStep', 'cap'],
      ['id', 'risk', 'type', 'perDay', 'maxDays'],
      ['id', 'risk', 'type', 'amount', 'cap', 'waitingDays'],
    ]);
    expect(Object.keys(out.benefits[0].bands?.[0] ?? {})).toEqual(['upTo', 'rate']);
    expect(Object.keys(out.trend)).toEqual(['members', 'contribution', 'rate', 'cost']);
    expect(Object.keys(out.simulation)).toEqual(['iterations', 'seed', 'years', 'confidence']);
  });

  it('writes optional fields only when present, and drops fields outside the format', () => {
    const s = load(SPEC_EXAMPLE_TEXT);
    const trimmed = { ...s, fund: undefined, trend: undefined, simulation: undefined, extra: 1 } as Scenario;
    const text = serialiseScenario(trimmed);
    expect(text).not.toMatch(/"fund"|"trend"|"simulation"|"extra"|undefined/);
    expect(load(text)).toEqual({ ...s, fund: undefined, trend: undefined, simulation: undefined });
  });

  it('does not mutate the scenario it writes', () => {
    const s = load(SPEC_EXAMPLE_TEXT);
    const before = structuredClone(s);
    serialiseScenario(s);
    expect(s).toEqual(before);
  });
});

// ---- arbitrary valid scenarios ----------------------------------------------------------------

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const money = (min = 0) => fc.integer({ min: min * 100, max: 1e11 }).map((n) => n / 100);
const share = () => fc.double({ min: 0, max: 1, noNaN: true });
const positive = (max: number) => fc.double({ min: 1e-6, max, noNaN: true });
const text = (min: number, max: number) => fc.string({ minLength: min, maxLength: max, unit: 'grapheme' });

const costDist: fc.Arbitrary<CostDist> = fc.oneof(
  fc.record({
    dist: fc.constant('lognormal' as const),
    mean: positive(1e9),
    cv: fc.double({ min: 0, max: 100, noNaN: true }),
  }),
  // A gamma cv is 0 or at least LIMITS.gammaCvMin (0.01).
  fc.record({
    dist: fc.constant('gamma' as const),
    mean: positive(1e9),
    cv: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 100, noNaN: true })),
  }),
  fc.record({
    dist: fc.constant('pareto' as const),
    scale: positive(1e9),
    shape: fc.double({ min: 1.0001, max: 1000, noNaN: true }),
  }),
  fc.record({
    dist: fc.constant('empirical' as const),
    values: fc.array(positive(1e7), { minLength: 1, maxLength: 5 }),
  }),
);

const daysDist: fc.Arbitrary<DaysDist> = fc.oneof(
  fc.record({ dist: fc.constant('poisson' as const), mean: fc.double({ min: 0, max: 366, noNaN: true }) }),
  fc.record({
    dist: fc.constant('negative-binomial' as const),
    mean: fc.double({ min: 1, max: 366, noNaN: true }),
    cv: fc.double({ min: 1.01, max: 5, noNaN: true }),
  }),
  fc.record({ dist: fc.constant('fixed' as const), value: fc.integer({ min: 0, max: 366 }) }),
  fc.record({
    dist: fc.constant('empirical' as const),
    values: fc.array(fc.integer({ min: 0, max: 366 }), { minLength: 1, maxLength: 5 }),
  }),
);

const riskCommon = {
  who: opt(fc.constantFrom('all' as const, 'female' as const)),
  rate: fc.double({ min: 1e-6, max: 1, noNaN: true }),
  rateCv: opt(fc.double({ min: 0, max: 10, noNaN: true })),
};

const risk = (id: string): fc.Arbitrary<Risk> =>
  fc.oneof(
    fc.record(
      {
        id: fc.constant(id),
        kind: fc.constant('cost' as const),
        ...riskCommon,
        cost: costDist,
        days: opt(daysDist),
      },
      { requiredKeys: ['id', 'kind', 'rate', 'cost'] },
    ),
    fc.record(
      { id: fc.constant(id), kind: fc.constant('event' as const), ...riskCommon },
      { requiredKeys: ['id', 'kind', 'rate'] },
    ),
  );

const bands = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 1e11 }), { minLength: 1, maxLength: 6 }), fc.boolean())
  .map(([ends, open]) =>
    ends
      .sort((a, b) => a - b)
      .map((e, i) => ({ upTo: open && i === ends.length - 1 ? null : e / 100, rate: (i % 10) / 10 })),
  );

/** The benefit types a risk allows, with arbitrary fields. */
function benefitFor(id: string, r: Risk): fc.Arbitrary<Benefit> {
  const head = { id: fc.constant(id), risk: fc.constant(r.id) };
  if (r.kind === 'event') {
    return fc.record({
      ...head,
      type: fc.constant('lump-sum' as const),
      amount: money(0.01),
      cap: opt(money()),
      waitingDays: opt(fc.integer({ min: 0, max: 365 })),
    });
  }
  const options: fc.Arbitrary<Benefit>[] = [
    fc.record({
      ...head,
      type: fc.constant('bands' as const),
      deductible: opt(money()),
      bands,
      cap: opt(money()),
    }),
    fc.record({
      ...head,
      type: fc.constant('steps' as const),
      from: money(),
      step: money(0.01),
      perStep: money(0.01),
      cap: opt(money()),
    }),
  ];
  if (r.days)
    options.push(
      fc.record({
        ...head,
        type: fc.constant('daily' as const),
        perDay: money(0.01),
        maxDays: opt(fc.integer({ min: 1, max: 366 })),
      }),
    );
  return fc.oneof(...options);
}

const scenario: fc.Arbitrary<Scenario> = fc
  .uniqueArray(text(1, 8), { minLength: 1, maxLength: 4 })
  .chain((ids) => fc.tuple(...ids.map(risk)))
  .chain((risks) =>
    fc.record({
      format: fc.constant('huzhu-scenario/1' as const),
      $schema: opt(fc.constant('./huzhu-scenario.schema.json')),
      name: text(1, 20).filter((s) => /\S/u.test(s)),
      period: opt(text(0, 10)),
      source: opt(text(0, 10)),
      notes: opt(text(0, 10)),
      members: fc.record({
        count: fc.integer({ min: 1, max: 1e8 }),
        femaleShare: opt(share()),
        newShare: opt(share()),
      }),
      contributions: fc.array(fc.record({ payer: text(1, 10), amount: money(0.01) }), {
        minLength: 1,
        maxLength: 3,
      }),
      fund: opt(
        fc.record({
          reserve: opt(money()),
          backstop: opt(money()),
          expenseRate: opt(fc.double({ min: 0, max: 0.99, noNaN: true })),
        }),
      ),
      risks: fc.constant(risks),
      benefits: fc.tuple(...risks.map((r, i) => benefitFor(`b${i}`, r))),
      trend: opt(
        fc.record({
          members: opt(fc.double({ min: -0.99, max: 10, noNaN: true })),
          contribution: opt(fc.double({ min: -0.99, max: 10, noNaN: true })),
          rate: opt(fc.constant(0.02)),
          cost: opt(fc.constant(0.06)),
        }),
      ),
      simulation: opt(
        fc.record({
          iterations: opt(fc.integer({ min: 100, max: 1e6 })),
          seed: opt(text(1, 10)),
          years: opt(fc.integer({ min: 1, max: 50 })),
          confidence: opt(fc.double({ min: 0.5, max: 0.9999, noNaN: true })),
        }),
      ),
    }),
  );

/** `s` without its undefined fields, as JSON keeps it. */
const asJson = (s: Scenario): unknown => JSON.parse(JSON.stringify(s));

describe('the round trip', () => {
  it('every valid scenario comes back deep-equal from serialise → parse → validate', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(load(serialiseScenario(s))).toEqual(asJson(s));
      }),
      { numRuns: 300 },
    );
  });

  it('serialising a loaded canonical text gives the same text', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const text = serialiseScenario(s);
        expect(serialiseScenario(load(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the example scenarios', () => {
  const dir = new URL('../../scenarios/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it.each(files)('scenarios/%s is valid and already canonical', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    expect(serialiseScenario(load(text))).toBe(text);
  });
});
