/**
 * From zod's issues to the project's problems.
 *
 * `errorMap(say)` gives the messages for everything a schema does not word itself: a missing
 * field (`is required`), a wrong type (`must be a number`), NaN or Infinity (`must be a finite
 * number`), a value outside an enum or a literal (`must be one of: cost, event`), an unknown
 * discriminator (`risks[0].cost.dist: must be one of: lognormal, gamma, pareto, empirical`).
 * Range messages are set in schema.ts, which takes precedence.
 *
 * `issueProblems` turns zod's issues into problems: one `unknown field` per unrecognised key,
 * at the key's own path (the first hundred of an object; then `and N more unknown fields`).
 */
import type * as z from 'zod';
import type { Say } from '../domain/messages.ts';
import type { RawProblem, Segment } from './path.ts';

type RawIssue = z.core.$ZodRawIssue;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeMessage(expected: string, input: unknown, say: Say): string {
  if (input === undefined) return say('required');
  switch (expected) {
    case 'number':
    case 'int':
      return typeof input === 'number' ? say('mustBeFinite') : say('mustBeNumber');
    case 'string':
      return say('mustBeText');
    case 'object':
      return say('mustBeObject');
    case 'array':
      return say('mustBeList');
    default:
      return say('invalid');
  }
}

function unionMessage(iss: Extract<RawIssue, { code: 'invalid_union' }>, say: Say): string {
  const key = iss.discriminator;
  if (key === undefined) return say('invalid');
  const value = isRecord(iss.input) ? iss.input[key] : undefined;
  if (value === undefined) return say('required');
  const options = 'options' in iss && Array.isArray(iss.options) ? iss.options.map(String) : [];
  return say('oneOf', { options });
}

/** The per-parse error map of one language. */
export function errorMap(say: Say): z.core.$ZodErrorMap {
  return (iss) => {
    switch (iss.code) {
      case 'invalid_type':
        return typeMessage(iss.expected, iss.input, say);
      case 'invalid_value':
        if (iss.input === undefined) return say('required');
        return iss.values.length === 1
          ? say('mustBeExactly', { value: String(iss.values[0]) })
          : say('oneOf', { options: iss.values.map(String) });
      case 'invalid_union':
        return unionMessage(iss, say);
      case 'too_small':
        return say(iss.inclusive ? 'atLeast' : 'greaterThan', { min: Number(iss.minimum) });
      case 'too_big':
        return say('atMost', { max: Number(iss.maximum) });
      case 'unrecognized_keys':
        return say('unknownField');
      default:
        return say('invalid');
    }
  };
}

function segments(path: readonly PropertyKey[]): Segment[] {
  return path.map((s) => (typeof s === 'number' ? s : String(s)));
}

/** At most this many unknown fields of one object are listed; the rest are counted. */
export const MAX_UNKNOWN_FIELDS = 100;

/** One problem per issue, and one per unknown key (at most `MAX_UNKNOWN_FIELDS` an object). */
export function issueProblems(issues: readonly z.core.$ZodIssue[], say: Say): RawProblem[] {
  const out: RawProblem[] = [];
  for (const iss of issues) {
    const path = segments(iss.path);
    if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys.slice(0, MAX_UNKNOWN_FIELDS))
        out.push({ path: [...path, key], message: say('unknownField') });
      const more = iss.keys.length - MAX_UNKNOWN_FIELDS;
      if (more > 0) out.push({ path, message: say('moreUnknownFields', { count: more }) });
    } else {
      out.push({ path, message: iss.message });
    }
  }
  return out;
}
