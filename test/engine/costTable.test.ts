import { describe, expect, it } from 'vitest';
import { payFast } from '../../src/benefits/fast.ts';
import { bandsPiecewise, stepsPiecewise } from '../../src/benefits/piecewise.ts';
import type { CostDist } from '../../src/domain/scenario.ts';
import { continuousCost } from '../../src/engine/costDistribution.ts';
import { buildCostTable, cellEdges } from '../../src/engine/costTable.ts';
import { expectedCostBenefit, expectedPiecewise } from '../../src/engine/expectedBenefit.ts';
import { hangzhou, jiaxing, wenzhou } from '../helpers/fixtures.ts';

const dists: CostDist[] = [
  { dist: 'lognormal', mean: 1564, cv: 3 },
  { dist: 'lognormal', mean: 9000, cv: 0.4 },
  { dist: 'gamma', mean: 4000, cv: 1.5 },
  { dist: 'pareto', scale: 3000, shape: 1.8 },
];
const BITS = 12;

describe('a sampling table keeps the mean exact and every draw within its cell', () => {
  for (const dist of dists) {
    for (const [name, b] of [
      ['Hangzhou bands', hangzhou],
      ['Jiaxing 50% to 30,000', jiaxing],
      ['Wenzhou steps', wenzhou],
    ] as const) {
      it(`${name} on ${dist.dist} ${JSON.stringify(dist)}`, () => {
        const X = continuousCost(dist);
        const pw = b.type === 'bands' ? bandsPiecewise(b) : stepsPiecewise(b);
        const table = buildCostTable(X, [pw], BITS);
        const T = 2 ** BITS;
        const edges = cellEdges(X, BITS);
        const pay = payFast(b);
        // invariant: m ± s/2 within [b(lo), b(hi)] (b nondecreasing)
        for (let c = 0; c < table.tailStart; c++) {
          const m = table.tables[0][2 * c],
            s = table.tables[0][2 * c + 1];
          const hi = c + 1 < T ? pay(edges[c + 1]) : pay(1e15);
          expect(m - s / 2).toBeGreaterThanOrEqual(pay(edges[c]) - 1e-9);
          expect(m + s / 2).toBeLessThanOrEqual(hi + 1e-9);
        }
        // mean: tabulated cells at weight 1/T, plus the exactly sampled tail
        let mean = 0;
        for (let c = 0; c < table.tailStart; c++) mean += table.tables[0][2 * c] / T;
        if (table.tailStart < T) {
          // the exactly sampled tail contributes E[b(X); X ≥ from] = E[b(X)] − E[b(X); X < from]
          const from = edges[table.tailStart];
          const keep = Array.from(pw.x).filter((x) => x < from).length;
          const below = { x: pw.x.slice(0, keep), a: pw.a.slice(0, keep), s: pw.s.slice(0, keep), end: from };
          mean += expectedCostBenefit(b, dist) - expectedPiecewise(below, X);
        }
        expect(mean / expectedCostBenefit(b, dist)).toBeCloseTo(1, 8);
      });
    }
  }
  it('capped tables whose cap is reached below the last cell need no tail draws', () => {
    const table = buildCostTable(continuousCost(dists[0]), [bandsPiecewise(hangzhou)], BITS);
    expect(table.tailStart).toBe(2 ** BITS);
  });
});
