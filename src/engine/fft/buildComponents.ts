/**
 * A resolved scheme as independent components of the period's total S = Σ_c S_c, each with
 * its own Θ (one per risk, shared by every group exposed to it), in the form the transform needs
 * and independent of the grid.
 *
 * - `compound`: S_c = Σ_{i ≤ N} Y_i with N ~ Poisson(λΘ), Θ ~ Gamma(mean 1, cv): a cost risk
 *   (Y = the claimant's cost-driven benefits + daily allowances, as independent `parts`), or an
 *   event risk whose lump sums have no per-member cap that ever binds and no limit. Every lump
 *   sum counts the member's same events (the format's K), each event falling outside the waiting
 *   period for lump sum b with probability w_b independently, paying amount_b there and
 *   waitingAmount_b inside it: so a cell's events are Poisson(members·rate·Θ) and each pays
 *   Y = Σ_b c_b·(amount_b·B_b + waiting_b·(1 − B_b)), B_b ~ Bernoulli(w_b) independent, c_b the
 *   holder's shares when b pays per share, else 1; the events paying nothing are thinned away
 *   (λ = members·rate·P(Y > 0), Y given Y > 0). One lump sum without a waiting amount:
 *   λ = members·rate·w, Y = amount.
 *   Groups and holdings (the cells: group × holding, exposure.ts): given Θ the cells' counts are
 *   independent Poisson, so their sum is one compound Poisson with λ = Σ_cells λ_cell and Y the
 *   λ-weighted mixture of the cells' payments (a `mixture` part, or merged atoms). The Monte Carlo
 *   draws exactly these counts (simulateBlock.ts: Poisson per share class for a cost risk; per
 *   cell, the members' Poisson counts for an event risk).
 *   A cap "never binds" when the expected number of members whose events exceed it,
 *   Σ_cells members·P(K > ⌊cap/amount⌋) with K the per-member mixed Poisson count (all events
 *   and the larger of amount and waitingAmount when there is a waiting amount), is at most
 *   `maxNeglectedMass`; that number bounds the total-variation error and is reported.
 * - `capped-event`: an event risk with a binding per-member cap, or a limit (cappedEventPmf.ts).
 *
 * A limit on a cost risk: the claimant holding k shares is paid
 *   Y = U(X) + H(D) + Σ_l min(F_l(X) + G_l(D), cap_l·(k or 1))
 * (U, H the benefits under no limit, F_l, G_l those under limit l, each × (k or 1)); X and D are
 * independent, so given D = d, Y is one nondecreasing piecewise-linear function of X
 * (limitedPieces): the claim is the mixture over d, P(D = d), of those (`mixture` part).
 *
 * Parts of a claimant's payment: `continuous` (the cost-driven benefits of a continuous cost),
 * `atoms` (empirical costs, days, lump-sum amounts, and steps on a continuous cost, whose
 * payment takes one value per step) or `mixture` (with probability p_i the sum of branch i's
 * parts). Unbounded continuous parts (no cap) are truncated at `top`, the payment at the cost
 * quantile where λ·P(X > x) is `truncationBudget` (so the probability that any claim of the
 * period is truncated is at most that budget). `lattice` is the span (yuan) of which every
 * payment of the part is a multiple, when there is one (steps, days × perDay, lump sums, point
 * costs), else null.
 */
import type { CostRisk, DailyBenefit } from '../../domain/scenario.ts';
import type { ResolvedScheme, SchemeBenefit, SchemeCostRisk, SchemeEventRisk } from '../../domain/scheme.ts';
import { payFast } from '../../benefits/fast.ts';
import { addPiecewise, bandsPiecewise, stepsPiecewise, type Piecewise } from '../../benefits/piecewise.ts';
import { continuousCost, discreteValues, isContinuous, type ContinuousCost } from '../costDistribution.ts';
import { daysCount, mixedPoissonCount } from '../countDistribution.ts';
import { riskCells, shareFactor, type Cell } from '../exposure.ts';
import { waitingFactor } from '../expectedBenefit.ts';
import { costPayout, payoutPieces, type CostPayout, type Pieces } from './costPayout.ts';
import { commonLattice, latticeOf } from './lattice.ts';

export interface ContinuousPart {
  kind: 'continuous';
  payout: CostPayout;
  /** Largest payment represented; payments above are truncated to it. */
  top: number;
  lattice: null;
}

