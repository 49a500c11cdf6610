/**
 * Properties of the engine over generated valid scenarios (test/property/arbitraries.ts, with the
 * expected claimants per period bounded so that a run takes well under a second): the exact
 * expectation, a Monte Carlo run (inline runner, 100–200 iterations), its report, the Monte Carlo
 * warnings and a two-year projection hold no NaN or infinite figure anywhere; every total is ≥ 0;
 * quantiles are ordered and probabilities are probabilities; and the exact mean lies within
 * members × Σ max payments where that is finite (the simulated mean within 20 times that: a
 * Poisson count or a rate multiplier Θ may exceed its mean in a short run).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maximumPayment } from '../../src/benefits/exact.ts';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import type { ResolvedScheme } from '../../src/domain/scheme.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { riskExposure, riskMembers } from '../../src/engine/exposure.ts';
import { project } from '../../src/engine/project.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { checkWork, runWork } from '../../src/engine/workBudget.ts';
import { monteCarloWarnings } from '../../src/engine/warnings.ts';
import { flagText } from '../../src/messages/flags.ts';
import { validateScenario } from '../../src/io/validate.ts';
import { problemLines } from '../helpers/worded.ts';
import { inlineRunner } from '../../src/runners/inline.ts';
import { validScenario, validScenario2, type Doc } from './arbitraries.ts';
import { nonFinite } from './paths.ts';

const SEED = 42;

function accepted(doc: Doc): Scenario {
  const r = validateScenario(JSON.parse(JSON.stringify(doc)));
  if (!r.ok) throw new Error(`refused: ${problemLines(r.problems)}`);
  return r.scenario;
}

/** Σ over benefits of members(risk) × the benefit's largest payment (Infinity when uncapped). */
function payoutBound(s: ResolvedScheme): number {
  const risks = new Map(s.risks.map((r) => [r.id, r]));
  return s.benefits.reduce((sum, b) => sum + riskMembers(s, risks.get(b.risk)!) * maximumPayment(b), 0);
}

const claimantsPerPeriod = (s: ResolvedScheme) =>
  s.risks.reduce((sum, r) => sum + (r.kind === 'cost' ? riskExposure(s, r) : 0), 0);

