/**
 * The payout distribution of an event risk with a binding per-member cap or a limit, on the
 * risk's own lattice (span σ = the gcd of its amounts, waiting amounts and caps, × shares, so
 * every payment is a grid point).
 *
 * Given Θ = θ the members are independent; those of one cell (group × holding, cells alike
 * merged: same rate, waiting share and shares) pay W_c with the same distribution, so
 *
 *   φ(t | θ) = Π_cells φ_{W_c}(t | θ)^{m_c}.
 *
 * One lump sum without a waiting amount or a limit: W = c·min(a·K, cap), K ~ Poisson(λ·θ) (λ the
 * rate thinned by the waiting period, c the shares when it pays per share, else 1). Otherwise
 * every lump sum counts the member's same events K ~ Poisson(rate·θ), each outside lump sum b's
 * waiting period with probability w_b independently, J_b | K ~ Binomial(K, w_b), paying
 * W_b = c_b·min(cap_b, a_b·J_b + waiting_b·(K − J_b)) (uncapped lump sums included, cap ∞); W is
 * Σ_b W_b over the lump sums under no limit plus, per limit, min(Σ_{b in it} W_b, its cap × (shares
 * or 1)) — as the Monte Carlo pays them (simulateBlock.ts, limitedEvents and lumpOfCount):
 * P(W = v | θ) = Σ_k P(K = k | θ)·P(W = v | K = k), the second factor tabulated once (memberTable).
 *
 * The payout's distribution is Σ_j w_j·P(S ∈ · | θ_j) over the nodes of thetaQuadrature.ts
 * (whose total-variation error is computed exactly and reported). Each conditional distribution is
 * narrow (its sd grows like √(mλθ) while the mixture spreads like mλθ·cv), so each is computed by
 * its own small FFT on a local window: the Chernoff points of the conditional cumulant generating
 * function Λ_θ(s) = Σ_cells m_c·ln Σ_i P(W_c = v_i | θ)e^{s·v_i} at 1e-18 on each side (so each
 * window misses at most 2e-18, reported in `outside`), the cf evaluated at the L/2 + 1 frequencies
 * of that window, Π_c φ_{W_c}^{m_c} = exp(Σ_c m_c·(ln|φ_{W_c}| + i·arg φ_{W_c})) (skipped where below
 * 1e-20), one inverse FFT, and the result added, weighted, at the window's place.
 *
 * K is followed while P(K = k | θ_max) ≥ 1e-30; the rest (each member < 1e-30) is put at the next
 * count and counted in `neglected`. When the amounts have no usable lattice (a window would need
 * more than 2^16 points), payments are split onto a coarser span instead (mean-preserving, per
 * member): `splitPerEvent` says so, and each member paid (at most one per event) then carries a
 * rounding error of range < σ.
 */
import { goldenSection } from '../../stats/numerics/goldenSection.ts';
import { logBinomialPmf } from '../../stats/special.ts';
import type { CappedCell, CappedEventComponent, CappedLump } from './buildComponents.ts';
import { ON_GRID } from './discretise.ts';
import { latticeOf } from './lattice.ts';
import { realFft } from './realFft.ts';
import { thetaQuadrature, type QuadratureOptions } from './thetaQuadrature.ts';

export interface CappedEventPmf {
  /** P(S = origin + i·span). */
  pmf: Float64Array;
  origin: number;
  span: number;
  /** Mass outside the local windows (≤ 2e-18 per node). */
  outside: number;
  /** Total-variation error of the Θ quadrature. */
  quadrature: number;
  neglected: number;
  splitPerEvent: boolean;
  /** Mean of the risk's event count T (for the rounding bound when split). */
  events: number;
}

const MAX_WINDOW = 1 << 16;
const SKIP = 46.0517; // −ln 1e-20
const WINDOW_TAIL = 1e-18;

