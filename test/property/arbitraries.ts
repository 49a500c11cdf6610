/**
 * fast-check arbitraries for scenario files (`huzhu-scenario/1`, and `/2` in `validScenario2`):
 *
 * - `validScenario`: valid files across the whole parameter space: every cost and days
 *   distribution, every benefit type, `who: "female"`, rateCv, waiting days, several risks and
 *   benefits, and the edges of every range (cv 0.01 and 100, rate 1e-6 and 1, Pareto shape 1.01,
 *   one-value empirical lists, 1 and 50,000,000 members). The simulated work is bounded
 *   (`workBudget`): cost-risk rates are scaled down so that at most `claimants` claimants are
 *   expected per period, and the corners whose sampling tables take seconds to build (gamma
 *   cv < 0.01, uncapped steps of a few fen) are left to test/property/extremes.test.ts.
 * - `nearValidScenario`: a valid file with one thing broken, and where the problem must be
 *   reported (`path`): a wrong type, a number out of range, NaN or Infinity, a required field
 *   missing, an unknown field, a duplicate id, a benefit naming a missing risk, bands out of order.
 * - `garbage`: any JSON value or text, deep nesting, huge lists, long and unusual strings,
 *   `__proto__` and `constructor` keys.
 */
import fc from 'fast-check';
import type { Segment } from '../../src/io/path.ts';

export type Doc = Record<string, unknown>;

// ---- numbers --------------------------------------------------------------------------------

/** A number in [min, max] with its edges (and `extra` values) drawn often. */
function num(min: number, max: number, extra: number[] = []): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(min, max, ...extra.filter((v) => v >= min && v <= max)) },
    {
      weight: 3,
      arbitrary: fc
        .double({ min, max, noNaN: true, noDefaultInfinity: true })
        .map((v) => (Object.is(v, -0) ? 0 : v)),
    },
  );
}

/** A number in (min, max]. */
const above = (min: number, max: number, extra: number[] = []) => num(min, max, extra).filter((v) => v > min);

/** Yuan with at most 2 decimals, in [min, max]. */
function money(min: number, max: number): fc.Arbitrary<number> {
  const lo = Math.round(min * 100);
  return fc
    .oneof(
      fc.constantFrom(
        min,
        max,
        Math.max(min, 0.01),
        Math.min(max, 36),
        Math.min(max, 30200),
        Math.min(max, 1e12),
      ),
      fc.integer({ min: lo, max: Math.min(1e9, Math.round(max * 100)) }).map((c) => c / 100),
      fc.integer({ min: Math.ceil(min), max: Math.min(1e9, Math.floor(max)) }),
    )
    .filter((v) => v >= min && v <= max);
}

const int = (min: number, max: number, extra: number[] = []) =>
  fc.oneof(fc.constantFrom(min, max, ...extra), fc.integer({ min, max }));

/** An optional field: present (with a value of `arb`) or absent. */
function optional<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined, freq: 3 });
}

/** An object without its undefined fields (absent, as in a file). */
function record<T extends Record<string, fc.Arbitrary<unknown>>>(fields: T): fc.Arbitrary<Doc> {
  return fc
    .record(fields)
    .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
}

// ---- text -----------------------------------------------------------------------------------

/** Text of 1..max code points, not blank: Chinese, emoji, control characters, line breaks. */
function text(max: number, notBlank = false): fc.Arbitrary<string> {
  const t = fc
    .oneof(
      fc.constantFrom(
        'Hangzhou 2016: city-level table',
        '杭州 2016',
        'inpatient',
        'x',
        'a b',
        'in\npatient',
        '"quoted"\\',
        '💊🏥',
        'Error: at node:internal',
      ),
      fc.string({ minLength: 1, maxLength: Math.min(max, 30) }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: Math.min(max, 30) }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 10) }),
    )
    .filter((s) => [...s].length <= max);
  return notBlank ? t.filter((s) => /\S/u.test(s)) : t;
}

// ---- distributions --------------------------------------------------------------------------

