/**
 * The zod 4 definitions of `huzhu-scenario/1` and its superset `huzhu-scenario/2`
 * (docs/scenario-format.md): types, required fields, value ranges and the shape of each risk,
 * distribution, benefit, group and limit. Objects are strict, so a typo (`upto`) is an unknown
 * field. What spans several fields (unique ids, a benefit's risk, bands in ascending order,
 * cv² > 1/mean, count or groups, holdings summing to 1, a rate for each exposed group, a limit's
 * benefits on one risk) is checked in crossChecks.ts and groupChecks.ts.
 *
 * `buildScenarioSchema(1)` is `/1` exactly as it always was (validate.ts uses it for a file whose
 * format is `huzhu-scenario/1`, and words the `/2` fields it finds there); `buildScenarioSchema(2)`
 * adds the `/2` fields and accepts either format (for every other file, and for the JSON Schema).
 *
 * Every range check carries its own code and parameters (`zodMessage('intRange', { min, max })`,
 * src/domain/validation.ts; the words are in src/messages/validation.ts), so one schema serves
 * every screen. Codes for wrong types, missing and unknown fields come from the error map in
 * zodIssues.ts. Key order in each object is the spec's, which is also the order in which missing
 * fields are reported.
 *
 * Ranges (beyond the spec's types) are the project's guards against typos: see `LIMITS`.
 */
import * as z from 'zod';
import { SCENARIO_FORMAT_1, SCENARIO_FORMAT_2, type Scenario } from '../domain/scenario.ts';
import { codePointLength } from './codePointLength.ts';
import { MAX_MONEY, hasAtMostTwoDecimals } from './money.ts';
import { errorMap, zodMessage } from './zodIssues.ts';

/** Sizes and ranges the validator enforces beyond the spec's types. */
export const LIMITS = {
  nameLength: 200,
  textLength: 20_000,
  payerLength: 50,
  idLength: 64,
  seedLength: 200,
  /** Members of one group, and of all groups together. */
  members: 100_000_000,
  groups: 50,
  /** Holdings of one group: at most one for each number of shares. */
  holdings: 100,
  shares: 100,
  limits: 50,
  contributions: 20,
  risks: 50,
  benefits: 50,
  bands: 100,
  empiricalValues: 1_000_000,
  mean: 1e9,
  /** Pareto scale: like a mean, a typical cost (past ~1e154 the squares of the totals overflow). */
  paretoScale: 1e9,
  /** One empirical cost, in yuan. */
  costValue: MAX_MONEY,
  costCv: 100,
  /**
   * A gamma cost's smallest cv other than 0 (a point mass): shape 1/cv² = 10,000. The incomplete
   * gamma function costs O(√shape), so a sampling table takes 0.7 s at cv 0.01, 4 s at 0.001 and
   * a minute at 0.0001; below 1e-154 the shape overflows. A lognormal has no such floor.
   */
  gammaCvMin: 0.01,
  /**
   * Days' negative-binomial cv: at mean 366 and cv 20 the days table (plan.ts, 4M entries) still
   * holds the distribution to double precision; past ~cv 50 it loses part of the mean.
   */
  daysCv: 20,
  rateCv: 10,
  paretoShape: 1000,
  days: 366,
  waitingDays: 365,
  trendMin: -1,
  trendMax: 10,
  iterations: { min: 100, max: 1_000_000 },
  years: { min: 1, max: 50 },
  confidence: { min: 0.5, max: 0.9999 },
  money: MAX_MONEY,
} as const;

// ---- numbers -------------------------------------------------------------------------------

/** An integer in [min, max]; one message for every way to miss. */
function intIn(min: number, max: number) {
  const error = zodMessage('intRange', { min, max });
  return z.number().int({ error }).gte(min, { error }).lte(max, { error });
}

/** A number in [min, max]. */
function between(min: number, max: number) {
  const error = zodMessage('range', { min, max });
  return z.number().gte(min, { error }).lte(max, { error });
}

/** A number in (min, max]. */
function aboveAtMost(min: number, max: number, base = z.number()) {
  const error = zodMessage('greaterThanAtMost', { min, max });
  return base.gt(min, { error }).lte(max, { error });
}

/** A number > min (and ≤ max when given, with a message of its own for each side). */
function above(min: number, max?: number) {
  const low = z.number().gt(min, { error: zodMessage('greaterThan', { min }) });
  return max === undefined ? low : low.lte(max, { error: zodMessage('atMost', { max }) });
}

