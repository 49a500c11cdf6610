/**
 * The zod schema (src/io/schema.ts) at rules the rule table of validate.test.ts does not reach,
 * each against docs/scenario-format.md: a gamma cv is 0 or 0.01–100; an empirical `values` list
 * lists its first 100 bad entries and counts the rest (so 100 bad entries are all listed, with no
 * count); a `/1` rate that is null or a list is a wrong type, not a rate by group; a `/2` rate that
 * is neither a number nor an object says so; only the name must not be blank.
 *
 * validate.ts (and so schema.ts) is loaded afresh in each test: schema.ts builds its zod schema
 * once and keeps it (docs/mutation.md, "Mutants in code run at load").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { ScenarioProblem } from '../../src/domain/validation.ts';
import { SPEC_EXAMPLE_TEXT } from '../../src/io/example.ts';
import { setAt } from '../helpers/jsonPath.ts';
// The modules loaded afresh below, imported statically too (their types): a mutation run counts a
// test file's tests for a module only when the file imports that module statically.
import type * as StaticValidate from '../../src/io/validate.ts';

type Edit = [path: string, value: unknown];

const SPEC_2 = readFileSync(new URL('../fixtures/format2/spec-example.json', import.meta.url), 'utf8');

/** The problems of the `/1` example (or `base`) after `edits`, with validate.ts loaded afresh. */
async function problemsAfter(edits: Edit[], base = SPEC_EXAMPLE_TEXT): Promise<ScenarioProblem[]> {
  vi.resetModules();
  const { validateScenario } = await (import('../../src/io/validate.ts') as Promise<typeof StaticValidate>);
  const s = JSON.parse(base) as Record<string, unknown>;
  for (const [path, value] of edits) setAt(s, path, value);
  const r = validateScenario(s);
  return r.ok ? [] : r.problems;
}

const problem = (path: string, code: string, params: Record<string, unknown> = {}) => ({
  path,
  code,
  params,
});

describe('a gamma cost’s cv: 0 (a point mass) or from 0.01 to 100', () => {
  it('takes 0, 0.01 and 100, and refuses 0.005 as below 0.01', async () => {
    const gamma = (cv: number): Edit[] => [['risks[0].cost', { dist: 'gamma', mean: 4000, cv }]];
    expect(await problemsAfter(gamma(0))).toEqual([]);
    expect(await problemsAfter(gamma(0.01))).toEqual([]);
    expect(await problemsAfter(gamma(100))).toEqual([]);
    expect(await problemsAfter(gamma(0.005))).toEqual([
      problem('risks[0].cost.cv', 'atLeast', { min: 0.01 }),
    ]);
  });
});

describe('an empirical list: the first 100 bad entries, then a count', () => {
  const costs = (values: number[]): Edit[] => [['risks[0].cost', { dist: 'empirical', values }]];
  const bad = (n: number) =>
    Array.from({ length: n }, (_, i) => problem(`risks[0].cost.values[${i}]`, 'greaterThan', { min: 0 }));
  it('101 good values pass', async () => {
    expect(await problemsAfter(costs(Array.from({ length: 101 }, (_, i) => i + 1)))).toEqual([]);
  });
  it('100 bad values of 100 are all listed, with no count', async () => {
    expect(await problemsAfter(costs(Array(100).fill(-1)))).toEqual(bad(100));
  });
  it('100 bad values of 101 are all listed, with no count', async () => {
    expect(await problemsAfter(costs([...Array(100).fill(-1), 5]))).toEqual(bad(100));
  });
  it('101 bad values: the first 100 and "1 more"', async () => {
    expect(await problemsAfter(costs(Array(101).fill(-1)))).toEqual([
      problem('risks[0].cost.values', 'moreValueProblems', { count: 1 }),
      ...bad(100),
    ]);
  });
  it('in a list of more than 100, a value that is text must be a number, as in a short list', async () => {
    const values: unknown[] = Array.from({ length: 150 }, (_, i) => i + 1);
    values[120] = 'x';
    expect(await problemsAfter([['risks[0].cost', { dist: 'empirical', values }]])).toEqual([
      problem('risks[0].cost.values[120]', 'mustBeNumber'),
    ]);
  });
  it('days values likewise, as integers from 0 to 366', async () => {
    const days = Array(102).fill(367);
    const problems = await problemsAfter([['risks[0].days', { dist: 'empirical', values: days }]]);
    expect(problems[0]).toEqual(problem('risks[0].days.values', 'moreValueProblems', { count: 2 }));
    expect(problems[1]).toEqual(problem('risks[0].days.values[0]', 'intRange', { min: 0, max: 366 }));
    expect(problems).toHaveLength(101);
  });
});

