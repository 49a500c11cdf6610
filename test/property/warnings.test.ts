/**
 * monteCarloWarnings (src/engine/warnings.ts): each warning on a report made for it, its absence
 * just inside the threshold, and on real runs: a well-behaved scheme gets none, a Pareto tail
 * of shape 1.2 without a cap gets heavy-tail (and the sampling warnings it causes).
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/report.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { expectedClaims, monteCarloWarnings, type WarningCode } from '../../src/engine/warnings.ts';
import { flagText } from '../../src/messages/flags.ts';
import { WARNING_TEXTS } from '../../src/messages/warnings.ts';
import { resolveScheme } from '../../src/domain/defaults.ts';
import { inlineRunner } from '../../src/runners/inline.ts';

/** A report's counts when a test has no use for them. */
const NO_COUNTS = { claimants: [], beneficiaries: [], beneficiaryTimes: 0, averageBenefit: null };

function scenario(
  over: {
    members?: number;
    rate?: number;
    cost?: object;
    benefit?: object;
    kind?: 'cost' | 'event';
    newShare?: number;
  } = {},
): Scenario {
  const kind = over.kind ?? 'cost';
  return {
    format: 'huzhu-scenario/1',
    name: 'x',
    members: { count: over.members ?? 10_000, newShare: over.newShare },
    contributions: [{ payer: 'member', amount: 36 }],
    risks: [
      kind === 'cost'
        ? {
            id: 'r',
            kind,
            rate: over.rate ?? 0.04,
            cost: (over.cost ?? { dist: 'lognormal', mean: 4000, cv: 1 }) as never,
          }
        : { id: 'r', kind, rate: over.rate ?? 0.04 },
    ],
    benefits: [
      {
        id: 'b',
        risk: 'r',
        ...(over.benefit ?? { type: 'bands', bands: [{ upTo: null, rate: 0.5 }], cap: 30000 }),
      } as never,
    ],
  };
}

/** A report with the given figures (everything else plausible). */
function report(
  over: { mean?: number; se?: number; expected?: number; iterations?: number; method?: 'mc' | 'fft' } = {},
): Report {
  const mean = over.mean ?? 1000;
  const q = { p50: mean, p75: mean, p90: mean, p95: mean, p99: mean, p995: mean };
  return {
    format: 'huzhu-report/1',
    name: 'x',
    iterations: over.iterations ?? 10_000,
    seed: 's',
    method: over.method ?? 'mc',
    income: 360_000,
    expenses: 0,
    expected: { payout: over.expected ?? mean, lossRatio: 0.5, ...NO_COUNTS },
    simulated: {
      mean,
      sd: 0,
      standardError: over.se ?? 0,
      quantiles: q,
      probDeficit: 0,
      probBeyondBackstop: 0,
      ...NO_COUNTS,
    },
    benefits: [],
    groups: [],
    limits: [],
    breakEvenContribution: 1,
    contributionAtConfidence: 1,
    verdict: 'breaks-even',
    flags: [],
  };
}

const codes = (r: Report, s: Scenario = scenario()) => monteCarloWarnings(r, s).map((w) => w.code);

describe('mc-standard-error-large', () => {
  it('when the standard error is above 1% of the simulated mean', () => {
    expect(codes(report({ mean: 1000, se: 10.01 }))).toEqual(['mc-standard-error-large']);
    expect(codes(report({ mean: 1000, se: 10 }))).toEqual([]);
  });

  it('when no period paid anything although the exact expectation is positive', () => {
    expect(codes(report({ mean: 0, se: 0, expected: 0.5 }))).toEqual([
      'mc-standard-error-large',
      'mc-mean-off',
    ]);
    expect(codes(report({ mean: 0, se: 0, expected: 0 }))).toEqual([]);
  });
});

describe('mc-mean-off', () => {
  it('when the simulated mean is more than 4 standard errors (and a fen) from the exact expectation', () => {
    expect(codes(report({ mean: 1000, se: 5, expected: 1020.02 }))).toEqual(['mc-mean-off']);
    expect(codes(report({ mean: 1000, se: 5, expected: 1020 }))).toEqual([]);
    expect(codes(report({ mean: 1000, se: 5, expected: 979.98 }))).toEqual(['mc-mean-off']);
  });

  it('says how many standard errors', () => {
    const [w] = monteCarloWarnings(report({ mean: 1000, se: 2, expected: 1010 }), scenario());
    expect(w).toEqual({ code: 'mc-mean-off', params: { mean: 1000, expected: 1010, standardErrors: 5 } });
    expect(flagText('en', w)).toContain('5 standard errors');
    expect(flagText('zh', w)).toContain('相差 5 个标准误');
  });
});