/** Yuan: ≥ 0 (or > 0 when `positive`), ≤ MAX_MONEY, at most 2 decimals. */
function money(positive = false, base = z.number()) {
  const low = positive
    ? base.gt(0, { error: zodMessage('greaterThan', { min: 0 }) })
    : base.gte(0, { error: zodMessage('atLeast', { min: 0 }) });
  return low
    .lte(MAX_MONEY, { error: zodMessage('atMost', { max: MAX_MONEY }) })
    .refine(hasAtMostTwoDecimals, { error: zodMessage('moneyDecimals') });
}

/** A number inside `.nullable()`: text or a list there `must be a number or null`. */
function numberOrNull() {
  const wrongType = (input: unknown) => input !== undefined && typeof input !== 'number';
  return z.number({
    error: (iss) =>
      iss.code === 'invalid_type' && wrongType(iss.input) ? zodMessage('mustBeNumberOrNull') : undefined,
  });
}

// ---- text and lists --------------------------------------------------------------------------

/** Text of min..max code points; `notBlank` also refuses only-whitespace text. */
function text(min: number, max: number, notBlank = false) {
  const error = min > 0 ? zodMessage('textLength', { min, max }) : zodMessage('textMax', { max });
  let s = z.string().refine(
    (v) => {
      const n = codePointLength(v);
      return n >= min && n <= max;
    },
    { error },
  );
  if (notBlank) s = s.refine((v) => v.length === 0 || /\S/u.test(v), { error: zodMessage('blank') });
  return s.meta({
    ...(min > 0 ? { minLength: min } : {}),
    maxLength: max,
    ...(notBlank ? { pattern: '\\S' } : {}),
  });
}

/** A list of min..max items. */
function list<T extends z.ZodType>(item: T, min: number, max: number) {
  const error = zodMessage('listLength', { min, max });
  return z.array(item).min(min, { error }).max(max, { error });
}

/** At most this many bad entries of one `values` list are reported; the rest are counted. */
export const MAX_VALUE_PROBLEMS = 100;

/**
 * An empirical `values` list (up to a million numbers). zod gathers a child's issues with
 * `push(...issues)`, which overflows the call stack past some 100,000 issues, so a long list is
 * first parsed on its own and only its first `MAX_VALUE_PROBLEMS` bad entries are reported,
 * then one `and N more values are not valid` at the list's path.
 */
function valueList(item: z.ZodNumber, max: number) {
  const whole = list(item, 1, max);
  return z.preprocess((input, ctx) => {
    if (!Array.isArray(input) || input.length <= MAX_VALUE_PROBLEMS || input.length > max) return input;
    const parsed = whole.safeParse(input, { error: errorMap });
    if (parsed.success) return input;
    const issues = parsed.error.issues;
    for (const iss of issues.slice(0, MAX_VALUE_PROBLEMS))
      ctx.addIssue({ code: 'custom', path: iss.path, message: iss.message, input: undefined });
    if (issues.length > MAX_VALUE_PROBLEMS) {
      ctx.addIssue({
        code: 'custom',
        message: zodMessage('moreValueProblems', { count: issues.length - MAX_VALUE_PROBLEMS }),
        input: undefined,
      });
    }
    return input;
  }, whole);
}

// ---- distributions ---------------------------------------------------------------------------

function costDist() {
  const meanCv = <D extends 'lognormal' | 'gamma'>(dist: D, cv = between(0, LIMITS.costCv)) =>
    z.strictObject({ dist: z.literal(dist), mean: aboveAtMost(0, LIMITS.mean), cv });
  const gammaCv = between(0, LIMITS.costCv).refine((v) => v === 0 || v >= LIMITS.gammaCvMin, {
    error: zodMessage('atLeast', { min: LIMITS.gammaCvMin }),
  });
  const pareto = z.strictObject({
    dist: z.literal('pareto'),
    scale: above(0, LIMITS.paretoScale),
    shape: z
      .number()
      .gt(1, { error: zodMessage('paretoShape') })
      .lte(LIMITS.paretoShape, { error: zodMessage('atMost', { max: LIMITS.paretoShape }) }),
  });
  const empirical = z.strictObject({
    dist: z.literal('empirical'),
    values: valueList(above(0, LIMITS.costValue), LIMITS.empiricalValues),
  });
  return z
    .discriminatedUnion('dist', [meanCv('lognormal'), meanCv('gamma', gammaCv), pareto, empirical])
    .meta({
      description: 'cumulative self-paid cost of one claimant in one period (yuan)',
    });
}