/** One member's payment W: its possible values and how to get their probabilities given θ. */
interface Member {
  /** The cell's members, alike. */
  m: number;
  /** The member's events per unit θ: K ~ Poisson(rate·θ). */
  rate: number;
  /** Possible payments. One lump sum: k·amount for k = 0..kLast, then min((kLast + 1)·amount, cap). */
  values: Float64Array;
  /**
   * P(W = values[i] | K = k) at [k·values.length + i], k = 0..rows − 1, the last row standing for
   * K ≥ rows − 1; null for one lump sum, where value k is K = k (the last: K ≥ kLast + 1).
   */
  table: Float64Array | null;
  /** Scratch: P(W = values[i] | θ). */
  probs: Float64Array;
  /** (position on the grid, atom, share) after splitting onto the span. */
  index: Int32Array;
  atom: Int32Array;
  share: Float64Array;
}

export function cappedEventPmf(c: CappedEventComponent, o: QuadratureOptions): CappedEventPmf {
  // One member per cell alike (group × holding): its count K ~ Poisson(rate·θ) and payment table.
  const simple = (cell: CappedCell) =>
    cell.lumps.length === 1 && cell.lumps[0].waitingAmount === 0 && cell.limits.length === 0;
  const rates = c.cells.map((cell) => (simple(cell) ? cell.lumps[0].lambda : cell.rate));
  let mu = 0;
  c.cells.forEach((cell, i) => (mu += cell.members * rates[i]));
  const quad = thetaQuadrature(mu, c.rateCv, o);
  const Q = quad.theta.length;
  let neglected = 0;
  const members: Member[] = c.cells.map((cell, i) => {
    const made = simple(cell)
      ? lumpPayments(cell.lumps[0], cell.members, quad.theta[Q - 1])
      : memberTable(cell, rates[i] * quad.theta[Q - 1]);
    neglected += made.neglect;
    return {
      m: cell.members,
      rate: rates[i],
      values: made.values,
      table: made.table,
      probs: new Float64Array(made.values.length),
      index: new Int32Array(0),
      atom: new Int32Array(0),
      share: new Float64Array(0),
    };
  });

  // Windows in yuan from the exact payments, then the span: the lattice, or a split span.
  const lo = new Float64Array(Q),
    hi = new Float64Array(Q);
  let widest = 0;
  for (let q = 0; q < Q; q++) {
    const cgf = conditionalCgf(members, quad.theta[q], true);
    lo[q] = windowPoint(cgf, -1);
    hi[q] = windowPoint(cgf, 1);
    widest = Math.max(widest, hi[q] - lo[q]);
  }
  const lattice = latticeOf(
    c.cells.flatMap((cell) => [
      ...cell.lumps.flatMap((l) => [
        l.amount * l.factor,
        ...(l.cap < Infinity ? [l.cap * l.factor] : []),
        ...(l.waitingAmount > 0 ? [l.waitingAmount * l.factor] : []),
      ]),
      ...cell.limits.map((l) => l.cap),
    ]),
  );
  const split = lattice === null || widest / lattice + 2 > MAX_WINDOW;
  const span = split ? widest / (MAX_WINDOW / 4) : lattice;
  for (const x of members) placeOnSpan(x, span);

  // Local windows in grid units (recomputed from the split payments when they were split).
  const from = new Float64Array(Q),
    size = new Int32Array(Q);
  let first = Infinity,
    last = -Infinity,
    largest = 4;
  for (let q = 0; q < Q; q++) {
    if (split) {
      const cgf = conditionalCgf(members, quad.theta[q], false);
      lo[q] = windowPoint(cgf, -1);
      hi[q] = windowPoint(cgf, 1);
    } else {
      lo[q] /= span;
      hi[q] /= span;
    }
    from[q] = Math.max(0, Math.floor(lo[q]));
    size[q] = Math.max(4, 2 ** Math.ceil(Math.log2(Math.ceil(hi[q]) - from[q] + 2)));
    first = Math.min(first, from[q]);
    last = Math.max(last, from[q] + size[q]);
    largest = Math.max(largest, size[q]);
  }
  const pmf = new Float64Array(last - first);
  const cos = new Float64Array(largest),
    sin = new Float64Array(largest);
  for (let i = 0; i < largest; i++) {
    cos[i] = Math.cos((2 * Math.PI * i) / largest);
    sin[i] = -Math.sin((2 * Math.PI * i) / largest);
  }
  const spec = new Float64Array(largest + 2),
    local = new Float64Array(largest);
  const deadMod2 = members.map((x) => Math.exp((-2 * SKIP) / x.m)); // |φ_W|^m < 1e-20
  const several = members.length > 1;
  for (let q = 0; q < Q; q++) {
    const L = size[q],
      H = L / 2,
      mask = L - 1,
      stride = largest / L;
    const theta = quad.theta[q];
    for (const x of members) memberProbabilities(x, x.rate * theta, x.probs);
    for (let j = 0; j <= H; j++) {
      // Π_cells φ_W(t)^m: the log-modulus and argument summed over the cells.
      let logMod = 0,
        arg = 0,
        dead = false;
      for (let cIdx = 0; cIdx < members.length && !dead; cIdx++) {
        const x = members[cIdx];
        let wr = 0,
          wi = 0;
        for (let e = 0; e < x.index.length; e++) {
          const w = x.probs[x.atom[e]] * x.share[e];
          const idx = (Math.imul(j, x.index[e]) & mask) * stride; // (j·position) mod L: L divides 2^32
          wr += w * cos[idx];
          wi += w * sin[idx];
        }
        const mod2 = wr * wr + wi * wi;
        if (mod2 < deadMod2[cIdx]) dead = true;
        else {
          logMod += 0.5 * x.m * Math.log(mod2);
          arg += x.m * Math.atan2(wi, wr);
        }
      }
      if (dead || (several && logMod < -SKIP)) {
        spec[2 * j] = 0;
        spec[2 * j + 1] = 0;
        continue;
      }
      const mod = Math.exp(logMod);
      spec[2 * j] = mod * Math.cos(arg);
      spec[2 * j + 1] = mod * Math.sin(arg);
    }
    realFft(L).inverse(spec, local);
    const w = quad.weight[q],
      start = from[q];
    for (let i = 0; i < L; i++) {
      const p = local[(start + i) & mask];
      if (p > 0) pmf[start - first + i] += w * p;
    }
  }
  return {
    pmf,
    origin: first * span,
    span,
    outside: 2 * WINDOW_TAIL,
    quadrature: quad.distance,
    neglected,
    splitPerEvent: split,
    events: mu,
  };
}

