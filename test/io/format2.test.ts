/**
 * Format `huzhu-scenario/2` at the file's edge, against docs/scenario-format.md: the spec's example
 * and the fixtures in test/fixtures/format2/ validate to exactly what they say; each rule of `/2`
 * has a broken variant refused at its exact path with its code and parameters; each numeric bound
 * is tried on both sides; a `/1` file keeps being read as `/1` (a `/2` field in it is named and
 * refused); and a `/1` file and its `/2` rewrites resolve to the same scheme.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import type { ScenarioProblem } from '../../src/domain/validation.ts';
import { SPEC_EXAMPLE_TEXT } from '../../src/io/example.ts';
import { loadScenarioText } from '../../src/io/loadScenario.ts';
import { validateScenario } from '../../src/io/validate.ts';
import { setAt } from '../helpers/jsonPath.ts';
import { problemLines, wordedProblems } from '../helpers/worded.ts';

type Json = unknown;
type Edit = [path: string, value: Json];
type Expected = [path: string, code: string, params?: Record<string, unknown>];

const fixture = (file: string) =>
  readFileSync(new URL(`../fixtures/format2/${file}`, import.meta.url), 'utf8');
const SPEC_2 = fixture('spec-example.json');

/** A fresh, mutable copy of the spec's `/2` example. */
const example2 = (): Record<string, Json> => JSON.parse(SPEC_2) as Record<string, Json>;

function edited(base: Record<string, Json>, edits: Edit[]): Record<string, Json> {
  for (const [path, value] of edits) setAt(base, path, value);
  return base;
}

type Validate = typeof validateScenario;

/**
 * validateScenario from validate.ts (and so schema.ts) loaded afresh inside the test: schema.ts
 * builds its zod schema once and keeps it, so without a fresh load a mutant of a range, a code or
 * a field there would reach only the first test of this file to validate (docs/mutation.md,
 * "Mutants in code run at load").
 */
async function freshValidate(): Promise<Validate> {
  vi.resetModules();
  return (await import('../../src/io/validate.ts')).validateScenario;
}

/** The problems of the spec's `/2` example after `edits`, as `{ path, code, params }`. */
function problemsAfter(
  edits: Edit[],
  base = example2(),
  validate: Validate = validateScenario,
): ScenarioProblem[] {
  const r = validate(edited(base, edits));
  return r.ok ? [] : r.problems;
}

const expected = (list: Expected[]) => list.map(([path, code, params = {}]) => ({ path, code, params }));

function load(text: string): Scenario {
  const r = loadScenarioText(text);
  if (!r.ok) throw new Error(problemLines(r.problems));
  return r.scenario;
}

const GROUPS = ['in-service', 'retired'];
const BENEFITS = ['self-pay', 'allowance', 'critical'];