function daysDist() {
  const day = () => intIn(0, LIMITS.days);
  return z
    .discriminatedUnion('dist', [
      z.strictObject({ dist: z.literal('poisson'), mean: between(0, LIMITS.days) }),
      z.strictObject({
        dist: z.literal('negative-binomial'),
        mean: aboveAtMost(0, LIMITS.days),
        cv: above(0, LIMITS.daysCv),
      }),
      z.strictObject({ dist: z.literal('fixed'), value: day() }),
      z.strictObject({ dist: z.literal('empirical'), values: valueList(day(), LIMITS.empiricalValues) }),
    ])
    .meta({ description: 'days in hospital of one claimant in one period' });
}

// ---- risks and benefits ----------------------------------------------------------------------

/**
 * A field that only `/2` has, as the `/1` schema reads it: refused with `needsFormat2`, which
 * names it (rather than as an unknown field), so that a `/1` file using it is told what to change.
 */
function needs2(field: string) {
  return z.never({ error: zodMessage('needsFormat2', { field }) }).optional();
}

/** A field that only `/2` has: `schema` in `/2`, refused naming format `/2` in `/1`. */
function only2<T extends z.ZodType>(version: 1 | 2, field: string, schema: () => T) {
  return version === 2 ? schema() : needs2(field);
}

/** A `/1` rate: an object there is a rate by group, which needs `/2`. */
const rateByGroupIn1 = z.number({
  error: (iss) =>
    iss.code === 'invalid_type' &&
    typeof iss.input === 'object' &&
    iss.input !== null &&
    !Array.isArray(iss.input)
      ? zodMessage('rateByGroupNeedsFormat2')
      : undefined,
});

/** Group ids (`contributions[].groups`, `risks[].groups`): which exist is checked in groupChecks.ts. */
function groupList(description: string) {
  return list(z.string(), 1, LIMITS.groups).optional().meta({ description });
}

/** `/2`: a rate is a number or an object of rates by group. */
function rate2() {
  const one = aboveAtMost(0, 1);
  return z.union([one, z.record(z.string(), one)], { error: zodMessage('rateNumberOrGroups') }).meta({
    description:
      'claimants (or events) per member per period: one for every exposed group, ' +
      'or { groupId: rate } naming exactly the exposed groups',
  });
}

function risk(version: 1 | 2) {
  const common = {
    id: text(1, LIMITS.idLength).meta({ description: 'unique among risks; benefits name it' }),
    who: z
      .enum(['all', 'female'])
      .optional()
      .meta({ description: 'who is exposed: all members (default) or women only' }),
    rate: aboveAtMost(0, 1, rateByGroupIn1).meta({
      description: 'claimants (or events) per member per period',
    }),
    rateCv: between(0, LIMITS.rateCv)
      .optional()
      .meta({ description: 'year-to-year uncertainty of the rate' }),
  };
  const { id, who, rateCv } = common;
  const notHere = () => z.never({ error: zodMessage('notOnEventRisk') }).optional();
  const exposure = {
    who,
    groups: only2(version, 'groups', () => groupList('the groups exposed (default: every group)')),
    rate: version === 1 ? common.rate : rate2(),
  };
  const cost = z.strictObject({
    id,
    kind: z
      .literal('cost')
      .meta({ description: 'claimants run up a cumulative self-paid cost (and days in hospital)' }),
    ...exposure,
    rateCv,
    cost: costDist(),
    days: daysDist().optional(),
  });
  const event = z.strictObject({
    id,
    kind: z.literal('event').meta({ description: 'each member has a Poisson number of events (diagnoses)' }),
    ...exposure,
    rateCv,
    cost: notHere(),
    days: notHere(),
  });
  return z.discriminatedUnion('kind', [cost, event]);
}

