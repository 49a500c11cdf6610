/**
 * validateScenario against docs/scenario-format.md and the validator's rules: the spec's
 * example passes; each rule has a failing case with its exact path and message; every problem
 * of a file shows at once, in document order; problems are codes, worded in English and Chinese
 * (src/messages/validation.ts) and checked here against hand-written texts.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Problem } from '../../src/domain/scenario.ts';
import { smallestNegativeBinomialCv } from '../../src/io/crossChecks.ts';
import { SPEC_EXAMPLE_TEXT } from '../../src/io/example.ts';
import { validateScenario } from '../../src/io/validate.ts';
import { setAt } from '../helpers/jsonPath.ts';
import { wordedProblems, wordedResult } from '../helpers/worded.ts';

type Json = unknown;
type Edit = [path: string, value: Json];

/** A fresh, mutable copy of the spec's example. */
const example = (): Record<string, Json> => JSON.parse(SPEC_EXAMPLE_TEXT) as Record<string, Json>;

function problemsAfter(edits: Edit[], lang: 'en' | 'zh' = 'en'): Problem[] {
  const s = example();
  for (const [path, value] of edits) setAt(s, path, value);
  const r = validateScenario(s);
  return r.ok ? [] : wordedProblems(r.problems, lang);
}

/**
 * `problemsAfter` with validate.ts (and so schema.ts) loaded afresh inside the test. schema.ts
 * builds its zod schema once and keeps it: without a fresh load, only the first test of a file to
 * validate would build it, and a mutant of a range, a message or a field there would reach that
 * test alone (docs/mutation.md, "Mutants in code run at load").
 */
async function freshProblemsAfter(edits: Edit[]): Promise<Problem[]> {
  vi.resetModules();
  const fresh = await import('../../src/io/validate.ts');
  const s = example();
  for (const [path, value] of edits) setAt(s, path, value);
  const r = fresh.validateScenario(s);
  return r.ok ? [] : wordedProblems(r.problems, 'en');
}

const extraEventRisk = (id: Json) => ({ id, kind: 'event', rate: 0.01 });

interface Rule {
  rule: string;
  edits: Edit[];
  problems: [path: string, message: string][];
}

const rule = (text: string, edits: Edit[], path: string, message: string): Rule => ({
  rule: text,
  edits,
  problems: [[path, message]],
});

