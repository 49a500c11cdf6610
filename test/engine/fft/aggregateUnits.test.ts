/**
 * Direct unit tests of src/engine/fft/aggregateTransform.ts: the FFT round trip on hand-made
 * components and grids (no scheme, no buildComponents), each against a distribution written out
 * in this file:
 *
 * - one atom a with Poisson(λ) counts: S = a·N, P(N = n) by p(n + 1) = p(n)·λ/(n + 1);
 * - Gamma-mixed counts (cv): the negative binomial, p(0) = (r/(r + λ))^r, r = 1/cv²,
 *   p(n + 1) = p(n)·(n + r)/(n + 1)·λ/(r + λ);
 * - several atoms: Panjer's recursion g(0) = e^{−λ(1 − f_0)}, g(k) = (λ/k)·Σ_j j·f_j·g(k − j);
 * - a capped event risk's own pmf placed on the grid, split by hand where it is off the grid;
 * - the FFT works modulo M·h: every reference is wrapped, Σ_{m ≡ i mod M} P(S = origin + m·h);
 * - Λ(s) (`cgf`) against its closed form: λ(E e^{sY} − 1), −r·ln(1 − β(E e^{sY} − 1)), or
 *   ln Σ p_j e^{s(origin + j·span)} (+ |s|·h when split onto the grid).
 */
import { describe, expect, it } from 'vitest';
import { atoms } from '../../helpers/components.ts';
import type {
  AtomsPart,
  CappedEventComponent,
  Component,
  CompoundComponent,
} from '../../../src/engine/fft/buildComponents.ts';
import type { CappedEventPmf } from '../../../src/engine/fft/cappedEventPmf.ts';
import { aggregateTransform } from '../../../src/engine/fft/aggregateTransform.ts';

const compound = (lambda: number, rateCv: number, ...parts: AtomsPart[]): CompoundComponent => ({
  kind: 'compound',
  risk: 'r',
  lambda,
  rateCv,
  parts,
  truncated: 0,
  neglected: 0,
});

const poisson = (lambda: number, n: number) => {
  const out = [Math.exp(-lambda)];
  for (let k = 1; k <= n; k++) out.push((out[k - 1] * lambda) / k);
  return out;
};

const negativeBinomial = (lambda: number, cv: number, n: number) => {
  const r = 1 / (cv * cv);
  const out = [Math.pow(r / (r + lambda), r)];
  for (let k = 1; k <= n; k++) out.push((out[k - 1] * (k - 1 + r) * lambda) / (k * (r + lambda)));
  return out;
};

/** Panjer's recursion for a compound Poisson(λ) with claims f on span 1, up to n. */
const panjer = (lambda: number, f: number[], n: number) => {
  const g = [Math.exp(-lambda * (1 - f[0]))];
  for (let k = 1; k <= n; k++) {
    let sum = 0;
    for (let j = 1; j <= Math.min(k, f.length - 1); j++) sum += j * f[j] * g[k - j];
    g.push((lambda / k) * sum);
  }
  return g;
};

/** P(S ≡ origin + i·h mod M·h) from P(S = m·h), m ≥ 0. */
const wrap = (p: number[], M: number, shift = 0) => {
  const out = new Float64Array(M);
  p.forEach((v, m) => (out[(((m - shift) % M) + M) % M] += v));
  return out;
};

const worstGap = (got: Float64Array, want: Float64Array) => {
  expect(got.length).toBe(want.length);
  let worst = 0;
  for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
  return worst;
};

const sum = (x: Float64Array) => x.reduce((a, b) => a + b, 0);

const cappedComponent = (rateCv = 0.2): CappedEventComponent => ({
  kind: 'capped-event',
  risk: 'e',
  rateCv,
  cells: [],
});

const ownPmf = (over: Partial<CappedEventPmf>): CappedEventPmf => ({
  pmf: Float64Array.from([0.5, 0.3, 0.2]),
  origin: 4,
  span: 2,
  outside: 0,
  quadrature: 0,
  neglected: 0,
  splitPerEvent: false,
  events: 0.7,
  ...over,
});