export interface AtomsPart {
  kind: 'atoms';
  values: Float64Array;
  probs: Float64Array;
  top: number;
  lattice: number | null;
}

/** With probability `prob` the payment is the (independent) sum of the branch's parts. */
export interface MixturePart {
  kind: 'mixture';
  branches: { prob: number; parts: Part[] }[];
  top: number;
  lattice: number | null;
}

export type Part = ContinuousPart | AtomsPart | MixturePart;

export interface CompoundComponent {
  kind: 'compound';
  risk: string;
  lambda: number;
  rateCv: number;
  parts: Part[];
  /** Bound on P(some payment of the period was truncated at `top`). */
  truncated: number;
  /** Bound on the total-variation error of ignoring caps that (almost) never bind. */
  neglected: number;
}

export interface CappedLump {
  /** Per-member rate of events outside the waiting period, rate·paid (before Θ). */
  lambda: number;
  /** Probability that an event falls outside the waiting period, w = 1 − newShare·waitingDays/365. */
  paid: number;
  amount: number;
  /** What an event in the waiting period pays (0: nothing, as in `/1`). */
  waitingAmount: number;
  cap: number;
  /** The member's shares when the lump sum pays per share, else 1: every payment and the cap × it. */
  factor: number;
}

/** The members of one or more cells (group × holding) alike for the risk: same rate, waiting share and shares. */
export interface CappedCell {
  members: number;
  /** Per-member event rate before waiting-period thinning and Θ: every lump sum counts these events. */
  rate: number;
  /** Lump sums that pay (cap Infinity when none). */
  lumps: CappedLump[];
  /** Limits over this cell's lump sums: indices into `lumps`, the member's cap (× shares when per share). */
  limits: { lumps: number[]; cap: number }[];
}

export interface CappedEventComponent {
  kind: 'capped-event';
  risk: string;
  rateCv: number;
  cells: CappedCell[];
}

export type Component = CompoundComponent | CappedEventComponent;

export interface ComponentOptions {
  truncationBudget: number;
  maxNeglectedMass: number;
}

/** Days probabilities below this (past the mean) end the days table. */
const MIN_DAYS_PMF = 1e-30;

type CostBenefit = Extract<SchemeBenefit, { type: 'bands' | 'steps' }>;
type DailySchemeBenefit = Extract<SchemeBenefit, { type: 'daily' }>;
type LumpSchemeBenefit = Extract<SchemeBenefit, { type: 'lump-sum' }>;

export function buildComponents(s: ResolvedScheme, o: ComponentOptions): Component[] {
  const unboundedCount = s.risks.filter(
    (r) => r.kind === 'cost' && isContinuous(r.cost) && costBenefits(s, r.id).some(unbounded),
  ).length;
  const budget = unboundedCount > 0 ? o.truncationBudget / unboundedCount : 0;
  return s.risks.flatMap((risk) => {
    const c =
      risk.kind === 'cost' ? costComponent(s, risk, budget) : eventComponent(s, risk, o.maxNeglectedMass);
    return c === null ? [] : [c];
  });
}

/** A claimant class: the claimants holding `shares` shares, λ = Σ_cells rate·members. */
interface ClaimClass {
  shares: number;
  lambda: number;
}

/**
 * A cost risk: its claimants' payment, a mixture over share classes when some benefit or limit
 * pays per share (else one class); null when it pays nothing.
 */
function costComponent(s: ResolvedScheme, risk: SchemeCostRisk, budget: number): CompoundComponent | null {
  const mine = s.benefits.filter((b) => b.risk === risk.id);
  const limits = s.limits.filter((l) => l.risk === risk.id);
  const perShare = mine.some((b) => b.perShare) || limits.some((l) => l.perShare);
  const classes: ClaimClass[] = [];
  for (const cell of riskCells(s, risk)) {
    const shares = perShare ? cell.shares : 1;
    const lambda = cell.rate * cell.members;
    const c = classes.find((x) => x.shares === shares);
    if (c) c.lambda += lambda;
    else classes.push({ shares, lambda });
  }
  const lambda = classes.reduce((sum, c) => sum + c.lambda, 0);
  if (classes.length === 0) return null;
  let truncated = 0;
  const claims = classes.map((c) => {
    const made = claimParts(s, risk, c.shares, lambda, budget);
    truncated = Math.max(truncated, made.truncated);
    return made.parts.filter((p) => p.top > 0);
  });
  let parts: Part[];
  if (classes.length === 1) parts = claims[0];
  else {
    const branches = classes.map((c, i) => ({ prob: c.lambda / lambda, parts: claims[i] }));
    parts = [mixture(branches.filter((b) => b.prob > 0))];
  }
  const live = parts.filter((p) => p.top > 0);
  return live.length === 0
    ? null
    : { kind: 'compound', risk: risk.id, lambda, rateCv: risk.rateCv, parts: live, truncated, neglected: 0 };
}

