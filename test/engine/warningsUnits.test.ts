/**
 * monteCarloWarnings and expectedClaims (src/engine/warnings.ts) part by part: each warning at its
 * threshold from the module's table and just inside it, with figures exactly representable so that
 * `>` and `>=` (`<` and `<=`) differ, each warning's figures (params) as the table names them, and
 * the claims expected per period worked by hand: rate × members (× the female share for `who:
 * 'female'`) × 1 − newShare·waitingDays/365 for a lump sum, the largest such factor over the lump
 * sums of one event risk. The module is imported afresh in each test (`vi.resetModules()`), so a
 * mutation run sees its thresholds (`WARNING_LIMITS`, defined when the module loads).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Report } from '../../src/domain/report.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import type { ResolvedScheme } from '../../src/domain/scheme.ts';

// Imported statically too (its type): a mutation run counts a test file's tests for a module only
// when the file imports that module statically; the tests use the fresh import below.
import type * as Warnings from '../../src/engine/warnings.ts';

type Module = typeof Warnings;
let m: Module;

beforeEach(async () => {
  vi.resetModules();
  m = await import('../../src/engine/warnings.ts');
});

/** 1,000 members, an event risk at 0.5 and a lump sum of 1: 500 claims a period, no tail to speak of. */
const base: Scenario = {
  format: 'huzhu-scenario/2',
  name: 'warnings',
  members: { count: 1000 },
  contributions: [{ payer: 'member', amount: 1 }],
  risks: [{ id: 'r', kind: 'event', rate: 0.5 }],
  benefits: [{ id: 'b', risk: 'r', type: 'lump-sum', amount: 1 }],
};

/** A report with the figures the warnings read; everything else is irrelevant to them. */
const report = (o: {
  mean?: number;
  se?: number;
  expected?: number;
  iterations?: number;
  method?: 'mc' | 'fft';
}): Report =>
  ({
    method: o.method ?? 'mc',
    iterations: o.iterations ?? 10_000,
    expected: { payout: o.expected ?? o.mean ?? 100 },
    simulated: { mean: o.mean ?? 100, standardError: o.se ?? 0 },
  }) as unknown as Report;

const codes = (r: Report, s: Scenario | ResolvedScheme = base) =>
  m.monteCarloWarnings(r, s).map((w) => w.code);

/** An uncapped or capped bands benefit on a Pareto cost of the given shape, 1,000 members at rate 0.5. */
const pareto = (
  shape: number,
  benefit: object = { type: 'bands', bands: [{ upTo: null, rate: 0.5 }] },
): Scenario =>
  ({
    ...base,
    risks: [{ id: 'r', kind: 'cost', rate: 0.5, cost: { dist: 'pareto', scale: 1000, shape } }],
    benefits: [{ id: 'tail', risk: 'r', ...benefit }],
  }) as Scenario;

describe('the thresholds', () => {
  it('are those of the table: 1% relative error, 4 standard errors, Pareto shape 2, 10 tail periods, 30 claims', () => {
    expect(m.WARNING_LIMITS).toEqual({
      relativeStandardError: 0.01,
      meanOffStandardErrors: 4,
      paretoInfiniteVariance: 2,
      tailPeriods: 10,
      fewClaims: 30,
    });
  });
});

describe('mc-standard-error-large', () => {
  it('fires above 1% of the mean (standard error 1.25 of a mean 100), not at exactly 1% (1 of 100) or below', () => {
    expect(codes(report({ mean: 100, se: 1.25 }))).toEqual(['mc-standard-error-large']);
    expect(codes(report({ mean: 100, se: 1 }))).toEqual([]);
    expect(codes(report({ mean: 100, se: 0.75 }))).toEqual([]);
  });
  it('carries the standard error, the mean, the expectation and the iterations', () => {
    const w = m.monteCarloWarnings(report({ mean: 100, se: 1.25, iterations: 4000 }), base);
    expect(w).toEqual([
      {
        code: 'mc-standard-error-large',
        params: { standardError: 1.25, mean: 100, expected: 100, iterations: 4000 },
      },
    ]);
  });
  it('fires when no period paid (mean 0) but μ = 0.25 > 0, not when μ is 0 too; never for a mean of 100 with no error', () => {
    expect(codes(report({ mean: 0, expected: 0.25 }))).toContain('mc-standard-error-large');
    expect(codes(report({ mean: 0, expected: 0 }))).toEqual([]);
    expect(codes(report({ mean: 100, expected: 100 }))).toEqual([]);
  });
});