describe('valid /2 files', () => {
  it('the example of docs/scenario-format.md’s /2 section is test/fixtures/format2/spec-example.json and SPEC_EXAMPLE_2_TEXT', async () => {
    // example.ts loaded afresh, so that its text is built inside the test (docs/mutation.md).
    vi.resetModules();
    const { SPEC_EXAMPLE_2_TEXT } = await import('../../src/io/example.ts');
    const doc = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## Format `huzhu-scenario/2`'));
    const block = /```json\n([\s\S]*?)\n```/.exec(section)?.[1] ?? '';
    expect(JSON.parse(block)).toEqual(JSON.parse(SPEC_2));
    expect(SPEC_EXAMPLE_2_TEXT).toBe(SPEC_2);
  });

  it.each(['spec-example.json', 'hangzhou-2016-as-groups.json', 'planner-edge-cases.json'])(
    'test/fixtures/format2/%s validates to exactly what it says',
    (file) => {
      const text = fixture(file);
      expect(validateScenario(JSON.parse(text))).toEqual({ ok: true, scenario: JSON.parse(text) });
    },
  );

  it.each([
    [
      'a /2 file with members.count (one group, "all") and per-share benefits',
      [
        ['members', { count: 1000 }],
        ['contributions', [{ payer: 'member', amount: 30 }]],
        ['risks[0].rate', 0.03],
        ['risks[1].groups', undefined],
      ],
    ],
    [
      'members.count with a rate by group: the one group is "all"',
      [
        ['members', { count: 1000, femaleShare: 0.3 }],
        ['contributions', [{ payer: 'member', amount: 30, perShare: true, groups: ['all'] }]],
        ['risks[0].rate', { all: 0.03 }],
        ['risks[1].groups', ['all']],
      ],
    ],
    ['a group of one member', [['members.groups[1].count', 1]]],
    ['100 shares', [['members.groups[0].holdings[1].shares', 100]]],
    [
      'one holding of 3 shares for the whole group',
      [['members.groups[0].holdings', [{ shares: 3, fraction: 1 }]]],
    ],
    ['fractions summing to 1 + 0.9e-9', [['members.groups[0].holdings[1].fraction', 0.2 + 0.9e-9]]],
    ['fractions summing to 1 − 0.9e-9', [['members.groups[0].holdings[1].fraction', 0.2 - 0.9e-9]]],
    [
      'ten fractions of 0.1 (0.9999999999999999 in binary)',
      [
        [
          'members.groups[0].holdings',
          Array.from({ length: 10 }, (_, i) => ({ shares: i + 1, fraction: 0.1 })),
        ],
      ],
    ],
    ['a rate by group of 1', [['risks[0].rate.retired', 1]]],
    ['a women-only risk over groups', [['risks[0].who', 'female']]],
    ['a waiting amount of 0', [['benefits[2].waitingAmount', 0]]],
    ['a waiting amount with waitingDays 0', [['benefits[2].waitingDays', 0]]],
    ['a waiting amount above the amount', [['benefits[2].waitingAmount', 30000]]],
    ['a limit over one benefit', [['limits[0].benefits', ['allowance']]]],
    ['a limit cap of one fen', [['limits[0].cap', 0.01]]],
    ['no limits (an empty list)', [['limits', []]]],
    [
      'two limits, on two risks',
      [['limits[1]', { id: 'critical-total', benefits: ['critical'], cap: 30000 }]],
    ],
    ['no format: read as /2', [['format', undefined]]],
  ] as [string, Edit[]][])('%s passes', (_, edits) => {
    const problems = problemsAfter(edits);
    if (edits[0][0] === 'format') {
      expect(problems).toEqual(expected([['format', 'required']]));
      return;
    }
    expect(wordedProblems(problems)).toEqual([]);
  });
});

interface Variant {
  rule: string;
  edits: Edit[];
  problems: Expected[];
}

const variant = (rule: string, edits: Edit[], ...problems: Expected[]): Variant => ({
  rule,
  edits,
  problems,
});

