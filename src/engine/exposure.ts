/**
 * Who is exposed to a risk, in cells of one group and one holding: the members the engine
 * simulates and the exact expectation counts, in integers.
 *
 *   members_g(who)  = round(count_g × memberScale), × femaleShare_g rounded for `who: "female"`
 *   members_{g,k}   = round(m·F_k) − round(m·F_{k−1}), F_k the cumulative fraction of the group's
 *                     holdings up to the k-th (the last F is 1, so the cells add up to m exactly)
 *
 * A `/1` file is one cell per risk: group `"all"`, one share, members(who) as before groups existed.
 */
import type { ResolvedGroup, ResolvedScheme, SchemeRisk } from '../domain/scheme.ts';

export interface Cell {
  /** Index into `scheme.groups`. */
  group: number;
  /** Shares each member of the cell holds. */
  shares: number;
  members: number;
  /** The group's rate for the risk (before trend and Θ). */
  rate: number;
}

/** members(who) of one group: integer, as the engine simulates them. */
export function groupMembers(g: ResolvedGroup, who: SchemeRisk['who'], memberScale = 1): number {
  const count = Math.round(g.count * memberScale);
  return who === 'female' ? Math.round(count * g.femaleShare) : count;
}

/** The cells exposed to a risk, in group order and holdings order. */
export function riskCells(s: ResolvedScheme, risk: SchemeRisk, memberScale = 1): Cell[] {
  const cells: Cell[] = [];
  s.groups.forEach((g, group) => {
    if (!risk.groups.includes(g.id)) return;
    const m = groupMembers(g, risk.who, memberScale);
    const rate = risk.rates[g.id];
    let cumulative = 0,
      before = 0;
    g.holdings.forEach((h, j) => {
      cumulative += h.fraction;
      const upTo = j === g.holdings.length - 1 ? m : Math.round(m * cumulative);
      cells.push({ group, shares: h.shares, members: upTo - before, rate });
      before = upTo;
    });
  });
  return cells;
}

/** Members exposed to a risk, all groups (the `/1` members(who)). */
export function riskMembers(s: ResolvedScheme, risk: SchemeRisk, memberScale = 1): number {
  let m = 0;
  for (const g of s.groups) if (risk.groups.includes(g.id)) m += groupMembers(g, risk.who, memberScale);
  return m;
}

/** Σ rate_g·members_g(who): claimants (cost) or events (event) expected per period, before trend in rates. */
export function riskExposure(s: ResolvedScheme, risk: SchemeRisk, memberScale = 1): number {
  let e = 0;
  for (const g of s.groups)
    if (risk.groups.includes(g.id)) e += risk.rates[g.id] * groupMembers(g, risk.who, memberScale);
  return e;
}

/** The largest rate of any exposed group (one group: its rate). */
export function maxRate(risk: SchemeRisk): number {
  return Math.max(...risk.groups.map((g) => risk.rates[g]));
}

/** All members of all groups. */
export function schemeMembers(s: ResolvedScheme, memberScale = 1): number {
  let m = 0;
  for (const g of s.groups) m += Math.round(g.count * memberScale);
  return m;
}

/** A benefit's multiplier for a holder of k shares: k when per share, else 1. */
export const shareFactor = (perShare: boolean, k: number): number => (perShare ? k : 1);
