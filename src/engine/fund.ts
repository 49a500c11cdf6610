/**
 * The fund rules of one period, in one place (docs/scenario-format.md, "Results and the
 * verdict"): what comes in, what the fund can bear, the verdict and its flags. Used by simulate
 * and the exact method, project, compare, solve, sensitivity and the workbench's preview.
 *
 *   income I        = count·Σ contribution amounts (decimal, exact)
 *   expenses E      = expenseRate·I, to the fen (half up)
 *   net income      = I − E: what the period's payouts may use
 *   threshold       = I − E + reserve + backstop: a payout above it breaks the fund
 *
 * | verdict                  | when                                   |
 * | breaks-even              | μ ≤ I − E                              |
 * | deficit-within-backstop  | I − E < μ ≤ I − E + reserve + backstop |
 * | deficit-beyond-backstop  | μ > I − E + reserve + backstop         |
 *
 * Flags (codes with their figures; src/messages has the words): `backstop-at-risk` when
 * P(S > I − E + reserve + backstop) > 1 − confidence; `large-surplus` when μ < 0.8·(I − E).
 * Over several years (project): the balance carries forward and the backstop covers a shortfall
 * up to its size (`fundStep`).
 *
 * @example verdictOf({ mu: 1000, income: 1200, expenses: 200, reserve: 50, backstop: 100, confidence: 0.95, probBeyondBackstop: 0 }) // 'breaks-even'
 */
import Decimal from 'decimal.js';
import { resolveGroups, resolveScheme } from '../domain/defaults.ts';
import { flag, type Flag } from '../domain/flags.ts';
import type { Verdict } from '../domain/report.ts';
import type { Scenario } from '../domain/scenario.ts';
import type { ResolvedContribution, ResolvedGroup, ResolvedScheme } from '../domain/scheme.ts';
import { schemeMembers } from './exposure.ts';

/** What one group pays through one contribution, exactly: count × amount, × the group's mean shares per share. */
function paidBy(c: ResolvedContribution, g: ResolvedGroup): Decimal {
  let shares = new Decimal(0);
  for (const h of c.perShare ? g.holdings : [{ shares: 1, fraction: 1 }])
    shares = shares.plus(new Decimal(String(h.fraction)).times(h.shares));
  return new Decimal(String(c.amount)).times(g.count).times(shares);
}

const schemeOf = (s: ResolvedScheme | Scenario): ResolvedScheme => ('format' in s ? resolveScheme(s) : s);

/**
 * Income and expenses exactly, in decimal, to the fen. Income is Σ over contributions and the
 * groups that pay them of count × amount, × the group's mean shares (Σ shares × fraction) for a
 * per-share contribution; one membership: count × Σ amount.
 */
export function incomeOf(s: ResolvedScheme | Scenario): { income: number; expenses: number } {
  const r = schemeOf(s);
  let income = new Decimal(0);
  for (const c of r.contributions)
    for (const g of r.groups) if (c.groups.includes(g.id)) income = income.plus(paidBy(c, g));
  const expenses = income.times(String(r.fund.expenseRate)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return { income: income.toNumber(), expenses: expenses.toNumber() };
}

/** Each group's income, exactly as `incomeOf` counts it, to the fen (groups in `s.groups` order). */
export function groupIncomes(s: ResolvedScheme): number[] {
  return s.groups.map((g) => {
    let income = new Decimal(0);
    for (const c of s.contributions) if (c.groups.includes(g.id)) income = income.plus(paidBy(c, g));
    return income.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
  });
}

/**
 * Income by payer (member, employer, union, government or the file's own label), in the order the
 * payers first appear, to the fen: who carries the scheme, and the members' own burden.
 */
export function payerIncomes(s: ResolvedScheme | Scenario): { payer: string; income: number }[] {
  const r = schemeOf(s);
  const byPayer = new Map<string, Decimal>();
  for (const c of r.contributions)
    for (const g of r.groups)
      if (c.groups.includes(g.id))
        byPayer.set(c.payer, (byPayer.get(c.payer) ?? new Decimal(0)).plus(paidBy(c, g)));
  return [...byPayer].map(([payer, d]) => ({
    payer,
    income: d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber(),
  }));
}

/**
 * Income per member per period: income ÷ all members. One membership: Σ amount; with contributions
 * by group or per share, what the scheme collects on average from each member.
 */
export function incomePerMember(s: ResolvedScheme | Scenario): number {
  const groups = 'format' in s ? resolveGroups(s.members) : s.groups;
  let members = 0;
  for (const g of groups) members += g.count;
  return incomeOf(s).income / members;
}

/** I − E. */
export const netIncome = (f: { income: number; expenses: number }): number => f.income - f.expenses;

/** I − E + reserve + backstop: the most one period's payouts can take before the fund breaks. */
export const threshold = (f: {
  income: number;
  expenses: number;
  reserve: number;
  backstop: number;
}): number => netIncome(f) + f.reserve + f.backstop;

/** members·(1 − expenseRate), all groups: a contribution per member of c brings c times this, net of expenses. */
export const netPerMemberContribution = (s: ResolvedScheme): number =>
  schemeMembers(s) * (1 - s.fund.expenseRate);

export interface Fund {
  income: number;
  expenses: number;
  reserve: number;
  backstop: number;
  /** I − E. */
  net: number;
  /** I − E + reserve + backstop. */
  threshold: number;
}

/** The fund of a scenario: income, expenses, reserve, backstop, net income and threshold. */
export function fundOf(scenario: ResolvedScheme | Scenario): Fund {
  const s = 'format' in scenario ? resolveScheme(scenario) : scenario;
  const { income, expenses } = incomeOf(s);
  const { reserve, backstop } = s.fund;
  return {
    income,
    expenses,
    reserve,
    backstop,
    net: netIncome({ income, expenses }),
    threshold: threshold({ income, expenses, reserve, backstop }),
  };
}

export interface VerdictInput {
  mu: number;
  income: number;
  expenses: number;
  reserve: number;
  backstop: number;
  confidence: number;
  probBeyondBackstop: number;
}

export function verdictOf(v: Omit<VerdictInput, 'confidence' | 'probBeyondBackstop'>): Verdict {
  if (v.mu <= netIncome(v)) return 'breaks-even';
  if (v.mu <= threshold(v)) return 'deficit-within-backstop';
  return 'deficit-beyond-backstop';
}

export function flagsOf(v: VerdictInput): Flag[] {
  const flags: Flag[] = [];
  const net = netIncome(v);
  if (v.probBeyondBackstop > 1 - v.confidence) {
    flags.push(flag('backstop-at-risk', { prob: v.probBeyondBackstop, limit: 1 - v.confidence }));
  }
  if (v.mu < 0.8 * net) flags.push(flag('large-surplus', { ratio: v.mu / net }));
  return flags;
}

/**
 * One year of one run: A = balance + net income − payout; the backstop covers a negative A up to
 * its size; the run is depleted when A + backstop < 0, and carries the shortfall forward.
 * @example fundStep(100, 50, 400, 200) // { balance: −50, backstopUse: 200, depleted: true }
 */
export function fundStep(balance: number, net: number, payout: number, backstop: number) {
  const available = balance + net - payout;
  const backstopUse = Math.min(backstop, Math.max(0, -available));
  return { balance: available + backstopUse, backstopUse, depleted: available + backstop < 0 };
}
