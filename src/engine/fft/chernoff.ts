/**
 * Chernoff bounds on the tails of S from its cumulant generating function Λ(s) = ln E[e^{sS}]
 * (a sum over independent components):
 *
 *   P(S ≥ x) ≤ inf_{s>0} exp(Λ(s) − s·x),      P(S ≤ x) ≤ inf_{s>0} exp(Λ(−s) + s·x),
 *
 * and, inverted, the window that holds all but ε/2 on each side:
 *   x_hi = inf_{s>0} (Λ(s) + ln(2/ε))/s,        x_lo = sup_{s>0} −(Λ(−s) + ln(2/ε))/s.
 * Λ is convex with Λ(0) = 0, so every objective here is unimodal in s (in ln s too) and is
 * minimised by golden-section search over ln s; Λ = +∞ outside its domain is allowed.
 *
 * Components (compound: N mixed Poisson, claims Y on a grid of span h):
 *   Poisson:  Λ(s) = λ(M_Y(s) − 1);   Gamma-mixed (r = 1/cv², β = λcv²): Λ(s) = −r·ln(1 − β(M_Y(s) − 1)),
 *   finite while β(M_Y(s) − 1) < 1. M_Y(s) − 1 = (e^{sh} − 1)·Σ_j P(Y > jh)·e^{sjh} (Horner on the
 *   survival function), accurate even for tiny s.
 * A plain pmf on span g (a capped event risk's total), with `slack` for a later split onto the
 * grid (each atom moved by less than `slack`): Λ(s) = ln E[e^{sS}] + |s|·slack.
 */

import { goldenSection } from '../../stats/numerics/goldenSection.ts';

export type Cgf = (s: number) => number;

/** Λ of a compound mixed-Poisson total with claims `pmf` on span h. */
export function compoundCgf(pmf: Float64Array, h: number, lambda: number, rateCv: number): Cgf {
  const survival = survivalOf(pmf);
  const r = rateCv > 0 ? 1 / (rateCv * rateCv) : 0;
  const beta = lambda * rateCv * rateCv;
  return (s) => {
    const m1 = mgfMinusOne(survival, h, s);
    if (!Number.isFinite(m1)) return Infinity;
    if (r === 0) return lambda * m1;
    const x = beta * m1;
    return x < 1 ? -r * Math.log1p(-x) : Infinity;
  };
}

/**
 * Λ of a distribution given by its pmf at origin + j·g, plus |s|·slack: s·origin + ln(1 + (M(s) − 1))
 * near s = 0; once M(s) is far from 1, where that would cancel, ln Σ_j p_j e^{sjg} by Horner from
 * the first positive mass (so that large negative s does not underflow).
 */
export function pmfCgf(pmf: Float64Array, g: number, slack: number, origin = 0): Cgf {
  const survival = survivalOf(pmf);
  let first = 0;
  while (first < pmf.length - 1 && !(pmf[first] > 0)) first++;
  return (s) => {
    const m1 = mgfMinusOne(survival, g, s);
    if (Number.isNaN(m1) || m1 === Infinity) return Infinity;
    const shift = s * origin + Math.abs(s) * slack;
    if (m1 > -0.5) return Math.log1p(m1) + shift;
    const z = Math.exp(s * g);
    let acc = 0;
    for (let j = pmf.length - 1; j >= first; j--) acc = acc * z + pmf[j];
    return s * g * first + Math.log(acc) + shift;
  };
}

export function sumCgf(parts: Cgf[]): Cgf {
  return (s) => {
    let sum = 0;
    for (const f of parts) sum += f(s);
    return sum;
  };
}

/** Bound on P(S ≥ x). `scale` is a typical size of S (its mean), to place the search. */
export function upperTail(cgf: Cgf, x: number, scale: number): number {
  if (x <= 0) return 1;
  const best = minimiseLog((s) => cgf(s) - s * x, scale);
  return Math.min(1, Math.exp(best));
}

/** Bound on P(S ≤ x) (P(S < x) too). */
export function lowerTail(cgf: Cgf, x: number, scale: number): number {
  if (x < 0) return 0;
  const best = minimiseLog((s) => cgf(-s) + s * x, scale);
  return Math.min(1, Math.exp(best));
}

/** A point x_hi with P(S ≥ x_hi) ≤ tail. */
export function upperPoint(cgf: Cgf, tail: number, scale: number): number {
  const L = -Math.log(tail);
  return minimiseLog((s) => (cgf(s) + L) / s, scale);
}

/** A point x_lo with P(S ≤ x_lo) ≤ tail (possibly negative: then no lower cut is needed). */
export function lowerPoint(cgf: Cgf, tail: number, scale: number): number {
  const L = -Math.log(tail);
  return -minimiseLog((s) => (cgf(-s) + L) / s, scale);
}

/**
 * min over s ∈ [1e-12, 1e6]/scale of a unimodal f, by golden section in ln s (stats/numerics) down to a bracket
 * of 1e-4 in ln s (the objective is flat at its minimum: a relative error of ~1e-9 in it);
 * returns the smallest value seen, which is a valid bound whatever the bracket.
 */
function minimiseLog(f: (s: number) => number, scale: number): number {
  const unit = 1 / Math.max(scale, 1e-300);
  return goldenSection((u) => f(Math.exp(u)), Math.log(1e-12 * unit), Math.log(1e6 * unit), {
    tolerance: 1e-4,
    maxIterations: 80,
  }).fx;
}

/** S_j = P(Y > j) for j = 0..n − 1 (summed from the top). */
function survivalOf(pmf: Float64Array): Float64Array {
  const n = pmf.length;
  const out = new Float64Array(n);
  let tail = 0;
  for (let j = n - 1; j >= 0; j--) {
    out[j] = tail;
    tail += pmf[j];
  }
  return out;
}

/** E[e^{sY}] − 1 for Y on span h with survival S_j: (e^{sh} − 1)·Σ_j S_j e^{sjh}, Horner from the top. */
function mgfMinusOne(survival: Float64Array, h: number, s: number): number {
  const z = Math.exp(s * h);
  let acc = 0;
  for (let j = survival.length - 1; j >= 0; j--) acc = acc * z + survival[j];
  return Math.expm1(s * h) * acc;
}