describe('mc-mean-off', () => {
  it('fires when |mean − μ| > 4 SE + one fen: μ = 0, SE 0.25, the edge 1 + 0.01 = 1.01 exactly; 1.015 and −1.015 are off, 1.01 and 1.005 not', () => {
    const off = (mean: number) => codes(report({ mean, expected: 0, se: 0.25 }));
    expect(off(1.01)).not.toContain('mc-mean-off');
    expect(off(1.005)).not.toContain('mc-mean-off');
    expect(off(1.015)).toContain('mc-mean-off');
    expect(off(-1.015)).toContain('mc-mean-off');
    // the mean below μ: μ = 1.015, mean 0 (the standard error large as well, the mean being 0)
    expect(codes(report({ mean: 0, expected: 1.015, se: 0.25 }))).toContain('mc-mean-off');
  });
  it('gives the gap in standard errors: |100 − 110| / 2 = 5, and |110 − 100| / 2 = 5', () => {
    expect(m.monteCarloWarnings(report({ mean: 100, expected: 110, se: 0.5 }), base)).toContainEqual({
      code: 'mc-mean-off',
      params: { mean: 100, expected: 110, standardErrors: 20 },
    });
    expect(m.monteCarloWarnings(report({ mean: 110, expected: 100, se: 2 }), base)).toEqual([
      {
        code: 'mc-standard-error-large',
        params: { standardError: 2, mean: 110, expected: 100, iterations: 10_000 },
      },
      { code: 'mc-mean-off', params: { mean: 110, expected: 100, standardErrors: 5 } },
    ]);
  });
  it('with no standard error at all names no number of standard errors (null): mean 100, μ 99.5', () => {
    expect(m.monteCarloWarnings(report({ mean: 100, expected: 99.5, se: 0 }), base)).toEqual([
      { code: 'mc-mean-off', params: { mean: 100, expected: 99.5, standardErrors: null } },
    ]);
  });
  it('allows 1e-12 of a large μ beside the fen: μ = 2^40, slack 0.01 + 1.099511627776; a gap of 1 passes, 1.25 does not', () => {
    const e = 2 ** 40;
    // the standard error 0: mean-off only (the relative error 0 is below 1%)
    expect(codes(report({ mean: e + 1, expected: e }))).toEqual([]);
    expect(codes(report({ mean: e - 1, expected: e }))).toEqual([]);
    expect(codes(report({ mean: e + 1.25, expected: e }))).toEqual(['mc-mean-off']);
  });
});

describe('heavy-tail by iterations: fewer than 10 periods above p99.5 (0.005 × iterations < 10)', () => {
  it('fires at 1,999 iterations (9.995 periods, named as 9), not at 2,000 (exactly 10) or 4,000', () => {
    expect(m.monteCarloWarnings(report({ iterations: 1999 }), base)).toEqual([
      { code: 'heavy-tail', params: { above: 9, iterations: 1999 } },
    ]);
    expect(codes(report({ iterations: 2000 }))).toEqual([]);
    expect(codes(report({ iterations: 4000 }))).toEqual([]);
  });
  it('at 200 iterations: 1 period above', () => {
    expect(m.monteCarloWarnings(report({ iterations: 200 }), base)).toEqual([
      { code: 'heavy-tail', params: { above: 1, iterations: 200 } },
    ]);
  });
});