const costDist = fc.oneof(
  record({
    dist: fc.constant('lognormal'),
    mean: above(0, 1e9, [0.01, 4000]),
    cv: num(0, 100, [0.01, 2, 20]),
  }),
  // Gamma cv below 0.01 (shape above 10,000) takes seconds per table: see extremes.test.ts.
  record({
    dist: fc.constant('gamma'),
    mean: above(0, 1e9, [0.01, 4000]),
    cv: fc.oneof(fc.constant(0), num(0.01, 100, [1, 20])),
  }),
  record({ dist: fc.constant('pareto'), scale: above(0, 1e9, [4000]), shape: above(1, 1000, [1.01, 2, 3]) }),
  record({
    dist: fc.constant('empirical'),
    values: fc.oneof(
      fc.array(above(0, 1e12, [5000]), { minLength: 1, maxLength: 1 }),
      fc.array(above(0, 1e12, [100, 5000, 50000]), { minLength: 1, maxLength: 20 }),
    ),
  }),
);

const day = int(0, 366, [1, 9, 15]);

/** cv with cv² > 1/mean and cv ≤ 20 (mean above 1/400). */
const negativeBinomial = fc
  .tuple(num(0.003, 366, [1, 9]), fc.double({ min: 0.001, max: 1, noNaN: true }))
  .map(([mean, u]) => {
    const low = Math.sqrt(1 / mean) * 1.0001;
    return { dist: 'negative-binomial', mean, cv: Math.min(20, low + u * (20 - low)) };
  });

const daysDist = fc.oneof(
  record({ dist: fc.constant('poisson'), mean: num(0, 366, [9]) }),
  negativeBinomial,
  record({ dist: fc.constant('fixed'), value: day }),
  record({ dist: fc.constant('empirical'), values: fc.array(day, { minLength: 1, maxLength: 20 }) }),
);

// ---- risks and benefits ---------------------------------------------------------------------

const riskCommon = {
  who: optional(fc.constantFrom('all', 'female')),
  rate: above(0, 1, [1e-6, 0.04]),
  rateCv: optional(num(0, 10, [0.05, 0.5])),
};

const costRisk = (id: string) =>
  record({
    id: fc.constant(id),
    kind: fc.constant('cost'),
    ...riskCommon,
    cost: costDist,
    days: optional(daysDist),
  });
const eventRisk = (id: string) => record({ id: fc.constant(id), kind: fc.constant('event'), ...riskCommon });

/** Bands: upTo ascending from 0 (in fen, so every sum has 2 decimals), the last one perhaps null. */
const bands = fc
  .tuple(
    fc.array(fc.tuple(fc.integer({ min: 1, max: 5_000_000 }), num(0, 1, [0.2, 0.5, 0.9])), {
      minLength: 1,
      maxLength: 5,
    }),
    fc.boolean(),
  )
  .map(([steps, openEnd]) => {
    let top = 0;
    return steps.map(([width, rate], i) => {
      top += width;
      return { upTo: openEnd && i === steps.length - 1 ? null : top / 100, rate };
    });
  });

const cap = optional(money(0, 1e12));

function costBenefit(id: string, risk: string, withDays: boolean): fc.Arbitrary<Doc> {
  const choices = [
    record({
      id: fc.constant(id),
      risk: fc.constant(risk),
      type: fc.constant('bands'),
      deductible: optional(money(0, 1e12)),
      bands,
      cap,
    }),
    // Uncapped steps of a few fen take seconds per table (4 million pieces): only with a cap here.
    fc.oneof(
      record({
        id: fc.constant(id),
        risk: fc.constant(risk),
        type: fc.constant('steps'),
        from: money(0, 1e12),
        step: money(0.01, 1e12),
        perStep: money(0.01, 1e12),
        cap: money(0, 1e12),
      }),
      record({
        id: fc.constant(id),
        risk: fc.constant(risk),
        type: fc.constant('steps'),
        from: money(0, 1e6),
        step: money(1000, 1e12),
        perStep: money(0.01, 1e12),
      }),
    ),
  ];
  if (withDays) {
    choices.push(
      record({
        id: fc.constant(id),
        risk: fc.constant(risk),
        type: fc.constant('daily'),
        perDay: money(0.01, 1e12),
        maxDays: optional(int(1, 366, [15])),
      }),
    );
  }
  return fc.oneof(...choices);
}

const lumpSum = (id: string, risk: string) =>
  record({
    id: fc.constant(id),
    risk: fc.constant(risk),
    type: fc.constant('lump-sum'),
    amount: money(0.01, 1e12),
    cap,
    waitingDays: optional(int(0, 365, [60])),
  });