describe('the engine on any valid scenario', () => {
  it('gives finite figures: exact expectation, Monte Carlo totals, report and warnings; the means within bounds', async () => {
    const runner = inlineRunner();
    await fc.assert(
      fc.asyncProperty(validScenario(), async (doc) => {
        const scenario = accepted(doc);
        const s = resolveScheme(scenario);
        const expected = expectedPayout(s);
        expect(nonFinite(expected), 'expectedPayout').toEqual([]);
        const iterations = claimantsPerPeriod(s) > 5000 ? 100 : 200;
        const { report, totals, byBenefit } = await simulate(scenario, runner, { iterations });
        expect(nonFinite(report), 'report').toEqual([]);
        expect(totals.every((t) => Number.isFinite(t) && t >= 0)).toBe(true);
        expect(byBenefit.every((t) => Number.isFinite(t) && t >= 0)).toBe(true);

        const { mean, sd, quantiles: q, probDeficit, probBeyondBackstop } = report.simulated;
        expect(mean).toBeGreaterThanOrEqual(0);
        expect(sd).toBeGreaterThanOrEqual(0);
        expect(expected.payout).toBeGreaterThanOrEqual(0);
        const ordered = [q.p50, q.p75, q.p90, q.p95, q.p99, q.p995];
        expect([...ordered].sort((a, b) => a - b)).toEqual(ordered);
        for (const p of [probDeficit, probBeyondBackstop]) expect(p >= 0 && p <= 1).toBe(true);
        expect(probBeyondBackstop).toBeLessThanOrEqual(probDeficit);

        const bound = payoutBound(s);
        if (Number.isFinite(bound)) {
          expect(expected.payout).toBeLessThanOrEqual(bound * (1 + 1e-9) + 0.01);
          expect(mean).toBeLessThanOrEqual(20 * bound + 0.01);
        }

        for (const lang of ['en', 'zh'] as const) {
          for (const w of monteCarloWarnings(report, scenario)) {
            expect(flagText(lang, w).length).toBeGreaterThan(0);
            expect(flagText(lang, w)).not.toMatch(/[\n\r]|NaN|undefined/);
          }
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('projects the fund over two years with finite figures', async () => {
    const runner = inlineRunner();
    await fc.assert(
      fc.asyncProperty(validScenario(), async (doc) => {
        const scenario = accepted(doc);
        const projection = await project(scenario, runner, { years: 2, iterations: 100 });
        expect(nonFinite(projection), 'projection').toEqual([]);
        expect(projection.years).toHaveLength(2);
        for (const y of projection.years) expect(y.probDepleted >= 0 && y.probDepleted <= 1).toBe(true);
      }),
      { seed: SEED, numRuns: 50 },
    );
  });

  it('on /2 files (groups, holdings, per-share benefits, waiting amounts, limits): finite, ordered figures; the Monte Carlo mean within 5 standard errors of the exact expectation where the costs have light tails', async () => {
    const runner = inlineRunner();
    let compared = 0,
      refused = 0;
    await fc.assert(
      fc.asyncProperty(validScenario2(), async (doc) => {
        const scenario = accepted(doc);
        const s = resolveScheme(scenario);
        const iterations = 400;
        // A run too large for its bound is refused before anything is computed (test/property/noHang.test.ts)
        if (checkWork([runWork(s)], iterations) !== null) {
          refused++;
          return;
        }
        const expected = expectedPayout(s);
        expect(nonFinite(expected), 'expectedPayout').toEqual([]);
        // μ = Σ benefits − Σ limit reductions, never below 0 (benefits of 1e18 a claim under a cap of 1
        // used to leave it at −1e-16 of them)
        expect(expected.payout).toBeGreaterThanOrEqual(0);
        const { report, totals, byBenefit } = await simulate(scenario, runner, { iterations });
        expect(nonFinite(report), 'report').toEqual([]);
        expect(totals.every((t) => Number.isFinite(t) && t >= 0)).toBe(true);
        expect(byBenefit.every((t) => Number.isFinite(t) && t >= 0)).toBe(true);
        const { mean, sd, standardError, quantiles: q, probDeficit, probBeyondBackstop } = report.simulated;
        expect(mean).toBeGreaterThanOrEqual(0);
        expect(sd).toBeGreaterThanOrEqual(0);
        const ordered = [q.p50, q.p75, q.p90, q.p95, q.p99, q.p995];
        expect([...ordered].sort((a, b) => a - b)).toEqual(ordered);
        for (const p of [probDeficit, probBeyondBackstop]) expect(p >= 0 && p <= 1).toBe(true);
        // 受益人次 counts claimants (members, for events) paid by any benefit: at most the claims.
        for (const part of [report.expected, report.simulated]) {
          const claims = part.claimants.reduce((a, c) => a + c.count, 0);
          expect(part.beneficiaryTimes).toBeGreaterThanOrEqual(0);
          expect(part.beneficiaryTimes).toBeLessThanOrEqual(claims * (1 + 1e-9) + 1e-9);
        }
        if (lightTails(scenario) && sd > 0) {
          compared++;
          // 5 SE, and a relative 1e-9 for the report's rounding to the fen
          expect(Math.abs(mean - expected.payout)).toBeLessThanOrEqual(
            5 * standardError + 1e-9 * mean + 0.02,
          );
        }
      }),
      { seed: SEED, numRuns: 150, endOnFailure: true },
    );
    expect(compared, 'scenarios whose means were compared').toBeGreaterThanOrEqual(10);
    expect(refused, 'scenarios refused as too large').toBeLessThan(15);
  });
});

/**
 * Costs whose sample standard error is a fair yardstick at 400 iterations: lognormal or gamma of
 * cv ≤ 2, or empirical lists, under a rate cv ≤ 0.5 (Pareto and wider costs: the sample mean of a
 * heavy tail is mostly below the expectation, and its standard error understated).
 */
function lightTails(scenario: Scenario): boolean {
  return scenario.risks.every((r) => {
    if ((r.rateCv ?? 0) > 0.5) return false;
    if (r.kind !== 'cost') return true;
    const c = r.cost;
    return c.dist === 'empirical' || ((c.dist === 'lognormal' || c.dist === 'gamma') && c.cv <= 2);
  });
}