/** One claimant's parts for a holder of k shares (factors k or 1 by benefit); `lambda` sets the truncation point. */
function claimParts(
  s: ResolvedScheme,
  risk: SchemeCostRisk,
  k: number,
  lambda: number,
  budget: number,
): { parts: Part[]; truncated: number } {
  const cost = costBenefits(s, risk.id);
  const daily = s.benefits.filter((b): b is DailySchemeBenefit => b.risk === risk.id && b.type === 'daily');
  const limits = s.limits.filter((l) => l.risk === risk.id);
  if (limits.length > 0) return limitedClaim(s, risk, k, lambda, budget, cost, daily);
  const parts: Part[] = [];
  let truncated = 0;
  if (cost.length > 0 && isContinuous(risk.cost)) {
    const X = continuousCost(risk.cost);
    const bounded = !cost.some(unbounded);
    const xTop = bounded ? Infinity : X.quantileUpper(budget / lambda);
    const limit = bounded ? Infinity : xTop + 1;
    const pieces = scaled(payoutPieces(cost, limit), cost, k, limit);
    if (!bounded) truncated += budget;
    parts.push(continuousOrSteps(pieces, X, bounded, xTop));
  } else if (cost.length > 0) {
    const pays = cost.map((b) => factorPay(b, k));
    const values = discreteValues(risk.cost).map((v) => pays.reduce((sum, pay) => sum + pay(v), 0));
    parts.push(
      atoms(
        values,
        values.map(() => 1 / values.length),
      ),
    );
  }
  if (daily.length > 0 && risk.days) {
    const table = daysTable(daily, risk.days);
    const pays = daily.map((b) => factorPay(b, k));
    const values = table.days.map((n) => pays.reduce((sum, pay) => sum + pay(n), 0));
    parts.push(atoms(values, table.probs));
  }
  return { parts, truncated };
}

/** Pieces × k when every cost benefit pays per share (a mix is summed benefit by benefit); unchanged for one share. */
function scaled(pieces: Pieces, cost: CostBenefit[], k: number, limit: number): Pieces {
  if (k === 1 || !cost.some((b) => b.perShare)) return pieces;
  const pws = cost.map((b) => scalePiecewise(piecewiseOf(b, limit), shareFactor(b.perShare, k)));
  return { ...addPiecewise(pws), end: Math.min(...pws.map((p) => p.end)) };
}

/** The continuous part of pieces, or their atoms when every piece is flat (steps). */
function continuousOrSteps(pieces: Pieces, X: ContinuousCost, bounded: boolean, xTop: number): Part {
  if (pieces.s.every((v) => v === 0)) return stepAtoms(pieces, X, xTop);
  const payout = costPayout(pieces, X);
  return { kind: 'continuous', payout, top: bounded ? payout.sup : payout.at(xTop), lattice: null };
}

/**
 * A claimant under the risk's limits (see the module comment): given D = d (or once, without
 * daily allowances), the payment as a function of X; for empirical costs the atoms over (x, d).
 */