describe('compound Poisson with one atom: S = a·N', () => {
  it('λ = 2, a = h = 1, M = 64 from 0: the Poisson pmf, exact, with Λ(s) = 2(e^s − 1)', () => {
    const c = compound(2, 0, atoms([1], [1], 1));
    const r = aggregateTransform([c], new Map(), { h: 1, M: 64, origin: 0 }, 'split');
    expect(worstGap(r.pmf, wrap(poisson(2, 200), 64))).toBeLessThan(1e-16);
    expect(r.exact).toBe(true);
    expect(r.units).toEqual({ counts: [{ lambda: 2, rateCv: 0, terms: 0, span: 1 }], fixed: 0 });
    for (const s of [0.3, -1.2]) expect(r.cgf(s)).toBeCloseTo(2 * Math.expm1(s), 12);
    // Negative round-off is moved out of the pmf and counted: Σ pmf − negativeMass = Σ raw = 1.
    expect(r.negativeMass).toBeGreaterThan(0);
    expect(r.negativeMass).toBeLessThan(1e-15);
    expect(sum(r.pmf) - r.negativeMass).toBeCloseTo(1, 14);
    for (const p of r.pmf) expect(p).toBeGreaterThanOrEqual(0);
  });
  it('a window from origin 3: pmf[i] = P(S ≡ 3 + i), so P(S = 0) wraps to i = 61', () => {
    const c = compound(2, 0, atoms([1], [1], 1));
    const r = aggregateTransform([c], new Map(), { h: 1, M: 64, origin: 3 }, 'split');
    const want = wrap(poisson(2, 200), 64, 3);
    expect(worstGap(r.pmf, want)).toBeLessThan(1e-16);
    expect(r.pmf[61]).toBeCloseTo(Math.exp(-2), 15);
    expect(r.pmf[0]).toBeCloseTo((Math.exp(-2) * 8) / 6, 15);
  });
  it('a claim beyond the window folds modulo M: a = 65 on M = 64 is N mod 64', () => {
    const c = compound(1, 0, atoms([65], [1], 65));
    const r = aggregateTransform([c], new Map(), { h: 1, M: 64, origin: 0 }, 'split');
    expect(worstGap(r.pmf, wrap(poisson(1, 100), 64))).toBeLessThan(1e-16);
  });
  it('λ = 40 on M = 64: most of the spectrum is skipped below 1e-20, the pmf still exact to 1e-16', () => {
    // |φ(k)| = exp(40(cos(2πk/64) − 1)) falls below 1e-20 from k ≈ 16 on; Poisson(40) wraps (P(N ≥ 64) ≈ 2e-4).
    const c = compound(40, 0, atoms([1], [1], 1));
    const r = aggregateTransform([c], new Map(), { h: 1, M: 64, origin: 0 }, 'split');
    expect(worstGap(r.pmf, wrap(poisson(40, 400), 64))).toBeLessThan(1e-16);
  });
});