// ---- the file -------------------------------------------------------------------------------

/** Expected claimants per period, at most: the members times the sum of the cost risks' rates. */
export interface WorkBudget {
  claimants: number;
}

export const DEFAULT_BUDGET: WorkBudget = { claimants: 20_000 };

const members = record({
  count: int(1, 100_000_000, [2, 1000, 720_000, 50_000_000]),
  femaleShare: optional(num(0, 1, [0.5])),
  newShare: optional(num(0, 1, [0.1])),
});

const contributions = fc
  .array(record({ payer: text(50), amount: money(0, 1e12) }), { minLength: 1, maxLength: 3 })
  .map((cs) => {
    if (cs.every((c) => c.amount === 0)) cs[0].amount = 36;
    return cs;
  });

const fund = optional(
  record({
    reserve: optional(money(0, 1e12)),
    backstop: optional(money(0, 1e12)),
    expenseRate: optional(num(0, 0.99, [0.1])),
  }),
);

const trendRate = above(-1, 10, [0, 0.05]);
const trend = optional(
  record({
    members: optional(trendRate),
    contribution: optional(trendRate),
    rate: optional(trendRate),
    cost: optional(trendRate),
  }),
);

const simulation = optional(
  record({
    iterations: optional(int(100, 1_000_000, [10_000])),
    seed: optional(text(200)),
    years: optional(int(1, 50, [5])),
    confidence: optional(num(0.5, 0.9999, [0.95])),
  }),
);

/** n distinct ids: mostly plain, sometimes any text (Chinese, quotes, line breaks). */
const ids = (n: number, prefix: string) =>
  fc.uniqueArray(
    fc.oneof(
      { weight: 3, arbitrary: fc.nat({ max: 99 }).map((i) => `${prefix}${i}`) },
      { weight: 1, arbitrary: text(64) },
    ),
    { minLength: n, maxLength: n },
  );

/** Risks (1–4) and benefits (1–5), each benefit on a risk of the kind its type needs. */
const risksAndBenefits = fc.integer({ min: 1, max: 4 }).chain((n) =>
  ids(n, 'r')
    .chain((riskIds) => fc.tuple(...riskIds.map((id) => fc.oneof(costRisk(id), eventRisk(id)))))
    .chain((risks) =>
      fc.array(fc.nat({ max: risks.length - 1 }), { minLength: 1, maxLength: 5 }).chain((targets) =>
        ids(targets.length, 'b')
          .chain((benefitIds) =>
            fc.tuple(
              ...targets.map((r, j) => {
                const risk = risks[r];
                return risk.kind === 'event'
                  ? lumpSum(benefitIds[j], risk.id as string)
                  : costBenefit(benefitIds[j], risk.id as string, risk.days !== undefined);
              }),
            ),
          )
          .map((benefits) => ({ risks, benefits })),
      ),
    ),
);

/** Scales the cost risks' rates so that at most `budget.claimants` claimants are expected per period. */
export function withinBudget(doc: Doc, budget: WorkBudget): Doc {
  const count = (doc.members as { count: number }).count;
  const growth =
    Math.max(1, 1 + ((((doc.trend ?? {}) as Doc).members as number) ?? 0)) *
    Math.max(1, 1 + ((((doc.trend ?? {}) as Doc).rate as number) ?? 0));
  const risks = doc.risks as Doc[];
  const claimants = risks.reduce(
    (sum, r) => sum + (r.kind === 'cost' ? (r.rate as number) * count * growth : 0),
    0,
  );
  if (claimants <= budget.claimants) return doc;
  const f = budget.claimants / claimants;
  return {
    ...doc,
    risks: risks.map((r) =>
      r.kind === 'cost' ? { ...r, rate: Math.max(Number.MIN_VALUE, (r.rate as number) * f) } : r,
    ),
  };
}

export function validScenario(budget: WorkBudget = DEFAULT_BUDGET): fc.Arbitrary<Doc> {
  return fc
    .record({
      head: record({
        format: fc.constant('huzhu-scenario/1'),
        $schema: optional(fc.constant('https://huzhu.example/huzhu-scenario.schema.json')),
        name: text(200, true),
        period: optional(text(100)),
        source: optional(text(100)),
        notes: optional(fc.oneof(text(100), fc.constant(''), fc.constant('长'.repeat(20_000)))),
        members,
        contributions,
        fund,
      }),
      rb: risksAndBenefits,
      tail: record({ trend, simulation }),
    })
    .map(({ head, rb, tail }) => withinBudget({ ...head, ...rb, ...tail }, budget));
}

