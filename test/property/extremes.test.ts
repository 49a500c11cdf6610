/**
 * The extreme-but-valid corners of the format, one by one, through every stage of the engine:
 * expectedPayout, compilePlan (sampling tables, timed), the steps of simulate on that plan
 * (inline, 100 iterations: run, assemble, summarise) and a projection (two years where the case
 * is about the trend, else one). Steps capped at 1e14 steps are in regressions.test.ts. Every figure must be finite, and every table built in well under 10 s
 * (the slowest, printed at the end, take 1–2 s: gamma of shape 10,000 and uncapped steps of a
 * fen under a Pareto tail, where the table describes 4 million steps).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { planBlocks } from '../../src/engine/blocks.ts';
import { compilePlan } from '../../src/engine/plan.ts';
import { project } from '../../src/engine/project.ts';
import { assemble, summarise } from '../../src/engine/simulate.ts';
import { validateScenario } from '../../src/io/validate.ts';
import { problemLines } from '../helpers/worded.ts';
import { inlineRunner } from '../../src/runners/inline.ts';
import { nonFinite } from './paths.ts';

const bandsCapped = {
  type: 'bands',
  bands: [
    { upTo: 1000, rate: 0.2 },
    { upTo: 10000, rate: 0.5 },
    { upTo: null, rate: 0.9 },
  ],
  cap: 30200,
};
const bandsOpen = { type: 'bands', deductible: 500, bands: [{ upTo: null, rate: 0.5 }] };
const stepsCapped = { type: 'steps', from: 20000, step: 10000, perStep: 1000, cap: 50000 };
const stepsOpen = { type: 'steps', from: 20000, step: 10000, perStep: 1000 };
const costBenefits = [bandsCapped, bandsOpen, stepsCapped, stepsOpen];
const daily = [
  { type: 'daily', perDay: 30, maxDays: 15 },
  { type: 'daily', perDay: 30 },
];

interface Case {
  members?: number;
  risk: Record<string, unknown>;
  benefits: Record<string, unknown>[];
  trend?: Record<string, number>;
}

const cost = (c: object, more: object = {}) => ({ kind: 'cost', rate: 0.04, cost: c, ...more });
const lognormal = (cv: number) => ({ dist: 'lognormal', mean: 4000, cv });
const gamma = (cv: number) => ({ dist: 'gamma', mean: 4000, cv });

const CASES: [string, Case][] = [
  ['lognormal cv 0.01', { risk: cost(lognormal(0.01)), benefits: costBenefits }],
  ['lognormal cv 20', { risk: cost(lognormal(20)), benefits: costBenefits }],
  // Without uncapped steps, whose 4 million pieces (as in the fen case below) would take 2 s per table.
  [
    'lognormal cv 100, mean 1e9',
    {
      risk: cost({ dist: 'lognormal', mean: 1e9, cv: 100 }),
      benefits: [bandsCapped, bandsOpen, stepsCapped],
    },
  ],
  ['gamma cv 0.01 (shape 10,000)', { risk: cost(gamma(0.01)), benefits: costBenefits }],
  ['gamma cv 20 (shape 0.0025)', { risk: cost(gamma(20)), benefits: costBenefits }],
  ['gamma cv 100 (shape 0.0001)', { risk: cost(gamma(100)), benefits: costBenefits }],
  ['Pareto shape 1.01', { risk: cost({ dist: 'pareto', scale: 4000, shape: 1.01 }), benefits: costBenefits }],
  [
    'Pareto shape 1.01, scale 1e9, uncapped',
    { risk: cost({ dist: 'pareto', scale: 1e9, shape: 1.01 }), benefits: [bandsOpen] },
  ],
  ['Pareto shape 1000', { risk: cost({ dist: 'pareto', scale: 4000, shape: 1000 }), benefits: costBenefits }],
  [
    'uncapped steps of a fen under Pareto 1.01',
    {
      risk: cost({ dist: 'pareto', scale: 4000, shape: 1.01 }),
      benefits: [{ type: 'steps', from: 0, step: 0.01, perStep: 0.01 }],
    },
  ],
  [
    'empirical cost of one value',
    { risk: cost({ dist: 'empirical', values: [5000] }), benefits: costBenefits },
  ],
  ['cost cv 0 (a point mass)', { risk: cost(gamma(0)), benefits: costBenefits }],
  [
    'rate 1e-6, 50,000,000 members',
    { members: 50_000_000, risk: cost(lognormal(2), { rate: 1e-6 }), benefits: costBenefits },
  ],
  ['rate 1, 1 member', { members: 1, risk: cost(lognormal(2), { rate: 1 }), benefits: costBenefits }],
  [
    'rate 1, rateCv 10, 1,000 members',
    { members: 1000, risk: cost(lognormal(2), { rate: 1, rateCv: 10 }), benefits: costBenefits },
  ],
  [
    'rateCv 1e-158 (1/cv² overflows)',
    { risk: cost(lognormal(2), { rateCv: 1e-158 }), benefits: costBenefits },
  ],
  [
    '50,000,000 members, 200,000 claimants a period',
    { members: 50_000_000, risk: cost(lognormal(2), { rate: 0.004 }), benefits: [bandsCapped] },
  ],
  [
    'negative-binomial days, mean 366, cv 20',
    { risk: cost(lognormal(2), { days: { dist: 'negative-binomial', mean: 366, cv: 20 } }), benefits: daily },
  ],
  [
    'negative-binomial days, mean 0.003, cv 20',
    {
      risk: cost(lognormal(2), { days: { dist: 'negative-binomial', mean: 0.003, cv: 20 } }),
      benefits: daily,
    },
  ],
  [
    'Poisson days, mean 366',
    { risk: cost(lognormal(2), { days: { dist: 'poisson', mean: 366 } }), benefits: daily },
  ],
  ['female only, femaleShare 0', { risk: cost(lognormal(2), { who: 'female' }), benefits: costBenefits }],
  [
    'lump sums of 0.01 capped at 1e12',
    { risk: { kind: 'event', rate: 0.02 }, benefits: [{ type: 'lump-sum', amount: 0.01, cap: 1e12 }] },
  ],
  [
    'events at rate 1, rateCv 10, 50,000,000 members',
    {
      members: 50_000_000,
      risk: { kind: 'event', rate: 1, rateCv: 10 },
      benefits: [
        { type: 'lump-sum', amount: 4000, cap: 16000, waitingDays: 365 },
        { type: 'lump-sum', amount: 4000 },
      ],
    },
  ],
  [
    'events at rate 1e-12, rateCv 0.01',
    {
      risk: { kind: 'event', rate: 1e-12, rateCv: 0.01 },
      benefits: [{ type: 'lump-sum', amount: 1e12, cap: 1e12 }],
    },
  ],
  [
    'trends at their maximum (10: ×11 in year 2)',
    {
      members: 1000,
      risk: cost(lognormal(2)),
      benefits: costBenefits,
      trend: { members: 10, contribution: 10, rate: 10, cost: 10 },
    },
  ],
];

function scenarioOf(c: Case): Scenario {
  const doc = {
    format: 'huzhu-scenario/1',
    name: 'extreme',
    members: { count: c.members ?? 100_000, femaleShare: 0, newShare: 0.5 },
    contributions: [{ payer: 'member', amount: 36 }],
    fund: { reserve: 1e6, backstop: 1e6, expenseRate: 0.05 },
    risks: [{ id: 'r', ...c.risk }],
    benefits: c.benefits.map((b, i) => ({ id: `b${i}`, risk: 'r', ...b })),
    ...(c.trend ? { trend: c.trend } : {}),
  };
  const r = validateScenario(doc);
  if (!r.ok) throw new Error(`not valid: ${problemLines(r.problems)}`);
  return r.scenario;
}

const timings: {
  case: string;
  expectedMs: number;
  tableMs: number;
  simulateMs: number;
  projectMs: number;
}[] = [];

afterAll(() => {
  const slow = [...timings].sort((a, b) => b.tableMs - a.tableMs).slice(0, 6);
  console.log(
    `slowest sampling tables (ms):\n${slow.map((t) => `  ${t.tableMs.toFixed(0).padStart(6)}  ${t.case}`).join('\n')}`,
  );
});

describe('extreme but valid scenarios', () => {
  it.each(CASES)('%s: every figure is finite', async (name, c) => {
    const scenario = scenarioOf(c);
    const s = resolveScheme(scenario);
    let t = performance.now();
    const expected = expectedPayout(s);
    const expectedMs = performance.now() - t;
    expect(nonFinite(expected), 'expectedPayout').toEqual([]);

    t = performance.now();
    const plan = compilePlan(s);
    const tableMs = performance.now() - t;
    expect(tableMs).toBeLessThan(10_000);
    expect(plan.risks).toHaveLength(1);

    // simulate() with the plan just built (its own steps: the tables take seconds in the slowest cases).
    t = performance.now();
    const iterations = 100;
    const results = await inlineRunner().run(plan, 'extreme', planBlocks(iterations));
    const { totals, byBenefit } = assemble(results, iterations, s.benefits.length);
    const report = summarise(s, expected, totals, byBenefit, { iterations, seed: 'extreme', method: 'mc' });
    const simulateMs = performance.now() - t;
    expect(nonFinite(report), 'report').toEqual([]);
    expect(totals.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);

    t = performance.now();
    // One year (one more table) unless the case is about the trend.
    const projection = await project(scenario, inlineRunner(), { years: c.trend ? 2 : 1, iterations: 100 });
    const projectMs = performance.now() - t;
    expect(nonFinite(projection), 'projection').toEqual([]);
    timings.push({ case: name, expectedMs, tableMs, simulateMs, projectMs });
  });
});
