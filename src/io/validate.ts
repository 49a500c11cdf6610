/**
 * `validateScenario`: any value to a `Scenario`, or every problem with it at once.
 *
 *   value ─┬─ zod schema (schema.ts; messages: zodIssues.ts) ── structural problems ─┐
 *          └─ cross-field checks over the raw value (crossChecks.ts) ─────────────────┴─ merge
 *
 * merge: a cross-field problem at a path the schema already flagged is dropped (the schema's
 * word about a field comes first); exact duplicates are dropped; problems are put in document
 * order (path.ts); past `MAX_PROBLEMS` the rest is counted in one last `(root)` problem.
 *
 * Never throws, whatever `value` is (including cyclic objects, proxies and throwing getters:
 * anything that throws while being read becomes a `(root)` problem). The scenario returned is
 * a fresh copy that holds only the fields of the format. Messages are English unless
 * `{ lang: 'zh' }`.
 *
 * @example validateScenario({ format: 'huzhu-scenario/1' }).ok // false: name, members, … are required
 */
import { sayer, type Lang, type Say } from '../domain/messages.ts';
import type { Problem, Scenario } from '../domain/scenario.ts';
import { crossChecks } from './crossChecks.ts';
import { formatPath, sortByDocument, type RawProblem } from './path.ts';
import { asScenario, scenarioSchema } from './schema.ts';
import { errorMap, issueProblems } from './zodIssues.ts';

export interface ValidateOptions {
  lang?: Lang;
}

export type ValidateResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

/** At most this many problems are listed; the rest are counted. */
export const MAX_PROBLEMS = 1000;

export function validateScenario(value: unknown, options: ValidateOptions = {}): ValidateResult {
  const lang = options.lang ?? 'en';
  const say = sayer(lang);
  try {
    return check(value, lang, say);
  } catch (e) {
    return {
      ok: false,
      problems: [{ path: '(root)', message: say('unreadable', { reason: describeError(e) }) }],
    };
  }
}

function check(value: unknown, lang: Lang, say: Say): ValidateResult {
  const parsed = scenarioSchema(lang).safeParse(value, { error: errorMap(say) });
  const structural = parsed.success ? [] : issueProblems(parsed.error.issues, say);
  const problems = merge(value, structural, crossChecks(value, say), say);
  if (parsed.success && problems.length === 0) return { ok: true, scenario: asScenario(parsed.data) };
  return { ok: false, problems: problems.length ? problems : [{ path: '(root)', message: say('invalid') }] };
}

function merge(value: unknown, structural: RawProblem[], cross: RawProblem[], say: Say): Problem[] {
  const flagged = new Set(structural.map((p) => formatPath(p.path)));
  const all = structural.concat(cross.filter((p) => !flagged.has(formatPath(p.path))));
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const p of sortByDocument(value, all)) {
    const problem = { path: formatPath(p.path), message: p.message };
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  if (out.length <= MAX_PROBLEMS) return out;
  const more = say('moreProblems', { count: out.length - MAX_PROBLEMS });
  return [...out.slice(0, MAX_PROBLEMS), { path: '(root)', message: more }];
}

function describeError(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return 'unknown error';
  }
}
