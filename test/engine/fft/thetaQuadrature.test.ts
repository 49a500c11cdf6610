/**
 * src/engine/fft/thetaQuadrature.ts: the trapezoid rule in v = ln Θ for Θ ~ Gamma(mean 1, cv) and
 * its exactly checked error, and countDistribution (the event count T's pmf and tail bound). Every
 * figure is rederived here, independently of the module:
 *
 * - the negative binomial pmf by its recursion P(0) = (r/(r + μ))^r, P(n + 1) = P(n)·(r + n)/(n + 1)·
 *   μ/(r + μ) (Poisson: P(0) = e^{−μ}, P(n + 1) = P(n)·μ/(n + 1)), nMax the first n > μ with
 *   P(n) < 1e-25, the tail P(nMax + 1)/(1 − ρ), ρ = max(q, (nMax + 1 + r)/(nMax + 2)·q), q = μ/(r + μ)
 *   (Poisson: ρ = μ/(nMax + 2));
 * - the nodes: v_j = jΔ for every j with r(v − e^v + 1) ≥ −45 (the two roots found by bisection
 *   here), Δ = 2·min(cv, 1/√(μ + 1))/2^m; weights ∝ exp(r(v − e^v + 1)), summing to 1;
 * - the moments E[Θ^k] = Π_{i<k} (r + i)/r of the Gamma, which the rule reproduces;
 * - the distance ½(Σ_{n ≤ nMax} |mix(n) − NB(n)| + (1 − Σ mix) + tail), mix(n) = Σ_j w_j·Poisson(n; μθ_j)
 *   summed over every n (Poisson pmfs in logs, ln n! by sums), and the halving rule: the returned Δ is the first
 *   whose distance is within the tolerance, or whose doubled node count passes maxNodes.
 */
import { describe, expect, it } from 'vitest';
import { countDistribution, thetaQuadrature } from '../../../src/engine/fft/thetaQuadrature.ts';

function negativeBinomial(mu: number, cv: number): { pmf: number[]; tail: number } {
  const r = cv > 0 ? 1 / (cv * cv) : Infinity;
  const q = cv > 0 ? mu / (r + mu) : 0;
  let p = cv > 0 ? (r / (r + mu)) ** r : Math.exp(-mu);
  const step = (n: number) => (cv > 0 ? ((r + n) / (n + 1)) * q : mu / (n + 1));
  const pmf: number[] = [];
  for (let n = 0; ; n++) {
    pmf.push(p);
    if (n > mu && p < 1e-25) break;
    p *= step(n);
  }
  const nMax = pmf.length - 1;
  const next = p * step(nMax);
  const rho = cv > 0 ? Math.max(q, ((nMax + 1 + r) / (nMax + 2)) * q) : mu / (nMax + 2);
  return { pmf, tail: next / (1 - rho) };
}

/** ln n! for n = 0..max, by sums of logs. */
function logFactorials(max: number): number[] {
  const out = [0];
  for (let n = 1; n <= max; n++) out.push(out[n - 1] + Math.log(n));
  return out;
}

/** The root of r(v − e^v + 1) = −45 on one side of 0, by bisection. */
function edge(r: number, side: 1 | -1): number {
  const f = (v: number) => r * (v - Math.exp(v) + 1) + 45;
  let a = 0,
    b = 200 * side;
  for (let i = 0; i < 200; i++) {
    const m = (a + b) / 2;
    if (f(m) > 0) a = m;
    else b = m;
  }
  return a;
}

/** The nodes and normalised weights of the trapezoid rule of step Δ. */
function nodes(cv: number, step: number): { theta: number[]; weight: number[] } {
  const r = 1 / (cv * cv);
  const j0 = Math.ceil(edge(r, -1) / step),
    j1 = Math.floor(edge(r, 1) / step);
  const theta: number[] = [],
    raw: number[] = [];
  for (let j = j0; j <= j1; j++) {
    theta.push(Math.exp(j * step));
    raw.push(Math.exp(r * (j * step - Math.exp(j * step) + 1)));
  }
  const total = raw.reduce((a, b) => a + b, 0);
  return { theta, weight: raw.map((w) => w / total) };
}

function distance(theta: ArrayLike<number>, weight: ArrayLike<number>, mu: number, cv: number): number {
  const nb = negativeBinomial(mu, cv);
  const logFact = logFactorials(nb.pmf.length);
  let diff = 0,
    mass = 0;
  for (let n = 0; n < nb.pmf.length; n++) {
    let mix = 0;
    for (let j = 0; j < theta.length; j++) {
      const nu = mu * theta[j];
      mix += weight[j] * Math.exp(-nu + n * Math.log(nu) - logFact[n]);
    }
    diff += Math.abs(mix - nb.pmf[n]);
    mass += mix;
  }
  return 0.5 * (diff + Math.max(0, 1 - mass) + nb.tail);
}