const RULES: Rule[] = [
  // the file
  rule(
    'format is huzhu-scenario/1 or huzhu-scenario/2',
    [['format', 'huzhu-scenario/3']],
    'format',
    'must be one of: huzhu-scenario/1, huzhu-scenario/2',
  ),
  rule('format is required', [['format', undefined]], 'format', 'is required'),
  rule('name must not be empty', [['name', '']], 'name', 'must be 1 to 200 characters'),
  rule('name has at most 200 characters', [['name', 'x'.repeat(201)]], 'name', 'must be 1 to 200 characters'),
  rule('name must not be only whitespace', [['name', ' \t　']], 'name', 'must not be blank'),
  rule('name must be text', [['name', 42]], 'name', 'must be text'),
  rule('period must be text', [['period', 2016]], 'period', 'must be text'),
  rule(
    'notes have at most 20000 characters',
    [['notes', '备'.repeat(20_001)]],
    'notes',
    'must be at most 20000 characters',
  ),
  rule(
    'source has at most 20000 characters',
    [['source', 'x'.repeat(20_001)]],
    'source',
    'must be at most 20000 characters',
  ),
  rule('an unknown field at the top is reported', [['colour', 'red']], 'colour', 'unknown field'),
  // members
  rule('members are required', [['members', undefined]], 'members', 'is required'),
  rule(
    'members.count is at least 1',
    [['members.count', 0]],
    'members.count',
    'must be an integer from 1 to 100000000',
  ),
  rule(
    'members.count is an integer',
    [['members.count', 1.5]],
    'members.count',
    'must be an integer from 1 to 100000000',
  ),
  rule(
    'members.count is at most 100,000,000',
    [['members.count', 100_000_001]],
    'members.count',
    'must be an integer from 1 to 100000000',
  ),
  rule(
    'members.count must be a number, not text',
    [['members.count', '720000']],
    'members.count',
    'must be a number',
  ),
  rule(
    'members.femaleShare is at most 1',
    [['members.femaleShare', 1.2]],
    'members.femaleShare',
    'must be from 0 to 1',
  ),
  rule(
    'members.newShare is at least 0',
    [['members.newShare', -0.1]],
    'members.newShare',
    'must be from 0 to 1',
  ),
  rule(
    'a typo inside members is an unknown field',
    [['members.femaleshare', 0.5]],
    'members.femaleshare',
    'unknown field',
  ),
  rule(
    'a field name that is not a plain name is quoted in the path',
    [['members.female share', 0.5]],
    'members["female share"]',
    'unknown field',
  ),
  // contributions
  rule(
    'contributions has at least one entry',
    [['contributions', []]],
    'contributions',
    'must have 1 to 20 entries',
  ),
  rule(
    'contributions has at most 20 entries',
    [['contributions', Array.from({ length: 21 }, () => ({ payer: 'member', amount: 1 }))]],
    'contributions',
    'must have 1 to 20 entries',
  ),
  rule(
    'a payer is not empty',
    [['contributions[0].payer', '']],
    'contributions[0].payer',
    'must be 1 to 50 characters',
  ),
  rule(
    'a payer has at most 50 characters',
    [['contributions[0].payer', 'p'.repeat(51)]],
    'contributions[0].payer',
    'must be 1 to 50 characters',
  ),
  rule(
    'a contribution is not negative',
    [['contributions[0].amount', -1]],
    'contributions[0].amount',
    'must be at least 0',
  ),
  rule(
    'a contribution has at most 2 decimals',
    [['contributions[0].amount', 36.005]],
    'contributions[0].amount',
    'must have at most 2 decimals (yuan to the fen)',
  ),
  rule(
    'the contributions add up to more than 0',
    [
      [
        'contributions',
        [
          { payer: 'member', amount: 0 },
          { payer: 'union', amount: 0 },
        ],
      ],
    ],
    'contributions',
    'the amounts must add up to more than 0',
  ),
  // fund
  rule(
    'fund.reserve has at most 2 decimals',
    [['fund.reserve', 0.001]],
    'fund.reserve',
    'must have at most 2 decimals (yuan to the fen)',
  ),
  rule(
    'fund.backstop is at most a trillion yuan',
    [['fund.backstop', 2e12]],
    'fund.backstop',
    'must be at most 1000000000000',
  ),
  rule('fund.backstop is not negative', [['fund.backstop', -1]], 'fund.backstop', 'must be at least 0'),
  rule(
    'fund.expenseRate is less than 1',
    [['fund.expenseRate', 1]],
    'fund.expenseRate',
    'must be at least 0 and less than 1 (a scheme that spends all its income cannot break even)',
  ),
  rule(
    'fund.expenseRate is not negative',
    [['fund.expenseRate', -0.1]],
    'fund.expenseRate',
    'must be at least 0 and less than 1 (a scheme that spends all its income cannot break even)',
  ),
  rule('fund must be an object', [['fund', 5]], 'fund', 'must be an object'),
  // risks
  {
    rule: 'risks has at least one entry (and then no benefit names a risk)',
    edits: [
      ['risks', []],
      ['benefits', [{ id: 'allowance', risk: 'inpatient', type: 'daily', perDay: 30 }]],
    ],
    problems: [
      ['risks', 'must have 1 to 50 entries'],
      ['benefits[0].risk', 'names no risk in risks[] (known: none)'],
    ],
  },
  rule(
    'risks has at most 50 entries',
    [
      [
        'risks',
        [example().risks as Json[]]
          .flat()
          .concat(Array.from({ length: 49 }, (_, i) => extraEventRisk(`e${i}`))),
      ],
    ],
    'risks',
    'must have 1 to 50 entries',
  ),
  rule(
    'risk ids are unique',
    [['risks[2]', extraEventRisk('light-illness')]],
    'risks[2].id',
    'duplicate id "light-illness" (also risks[1])',
  ),
  rule(
    'a risk id is not empty',
    [['risks[2]', extraEventRisk('')]],
    'risks[2].id',
    'must be 1 to 64 characters',
  ),
  rule(
    'a risk id has at most 64 characters',
    [['risks[2]', extraEventRisk('r'.repeat(65))]],
    'risks[2].id',
    'must be 1 to 64 characters',
  ),
  rule(
    'a risk kind is cost or event',
    [['risks[2]', { id: 'x', kind: 'other', rate: 0.1 }]],
    'risks[2].kind',
    'must be one of: cost, event',
  ),
  rule('a risk kind is required', [['risks[2]', { id: 'x', rate: 0.1 }]], 'risks[2].kind', 'is required'),
  rule('who is all or female', [['risks[0].who', 'male']], 'risks[0].who', 'must be one of: all, female'),
  rule(
    'a rate is greater than 0',
    [['risks[0].rate', 0]],
    'risks[0].rate',
    'must be greater than 0 and at most 1',
  ),
  rule(
    'a rate is at most 1',
    [['risks[1].rate', 1.5]],
    'risks[1].rate',
    'must be greater than 0 and at most 1',
  ),
  rule('rateCv is at most 10', [['risks[0].rateCv', 11]], 'risks[0].rateCv', 'must be from 0 to 10'),
  rule('a cost risk requires cost', [['risks[0].cost', undefined]], 'risks[0].cost', 'is required'),
  rule(
    'an event risk has no cost',
    [['risks[1].cost', { dist: 'lognormal', mean: 1, cv: 1 }]],
    'risks[1].cost',
    'not allowed on an event risk (only a cost risk has cost and days)',
  ),
  rule(
    'an event risk has no days',
    [['risks[1].days', { dist: 'fixed', value: 1 }]],
    'risks[1].days',
    'not allowed on an event risk (only a cost risk has cost and days)',
  ),
  // cost distributions
  rule(
    'a lognormal mean is greater than 0',
    [['risks[0].cost.mean', 0]],
    'risks[0].cost.mean',
    'must be greater than 0 and at most 1000000000',
  ),
  rule(
    'a lognormal mean is at most 1e9',
    [['risks[0].cost.mean', 2e9]],
    'risks[0].cost.mean',
    'must be greater than 0 and at most 1000000000',
  ),
  rule(
    'a lognormal cv is not negative',
    [['risks[0].cost.cv', -0.5]],
    'risks[0].cost.cv',
    'must be from 0 to 100',
  ),
  rule(
    'a gamma cv is at most 100',
    [['risks[0].cost', { dist: 'gamma', mean: 4000, cv: 101 }]],
    'risks[0].cost.cv',
    'must be from 0 to 100',
  ),
  rule(
    'a Pareto scale is greater than 0',
    [['risks[0].cost', { dist: 'pareto', scale: 0, shape: 2 }]],
    'risks[0].cost.scale',
    'must be greater than 0',
  ),
  rule(
    'a Pareto shape is greater than 1',
    [['risks[0].cost', { dist: 'pareto', scale: 3000, shape: 1 }]],
    'risks[0].cost.shape',
    'must be greater than 1 (a Pareto II mean exists only for shape > 1)',
  ),
  rule(
    'a Pareto shape is at most 1000',
    [['risks[0].cost', { dist: 'pareto', scale: 3000, shape: 1001 }]],
    'risks[0].cost.shape',
    'must be at most 1000',
  ),
  rule(
    'a Pareto has no mean field',
    [['risks[0].cost', { dist: 'pareto', scale: 3000, shape: 2, mean: 4000 }]],
    'risks[0].cost.mean',
    'unknown field',
  ),
  rule(
    'empirical costs have at least one value',
    [['risks[0].cost', { dist: 'empirical', values: [] }]],
    'risks[0].cost.values',
    'must have 1 to 1000000 entries',
  ),
  rule(
    'empirical costs are greater than 0',
    [['risks[0].cost', { dist: 'empirical', values: [100, 0] }]],
    'risks[0].cost.values[1]',
    'must be greater than 0',
  ),
  rule(
    'empirical costs are finite numbers',
    [['risks[0].cost', { dist: 'empirical', values: [100, Infinity] }]],
    'risks[0].cost.values[1]',
    'must be a finite number',
  ),
  rule(
    'a cost dist is one of the four',
    [['risks[0].cost.dist', 'normal']],
    'risks[0].cost.dist',
    'must be one of: lognormal, gamma, pareto, empirical',
  ),
  rule(
    'a cost dist is required',
    [['risks[0].cost', { mean: 4000, cv: 2 }]],
    'risks[0].cost.dist',
    'is required',
  ),
  // days distributions
  rule(
    'a Poisson days mean is at most 366',
    [['risks[0].days', { dist: 'poisson', mean: 400 }]],
    'risks[0].days.mean',
    'must be from 0 to 366',
  ),
  rule(
    'a negative-binomial days mean is greater than 0',
    [['risks[0].days.mean', 0]],
    'risks[0].days.mean',
    'must be greater than 0 and at most 366',
  ),
  rule(
    'a negative-binomial days cv is greater than 0',
    [['risks[0].days.cv', 0]],
    'risks[0].days.cv',
    'must be greater than 0',
  ),
  rule(
    'a negative-binomial days cv has cv² > 1/mean',
    [['risks[0].days.cv', 0.3]],
    'risks[0].days.cv',
    'must be at least 0.3334 (a negative binomial needs cv² > 1/mean)',
  ),
  rule(
    'cv² = 1/mean exactly is refused',
    [['risks[0].days', { dist: 'negative-binomial', mean: 4, cv: 0.5 }]],
    'risks[0].days.cv',
    'must be at least 0.5001 (a negative binomial needs cv² > 1/mean)',
  ),
  rule(
    'fixed days are an integer',
    [['risks[0].days', { dist: 'fixed', value: 2.5 }]],
    'risks[0].days.value',
    'must be an integer from 0 to 366',
  ),
  rule(
    'empirical days are integers from 0 to 366',
    [['risks[0].days', { dist: 'empirical', values: [3, 367] }]],
    'risks[0].days.values[1]',
    'must be an integer from 0 to 366',
  ),
  rule(
    'a days dist is one of the four',
    [['risks[0].days.dist', 'normal']],
    'risks[0].days.dist',
    'must be one of: poisson, negative-binomial, fixed, empirical',
  ),
  // benefits
  rule('benefits has at least one entry', [['benefits', []]], 'benefits', 'must have 1 to 50 entries'),
  rule(
    'benefit ids are unique',
    [['benefits[2].id', 'self-pay']],
    'benefits[2].id',
    'duplicate id "self-pay" (also benefits[0])',
  ),
  rule(
    'a benefit names a risk in risks[]',
    [['benefits[0].risk', 'hospital']],
    'benefits[0].risk',
    'names no risk in risks[] (known: inpatient, light-illness)',
  ),
  rule(
    'a bands benefit needs a cost risk',
    [['benefits[0].risk', 'light-illness']],
    'benefits[0].risk',
    'a bands benefit needs a cost risk, but "light-illness" is an event risk',
  ),
  rule(
    'a steps benefit needs a cost risk',
    [
      [
        'benefits[0]',
        { id: 'big', risk: 'light-illness', type: 'steps', from: 20000, step: 10000, perStep: 1000 },
      ],
    ],
    'benefits[0].risk',
    'a steps benefit needs a cost risk, but "light-illness" is an event risk',
  ),
  rule(
    'a daily benefit needs a risk with days',
    [['risks[0].days', undefined]],
    'benefits[1].risk',
    'a daily benefit needs a risk with days, but "inpatient" has no days',
  ),
  rule(
    'a lump-sum benefit needs an event risk',
    [['benefits[2].risk', 'inpatient']],
    'benefits[2].risk',
    'a lump-sum benefit needs an event risk, but "inpatient" is a cost risk',
  ),
  rule(
    'a benefit type is one of the four',
    [['benefits[0].type', 'percent']],
    'benefits[0].type',
    'must be one of: bands, steps, daily, lump-sum',
  ),
  // bands
  rule(
    'bands has at least one band',
    [['benefits[0].bands', []]],
    'benefits[0].bands',
    'must have 1 to 100 entries',
  ),
  rule(
    'bands has at most 100 bands',
    [['benefits[0].bands', Array.from({ length: 101 }, (_, i) => ({ upTo: 1000 * (i + 1), rate: 0.5 }))]],
    'benefits[0].bands',
    'must have 1 to 100 entries',
  ),
  rule(
    'band upTo is strictly ascending',
    [['benefits[0].bands[2].upTo', 5000]],
    'benefits[0].bands[2].upTo',
    'must be greater than 10000',
  ),
  rule(
    'two bands may not end at the same upTo',
    [['benefits[0].bands[1].upTo', 1000]],
    'benefits[0].bands[1].upTo',
    'must be greater than 1000',
  ),
  rule(
    'the first upTo is greater than 0',
    [['benefits[0].bands[0].upTo', 0]],
    'benefits[0].bands[0].upTo',
    'must be greater than 0',
  ),
  rule(
    'only the last band may be null',
    [['benefits[0].bands[1].upTo', null]],
    'benefits[0].bands[1].upTo',
    'only the last band may be null (no upper end)',
  ),
  rule(
    'upTo is a number or null',
    [['benefits[0].bands[1].upTo', 'x']],
    'benefits[0].bands[1].upTo',
    'must be a number or null',
  ),
  rule(
    'a band rate is at most 1',
    [['benefits[0].bands[0].rate', 1.2]],
    'benefits[0].bands[0].rate',
    'must be from 0 to 1',
  ),
  rule(
    'a deductible is not negative',
    [['benefits[0].deductible', -5]],
    'benefits[0].deductible',
    'must be at least 0',
  ),
  rule(
    'a cap has at most 2 decimals',
    [['benefits[0].cap', 30200.123]],
    'benefits[0].cap',
    'must have at most 2 decimals (yuan to the fen)',
  ),
  {
    rule: 'a typo (upto) is an unknown field and upTo is then missing',
    edits: [['benefits[0].bands[1]', { upto: 10000, rate: 0.5 }]],
    problems: [
      ['benefits[0].bands[1].upto', 'unknown field'],
      ['benefits[0].bands[1].upTo', 'is required'],
    ],
  },
  // steps, daily, lump-sum
  rule(
    'steps from is not negative',
    [['benefits[0]', { id: 'big', risk: 'inpatient', type: 'steps', from: -1, step: 10000, perStep: 1000 }]],
    'benefits[0].from',
    'must be at least 0',
  ),
  rule(
    'steps step is greater than 0',
    [['benefits[0]', { id: 'big', risk: 'inpatient', type: 'steps', from: 0, step: 0, perStep: 1000 }]],
    'benefits[0].step',
    'must be greater than 0',
  ),
  rule(
    'steps perStep is greater than 0',
    [['benefits[0]', { id: 'big', risk: 'inpatient', type: 'steps', from: 0, step: 10, perStep: 0 }]],
    'benefits[0].perStep',
    'must be greater than 0',
  ),
  rule(
    'steps cap is not negative',
    [
      [
        'benefits[0]',
        { id: 'big', risk: 'inpatient', type: 'steps', from: 0, step: 10, perStep: 1, cap: -1 },
      ],
    ],
    'benefits[0].cap',
    'must be at least 0',
  ),
  rule(
    'daily perDay is greater than 0',
    [['benefits[1].perDay', 0]],
    'benefits[1].perDay',
    'must be greater than 0',
  ),
  rule(
    'daily maxDays is an integer from 1 to 366',
    [['benefits[1].maxDays', 0]],
    'benefits[1].maxDays',
    'must be an integer from 1 to 366',
  ),
  rule(
    'a lump-sum amount is greater than 0',
    [['benefits[2].amount', 0]],
    'benefits[2].amount',
    'must be greater than 0',
  ),
  rule('a lump-sum cap is not negative', [['benefits[2].cap', -1]], 'benefits[2].cap', 'must be at least 0'),
  rule(
    'waitingDays is an integer from 0 to 365',
    [['benefits[2].waitingDays', 366]],
    'benefits[2].waitingDays',
    'must be an integer from 0 to 365',
  ),
  rule('a daily benefit has no cap', [['benefits[1].cap', 100]], 'benefits[1].cap', 'unknown field'),
  // trend and simulation
  rule(
    'a trend is greater than -1',
    [['trend.cost', -1]],
    'trend.cost',
    'must be greater than -1 and at most 10',
  ),
  rule(
    'a trend is at most 10',
    [['trend.members', 10.5]],
    'trend.members',
    'must be greater than -1 and at most 10',
  ),
  rule(
    'iterations are at least 100',
    [['simulation.iterations', 99]],
    'simulation.iterations',
    'must be an integer from 100 to 1000000',
  ),
  rule(
    'iterations are at most 1,000,000',
    [['simulation.iterations', 1e9]],
    'simulation.iterations',
    'must be an integer from 100 to 1000000',
  ),
  rule(
    'iterations are an integer',
    [['simulation.iterations', 1000.5]],
    'simulation.iterations',
    'must be an integer from 100 to 1000000',
  ),
  rule('a seed is not empty', [['simulation.seed', '']], 'simulation.seed', 'must be 1 to 200 characters'),
  rule('a seed is text', [['simulation.seed', 42]], 'simulation.seed', 'must be text'),
  rule(
    'years are from 1 to 50',
    [['simulation.years', 51]],
    'simulation.years',
    'must be an integer from 1 to 50',
  ),
  rule(
    'confidence is at least 0.5',
    [['simulation.confidence', 0.4]],
    'simulation.confidence',
    'must be from 0.5 to 0.9999',
  ),
  rule(
    'confidence is below 1',
    [['simulation.confidence', 1]],
    'simulation.confidence',
    'must be from 0.5 to 0.9999',
  ),
  // numbers a JS caller can pass
  rule(
    'NaN is not a number a scenario can hold',
    [['members.femaleShare', NaN]],
    'members.femaleShare',
    'must be a finite number',
  ),
  rule('Infinity is not money', [['fund.reserve', Infinity]], 'fund.reserve', 'must be a finite number'),
];

