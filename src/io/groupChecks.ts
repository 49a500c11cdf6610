/**
 * The rules of format `/2` that span several fields, over the raw input (raw.ts), for the
 * members and who pays and claims (limitChecks.ts has the waiting amount and the limits):
 *
 * - `members` gives exactly one of `count` and `groups` (`members.count: is required, unless
 *   members.groups is given`, `members.groups: cannot be given together with count …`), and
 *   beside `groups` no `femaleShare` or `newShare` of its own (each group has its own);
 * - group ids are unique; the groups' counts add up to at most `LIMITS.members`;
 * - a group's holdings hold distinct numbers of shares, and their fractions add up to 1 within
 *   `HOLDINGS_TOLERANCE` (the sum is shown: `they add up to 1.000000002`);
 * - `contributions[].groups` and `risks[].groups` name groups that exist (with `members.count`
 *   there is one, `"all"`), each once;
 * - a rate given by group names exactly the groups exposed to the risk: a missing group is
 *   reported at its own path (`risks[0].rate.retired: is required …`), and so is a group too many
 *   (one that does not exist, or is not exposed to the risk).
 */
import { ALL_GROUP } from '../domain/scenario.ts';
import { validationMessage as msg } from '../domain/validation.ts';
import { formatPath, type RawProblem, type Segment } from './path.ts';
import { field, isFiniteNumber, isRecord, listAt, listed, shown, type Rec } from './raw.ts';
import { LIMITS } from './schema.ts';

/** A group id that cannot be a key of a rate object (the schema refuses it). */
const RESERVED_GROUP_ID = '__proto__';

/** How far a group's holding fractions may add up from 1. */
export const HOLDINGS_TOLERANCE = 1e-9;

export function groupChecks(input: Rec): RawProblem[] {
  const members = field(input, 'members');
  if (!isRecord(members)) return [];
  const out = [...checkMembers(members), ...checkGroups(members)];
  const known = knownGroups(members);
  if (!known) return out;
  return [...out, ...checkContributionGroups(input, known), ...checkRiskGroups(input, known)];
}

function checkMembers(members: Rec): RawProblem[] {
  const hasCount = field(members, 'count') !== undefined;
  const hasGroups = field(members, 'groups') !== undefined;
  if (!hasCount && !hasGroups) return [{ path: ['members', 'count'], ...msg('countOrGroups') }];
  if (!hasGroups) return [];
  const out: RawProblem[] = [];
  if (hasCount) out.push({ path: ['members', 'groups'], ...msg('countAndGroups') });
  for (const key of ['femaleShare', 'newShare'])
    if (field(members, key) !== undefined)
      out.push({ path: ['members', key], ...msg('onEachGroup', { field: key }) });
  return out;
}

function checkGroups(members: Rec): RawProblem[] {
  const groups = listAt(members, 'groups', LIMITS.groups);
  if (!groups) return [];
  const out: RawProblem[] = [];
  const seen = new Map<string, number>();
  let total = 0;
  groups.forEach((g, i) => {
    const id = field(g, 'id');
    const count = field(g, 'count');
    total += isFiniteNumber(count) ? count : NaN;
    out.push(...checkHoldings(g, ['members', 'groups', i, 'holdings']));
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else
      out.push({
        path: ['members', 'groups', i, 'id'],
        ...msg('duplicateId', { id: shown(id), other: formatPath(['members', 'groups', first]) }),
      });
  });
  if (total > LIMITS.members)
    out.push({ path: ['members', 'groups'], ...msg('totalMembers', { max: LIMITS.members }) });
  return out;
}