const gammaMoment = (r: number, k: number) => {
  let m = 1;
  for (let i = 0; i < k; i++) m *= (r + i) / r;
  return m;
};

describe('countDistribution', () => {
  it('Poisson (cv 0): pmf to the first n > μ below 1e-25, geometric tail', () => {
    // μ = 120: P(0) = e^{−120} < 1e-25 already, but the pmf is followed past the mean
    for (const mu of [0.5, 3, 40, 120]) {
      const want = negativeBinomial(mu, 0);
      const got = countDistribution(mu, 0);
      expect(got.pmf.length, `μ = ${mu}`).toBe(want.pmf.length);
      want.pmf.forEach((p, n) => expect(Math.abs(got.pmf[n] - p)).toBeLessThanOrEqual(1e-12 * p));
      expect(Math.abs(got.tail - want.tail)).toBeLessThanOrEqual(1e-9 * want.tail);
      expect(got.tail).toBeLessThan(1e-25);
    }
  });

  it('negative binomial (cv > 0)', () => {
    for (const [mu, cv] of [
      [3, 0.5],
      [0.2, 2],
      [50, 0.1],
    ]) {
      const want = negativeBinomial(mu, cv);
      const got = countDistribution(mu, cv);
      expect(got.pmf.length, `μ = ${mu}, cv = ${cv}`).toBe(want.pmf.length);
      want.pmf.forEach((p, n) => expect(Math.abs(got.pmf[n] - p), `n = ${n}`).toBeLessThanOrEqual(1e-11 * p));
      expect(Math.abs(got.tail - want.tail)).toBeLessThanOrEqual(1e-9 * want.tail);
    }
  });

  it('the tail ratio: q for a heavy mixture, (nMax + 1 + r)/(nMax + 2)·q for a light one', () => {
    // cv = 2 (r = 1/4 < 1): (nMax + 1.25)/(nMax + 2) < 1, so ρ = q; cv 0.1 (r = 100): the other
    const heavy = countDistribution(0.2, 2),
      light = countDistribution(50, 0.1);
    const qh = 0.2 / (0.25 + 0.2),
      ql = 50 / (100 + 50);
    const nh = heavy.pmf.length - 1,
      nl = light.pmf.length - 1;
    const nextH = heavy.pmf[nh] * ((0.25 + nh) / (nh + 1)) * qh;
    const nextL = light.pmf[nl] * ((100 + nl) / (nl + 1)) * ql;
    expect(heavy.tail / (nextH / (1 - qh))).toBeCloseTo(1, 9);
    expect(light.tail / (nextL / (1 - ((nl + 101) / (nl + 2)) * ql))).toBeCloseTo(1, 9);
  });
});