function limitedClaim(
  s: ResolvedScheme,
  risk: SchemeCostRisk,
  k: number,
  lambda: number,
  budget: number,
  cost: CostBenefit[],
  daily: DailySchemeBenefit[],
): { parts: Part[]; truncated: number } {
  const limits = s.limits
    .filter((l) => l.risk === risk.id)
    .map((l) => ({ ids: new Set(l.benefits), cap: l.cap * shareFactor(l.perShare, k) }));
  const limitOf = (b: SchemeBenefit) => limits.findIndex((l) => l.ids.has(b.id));
  const table =
    daily.length > 0 && risk.days ? daysTable(daily, risk.days) : { days: [0], probs: [1] as number[] };
  const dailyPays = daily.length > 0 && risk.days ? daily.map((b) => factorPay(b, k)) : [];
  // Per d: what the unlimited daily allowances pay, and each limit's daily part.
  const given = table.days.map((n) => {
    let free = 0;
    const g = limits.map(() => 0);
    daily.forEach((b, j) => {
      if (j >= dailyPays.length) return;
      const l = limitOf(b);
      if (l < 0) free += dailyPays[j](n);
      else g[l] += dailyPays[j](n);
    });
    return { free, g };
  });
  const limitsOfCost = cost.map(limitOf);
  if (cost.length > 0 && !isContinuous(risk.cost)) {
    const pays = cost.map((b) => factorPay(b, k));
    const xs = discreteValues(risk.cost);
    const values: number[] = [],
      probs: number[] = [];
    xs.forEach((x) => {
      const each = pays.map((pay) => pay(x));
      given.forEach(({ free, g }, i) => {
        const inLimit = [...g];
        let y = free;
        each.forEach((v, j) => (limitsOfCost[j] < 0 ? (y += v) : (inLimit[limitsOfCost[j]] += v)));
        inLimit.forEach((v, l) => (y += Math.min(v, limits[l].cap)));
        values.push(y);
        probs.push(table.probs[i] / xs.length);
      });
    });
    return { parts: [atoms(values, probs)], truncated: 0 };
  }
  if (cost.length === 0) {
    const values = given.map(({ free, g }) => g.reduce((y, v, l) => y + Math.min(v, limits[l].cap), free));
    return { parts: [atoms(values, table.probs)], truncated: 0 };
  }
  const X = continuousCost(risk.cost);
  // A benefit under a limit is first capped at the limit's cap / its factor: min(Σ c_b·f_b + g, C)
  // is unchanged (every f_b ≥ 0), and uncapped steps under a limit get finitely many pieces.
  const own = cost.map((b, j): CostBenefit => {
    const l = limitsOfCost[j];
    if (l < 0) return b;
    const cap = Math.min(b.cap ?? Infinity, limits[l].cap / shareFactor(b.perShare, k));
    return { ...b, cap };
  });
  const bounded = !own.some(unbounded);
  const xTop = bounded ? Infinity : X.quantileUpper(budget / lambda);
  const limit = bounded ? Infinity : xTop + 1;
  const pws = own.map((b) => scalePiecewise(piecewiseOf(b, limit), shareFactor(b.perShare, k)));
  const piecesAt = limitedPieces(
    pws,
    limitsOfCost,
    limits.map((l) => l.cap),
  );
  // Day counts that give the same payment function (a limit that always binds, days past every
  // maximum) are one branch: their probabilities added.
  const byPieces = new Map<string, { prob: number; pieces: Pieces }>();
  given.forEach(({ free, g }, i) => {
    const pieces = piecesAt(g, free);
    const key = `${pieces.x.join()}|${pieces.a.join()}|${pieces.s.join()}`;
    const same = byPieces.get(key);
    if (same) same.prob += table.probs[i];
    else byPieces.set(key, { prob: table.probs[i], pieces });
  });
  const branches = [...byPieces.values()].map(({ prob, pieces }) => ({
    prob,
    parts: [continuousOrSteps(pieces, X, bounded, xTop)],
  }));
  return {
    parts: [branches.length === 1 ? branches[0].parts[0] : mixture(branches)],
    truncated: bounded ? 0 : budget,
  };
}

/**
 * Y(x) = free + Σ_{b free} f_b(x) + Σ_l min(Σ_{b in l} f_b(x) + g_l, cap_l) as pieces, for given
 * g_l (the limit's daily allowances at D = d) and `free` (the other allowances): the benefits'
 * breakpoints, plus where each limit's line crosses its cap inside a piece; on each piece a limit
 * binds (pays its cap) or not, decided at the piece's middle. Nondecreasing, as every f_b is.
 */
