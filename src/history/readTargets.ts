/**
 * Calibration targets read from plain data (a JSON file, the workbench's form) and checked once,
 * at the edge: `{ ok, targets }` or every problem as `{ at: { path }, code, params }`, never a throw.
 *
 * Fields (all optional, at least two of the cost targets — paid, each count, the largest — for
 * the two parameters of a family):
 * - `members`, `claimants`: the members the risk applies to and its claimants in the same period(s):
 *   the claimant rate is claimants / members, fitted exactly (a closed form, not a parameter);
 * - `paid` (total paid to those claimants) or `paidPerClaimant`, with `paidTolerance`, the relative
 *   standard error the fit gives it (default 0.01: 1%);
 * - `above`: `[{ threshold, count }]`, N(> t), the number of claimants whose amount exceeds t, in
 *   increasing threshold order; `largest`: the largest amount; `on`: what the amount is, `payout`
 *   (default: what the risk's bands and steps benefits pay a claimant) or `cost` (the self-paid cost X);
 * - `draws`: the number of claimants the counts and the largest are among (default `claimants`);
 * - `families`: the cost families to fit (default all three: lognormal, gamma, pareto).
 */
import { MAX_COUNT, MAX_HISTORY_MONEY, moneyProblem, wholeProblem } from './cells.ts';
import type { Family } from './fitClaims.ts';
import { historyMessage as msg, type HistoryMessage, type HistoryProblem } from './messages.ts';

export interface CountTarget {
  threshold: number;
  count: number;
}

export interface Targets {
  members?: number;
  claimants?: number;
  paid?: number;
  paidPerClaimant?: number;
  paidTolerance?: number;
  above?: CountTarget[];
  largest?: number;
  on?: 'payout' | 'cost';
  draws?: number;
  families?: Family[];
}

export const TARGET_FIELDS = [
  'members',
  'claimants',
  'paid',
  'paidPerClaimant',
  'paidTolerance',
  'above',
  'largest',
  'on',
  'draws',
  'families',
] as const;

export const FAMILIES: readonly Family[] = ['lognormal', 'gamma', 'pareto'];
export const DEFAULT_PAID_TOLERANCE = 0.01;

export type ReadTargetsResult = { ok: true; targets: Targets } | { ok: false; problems: HistoryProblem[] };

/** Checks `raw` as calibration targets (see the file comment). */
export function readTargets(raw: unknown): ReadTargetsResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, problems: [{ at: { path: '(root)' }, ...msg('tgtNotObject') }] };
  const o = raw as Record<string, unknown>;
  const problems: HistoryProblem[] = [];
  const push = (path: string, m: HistoryMessage | null) => {
    if (m) problems.push({ at: { path }, ...m });
  };
  for (const k of Object.keys(o))
    if (!(TARGET_FIELDS as readonly string[]).includes(k))
      push(k, msg('tgtUnknownField', { field: k, allowed: TARGET_FIELDS }));
  const num = (path: string, v: unknown, check: (x: number) => HistoryMessage | null) => {
    if (v === undefined) return;
    push(
      path,
      typeof v === 'number' && Number.isFinite(v) ? check(v) : msg('notNumber', { text: String(v) }),
    );
  };
  const whole = (min: number) => (x: number) => wholeProblem(x, min);
  const amount = (x: number) => (x > 0 ? moneyProblem(x) : msg('positive'));
  num('members', o.members, whole(1));
  num('claimants', o.claimants, whole(0));
  num('draws', o.draws, whole(1));
  num('paid', o.paid, moneyProblem);
  num('paidPerClaimant', o.paidPerClaimant, (x) =>
    x > 0 && x <= MAX_HISTORY_MONEY ? null : msg('moneyRange', { max: MAX_HISTORY_MONEY }),
  );
  num('paidTolerance', o.paidTolerance, (x) => (x > 0 && x <= 1 ? null : msg('tgtTolerance')));
  num('largest', o.largest, amount);
  if (o.on !== undefined && o.on !== 'payout' && o.on !== 'cost') push('on', msg('tgtOn'));
  if (o.paid !== undefined && o.paidPerClaimant !== undefined) push('paidPerClaimant', msg('tgtPaidBoth'));
  if (o.families !== undefined) {
    const ok =
      Array.isArray(o.families) &&
      o.families.length > 0 &&
      o.families.every((f) => (FAMILIES as readonly unknown[]).includes(f));
    if (!ok) push('families', msg('tgtFamilies', { allowed: FAMILIES }));
  }
  if (o.above !== undefined) {
    if (!Array.isArray(o.above)) push('above', msg('tgtAboveList'));
    else
      o.above.forEach((a: unknown, i) => {
        if (typeof a !== 'object' || a === null) return push(`above[${i}]`, msg('tgtAboveList'));
        const { threshold, count, ...rest } = a as Record<string, unknown>;
        for (const k of Object.keys(rest))
          push(`above[${i}].${k}`, msg('tgtUnknownField', { field: k, allowed: ['threshold', 'count'] }));
        if (threshold === undefined) push(`above[${i}].threshold`, msg('required'));
        if (count === undefined) push(`above[${i}].count`, msg('required'));
        num(`above[${i}].threshold`, threshold, amount);
        num(`above[${i}].count`, count, (x) => wholeProblem(x, 0, MAX_COUNT));
      });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, targets: o as Targets };
}
