/**
 * `loadScenarioText`: the text of a scenario file to a `Scenario`, or its problems.
 *
 * parseJson (syntax: one `(root)` problem, `notJson` with its line, column and reason, or
 * `tooLarge`) then validateScenario (every problem in the file at once). `kind` tells a caller
 * which it was: the CLI exits 2 for `syntax` and 1 for `invalid`. Problems are codes
 * (src/domain/validation.ts), worded by src/messages/validation.ts. Never throws.
 *
 * @example loadScenarioText('{').ok // false, kind 'syntax'
 */
import type { Scenario } from '../domain/scenario.ts';
import { scenarioProblem, type ScenarioProblem } from '../domain/validation.ts';
import { parseJson } from './parseJson.ts';
import { validateScenario } from './validate.ts';

export type LoadResult =
  { ok: true; scenario: Scenario } | { ok: false; kind: 'syntax' | 'invalid'; problems: ScenarioProblem[] };

export function loadScenarioText(text: string): LoadResult {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const problem =
      parsed.code === 'too-large'
        ? scenarioProblem('(root)', 'tooLarge', { mb: parsed.mb })
        : scenarioProblem('(root)', 'notJson', {
            line: parsed.line,
            column: parsed.column,
            reason: parsed.reason,
          });
    return { ok: false, kind: 'syntax', problems: [problem] };
  }
  const validated = validateScenario(parsed.value);
  return validated.ok ? validated : { ok: false, kind: 'invalid', problems: validated.problems };
}