export function limitedPieces(
  pws: Piecewise[],
  limitOf: number[],
  caps: number[],
): (g: number[], free: number) => Pieces {
  const L = caps.length;
  const end = Math.min(...pws.map((p) => p.end));
  const base = [...new Set(pws.flatMap((p) => Array.from(p.x)))].sort((u, v) => u - v);
  // Lines per piece of the union: the free sum (slot L) and each limit's sum, intercept and slope.
  const fa = base.map(() => new Float64Array(L + 1)),
    fs = base.map(() => new Float64Array(L + 1));
  pws.forEach((p, j) => {
    const slot = limitOf[j] < 0 ? L : limitOf[j];
    let k = 0;
    base.forEach((at, i) => {
      while (k + 1 < p.x.length && p.x[k + 1] <= at) k++;
      if (p.x[k] > at) return;
      fa[i][slot] += p.a[k];
      fs[i][slot] += p.s[k];
    });
  });
  return (g, free) => {
    const points: number[] = [];
    const of: number[] = [];
    base.forEach((x0, i) => {
      points.push(x0);
      of.push(i);
      const x1 = i + 1 < base.length ? base[i + 1] : Infinity;
      const cuts: number[] = [];
      for (let l = 0; l < L; l++) {
        if (!(fs[i][l] > 0)) continue;
        const cross = (caps[l] - g[l] - fa[i][l]) / fs[i][l];
        if (cross > x0 && cross < x1) cuts.push(cross);
      }
      cuts.sort((u, v) => u - v);
      for (const c of cuts)
        if (c > points[points.length - 1]) {
          points.push(c);
          of.push(i);
        }
    });
    const x: number[] = [],
      a: number[] = [],
      sl: number[] = [];
    points.forEach((x0, r) => {
      const i = of[r];
      const x1 = r + 1 < points.length ? points[r + 1] : Infinity;
      const mid = x1 < Infinity ? (x0 + x1) / 2 : x0 + Math.max(1, x0);
      let ya = free + fa[i][L],
        ys = fs[i][L];
      for (let l = 0; l < L; l++) {
        if (fa[i][l] + fs[i][l] * mid + g[l] > caps[l]) ya += caps[l];
        else {
          ya += fa[i][l] + g[l];
          ys += fs[i][l];
        }
      }
      const n = x.length;
      if (n > 0 && a[n - 1] === ya && sl[n - 1] === ys) return;
      x.push(x0);
      a.push(ya);
      sl.push(ys);
    });
    return { x: Float64Array.from(x), a: Float64Array.from(a), s: Float64Array.from(sl), end };
  };
}

/** A cost benefit's pieces; uncapped steps described on [0, limit) (as payoutPieces). */
function piecewiseOf(b: CostBenefit, limit: number): Piecewise {
  return b.type === 'bands' ? bandsPiecewise(b) : stepsPiecewise(b, b.cap === undefined ? limit : Infinity);
}

function scalePiecewise(p: Piecewise, c: number): Piecewise {
  if (c === 1) return p;
  return { x: p.x, a: p.a.map((v) => v * c), s: p.s.map((v) => v * c), end: p.end };
}

/** The benefit's payment × (k or 1). */
function factorPay(b: SchemeBenefit, k: number): (at: number) => number {
  const pay = payFast(b);
  const c = shareFactor(b.perShare, k);
  return c === 1 ? pay : (at) => c * pay(at);
}

/** Cells alike for an event risk (same rate, waiting share, shares) merged, in order of first appearance. */
function eventCells(s: ResolvedScheme, risk: SchemeEventRisk): (Cell & { newShare: number })[] {
  const out: (Cell & { newShare: number })[] = [];
  for (const cell of riskCells(s, risk)) {
    const newShare = s.groups[cell.group].newShare;
    const same = out.find((c) => c.rate === cell.rate && c.newShare === newShare && c.shares === cell.shares);
    if (same) same.members += cell.members;
    else out.push({ ...cell, newShare });
  }
  return out;
}