describe('heavy-tail', () => {
  const pareto = (shape: number) => ({ dist: 'pareto', scale: 4000, shape });
  const uncapped = { type: 'bands', bands: [{ upTo: null, rate: 0.5 }] };

  it('when a benefit without a cap rides a Pareto cost of shape ≤ 2 (infinite variance)', () => {
    expect(codes(report(), scenario({ cost: pareto(2), benefit: uncapped }))).toEqual(['heavy-tail']);
    expect(
      codes(
        report(),
        scenario({ cost: pareto(1.01), benefit: { type: 'steps', from: 0, step: 1000, perStep: 100 } }),
      ),
    ).toEqual(['heavy-tail']);
    expect(codes(report(), scenario({ cost: pareto(2.01), benefit: uncapped }))).toEqual([]);
    expect(codes(report(), scenario({ cost: pareto(1.5) }))).toEqual([]); // capped at 30,000
    expect(
      codes(
        report(),
        scenario({ cost: pareto(1.5), benefit: { type: 'bands', bands: [{ upTo: 50000, rate: 0.5 }] } }),
      ),
    ).toEqual([]);
  });

  it('names the benefit, escaped to one line', () => {
    const s = scenario({ cost: pareto(1.5), benefit: uncapped });
    s.benefits[0].id = 'self\npay';
    s.benefits[0].risk = 'r';
    const [w] = monteCarloWarnings(report(), s);
    expect(w).toEqual({ code: 'heavy-tail', params: { benefit: 'self\npay', shape: 1.5 } });
    for (const lang of ['en', 'zh'] as const) {
      expect(flagText(lang, w)).toContain('"self\\npay"');
      expect(flagText(lang, w)).not.toMatch(/\n/);
    }
  });

  it('when fewer than 10 simulated periods lie above p99.5 (iterations × 0.005 < 10)', () => {
    expect(codes(report({ iterations: 1999 }))).toEqual(['heavy-tail']);
    expect(codes(report({ iterations: 2000 }))).toEqual([]);
  });
});

describe('few-claims', () => {
  it('when fewer than 30 claims are expected per period', () => {
    expect(codes(report(), scenario({ members: 100, rate: 0.29 }))).toEqual(['few-claims']);
    expect(codes(report(), scenario({ members: 100, rate: 0.3 }))).toEqual([]);
  });

  it('counts an event risk’s events after the waiting period’s thinning, and only risks a benefit pays for', () => {
    const lump = { type: 'lump-sum', amount: 1000, waitingDays: 365 };
    const s = resolveScheme(
      scenario({ kind: 'event', members: 1000, rate: 0.05, newShare: 0.5, benefit: lump }),
    );
    expect(expectedClaims(s)).toBeCloseTo(25, 10);
    expect(
      codes(report(), scenario({ kind: 'event', members: 1000, rate: 0.05, newShare: 0.5, benefit: lump })),
    ).toEqual(['few-claims']);
    const unpaid = resolveScheme(scenario());
    unpaid.benefits = [];
    expect(expectedClaims(unpaid)).toBe(0);
  });
});

describe('an exact (FFT) report', () => {
  it('has no sampling warnings, only few-claims', () => {
    const fft = report({ method: 'fft', iterations: 0, mean: 0, se: 0, expected: 500 });
    expect(
      codes(
        fft,
        scenario({
          cost: { dist: 'pareto', scale: 4000, shape: 1.5 },
          benefit: { type: 'bands', bands: [{ upTo: null, rate: 0.5 }] },
        }),
      ),
    ).toEqual([]);
    expect(codes(fft, scenario({ members: 10 }))).toEqual(['few-claims']);
  });
});

describe('messages', () => {
  it('exist in English and Chinese for every code, on one line, with no unfilled figure', () => {
    const cases: [Report, Scenario][] = [
      [
        report({ mean: 0, se: 0, expected: 5, iterations: 100 }),
        scenario({
          members: 10,
          cost: { dist: 'pareto', scale: 4000, shape: 1.5 },
          benefit: { type: 'bands', bands: [{ upTo: null, rate: 0.5 }] },
        }),
      ],
      [report({ mean: 1000, se: 50, expected: 2000 }), scenario()],
    ];
    const seen = new Set<WarningCode>();
    for (const [r, s] of cases) {
      for (const w of monteCarloWarnings(r, s)) {
        seen.add(w.code);
        for (const lang of ['en', 'zh'] as const) expect(flagText(lang, w)).not.toMatch(/NaN|undefined|\n/);
        expect(flagText('zh', w)).toMatch(/[\u4e00-\u9fff]/);
        expect(flagText('en', w)).not.toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(WARNING_TEXTS.en).sort());
  });
});

describe('on real runs', () => {
  it('a well-behaved scheme (400 claims a period, lognormal cv 1, capped, 2,000 iterations) gets none', async () => {
    const s = scenario();
    const { report: r } = await simulate(s, inlineRunner(), { iterations: 2000, seed: 'warnings' });
    expect(monteCarloWarnings(r, s)).toEqual([]);
  });

  it('an uncapped benefit on a Pareto cost of shape 1.2 gets heavy-tail, and the sample misses its mean', async () => {
    const s = scenario({
      cost: { dist: 'pareto', scale: 4000, shape: 1.2 },
      benefit: { type: 'bands', bands: [{ upTo: null, rate: 0.5 }] },
    });
    const { report: r } = await simulate(s, inlineRunner(), { iterations: 2000, seed: 'warnings' });
    const found = codes(r, s);
    expect(found).toContain('heavy-tail');
    expect(found.some((c) => c === 'mc-mean-off' || c === 'mc-standard-error-large')).toBe(true);
  });
});
