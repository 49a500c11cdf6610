/**
 * `validateScenario`: any value to a `Scenario`, or every problem with it at once.
 *
 *   value ─┬─ zod schema (schema.ts; codes: zodIssues.ts) ───── structural problems ─┐
 *          └─ cross-field checks over the raw value (crossChecks.ts) ─────────────────┴─ merge
 *
 * The schema is that of `/1` for a file whose format is `huzhu-scenario/1` (so a `/1` file is
 * read exactly as before `/2` existed, and a `/2` field in it is refused with `needsFormat2`),
 * and that of `/2` (which also accepts `/1`) for every other file; the cross-field checks of `/2`
 * run likewise only for a file that is not `/1`.
 *
 * merge: a cross-field problem at a path the schema already flagged is dropped (the schema's
 * word about a field comes first); exact duplicates (path, code and params) are dropped; problems
 * are put in document order (path.ts); past `MAX_PROBLEMS` the rest is counted in one last
 * `(root)` problem.
 *
 * Never throws, whatever `value` is (including cyclic objects, proxies and throwing getters:
 * anything that throws while being read becomes a `(root)` problem). The scenario returned is
 * a fresh copy that holds only the fields of the format. A problem is `{ path, code, params }`
 * (src/domain/validation.ts); its words, in English and Chinese, are in src/messages/validation.ts.
 *
 * @example validateScenario({ format: 'huzhu-scenario/1' }).ok // false: name, members, … are required
 */
import { SCENARIO_FORMAT_1, type Scenario } from '../domain/scenario.ts';
import { scenarioProblem, validationMessage, type ScenarioProblem } from '../domain/validation.ts';
import { crossChecks } from './crossChecks.ts';
import { formatPath, sortByDocument, type RawProblem } from './path.ts';
import { asScenario, scenarioSchema, scenarioSchema1 } from './schema.ts';
import { errorMap, issueProblems } from './zodIssues.ts';

export type ValidateResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** At most this many problems are listed; the rest are counted. */
export const MAX_PROBLEMS = 1000;

export function validateScenario(value: unknown): ValidateResult {
  try {
    return check(value);
  } catch (e) {
    return { ok: false, problems: [scenarioProblem('(root)', 'unreadable', { reason: describeError(e) })] };
  }
}

function check(value: unknown): ValidateResult {
  const schema = isFormat1(value) ? scenarioSchema1() : scenarioSchema();
  const parsed = schema.safeParse(value, { error: errorMap });
  const structural = parsed.success ? [] : issueProblems(parsed.error.issues);
  const problems = merge(value, structural, crossChecks(value));
  if (parsed.success && problems.length === 0) return { ok: true, scenario: asScenario(parsed.data) };
  return { ok: false, problems: problems.length ? problems : [scenarioProblem('(root)', 'invalid')] };
}

/** A file that says it is `huzhu-scenario/1` (read with the `/1` schema, exactly as before `/2`). */
function isFormat1(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.hasOwn(value, 'format') &&
    (value as { format: unknown }).format === SCENARIO_FORMAT_1
  );
}

function merge(value: unknown, structural: RawProblem[], cross: RawProblem[]): ScenarioProblem[] {
  const flagged = new Set(structural.map((p) => formatPath(p.path)));
  const all = structural.concat(cross.filter((p) => !flagged.has(formatPath(p.path))));
  const seen = new Set<string>();
  const out: ScenarioProblem[] = [];
  for (const p of sortByDocument(value, all)) {
    const problem = { path: formatPath(p.path), code: p.code, params: p.params } as ScenarioProblem;
    const key = `${problem.path}\u0000${problem.code}\u0000${JSON.stringify(problem.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  if (out.length <= MAX_PROBLEMS) return out;
  const more = validationMessage('moreProblems', { count: out.length - MAX_PROBLEMS });
  return [...out.slice(0, MAX_PROBLEMS), { path: '(root)', ...more }];
}

function describeError(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return 'unknown error';
  }
}