function checkHoldings(group: unknown, at: Segment[]): RawProblem[] {
  const holdings = listAt(group, 'holdings', LIMITS.holdings);
  if (!holdings || holdings.length === 0) return [];
  const out: RawProblem[] = [];
  const seen = new Map<number, number>();
  let sum = 0;
  holdings.forEach((h, j) => {
    const shares = field(h, 'shares');
    const fraction = field(h, 'fraction');
    sum += isFiniteNumber(fraction) && fraction > 0 && fraction <= 1 ? fraction : NaN;
    if (!isFiniteNumber(shares)) return;
    const first = seen.get(shares);
    if (first === undefined) seen.set(shares, j);
    else
      out.push({
        path: [...at, j, 'shares'],
        ...msg('duplicateShares', { shares, other: formatPath([...at, first]) }),
      });
  });
  if (Math.abs(sum - 1) > HOLDINGS_TOLERANCE)
    out.push({ path: at, ...msg('holdingsSum', { sum: Number(sum.toPrecision(12)) }) });
  return out;
}

/**
 * The ids of the groups (first of duplicates): `["all"]` for `members.count`. Null, and so no
 * check of the lists and rates that name groups, when there are neither groups nor count, or the
 * groups are not a list the schema allows, or a group has no usable id: the schema's problem is
 * shown, and fixing it shows the rest (rather than every mention of the group as unknown).
 */
function knownGroups(members: Rec): string[] | null {
  const given = field(members, 'groups');
  if (given === undefined) return field(members, 'count') === undefined ? null : [ALL_GROUP];
  const groups = listAt(members, 'groups', LIMITS.groups);
  if (!groups || groups.length === 0) return null;
  const ids: string[] = [];
  for (const g of groups) {
    const id = field(g, 'id');
    if (typeof id !== 'string' || id === '' || id === RESERVED_GROUP_ID) return null;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * The problems of a list of group ids at `at` (unknown, named twice), and the known groups it
 * names, in its order; none (and no problem: the schema has one) when it is not a list of 1 to
 * `LIMITS.groups` entries.
 */
function checkGroupList(
  list: unknown,
  at: Segment[],
  known: string[],
): { problems: RawProblem[]; named: string[] | null } {
  const problems: RawProblem[] = [];
  const named: string[] = [];
  if (!Array.isArray(list) || list.length === 0 || list.length > LIMITS.groups)
    return { problems, named: null };
  const seen = new Map<string, number>();
  list.forEach((id, j) => {
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({
        path: [...at, j],
        ...msg('namedTwice', { id: shown(id), other: formatPath([...at, first]) }),
      });
      return;
    }
    seen.set(id, j);
    if (known.includes(id)) named.push(id);
    else problems.push({ path: [...at, j], ...msg('unknownGroup', { known: listed(known) }) });
  });
  return { problems, named };
}

function checkContributionGroups(input: Rec, known: string[]): RawProblem[] {
  const out: RawProblem[] = [];
  (listAt(input, 'contributions', LIMITS.contributions) ?? []).forEach((c, i) => {
    const groups = field(c, 'groups');
    if (groups !== undefined)
      out.push(...checkGroupList(groups, ['contributions', i, 'groups'], known).problems);
  });
  return out;
}

function checkRiskGroups(input: Rec, known: string[]): RawProblem[] {
  const out: RawProblem[] = [];
  (listAt(input, 'risks', LIMITS.risks) ?? []).forEach((r, i) => {
    const groups = field(r, 'groups');
    let exposed = known;
    if (groups !== undefined) {
      const checked = checkGroupList(groups, ['risks', i, 'groups'], known);
      out.push(...checked.problems);
      if (checked.named === null) return;
      exposed = checked.named;
    }
    const rate = field(r, 'rate');
    if (isRecord(rate)) out.push(...checkRateByGroup(rate, ['risks', i, 'rate'], exposed, known));
  });
  return out;
}

/** A rate object names exactly the exposed groups. */
function checkRateByGroup(rate: Rec, at: Segment[], exposed: string[], known: string[]): RawProblem[] {
  const out: RawProblem[] = [];
  for (const key of Object.keys(rate)) {
    if (!known.includes(key))
      out.push({ path: [...at, key], ...msg('unknownGroup', { known: listed(known) }) });
    else if (!exposed.includes(key))
      out.push({ path: [...at, key], ...msg('groupNotExposed', { group: shown(key) }) });
  }
  for (const group of exposed)
    if (!Object.hasOwn(rate, group))
      out.push({ path: [...at, group], ...msg('rateForGroup', { group: shown(group) }) });
  return out;
}