describe('a valid scenario', () => {
  it('the spec’s example passes and comes back unchanged', () => {
    const r = validateScenario(JSON.parse(SPEC_EXAMPLE_TEXT));
    expect(r).toEqual({ ok: true, scenario: JSON.parse(SPEC_EXAMPLE_TEXT) });
  });

  it('a scenario with only the required fields passes', () => {
    const minimal = {
      format: 'huzhu-scenario/1',
      name: 'Jiaxing',
      members: { count: 1 },
      contributions: [{ payer: 'member', amount: 0.01 }],
      risks: [{ id: 'inpatient', kind: 'cost', rate: 1, cost: { dist: 'empirical', values: [1] } }],
      benefits: [{ id: 'self-pay', risk: 'inpatient', type: 'bands', bands: [{ upTo: null, rate: 0.5 }] }],
    };
    expect(validateScenario(minimal)).toEqual({ ok: true, scenario: minimal });
  });

  it.each([
    ['a name of 200 Chinese characters', [['name', '互'.repeat(200)]]],
    ['a name of 200 emoji (counted as characters, not UTF-16 units)', [['name', '🏥'.repeat(200)]]],
    ['a $schema for editors', [['$schema', './huzhu-scenario.schema.json']]],
    ['money written 0.3 (not exactly 0.3 in binary)', [['contributions[0].amount', 0.3]]],
    ['the largest amount, 999999999999.99', [['fund.backstop', 999_999_999_999.99]]],
    ['an amount a JS caller summed, 0.1 + 0.2', [['contributions[0].amount', 0.1 + 0.2]]],
    ['a last band with no upper end', [['benefits[0].bands[3].upTo', null]]],
    ['a Poisson days mean of 0', [['risks[0].days', { dist: 'poisson', mean: 0 }]]],
    [
      'rates at the edges: rate 1, expenseRate 0.99, confidence 0.9999',
      [
        ['risks[0].rate', 1],
        ['fund.expenseRate', 0.99],
        ['simulation.confidence', 0.9999],
      ],
    ],
    ['a trend of almost −100%', [['trend.cost', -0.99]]],
    ['who: female', [['risks[1].who', 'female']]],
  ] as [string, Edit[]][])('%s passes', async (_, edits) => {
    expect(await freshProblemsAfter(edits)).toEqual([]);
  });
});

