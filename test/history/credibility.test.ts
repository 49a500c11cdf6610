import { describe, expect, it } from 'vitest';
import type { Credibility, District } from '../../src/history/credibility.ts';
import { credibility } from './worded.ts';
import { createStream, poissonOf, randomGammaMeanCv } from '../../src/random/index.ts';

const ok = (r: ReturnType<typeof credibility>): Omit<Credibility, 'notes'> & { notes: string[] } => {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
};
const district = (name: string, years: [number, number][]): District => ({
  name,
  years: years.map(([members, claimants], j) => ({ year: 2019 + j, members, claimants })),
});

/** Three districts, worked by hand in exact fractions (Python `fractions`), figures below. */
const worked = [
  district('A', [
    [1000, 40],
    [1200, 54],
    [1500, 60],
  ]),
  district('B', [
    [3000, 90],
    [3500, 112],
  ]),
  district('C', [
    [500, 30],
    [600, 30],
    [800, 56],
  ]),
];

describe('Bühlmann–Straub on a worked example (exact fractions computed independently)', () => {
  // m = 3,700 / 6,500 / 1,900; X̄_i = 154/3700, 202/6500, 116/1900; X̄ = 472/12,100 = 118/3025.
  // σ̂² = Σ m_ij (X_ij − X̄_i)² / (2 + 1 + 2) = 0.0329253091147828
  // â = [Σ m_i (X̄_i − X̄)² − 2σ̂²] / (12,100 − Σ m_i²/12,100) = 0.00017992892376212177, k = 182.99064111733526
  // μ̂ = Σ Z_i X̄_i / Σ Z_i = 0.044253393863987474
  it('estimates the structure parameters', () => {
    const r = ok(credibility(worked));
    expect(r.pooledRate).toBeCloseTo(118 / 3025, 16);
    expect(r.withinVariance).toBeCloseTo(0.0329253091147828, 15);
    expect(r.betweenVariance / 0.00017992892376212177).toBeCloseTo(1, 12);
    expect(r.k / 182.99064111733526).toBeCloseTo(1, 12);
    expect(r.collectiveMean).toBeCloseTo(0.044253393863987474, 14);
  });
  it('gives each district its exposure, observed rate, weight Z = m/(m + k) and credibility rate', () => {
    const r = ok(credibility(worked));
    expect(r.districts.map((d) => [d.name, d.exposure, d.claimants])).toEqual([
      ['A', 3700, 154],
      ['B', 6500, 202],
      ['C', 1900, 116],
    ]);
    const expected = [
      [154 / 3700, 0.9528737877501865, 0.041745647078908515],
      [202 / 6500, 0.9726184501903267, 0.03143771526809479],
      [116 / 1900, 0.9121500416251619, 0.05957681924495913],
    ];
    r.districts.forEach((d, i) => {
      expect(d.observedRate).toBeCloseTo(expected[i][0], 15);
      expect(d.weight).toBeCloseTo(expected[i][1], 12);
      expect(d.credibilityRate).toBeCloseTo(expected[i][2], 12);
      expect(d.pooledRate).toBe(r.pooledRate);
    });
  });
  it('says which districts the pooled contribution subsidises: those whose credibility rate is above the pooled rate', () => {
    const r = ok(credibility(worked));
    expect(r.subsidised).toEqual(['A', 'C']);
    expect(r.districts.map((d) => d.subsidised)).toEqual([true, false, true]);
    expect(r.notes).toEqual([
      'A: credibility rate 4.17 per 100 above the pooled 3.90: the pooled contribution subsidises it',
      'C: credibility rate 5.96 per 100 above the pooled 3.90: the pooled contribution subsidises it',
    ]);
    const zh = ok(credibility(worked, { lang: 'zh' }));
    expect(zh.notes[0]).toBe('A：信度发生率每百人 4.17，高于统筹发生率 3.90：由统筹会费补贴');
  });
  it('balances: with the credibility-weighted collective mean, Σ m_i·P_i equals the claimants observed', () => {
    const r = ok(credibility(worked));
    expect(r.districts.reduce((s, d) => s + d.exposure * d.credibilityRate, 0)).toBeCloseTo(472, 9);
  });
});

/**
 * The same estimators computed another way, from a flat list of (district, members, claimants):
 * σ̂² from the within sum of squares; the between sum of squares as total − within (the weighted
 * ANOVA identity Σ m_ij (X_ij − X̄)² = Σ m_ij (X_ij − X̄_i)² + Σ m_i (X̄_i − X̄)²).
 */