describe('compound Poisson with several atoms (Panjer)', () => {
  it('claims 1 or 2 w.p. 0.3 / 0.7, λ = 3', () => {
    const c = compound(3, 0, atoms([1, 2], [0.3, 0.7], 1));
    const r = aggregateTransform([c], new Map(), { h: 1, M: 64, origin: 0 }, 'split');
    expect(worstGap(r.pmf, wrap(panjer(3, [0, 0.3, 0.7], 150), 64))).toBeLessThan(1e-16);
    // Λ(s) = 3(0.3e^s + 0.7e^{2s} − 1)
    expect(r.cgf(0.4)).toBeCloseTo(3 * (0.3 * Math.exp(0.4) + 0.7 * Math.exp(0.8) - 1), 12);
  });
  it('a claim of 1.5 split on h = 1 (1 or 2, ½ each): not exact, one rounded term per claim', () => {
    const c = compound(3, 0, atoms([1.5], [1]));
    const r = aggregateTransform([c], new Map(), { h: 1, M: 64, origin: 0 }, 'split');
    expect(worstGap(r.pmf, wrap(panjer(3, [0, 0.5, 0.5], 150), 64))).toBeLessThan(1e-16);
    expect(r.exact).toBe(false);
    expect(r.units).toEqual({ counts: [{ lambda: 3, rateCv: 0, terms: 1, span: 1 }], fixed: 0 });
  });
  it('rounded down it is 1·Poisson(3); rounded up, 2·Poisson(3)', () => {
    const c = compound(3, 0, atoms([1.5], [1]));
    const down = aggregateTransform([c], new Map(), { h: 1, M: 64, origin: 0 }, 'down');
    expect(worstGap(down.pmf, wrap(poisson(3, 150), 64))).toBeLessThan(1e-16);
    const up = aggregateTransform([c], new Map(), { h: 1, M: 64, origin: 0 }, 'up');
    const doubled = poisson(3, 150).flatMap((p) => [p, 0]);
    expect(worstGap(up.pmf, wrap(doubled, 64))).toBeLessThan(1e-16);
  });
});

describe('Gamma-mixed counts: the negative binomial', () => {
  it('λ = 5, cv = 0.5 (r = 4), atom 1: NB(r = 4, mean 5); Λ(s) = −4·ln(1 − 1.25(e^s − 1))', () => {
    const c = compound(5, 0.5, atoms([1], [1], 1));
    const r = aggregateTransform([c], new Map(), { h: 1, M: 128, origin: 0 }, 'split');
    expect(worstGap(r.pmf, wrap(negativeBinomial(5, 0.5, 600), 128))).toBeLessThan(1e-16);
    expect(r.cgf(0.1)).toBeCloseTo(-4 * Math.log(1 - 1.25 * Math.expm1(0.1)), 12);
    expect(r.units.counts).toEqual([{ lambda: 5, rateCv: 0.5, terms: 0, span: 1 }]);
  });
  it('λ = 40, cv = 0.1 (r = 100) on M = 64: high frequencies skipped, the pmf exact to 2e-15', () => {
    const c = compound(40, 0.1, atoms([1], [1], 1));
    const r = aggregateTransform([c], new Map(), { h: 1, M: 64, origin: 0 }, 'split');
    expect(worstGap(r.pmf, wrap(negativeBinomial(40, 0.1, 600), 64))).toBeLessThan(2e-15);
  });
  it('cv = 1 (r = 1, geometric counts) with claims 2: P(S = 2n) = (1/(1 + λ))·(λ/(1 + λ))^n', () => {
    const c = compound(1.5, 1, atoms([2], [1], 2));
    const r = aggregateTransform([c], new Map(), { h: 1, M: 64, origin: 0 }, 'split');
    const p: number[] = [];
    for (let n = 0; n < 200; n++) p.push((1 / 2.5) * 0.6 ** n, 0);
    expect(worstGap(r.pmf, wrap(p, 64))).toBeLessThan(1e-16);
  });
});