describe('each rule is reported at its field with its message', () => {
  it.each(RULES)('$rule', async ({ edits, problems }) => {
    expect(await freshProblemsAfter(edits)).toEqual(problems.map(([path, message]) => ({ path, message })));
  });
});

describe('every problem at once', () => {
  it('a file with problems in the schema and across fields reports all of them, in document order', () => {
    const problems = problemsAfter([
      ['simulation.iterations', 5],
      ['name', ''],
      ['benefits[0].bands[2].upTo', 5000],
      ['members.count', 0],
      ['risks[0].cost', { dist: 'pareto', scale: 3000, shape: 0.9 }],
      ['benefits[2].risk', 'light'],
      ['contributions[0].amount', 0],
      ['risks[1].id', 'inpatient'],
      ['risks[0].days.cv', 0.1],
      ['members.colour', 'red'],
    ]);
    expect(problems).toEqual([
      { path: 'name', message: 'must be 1 to 200 characters' },
      { path: 'members.count', message: 'must be an integer from 1 to 100000000' },
      { path: 'members.colour', message: 'unknown field' },
      { path: 'contributions', message: 'the amounts must add up to more than 0' },
      {
        path: 'risks[0].cost.shape',
        message: 'must be greater than 1 (a Pareto II mean exists only for shape > 1)',
      },
      {
        path: 'risks[0].days.cv',
        message: 'must be at least 0.3334 (a negative binomial needs cv² > 1/mean)',
      },
      { path: 'risks[1].id', message: 'duplicate id "inpatient" (also risks[0])' },
      { path: 'benefits[0].bands[2].upTo', message: 'must be greater than 10000' },
      { path: 'benefits[2].risk', message: 'names no risk in risks[] (known: inpatient)' },
      { path: 'simulation.iterations', message: 'must be an integer from 100 to 1000000' },
    ]);
  });

  it('missing fields are reported after the fields present, in the spec’s order', () => {
    expect(wordedResult(validateScenario({ name: 'x', colour: 1 }))).toEqual({
      ok: false,
      problems: [
        { path: 'colour', message: 'unknown field' },
        { path: 'format', message: 'is required' },
        { path: 'members', message: 'is required' },
        { path: 'contributions', message: 'is required' },
        { path: 'risks', message: 'is required' },
        { path: 'benefits', message: 'is required' },
      ],
    });
  });

  it('a value that is not an object is a root problem', () => {
    for (const v of [null, [], 1, 'x'])
      expect(wordedResult(validateScenario(v))).toEqual({
        ok: false,
        problems: [{ path: '(root)', message: 'must be an object' }],
      });
  });

  it('a cross-field rule does not repeat a field the schema already refused', () => {
    // 5000.001 is out of order and has 3 decimals: the schema's word comes first
    expect(problemsAfter([['benefits[0].bands[2].upTo', 5000.001]])).toEqual([
      { path: 'benefits[0].bands[2].upTo', message: 'must have at most 2 decimals (yuan to the fen)' },
    ]);
  });

  it('an unknown benefit type still has its risk checked', () => {
    expect(
      problemsAfter([
        ['benefits[0].type', 'percent'],
        ['benefits[0].risk', 'nothing'],
      ]),
    ).toEqual([
      { path: 'benefits[0].risk', message: 'names no risk in risks[] (known: inpatient, light-illness)' },
      { path: 'benefits[0].type', message: 'must be one of: bands, steps, daily, lump-sum' },
    ]);
  });

  it('a million bad empirical values give the first hundred and a count', () => {
    const values = Array.from({ length: 1_000_000 }, () => -1);
    const problems = problemsAfter([['risks[0].cost', { dist: 'empirical', values }]]);
    expect(problems).toHaveLength(101);
    expect(problems[0]).toEqual({
      path: 'risks[0].cost.values',
      message: 'and 999900 more values are not valid',
    });
    expect(problems[100]).toEqual({ path: 'risks[0].cost.values[99]', message: 'must be greater than 0' });
  });
});