function reference(flat: { d: number; m: number; n: number }[], r: number) {
  const m = new Float64Array(r),
    n = new Float64Array(r),
    years = new Float64Array(r);
  for (const x of flat) {
    m[x.d] += x.m;
    n[x.d] += x.n;
    years[x.d]++;
  }
  const M = m.reduce((a, b) => a + b, 0);
  const mean = n.reduce((a, b) => a + b, 0) / M;
  let within = 0,
    total = 0;
  for (const x of flat) {
    within += x.m * (x.n / x.m - n[x.d] / m[x.d]) ** 2;
    total += x.m * (x.n / x.m - mean) ** 2;
  }
  const s2 = within / years.reduce((a, y) => a + y - 1, 0);
  let sq = 0;
  for (let i = 0; i < r; i++) sq += m[i] * m[i];
  const a = (total - within - (r - 1) * s2) / (M - sq / M);
  const z = Array.from(m, (mi) => (a > 0 ? mi / (mi + s2 / a) : 0));
  const zs = z.reduce((p, q) => p + q, 0);
  const mu = zs > 0 ? z.reduce((p, zi, i) => p + zi * (n[i] / m[i]), 0) / zs : mean;
  return { s2, a, mu, rates: z.map((zi, i) => zi * (n[i] / m[i]) + (1 - zi) * mu) };
}

describe('Bühlmann–Straub against a direct computation on simulated districts', () => {
  it('agrees with the flat-list computation on 40 districts with unequal years and exposures', () => {
    const src = createStream('credibility', 1).next;
    const theta = randomGammaMeanCv(src)(0.04, 0.3);
    const poisson = poissonOf(src);
    const districts: District[] = [];
    const flat: { d: number; m: number; n: number }[] = [];
    for (let i = 0; i < 40; i++) {
      const rate = theta();
      const years = [];
      for (let j = 0; j < 1 + (i % 5); j++) {
        const members = 200 + Math.floor(src() * 5000);
        const claimants = poisson(rate * members);
        years.push({ year: 2018 + j, members, claimants });
        flat.push({ d: i, m: members, n: claimants });
      }
      districts.push({ name: `D${i}`, years });
    }
    const r = ok(credibility(districts));
    const ref = reference(flat, 40);
    expect(r.withinVariance / ref.s2).toBeCloseTo(1, 10);
    expect(r.betweenVariance / ref.a).toBeCloseTo(1, 8);
    expect(r.collectiveMean / ref.mu).toBeCloseTo(1, 10);
    r.districts.forEach((d, i) => expect(d.credibilityRate / ref.rates[i]).toBeCloseTo(1, 10));
    // Poisson claimants: σ² = E[rate] ≈ 0.04; a = Var(rate) = (0.3·0.04)² = 1.44e-4 (loosely, 40 districts).
    expect(r.withinVariance).toBeGreaterThan(0.03);
    expect(r.withinVariance).toBeLessThan(0.05);
    expect(r.betweenVariance).toBeGreaterThan(0.5e-4);
    expect(r.betweenVariance).toBeLessThan(3e-4);
  });
});

describe('credibility: edge cases', () => {
  it('truncates a negative between-district variance to 0: every Z = 0, every district at the pooled rate', () => {
    const r = ok(
      credibility([
        district('A', [
          [1000, 40],
          [1000, 60],
        ]),
        district('B', [
          [1000, 50],
          [1000, 50],
        ]),
      ]),
    );
    expect(r.betweenVariance).toBeLessThan(0);
    expect(r.k).toBe(Infinity);
    expect(r.districts.map((d) => d.weight)).toEqual([0, 0]);
    expect(r.districts.map((d) => d.credibilityRate)).toEqual([0.05, 0.05]);
    expect(r.collectiveMean).toBe(0.05);
    expect(r.subsidised).toEqual([]);
    expect(r.notes[0]).toMatch(/^the districts differ no more than chance alone would make them/);
  });
  it('gives full credibility (Z = 1) when there is no variation within districts', () => {
    const r = ok(
      credibility([
        district('A', [
          [1000, 40],
          [1000, 40],
        ]),
        district('B', [
          [1000, 60],
          [2000, 120],
        ]),
        district('C', [[500, 25]]),
      ]),
    );
    expect(r.withinVariance).toBe(0);
    expect(r.districts.map((d) => d.weight)).toEqual([1, 1, 1]);
    expect(r.districts.map((d) => d.credibilityRate)).toEqual([0.04, 0.06, 0.05]);
  });
  it('refuses fewer than 2 districts, no district with 2 years, and bad figures, all at once', () => {
    expect(
      credibility([
        district('A', [
          [1, 0],
          [1, 0],
        ]),
      ]),
    ).toEqual({ ok: false, problems: [{ path: 'districts', message: 'needs at least 2 districts' }] });
    expect(credibility([district('A', [[10, 1]]), district('B', [[10, 2]])])).toEqual({
      ok: false,
      problems: [
        {
          path: 'districts',
          message: 'needs a district with 2 or more years, to estimate the variation within a district',
        },
      ],
    });
    const r = credibility([
      {
        name: 'A',
        years: [
          { year: 2019, members: 0, claimants: -1 },
          { year: 2019, members: 10, claimants: 1.5 },
        ],
      },
      { name: 'A', years: [] },
      { name: ' ', years: [{ year: 2019, members: 1, claimants: 0 }] },
    ]);
    expect(!r.ok && r.problems.map((p) => p.path)).toEqual([
      'districts[0].years[0].members',
      'districts[0].years[0].claimants',
      'districts[0].years[1].year',
      'districts[0].years[1].claimants',
      'districts[1].name',
      'districts[1].years',
      'districts[2].name',
    ]);
  });
});
