/**
 * Test helpers: src/io returns validation problems as `{ path, code, params }`; these word them as
 * the shells do (src/messages/validation.ts), so that a test can compare the rendered texts with
 * hand-written expected strings.
 */
import type { Lang } from '../../src/domain/format.ts';
import type { Problem } from '../../src/domain/scenario.ts';
import type { ScenarioProblem } from '../../src/domain/validation.ts';
import { scenarioProblemLine, scenarioProblemText } from '../../src/messages/validation.ts';

/** Problems as `{ path, message }` in `lang`. */
export function wordedProblems(problems: readonly ScenarioProblem[], lang: Lang = 'en'): Problem[] {
  return problems.map((p) => scenarioProblemText(lang, p));
}

export type Worded<R> = R extends { problems: ScenarioProblem[] }
  ? Omit<R, 'problems'> & { problems: Problem[] }
  : R;

/** A result with its problems (if any) as `{ path, message }` in `lang`. */
export function wordedResult<R extends object>(r: R, lang: Lang = 'en'): Worded<R> {
  if (!('problems' in r)) return r as Worded<R>;
  return { ...r, problems: wordedProblems(r.problems as ScenarioProblem[], lang) } as Worded<R>;
}

/** Problems on one line each, `path: message`, joined by `; ` (for failure messages). */
export function problemLines(problems: readonly ScenarioProblem[]): string {
  return problems.map((p) => scenarioProblemLine('en', p)).join('; ');
}