/**
 * A lump sum's possible payments per member: k·amount for k = 0..kLast, then min((kLast + 1)·amount,
 * cap) for the rest (exactly the cap when kLast + 1 = ⌈cap/amount⌉). kLast stops early where
 * P(K = k | θ_max) < 1e-30 past the mean; `neglect` bounds the members misplaced by that.
 */
function lumpPayments(l: CappedLump, m: number, thetaMax: number): MemberTable {
  let kLast = Math.ceil(l.cap / l.amount) - 1;
  let neglect = 0;
  const nu = l.lambda * thetaMax;
  let p = Math.exp(-nu),
    k = 0;
  while (k < kLast && !(k > nu && p < 1e-30)) {
    k++;
    p *= nu / k;
  }
  if (k < kLast) {
    neglect = m * p;
    kLast = k;
  }
  return {
    values: Float64Array.from({ length: kLast + 2 }, (_, i) => Math.min(i * l.amount, l.cap) * l.factor),
    table: null,
    neglect,
  };
}

interface MemberTable {
  values: Float64Array;
  table: Float64Array | null;
  neglect: number;
}

/**
 * Several lump sums, a waiting amount or a limit: P(W = v | K = k) for k = 0..kTail, the row
 * kTail standing for K ≥ kTail. kTail is where every lump sum pays its cap whatever K is above it
 * (all capped, and every event paying at least e_b > 0: the amount when none waits, the smaller of
 * amount and waiting amount otherwise: max ⌈cap/e_b⌉), or else one past the last k with
 * P(K = k | θ_max) ≥ 1e-30 past the mean, `neglect` bounding the members misplaced (m·P(K = k) at
 * the stop, as lumpPayments). Each row: per lump sum, c·min(cap, amount·J + waiting·(k − J)),
 * J ~ Binomial(k, w) (independent between lump sums, as the Monte Carlo draws them); the lump
 * sums under no limit convolved, and each limit's convolved and then cut at its cap
 * (min(Σ, cap)); equal payments merged.
 */