/** An event risk: compound when no cap ever binds and no limit, else capped; null when it pays nothing. */
function eventComponent(
  s: ResolvedScheme,
  risk: SchemeEventRisk,
  maxNeglectedMass: number,
): Component | null {
  const mine = s.benefits.filter((b): b is LumpSchemeBenefit => b.risk === risk.id && b.type === 'lump-sum');
  const limits = s.limits.filter((l) => l.risk === risk.id);
  const cells: CappedCell[] = eventCells(s, risk).flatMap((cell) => {
    const all = mine.map((b) => lumpOf(b, cell.rate, cell.newShare, cell.shares));
    const keep = all.map((l) => pays(l, cell.rate));
    const lumps = all.filter((_, j) => keep[j]);
    const index = new Map<string, number>();
    mine.forEach((b, j) => keep[j] && index.set(b.id, index.size));
    const cellLimits = limits.flatMap((l) => {
      const members = l.benefits.flatMap((id) => (index.has(id) ? [index.get(id)!] : []));
      return members.length === 0
        ? []
        : [{ lumps: members, cap: l.cap * shareFactor(l.perShare, cell.shares) }];
    });
    return lumps.length === 0 || cell.members === 0
      ? []
      : [{ members: cell.members, rate: cell.rate, lumps, limits: cellLimits }];
  });
  if (cells.length === 0) return null;
  let neglected = 0;
  for (const c of cells)
    for (const l of c.lumps)
      if (l.cap < Infinity) neglected += c.members * capExcessProbability(l, c.rate, risk.rateCv);
  if (neglected > maxNeglectedMass || cells.some((c) => c.limits.length > 0))
    return { kind: 'capped-event', risk: risk.id, rateCv: risk.rateCv, cells };
  const paid = cells.map((c) => {
    const live = c.lumps;
    if (live.length === 1 && live[0].waitingAmount === 0)
      return { lambda: c.members * live[0].lambda, values: [live[0].amount * live[0].factor], probs: [1] };
    const { values, probs, paying } = eventPayment(live);
    return { lambda: c.members * c.rate * paying, values, probs };
  });
  const compound = (lambda: number, part: AtomsPart): CompoundComponent => ({
    kind: 'compound',
    risk: risk.id,
    lambda,
    rateCv: risk.rateCv,
    parts: [part],
    truncated: 0,
    neglected,
  });
  if (paid.length === 1) return compound(paid[0].lambda, atoms(paid[0].values, paid[0].probs));
  // Several cells: one compound Poisson, λ = Σ λ_cell, each event's payment the λ-weighted mixture.
  const lambda = paid.reduce((sum, p) => sum + p.lambda, 0);
  const merged = new Map<number, number>();
  for (const p of paid)
    p.values.forEach((v, i) => merged.set(v, (merged.get(v) ?? 0) + (p.lambda / lambda) * p.probs[i]));
  return compound(lambda, atoms([...merged.keys()], [...merged.values()]));
}

function lumpOf(b: LumpSchemeBenefit, rate: number, newShare: number, shares: number): CappedLump {
  const paid = waitingFactor(b, newShare);
  return {
    lambda: rate * paid,
    paid,
    amount: b.amount,
    waitingAmount: b.waitingAmount,
    cap: b.cap ?? Infinity,
    factor: shareFactor(b.perShare, shares),
  };
}

/** Whether a lump sum ever pays: events outside the wait paying an amount, or inside it a waiting amount. */
function pays(l: CappedLump, rate: number): boolean {
  if (!(l.cap > 0) || !(rate > 0)) return false;
  return (l.lambda > 0 && l.amount > 0) || (l.paid < 1 && l.waitingAmount > 0);
}

/**
 * One event's payment Y = Σ_b c_b·(amount_b·B_b + waiting_b·(1 − B_b)), B_b ~ Bernoulli(paid_b)
 * independent, given Y > 0: its values and probabilities, and P(Y > 0). Built lump sum by lump
 * sum, equal sums merged (at most 2^B values for B lump sums).
 */
function eventPayment(lumps: CappedLump[]): { values: number[]; probs: number[]; paying: number } {
  let dist = new Map<number, number>([[0, 1]]);
  for (const l of lumps) {
    const next = new Map<number, number>();
    const add = (v: number, p: number) => {
      if (p > 0) next.set(v, (next.get(v) ?? 0) + p);
    };
    for (const [v, p] of dist) {
      add(v + l.waitingAmount * l.factor, p * (1 - l.paid));
      add(v + l.amount * l.factor, p * l.paid);
    }
    dist = next;
  }
  const values: number[] = [],
    weights: number[] = [];
  let paying = 0;
  for (const [v, p] of dist)
    if (v > 0) {
      values.push(v);
      weights.push(p);
      paying += p;
    }
  return { values, probs: weights.map((p) => p / paying), paying };
}

