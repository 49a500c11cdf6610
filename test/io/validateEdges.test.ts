/**
 * validateScenario's merge and its guard (src/io/validate.ts), at their edges: a value that throws
 * while it is read is one `(root)` problem naming what was thrown; a problem found twice is listed
 * once; 1,000 problems are all listed and the 1,001st turns into a count; and the field paths and
 * the reading of raw values that the merge and the cross-field checks share (path.ts, raw.ts,
 * codePointLength.ts), each against the rule its doc comment states.
 *
 * Modules are loaded afresh inside the tests that need it (`vi.resetModules()`, then `import()`):
 * path.ts builds its pattern of plain keys when it loads, raw.ts its helpers, and schema.ts keeps
 * the zod schema it builds (docs/mutation.md, "Mutants in code run at load").
 */
import { describe, expect, it, vi } from 'vitest';
import { SPEC_EXAMPLE_TEXT } from '../../src/io/example.ts';
import { wordedProblems } from '../helpers/worded.ts';
// The modules loaded afresh below, imported statically too (their types): a mutation run counts a
// test file's tests for a module only when the file imports that module statically.
import type * as StaticValidate from '../../src/io/validate.ts';
import type * as StaticPath from '../../src/io/path.ts';
import type * as StaticRaw from '../../src/io/raw.ts';
import type * as StaticCodePointLength from '../../src/io/codePointLength.ts';

const example = (): Record<string, unknown> => JSON.parse(SPEC_EXAMPLE_TEXT) as Record<string, unknown>;

const freshValidate = async () => {
  vi.resetModules();
  return (await (import('../../src/io/validate.ts') as Promise<typeof StaticValidate>)).validateScenario;
};

describe('a value that throws while it is read', () => {
  it('is one (root) problem that names the error', async () => {
    const validate = await freshValidate();
    const s = example();
    Object.defineProperty(s, 'name', {
      enumerable: true,
      get() {
        throw new Error('no name today');
      },
    });
    expect(validate(s)).toEqual({
      ok: false,
      problems: [{ path: '(root)', code: 'unreadable', params: { reason: 'no name today' } }],
    });
    const r = validate(s);
    expect(!r.ok && wordedProblems(r.problems)).toEqual([
      { path: '(root)', message: 'could not be read (no name today)' },
    ]);
  });
  it('names a thrown value that is not an Error as text, and one that cannot be made text as an unknown error', async () => {
    const validate = await freshValidate();
    const throwing = (thrown: unknown) =>
      new Proxy(example(), {
        get() {
          throw thrown;
        },
      });
    expect(validate(throwing('busy'))).toEqual({
      ok: false,
      problems: [{ path: '(root)', code: 'unreadable', params: { reason: 'busy' } }],
    });
    const unprintable = {
      toString() {
        throw new Error('no text either');
      },
    };
    expect(validate(throwing(unprintable))).toEqual({
      ok: false,
      problems: [{ path: '(root)', code: 'unreadable', params: { reason: 'unknown error' } }],
    });
  });
});

describe('merging the problems', () => {
  it('lists a problem found twice once: a count both below 1 and not whole is one problem (so is one too large to be a safe integer)', async () => {
    const validate = await freshValidate();
    const s = example();
    for (const count of [-1.5, 1e20]) {
      (s.members as Record<string, unknown>).count = count;
      expect(validate(s), String(count)).toEqual({
        ok: false,
        problems: [{ path: 'members.count', code: 'intRange', params: { min: 1, max: 100_000_000 } }],
      });
    }
  });
  it('lists 1,000 problems in full; of 1,001 the first 1,000 and then "and 1 more problems" at (root)', async () => {
    const validate = await freshValidate();
    // 20 contributions (the most allowed), each with 50 unknown fields: 1,000 problems.
    const withUnknown = () => {
      const s = example();
      s.contributions = Array.from({ length: 20 }, () => ({
        payer: 'member',
        amount: 1,
        ...Object.fromEntries(Array.from({ length: 50 }, (_, k) => [`x${k}`, k])),
      }));
      return s;
    };
    const thousand = validate(withUnknown());
    expect(!thousand.ok && thousand.problems.length).toBe(1000);
    expect(!thousand.ok && thousand.problems.at(-1)).toEqual({
      path: 'contributions[19].x49',
      code: 'unknownField',
      params: {},
    });
    const s = withUnknown();
    s.name = '';
    const more = validate(s);
    expect(!more.ok && more.problems.length).toBe(1001);
    expect(!more.ok && more.problems[0]).toEqual({
      path: 'name',
      code: 'textLength',
      params: { min: 1, max: 200 },
    });
    expect(!more.ok && more.problems[999]).toEqual({
      path: 'contributions[19].x48',
      code: 'unknownField',
      params: {},
    });
    expect(!more.ok && more.problems[1000]).toEqual({
      path: '(root)',
      code: 'moreProblems',
      params: { count: 1 },
    });
    expect(!more.ok && wordedProblems([more.problems[1000]])).toEqual([
      { path: '(root)', message: 'and 1 more problems' },
    ]);
  });
});

