/**
 * One period simulated directly, claimant by claimant and member by member, from
 * docs/scenario-format.md ("Risks", "Benefits", "Results and the verdict"):
 *
 *   for each iteration, for each risk:
 *     Θ ~ Gamma(mean 1, cv rateCv) (Θ = 1 when rateCv = 0), one draw shared by every member;
 *     exposed members m = members, or round(members × femaleShare) for `who: "female"`;
 *     cost risk:  N ~ Poisson(rate·m·Θ) claimants, each with X ~ cost and D ~ days drawn
 *                 independently, paid every benefit on the risk (bands, steps on X; daily on D);
 *     event risk: each of the m members has K ~ Poisson(rate·Θ) events; a lump sum with
 *                 waitingDays w pays for each event with probability 1 − newShare·w/365 (the
 *                 format's thinning of the rate), at most its cap per member.
 *   S = the sum of every payment.
 *
 * The fund (same section): I = members × Σ amounts, E = expenseRate × I (to the fen),
 * verdict from E[S] against I − E and I − E + reserve + backstop, P(S > I − E),
 * P(S > I − E + reserve + backstop), `backstop-at-risk` and `large-surplus`.
 */
import { bandsPay, dailyPay, lumpSumPay, stepsPay, toFen } from './benefits.ts';
import * as rnd from './random.ts';
import type { OracleCost, OracleDays, OraclePeriod } from './scenario.ts';

export interface OracleSample {
  /** S per iteration. */
  totals: Float64Array;
  /** Per benefit (in file order), its payment per iteration. */
  byBenefit: Float64Array[];
}

function drawCost(u: rnd.Uniform, c: OracleCost): number {
  switch (c.dist) {
    case 'lognormal':
      return rnd.lognormal(u, c.mean, c.cv);
    case 'gamma':
      return rnd.gammaMeanCv(u, c.mean, c.cv);
    case 'pareto':
      return rnd.lomax(u, c.scale, c.shape);
    case 'empirical':
      return rnd.pick(u, c.values);
  }
}

function drawDays(u: rnd.Uniform, d: OracleDays): number {
  switch (d.dist) {
    case 'poisson':
      return rnd.poisson(u, d.mean);
    case 'negative-binomial':
      return rnd.negativeBinomial(u, d.mean, d.cv);
    case 'fixed':
      return d.value;
    case 'empirical':
      return rnd.pick(u, d.values);
  }
}

/** Members exposed to a risk: all of them, or the women among them (a whole number of people). */
export const exposed = (p: OraclePeriod, who: 'all' | 'female'): number =>
  who === 'female' ? Math.round(p.members * p.femaleShare) : p.members;

/** `iterations` independent periods of the scheme `p`, drawn from the stream `seed`. */
export function oracleSample(p: OraclePeriod, iterations: number, seed: string): OracleSample {
  const u = rnd.uniformStream(seed);
  const totals = new Float64Array(iterations);
  const byBenefit = p.benefits.map(() => new Float64Array(iterations));
  for (let i = 0; i < iterations; i++) {
    for (const risk of p.risks) {
      const theta = risk.rateCv > 0 ? rnd.gamma(u, 1 / risk.rateCv ** 2, risk.rateCv ** 2) : 1;
      const m = exposed(p, risk.who);
      const mine = p.benefits.map((b, j) => ({ b, j })).filter(({ b }) => b.risk === risk.id);
      if (risk.kind === 'cost') {
        const n = rnd.poisson(u, risk.rate * m * theta);
        for (let c = 0; c < n; c++) {
          const x = drawCost(u, risk.cost!);
          const d = risk.days ? drawDays(u, risk.days) : 0;
          for (const { b, j } of mine) {
            if (b.type === 'bands') byBenefit[j][i] += bandsPay(b, x);
            else if (b.type === 'steps') byBenefit[j][i] += stepsPay(b, x);
            else if (b.type === 'daily') byBenefit[j][i] += dailyPay(b, d);
          }
        }
      } else {
        for (let member = 0; member < m; member++) {
          const k = rnd.poisson(u, risk.rate * theta);
          if (k === 0) continue;
          for (const { b, j } of mine) {
            if (b.type !== 'lump-sum') continue;
            const paid = rnd.binomial(u, k, 1 - (p.newShare * b.waitingDays) / 365);
            byBenefit[j][i] += lumpSumPay(b, paid);
          }
        }
      }
    }
    for (const column of byBenefit) totals[i] += column[i];
  }
  return { totals, byBenefit };
}

export type OracleVerdict = 'breaks-even' | 'deficit-within-backstop' | 'deficit-beyond-backstop';

export interface OracleFund {
  income: number;
  expenses: number;
  /** I − E. */
  net: number;
  /** I − E + reserve + backstop. */
  threshold: number;
}

/** Income, expenses and the two thresholds of one period. */
export function oracleFund(p: OraclePeriod): OracleFund {
  const income = toFen(p.members * p.perMember);
  const expenses = toFen(p.expenseRate * income);
  const net = income - expenses;
  return { income, expenses, net, threshold: net + p.reserve + p.backstop };
}

/** The verdict for an expected payout μ. */
export function oracleVerdict(f: OracleFund, mu: number): OracleVerdict {
  if (mu <= f.net) return 'breaks-even';
  if (mu <= f.threshold) return 'deficit-within-backstop';
  return 'deficit-beyond-backstop';
}

/** The verdict's flags, sorted: `backstop-at-risk` when P(S > threshold) > 1 − confidence; `large-surplus` when μ < 0.8·(I − E). */
export function oracleFlags(
  f: OracleFund,
  mu: number,
  probBeyondBackstop: number,
  confidence: number,
): string[] {
  const flags: string[] = [];
  if (probBeyondBackstop > 1 - confidence) flags.push('backstop-at-risk');
  if (mu < 0.8 * f.net) flags.push('large-surplus');
  return flags.sort();
}