describe('messages in Chinese', () => {
  it('the same problems read in Chinese', () => {
    const edits: Edit[] = [
      ['members.count', 0],
      ['benefits[0].bands[2].upTo', 5000],
      ['benefits[0].risk', 'x'],
      ['colour', 1],
      ['risks[0].cost.dist', 'normal'],
    ];
    expect(problemsAfter(edits, 'zh')).toEqual([
      { path: 'members.count', message: '必须是 1 到 100000000 之间的整数' },
      { path: 'risks[0].cost.dist', message: '必须是以下之一：lognormal、gamma、pareto、empirical' },
      { path: 'benefits[0].risk', message: 'risks[] 中没有这个风险（已有：inpatient、light-illness）' },
      { path: 'benefits[0].bands[2].upTo', message: '必须大于 10000' },
      { path: 'colour', message: '未知字段' },
    ]);
  });

  it('a problem is a code with its parameters, whatever the language it is shown in', () => {
    const s = example();
    setAt(s, 'members.count', 0);
    setAt(s, 'risks[0].cost.dist', 'normal');
    expect(validateScenario(s)).toEqual({
      ok: false,
      problems: [
        { path: 'members.count', code: 'intRange', params: { min: 1, max: 100_000_000 } },
        {
          path: 'risks[0].cost.dist',
          code: 'oneOf',
          params: { options: ['lognormal', 'gamma', 'pareto', 'empirical'] },
        },
      ],
    });
  });
});

describe('the smallest allowed negative-binomial cv', () => {
  it('is √(1/mean) rounded up to 4 significant digits, and one step more when that is exactly the bound', () => {
    expect(smallestNegativeBinomialCv(9)).toBe('0.3334');
    expect(smallestNegativeBinomialCv(4)).toBe('0.5001');
    expect(smallestNegativeBinomialCv(366)).toBe('0.05228');
    expect(smallestNegativeBinomialCv(0.01)).toBe('10.01');
  });

  it('is allowed, and the number 4 significant digits below it is not', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 366, noNaN: true }), (mean) => {
        const cv = Number(smallestNegativeBinomialCv(mean));
        const unit = 10 ** (Math.floor(Math.log10(cv)) - 3);
        expect(cv * cv).toBeGreaterThan(1 / mean);
        expect((cv - unit) ** 2).toBeLessThanOrEqual((1 / mean) * (1 + 1e-12));
      }),
      { numRuns: 2000 },
    );
  });
});
