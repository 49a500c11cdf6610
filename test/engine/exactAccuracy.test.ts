/**
 * The exact method never gives silently wrong figures (engine/fft/exactAccuracy.ts): a heavy tail
 * its grid cannot hold is refused with the reason, a scenario it can compute agrees with an
 * independent reference. The reference here is Panjer's recursion for a compound Poisson sum,
 * written out in this file from the Lomax law of docs/scenario-format.md (no FFT, no engine code).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import {
  accurateAggregate,
  EXACT_TOLERANCE,
  ExactRefusedError,
  exactRefusal,
  type ExactRefusal,
} from '../../src/engine/fft/exactAccuracy.ts';
import type { LatticeDistribution } from '../../src/engine/fft/latticeDistribution.ts';
import { simulateExact } from '../../src/engine/simulate.ts';
import { exactPreview } from '../../src/ui/exact.ts';
import { readScenarioFile, scenarioFiles } from '../helpers/scenarios.ts';

const heavyTail: Scenario = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/heavy-tail/heavy-tail.json'), 'utf8'),
);

/** The fixture with another Pareto shape (200 members, rate 0.05, scale 4000, half the cost paid, income 12,000). */
function withShape(shape: number): Scenario {
  const s = structuredClone(heavyTail);
  const risk = s.risks[0];
  if (risk.kind !== 'cost' || risk.cost.dist !== 'pareto') throw new Error('fixture changed');
  risk.cost.shape = shape;
  return s;
}

function refusalOf(s: Scenario): ExactRefusal | null {
  try {
    simulateExact(s);
    return null;
  } catch (e) {
    if (e instanceof ExactRefusedError) return e.refusal;
    throw e;
  }
}

/**
 * P(S ≤ x) for S = Σ_{i ≤ N} X_i / 2, N ~ Poisson(λ), X ~ Lomax(scale, shape):
 * P(X > x) = (scale / (x + scale))^shape. Y = X/2 is put on the span h by the midpoint rule
 * (mass of [(j − ½)h, (j + ½)h) at jh); Panjer: f_S(0) = e^{−λ(1 − f_0)},
 * f_S(k) = λ/k · Σ_j j·f_j·f_S(k − j). The midpoint rule's error in P(S ≤ x) is O(h): at
 * h = 0.5 yuan on claims of thousands of yuan it is far below the 1e-4 the test allows.
 */
function panjerCdf(lambda: number, scale: number, shape: number, x: number, h: number): number {
  const n = Math.floor(x / h + 0.5);
  const sfY = (y: number) => (y <= 0 ? 1 : (scale / (2 * y + scale)) ** shape);
  const f = new Float64Array(n + 1);
  for (let j = 0; j <= n; j++) f[j] = sfY((j - 0.5) * h) - sfY((j + 0.5) * h);
  const g = new Float64Array(n + 1);
  g[0] = Math.exp(-lambda * (1 - f[0]));
  let cdf = g[0];
  for (let k = 1; k <= n; k++) {
    let sum = 0;
    for (let j = 1; j <= k; j++) sum += j * f[j] * g[k - j];
    g[k] = (lambda / k) * sum;
    cdf += g[k];
  }
  return cdf;
}

describe('the exact method refuses what it cannot compute accurately', () => {
  it('refuses the heavy-tail fixture (uncapped Pareto shape 1.1): its mean falls short of E[S] = 200,000', () => {
    // E[S] = members·rate·½·scale/(shape − 1) = 200·0.05·0.5·4000/0.1 = 200,000 (Lomax mean).
    const r = refusalOf(heavyTail);
    expect(r?.code).toBe('mean-off');
    if (r?.code !== 'mean-off') return;
    expect(r.params.expected).toBeCloseTo(200_000, 6);
    expect(Math.abs(r.params.mean - 200_000) / 200_000).toBeGreaterThan(EXACT_TOLERANCE.mean);
  });

  it('refuses Pareto shape 2.5: P(deficit) is uncertain beyond 1e-4 even on the finer grid', () => {
    const r = refusalOf(withShape(2.5));
    expect(r?.code).toBe('coarse-probability');
    if (r?.code !== 'coarse-probability') return;
    expect(r.params.which).toBe('deficit');
    expect(r.params.at).toBe(12_000);
    expect(r.params.error).toBeGreaterThan(EXACT_TOLERANCE.probability);
  });

  it('gives Pareto shape 3 with P(deficit) within 1e-4 of Panjer’s recursion (the first grid alone was 4e-4 off)', () => {
    const { report } = simulateExact(withShape(3));
    const truth = 1 - panjerCdf(200 * 0.05, 4000, 3, 12_000, 0.5);
    expect(truth).toBeGreaterThan(0.28);
    expect(truth).toBeLessThan(0.29);
    expect(Math.abs(report.simulated.probDeficit - truth)).toBeLessThan(EXACT_TOLERANCE.probability);
  });

  it('never refuses a bundled scenario, /2 files included', () => {
    for (const file of scenarioFiles()) expect(refusalOf(readScenarioFile(file)), file).toBeNull();
  });

  it('keeps a caller’s own grid size: no second pass, the refusal stands', () => {
    const s = resolveScheme(withShape(3));
    const targets = { points: [{ which: 'deficit' as const, at: 12_000 }], levels: [0.5] };
    expect(() => accurateAggregate(s, { gridSize: 1 << 16 }, targets)).toThrow(ExactRefusedError);
    expect(accurateAggregate(s, {}, targets).gridSize).toBe(1 << 18);
  });

  it('shows the refusal in the workbench preview instead of a distribution', () => {
    const p = exactPreview(heavyTail);
    expect(p && 'refusal' in p && p.refusal.code).toBe('mean-off');
  });
});

