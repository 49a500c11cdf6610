/**
 * validateScenario and loadScenarioText never throw, whatever they are given: garbage, deep
 * nesting, huge lists, NaN and Infinity, prototype-pollution keys, cycles, proxies, throwing
 * getters, random values and randomly damaged scenarios. The answer always has the right shape.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPEC_EXAMPLE_TEXT } from '../../src/io/example.ts';
import { loadScenarioText } from '../../src/io/loadScenario.ts';
import { validateScenario } from '../../src/io/validate.ts';
import { wordedProblems } from '../helpers/worded.ts';

/** Validates `value` and checks the answer's shape; returns the problems, worded in English. */
function answer(value: unknown): { path: string; message: string }[] {
  const r = validateScenario(value);
  if (r.ok) return [];
  expect(r.problems.length).toBeGreaterThan(0);
  for (const p of r.problems) {
    expect(typeof p.path).toBe('string');
    expect(typeof p.code).toBe('string');
    expect(typeof p.params).toBe('object');
  }
  const worded = wordedProblems(r.problems);
  for (const p of worded) expect(p.message.length).toBeGreaterThan(0);
  return worded;
}

const example = () => JSON.parse(SPEC_EXAMPLE_TEXT) as Record<string, unknown>;
const SPEC_2 = readFileSync(new URL('../fixtures/format2/spec-example.json', import.meta.url), 'utf8');
const example2 = () => JSON.parse(SPEC_2) as Record<string, unknown>;

function nested(depth: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = wrap(v);
  return v;
}

