/**
 * The payout distribution of an event risk with a binding per-member cap, on the risk's own
 * lattice (span σ = the gcd of its amounts and caps, so every payment is a grid point).
 *
 * Given Θ = θ the m members are independent: member payment W_b = min(a_b·K, cap_b) with
 * K ~ Poisson(λ_b·θ) for each capped lump sum b (independently per lump sum, as the Monte Carlo
 * engine draws them), and an uncapped lump sum pays a_b × Poisson(m·λ_b·θ) in all. So
 *
 *   φ(t | θ) = Π_{capped b} φ_{W_b}(t | θ)^m · Π_{uncapped b} exp(m·λ_b·θ·(e^{i·t·a_b} − 1)),
 *
 * and the payout's distribution is Σ_j w_j·P(S ∈ · | θ_j) over the nodes of thetaQuadrature.ts
 * (whose total-variation error is computed exactly and reported). Each conditional distribution is
 * narrow (its sd grows like √(mλθ) while the mixture spreads like mλθ·cv), so each is computed by
 * its own small FFT on a local window: the Chernoff points of the conditional cumulant generating
 * function Λ_θ(s) = Σ_capped m·ln Σ_k P(W = v_k)e^{s·v_k} + Σ_uncapped mλθ(e^{s·a} − 1) at 1e-18 on
 * each side (so each window misses at most 2e-18, reported in `outside`), the cf evaluated at the
 * L/2 + 1 frequencies of that window, φ_W^m = exp(m·(ln|φ_W| + i·arg φ_W)) (skipped where below
 * 1e-20), one inverse FFT, and the result added, weighted, at the window's place.
 *
 * K is followed while P(K = k | θ_max) ≥ 1e-30; the rest (each member < 1e-30) is put at the next
 * payment and counted in `neglected`. When the amounts have no usable lattice (a window would need
 * more than 2^16 points), payments are split onto a coarser span instead (mean-preserving, per
 * member and lump sum): `splitPerEvent` says so, and each event then carries a rounding error of
 * range < σ.
 */
import { goldenSection } from '../../stats/numerics/goldenSection.ts';
import type { CappedEventComponent, CappedLump } from './buildComponents.ts';
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

interface Lump {
  l: CappedLump;
  capped: boolean;
  /** Payment of atom k: k events (k ≤ kLast), then the rest. */
  values: Float64Array;
  /** (position on the grid, atom, share) after splitting onto the span. */
  index: Int32Array;
  atom: Int32Array;
  share: Float64Array;
}