describe('a rate of the wrong type', () => {
  it('in /1, null and a list must be a number; an object is a rate by group, which needs /2', async () => {
    expect(await problemsAfter([['risks[0].rate', null]])).toEqual([
      problem('risks[0].rate', 'mustBeNumber'),
    ]);
    expect(await problemsAfter([['risks[0].rate', [0.1]]])).toEqual([
      problem('risks[0].rate', 'mustBeNumber'),
    ]);
    expect(await problemsAfter([['risks[0].rate', NaN]])).toEqual([problem('risks[0].rate', 'mustBeFinite')]);
    expect(await problemsAfter([['risks[0].rate', {}]])).toEqual([
      problem('risks[0].rate', 'rateByGroupNeedsFormat2'),
    ]);
  });
  it('in /2, text is neither a number nor rates by group', async () => {
    expect(await problemsAfter([['risks[1].rate', 'x']], SPEC_2)).toEqual([
      problem('risks[1].rate', 'rateNumberOrGroups'),
    ]);
  });
  it('an upper end of a band that is text must be a number or null; NaN must be finite; none is required', async () => {
    expect(await problemsAfter([['benefits[0].bands[0].upTo', '1000']])).toEqual([
      problem('benefits[0].bands[0].upTo', 'mustBeNumberOrNull'),
    ]);
    expect(await problemsAfter([['benefits[0].bands[0].upTo', NaN]])).toEqual([
      problem('benefits[0].bands[0].upTo', 'mustBeFinite'),
    ]);
    expect(await problemsAfter([['benefits[0].bands[3].upTo', undefined]])).toEqual([
      problem('benefits[0].bands[3].upTo', 'required'),
    ]);
  });
});

describe('upper bounds with a message of their own', () => {
  it('a negative-binomial days cv is at most 20', async () => {
    const days = (cv: number): Edit[] => [['risks[0].days', { dist: 'negative-binomial', mean: 9, cv }]];
    expect(await problemsAfter(days(20))).toEqual([]);
    expect(await problemsAfter(days(20.5))).toEqual([problem('risks[0].days.cv', 'atMost', { max: 20 })]);
  });
});

describe('a /2 field in a /1 file is named', () => {
  it('a waiting amount on any benefit of a /1 file needs format /2', async () => {
    for (const at of ['benefits[0]', 'benefits[1]', 'benefits[2]'])
      expect(await problemsAfter([[`${at}.waitingAmount`, 5]]), at).toEqual([
        problem(`${at}.waitingAmount`, 'needsFormat2', { field: 'waitingAmount' }),
      ]);
  });
});

describe('only the name must not be blank', () => {
  it('a payer, a seed, a period and notes of spaces are text like any other', async () => {
    expect(
      await problemsAfter([
        ['contributions[0].payer', '  '],
        ['simulation.seed', ' '],
        ['period', ' '],
        ['notes', '\t'],
      ]),
    ).toEqual([]);
    expect(await problemsAfter([['name', '  ']])).toEqual([problem('name', 'blank')]);
  });
  it('free text may be empty; a payer may not', async () => {
    expect(await problemsAfter([['period', '']])).toEqual([]);
    expect(await problemsAfter([['contributions[0].payer', '']])).toEqual([
      problem('contributions[0].payer', 'textLength', { min: 1, max: 50 }),
    ]);
  });
});