describe('thetaQuadrature', () => {
  it('cv 0: one node at 1 of weight 1, distance 0, the Poisson count', () => {
    const q = thetaQuadrature(3, 0, { tolerance: 1e-9, maxNodes: 100 });
    expect(Array.from(q.theta)).toEqual([1]);
    expect(Array.from(q.weight)).toEqual([1]);
    expect(q.distance).toBe(0);
    const want = negativeBinomial(3, 0);
    expect(q.countPmf.length).toBe(want.pmf.length);
    expect(q.countPmf[3]).toBeCloseTo(want.pmf[3], 15);
    expect(q.countTail / want.tail).toBeCloseTo(1, 9);
  });

  it('nodes e^{jΔ} over the range above e^{−45} of the mode, weights ∝ the density, summing to 1', () => {
    // μ = 5, cv = 0.5: Δ0 = 2·min(0.5, 1/√6) = 2/√6; tolerance 1 stops at once
    const mu = 5,
      cv = 0.5;
    const step = 2 / Math.sqrt(6);
    const q = thetaQuadrature(mu, cv, { tolerance: 1, maxNodes: 1000 });
    const want = nodes(cv, step);
    expect(q.theta.length).toBe(want.theta.length);
    want.theta.forEach((t, j) => expect(q.theta[j] / t).toBeCloseTo(1, 12));
    want.weight.forEach((w, j) => expect(Math.abs(q.weight[j] - w)).toBeLessThanOrEqual(1e-12 * w + 1e-300));
    expect(q.weight.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(q.distance).toBeCloseTo(distance(want.theta, want.weight, mu, cv), 12);
    const nb = negativeBinomial(mu, cv);
    expect(q.countPmf.length).toBe(nb.pmf.length);
    expect(q.countTail / nb.tail).toBeCloseTo(1, 9);
  });

  it('cv below 1/√(μ + 1): Δ0 = 2cv', () => {
    // μ = 1, cv = 0.25 < 1/√2: Δ0 = 0.5, r = 16
    const q = thetaQuadrature(1, 0.25, { tolerance: 1, maxNodes: 1000 });
    const want = nodes(0.25, 0.5);
    expect(q.theta.length).toBe(want.theta.length);
    want.theta.forEach((t, j) => expect(q.theta[j] / t).toBeCloseTo(1, 12));
    expect(q.theta[1] / q.theta[0]).toBeCloseTo(Math.exp(0.5), 12);
  });

  it('a heavy mixture (μ = 0.2, cv = 2: much of Θ near 0) and a light one (cv = 0.05)', () => {
    // cv 2 > 1/√1.2: Δ0 = 2/√1.2; the distance at that step, against the sums written here
    const heavy = thetaQuadrature(0.2, 2, { tolerance: 1, maxNodes: 1000 });
    const hw = nodes(2, 2 / Math.sqrt(1.2));
    expect(heavy.theta.length).toBe(hw.theta.length);
    expect(heavy.distance / distance(hw.theta, hw.weight, 0.2, 2)).toBeCloseTo(1, 9);
    // cv 0.05 (r = 400): Δ0 = 0.1, nodes within about ±0.5 of v = 0
    const light = thetaQuadrature(5, 0.05, { tolerance: 1, maxNodes: 1000 });
    const lw = nodes(0.05, 0.1);
    expect(light.theta.length).toBe(lw.theta.length);
    expect(light.theta.length).toBeGreaterThan(5);
    lw.theta.forEach((t, j) => expect(light.theta[j] / t).toBeCloseTo(1, 12));
    expect(light.distance / distance(lw.theta, lw.weight, 5, 0.05)).toBeCloseTo(1, 9);
  });

  it('halves Δ until the distance is within the tolerance', () => {
    const mu = 5,
      cv = 0.5;
    const step = 2 / Math.sqrt(6);
    const d = [0, 1, 2, 3].map((m) => {
      const n = nodes(cv, step / 2 ** m);
      return distance(n.theta, n.weight, mu, cv);
    });
    // each halving is far better than the last
    expect(d[1]).toBeLessThan(d[0] / 10);
    expect(d[2]).toBeLessThan(d[1] / 10);
    for (const m of [1, 2]) {
      // a tolerance between d[m] and d[m − 1]: the rule stops at Δ0/2^m
      const tolerance = Math.sqrt(d[m] * d[m - 1]);
      const q = thetaQuadrature(mu, cv, { tolerance, maxNodes: 10000 });
      expect(q.theta[1] / q.theta[0], `m = ${m}`).toBeCloseTo(Math.exp(step / 2 ** m), 12);
      expect(q.distance / d[m]).toBeCloseTo(1, 6);
      expect(q.distance).toBeLessThanOrEqual(tolerance);
      // exactly at d[m]: still stops there
      const atIt = thetaQuadrature(mu, cv, { tolerance: q.distance, maxNodes: 10000 });
      expect(atIt.theta.length).toBe(q.theta.length);
    }
  });

  it('stops once the doubled node count would pass maxNodes', () => {
    const mu = 5,
      cv = 0.5;
    const step = 2 / Math.sqrt(6);
    const counts = [0, 1, 2].map((m) => nodes(cv, step / 2 ** m).theta.length);
    // tolerance 0 is never met: the first Δ with 2n > maxNodes
    const q0 = thetaQuadrature(mu, cv, { tolerance: 0, maxNodes: 2 * counts[0] - 1 });
    expect(q0.theta.length).toBe(counts[0]);
    const q1 = thetaQuadrature(mu, cv, { tolerance: 0, maxNodes: 2 * counts[0] });
    expect(q1.theta.length).toBe(counts[1]);
    const q2 = thetaQuadrature(mu, cv, { tolerance: 0, maxNodes: 2 * counts[1] });
    expect(q2.theta.length).toBe(counts[2]);
    expect(q2.distance).toBeGreaterThan(0);
  });

  it('the rule reproduces the Gamma moments E[Θ^k] = Π (r + i)/r', () => {
    for (const [mu, cv] of [
      [5, 0.5],
      [20, 1],
      [2, 0.2],
    ]) {
      const q = thetaQuadrature(mu, cv, { tolerance: 1e-10, maxNodes: 4000 });
      const r = 1 / (cv * cv);
      for (const k of [1, 2, 3]) {
        let m = 0;
        for (let j = 0; j < q.theta.length; j++) m += q.weight[j] * q.theta[j] ** k;
        expect(m / gammaMoment(r, k), `μ = ${mu}, cv = ${cv}, k = ${k}`).toBeCloseTo(1, 8);
      }
      expect(q.distance).toBeLessThanOrEqual(1e-10);
      // at this level both sums are round-off (some 1e-16 a term): equal to within 1e-14
      expect(Math.abs(q.distance - distance(q.theta, q.weight, mu, cv))).toBeLessThan(1e-14);
    }
  });
});