// ---- format /2 -------------------------------------------------------------------------------

/**
 * Holdings of one group: 1–3 distinct share counts (1–100) with fractions > 0 that sum to 1, either
 * exactly (eighths to 1/1024ths: binary fractions add up without rounding) or as w_i / Σw with the
 * last one 1 − Σ the others (a float sum within 1e-15 of 1, which the validator accepts within 1e-9).
 */
const holdings = fc
  .tuple(
    fc.uniqueArray(int(1, 100, [1, 2, 3]), { minLength: 1, maxLength: 3 }),
    fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 3, maxLength: 3 }),
    fc.boolean(),
  )
  .map(([shares, weights, binary]) => {
    const w = weights.slice(0, shares.length);
    let fractions: number[];
    if (binary) {
      // 2^m parts, each holding at least one
      const m = 3 + (w[0] % 8);
      const parts = w.map((x) => 1 + (x % 2 ** (m - 2)));
      parts[parts.length - 1] = 2 ** m - parts.slice(0, -1).reduce((a, b) => a + b, 0);
      fractions = parts.map((x) => x / 2 ** m);
    } else {
      const total = w.reduce((a, b) => a + b, 0);
      fractions = w.map((x) => x / total);
      fractions[fractions.length - 1] = 1 - fractions.slice(0, -1).reduce((a, b) => a + b, 0);
    }
    return shares.map((k, i) => ({ shares: k, fraction: fractions[i] }));
  });

/** 1–3 groups with distinct ids, each with its count, shares of women and new members, holdings. */
const groups = fc.integer({ min: 1, max: 3 }).chain((n) =>
  ids(n, 'g').chain((groupIds) =>
    fc.tuple(
      ...groupIds.map((id) =>
        record({
          id: fc.constant(id),
          count: int(1, 10_000_000, [2, 1000, 600_000]),
          femaleShare: optional(num(0, 1, [0.5])),
          newShare: optional(num(0, 1, [0.1])),
          holdings: optional(holdings),
        }),
      ),
    ),
  ),
);

/** A non-empty subset of `all` (in their order), or undefined (every one). */
const someOf = (all: string[]) => optional(fc.subarray(all, { minLength: 1 }));

/** A risk exposed to some groups, its rate one number or an object naming exactly those groups. */
function riskFor2(risk: Doc, groupIds: string[]): fc.Arbitrary<Doc> {
  return someOf(groupIds).chain((exposed) =>
    fc
      .oneof(
        fc.constant(risk.rate),
        fc
          .tuple(...(exposed ?? groupIds).map(() => above(0, 1, [1e-6, 0.03, 0.09])))
          .map((rates) => Object.fromEntries((exposed ?? groupIds).map((g, i) => [g, rates[i]]))),
      )
      .map((rate) => {
        const out: Doc = { ...risk, rate };
        if (exposed) out.groups = exposed;
        return out;
      }),
  );
}

/** A benefit paid per share or not; a lump sum with waiting days may pay a waiting amount. */
function benefitFor2(b: Doc): fc.Arbitrary<Doc> {
  return fc
    .record({
      perShare: optional(fc.boolean()),
      waitingAmount: optional(money(0, 1e6)),
    })
    .map(({ perShare, waitingAmount }) => {
      const out: Doc = { ...b };
      if (perShare !== undefined) out.perShare = perShare;
      if (waitingAmount !== undefined && b.type === 'lump-sum' && b.waitingDays !== undefined)
        out.waitingAmount = waitingAmount;
      return out;
    });
}

/** Per risk, perhaps one limit over a non-empty subset of its benefits (a benefit in one limit at most). */
function limitsFor(risks: Doc[], benefits: Doc[]): fc.Arbitrary<Doc[] | undefined> {
  const byRisk = risks
    .map((r) => benefits.filter((b) => b.risk === r.id).map((b) => b.id as string))
    .filter((list) => list.length > 0);
  return optional(
    fc
      .tuple(
        ...byRisk.map((list) =>
          optional(
            record({
              benefits: fc.subarray(list, { minLength: 1 }),
              cap: money(0.01, 1e9),
              perShare: optional(fc.boolean()),
            }),
          ),
        ),
      )
      .map((ls) => ls.flatMap((l, i) => (l ? [{ id: `limit-${i}`, ...l }] : []))),
  ).map((ls) => (ls && ls.length > 0 ? ls : undefined));
}