describe('heavy-tail by the benefit: uncapped, on a Pareto cost of shape ≤ 2', () => {
  it('fires for uncapped bands at shape 2 and 1.5, naming the benefit and the shape; not at 2.5', () => {
    expect(m.monteCarloWarnings(report({}), pareto(2))).toEqual([
      { code: 'heavy-tail', params: { benefit: 'tail', shape: 2 } },
    ]);
    expect(m.monteCarloWarnings(report({}), pareto(1.5))).toEqual([
      { code: 'heavy-tail', params: { benefit: 'tail', shape: 1.5 } },
    ]);
    expect(codes(report({}), pareto(2.5))).toEqual([]);
  });
  it('fires for uncapped steps too', () => {
    expect(codes(report({}), pareto(1.5, { type: 'steps', from: 0, step: 1000, perStep: 100 }))).toEqual([
      'heavy-tail',
    ]);
  });
  it('not for a daily allowance without a maximum on the same cost (its days, not the cost, set its size)', () => {
    const daily = pareto(1.5, { type: 'daily', perDay: 50 });
    (daily.risks[0] as { days?: object }).days = { dist: 'fixed', value: 3 };
    expect(codes(report({}), daily)).toEqual([]);
  });
  it('not when capped, or when the bands stop (upTo 50,000), or on a lognormal cost, or on an event risk', () => {
    expect(
      codes(report({}), pareto(1.5, { type: 'bands', bands: [{ upTo: null, rate: 0.5 }], cap: 9000 })),
    ).toEqual([]);
    expect(codes(report({}), pareto(1.5, { type: 'bands', bands: [{ upTo: 50000, rate: 0.5 }] }))).toEqual(
      [],
    );
    expect(
      codes(report({}), pareto(1.5, { type: 'steps', from: 0, step: 1000, perStep: 100, cap: 9000 })),
    ).toEqual([]);
    const lognormal = pareto(1.5);
    (lognormal.risks[0] as { cost: object }).cost = { dist: 'lognormal', mean: 1000, cv: 3 };
    expect(codes(report({}), lognormal)).toEqual([]);
    expect(codes(report({}), base)).toEqual([]);
  });
  it('not when no member is exposed (a risk of women only, none of whom are members): the few-claims warning instead', () => {
    const s = pareto(1.5);
    s.members = { count: 1000, femaleShare: 0 };
    (s.risks[0] as { who?: string }).who = 'female';
    expect(m.monteCarloWarnings(report({}), s)).toEqual([{ code: 'few-claims', params: { claims: 0 } }]);
  });
  it('a benefit naming a risk the scheme does not have is passed over: no tail, and its risk unpaid (0 claims)', () => {
    const r = resolveScheme(pareto(1.5));
    const s: ResolvedScheme = { ...r, benefits: [{ ...r.benefits[0], risk: 'elsewhere' }] };
    expect(m.monteCarloWarnings(report({}), s)).toEqual([{ code: 'few-claims', params: { claims: 0 } }]);
  });
  it('one warning per uncapped benefit, in the order of the benefits, then the one for iterations', () => {
    const s = pareto(1.5);
    s.benefits = [
      { id: 'one', risk: 'r', type: 'bands', bands: [{ upTo: null, rate: 0.5 }] },
      { id: 'capped', risk: 'r', type: 'bands', bands: [{ upTo: null, rate: 0.5 }], cap: 100 },
      { id: 'two', risk: 'r', type: 'steps', from: 0, step: 1000, perStep: 100 },
    ];
    expect(m.monteCarloWarnings(report({ iterations: 1000 }), s)).toEqual([
      { code: 'heavy-tail', params: { benefit: 'one', shape: 1.5 } },
      { code: 'heavy-tail', params: { benefit: 'two', shape: 1.5 } },
      { code: 'heavy-tail', params: { above: 5, iterations: 1000 } },
    ]);
  });
});

describe('an exact (FFT) report', () => {
  it('gets no sampling or tail warning, whatever its figures; only few-claims', () => {
    const fft = report({ method: 'fft', iterations: 0, mean: 0, se: 5, expected: 500 });
    expect(codes(fft, pareto(1.5))).toEqual([]);
    expect(codes(fft, { ...base, members: { count: 10 } })).toEqual(['few-claims']);
  });
});