function memberTable(cell: CappedCell, nuMax: number): MemberTable {
  const { lumps, members: m } = cell;
  const least = (l: CappedLump) =>
    l.paid === 1 ? l.amount : l.paid === 0 ? l.waitingAmount : Math.min(l.amount, l.waitingAmount);
  const saturates = lumps.every((l) => l.cap < Infinity && least(l) > 0);
  const kSat = saturates ? Math.max(...lumps.map((l) => Math.ceil(l.cap / least(l)))) : Infinity;
  let p = Math.exp(-nuMax),
    k = 0;
  while (k + 1 < kSat && !(k > nuMax && p < 1e-30)) {
    k++;
    p *= nuMax / k;
  }
  const kTail = k + 1;
  const neglect = kTail < kSat ? m * p : 0;
  const limited = new Set(cell.limits.flatMap((l) => l.lumps));
  const atomOf = new Map<number, number>();
  const rows: Map<number, number>[] = [];
  for (let n = 0; n <= kTail; n++) {
    const one = (l: CappedLump) => {
      const out = new Map<number, number>();
      for (let j = 0; j <= n; j++) {
        const pj = binomialPmf(j, n, l.paid);
        if (pj === 0) continue;
        const pay = Math.min(l.cap, l.amount * j + l.waitingAmount * (n - j)) * l.factor;
        out.set(pay, (out.get(pay) ?? 0) + pj);
      }
      return out;
    };
    let dist = new Map<number, number>([[0, 1]]);
    lumps.forEach((l, b) => {
      if (limited.has(b)) return;
      const next = new Map<number, number>();
      for (let j = 0; j <= n; j++) {
        const pj = binomialPmf(j, n, l.paid);
        if (pj === 0) continue;
        const pay = Math.min(l.cap, l.amount * j + l.waitingAmount * (n - j)) * l.factor;
        for (const [v, q] of dist) next.set(v + pay, (next.get(v + pay) ?? 0) + q * pj);
      }
      dist = next;
    });
    for (const limit of cell.limits) {
      let within = new Map<number, number>([[0, 1]]);
      for (const b of limit.lumps) within = convolveMaps(within, one(lumps[b]));
      const cut = new Map<number, number>();
      for (const [v, q] of within) {
        const c = Math.min(v, limit.cap);
        cut.set(c, (cut.get(c) ?? 0) + q);
      }
      dist = convolveMaps(dist, cut);
    }
    for (const v of dist.keys()) if (!atomOf.has(v)) atomOf.set(v, atomOf.size);
    rows.push(dist);
  }
  const V = atomOf.size;
  const table = new Float64Array((kTail + 1) * V);
  rows.forEach((dist, n) => {
    for (const [v, q] of dist) table[n * V + atomOf.get(v)!] += q;
  });
  return { values: Float64Array.from(atomOf.keys()), table, neglect };
}

/** The distribution of the sum of two independent payments given as value → probability. */
function convolveMaps(a: Map<number, number>, b: Map<number, number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [u, p] of b) for (const [v, q] of a) out.set(v + u, (out.get(v + u) ?? 0) + q * p);
  return out;
}