/** Expected claimants (cost risks) and events (event risks) per period of a `/2` file, trends included. */
function workOf2(doc: Doc): number {
  const gs = (doc.members as { groups: { id: string; count: number }[] }).groups;
  const trendOf = (k: string) => Math.max(1, 1 + ((((doc.trend ?? {}) as Doc)[k] as number) ?? 0));
  const growth = trendOf('members') * trendOf('rate');
  return (doc.risks as Doc[]).reduce((sum, r) => {
    const exposed = (r.groups as string[] | undefined) ?? gs.map((g) => g.id);
    return (
      sum +
      gs
        .filter((g) => exposed.includes(g.id))
        .reduce(
          (e, g) => e + (typeof r.rate === 'number' ? r.rate : ((r.rate as Doc)[g.id] as number)) * g.count,
          0,
        ) *
        growth
    );
  }, 0);
}

/**
 * Scales every risk's rates (cost and event: under a limit, events are paid member by member) so
 * that at most `budget.claimants` claimants and events are expected per period.
 */
export function withinBudget2(doc: Doc, budget: WorkBudget): Doc {
  const work = workOf2(doc);
  if (work <= budget.claimants) return doc;
  const f = budget.claimants / work;
  const scale = (v: number) => Math.max(Number.MIN_VALUE, v * f);
  return {
    ...doc,
    risks: (doc.risks as Doc[]).map((r) => ({
      ...r,
      rate:
        typeof r.rate === 'number'
          ? scale(r.rate)
          : Object.fromEntries(Object.entries(r.rate as Doc).map(([g, v]) => [g, scale(v as number)])),
    })),
  };
}

/**
 * Valid `huzhu-scenario/2` files: 1–3 member groups with holdings (fractions summing to 1), contributions
 * paid by some groups and per share, risks exposed to some groups with a rate per group, benefits paid
 * per share, waiting amounts, and limits over benefits of one risk; with the work bounded as
 * `validScenario`'s (every rate scaled down alike, event risks too).
 */
export function validScenario2(budget: WorkBudget = DEFAULT_BUDGET): fc.Arbitrary<Doc> {
  return fc
    .record({
      groups,
      rb: risksAndBenefits,
      head: record({ name: text(200, true), fund }),
      tail: record({ trend, simulation }),
    })
    .chain(({ groups: gs, rb, head, tail }) => {
      const groupIds = gs.map((g) => g.id as string);
      const contributions2 = fc
        .array(
          record({
            payer: text(50),
            amount: money(0, 1e6),
            perShare: optional(fc.boolean()),
            groups: someOf(groupIds),
          }),
          { minLength: 1, maxLength: 3 },
        )
        .map((cs) => {
          if (cs.every((c) => c.amount === 0)) cs[0].amount = 36;
          return cs;
        });
      return fc
        .record({
          contributions: contributions2,
          risks: fc.tuple(...rb.risks.map((r) => riskFor2(r, groupIds))),
          benefits: fc.tuple(...rb.benefits.map(benefitFor2)),
        })
        .chain(({ contributions: cs, risks, benefits }) =>
          limitsFor(risks, benefits).map((limits) => {
            const doc: Doc = {
              format: 'huzhu-scenario/2',
              ...head,
              members: { groups: gs },
              contributions: cs,
              risks,
              benefits,
              ...(limits ? { limits } : {}),
              ...tail,
            };
            return withinBudget2(doc, budget);
          }),
        );
    });
}

// ---- one thing broken -----------------------------------------------------------------------

/** Fields that may be left out; every other field of the format is required. */
const OPTIONAL = new Set([
  '$schema',
  'period',
  'source',
  'notes',
  'femaleShare',
  'newShare',
  'fund',
  'reserve',
  'backstop',
  'expenseRate',
  'who',
  'rateCv',
  'days',
  'deductible',
  'cap',
  'maxDays',
  'waitingDays',
  'trend',
  'simulation',
  'iterations',
  'seed',
  'years',
  'confidence',
]);

const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v);