describe('validateScenario never throws', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 1],
    ['a string', 'x'],
    ['true', true],
    ['an empty list', []],
    ['an empty object', {}],
    ['NaN', NaN],
    ['Infinity', -Infinity],
    ['a function', () => 1],
    ['a symbol', Symbol('s')],
    ['a bigint', 10n],
    ['a date', new Date(0)],
    ['a Map', new Map([['format', 'huzhu-scenario/1']])],
    ['an object without a prototype', Object.create(null)],
  ])('on %s', (_, value) => {
    expect(answer(value).length).toBeGreaterThan(0);
  });

  it('on objects and lists nested 10,000 levels deep, at the root and inside fields', () => {
    const deepObject = nested(10_000, {}, (v) => ({ a: v }));
    const deepList = nested(10_000, [], (v) => [v]);
    answer(deepObject);
    answer(deepList);
    const s = example();
    Object.assign(s, { members: deepObject, fund: deepList, notes: deepObject });
    (s.risks as Record<string, unknown>[])[0].cost = nested(10_000, {}, (v) => ({ dist: v }));
    (s.benefits as Record<string, unknown>[])[0].bands = deepList;
    expect(answer(s).map((p) => p.path)).toEqual([
      'members.a',
      'members.count',
      'fund',
      'risks[0].cost.dist',
      'benefits[0].bands[0]',
      'notes',
    ]);
  });

  it('on huge lists: a million risks, values, contributions and bands', () => {
    const s = example();
    s.risks = Array.from({ length: 1_000_000 }, (_, i) => ({ id: `r${i}`, kind: 'event', rate: 0.1 }));
    s.contributions = Array.from({ length: 1_000_000 }, () => 'x');
    expect(answer(s).slice(0, 2)).toEqual([
      { path: 'contributions', message: 'must have 1 to 20 entries' },
      { path: 'risks', message: 'must have 1 to 50 entries' },
    ]);
    const t = example();
    (t.risks as Record<string, unknown>[])[0].cost = {
      dist: 'empirical',
      values: Array.from({ length: 1_000_001 }, () => 'x'),
    };
    (t.benefits as Record<string, unknown>[])[0].bands = Array.from({ length: 1_000_000 }, () => ({
      upTo: null,
      rate: 0.5,
    }));
    expect(answer(t)).toEqual([
      { path: 'risks[0].cost.values', message: 'must have 1 to 1000000 entries' },
      { path: 'benefits[0].bands', message: 'must have 1 to 100 entries' },
    ]);
  });

  it('on a million unknown fields (listed up to a hundred, then counted)', () => {
    const s = example();
    for (let i = 0; i < 1_000_000; i++) s[`x${i}`] = i;
    const problems = answer(s);
    expect(problems).toHaveLength(101);
    expect(problems[0]).toEqual({ path: '(root)', message: 'and 999900 more unknown fields' });
    expect(problems[100]).toEqual({ path: 'x99', message: 'unknown field' });
  });

  it('on NaN and Infinity in every numeric field', () => {
    const s = example();
    const poison = (v: unknown, i = 0): unknown => {
      if (typeof v === 'number') return i % 2 ? NaN : Infinity;
      if (Array.isArray(v)) return v.map((x, j) => poison(x, j));
      if (v && typeof v === 'object')
        return Object.fromEntries(Object.entries(v).map(([k, x], j) => [k, poison(x, j)]));
      return v;
    };
    const problems = answer(poison(s));
    expect(problems.length).toBeGreaterThan(20);
    expect(new Set(problems.map((p) => p.message))).toEqual(new Set(['must be a finite number']));
  });

  it('on prototype-pollution keys, and pollutes nothing', () => {
    const text =
      '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "members": {"__proto__": {"count": 5}}}';
    const problems = answer(JSON.parse(text));
    expect(problems.slice(0, 3)).toEqual([
      { path: '__proto__', message: 'unknown field' },
      { path: 'constructor', message: 'unknown field' },
      { path: 'members.__proto__', message: 'unknown field' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('on cycles', () => {
    const s = example();
    s.self = s;
    (s.risks as unknown[]).push(s);
    (s.members as Record<string, unknown>).count = s;
    expect(answer(s).map((p) => p.path)).toEqual(['members.count', 'risks[2].kind', 'self']);
  });

  it('on a proxy whose every trap throws, and on a throwing getter', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('get');
        },
        ownKeys: () => {
          throw new Error('keys');
        },
        getPrototypeOf: () => {
          throw new Error('proto');
        },
      },
    );
    expect(answer(hostile)[0].path).toBe('(root)');
    const s = example();
    Object.defineProperty(s, 'name', {
      enumerable: true,
      get: () => {
        throw new Error('getter');
      },
    });
    expect(answer(s)).toEqual([{ path: '(root)', message: 'could not be read (getter)' }]);
  });

  it('on a thrown value that cannot even be printed', () => {
    const s = example();
    Object.defineProperty(s, 'name', {
      enumerable: true,
      get: () => {
        throw Object.create(null);
      },
    });
    expect(answer(s)).toEqual([{ path: '(root)', message: 'could not be read (unknown error)' }]);
  });

  it('on any value at all', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withNullPrototype: true,
          withMap: true,
          withSet: true,
          withBigInt: true,
          withDate: true,
          withTypedArray: true,
          withSparseArray: true,
        }),
        (v) => {
          answer(v);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['the /1 example', example],
    ['the /2 example', example2],
  ])('on %s with random fields replaced by random values', (_, base) => {
    const paths = fc.array(
      fc.tuple(
        fc.array(
          fc.oneof(
            fc.nat({ max: 4 }),
            fc.constantFrom(
              'risks',
              'benefits',
              'bands',
              'cost',
              'days',
              'members',
              'upTo',
              'dist',
              'values',
              'id',
              'risk',
              'type',
              'kind',
              'groups',
              'holdings',
              'shares',
              'fraction',
              'rate',
              'in-service',
              'retired',
              'count',
              'limits',
              'perShare',
              'waitingAmount',
              'waitingDays',
              'format',
            ),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        fc.anything(),
      ),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(paths, (edits) => {
        const s = base();
        for (const [path, value] of edits) {
          let node: unknown = s;
          for (const step of path.slice(0, -1))
            node =
              node && typeof node === 'object' ? (node as Record<string | number, unknown>)[step] : undefined;
          if (node && typeof node === 'object')
            (node as Record<string | number, unknown>)[path[path.length - 1]] = value;
        }
        answer(s);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('loadScenarioText never throws', () => {
  it('on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.string({ unit: 'binary' })), (text) => {
        const r = loadScenarioText(text);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});
