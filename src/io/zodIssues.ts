/**
 * From zod's issues to the project's problems.
 *
 * zod carries an issue's message as a string, so the schema (schema.ts) and the error map here
 * put a problem's code and parameters in that string as JSON (`zodMessage('atLeast', { min: 0 })`)
 * and `issueProblems` reads them back (`readZodMessage`): io words nothing, the texts are in
 * src/messages/validation.ts (English and Chinese). A message that is not ours reads as `invalid`.
 *
 * `errorMap` gives the codes for everything a schema does not set itself: a missing field
 * (`required`), a wrong type (`mustBeNumber`), NaN or Infinity (`mustBeFinite`), a value outside
 * an enum or a literal (`oneOf`, `mustBeExactly`), an unknown discriminator (`oneOf` with the
 * options: `risks[0].cost.dist: must be one of: lognormal, gamma, pareto, empirical`). Range codes
 * are set in schema.ts, which takes precedence.
 *
 * `issueProblems` turns zod's issues into problems: one `unknownField` per unrecognised key, at
 * the key's own path (the first hundred of an object; then `moreUnknownFields` with the count).
 * A union that is not discriminated (a risk's `rate`: a number or an object of rates by group)
 * reports the problems of the one option whose type the value has, at their own paths; when the
 * value has the type of no option, the union's own code (`rateNumberOrGroups`).
 */
import type * as z from 'zod';
import {
  validationMessage,
  type ValidationArgs,
  type ValidationCode,
  type ValidationMessage,
} from '../domain/validation.ts';
import type { RawProblem, Segment } from './path.ts';

type RawIssue = z.core.$ZodRawIssue;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A problem's code and parameters as a zod message. */
export function zodMessage<C extends ValidationCode>(code: C, ...args: ValidationArgs<C>): string {
  return JSON.stringify(validationMessage(code, ...args));
}

/** The code and parameters in a zod message made by `zodMessage` (anything else: `invalid`). */
export function readZodMessage(message: string): ValidationMessage {
  try {
    const m: unknown = JSON.parse(message);
    if (isRecord(m) && typeof m.code === 'string' && isRecord(m.params)) return m as ValidationMessage;
  } catch {
    /* not ours */
  }
  return validationMessage('invalid');
}

function typeMessage(expected: string, input: unknown): string {
  if (input === undefined) return zodMessage('required');
  switch (expected) {
    case 'number':
    case 'int':
      return typeof input === 'number' ? zodMessage('mustBeFinite') : zodMessage('mustBeNumber');
    case 'string':
      return zodMessage('mustBeText');
    case 'object':
      return zodMessage('mustBeObject');
    case 'array':
      return zodMessage('mustBeList');
    case 'boolean':
      return zodMessage('mustBeBoolean');
    default:
      return zodMessage('invalid');
  }
}

function unionMessage(iss: Extract<RawIssue, { code: 'invalid_union' }>): string {
  const key = iss.discriminator;
  if (key === undefined) return zodMessage('invalid');
  const value = isRecord(iss.input) ? iss.input[key] : undefined;
  if (value === undefined) return zodMessage('required');
  const options = 'options' in iss && Array.isArray(iss.options) ? iss.options.map(String) : [];
  return zodMessage('oneOf', { options });
}

/** The per-parse error map: a code for every issue a schema does not word itself. */
export const errorMap: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      return typeMessage(iss.expected, iss.input);
    case 'invalid_value':
      if (iss.input === undefined) return zodMessage('required');
      return iss.values.length === 1
        ? zodMessage('mustBeExactly', { value: String(iss.values[0]) })
        : zodMessage('oneOf', { options: iss.values.map(String) });
    case 'invalid_union':
      return unionMessage(iss);
    case 'too_small':
      return iss.inclusive
        ? zodMessage('atLeast', { min: Number(iss.minimum) })
        : zodMessage('greaterThan', { min: Number(iss.minimum) });
    case 'too_big':
      return zodMessage('atMost', { max: Number(iss.maximum) });
    case 'unrecognized_keys':
      return zodMessage('unknownField');
    default:
      return zodMessage('invalid');
  }
};

function segments(path: readonly PropertyKey[]): Segment[] {
  return path.map((s) => (typeof s === 'number' ? s : String(s)));
}

/**
 * The issues of the one option of a failed union whose type the value has (every other option
 * failed with a wrong type at its root), or null when there is not exactly one such option.
 */
function matchingOption(
  iss: Extract<z.core.$ZodIssue, { code: 'invalid_union' }>,
): z.core.$ZodIssue[] | null {
  const wrongType = (i: z.core.$ZodIssue) => i.code === 'invalid_type' && i.path.length === 0;
  const typed = iss.errors.filter((option) => !option.some(wrongType));
  return typed.length === 1 ? typed[0] : null;
}

/** At most this many unknown fields of one object are listed; the rest are counted. */
export const MAX_UNKNOWN_FIELDS = 100;

/** One problem per issue, and one per unknown key (at most `MAX_UNKNOWN_FIELDS` an object). */
export function issueProblems(issues: readonly z.core.$ZodIssue[]): RawProblem[] {
  const out: RawProblem[] = [];
  for (const iss of issues) {
    const path = segments(iss.path);
    if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys.slice(0, MAX_UNKNOWN_FIELDS))
        out.push({ path: [...path, key], ...validationMessage('unknownField') });
      const more = iss.keys.length - MAX_UNKNOWN_FIELDS;
      if (more > 0) out.push({ path, ...validationMessage('moreUnknownFields', { count: more }) });
      continue;
    }
    const option = iss.code === 'invalid_union' ? matchingOption(iss) : null;
    if (option) for (const p of issueProblems(option)) out.push({ ...p, path: [...path, ...p.path] });
    else out.push({ path, ...readZodMessage(iss.message) });
  }
  return out;
}