function benefit(version: 1 | 2) {
  const id = text(1, LIMITS.idLength).meta({ description: 'unique among benefits' });
  const perShare = only2(version, 'perShare', () =>
    z
      .boolean()
      .optional()
      .meta({ description: 'a holder of k shares is paid k × the one-share amount (default false)' }),
  );
  const noWaitingAmount = only2(version, 'waitingAmount', () =>
    z.never({ error: zodMessage('waitingAmountLumpSumOnly') }).optional(),
  );
  const risk = z.string().meta({ description: 'id of the risk this benefit pays for' });
  const cap = money()
    .optional()
    .meta({ description: 'at most this much per claimant (or member) per period' });
  const band = z.strictObject({
    upTo: money(true, numberOrNull()).nullable().meta({
      description: 'upper end of the band above the deductible; null = no upper end (last band only)',
    }),
    rate: between(0, 1),
  });
  return z.discriminatedUnion('type', [
    z.strictObject({
      id,
      risk,
      type: z.literal('bands').meta({ description: 'a share of the cost in each band, on a cost risk' }),
      deductible: money().optional().meta({ description: 'bands start above this cost (default 0)' }),
      bands: list(band, 1, LIMITS.bands).meta({ description: 'consecutive from 0, upTo ascending' }),
      cap,
      perShare,
      waitingAmount: noWaitingAmount,
    }),
    z.strictObject({
      id,
      risk,
      type: z
        .literal('steps')
        .meta({ description: 'perStep for each full step of cost above from, on a cost risk' }),
      from: money(),
      step: money(true),
      perStep: money(true),
      cap,
      perShare,
      waitingAmount: noWaitingAmount,
    }),
    z.strictObject({
      id,
      risk,
      type: z
        .literal('daily')
        .meta({ description: 'perDay for each day in hospital, on a cost risk with days' }),
      perDay: money(true),
      maxDays: intIn(1, LIMITS.days).optional().meta({ description: 'at most this many days are paid' }),
      perShare,
      waitingAmount: noWaitingAmount,
    }),
    z.strictObject({
      id,
      risk,
      type: z.literal('lump-sum').meta({ description: 'amount for each event, on an event risk' }),
      amount: money(true),
      cap,
      waitingDays: intIn(0, LIMITS.waitingDays)
        .optional()
        .meta({ description: 'events of new members in their first days are not paid' }),
      waitingAmount: only2(version, 'waitingAmount', () =>
        money()
          .optional()
          .meta({ description: 'what an event in a new member’s waiting period pays instead (default 0)' }),
      ),
      perShare,
    }),
  ]);
}

// ---- format /2: members in groups, limits ------------------------------------------------------

function members(version: 1 | 2) {
  const share = (description: string) => between(0, 1).optional().meta({ description });
  const count = intIn(1, LIMITS.members).meta({ description: 'members in the first period' });
  const femaleShare = share('share of women (default 0.5)');
  const newShare = share('share of members in their first period (default 0)');
  if (version === 1) return z.strictObject({ count, femaleShare, newShare, groups: needs2('groups') });
  const holding = z.strictObject({
    shares: intIn(1, LIMITS.shares).meta({ description: 'shares (份) held' }),
    fraction: aboveAtMost(0, 1).meta({ description: 'share of the group’s members; they sum to 1' }),
  });
  const group = z.strictObject({
    id: text(1, LIMITS.idLength)
      .refine((v) => v !== '__proto__', { error: zodMessage('reservedGroupId', { id: '__proto__' }) })
      .meta({ description: 'unique among groups; contributions, risks and rates name it' }),
    count,
    femaleShare,
    newShare,
    holdings: list(holding, 1, LIMITS.holdings)
      .optional()
      .meta({ description: 'how many shares its members hold (default: one each)' }),
  });
  return z
    .strictObject({
      count: count.optional(),
      femaleShare,
      newShare,
      groups: list(group, 1, LIMITS.groups)
        .optional()
        .meta({ description: 'groups of members with their own rates and contributions' }),
    })
    .meta({ oneOf: [{ required: ['count'] }, { required: ['groups'] }] });
}

function contribution(version: 1 | 2) {
  const fields = {
    payer: text(1, LIMITS.payerLength).meta({
      description: 'member, employer, union, government or any other label',
    }),
    amount: money().meta({ description: 'yuan per member (or per share) per period' }),
  };
  return z.strictObject({
    ...fields,
    perShare: only2(version, 'perShare', () =>
      z
        .boolean()
        .optional()
        .meta({ description: 'a member holding k shares pays k × amount (default false)' }),
    ),
    groups: only2(version, 'groups', () => groupList('the groups that pay it (default: every group)')),
  });
}