/** Whether the field at `path` may be absent. */
function isOptional(path: Segment[]): boolean {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return false;
  if (path[0] === 'trend') return true;
  return OPTIONAL.has(key);
}

/** Every [path, value] of the document's leaves and inner nodes, root excluded. */
export function entries(v: unknown, path: Segment[] = []): [Segment[], unknown][] {
  const out: [Segment[], unknown][] = [];
  if (Array.isArray(v)) v.forEach((x, i) => out.push([[...path, i], x], ...entries(x, [...path, i])));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push([[...path, k], x], ...entries(x, [...path, k]));
  return out;
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

function parentOf(doc: Doc, path: Segment[]): Record<string | number, unknown> {
  let node: unknown = doc;
  for (const s of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[s];
  return node as Record<string | number, unknown>;
}

function setAt(doc: Doc, path: Segment[], value: unknown): Doc {
  const out = clone(doc);
  parentOf(out, path)[path[path.length - 1]] = value;
  return out;
}

function deleteAt(doc: Doc, path: Segment[]): Doc {
  const out = clone(doc);
  delete parentOf(out, path)[path[path.length - 1]];
  return out;
}

/** A broken file and the path at which a problem must be reported. */
export interface Broken {
  doc: Doc;
  path: Segment[];
  what: string;
  /** NaN and Infinity cannot be written in JSON: such a file is validated as a value. */
  jsonSafe: boolean;
}

const WRONG_TYPES: unknown[] = ['5', true, [], {}, [1], { a: 1 }];
/**
 * Out of every range: each numeric field of the format has a lower bound of 0 or more (trends:
 * above −1) and an upper bound of 1e12 or less.
 */
const OUT_OF_RANGE = [-1, -1e-9, 1e300, -Infinity];

/** One mutation of a valid document, chosen by `pick` (a fraction in [0, 1)). */
export function breakOne(doc: Doc, kind: number, pick: number, which: number): Broken | null {
  const all = entries(doc);
  const at = <T>(xs: T[]) => xs[Math.floor(pick * xs.length)];
  const risks = doc.risks as Doc[];
  const benefits = doc.benefits as Doc[];
  switch (kind) {
    case 0: {
      // a wrong type
      const [path, old] = at(all);
      // A value of another JSON type than the one there (a number where a list was, …).
      const wrong = WRONG_TYPES.filter(
        (v) => jsonType(v) !== jsonType(old) && !(jsonType(old) === 'null' && typeof v === 'number'),
      );
      const value = wrong[which % wrong.length];
      return {
        doc: setAt(doc, path, value),
        path,
        what: `wrong type ${JSON.stringify(value)}`,
        jsonSafe: true,
      };
    }
    case 1: {
      // a number out of range
      const numbers = all.filter(([, v]) => typeof v === 'number');
      const [path] = at(numbers);
      let value = OUT_OF_RANGE[which % OUT_OF_RANGE.length];
      if (path[0] === 'trend' && value > -1 && value < 0) value = -1;
      return {
        doc: setAt(doc, path, value),
        path,
        what: `out of range ${value}`,
        jsonSafe: Number.isFinite(value),
      };
    }
    case 2: {
      // NaN or Infinity
      const numbers = all.filter(([, v]) => typeof v === 'number');
      const [path] = at(numbers);
      const value = [NaN, Infinity][which % 2];
      return { doc: setAt(doc, path, value), path, what: String(value), jsonSafe: false };
    }
    case 3: {
      // a required field missing
      const required = all.filter(([p]) => typeof p[p.length - 1] === 'string' && !isOptional(p));
      const [path] = at(required);
      return { doc: deleteAt(doc, path), path, what: 'missing', jsonSafe: true };
    }
    case 4: {
      // an unknown field
      const objects = [[[], doc] as [Segment[], unknown], ...all].filter(
        ([, v]) => v !== null && typeof v === 'object' && !Array.isArray(v),
      );
      const [path] = at(objects);
      const key = ['upto', 'Rate', 'x', '__proto__', 'constructor', '说明'][which % 6];
      const out = clone(doc);
      let node: unknown = out;
      for (const s of path) node = (node as Record<string | number, unknown>)[s];
      Object.defineProperty(node, key, { value: 1, enumerable: true, configurable: true, writable: true });
      return { doc: out, path: [...path, key], what: `unknown field ${key}`, jsonSafe: true };
    }
    case 5: {
      // a duplicate id
      const list = which % 2 === 0 ? 'risks' : 'benefits';
      const items = list === 'risks' ? risks : benefits;
      if (items.length < 2) {
        // Append a copy of the first item.
        const out = clone(doc);
        (out[list] as Doc[]).push(clone(items[0]));
        return { doc: out, path: [list, items.length, 'id'], what: `duplicate ${list} id`, jsonSafe: true };
      }
      const j = 1 + Math.floor(pick * (items.length - 1));
      return {
        doc: setAt(doc, [list, j, 'id'], items[0].id),
        path: [list, j, 'id'],
        what: `duplicate ${list} id`,
        jsonSafe: true,
      };
    }
    case 6: {
      // a benefit naming a missing risk
      const j = Math.floor(pick * benefits.length);
      return {
        doc: setAt(doc, ['benefits', j, 'risk'], 'no-such-risk'),
        path: ['benefits', j, 'risk'],
        what: 'missing risk',
        jsonSafe: true,
      };
    }
    case 7: {
      // bands out of order (or a null band that is not the last)
      const j = benefits.findIndex((b) => b.type === 'bands');
      if (j < 0) return null;
      const list = clone(benefits[j].bands as { upTo: number | null; rate: number }[]);
      if (list.length < 2) list.push({ upTo: null, rate: 0.5 });
      const first = list[0].upTo;
      list[1] = { ...list[1], upTo: which % 2 === 0 && first !== null ? first : null };
      if (list[1].upTo === null && list.length === 2) list.push({ upTo: null, rate: 0.1 });
      return {
        doc: setAt(doc, ['benefits', j, 'bands'], list),
        path: ['benefits', j, 'bands', 1, 'upTo'],
        what: 'bands out of order',
        jsonSafe: true,
      };
    }
    default:
      return null;
  }
}

export const BREAK_KINDS = 8;

export function nearValidScenario(): fc.Arbitrary<Broken> {
  // `pick` uniform in [0, 1): fc.double leans to the edges, which would break the first field most of the time.
  return fc
    .tuple(
      validScenario(),
      fc.nat({ max: BREAK_KINDS - 1 }),
      fc.nat({ max: 999_999 }).map((n) => n / 1e6),
      fc.nat(),
    )
    .map(([doc, kind, pick, which]) => breakOne(doc, kind, pick, which))
    .filter((b): b is Broken => b !== null);
}

// ---- garbage --------------------------------------------------------------------------------

function nested(depth: number, open: string, close: string, leaf = '1'): string {
  return open.repeat(depth) + leaf + close.repeat(depth);
}

/** Texts that are not scenario files: any JSON, deep nesting, huge lists, long strings, prototype keys. */
export const garbageText: fc.Arbitrary<string> = fc.oneof(
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.integer({ min: 1, max: 20_000 }).map((d) => nested(d, '[', ']')),
  fc.integer({ min: 1, max: 20_000 }).map((d) => nested(d, '{"a":', '}')),
  fc.integer({ min: 1, max: 200_000 }).map((n) => `[${'0,'.repeat(n)}0]`),
  fc.integer({ min: 1, max: 200_000 }).map((n) =>
    JSON.stringify({
      format: 'huzhu-scenario/1',
      name: 'x'.repeat(n),
      risks: Array(Math.min(n, 1000)).fill({}),
    }),
  ),
  fc.constantFrom(
    '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}}',
    '{"format": "huzhu-scenario/1", "__proto__": {"name": "x"}, "members": {"__proto__": {"count": 5}}}',
    '\ufeff{"format": "huzhu-scenario/1"}',
    '{"name": "\u2028\u2029\\u0000\\ud800"}',
    '',
    'null',
    '{"a": 1,}',
  ),
  fc
    .dictionary(fc.string(), fc.jsonValue(), { maxKeys: 8 })
    .map((d) => JSON.stringify({ format: 'huzhu-scenario/1', ...d })),
);

/** Values that are not scenarios (beyond JSON: NaN, undefined, -0, nested arrays and objects). */
export const garbageValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.object({
    key: fc.constantFrom(
      'format',
      'name',
      'members',
      'risks',
      'benefits',
      '__proto__',
      'constructor',
      'count',
      'cost',
      'dist',
      'bands',
      'upTo',
    ),
  }),
);
