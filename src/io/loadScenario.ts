/**
 * `loadScenarioText`: the text of a scenario file to a `Scenario`, or its problems.
 *
 * parseJson (syntax: one `(root)` problem, `not valid JSON at line L, column C: …`, or the file
 * is too large) then validateScenario (every problem in the file at once). `kind` tells a
 * caller which it was: the CLI exits 2 for `syntax` and 1 for `invalid`. Never throws.
 *
 * @example loadScenarioText('{').ok // false, kind 'syntax'
 */
import { message, type Lang } from '../domain/messages.ts';
import type { Problem, Scenario } from '../domain/scenario.ts';
import { parseJson } from './parseJson.ts';
import { validateScenario } from './validate.ts';

export type LoadResult =
  { ok: true; scenario: Scenario } | { ok: false; kind: 'syntax' | 'invalid'; problems: Problem[] };

export function loadScenarioText(text: string, options: { lang?: Lang } = {}): LoadResult {
  const lang = options.lang ?? 'en';
  const parsed = parseJson(text, { lang });
  if (!parsed.ok) {
    const reason =
      parsed.code === 'too-large'
        ? parsed.message
        : message(lang, 'notJson', { line: parsed.line, column: parsed.column, reason: parsed.message });
    return { ok: false, kind: 'syntax', problems: [{ path: '(root)', message: reason }] };
  }
  const validated = validateScenario(parsed.value, { lang });
  return validated.ok ? validated : { ok: false, kind: 'invalid', problems: validated.problems };
}
