/**
 * src/engine/fft/realFft.ts: the real-input FFT of size M (a power of two ≥ 4) and its inverse,
 * against a naive O(M²) discrete Fourier transform written out here:
 *
 *   forward:  X[k] = Σ_n x[n]·(cos(2πkn/M) − i·sin(2πkn/M)),  k = 0..M/2 (interleaved re, im);
 *   inverse:  x[n] = (1/M)·Σ_{k=0}^{M−1} X[k]·(cos(2πkn/M) + i·sin(2πkn/M)),  X[M − k] = conj X[k].
 *
 * Sizes 4 to 64 (each size's half transform takes a different path through fft.js's radix-4
 * passes); inputs are small integers or the Hermitian half spectra of a few hand-chosen bins, so
 * the naive sums are exact to rounding. Also: M = 8 on an impulse and a constant worked by hand,
 * the size check and the cache.
 */
import { describe, expect, it } from 'vitest';
import { realFft } from '../../../src/engine/fft/realFft.ts';

/** The naive forward DFT of real x, bins 0..M/2 interleaved. */
function naiveForward(x: number[]): number[] {
  const M = x.length;
  const out: number[] = [];
  for (let k = 0; k <= M / 2; k++) {
    let re = 0,
      im = 0;
    for (let n = 0; n < M; n++) {
      re += x[n] * Math.cos((2 * Math.PI * k * n) / M);
      im -= x[n] * Math.sin((2 * Math.PI * k * n) / M);
    }
    out.push(re, im);
  }
  return out;
}

/** The naive inverse DFT of a Hermitian spectrum given by its bins 0..M/2 (real part of the sum). */
function naiveInverse(half: number[], M: number): number[] {
  const bin = (k: number): [number, number] =>
    k <= M / 2 ? [half[2 * k], half[2 * k + 1]] : [half[2 * (M - k)], -half[2 * (M - k) + 1]];
  const x: number[] = [];
  for (let n = 0; n < M; n++) {
    let re = 0;
    for (let k = 0; k < M; k++) {
      const [a, b] = bin(k);
      const t = (2 * Math.PI * k * n) / M;
      re += a * Math.cos(t) - b * Math.sin(t);
    }
    x.push(re / M);
  }
  return x;
}

function expectClose(actual: ArrayLike<number>, expected: number[], tol: number): void {
  expect(actual.length).toBeGreaterThanOrEqual(expected.length);
  for (let i = 0; i < expected.length; i++)
    expect(Math.abs(actual[i] - expected[i]), `index ${i}`).toBeLessThan(tol);
}

/** Small integers of both signs, different at every index (no symmetry for a mutant to hide in). */
const sample = (M: number): number[] => Array.from({ length: M }, (_, n) => ((n * 7 + 3) % 11) - 5 + n / 4);

describe('realFft: forward', () => {
  it('an impulse at 1 and a constant, M = 8, by hand', () => {
    const f = realFft(8);
    expect(f.size).toBe(8);
    const out = new Float64Array(16);
    f.forward(Float64Array.of(0, 1, 0, 0, 0, 0, 0, 0), out);
    // X[k] = e^{−2πik/8}: 1, (√½, −√½), (0, −1), (−√½, −√½), −1
    const r = Math.SQRT1_2;
    expectClose(out, [1, 0, r, -r, 0, -1, -r, -r, -1, 0], 1e-15);
    f.forward(Float64Array.of(2, 2, 2, 2, 2, 2, 2, 2), out);
    expectClose(out, [16, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1e-14);
  });

  it('matches the naive DFT for M = 4, 8, 16, 32, 64', () => {
    for (const M of [4, 8, 16, 32, 64]) {
      const x = sample(M);
      const out = new Float64Array(2 * M);
      realFft(M).forward(Float64Array.from(x), out);
      expectClose(out, naiveForward(x), 1e-11);
    }
  });
});

describe('realFft: inverse', () => {
  it('M = 8: a single cosine and a single sine bin, by hand', () => {
    const f = realFft(8);
    const x = new Float64Array(8);
    // X[1] = X[7] = 4: x[n] = (4e^{iπn/4} + 4e^{−iπn/4})/8 = cos(πn/4)
    const spec = new Float64Array(16);
    spec[2] = 4;
    f.inverse(spec, x);
    expectClose(
      x,
      Array.from({ length: 8 }, (_, n) => Math.cos((Math.PI * n) / 4)),
      1e-15,
    );
    // X[2] = −4i, X[6] = 4i: x[n] = (−4i·e^{iπn/2} + 4i·e^{−iπn/2})/8 = sin(πn/2)
    spec.fill(0);
    spec[5] = -4;
    f.inverse(spec, x);
    expectClose(x, [0, 1, 0, -1, 0, 1, 0, -1], 1e-15);
    // X[0] = 8 (mean 1) and X[4] = 8 (alternating ±1): x = 2, 0, 2, 0, …
    spec.fill(0);
    spec[0] = 8;
    spec[8] = 8;
    f.inverse(spec, x);
    expectClose(x, [2, 0, 2, 0, 2, 0, 2, 0], 1e-15);
  });

  it('matches the naive inverse DFT of a Hermitian half spectrum, M = 4 to 64', () => {
    for (const M of [4, 8, 16, 32, 64]) {
      const half: number[] = [];
      for (let k = 0; k <= M / 2; k++) {
        const edge = k === 0 || k === M / 2; // X[0] and X[M/2] are real for a real x
        half.push(((k * 5 + 2) % 7) - 3 + k / 8, edge ? 0 : ((k * 3 + 1) % 5) - 2.5 + k / 16);
      }
      const x = new Float64Array(M);
      realFft(M).inverse(Float64Array.from(half), x);
      expectClose(x, naiveInverse(half, M), 1e-12);
    }
  });

  it('inverts the forward transform (the naive spectrum of a sample back to it)', () => {
    for (const M of [4, 16, 64]) {
      const x = sample(M);
      const back = new Float64Array(M);
      realFft(M).inverse(Float64Array.from(naiveForward(x)), back);
      expectClose(back, x, 1e-11);
    }
  });
});

describe('realFft: sizes and cache', () => {
  it('refuses sizes below 4 and sizes that are not powers of two', () => {
    for (const M of [0, 1, 2, 3, 6, 12, 48, 100])
      expect(() => realFft(M), `size ${M}`).toThrow(
        new RangeError(`FFT size ${M} is not a power of two ≥ 4`),
      );
    expect(realFft(4).size).toBe(4);
    expect(realFft(128).size).toBe(128);
  });

  it('returns the same instance for the same size', () => {
    const a = realFft(32);
    expect(realFft(32)).toBe(a);
    expect(realFft(16)).not.toBe(a);
  });
});