const VARIANTS: Variant[] = [
  // members
  variant(
    'members gives count or groups, not both',
    [['members.count', 5]],
    ['members.groups', 'countAndGroups'],
  ),
  variant(
    'members gives count or groups, not neither',
    [['members.groups', undefined]],
    ['members.count', 'countOrGroups'],
  ),
  variant(
    'beside groups, femaleShare belongs to each group',
    [['members.femaleShare', 0.5]],
    ['members.femaleShare', 'onEachGroup', { field: 'femaleShare' }],
  ),
  variant(
    'beside groups, newShare belongs to each group',
    [['members.newShare', 0.1]],
    ['members.newShare', 'onEachGroup', { field: 'newShare' }],
  ),
  variant(
    'members.groups has at least one group',
    [['members.groups', []]],
    ['members.groups', 'listLength', { min: 1, max: 50 }],
  ),
  variant(
    'a group needs an id (and what names groups is checked once every group has one)',
    [['members.groups[1].id', undefined]],
    ['members.groups[1].id', 'required'],
  ),
  variant(
    'group ids are unique (and the groups named after the first of two are unknown)',
    [['members.groups[1].id', 'in-service']],
    ['members.groups[1].id', 'duplicateId', { id: 'in-service', other: 'members.groups[0]' }],
    ['contributions[1].groups[0]', 'unknownGroup', { known: ['in-service'] }],
    ['risks[0].rate.retired', 'unknownGroup', { known: ['in-service'] }],
  ),
  variant(
    'a group id cannot be __proto__',
    [['members.groups[1].id', '__proto__']],
    ['members.groups[1].id', 'reservedGroupId', { id: '__proto__' }],
  ),
  variant(
    'a group count is at least 1',
    [['members.groups[1].count', 0]],
    ['members.groups[1].count', 'intRange', { min: 1, max: 100_000_000 }],
  ),
  variant(
    'a group count is a whole number',
    [['members.groups[1].count', 2.5]],
    ['members.groups[1].count', 'intRange', { min: 1, max: 100_000_000 }],
  ),
  variant(
    'the groups together have at most 100,000,000 members',
    [['members.groups[0].count', 100_000_000 - 260_000 + 1]],
    ['members.groups', 'totalMembers', { max: 100_000_000 }],
  ),
  variant(
    'a group’s femaleShare is at most 1',
    [['members.groups[1].femaleShare', 1.01]],
    ['members.groups[1].femaleShare', 'range', { min: 0, max: 1 }],
  ),
  variant(
    'a typo in a group is an unknown field',
    [['members.groups[1].Count', 5]],
    ['members.groups[1].Count', 'unknownField'],
  ),
  // holdings
  variant(
    'shares are at most 100',
    [['members.groups[0].holdings[1].shares', 101]],
    ['members.groups[0].holdings[1].shares', 'intRange', { min: 1, max: 100 }],
  ),
  variant(
    'shares are at least 1',
    [['members.groups[0].holdings[0].shares', 0]],
    ['members.groups[0].holdings[0].shares', 'intRange', { min: 1, max: 100 }],
  ),
  variant(
    'shares are whole',
    [['members.groups[0].holdings[1].shares', 1.5]],
    ['members.groups[0].holdings[1].shares', 'intRange', { min: 1, max: 100 }],
  ),
  variant(
    'two holdings hold different numbers of shares',
    [['members.groups[0].holdings[1].shares', 1]],
    [
      'members.groups[0].holdings[1].shares',
      'duplicateShares',
      { shares: 1, other: 'members.groups[0].holdings[0]' },
    ],
  ),
  variant(
    'a fraction is greater than 0 (and the sum is then not checked)',
    [
      ['members.groups[0].holdings[1].fraction', 0],
      ['members.groups[0].holdings[0].fraction', 1],
    ],
    ['members.groups[0].holdings[1].fraction', 'greaterThanAtMost', { min: 0, max: 1 }],
  ),
  variant(
    'fractions summing to 1 + 2e-9 are refused, with their sum',
    [['members.groups[0].holdings[1].fraction', 0.2 + 2e-9]],
    ['members.groups[0].holdings', 'holdingsSum', { sum: 1.000000002 }],
  ),
  variant(
    'fractions summing to 1 − 2e-9 are refused, with their sum',
    [['members.groups[0].holdings[1].fraction', 0.2 - 2e-9]],
    ['members.groups[0].holdings', 'holdingsSum', { sum: 0.999999998 }],
  ),
  variant(
    'fractions summing to 0.9 are refused',
    [['members.groups[0].holdings[1].fraction', 0.1]],
    ['members.groups[0].holdings', 'holdingsSum', { sum: 0.9 }],
  ),
  variant(
    'holdings has at least one entry',
    [['members.groups[0].holdings', []]],
    ['members.groups[0].holdings', 'listLength', { min: 1, max: 100 }],
  ),
  // contributions
  variant(
    'a contribution names groups that exist',
    [['contributions[0].groups', ['in-service', 'retire']]],
    ['contributions[0].groups[1]', 'unknownGroup', { known: GROUPS }],
  ),
  variant(
    'a contribution names a group once',
    [['contributions[0].groups', ['in-service', 'in-service']]],
    ['contributions[0].groups[1]', 'namedTwice', { id: 'in-service', other: 'contributions[0].groups[0]' }],
  ),
  variant(
    'a contribution’s groups are not empty',
    [['contributions[0].groups', []]],
    ['contributions[0].groups', 'listLength', { min: 1, max: 50 }],
  ),
  variant(
    'perShare is true or false',
    [['contributions[0].perShare', 'yes']],
    ['contributions[0].perShare', 'mustBeBoolean'],
  ),
  // risks and rates
  variant(
    'a risk names groups that exist',
    [['risks[1].groups', ['in-service', 'nobody']]],
    ['risks[1].groups[1]', 'unknownGroup', { known: GROUPS }],
  ),
  variant(
    'a risk names a group once',
    [['risks[1].groups', ['in-service', 'in-service']]],
    ['risks[1].groups[1]', 'namedTwice', { id: 'in-service', other: 'risks[1].groups[0]' }],
  ),
  variant(
    'a rate by group has a rate for every exposed group',
    [['risks[0].rate', { 'in-service': 0.03 }]],
    ['risks[0].rate.retired', 'rateForGroup', { group: 'retired' }],
  ),
  variant(
    'a rate by group names no group the risk does not expose',
    [['risks[1].rate', { 'in-service': 0.003, retired: 0.001 }]],
    ['risks[1].rate.retired', 'groupNotExposed', { group: 'retired' }],
  ),
  variant(
    'a rate by group names no unknown group',
    [['risks[0].rate.pensioners', 0.01]],
    ['risks[0].rate.pensioners', 'unknownGroup', { known: GROUPS }],
  ),
  variant(
    'a missing group and a group too many are both reported, each at its path',
    [['risks[0].rate', { 'in-service': 0.03, retire: 0.09 }]],
    ['risks[0].rate.retire', 'unknownGroup', { known: GROUPS }],
    ['risks[0].rate.retired', 'rateForGroup', { group: 'retired' }],
  ),
  variant(
    'a risk’s groups are not empty (and its rate by group is then checked no further)',
    [['risks[0].groups', []]],
    ['risks[0].groups', 'listLength', { min: 1, max: 50 }],
  ),
  variant(
    'a risk exposing one group needs a rate for that group only',
    [['risks[0].groups', ['retired']]],
    ['risks[0].rate.in-service', 'groupNotExposed', { group: 'in-service' }],
  ),
  variant(
    'a rate by group is greater than 0',
    [['risks[0].rate.retired', 0]],
    ['risks[0].rate.retired', 'greaterThanAtMost', { min: 0, max: 1 }],
  ),
  variant(
    'a rate by group is at most 1',
    [['risks[0].rate.retired', 1.000001]],
    ['risks[0].rate.retired', 'greaterThanAtMost', { min: 0, max: 1 }],
  ),
  variant(
    'a rate by group is a number',
    [['risks[0].rate.retired', '0.09']],
    ['risks[0].rate.retired', 'mustBeNumber'],
  ),
  variant(
    'a single rate is still at most 1',
    [['risks[1].rate', 2]],
    ['risks[1].rate', 'greaterThanAtMost', { min: 0, max: 1 }],
  ),
  variant(
    'a rate is a number or an object',
    [['risks[1].rate', 'high']],
    ['risks[1].rate', 'rateNumberOrGroups'],
  ),
  variant('a rate is not a list', [['risks[1].rate', [0.1]]], ['risks[1].rate', 'rateNumberOrGroups']),
  // benefits
  variant(
    'a waiting amount needs waitingDays',
    [['benefits[2].waitingDays', undefined]],
    ['benefits[2].waitingAmount', 'waitingAmountNeedsWaitingDays'],
  ),
  variant(
    'a waiting amount is not negative',
    [['benefits[2].waitingAmount', -1]],
    ['benefits[2].waitingAmount', 'atLeast', { min: 0 }],
  ),
  variant(
    'a waiting amount is money (2 decimals)',
    [['benefits[2].waitingAmount', 0.001]],
    ['benefits[2].waitingAmount', 'moneyDecimals'],
  ),
  variant(
    'only a lump sum has a waiting amount',
    [['benefits[0].waitingAmount', 100]],
    ['benefits[0].waitingAmount', 'waitingAmountLumpSumOnly'],
  ),
  variant(
    'a benefit’s perShare is true or false',
    [['benefits[1].perShare', 1]],
    ['benefits[1].perShare', 'mustBeBoolean'],
  ),
  // limits
  variant(
    'limit ids are unique',
    [['limits[1]', { id: 'inpatient-total', benefits: ['critical'], cap: 100 }]],
    ['limits[1].id', 'duplicateId', { id: 'inpatient-total', other: 'limits[0]' }],
  ),
  variant(
    'a limit names benefits that exist',
    [['limits[0].benefits', ['self-pay', 'allowence']]],
    ['limits[0].benefits[1]', 'unknownBenefit', { known: BENEFITS }],
  ),
  variant(
    'a limit names a benefit once',
    [['limits[0].benefits', ['self-pay', 'allowance', 'self-pay']]],
    ['limits[0].benefits[2]', 'namedTwice', { id: 'self-pay', other: 'limits[0].benefits[0]' }],
  ),
  variant(
    'a limit names at least one benefit',
    [['limits[0].benefits', []]],
    ['limits[0].benefits', 'listLength', { min: 1, max: 50 }],
  ),
  variant(
    'a benefit belongs to at most one limit',
    [['limits[1]', { id: 'allowance-only', benefits: ['allowance'], cap: 100 }]],
    ['limits[1].benefits[0]', 'benefitInTwoLimits', { benefit: 'allowance', other: 'limits[0]' }],
  ),
  variant(
    'a limit across risks is refused',
    [['limits[0].benefits', ['self-pay', 'allowance', 'critical']]],
    [
      'limits[0].benefits[2]',
      'limitAcrossRisks',
      { benefit: 'critical', risk: 'critical', first: 'self-pay', firstRisk: 'inpatient' },
    ],
  ),
  variant(
    'a limit’s cap is greater than 0',
    [['limits[0].cap', 0]],
    ['limits[0].cap', 'greaterThan', { min: 0 }],
  ),
  variant('a limit’s cap is money', [['limits[0].cap', 100.001]], ['limits[0].cap', 'moneyDecimals']),
  variant('a limit needs a cap', [['limits[0].cap', undefined]], ['limits[0].cap', 'required']),
  variant(
    'a limit’s perShare is true or false',
    [['limits[0].perShare', null]],
    ['limits[0].perShare', 'mustBeBoolean'],
  ),
  variant(
    'at most 50 limits',
    [['limits', Array.from({ length: 51 }, (_, i) => ({ id: `l${i}`, benefits: ['critical'], cap: 1 }))]],
    ['limits', 'listLength', { min: 0, max: 50 }],
  ),
  // the file
  variant(
    'format is one of the two',
    [['format', 'huzhu-scenario/3']],
    ['format', 'oneOf', { options: ['huzhu-scenario/1', 'huzhu-scenario/2'] }],
  ),
];

