import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  bd0,
  gammaP,
  gammaQ,
  gammaQuantile,
  gammaQuantileUpper,
  logBinomialPmf,
  logGamma,
  logGamma1p,
  logPoissonPmf,
  normalCdf,
  normalQuantile,
  normalQuantileUpper,
  normalSf,
  stirlingError,
} from '../../src/stats/special.ts';
import { expectRel } from '../helpers/relative.ts';

/** |actual − expected| ≤ tol·|expected| (exact equality when expected is 0). */
const logGrid = (lo: number, hi: number, n: number) =>
  Array.from({ length: n }, (_, i) => Math.exp(Math.log(lo) + ((Math.log(hi) - Math.log(lo)) * i) / (n - 1)));

describe('normalCdf and normalSf', () => {
  it('give the tabulated values Φ(1.96), Φ(−1) and Φ(−10)', () => {
    expectRel(normalCdf(1.96), 0.9750021048517795, 1e-15); // mpmath: 0.97500210485177956378…
    expect(normalCdf(-1)).toBe(0.15865525393145705);
    expectRel(normalCdf(-10), 7.619853024160527e-24, 1e-15);
    expectRel(normalSf(10), 7.619853024160527e-24, 1e-15);
    expect(normalCdf(0)).toBe(0.5);
  });

  it('keep full relative precision far in the upper tail (against the asymptotic Mills series)', () => {
    // 1 − Φ(x) = φ(x)/x · Σ_k (−1)^k (2k−1)!!/x^{2k}: for x ≥ 10 the terms fall below 1e-18 long
    // before they start to grow, so the partial sum is exact to double precision.
    for (const x of [10, 12.5, 15, 20, 30, 37]) {
      let term = 1,
        sum = 1;
      for (let k = 1; Math.abs(term) > 1e-18; k++) {
        term *= -(2 * k - 1) / (x * x);
        sum += term;
      }
      const expected = (Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) / x) * sum;
      expectRel(normalSf(x), expected, 2e-15);
      expectRel(normalCdf(-x), expected, 2e-15);
    }
  });

  it('are complementary, symmetric and monotone', () => {
    let prev = 0;
    for (let x = -38; x <= 9; x += 0.01) {
      const p = normalCdf(x);
      expect(p).toBeGreaterThanOrEqual(prev);
      prev = p;
      expect(normalSf(-x)).toBe(p);
      if (Math.abs(x) < 5) expect(Math.abs(p + normalSf(x) - 1)).toBeLessThan(2e-16);
    }
  });

  it('saturate at 0 and 1 beyond the representable tails and pass NaN through', () => {
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(9)).toBe(1);
    expect(normalSf(40)).toBe(0);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(NaN)).toBeNaN();
  });
});

