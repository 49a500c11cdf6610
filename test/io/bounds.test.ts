/**
 * The validator's bounds tested on both sides: each bound itself, and the neighbouring double
 * (test/helpers/nextUp.ts) or the next integer outside it. The expected side is the one
 * docs/scenario-format.md ("Fields") writes: shares 0–1, 0 < rate ≤ 1, waitingDays 0–365,
 * iterations 100–1,000,000, years 1–50, confidence 0.5–0.9999, count ≥ 1, Pareto shape > 1,
 * negative-binomial cv² > 1/mean, bands' upTo ascending, money with at most 2 decimals; and the
 * validator's own guards (src/io/schema.ts, LIMITS), each refused only past its limit. The
 * project's format document (docs/scenario-format.md, "fund") narrows expenseRate to 0 ≤ rate < 1.
 */
import { describe, expect, it, vi } from 'vitest';
import { SPEC_EXAMPLE_TEXT } from '../../src/io/example.ts';
import { LIMITS } from '../../src/io/schema.ts';
import { validateScenario } from '../../src/io/validate.ts';
import { setAt } from '../helpers/jsonPath.ts';
import { nextDown, nextUp } from '../helpers/nextUp.ts';

type Json = unknown;

/** Sets the field at a path such as `benefits[0].bands[2].upTo` in a fresh copy of the spec's example. */
function withField(path: string, value: Json): Record<string, Json> {
  const root = JSON.parse(SPEC_EXAMPLE_TEXT) as Record<string, Json>;
  setAt(root, path, value);
  return root;
}

type Validate = typeof validateScenario;

/**
 * validateScenario from validate.ts (and so schema.ts) loaded afresh inside the test: schema.ts
 * builds its zod schema once and keeps it, so without a fresh load a mutant of a bound there would
 * reach only the first test of this file (docs/mutation.md, "Mutants in code run at load").
 */
async function freshValidate(): Promise<Validate> {
  vi.resetModules();
  return (await import('../../src/io/validate.ts')).validateScenario;
}

/** The paths of the problems the validator finds (none: the value is accepted). */
function problemPaths(path: string, value: Json, validate: Validate = validateScenario): string[] {
  const r = validate(withField(path, value));
  return r.ok ? [] : r.problems.map((p) => p.path);
}

/** [path, accepted values, refused values]. */
const BOUNDS: [string, Json[], Json[]][] = [
  ['members.femaleShare', [0, 1], [nextDown(0), nextUp(1)]],
  ['members.newShare', [0, 1], [nextDown(0), nextUp(1)]],
  ['fund.expenseRate', [0, nextDown(1)], [nextDown(0), 1]],
  ['members.count', [1, LIMITS.members], [0, LIMITS.members + 1, 1.5]],
  ['risks[0].rate', [Number.MIN_VALUE, 1], [0, nextUp(1)]],
  ['risks[0].rateCv', [0, LIMITS.rateCv], [nextDown(0), nextUp(LIMITS.rateCv)]],
  ['benefits[2].waitingDays', [0, 365], [-1, 366]],
  ['simulation.iterations', [100, 1_000_000], [99, 1_000_001]],
  ['simulation.years', [1, 50], [0, 51]],
  ['simulation.confidence', [0.5, 0.9999], [nextDown(0.5), nextUp(0.9999)]],
  ['trend.members', [nextUp(-1), LIMITS.trendMax], [-1, nextUp(LIMITS.trendMax)]],
  ['risks[0].cost.mean', [Number.MIN_VALUE, LIMITS.mean], [0, nextUp(LIMITS.mean)]],
  ['fund.reserve', [0, LIMITS.money], [-0.01, LIMITS.money + 0.01 * 2 ** 20]],
  ['fund.backstop', [0.01, 2000000.99], [0.001, 2000000.999]],
  ['contributions[0].amount', [0.01, 36.01], [nextDown(0), 36.005]],
  ['benefits[1].maxDays', [1, LIMITS.days], [0, LIMITS.days + 1]],
];

describe('every bound of the format, accepted at the bound and refused one step outside', () => {
  it.each(BOUNDS)('%s', async (path, accepted, refused) => {
    const validate = await freshValidate();
    for (const v of accepted) expect(problemPaths(path, v, validate), `${path} = ${v}`).toEqual([]);
    for (const v of refused) expect(problemPaths(path, v, validate), `${path} = ${v}`).toEqual([path]);
  });
});

describe('the bounds that relate two figures', () => {
  it('the contributions together must be more than 0: a single amount of 0 is refused, 0.01 accepted', () => {
    expect(problemPaths('contributions[0].amount', 0)).toEqual(['contributions']);
    expect(problemPaths('contributions[0].amount', 0.01)).toEqual([]);
  });
  it('a Pareto shape must be more than 1: 1 is refused, the next double accepted', () => {
    const pareto = (shape: number) => ({ dist: 'pareto', scale: 1000, shape });
    expect(problemPaths('risks[0].cost', pareto(1))).toEqual(['risks[0].cost.shape']);
    expect(problemPaths('risks[0].cost', pareto(nextUp(1)))).toEqual([]);
  });
  it('a negative-binomial cv needs cv² > 1/mean: at mean 4, cv 0.5 (cv² = 1/4 exactly) is refused, the next double accepted', () => {
    const days = (cv: number) => ({ dist: 'negative-binomial', mean: 4, cv });
    expect(problemPaths('risks[0].days', days(0.5))).toEqual(['risks[0].days.cv']);
    expect(problemPaths('risks[0].days', days(nextUp(0.5)))).toEqual([]);
  });
  it("bands' upTo must be strictly ascending: equal to the band below is refused, one fen more accepted", () => {
    expect(problemPaths('benefits[0].bands[1].upTo', 1000)).toEqual(['benefits[0].bands[1].upTo']);
    expect(problemPaths('benefits[0].bands[1].upTo', 1000.01)).toEqual([]);
  });
});
