/**
 * The fund over several periods, from docs/cli.md ("project"): year t's scheme is the file grown
 * by the trend (scenario.ts, `periodOfYear`) and simulated on its own stream; per run the balance
 * starts at the reserve, each year adds income less expenses and pays the year's payout, a
 * negative result is covered by that year's backstop as far as it goes; the run is depleted in a
 * year when the fund plus that year's backstop cannot cover it, and its shortfall is carried
 * forward as a negative balance (the backstop is available afresh each year).
 *
 *   B₀ = reserve;  A_t = B_{t−1} + I_t − E_t − S_t;  use_t = min(backstop, max(0, −A_t));
 *   B_t = A_t + use_t;  depleted_t ⇔ A_t + backstop < 0.
 */
import { oracleFund, oracleSample } from './period.ts';
import { periodOfYear, type OracleScenario } from './scenario.ts';

export interface OracleYear {
  year: number;
  members: number;
  income: number;
  expenses: number;
  /** Per run: the year's payout, the balance at the end of the year, the backstop drawn, depleted or not. */
  payout: Float64Array;
  balance: Float64Array;
  backstopUse: Float64Array;
  depleted: Uint8Array;
}

export function oracleProject(
  s: OracleScenario,
  years: number,
  iterations: number,
  seed: string,
): OracleYear[] {
  const balance = new Float64Array(iterations).fill(s.reserve);
  const out: OracleYear[] = [];
  for (let t = 1; t <= years; t++) {
    const p = periodOfYear(s, t);
    const fund = oracleFund(p);
    const { totals } = oracleSample(p, iterations, `${seed}|year ${t}`);
    const year: OracleYear = {
      year: t,
      members: p.members,
      income: fund.income,
      expenses: fund.expenses,
      payout: totals,
      balance: new Float64Array(iterations),
      backstopUse: new Float64Array(iterations),
      depleted: new Uint8Array(iterations),
    };
    for (let i = 0; i < iterations; i++) {
      const a = balance[i] + fund.income - fund.expenses - totals[i];
      const use = Math.min(p.backstop, Math.max(0, -a));
      balance[i] = a + use;
      year.balance[i] = balance[i];
      year.backstopUse[i] = use;
      year.depleted[i] = a + p.backstop < 0 ? 1 : 0;
    }
    out.push(year);
  }
  return out;
}