describe('normalQuantile and normalQuantileUpper', () => {
  it('give Φ⁻¹(0.975) = 1.959963984540054 and Φ⁻¹(1e-10) = −6.361340902404056', () => {
    expectRel(normalQuantile(0.975), 1.959963984540054, 1e-15);
    expectRel(normalQuantileUpper(0.025), 1.959963984540054, 1e-15);
    expectRel(normalQuantile(1e-10), -6.361340902404056, 1e-15); // mpmath: −6.36134090240405620…
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('reach q = 1e-300 in the upper tail: Φ⁻¹(1 − 1e-300) = 37.04709629936120', () => {
    expectRel(normalQuantileUpper(1e-300), 37.0470962993611992, 1e-15); // mpmath
  });

  it('invert normalCdf and normalSf over p from 1e-300 to 1/2', () => {
    // An error δ in z moves Φ(z) by a relative z·δ: the tolerance grows with z².
    for (const p of logGrid(1e-300, 0.5, 200)) {
      const z = normalQuantile(p);
      const tol = 2e-15 + 8e-16 * z * z; // AS 241 is good to ~2 ulps of z
      expectRel(normalCdf(z), p, tol);
      expectRel(normalSf(normalQuantileUpper(p)), p, tol);
    }
    for (let p = 0.5; p < 1; p += 0.0123) expectRel(normalCdf(normalQuantile(p)), p, 1e-15);
  });

  it('is monotone and gives ±Infinity at 0 and 1', () => {
    let prev = -Infinity;
    for (let p = 0.0005; p < 1; p += 0.001) {
      const z = normalQuantile(p);
      expect(z).toBeGreaterThan(prev);
      prev = z;
    }
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantileUpper(0)).toBe(Infinity);
    expect(normalQuantile(NaN)).toBeNaN();
  });
});

describe('logGamma', () => {
  it('equals ln((n − 1)!) for n = 1 … 171 (factorials exact in BigInt)', () => {
    let fact = 1n;
    for (let n = 1; n <= 171; n++) {
      if (n > 1) fact *= BigInt(n - 1);
      expectRel(logGamma(n), Math.log(Number(fact)), 1e-15);
    }
  });

  it('equals ln √π at 1/2', () => {
    expectRel(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-15);
  });

  it('satisfies ln Γ(x + 1) = ln Γ(x) + ln x across all its ranges', () => {
    for (const x of [
      1e-10,
      0.01,
      0.3,
      0.49,
      0.51,
      0.9,
      1.2,
      1.49,
      1.51,
      2.3,
      2.51,
      3.7,
      8.9,
      9.5,
      9.99,
      10.5,
      123.4,
      1e5 + 0.3,
    ]) {
      const lhs = logGamma(x + 1);
      expect(Math.abs(lhs - (logGamma(x) + Math.log(x)))).toBeLessThan(
        4e-16 * Math.max(1, Math.abs(lhs)) + 1e-15,
      );
    }
  });

  it('keeps relative precision next to its zeros at 1 and 2 (Taylor series in ζ)', () => {
    // ln Γ(1 + e) = −γe + Σ_{k≥2} (−1)^k ζ(k) e^k / k; the terms past e³ are below 1e-24 here.
    const gamma = 0.5772156649015329,
      zeta2 = Math.PI ** 2 / 6,
      zeta3 = 1.2020569031595942;
    const e = 2 ** -20;
    expectRel(logGamma(1 + e), -gamma * e + (zeta2 / 2) * e * e - (zeta3 / 3) * e ** 3, 1e-15);
    expectRel(
      logGamma(2 + e),
      (1 - gamma) * e + ((zeta2 - 1) / 2) * e * e - ((zeta3 - 1) / 3) * e ** 3,
      1e-15,
    );
    expectRel(logGamma1p(-e), gamma * e + (zeta2 / 2) * e * e + (zeta3 / 3) * e ** 3, 1e-15);
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
  });

  it('behaves as −ln x at tiny x, gives NaN below 0 and Infinity at 0', () => {
    expectRel(logGamma(1e-300), 300 * Math.LN10, 1e-15);
    expect(logGamma(0)).toBe(Infinity);
    expect(logGamma(-1)).toBeNaN();
  });
});

describe('Stirling error, bd0 and the Poisson and binomial log-pmfs', () => {
  it('stirlingError(n) = ln n! − (n + ½) ln n + n − ln √(2π), exact for n = 1 (1 − ln √(2π))', () => {
    expectRel(stirlingError(1), 1 - 0.5 * Math.log(2 * Math.PI), 1e-15);
    // The direct formula cancels (ln 170! ≈ 706 for a result of 5e-4): compare to its own rounding.
    for (const n of [2, 5, 9, 10, 11, 30, 170]) {
      let lf = 0;
      for (let k = 2; k <= n; k++) lf += Math.log(k);
      const direct = lf - (n + 0.5) * Math.log(n) + n - 0.5 * Math.log(2 * Math.PI);
      expect(Math.abs(stirlingError(n) - direct)).toBeLessThan(2e-15 * (lf + n));
    }
  });

  it('bd0(x, m) = x ln(x/m) + m − x, without cancellation near x = m', () => {
    expect(bd0(10, 10)).toBe(0);
    expectRel(bd0(3, 7), 3 * Math.log(3 / 7) + 4, 1e-14);
    // x = m(1 + h): bd0 = m((1+h)ln(1+h) − h) = m(h²/2 − h³/6 + h⁴/12 − …)
    const m = 1e9,
      h = 1e-6;
    expectRel(bd0(m * (1 + h), m), m * ((h * h) / 2 - h ** 3 / 6 + h ** 4 / 12), 1e-9);
  });

  it('logPoissonPmf matches e^{−m} m^k / k! term by term', () => {
    const m = 3.7;
    let p = Math.exp(-m);
    for (let k = 0; k <= 30; k++) {
      if (k > 0) p *= m / k; // k roundings: relative error up to ~k·1.1e-16
      expectRel(Math.exp(logPoissonPmf(k, m)), p, 1e-15 * (4 + k));
    }
    expect(logPoissonPmf(0, 0)).toBe(0);
    expect(logPoissonPmf(3, 0)).toBe(-Infinity);
  });

  it('logPoissonPmf stays exact at a mean of 1e9 (against the pmf ratio recursion)', () => {
    const m = 1e9;
    // ln P(k+1) − ln P(k) = ln(m/(k+1)), summed over 10,000 steps from the mode.
    let sum = 0;
    for (let k = m; k < m + 10000; k++) sum += Math.log(m / (k + 1));
    expect(Math.abs(logPoissonPmf(m + 10000, m) - logPoissonPmf(m, m) - sum)).toBeLessThan(1e-10);
    expectRel(logPoissonPmf(m, m), -0.5 * Math.log(2 * Math.PI * m) - 1 / (12 * m), 1e-14);
  });

  it('logBinomialPmf matches C(n, k) p^k q^{n−k} with the coefficients exact in BigInt', () => {
    const n = 60,
      p = 0.37;
    let c = 1n;
    for (let k = 0; k <= n; k++) {
      if (k > 0) c = (c * BigInt(n - k + 1)) / BigInt(k);
      const expected = Math.log(Number(c)) + k * Math.log(p) + (n - k) * Math.log1p(-p);
      expect(Math.abs(logBinomialPmf(k, n, p) - expected)).toBeLessThan(
        1e-13 * Math.max(1, Math.abs(expected)),
      );
    }
    expectRel(Math.exp(logBinomialPmf(1, 2, 0.5)), 0.5, 1e-15);
  });
});

describe('gammaP and gammaQ', () => {
  it('at shape 1 are 1 − e^{−x} and e^{−x}, each in its own tail', () => {
    for (const x of logGrid(1e-10, 700, 120)) {
      expectRel(gammaP(1, x), -Math.expm1(-x), 1e-14);
      expectRel(gammaQ(1, x), Math.exp(-x), 1e-13);
    }
  });

  it('at integer shape n are Poisson tail sums: Q(n, x) = e^{−x} Σ_{k<n} x^k/k!, P(n, x) = e^{−x} Σ_{k≥n} x^k/k!', () => {
    for (const n of [2, 3, 5, 10, 17, 30]) {
      for (const x of [0.05, 0.7, 1, 2.5, 6, 10, 17, 29, 40, 80]) {
        let term = Math.exp(-x),
          below = 0,
          k = 0;
        for (; k < n; k++) {
          below += term;
          term *= x / (k + 1);
        }
        let above = 0;
        for (; term > 1e-20 * above || k < n + 5; k++) {
          above += term;
          term *= x / (k + 1);
        }
        expectRel(gammaQ(n, x), below, 2e-14);
        expectRel(gammaP(n, x), above, 2e-14);
      }
    }
  });

  it('at shape 1/2 are erf(√x) = 2Φ(√(2x)) − 1 and erfc(√x) = 2(1 − Φ(√(2x)))', () => {
    for (const x of logGrid(0.1, 700, 80)) {
      const t = Math.sqrt(2 * x); // rounding t moves 1 − Φ(t) by a relative t²·1.1e-16 = 2.2e-16·x
      expectRel(gammaP(0.5, x), 2 * normalCdf(t) - 1, 1e-14);
      expectRel(gammaQ(0.5, x), 2 * normalSf(t), 1e-14 + 4e-16 * x);
    }
    // Small x: erf(√x) = (2/√π)(√x − x^{3/2}/3 + x^{5/2}/10 − x^{7/2}/42)
    for (const x of [1e-12, 1e-6, 1e-3]) {
      const s = Math.sqrt(x);
      expectRel(
        gammaP(0.5, x),
        (2 / Math.sqrt(Math.PI)) * (s - (x * s) / 3 + (x * x * s) / 10 - (x ** 3 * s) / 42),
        1e-14,
      );
    }
  });

  it('stay accurate at large shape: Q(n, x) to 40 digits with decimal.js for n = 10⁴ and 10⁶', () => {
    Decimal.set({ precision: 45 });
    // ln((n−1)!) by Stirling's series, then the Poisson sums on both sides of n.
    const lnGammaDec = (n: number) => {
      const N = new Decimal(n),
        B = [
          [1, 6],
          [-1, 30],
          [1, 42],
          [-1, 30],
          [5, 66],
        ];
      let s = N.minus(0.5).times(N.ln()).minus(N).plus(Decimal.acos(-1).times(2).ln().div(2));
      B.forEach(([num, den], i) => {
        const k = i + 1;
        s = s.plus(new Decimal(num).div(den * 2 * k * (2 * k - 1)).div(N.pow(2 * k - 1)));
      });
      return s;
    };
    for (const [n, xs] of [
      [1e4, [9500, 9990, 10000, 10200]],
      [1e6, [995000, 1000000, 1002000]],
    ] as const) {
      const lnG = lnGammaDec(n);
      for (const x of xs) {
        const X = new Decimal(x);
        const top = Decimal.exp(
          X.ln()
            .times(n - 1)
            .minus(X)
            .minus(lnG),
        ); // P(Poisson(x) = n − 1)
        let term = new Decimal(1),
          below = new Decimal(1);
        for (let k = n - 1; k >= 1; k--) {
          term = term.times(k).div(X);
          below = below.plus(term);
          if (term.lt(below.times('1e-42'))) break;
        }
        term = new Decimal(1);
        let above = new Decimal(0);
        for (let k = n; ; k++) {
          term = term.times(X).div(k);
          above = above.plus(term);
          if (term.lt(above.times('1e-42'))) break;
        }
        expectRel(gammaQ(n, x), top.times(below).toNumber(), 5e-15);
        expectRel(gammaP(n, x), top.times(above).toNumber(), 5e-15);
      }
    }
  });

  it('sum to 1, increase (P) in x, and handle x = 0 and x = Infinity', () => {
    for (const a of [0.01, 0.3, 1, 2.5, 40, 1e4]) {
      let prev = 0;
      for (const x of logGrid(1e-6 * a + 1e-8, 50 * a + 50, 60)) {
        const p = gammaP(a, x),
          q = gammaQ(a, x);
        expect(Math.abs(p + q - 1)).toBeLessThan(4e-16);
        expect(p).toBeGreaterThanOrEqual(prev);
        prev = p;
      }
      expect(gammaP(a, 0)).toBe(0);
      expect(gammaQ(a, 0)).toBe(1);
      expect(gammaP(a, Infinity)).toBe(1);
      expect(gammaQ(a, Infinity)).toBe(0);
    }
    expect(gammaP(0, 1)).toBeNaN();
    expect(gammaQ(1, -1)).toBeNaN();
  });

  it('give Q near 1 without cancellation at small shape: Q(a, x) = a E₁(x) + O(a²) as a → 0', () => {
    // E₁(1) = 0.21938393439552027 (A&S 5.1): Q(a, 1) = Γ(a, 1)/Γ(a) ≈ a·E₁(1) for a = 1e-8.
    expectRel(gammaQ(1e-8, 1), 1e-8 * 0.21938393439552027, 1e-7);
    expectRel(gammaP(1e-8, 1), 1 - 1e-8 * 0.21938393439552027, 1e-15);
  });
});

describe('gammaQuantile and gammaQuantileUpper', () => {
  it('at shape 1 are −ln(1 − p) and −ln q, down to q = 1e-300', () => {
    for (const p of [1e-300, 1e-12, 0.01, 0.3, 0.5, 0.9, 1 - 1e-12]) {
      expectRel(gammaQuantile(p, 1), -Math.log1p(-p), 1e-14);
      expectRel(gammaQuantileUpper(p, 1), -Math.log(p), 1e-14);
    }
    expectRel(gammaQuantileUpper(1e-300, 1), 690.7755278982137, 1e-15);
  });

  it('at shape 1/2 are z²/2 with z the normal quantile of (1 + p)/2', () => {
    for (const q of [1e-200, 1e-9, 0.003, 0.2, 0.5, 0.8]) {
      const z = normalQuantileUpper(q / 2);
      expectRel(gammaQuantileUpper(q, 0.5), (z * z) / 2, 1e-13);
    }
  });

  it('invert gammaP and gammaQ for shapes from 0.01 to 1e6 and probabilities from 1e-300', () => {
    for (const a of [0.01, 0.1, 0.5, 1, 3.3, 50, 1e4, 1e6]) {
      const tol = a >= 1e6 ? 5e-11 : a >= 1e4 ? 2e-12 : 2e-13;
      for (const t of [1e-300, 1e-100, 1e-10, 0.01, 0.3, 0.5]) {
        const x = gammaQuantile(t, a);
        if (x > 1e-300) expectRel(gammaP(a, x), t, tol);
        const y = gammaQuantileUpper(t, a);
        expectRel(gammaQ(a, y), t, tol);
      }
    }
  });

  it('returns 0 when the quantile is below the smallest double, as it is for shape 0.01 at p = 1e-10', () => {
    // P(a, x) ≈ x^a/Γ(1 + a): x = (1e-10 Γ(1.01))^{100} ≈ 1e-1000.
    expect(gammaQuantile(1e-10, 0.01)).toBe(0);
    expectRel(gammaQuantile(0.01, 0.01), Math.exp((Math.log(0.01) + logGamma(1.01)) / 0.01), 1e-12);
  });

  it('is increasing in p and handles 0 and 1', () => {
    for (const a of [0.2, 7]) {
      let prev = 0;
      for (let p = 0.001; p < 1; p += 0.01) {
        const x = gammaQuantile(p, a);
        expect(x).toBeGreaterThan(prev);
        prev = x;
      }
      expect(gammaQuantile(0, a)).toBe(0);
      expect(gammaQuantile(1, a)).toBe(Infinity);
      expect(gammaQuantileUpper(0, a)).toBe(Infinity);
      expect(gammaQuantileUpper(1, a)).toBe(0);
    }
    expect(gammaQuantile(0.5, -1)).toBeNaN();
  });
});