describe('each rule of /2 has a broken variant refused at its path with its code', () => {
  it.each(VARIANTS)('$rule', async ({ edits, problems }) => {
    expect(problemsAfter(edits, example2(), await freshValidate())).toEqual(expected(problems));
  });
});

describe('every problem of a /2 file at once, in document order, worded', () => {
  it('lists problems of groups, holdings, rates, waiting amounts and limits together', () => {
    const problems = problemsAfter([
      ['limits[0].benefits', ['self-pay', 'critical']],
      ['benefits[2].waitingDays', undefined],
      ['risks[0].rate', { 'in-service': 0.03 }],
      ['members.groups[0].holdings[1].fraction', 0.3],
      ['members.groups[1].id', 'in-service'],
    ]);
    expect(wordedProblems(problems)).toEqual([
      { path: 'members.groups[0].holdings', message: 'the fractions must add up to 1 (they add up to 1.1)' },
      { path: 'members.groups[1].id', message: 'duplicate id "in-service" (also members.groups[0])' },
      {
        path: 'contributions[1].groups[0]',
        message: 'names no group in members.groups (known: in-service)',
      },
      {
        path: 'benefits[2].waitingAmount',
        message: 'needs waitingDays (it is what an event in the waiting period pays)',
      },
      {
        path: 'limits[0].benefits[1]',
        message:
          'benefit "critical" pays for risk "critical", but "self-pay" pays for risk "inpatient": a limit covers ' +
          'the benefits of one risk (a limit across risks needs a model of one member’s claims across risks, ' +
          'which the format does not define)',
      },
    ]);
  });

  it('words a rate problem in Chinese', () => {
    expect(wordedProblems(problemsAfter([['risks[0].rate', { 'in-service': 0.03 }]]), 'zh')).toEqual([
      { path: 'risks[0].rate.retired', message: '必填（该风险覆盖人群 "retired"）' },
    ]);
  });

  it('quotes a group id that is not a plain name in a path', () => {
    const base = example2();
    setAt(base, 'members.groups[1].id', 'retired staff');
    setAt(base, 'contributions[1].groups', ['retired staff']);
    expect(problemsAfter([['risks[0].rate', { 'in-service': 0.03 }]], base)).toEqual(
      expected([['risks[0].rate["retired staff"]', 'rateForGroup', { group: 'retired staff' }]]),
    );
  });
});