describe('field paths (path.ts)', () => {
  const freshPath = async () => {
    vi.resetModules();
    return import('../../src/io/path.ts') as Promise<typeof StaticPath>;
  };
  it('writes a plain name after a dot, an index in brackets and any other key quoted in brackets', async () => {
    const { formatPath } = await freshPath();
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['benefits', 0, 'bands', 12, 'upTo'])).toBe('benefits[0].bands[12].upTo');
    // plain: a letter, _ or $ first, then letters, digits, _, $ or -
    for (const key of ['a', 'Z', '_', '$', 'ab', 'a1', 'a-b', '$schema', 'in-service', 'x_9'])
      expect(formatPath(['m', key]), key).toBe(`m.${key}`);
    for (const key of ['a b', '1a', '-a', 'a.b', '', 'a b c', '互助', 'x!', ' a'])
      expect(formatPath(['m', key]), key).toBe(`m[${JSON.stringify(key)}]`);
    expect(formatPath(['a b'])).toBe('["a b"]');
    expect(formatPath([0])).toBe('[0]');
  });
  it('ranks a step that is not in the document (a key in a list, anything under a value that is not an object) 0', async () => {
    const { documentRank } = await freshPath();
    const root = { a: null, b: 'text', c: 5, d: [10, 20, 30], e: { x: 1, y: 2 } };
    expect(documentRank(root, ['a', 'k', 'j'])).toEqual([0, 0, 0]);
    expect(documentRank(root, ['b', 'length'])).toEqual([1, 0]);
    expect(documentRank(root, ['c', 'k'])).toEqual([2, 0]);
    expect(documentRank(root, ['d', '2', 'k'])).toEqual([3, 0, 0]);
    expect(documentRank(root, ['d', 2])).toEqual([3, 2]);
    expect(documentRank(root, ['e', 'y'])).toEqual([4, 1]);
    expect(documentRank(root, ['e', 'z'])).toEqual([4, 2]);
    expect(documentRank(root, ['f', 'y'])).toEqual([5, 0]);
    expect(documentRank(root, [])).toEqual([]);
  });
  it('keeps the order in which problems at the same place were found', async () => {
    const { sortByDocument } = await freshPath();
    const root = { a: 1, b: [{ c: 1 }] };
    const found = [
      { path: ['b', 0, 'c'], n: 1 },
      { path: ['a'], n: 2 },
      { path: ['b', 0, 'c'], n: 3 },
      { path: ['a'], n: 4 },
      { path: ['b', 0, 'c'], n: 5 },
      { path: ['b'], n: 6 },
    ];
    expect(sortByDocument(root, found).map((p) => p.n)).toEqual([2, 4, 6, 1, 3, 5]);
  });
});

describe('reading raw values (raw.ts)', () => {
  const freshRaw = async () => {
    vi.resetModules();
    return import('../../src/io/raw.ts') as Promise<typeof StaticRaw>;
  };
  it('a record is a non-null object that is not a list; a finite number is a number that is not NaN or infinite', async () => {
    const { isRecord, isFiniteNumber } = await freshRaw();
    expect([{}, { a: 1 }].map(isRecord)).toEqual([true, true]);
    expect([null, [], [1], 'a', 1, undefined].map(isRecord)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect([0, -1.5, 1e300].map(isFiniteNumber)).toEqual([true, true, true]);
    expect([NaN, Infinity, -Infinity, '1', null].map(isFiniteNumber)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
  it('reads only own fields of records, and a list of at most max entries', async () => {
    const { field, listAt } = await freshRaw();
    expect(field({ a: 1 }, 'a')).toBe(1);
    expect(field({ a: 1 }, 'toString')).toBeUndefined();
    expect(field([1], '0')).toBeUndefined();
    expect(listAt({ a: [1, 2] }, 'a', 2)).toEqual([1, 2]);
    expect(listAt({ a: [1, 2, 3] }, 'a', 2)).toBeNull();
    expect(listAt({ a: 'xy' }, 'a', 2)).toBeNull();
  });
  it('shows an id escaped as in JSON, and lists at most 20 ids and then …', async () => {
    const { shown, listed } = await freshRaw();
    expect(shown('a\nb"c')).toBe('a\\nb\\"c');
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `g${i}`);
    expect(listed(ids(20))).toEqual(ids(20));
    expect(listed(ids(21))).toEqual([...ids(20), '…']);
    expect(listed(['a\tb'])).toEqual(['a\\tb']);
  });
});

describe('lengths in code points (codePointLength.ts)', () => {
  it('counts a surrogate pair once from U+10000 to U+10FFFF, and a lone or reversed surrogate once each', async () => {
    vi.resetModules();
    const { codePointLength } = await (import('../../src/io/codePointLength.ts') as Promise<
      typeof StaticCodePointLength
    >);
    for (const s of [
      '\ud800\udc00',
      '\udbff\udfff',
      '\ud83d\udc00',
      '\ud83d\udfff',
      '\ud7ff\udc00',
      '\udc00\udc00',
      '\ud83d\ud83d',
      '\ud83d\ue000',
      '\ud83d\ud7ff',
      '互\udc00',
      'a\ud800',
      '\ue000\udc00',
    ])
      expect(codePointLength(s), JSON.stringify(s)).toBe([...s].length);
    expect(codePointLength('\ud800\udc00')).toBe(1);
    expect(codePointLength('\ud83d\ud83d')).toBe(2);
  });
});