function costBenefits(s: ResolvedScheme, risk: string): CostBenefit[] {
  return s.benefits.filter(
    (b): b is CostBenefit => b.risk === risk && (b.type === 'bands' || b.type === 'steps'),
  );
}

function unbounded(b: SchemeBenefit): boolean {
  if (b.type === 'bands') return b.cap === undefined && b.bands[b.bands.length - 1].upTo === null;
  if (b.type === 'steps') return b.cap === undefined;
  return false;
}

/**
 * A payout that is constant on each piece (steps) is a discrete distribution: value a_k with
 * probability P(x_k ≤ X < x_{k+1}); the piece holding xTop (uncapped steps) takes all of X ≥ x_k.
 */
function stepAtoms(p: Pieces, X: ContinuousCost, xTop: number): AtomsPart {
  const values: number[] = [],
    probs: number[] = [];
  for (let k = 0; k < p.x.length; k++) {
    const last = k + 1 === p.x.length || p.x[k + 1] > xTop; // the piece holding xTop takes the tail
    values.push(p.a[k]);
    probs.push(last ? X.sf(p.x[k]) : X.probBetween(p.x[k], p.x[k + 1]));
    if (last) break;
  }
  return atoms(values, probs);
}

function atoms(values: number[], probs: number[]): AtomsPart {
  const v = Float64Array.from(values);
  let top = 0;
  for (const x of v) if (x > top) top = x;
  return { kind: 'atoms', values: v, probs: Float64Array.from(probs), top, lattice: latticeOf(v) };
}

/** A mixture of branches; its top the largest branch total, its lattice common to every part. */
function mixture(branches: { prob: number; parts: Part[] }[]): MixturePart {
  let top = 0,
    lattice: number | null = null,
    first = true;
  for (const b of branches) {
    top = Math.max(
      top,
      b.parts.reduce((sum, p) => sum + p.top, 0),
    );
    for (const p of b.parts) {
      lattice = first ? p.lattice : commonLattice(lattice, p.lattice);
      first = false;
    }
  }
  return { kind: 'mixture', branches, top, lattice };
}

/**
 * The days a claimant spends and their probabilities: n = 0, 1, … with P(D = n). When every
 * allowance has a maximum, P(D ≥ max) sits on max exactly; otherwise a bounded distribution
 * (fixed, empirical) runs to its maximum, an unbounded one until its pmf falls below 1e-30 past
 * the mean (the rest, smaller still, joins the last value).
 */
function daysTable(
  daily: DailyBenefit[],
  days: NonNullable<CostRisk['days']>,
): { days: number[]; probs: number[] } {
  const D = daysCount(days);
  const cap = daily.every((b) => b.maxDays !== undefined)
    ? Math.max(...daily.map((b) => b.maxDays!))
    : Infinity;
  const out: number[] = [];
  const probs: number[] = [];
  let cdf = 0;
  for (let n = 0; n <= D.max; n++) {
    const p = D.pmf(n);
    if (n >= cap) {
      out.push(n);
      probs.push(Math.max(0, 1 - cdf));
      break;
    }
    out.push(n);
    probs.push(p);
    cdf += p;
    // Unbounded (Poisson, negative binomial: unimodal) days end where the pmf is negligible.
    if (D.max === Infinity && n > D.mean && p < MIN_DAYS_PMF) {
      probs[probs.length - 1] += Math.max(0, 1 - cdf);
      break;
    }
  }
  return { days: out, probs };
}

/**
 * P(some member's payment could exceed the cap), per member: P(K > ⌊cap/amount⌋), K ~ Poisson(λΘ)
 * mixed over Θ (negative binomial), summed from the tail side; with a waiting amount every event
 * pays, K counts all events and the larger payment decides.
 */
function capExcessProbability(l: CappedLump, rate: number, rateCv: number): number {
  const waiting = l.waitingAmount > 0 && l.paid < 1;
  const K = mixedPoissonCount(waiting ? rate : l.lambda, rateCv);
  const first = Math.floor(l.cap / (waiting ? Math.max(l.amount, l.waitingAmount) : l.amount)) + 1;
  let sum = 0;
  for (let k = first; k < first + 10_000; k++) {
    const p = K.pmf(k);
    sum += p;
    if (k > K.mean && (p < 1e-30 || p < 1e-18 * sum)) break;
  }
  return sum;
}