// ---- /1 files ---------------------------------------------------------------------------------

/** The `/1` reference example (src/io/example.ts) after `edits`. */
function problems1(edits: Edit[], validate: Validate = validateScenario): ScenarioProblem[] {
  const r = validate(edited(JSON.parse(SPEC_EXAMPLE_TEXT) as Record<string, Json>, edits));
  return r.ok ? [] : r.problems;
}

describe('a /1 file is read as /1', () => {
  it.each([
    ['members.groups', [['members.groups', [{ id: 'a', count: 5 }]]], 'groups'],
    ['contributions[0].perShare', [['contributions[0].perShare', true]], 'perShare'],
    ['contributions[0].groups', [['contributions[0].groups', ['all']]], 'groups'],
    ['risks[1].groups', [['risks[1].groups', ['all']]], 'groups'],
    ['benefits[0].perShare', [['benefits[0].perShare', false]], 'perShare'],
    ['benefits[2].waitingAmount', [['benefits[2].waitingAmount', 1000]], 'waitingAmount'],
    ['limits', [['limits', []]], 'limits'],
  ] as [string, Edit[], string][])(
    '%s in a /1 file is refused, naming the field and format /2',
    async (path, edits, name) => {
      expect(problems1(edits, await freshValidate())).toEqual(
        expected([[path, 'needsFormat2', { field: name }]]),
      );
    },
  );

  it('a rate by group in a /1 file is refused as needing /2', async () => {
    expect(problems1([['risks[0].rate', { all: 0.04 }]], await freshValidate())).toEqual(
      expected([['risks[0].rate', 'rateByGroupNeedsFormat2']]),
    );
    expect(wordedProblems(problems1([['risks[0].rate', { all: 0.04 }]]))).toEqual([
      {
        path: 'risks[0].rate',
        message: 'a rate by group needs format huzhu-scenario/2 (in huzhu-scenario/1 a rate is a number)',
      },
    ]);
  });

  it('a /1 file with groups in place of count is told both: groups needs /2 and count is required', () => {
    expect(wordedProblems(problems1([['members', { groups: [{ id: 'all', count: 720000 }] }]]))).toEqual([
      {
        path: 'members.groups',
        message:
          '"groups" needs format huzhu-scenario/2 (this file says huzhu-scenario/1; change "format" to use it)',
      },
      { path: 'members.count', message: 'is required' },
    ]);
  });

  it('a /1 rate that is not a number reads as before', async () => {
    const validate = await freshValidate();
    expect(problems1([['risks[0].rate', 'x']], validate)).toEqual(
      expected([['risks[0].rate', 'mustBeNumber']]),
    );
    expect(problems1([['risks[0].rate', 2]])).toEqual(
      expected([['risks[0].rate', 'greaterThanAtMost', { min: 0, max: 1 }]]),
    );
  });

  it('the /2 spec example labelled /1 is refused field by field', async () => {
    const fresh = await freshValidate();
    const paths = problemsAfter([['format', 'huzhu-scenario/1']], example2(), fresh).map(
      (p) => `${p.path} ${p.code}`,
    );
    expect(paths).toEqual([
      'members.groups needsFormat2',
      'members.count required',
      'contributions[0].perShare needsFormat2',
      'contributions[0].groups needsFormat2',
      'contributions[1].groups needsFormat2',
      'risks[0].rate rateByGroupNeedsFormat2',
      'risks[1].groups needsFormat2',
      'benefits[0].perShare needsFormat2',
      'benefits[2].perShare needsFormat2',
      'benefits[2].waitingAmount needsFormat2',
      'limits needsFormat2',
    ]);
  });
});