describe('few-claims: fewer than 30 claims expected per period', () => {
  it('fires at 59 × 0.5 = 29.5 claims, carrying them; not at 60 × 0.5 = 30 exactly', () => {
    expect(m.monteCarloWarnings(report({}), { ...base, members: { count: 59 } })).toEqual([
      { code: 'few-claims', params: { claims: 29.5 } },
    ]);
    expect(codes(report({}), { ...base, members: { count: 60 } })).toEqual([]);
  });
  it('takes a scenario file or its resolved scheme alike', () => {
    const s: Scenario = { ...base, members: { count: 59 } };
    expect(m.monteCarloWarnings(report({}), resolveScheme(s))).toEqual(m.monteCarloWarnings(report({}), s));
    expect(codes(report({}), resolveScheme(s))).toEqual(['few-claims']);
  });
});

describe('expectedClaims', () => {
  it('one event risk, no waiting: 1,000 × 0.5 = 500', () => {
    expect(m.expectedClaims(resolveScheme(base))).toBe(500);
  });
  it('a cost risk counts its claimants, rate × members: 1,000 × 0.25 = 250, however its benefit is shaped', () => {
    const s = pareto(1.5);
    (s.risks[0] as { rate: number }).rate = 0.25;
    expect(m.expectedClaims(resolveScheme(s))).toBe(250);
  });
  it('a waiting period thins the events: newShare 0.5, 73 days: 1,000 × 0.5 × (1 − 0.5 × 73/365) = 450', () => {
    const s: Scenario = {
      ...base,
      members: { count: 1000, newShare: 0.5 },
      benefits: [{ id: 'b', risk: 'r', type: 'lump-sum', amount: 1, waitingDays: 73 }],
    };
    expect(m.expectedClaims(resolveScheme(s))).toBeCloseTo(450, 9);
  });
  it('of two lump sums on one risk, the least thinning counts: 73 and 146 days give 1 − 0.1 = 0.9 (not 0.8)', () => {
    const s: Scenario = {
      ...base,
      members: { count: 1000, newShare: 0.5 },
      benefits: [
        { id: 'long', risk: 'r', type: 'lump-sum', amount: 1, waitingDays: 146 },
        { id: 'short', risk: 'r', type: 'lump-sum', amount: 1, waitingDays: 73 },
      ],
    };
    expect(m.expectedClaims(resolveScheme(s))).toBeCloseTo(450, 9);
  });
  it('sums the groups a risk exposes, at each group’s rate, and the risks: 0.5 × 1,000 + 0.25 × 2,000 for one, 0.125 × 2,000 for the other', () => {
    const s: Scenario = {
      format: 'huzhu-scenario/2',
      name: 'groups',
      members: {
        groups: [
          { id: 'a', count: 1000 },
          { id: 'b', count: 2000 },
          { id: 'c', count: 4000 },
        ],
      },
      contributions: [{ payer: 'member', amount: 1 }],
      risks: [
        { id: 'x', kind: 'event', rate: { a: 0.5, b: 0.25 }, groups: ['a', 'b'] },
        { id: 'y', kind: 'event', rate: 0.125, groups: ['b'] },
      ],
      benefits: [
        { id: 'bx', risk: 'x', type: 'lump-sum', amount: 1 },
        { id: 'by', risk: 'y', type: 'lump-sum', amount: 1 },
      ],
    };
    expect(m.expectedClaims(resolveScheme(s))).toBe(500 + 500 + 250);
  });
  it('counts women only for a risk of women: 1,000 × 0.25 female × 0.5 = 125', () => {
    const s: Scenario = {
      ...base,
      members: { count: 1000, femaleShare: 0.25 },
      risks: [{ id: 'r', kind: 'event', who: 'female', rate: 0.5 }],
    };
    expect(m.expectedClaims(resolveScheme(s))).toBe(125);
  });
  it('leaves out a risk no benefit pays for: only the paid risk’s 500', () => {
    const s: Scenario = {
      ...base,
      risks: [
        { id: 'unpaid', kind: 'event', rate: 0.25 },
        { id: 'r', kind: 'event', rate: 0.5 },
      ],
    };
    expect(m.expectedClaims(resolveScheme(s))).toBe(500);
  });
});
