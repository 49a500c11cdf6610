/**
 * The malformed scenario files in test/fixtures/invalid/ (also used by the CLI tests): each is
 * refused with the problems its name announces, and nothing else.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/domain/scenario.ts';
import { loadScenarioText } from '../../src/io/loadScenario.ts';
import { wordedResult } from '../helpers/worded.ts';

const dir = new URL('../fixtures/invalid/', import.meta.url);
const load = (file: string) => loadScenarioText(readFileSync(new URL(file, dir), 'utf8'));

/** Each file's result, its problems worded in English. */
const EXPECTED: Record<string, { ok: false; kind: 'syntax' | 'invalid'; problems: Problem[] }> = {
  'absurd-iterations.json': {
    ok: false,
    kind: 'invalid',
    problems: [{ path: 'simulation.iterations', message: 'must be an integer from 100 to 1000000' }],
  },
  'bands-out-of-order.json': {
    ok: false,
    kind: 'invalid',
    problems: [{ path: 'benefits[0].bands[2].upTo', message: 'must be greater than 10000' }],
  },
  'impossible-rate.json': {
    ok: false,
    kind: 'invalid',
    problems: [{ path: 'risks[1].rate', message: 'must be greater than 0 and at most 1' }],
  },
  'not-json-trailing-comma.json': {
    ok: false,
    kind: 'syntax',
    problems: [
      {
        path: '(root)',
        message:
          'not valid JSON at line 10, column 3: unexpected "}", expected a field name in double quotes',
      },
    ],
  },
  'pareto-shape-not-above-one.json': {
    ok: false,
    kind: 'invalid',
    problems: [
      {
        path: 'risks[0].cost.shape',
        message: 'must be greater than 1 (a Pareto II mean exists only for shape > 1)',
      },
    ],
  },
  'typo-upto.json': {
    ok: false,
    kind: 'invalid',
    problems: [
      { path: 'benefits[0].bands[1].upto', message: 'unknown field' },
      { path: 'benefits[0].bands[1].upTo', message: 'is required' },
    ],
  },
  'unknown-risk.json': {
    ok: false,
    kind: 'invalid',
    problems: [
      { path: 'benefits[1].risk', message: 'names no risk in risks[] (known: inpatient, light-illness)' },
    ],
  },
  'wrong-types.json': {
    ok: false,
    kind: 'invalid',
    problems: [
      { path: 'members.count', message: 'must be a number' },
      { path: 'contributions[0].amount', message: 'must be a number' },
      { path: 'fund', message: 'must be an object' },
      { path: 'risks[0].rate', message: 'must be a number' },
      { path: 'benefits[0].bands', message: 'must be a list' },
    ],
  },
};

describe('malformed scenario files', () => {
  it('every file in test/fixtures/invalid/ has its expected problems listed here', () => {
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s is refused with exactly its problems', (file, expected) => {
    expect(wordedResult(load(file))).toEqual(expected);
  });

  it('a problem is a code with its parameters; a syntax error carries its line, column and reason', () => {
    expect(load('bands-out-of-order.json')).toEqual({
      ok: false,
      kind: 'invalid',
      problems: [{ path: 'benefits[0].bands[2].upTo', code: 'greaterThan', params: { min: 10000 } }],
    });
    expect(load('not-json-trailing-comma.json')).toEqual({
      ok: false,
      kind: 'syntax',
      problems: [
        {
          path: '(root)',
          code: 'notJson',
          params: {
            line: 10,
            column: 3,
            reason: { code: 'unexpectedChar', params: { char: '"}"', expected: 'propertyName' } },
          },
        },
      ],
    });
  });
});
