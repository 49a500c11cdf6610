/**
 * Properties of the scenario file's edge (parseJson, validateScenario, serialiseScenario) over
 * generated files: valid ones are accepted and round-trip; files with one thing broken are refused
 * with a problem at (or under) the broken field; garbage is refused; nothing throws; and every
 * problem's path reads back and points into the document (or names a missing field of an object
 * that is there). Fixed seeds, so a failure replays in CI.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScenarioProblem } from '../../src/domain/validation.ts';
import { formatPath } from '../../src/io/path.ts';
import { loadScenarioText } from '../../src/io/loadScenario.ts';
import { parseJson } from '../../src/io/parseJson.ts';
import { serialiseScenario } from '../../src/io/serialise.ts';
import { MAX_PROBLEMS, validateScenario } from '../../src/io/validate.ts';
import { jsonReasonText, VALIDATION_TEXTS, validationText } from '../../src/messages/validation.ts';
import { problemLines } from '../helpers/worded.ts';
import {
  garbageText,
  garbageValue,
  nearValidScenario,
  validScenario,
  validScenario2,
} from './arbitraries.ts';
import { parsePath, pathProblem } from './paths.ts';

const SEED = 42;

/** Something left unfilled in a text: a parameter the code does not carry, or a figure gone wrong. */
const UNFILLED = /undefined|NaN|\[object/;

/**
 * Each problem has a path that reads back and points into `doc`, a code of the catalogue, and a
 * one-line text in each language with every parameter filled.
 */
function expectWellPlaced(doc: unknown, problems: ScenarioProblem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  expect(problems.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
  for (const p of problems) {
    const where = pathProblem(doc, parsePath(p.path));
    expect(where, `${p.path}: ${p.code}`).toBeNull();
    expect(Object.keys(VALIDATION_TEXTS.en), p.path).toContain(p.code);
    for (const lang of ['en', 'zh'] as const) {
      const message = validationText(lang, p);
      expect(message.length).toBeGreaterThan(0);
      expect(message, p.path).not.toMatch(/[\n\r]/);
      expect(message, p.path).not.toMatch(UNFILLED);
    }
  }
}

/**
 * `doc` is accepted and validates to itself, and serialise ∘ validate is a fixed point; returns
 * the canonical text.
 */
function expectRoundTrip(doc: unknown): string {
  const text = JSON.stringify(doc);
  const parsed = parseJson(text);
  expect(parsed.ok).toBe(true);
  const value = parsed.ok ? parsed.value : null;
  const r = validateScenario(value);
  if (!r.ok) expect.fail(`refused: ${problemLines(r.problems)}\n${text.slice(0, 2000)}`);
  expect(r.scenario).toEqual(value);
  const canonical = serialiseScenario(r.scenario);
  const again = loadScenarioText(canonical);
  expect(again.ok).toBe(true);
  if (again.ok) {
    expect(again.scenario).toEqual(r.scenario);
    expect(serialiseScenario(again.scenario)).toBe(canonical);
  }
  return canonical;
}

describe('a valid scenario file', () => {
  it('is accepted, validates to the file itself, and serialise ∘ validate is a fixed point', () => {
    fc.assert(
      fc.property(validScenario(), (doc) => {
        expectRoundTrip(doc);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('a valid /2 file (groups, holdings, rates by group, per-share benefits, waiting amounts, limits)', () => {
  it('is accepted, validates to the file itself, and serialise ∘ validate is a fixed point that stays /2', () => {
    fc.assert(
      fc.property(validScenario2(), (doc) => {
        expect(JSON.parse(expectRoundTrip(doc)).format).toBe('huzhu-scenario/2');
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('a scenario file with one thing broken', () => {
  it('is refused, with a problem at or under the broken field and every path pointing into the file', () => {
    fc.assert(
      fc.property(nearValidScenario(), (b) => {
        const value = b.jsonSafe ? JSON.parse(JSON.stringify(b.doc)) : b.doc;
        const r = validateScenario(value);
        if (r.ok) expect.fail(`accepted with ${b.what} at ${formatPath(b.path)}`);
        expectWellPlaced(value, r.problems);
        const at = formatPath(b.path);
        const under = r.problems.filter((p) => {
          const segments = parsePath(p.path);
          return b.path.every((s, i) => segments[i] === s) || at === '(root)';
        });
        expect(under.length, `${b.what} at ${at}; problems: ${problemLines(r.problems)}`).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('garbage', () => {
  it('as text: parseJson and validateScenario never throw; a syntax error has a line and column; the rest is refused with paths into the value', () => {
    fc.assert(
      fc.property(garbageText, (text) => {
        const parsed = parseJson(text);
        if (!parsed.ok) {
          expect(parsed.line).toBeGreaterThanOrEqual(1);
          expect(parsed.column).toBeGreaterThanOrEqual(1);
          if (parsed.code === 'syntax')
            for (const lang of ['en', 'zh'] as const)
              expect(jsonReasonText(lang, parsed.reason)).not.toMatch(/[\n\r]|undefined/);
          return;
        }
        const r = validateScenario(parsed.value);
        if (!r.ok) expectWellPlaced(parsed.value, r.problems);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('as a value (NaN, undefined, −0, any object): validateScenario never throws and its paths point into the value', () => {
    fc.assert(
      fc.property(garbageValue, (value) => {
        const r = validateScenario(value);
        expect(r.ok).toBe(false);
        if (!r.ok) expectWellPlaced(value, r.problems);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