export function cappedEventPmf(c: CappedEventComponent, o: QuadratureOptions): CappedEventPmf {
  const m = c.members;
  const mu = m * c.lumps.reduce((sum, l) => sum + l.lambda, 0);
  const quad = thetaQuadrature(mu, c.rateCv, o);
  const Q = quad.theta.length;
  let neglected = 0;
  const lumps = c.lumps.map((l) => {
    const { values, neglect } = lumpPayments(l, m, quad.theta[Q - 1]);
    neglected += neglect;
    return {
      l,
      capped: l.cap < Infinity,
      values,
      index: new Int32Array(0),
      atom: new Int32Array(0),
      share: new Float64Array(0),
    };
  });
  const probs = new Float64Array(Math.max(...lumps.map((x) => x.values.length)));

  // Windows in yuan from the exact payments, then the span: the lattice, or a split span.
  const lo = new Float64Array(Q),
    hi = new Float64Array(Q);
  let widest = 0;
  for (let q = 0; q < Q; q++) {
    const cgf = conditionalCgf(lumps, m, quad.theta[q], probs, true);
    lo[q] = windowPoint(cgf, -1);
    hi[q] = windowPoint(cgf, 1);
    widest = Math.max(widest, hi[q] - lo[q]);
  }
  const lattice = latticeOf(c.lumps.flatMap((l) => (l.cap < Infinity ? [l.amount, l.cap] : [l.amount])));
  const split = lattice === null || widest / lattice + 2 > MAX_WINDOW;
  const span = split ? widest / (MAX_WINDOW / 4) : lattice;
  for (const x of lumps) placeOnSpan(x, span);

  // Local windows in grid units (recomputed from the split payments when they were split).
  const from = new Float64Array(Q),
    size = new Int32Array(Q);
  let first = Infinity,
    last = -Infinity,
    largest = 4;
  for (let q = 0; q < Q; q++) {
    if (split) {
      const cgf = conditionalCgf(lumps, m, quad.theta[q], probs, false);
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
  const deadMod2 = Math.exp((-2 * SKIP) / m); // |φ_W|^m < 1e-20
  for (let q = 0; q < Q; q++) {
    const L = size[q],
      H = L / 2,
      mask = L - 1,
      stride = largest / L;
    const theta = quad.theta[q];
    for (let j = 0; j <= H; j++) {
      spec[2 * j] = 1;
      spec[2 * j + 1] = 0;
    }
    for (const x of lumps) {
      const nu = x.l.lambda * theta;
      atomProbabilities(x, nu, probs);
      for (let j = 0; j <= H; j++) {
        const sr = spec[2 * j],
          si = spec[2 * j + 1];
        if (sr === 0 && si === 0) continue;
        let wr = 0,
          wi = 0;
        for (let e = 0; e < x.index.length; e++) {
          const w = probs[x.atom[e]] * x.share[e];
          const idx = (Math.imul(j, x.index[e]) & mask) * stride; // (j·position) mod L: L divides 2^32
          wr += w * cos[idx];
          wi += w * sin[idx];
        }
        let logMod: number, arg: number;
        if (x.capped) {
          const mod2 = wr * wr + wi * wi;
          if (mod2 < deadMod2) {
            spec[2 * j] = 0;
            spec[2 * j + 1] = 0;
            continue;
          }
          logMod = 0.5 * m * Math.log(mod2);
          arg = m * Math.atan2(wi, wr);
        } else {
          logMod = m * nu * (wr - 1);
          if (logMod < -SKIP) {
            spec[2 * j] = 0;
            spec[2 * j + 1] = 0;
            continue;
          }
          arg = m * nu * wi;
        }
        const mod = Math.exp(logMod),
          fr = mod * Math.cos(arg),
          fi = mod * Math.sin(arg);
        spec[2 * j] = sr * fr - si * fi;
        spec[2 * j + 1] = sr * fi + si * fr;
      }
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
 * An uncapped lump sum's payment is per event: the amount.
 */
function lumpPayments(l: CappedLump, m: number, thetaMax: number): { values: Float64Array; neglect: number } {
  if (l.cap === Infinity) return { values: Float64Array.of(l.amount), neglect: 0 };
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
    values: Float64Array.from({ length: kLast + 2 }, (_, i) => Math.min(i * l.amount, l.cap)),
    neglect,
  };
}

/** P(atom k | ν) into probs: Poisson(ν) for k ≤ kLast, the rest on the last atom; 1 for an uncapped lump's single atom. */
function atomProbabilities(x: Lump, nu: number, probs: Float64Array): void {
  if (!x.capped) {
    probs[0] = 1;
    return;
  }
  const n = x.values.length;
  let p = Math.exp(-nu),
    cdf = 0;
  for (let k = 0; k < n - 1; k++) {
    probs[k] = p;
    cdf += p;
    p *= nu / (k + 1);
  }
  probs[n - 1] = Math.max(0, 1 - cdf);
}

/** The payments on a grid of span σ as (position, atom, share): one entry on the grid, else the mean-preserving split. */
function placeOnSpan(x: Lump, span: number): void {
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
 * Λ_θ(s) = ln E[e^{s·S} | θ] in yuan (`exact`: the payments themselves) or in grid units (the
 * placed entries), with a log-sum-exp over each member's few atoms.
 */
function conditionalCgf(
  lumps: Lump[],
  m: number,
  theta: number,
  probs: Float64Array,
  exact: boolean,
): (s: number) => number {
  return (s) => {
    let total = 0;
    for (const x of lumps) {
      const nu = x.l.lambda * theta;
      atomProbabilities(x, nu, probs);
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
      // Capped: m·ln E[e^{sW}]; uncapped: m·ν·(E[e^{s·a}] − 1) with E[e^{s·a}] = e^{top}·sum.
      total += x.capped ? m * (top + Math.log(sum)) : m * nu * (Math.exp(top) * sum - 1);
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