function limit() {
  return z.strictObject({
    id: text(1, LIMITS.idLength).meta({ description: 'unique among limits' }),
    benefits: list(z.string(), 1, LIMITS.benefits).meta({
      description: 'ids of benefits, all on one risk, each in at most one limit',
    }),
    cap: money(true).meta({ description: 'one claimant’s total from these benefits per period' }),
    perShare: z.boolean().optional().meta({ description: 'the cap is per share held (default false)' }),
  });
}

// ---- the file ---------------------------------------------------------------------------------

/** Builds the schema of format `version`. */
export function buildScenarioSchema<V extends 1 | 2>(version: V) {
  const trend = () => aboveAtMost(LIMITS.trendMin, LIMITS.trendMax).optional();
  const freeText = (description: string) => text(0, LIMITS.textLength).optional().meta({ description });
  return z.strictObject({
    format: version === 1 ? z.literal(SCENARIO_FORMAT_1) : z.enum([SCENARIO_FORMAT_1, SCENARIO_FORMAT_2]),
    $schema: z.string().optional().meta({ description: 'where an editor finds this schema' }),
    name: text(1, LIMITS.nameLength, true).meta({
      description: 'shown everywhere; any text, 1–200 characters',
    }),
    period: freeText('which period, e.g. "2016"'),
    source: freeText('where the figures came from'),
    notes: freeText('anything else'),
    members: members(version),
    contributions: list(contribution(version), 1, LIMITS.contributions),
    fund: z
      .strictObject({
        reserve: money().optional().meta({ description: 'money in the fund at the start (default 0)' }),
        backstop: money()
          .optional()
          .meta({ description: 'backstop (托底资金) available each period, drawn only to cover a deficit' }),
        expenseRate: z
          .number()
          .gte(0, { error: zodMessage('expenseRate') })
          .lt(1, { error: zodMessage('expenseRate') })
          .optional()
          .meta({ description: 'share of income spent on running the scheme (default 0)' }),
      })
      .optional(),
    risks: list(risk(version), 1, LIMITS.risks).meta({ description: 'what can happen to members' }),
    benefits: list(benefit(version), 1, LIMITS.benefits).meta({ description: 'what the scheme pays' }),
    limits: only2(version, 'limits', () =>
      list(limit(), 0, LIMITS.limits)
        .optional()
        .meta({ description: 'caps on one claimant’s total from several benefits of one risk' }),
    ),
    trend: z
      .strictObject({ members: trend(), contribution: trend(), rate: trend(), cost: trend() })
      .optional()
      .meta({
        description: 'yearly growth for projections past period 1: year t multiplies by (1 + g)^(t−1)',
      }),
    simulation: z
      .strictObject({
        iterations: intIn(LIMITS.iterations.min, LIMITS.iterations.max)
          .optional()
          .meta({ description: 'default 10000' }),
        seed: text(1, LIMITS.seedLength).optional().meta({ description: 'default "huzhu"' }),
        years: intIn(LIMITS.years.min, LIMITS.years.max).optional().meta({ description: 'default 1' }),
        confidence: between(LIMITS.confidence.min, LIMITS.confidence.max)
          .optional()
          .meta({ description: 'default 0.95' }),
      })
      .optional(),
  });
}

export type ScenarioSchema1 = ReturnType<typeof buildScenarioSchema<1>>;
export type ScenarioSchema2 = ReturnType<typeof buildScenarioSchema<2>>;
/** What a successful parse gives; a `Scenario` (checked below). */
export type ParsedScenario = z.output<ScenarioSchema1> | z.output<ScenarioSchema2>;

const built: { 1?: ScenarioSchema1; 2?: ScenarioSchema2 } = {};

/** The schema of `/1` (built once). */
export function scenarioSchema1(): ScenarioSchema1 {
  built[1] ??= buildScenarioSchema(1);
  return built[1];
}

/** The schema of `/2`, which also accepts `/1` files (built once). */
export function scenarioSchema(): ScenarioSchema2 {
  built[2] ??= buildScenarioSchema(2);
  return built[2];
}

/**
 * A parsed file as a `Scenario`. The compiler checks every field but one: `members`, where the
 * schema allows `count` and `groups` together and the cross-checks (groupChecks.ts) refuse a file
 * that does not give exactly one of them, which makes it a `Members`.
 */
export function asScenario(parsed: ParsedScenario): Scenario {
  const { members, ...rest } = parsed;
  const checked: Omit<Scenario, 'members'> = rest;
  return { ...checked, members: members as Scenario['members'] } as Scenario;
}