/** A four-cell distribution whose coarse twin is itself, for checks one at a time. */
function flat(over: Partial<Parameters<typeof exactRefusal>[0]> = {}): Parameters<typeof exactRefusal>[0] {
  const pmf = Float64Array.from([0.25, 0.25, 0.25, 0.25]);
  const d: LatticeDistribution = {
    origin: 0,
    h: 1000,
    pmf,
    cdf: Float64Array.from([0.25, 0.5, 0.75, 1]),
    lattice: false,
  };
  return { ...d, mean: 1500, sd: 1118, expected: 1500, negativeMass: 0, coarse: d, ...over };
}
const TARGETS = { points: [{ which: 'deficit' as const, at: 1700 }], levels: [0.5, 0.95] };

describe('each check, on either side of its tolerance', () => {
  it('mean: 0.9e-6 of E[S] off passes, 1.1e-6 is refused', () => {
    expect(exactRefusal(flat({ mean: 1500 * (1 + 0.9e-6) }), TARGETS)).toBeNull();
    expect(exactRefusal(flat({ mean: 1500 * (1 - 1.1e-6) }), TARGETS)?.code).toBe('mean-off');
    expect(exactRefusal(flat({ mean: NaN }), TARGETS)?.code).toBe('mean-off');
  });
  it('negative probabilities: 0.9e-8 passes, 1.1e-8 is refused', () => {
    expect(exactRefusal(flat({ negativeMass: 0.9e-8 }), TARGETS)).toBeNull();
    expect(exactRefusal(flat({ negativeMass: 1.1e-8 }), TARGETS)?.code).toBe('negative');
  });
  it('probability: a coarse twin 2.7e-4 away at the threshold passes (error 0.9e-4), 3.3e-4 is refused', () => {
    // The coarse twin has the same cells, one shifted by δ: F differs by δ·(share of the cell below x).
    const twin = (delta: number): LatticeDistribution => {
      const pmf = Float64Array.from([0.25, 0.25 + delta, 0.25 - delta, 0.25]);
      let c = 0;
      return { origin: 0, h: 1000, pmf, cdf: pmf.map((p) => (c += p)), lattice: false };
    };
    // At x = 1500 (the boundary of cells 1 and 2) F = 0.5 + δ, so the estimated error is δ/3.
    const at = { points: [{ which: 'deficit' as const, at: 1500 }], levels: [] };
    expect(exactRefusal(flat({ coarse: twin(2.7e-4) }), at)).toBeNull();
    expect(exactRefusal(flat({ coarse: twin(3.3e-4) }), at)?.code).toBe('coarse-probability');
  });
  it('quantile: a coarse twin whose median is 10 yuan off passes, 11 yuan is refused', () => {
    const shifted = (dx: number): LatticeDistribution => ({ ...flat(), origin: dx });
    const at = { points: [], levels: [0.5] };
    // Cells of 1000 centred on 0, 1000, 2000, 3000, each ¼, linear within a cell (from 0):
    // Q(.995) = 2500 + 0.98·1000 = 3480, Q(.005) = 0, so the scale is max(3480, sd 1118) and the
    // tolerance 3.48 yuan of estimated error, i.e. a shift of 10.44 yuan (error = shift / 3).
    expect(exactRefusal(flat({ coarse: shifted(10) }), at)).toBeNull();
    expect(exactRefusal(flat({ coarse: shifted(11) }), at)?.code).toBe('coarse-quantile');
  });
  it('an exact distribution (no coarse twin) is checked for its mean and negatives only', () => {
    expect(exactRefusal(flat({ coarse: null }), TARGETS)).toBeNull();
  });
});
