/**
 * From zod's issues to the project's problems (src/io/zodIssues.ts), tested on small zod schemas
 * built here, so that each branch of the error map is reached whether or not the scenario schema
 * sets its own message there. The expected codes are those the module's doc comment lists: a
 * missing field is `required`, a wrong type `mustBeNumber`/`mustBeText`/…, NaN `mustBeFinite`, a
 * value outside a literal `mustBeExactly`, outside an enum or a discriminator `oneOf` with the
 * options, a range `atLeast`/`greaterThan`/`atMost`, anything else `invalid`; unknown keys one
 * problem each at their own path, the first hundred of an object and then a count; a union that
 * is not discriminated reports the one option of the value's type, else its own message.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { errorMap, issueProblems, readZodMessage, zodMessage } from '../../src/io/zodIssues.ts';

/** The `{ code, params }` of the first issue of parsing `input` with `schema` under the error map. */
function first(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input, { error: errorMap });
  if (r.success) throw new Error('expected a failure');
  return readZodMessage(r.error.issues[0].message);
}

/** Every problem of parsing `input` with `schema`, as `[path, code, params]`. */
function problems(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input, { error: errorMap });
  if (r.success) return [];
  return issueProblems(r.error.issues).map((p) => [p.path, p.code, p.params]);
}

describe('readZodMessage reads back only what zodMessage wrote', () => {
  it('reads a code and its parameters', () => {
    expect(readZodMessage(zodMessage('atLeast', { min: 3 }))).toEqual({
      code: 'atLeast',
      params: { min: 3 },
    });
    expect(readZodMessage('{"code":"required","params":{}}')).toEqual({ code: 'required', params: {} });
  });
  it('calls anything else invalid: not JSON, not an object, no code, a code that is not text, params not an object', () => {
    const invalid = { code: 'invalid', params: {} };
    for (const text of [
      'Too small: expected number to be >=3',
      'null',
      '42',
      '"atLeast"',
      '[{"code":"required","params":{}}]',
      '{"params":{}}',
      '{"code":7,"params":{}}',
      '{"code":"required"}',
      '{"code":"required","params":null}',
      '{"code":"required","params":[]}',
      '{"code":"required","params":"x"}',
    ])
      expect(readZodMessage(text), text).toEqual(invalid);
  });
});

describe('the error map words what a schema does not word itself', () => {
  it('a missing value is required, whatever type was expected', () => {
    expect(first(z.strictObject({ a: z.number() }), {})).toEqual({ code: 'required', params: {} });
    expect(first(z.strictObject({ a: z.literal('x') }), {})).toEqual({ code: 'required', params: {} });
    expect(first(z.strictObject({ a: z.enum(['x', 'y']) }), {})).toEqual({ code: 'required', params: {} });
  });
  it('a wrong type names the type wanted; a number that is NaN or infinite must be finite', () => {
    const code = (schema: z.ZodType, input: unknown) => first(schema, input).code;
    expect(code(z.number(), 'x')).toBe('mustBeNumber');
    expect(code(z.number(), NaN)).toBe('mustBeFinite');
    expect(code(z.int(), 'x')).toBe('mustBeNumber');
    expect(code(z.int(), Infinity)).toBe('mustBeFinite');
    expect(code(z.string(), 1)).toBe('mustBeText');
    expect(code(z.strictObject({}), [])).toBe('mustBeObject');
    expect(code(z.array(z.number()), {})).toBe('mustBeList');
    expect(code(z.boolean(), 'true')).toBe('mustBeBoolean');
    expect(code(z.null(), 0)).toBe('invalid');
  });
  it('a value other than a literal must be exactly it; other than an enum, one of its options', () => {
    expect(first(z.literal('bands'), 'band')).toEqual({ code: 'mustBeExactly', params: { value: 'bands' } });
    expect(first(z.literal(2), 3)).toEqual({ code: 'mustBeExactly', params: { value: '2' } });
    expect(first(z.enum(['all', 'female']), 'male')).toEqual({
      code: 'oneOf',
      params: { options: ['all', 'female'] },
    });
  });
  it('ranges the schema does not word: at least (inclusive), greater than (exclusive), at most', () => {
    expect(first(z.number().gte(3), 2)).toEqual({ code: 'atLeast', params: { min: 3 } });
    expect(first(z.number().gt(3), 3)).toEqual({ code: 'greaterThan', params: { min: 3 } });
    expect(first(z.number().lte(5), 6)).toEqual({ code: 'atMost', params: { max: 5 } });
    expect(first(z.array(z.number()).min(2), [1])).toEqual({ code: 'atLeast', params: { min: 2 } });
    expect(first(z.array(z.number()).max(1), [1, 2])).toEqual({ code: 'atMost', params: { max: 1 } });
  });
  it('an unknown key read through the map is an unknown field; any other issue is invalid', () => {
    expect(first(z.strictObject({}), { a: 1 })).toEqual({ code: 'unknownField', params: {} });
    expect(first(z.string().regex(/^a/), 'b')).toEqual({ code: 'invalid', params: {} });
    expect(first(z.number().multipleOf(2), 3)).toEqual({ code: 'invalid', params: {} });
  });
  it('a discriminated union: a missing discriminator is required, an unknown one is one of the options', () => {
    const dist = z.discriminatedUnion('dist', [
      z.strictObject({ dist: z.literal('gamma'), mean: z.number() }),
      z.strictObject({ dist: z.literal('pareto'), shape: z.number() }),
    ]);
    expect(first(dist, { mean: 1 })).toEqual({ code: 'required', params: {} });
    expect(first(dist, { dist: 'normal', mean: 1 })).toEqual({
      code: 'oneOf',
      params: { options: ['gamma', 'pareto'] },
    });
  });
});