describe('capped event risks: their own pmf on the grid', () => {
  it('on the grid (span 2 from 4): masses at 4, 6, 8; exact; Λ(s) = ln(0.5e^{4s} + 0.3e^{6s} + 0.2e^{8s})', () => {
    const c = cappedComponent();
    const r = aggregateTransform([c], new Map([[c, ownPmf({})]]), { h: 1, M: 64, origin: 0 }, 'split');
    const want = new Float64Array(64);
    want[4] = 0.5;
    want[6] = 0.3;
    want[8] = 0.2;
    expect(worstGap(r.pmf, want)).toBeLessThan(1e-16);
    expect(r.exact).toBe(true);
    expect(r.units).toEqual({ counts: [], fixed: 0 });
    const L = (s: number) => Math.log(0.5 * Math.exp(4 * s) + 0.3 * Math.exp(6 * s) + 0.2 * Math.exp(8 * s));
    for (const s of [0.2, -0.7]) expect(r.cgf(s)).toBeCloseTo(L(s), 12);
  });
  it('on a grid of span 2 from origin 2: the same masses at indices 1, 2, 3', () => {
    const c = cappedComponent();
    const r = aggregateTransform([c], new Map([[c, ownPmf({})]]), { h: 2, M: 64, origin: 2 }, 'split');
    expect(Array.from(r.pmf.slice(0, 5)).map((p) => +p.toFixed(15))).toEqual([0, 0.5, 0.3, 0.2, 0]);
    expect(r.exact).toBe(true);
  });
  it('the top of its pmf: span 2 from 30 on h = 1 reaches 34 (the window buffer must hold it)', () => {
    const c = cappedComponent();
    const r = aggregateTransform(
      [c],
      new Map([[c, ownPmf({ origin: 30 })]]),
      { h: 1, M: 64, origin: 0 },
      'split',
    );
    expect([r.pmf[30], r.pmf[32], r.pmf[34]].map((p) => +p.toFixed(15))).toEqual([0.5, 0.3, 0.2]);
  });
  it('on a finer grid (h = 0.5): span 2 from 4 lands on indices 8, 12, 16', () => {
    const c = cappedComponent();
    const r = aggregateTransform([c], new Map([[c, ownPmf({})]]), { h: 0.5, M: 64, origin: 0 }, 'split');
    expect([r.pmf[8], r.pmf[12], r.pmf[16]].map((p) => +p.toFixed(15))).toEqual([0.5, 0.3, 0.2]);
    expect(r.exact).toBe(true);
  });
  it('a smooth pmf, Binomial(60, ½) on span 1: its transform is tiny (1e-9 … 1e-25) at high frequencies, kept down to 1e-20', () => {
    // C(60, i)/2^60 by C(60, i + 1) = C(60, i)·(60 − i)/(i + 1); its cf has modulus |cos(πk/64)|^60.
    const binom = [2 ** -60];
    for (let i = 0; i < 60; i++) binom.push((binom[i] * (60 - i)) / (i + 1));
    const c = cappedComponent();
    const own = ownPmf({ pmf: Float64Array.from(binom), origin: 0, span: 1 });
    const r = aggregateTransform([c], new Map([[c, own]]), { h: 1, M: 64, origin: 0 }, 'split');
    expect(worstGap(r.pmf, wrap(binom, 64))).toBeLessThan(1e-16);
  });
  it('off the grid (span 1.5): 1.5 split ½–½ onto 1 and 2; one fixed rounded term; Λ gains |s|·h', () => {
    const c = cappedComponent();
    const own = ownPmf({ origin: 0, span: 1.5 });
    const r = aggregateTransform([c], new Map([[c, own]]), { h: 1, M: 64, origin: 0 }, 'split');
    const want = new Float64Array(64);
    want.set([0.5, 0.15, 0.15, 0.2]);
    expect(worstGap(r.pmf, want)).toBeLessThan(1e-16);
    expect(r.exact).toBe(false);
    expect(r.units).toEqual({ counts: [], fixed: 1 });
    // Λ(s) = ln(0.5 + 0.3e^{1.5s} + 0.2e^{3s}) + |s|·1
    for (const s of [0.2, -0.7])
      expect(r.cgf(s)).toBeCloseTo(
        Math.log(0.5 + 0.3 * Math.exp(1.5 * s) + 0.2 * Math.exp(3 * s)) + Math.abs(s),
        12,
      );
  });
  it('an origin off the grid (span 2 from 1.5 on h = 1) is not embedded either', () => {
    const c = cappedComponent();
    const own = ownPmf({ origin: 1.5 });
    const r = aggregateTransform([c], new Map([[c, own]]), { h: 1, M: 64, origin: 0 }, 'down');
    const want = new Float64Array(64);
    want[1] = 0.5;
    want[3] = 0.3;
    want[5] = 0.2;
    expect(worstGap(r.pmf, want)).toBeLessThan(1e-16);
    expect(r.exact).toBe(false);
    expect(r.units.fixed).toBe(1);
  });
  it('amounts split per event: counted as a mixed-Poisson count of rounded terms, not exact', () => {
    const c = cappedComponent(0.3);
    const own = ownPmf({ splitPerEvent: true, events: 0.7 });
    const r = aggregateTransform([c], new Map([[c, own]]), { h: 1, M: 64, origin: 0 }, 'split');
    expect(r.exact).toBe(false);
    expect(r.units).toEqual({ counts: [{ lambda: 0.7, rateCv: 0.3, terms: 1, span: 2 }], fixed: 0 });
    expect(r.pmf[6]).toBeCloseTo(0.3, 15);
  });
});

