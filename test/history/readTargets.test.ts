/**
 * src/history/readTargets.ts, rule by rule: every field on both sides of each bound, with the code,
 * parameters and path of the problem it gives, written out from the targets' rules:
 * - `members` and `draws` whole numbers from 1, `claimants` and each count from 0, all at most 10⁹;
 * - `paid` money: 0 to 10¹² yuan with at most two decimals; `paidPerClaimant` above 0 and at most
 *   10¹² (any decimals: it is a mean); `largest` and each threshold above 0, then as money;
 * - `paidTolerance` in (0, 1]; `on` "payout" or "cost"; `paid` and `paidPerClaimant` not both;
 * - `families` a non-empty list of "lognormal", "gamma", "pareto";
 * - `above` a list of `{ threshold, count }` objects, both required, nothing else;
 * - anything that is not a finite number where a number belongs: `notNumber`, with its text.
 */
import { describe, expect, it } from 'vitest';
import { FAMILIES, readTargets, TARGET_FIELDS } from '../../src/history/readTargets.ts';
import { nextUp } from '../helpers/nextUp.ts';

type Problem = { path: string; code: string; params?: Record<string, unknown> };

/** The problems `raw` gives, as { path, code, params }; [] when it is accepted as it is. */
function problemsOf(raw: unknown): Problem[] {
  const r = readTargets(raw);
  if (r.ok) {
    expect(r.targets).toBe(raw);
    return [];
  }
  expect(r.problems.length).toBeGreaterThan(0);
  return r.problems.map((p) => ({ path: 'path' in p.at ? p.at.path : '', code: p.code, params: p.params }));
}

const whole = (min: number) => ({ code: 'wholeRange', params: { min, max: 1e9 } });
const moneyRange = { code: 'moneyRange', params: { max: 1e12 } };
const at = (path: string, p: { code: string; params?: Record<string, unknown> }) => [
  { path, code: p.code, params: p.params ?? {} },
];

describe('readTargets: the whole object', () => {
  it('refuses what is not an object: null, a list, text, a number', () => {
    for (const raw of [null, [], [1], 'members', 3, undefined, true])
      expect(problemsOf(raw), JSON.stringify(raw)).toEqual(at('(root)', { code: 'tgtNotObject' }));
  });
  it('accepts an empty object and every field at once, returning the object itself', () => {
    expect(problemsOf({})).toEqual([]);
    const all = {
      members: 1000,
      claimants: 30,
      paid: 45_000.5,
      paidTolerance: 0.05,
      above: [{ threshold: 5000, count: 3 }],
      largest: 20_000,
      on: 'cost',
      draws: 30,
      families: ['gamma'],
    };
    expect(problemsOf(all)).toEqual([]);
  });
  it('names an unknown field with the fields allowed', () => {
    expect(TARGET_FIELDS).toEqual([
      'members',
      'claimants',
      'paid',
      'paidPerClaimant',
      'paidTolerance',
      'above',
      'largest',
      'on',
      'draws',
      'families',
    ]);
    expect(problemsOf({ extra: 1 })).toEqual(
      at('extra', { code: 'tgtUnknownField', params: { field: 'extra', allowed: TARGET_FIELDS } }),
    );
  });
});

describe('readTargets: numbers, on both sides of each bound', () => {
  // [field, accepted values, refused values with the problem each gives]
  const cases: [string, number[], [unknown, { code: string; params?: Record<string, unknown> }][]][] = [
    [
      'members',
      [1, 2, 1e9],
      [
        [0, whole(1)],
        [1.5, whole(1)],
        [1e9 + 1, whole(1)],
      ],
    ],
    [
      'claimants',
      [0, 1, 1e9],
      [
        [-1, whole(0)],
        [0.5, whole(0)],
        [1e9 + 1, whole(0)],
      ],
    ],
    [
      'draws',
      [1, 1e9],
      [
        [0, whole(1)],
        [2.5, whole(1)],
      ],
    ],
    [
      'paid',
      [0, 0.01, 1234.56, 1e12],
      [
        [-0.01, moneyRange],
        [1e12 + 1, moneyRange],
        [0.001, { code: 'moneyDecimals' }],
      ],
    ],
    [
      'paidPerClaimant',
      [0.001, 1357.123, 1e12],
      [
        [0, moneyRange],
        [-5, moneyRange],
        [1e12 + 1, moneyRange],
      ],
    ],
    [
      'paidTolerance',
      [1e-9, 0.01, 1],
      [
        [0, { code: 'tgtTolerance' }],
        [-0.5, { code: 'tgtTolerance' }],
        [nextUp(1), { code: 'tgtTolerance' }],
      ],
    ],
    [
      'largest',
      [0.01, 141_243, 1e12],
      [
        [0, { code: 'positive' }],
        [-1, { code: 'positive' }],
        [0.001, { code: 'moneyDecimals' }],
        [1e12 + 1, moneyRange],
      ],
    ],
  ];
  for (const [field, good, bad] of cases) {
    it(`${field}: accepts ${good.join(', ')}; refuses ${bad.map(([v]) => String(v)).join(', ')}`, () => {
      for (const v of good) expect(problemsOf({ [field]: v }), `${field} ${v}`).toEqual([]);
      for (const [v, p] of bad)
        expect(problemsOf({ [field]: v }), `${field} ${String(v)}`).toEqual(at(field, p));
    });
  }
  it('a value that is not a finite number is notNumber with its text, in every numeric field', () => {
    const fields = ['members', 'claimants', 'draws', 'paid', 'paidPerClaimant', 'paidTolerance', 'largest'];
    for (const field of fields)
      for (const [v, text] of [
        ['12', '12'],
        [null, 'null'],
        [Number.NaN, 'NaN'],
        [Infinity, 'Infinity'],
        [true, 'true'],
      ] as const)
        expect(problemsOf({ [field]: v }), `${field} ${text}`).toEqual(
          at(field, { code: 'notNumber', params: { text } }),
        );
  });
});