/** P(J = j) for J ~ Binomial(n, w), 0 ≤ w ≤ 1. */
function binomialPmf(j: number, n: number, w: number): number {
  if (w === 1) return j === n ? 1 : 0;
  if (w === 0) return j === 0 ? 1 : 0;
  return Math.exp(logBinomialPmf(j, n, w));
}

/**
 * P(W = values[i] | ν) into probs, K ~ Poisson(ν): one lump sum, Poisson(ν) for k ≤ kLast and the
 * rest on the last value; several, Σ_k P(K = k)·table row k with the rest on the last row.
 */
function memberProbabilities(x: Member, nu: number, probs: Float64Array): void {
  const n = x.values.length;
  let p = Math.exp(-nu),
    cdf = 0;
  if (x.table === null) {
    for (let k = 0; k < n - 1; k++) {
      probs[k] = p;
      cdf += p;
      p *= nu / (k + 1);
    }
    probs[n - 1] = Math.max(0, 1 - cdf);
    return;
  }
  const rows = x.table.length / n;
  probs.fill(0);
  for (let k = 0; k < rows; k++) {
    const weight = k < rows - 1 ? p : Math.max(0, 1 - cdf);
    cdf += p;
    p *= nu / (k + 1);
    if (weight === 0) continue;
    for (let i = 0; i < n; i++) probs[i] += weight * x.table[k * n + i];
  }
}

/** The payments on a grid of span σ as (position, atom, share): one entry on the grid, else the mean-preserving split. */
function placeOnSpan(x: Member, span: number): void {
  const index: number[] = [],
    atom: number[] = [],
    share: number[] = [];
  x.values.forEach((v, k) => {
    const u = v / span,
      near = Math.round(u);
    if (Math.abs(u - near) <= ON_GRID * Math.max(1, u)) {
      index.push(near);
      atom.push(k);
      share.push(1);
      return;
    }
    const j = Math.floor(u);
    index.push(j, j + 1);
    atom.push(k, k);
    share.push(1 - (u - j), u - j);
  });
  x.index = Int32Array.from(index);
  x.atom = Int32Array.from(atom);
  x.share = Float64Array.from(share);
}

/**
 * Λ_θ(s) = ln E[e^{s·S} | θ] = Σ_cells m·ln E[e^{s·W} | θ] in yuan (`exact`: the payments
 * themselves) or in grid units (the placed entries), with a log-sum-exp over each member's few atoms.
 */
function conditionalCgf(members: Member[], theta: number, exact: boolean): (s: number) => number {
  return (s) => {
    let total = 0;
    for (const x of members) {
      const probs = x.probs;
      memberProbabilities(x, x.rate * theta, probs);
      const n = exact ? x.values.length : x.index.length;
      let top = -Infinity;
      for (let e = 0; e < n; e++) {
        const w = exact ? probs[e] : probs[x.atom[e]] * x.share[e];
        if (w > 0) top = Math.max(top, s * (exact ? x.values[e] : x.index[e]));
      }
      let sum = 0;
      for (let e = 0; e < n; e++) {
        const w = exact ? probs[e] : probs[x.atom[e]] * x.share[e];
        if (w > 0) sum += w * Math.exp(s * (exact ? x.values[e] : x.index[e]) - top);
      }
      total += x.m * (top + Math.log(sum)); // m·ln E[e^{sW}]
    }
    return total;
  };
}

/**
 * The Chernoff point of a conditional total: above it (side 1) or below it (side −1) lies at most
 * 1e-18; golden section over ln s ∈ [ln 1e-12, ln 1e3] to 1e-3 (at most 60 steps).
 */
function windowPoint(cgf: (s: number) => number, side: 1 | -1): number {
  const L = -Math.log(WINDOW_TAIL);
  const f = (u: number) => {
    const s = Math.exp(u);
    return (cgf(side * s) + L) / s;
  };
  return side * goldenSection(f, Math.log(1e-12), Math.log(1e3), { tolerance: 1e-3, maxIterations: 60 }).fx;
}