describe('independent components multiply', () => {
  it('Poisson(2) on 1 plus the capped pmf at 4, 6, 8: the convolution, written out', () => {
    const e = cappedComponent();
    const c = compound(2, 0, atoms([1], [1], 1));
    const r = aggregateTransform(
      [c, e],
      new Map<Component, CappedEventPmf>([[e, ownPmf({})]]),
      { h: 1, M: 64, origin: 0 },
      'split',
    );
    const p = poisson(2, 100);
    const want = new Float64Array(64);
    for (let n = 0; n < 56; n++) {
      want[n + 4] += 0.5 * p[n];
      want[n + 6] += 0.3 * p[n];
      want[n + 8] += 0.2 * p[n];
    }
    expect(worstGap(r.pmf, want)).toBeLessThan(1e-16);
    expect(r.exact).toBe(true);
    // Λ adds: 2(e^s − 1) + ln(0.5e^{4s} + 0.3e^{6s} + 0.2e^{8s})
    const s = 0.15;
    expect(r.cgf(s)).toBeCloseTo(
      2 * Math.expm1(s) + Math.log(0.5 * Math.exp(4 * s) + 0.3 * Math.exp(6 * s) + 0.2 * Math.exp(8 * s)),
      12,
    );
  });
  it('two compound components, one of them rounded: NB(5, cv 0.5) on 1 and Poisson(1) on 2.5 rounded down to 2', () => {
    const a = compound(5, 0.5, atoms([1], [1], 1));
    const b = compound(1, 0, atoms([2.5], [1]));
    const r = aggregateTransform([a, b], new Map(), { h: 1, M: 128, origin: 0 }, 'down');
    const nb = negativeBinomial(5, 0.5, 300),
      po = poisson(1, 60);
    const want = new Float64Array(128);
    nb.forEach((x, i) => po.forEach((y, j) => (want[(i + 2 * j) % 128] += x * y)));
    expect(worstGap(r.pmf, want)).toBeLessThan(1e-16);
    expect(r.exact).toBe(false);
    expect(r.units.counts).toEqual([
      { lambda: 5, rateCv: 0.5, terms: 0, span: 1 },
      { lambda: 1, rateCv: 0, terms: 1, span: 1 },
    ]);
  });
  it('the work buffers are reused call after call: a second, different transform on the same M is its own', () => {
    const first = compound(5, 0.5, atoms([1], [1], 1));
    aggregateTransform(
      [first, compound(1, 0, atoms([3], [1], 3))],
      new Map(),
      { h: 1, M: 64, origin: 0 },
      'split',
    );
    const r = aggregateTransform(
      [compound(2, 0, atoms([1], [1], 1))],
      new Map(),
      { h: 1, M: 64, origin: 0 },
      'split',
    );
    expect(worstGap(r.pmf, wrap(poisson(2, 200), 64))).toBeLessThan(1e-16);
  });
  it('no components: all the mass at the origin', () => {
    const r = aggregateTransform([], new Map(), { h: 1, M: 64, origin: 0 }, 'split');
    const want = new Float64Array(64);
    want[0] = 1;
    expect(worstGap(r.pmf, want)).toBeLessThan(1e-16);
    expect(r.exact).toBe(true);
    expect(r.cgf(1)).toBe(0);
  });
});