describe('readTargets: what is paid on, and paid given twice', () => {
  it('on: "payout" and "cost" only', () => {
    expect(problemsOf({ on: 'payout' })).toEqual([]);
    expect(problemsOf({ on: 'cost' })).toEqual([]);
    for (const on of ['claims', '', 'Cost', null, 1])
      expect(problemsOf({ on }), String(on)).toEqual(at('on', { code: 'tgtOn' }));
  });
  it('paid and paidPerClaimant: either one, not both (the problem is at the second)', () => {
    expect(problemsOf({ paid: 10 })).toEqual([]);
    expect(problemsOf({ paidPerClaimant: 10 })).toEqual([]);
    expect(problemsOf({ paid: 10, paidPerClaimant: 5 })).toEqual(
      at('paidPerClaimant', { code: 'tgtPaidBoth' }),
    );
  });
});

describe('readTargets: the families', () => {
  it('a non-empty list of the three families, in any order and any subset', () => {
    expect(FAMILIES).toEqual(['lognormal', 'gamma', 'pareto']);
    for (const families of [['lognormal'], ['gamma'], ['pareto'], ['pareto', 'lognormal', 'gamma']])
      expect(problemsOf({ families }), families.join()).toEqual([]);
  });
  it('refuses an empty list, a name not among them (even beside good ones), and a name not in a list', () => {
    const refused = at('families', { code: 'tgtFamilies', params: { allowed: FAMILIES } });
    for (const families of [[], ['weibull'], ['gamma', 'weibull'], ['Gamma'], 'gamma', { gamma: true }])
      expect(problemsOf({ families }), JSON.stringify(families)).toEqual(refused);
  });
});

describe('readTargets: counts above thresholds', () => {
  it('accepts an empty list and complete entries (count 0 and up; the order is checked later, against the risk)', () => {
    expect(problemsOf({ above: [] })).toEqual([]);
    expect(
      problemsOf({
        above: [
          { threshold: 5000, count: 0 },
          { threshold: 0.01, count: 1e9 },
        ],
      }),
    ).toEqual([]);
  });
  it('refuses what is not a list at "above", and an entry that is not an object at its index', () => {
    for (const above of ['5000', 3, { threshold: 5000, count: 3 }, null])
      expect(problemsOf({ above }), JSON.stringify(above)).toEqual(at('above', { code: 'tgtAboveList' }));
    expect(problemsOf({ above: [{ threshold: 1, count: 1 }, null, 7] })).toEqual([
      { path: 'above[1]', code: 'tgtAboveList', params: {} },
      { path: 'above[2]', code: 'tgtAboveList', params: {} },
    ]);
  });
  it('each entry: threshold and count required, nothing else, each checked as a number at its own path', () => {
    expect(problemsOf({ above: [{ threshold: 5000, count: 3, weight: 2 }] })).toEqual(
      at('above[0].weight', {
        code: 'tgtUnknownField',
        params: { field: 'weight', allowed: ['threshold', 'count'] },
      }),
    );
    expect(problemsOf({ above: [{ count: 3 }] })).toEqual(at('above[0].threshold', { code: 'required' }));
    expect(problemsOf({ above: [{ threshold: 5000 }] })).toEqual(at('above[0].count', { code: 'required' }));
    expect(problemsOf({ above: [{ threshold: 1, count: 1 }, {}] })).toEqual([
      { path: 'above[1].threshold', code: 'required', params: {} },
      { path: 'above[1].count', code: 'required', params: {} },
    ]);
    expect(problemsOf({ above: [{ threshold: 0, count: 1 }] })).toEqual(
      at('above[0].threshold', { code: 'positive' }),
    );
    expect(problemsOf({ above: [{ threshold: 5000.001, count: 1 }] })).toEqual(
      at('above[0].threshold', { code: 'moneyDecimals' }),
    );
    for (const count of [-1, 1.5, 1e9 + 1])
      expect(problemsOf({ above: [{ threshold: 5000, count }] }), String(count)).toEqual(
        at('above[0].count', whole(0)),
      );
    expect(problemsOf({ above: [{ threshold: 5000, count: 'many' }] })).toEqual(
      at('above[0].count', { code: 'notNumber', params: { text: 'many' } }),
    );
  });
});