// ---- /1 and /2 mean the same -------------------------------------------------------------------

describe('a /1 file and its /2 rewrites are the same scheme', () => {
  const scenarios = new URL('../../scenarios/', import.meta.url);
  const bundled = [
    'beijing-light-illness-2021.json',
    'hangzhou-2016.json',
    'jiaxing-2015.json',
    'wenzhou-2015.json',
  ];

  it.each(bundled)('scenarios/%s relabelled /2 validates to the same scenario and scheme', (file) => {
    const text = readFileSync(new URL(file, scenarios), 'utf8');
    const as1 = load(text);
    const as2 = load(text.replace('"huzhu-scenario/1"', '"huzhu-scenario/2"'));
    expect(as2).toEqual({ ...as1, format: 'huzhu-scenario/2' });
    expect(resolveScheme(as2)).toEqual(resolveScheme(as1));
  });

  it('the reference /1 file and the same scheme with every /2 field at its default resolve alike', () => {
    const as1 = resolveScheme(load(SPEC_EXAMPLE_TEXT));
    const as2 = resolveScheme(load(fixture('hangzhou-2016-as-groups.json')));
    // what the /2 file spells out is exactly what the /1 file leaves to the defaults
    expect(as2).toEqual(as1);
    expect(as1.groups).toEqual([
      { id: 'all', count: 720000, femaleShare: 0.5, newShare: 0.1, holdings: [{ shares: 1, fraction: 1 }] },
    ]);
    expect(as1.risks.map((r) => r.rates)).toEqual([{ all: 0.04 }, { all: 0.02 }]);
  });

  it('the spec’s /2 example resolves as the spec says', () => {
    const s = resolveScheme(load(SPEC_2));
    expect(s.groups.map((g) => [g.id, g.count, g.femaleShare, g.newShare, g.holdings])).toEqual([
      [
        'in-service',
        1_000_000,
        0.45,
        0.1,
        [
          { shares: 1, fraction: 0.8 },
          { shares: 2, fraction: 0.2 },
        ],
      ],
      ['retired', 260_000, 0.5, 0, [{ shares: 1, fraction: 1 }]],
    ]);
    expect(s.contributions.map((c) => [c.payer, c.perShare, c.groups])).toEqual([
      ['member', true, ['in-service']],
      ['union', false, ['retired']],
    ]);
    expect(s.risks.map((r) => [r.id, r.groups, r.rates])).toEqual([
      ['inpatient', GROUPS, { 'in-service': 0.03, retired: 0.09 }],
      ['critical', ['in-service'], { 'in-service': 0.003 }],
    ]);
    expect(s.limits).toEqual([
      {
        id: 'inpatient-total',
        benefits: ['self-pay', 'allowance'],
        cap: 40000,
        perShare: true,
        risk: 'inpatient',
      },
    ]);
  });
});
