/**
 * Helpers for the direct tests of the exact method's components (src/engine/fft/buildComponents.ts):
 * a `/2` scenario builder, assertions on parts to 12 significant digits, and the distributions'
 * figures written out from their textbook formulas (never by calling the engine).
 */
import { expect } from 'vitest';
import type {
  AtomsPart,
  CompoundComponent,
  Component,
  ContinuousPart,
  MixturePart,
  Part,
} from '../../src/engine/fft/buildComponents.ts';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { ResolvedScheme } from '../../src/domain/scheme.ts';
import { validateScenario } from '../../src/io/validate.ts';
import { problemLines } from './worded.ts';

/** An atoms part built by hand: values with their probabilities, its top the largest value. */
export const atoms = (values: number[], probs: number[], lattice: number | null = null): AtomsPart => ({
  kind: 'atoms',
  values: Float64Array.from(values),
  probs: Float64Array.from(probs),
  top: Math.max(...values),
  lattice,
});

/** A `/2` scenario of 1,000 members (unless `doc` says otherwise), validated and resolved. */
export function scheme(doc: Record<string, unknown>): ResolvedScheme {
  const r = validateScenario({
    format: 'huzhu-scenario/2',
    name: 'components',
    members: { count: 1000 },
    contributions: [{ payer: 'member', amount: 36 }],
    ...doc,
  });
  if (!r.ok) throw new Error(problemLines(r.problems));
  return resolveScheme(r.scenario);
}

/** Equal to `tol` relative (exactly, when the expected figure is 0 or infinite). */
export function near(actual: number, expected: number, tol = 1e-12, what = ''): void {
  if (expected === 0 || !Number.isFinite(expected)) expect(actual, what).toBe(expected);
  else
    expect(Math.abs(actual - expected), `${what} expected ${expected}, got ${actual}`).toBeLessThanOrEqual(
      tol * Math.abs(expected),
    );
}

export function nearAll(
  actual: ArrayLike<number>,
  expected: readonly number[],
  tol = 1e-12,
  what = '',
): void {
  expect(Array.from(actual).length, `${what} length`).toBe(expected.length);
  expected.forEach((e, i) => near(actual[i], e, tol, `${what}[${i}]`));
}

export function asAtoms(p: Part | undefined): AtomsPart {
  expect(p?.kind).toBe('atoms');
  return p as AtomsPart;
}

export function asContinuous(p: Part | undefined): ContinuousPart {
  expect(p?.kind).toBe('continuous');
  return p as ContinuousPart;
}

export function asMixture(p: Part | undefined): MixturePart {
  expect(p?.kind).toBe('mixture');
  return p as MixturePart;
}

export function asCompound(c: Component | undefined): CompoundComponent {
  expect(c?.kind).toBe('compound');
  return c as CompoundComponent;
}

/** An atoms part: its values, probabilities, top and lattice. */
export function expectAtoms(
  p: Part | undefined,
  want: { values: number[]; probs: number[]; top: number; lattice: number | null },
  tol = 1e-12,
): void {
  const a = asAtoms(p);
  nearAll(a.values, want.values, 1e-12, 'values');
  nearAll(a.probs, want.probs, tol, 'probs');
  expect(a.top).toBe(want.top);
  expect(a.lattice).toBe(want.lattice);
}

/** A continuous part: its payout's pieces, end, sup and top. */
export function expectContinuous(
  p: Part | undefined,
  want: { x: number[]; a: number[]; s: number[]; top: number; sup: number; end?: number },
): void {
  const c = asContinuous(p);
  nearAll(c.payout.x, want.x, 1e-12, 'x');
  nearAll(c.payout.a, want.a, 1e-12, 'a');
  nearAll(c.payout.s, want.s, 1e-12, 's');
  near(c.top, want.top, 1e-12, 'top');
  expect(c.payout.sup).toBe(want.sup);
  near(c.payout.end, want.end ?? Infinity, 1e-15, 'end');
  expect(c.lattice).toBeNull();
}

/** Poisson(m) probabilities P(0..n) by p(k) = p(k − 1)·m/k. */
export function poissonPmfs(m: number, n: number): number[] {
  const out = [Math.exp(-m)];
  for (let k = 1; k <= n; k++) out.push((out[k - 1] * m) / k);
  return out;
}

/**
 * Negative binomial of mean m and size r (the Gamma(r, m/r)–Poisson mixture), P(0..n):
 * P(0) = (r/(r + m))^r, P(k) = P(k − 1)·(k − 1 + r)/k·m/(r + m).
 */
export function negativeBinomialPmfs(m: number, r: number, n: number): number[] {
  const out = [Math.pow(r / (r + m), r)];
  for (let k = 1; k <= n; k++) out.push((out[k - 1] * (k - 1 + r) * m) / (k * (r + m)));
  return out;
}

/** Σ_{k ≥ first} pmfs[k]. */
export function tailFrom(pmfs: readonly number[], first: number): number {
  let sum = 0;
  for (let k = pmfs.length - 1; k >= first; k--) sum += pmfs[k];
  return sum;
}

/** Pareto II (Lomax) of scale s and shape α: P(X > x) = (s/(x + s))^α, and the x where it is q. */
export const paretoSf = (s: number, alpha: number, x: number): number => Math.pow(s / (x + s), alpha);
export const paretoTop = (s: number, alpha: number, q: number): number => s * (Math.pow(q, -1 / alpha) - 1);