describe('issueProblems', () => {
  it('puts each unknown key at its own path, lists the first hundred of an object and counts the rest', () => {
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    const schema = z.strictObject({ inner: z.strictObject({}) });
    const hundred = problems(schema, { inner: keys(100) });
    expect(hundred).toHaveLength(100);
    expect(hundred[0]).toEqual([['inner', 'k0'], 'unknownField', {}]);
    expect(hundred[99]).toEqual([['inner', 'k99'], 'unknownField', {}]);
    const more = problems(schema, { inner: keys(103) });
    expect(more).toHaveLength(101);
    expect(more[99]).toEqual([['inner', 'k99'], 'unknownField', {}]);
    expect(more[100]).toEqual([['inner'], 'moreUnknownFields', { count: 3 }]);
  });
  it('keeps array indices as numbers and object keys as text in a path', () => {
    expect(problems(z.array(z.strictObject({ a: z.number() })), [{ a: 1 }, { a: 'x' }])).toEqual([
      [[1, 'a'], 'mustBeNumber', {}],
    ]);
    expect(problems(z.record(z.string(), z.number()), { 0: 'x' })).toEqual([[['0'], 'mustBeNumber', {}]]);
    // A path segment is a number or text (path.ts): any other key zod could carry becomes text.
    const symbolPath = issueProblems([
      { code: 'custom', path: [Symbol.for('k'), 2], message: zodMessage('required'), input: undefined },
    ]);
    expect(symbolPath.map((p) => p.path)).toEqual([['Symbol(k)', 2]]);
  });
  it('a union that is not discriminated reports the problems of the one option of the value’s type', () => {
    const rate = z.union([z.number().lte(1), z.record(z.string(), z.number().lte(1))]);
    expect(problems(rate, { a: 0.5, b: 2 })).toEqual([[['b'], 'atMost', { max: 1 }]]);
    expect(problems(rate, 2)).toEqual([[[], 'atMost', { max: 1 }]]);
    // a wrong type inside the object option is that option's problem, not a wrong type of the value
    expect(problems(rate, { a: 'x' })).toEqual([[['a'], 'mustBeNumber', {}]]);
  });
  it('its own message when the value has the type of no option, or of more than one', () => {
    const rate = z.union([z.number(), z.record(z.string(), z.number())]);
    expect(problems(rate, 'x')).toEqual([[[], 'invalid', {}]]);
    const worded = z.union([z.number(), z.string()], { error: zodMessage('rateNumberOrGroups') });
    expect(problems(worded, true)).toEqual([[[], 'rateNumberOrGroups', {}]]);
    const twoNumbers = z.union([z.number().lte(1), z.number().gte(5)]);
    expect(problems(twoNumbers, 3)).toEqual([[[], 'invalid', {}]]);
  });
});
