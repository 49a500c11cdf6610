/**
 * What changed between two scheme versions, field by field: every leaf of the canonical scenario
 * whose value differs, as `{ path, from, to }` (`benefits[0].cap: 13700 → 30200`). A field present
 * in one version only has `from` or `to` null; an added or removed list element appears as one
 * change with the whole element. `format` is never reported.
 *
 * Both versions are first written in one form of format `/2` (`comparable`), so that the same
 * scheme spelt two ways lists no change (a `/1` file against itself written as `/2`):
 *
 * - one group whose id is `"all"` (and no other holdings than one share each) is `members.count`
 *   with that group's `femaleShare` and `newShare`;
 * - holdings of one share each (`[{ shares: 1, fraction: 1 }]`) are left out, others are listed
 *   by number of shares;
 * - a contribution's or a risk's `groups` naming every group is left out, others are listed in the
 *   order of the groups;
 * - a rate by group naming every exposed group with one rate is that number; and when one version
 *   gives a risk one rate and the other a rate by group, the first is written by group (its exposed
 *   groups), so the change reads group by group (`risks[0].rate.retired: 0.04 → 0.08`);
 * - `perShare: false`, `waitingAmount: 0` and `limits: []` (the defaults) are left out;
 * - the fields are in the format's order (members first), as the changes are listed.
 */
import { ALL_GROUP, type Scenario } from '../domain/scenario.ts';

export interface Change {
  path: string;
  from: unknown;
  to: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export function diffScenarios(a: Scenario, b: Scenario): Change[] {
  const [x, y] = alignRates(comparable(a), comparable(b));
  const changes: Change[] = [];
  walk(x, y, '', changes);
  return changes.filter((c) => c.path !== 'format');
}

type Rec = Record<string, unknown>;

const ONE_EACH = (h: unknown) =>
  Array.isArray(h) && h.length === 1 && isObject(h[0]) && h[0].shares === 1 && h[0].fraction === 1;

/** A copy without the fields whose value is the format's default (false, 0 or an empty list). */
function withoutDefaults(o: Rec, fields: Record<string, unknown>): Rec {
  const out: Rec = {};
  for (const [k, v] of Object.entries(o))
    if (!(k in fields) || !(v === fields[k] || (Array.isArray(v) && v.length === 0 && fields[k] === 'empty')))
      out[k] = v;
  return out;
}

/** The group ids a list names, in the order of `order`; undefined when it names every group. */
function groupList(list: unknown, order: string[]): unknown {
  if (!Array.isArray(list)) return list;
  const named = list.map(String);
  if (order.length === named.length && order.every((g) => named.includes(g))) return undefined;
  if (!named.every((g) => order.includes(g))) return list;
  return order.filter((g) => named.includes(g));
}

/** The scenario in the one `/2` form `diffScenarios` compares (see the module's comment). */
export function comparable(s: Scenario): Rec {
  const out: Rec = { ...(s as unknown as Rec) };
  let order: string[] = [ALL_GROUP];
  const members = s.members as unknown as Rec;
  if (Array.isArray(members.groups)) {
    const groups = (members.groups as Rec[]).map((g) => {
      const { holdings, ...rest } = g;
      if (holdings === undefined || ONE_EACH(holdings)) return rest;
      const sorted = [...(holdings as Rec[])].sort((p, q) => Number(p.shares) - Number(q.shares));
      return { ...rest, holdings: sorted };
    });
    order = groups.map((g) => String(g.id));
    const [only] = groups;
    out.members =
      groups.length === 1 && only.id === ALL_GROUP && !('holdings' in only)
        ? Object.fromEntries(Object.entries(only).filter(([k]) => k !== 'id'))
        : { groups };
  }
  out.contributions = (s.contributions as unknown as Rec[]).map((c) =>
    strip({ ...withoutDefaults(c, { perShare: false }), groups: groupList(c.groups, order) }),
  );
  out.risks = (s.risks as unknown as Rec[]).map((r) => {
    const groups = groupList(r.groups, order);
    const exposed = Array.isArray(groups) ? groups.map(String) : order;
    return strip({ ...r, groups, rate: oneRate(r.rate, exposed) });
  });
  out.benefits = (s.benefits as unknown as Rec[]).map((b) =>
    withoutDefaults(b, { perShare: false, waitingAmount: 0 }),
  );
  if (Array.isArray(s.limits))
    out.limits = s.limits.map((l) => withoutDefaults(l as unknown as Rec, { perShare: false }));
  const ordered = withoutDefaults(out, { limits: 'empty' });
  return strip(
    Object.fromEntries(
      [
        ...KEY_ORDER.filter((k) => k in ordered),
        ...Object.keys(ordered).filter((k) => !KEY_ORDER.includes(k)),
      ].map((k) => [k, ordered[k]]),
    ),
  );
}

/** The order of the format's fields (docs/scenario-format.md), in which changes are listed. */
const KEY_ORDER = [
  'format',
  '$schema',
  'name',
  'period',
  'source',
  'notes',
  'members',
  'contributions',
  'fund',
  'risks',
  'benefits',
  'limits',
  'trend',
  'simulation',
];

/** A rate by group giving every exposed group the same rate is that rate. */
function oneRate(rate: unknown, exposed: string[]): unknown {
  if (!isObject(rate)) return rate;
  const keys = Object.keys(rate);
  const values = new Set(Object.values(rate));
  const same = keys.length === exposed.length && exposed.every((g) => keys.includes(g)) && values.size === 1;
  return same ? [...values][0] : rate;
}

/** Fields left undefined by `comparable` removed (so they are not listed as present). */
function strip(o: Rec): Rec {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** Where a risk has one rate in one version and a rate by group in the other: both by group. */
function alignRates(a: Rec, b: Rec): [Rec, Rec] {
  const ra = a.risks as Rec[];
  const rb = b.risks as Rec[];
  const byGroup = (x: Rec, side: Rec, other: Rec | undefined): Rec => {
    if (!other || typeof x.rate !== 'number' || !isObject(other.rate)) return x;
    const members = side.members as Rec;
    const order = Array.isArray(members.groups)
      ? (members.groups as Rec[]).map((g) => String(g.id))
      : [ALL_GROUP];
    const exposed = Array.isArray(x.groups) ? x.groups.map(String) : order;
    return { ...x, rate: Object.fromEntries(exposed.map((g) => [g, x.rate])) };
  };
  return [
    { ...a, risks: ra.map((r, i) => byGroup(r, a, rb[i])) },
    { ...b, risks: rb.map((r, i) => byGroup(r, b, ra[i])) },
  ];
}

function walk(a: unknown, b: unknown, path: string, out: Change[]): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const p = `${path}[${i}]`;
      if (i >= a.length) out.push({ path: p, from: null, to: b[i] });
      else if (i >= b.length) out.push({ path: p, from: a[i], to: null });
      else walk(a[i], b[i], p, out);
    }
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const k of keys) {
      const p = path ? `${path}.${k}` : k;
      if (!(k in b)) out.push({ path: p, from: a[k], to: null });
      else if (!(k in a)) out.push({ path: p, from: null, to: b[k] });
      else walk(a[k], b[k], p, out);
    }
    return;
  }
  if (a !== b) out.push({ path, from: a ?? null, to: b ?? null });
}
