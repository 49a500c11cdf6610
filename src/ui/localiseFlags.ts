/**
 * The flags of a report in the screen's language, for the workbench's results and the report
 * (moved whole from app.ts).
 */
import { flagsOf } from '../engine/verdict.ts';
import type { Lang } from '../domain/format.ts';
import type { Report } from '../domain/report.ts';

/** The flags of a report in the screen's language (the report keeps codes and figures). */
export function localiseFlags(report: Report, scenario: import('../domain/scenario.ts').Scenario, lang: Lang): Report {
  const fund = scenario.fund ?? {};
  const flags = flagsOf({
    mu: report.expected.payout, income: report.income, expenses: report.expenses,
    reserve: fund.reserve ?? 0, backstop: fund.backstop ?? 0, confidence: scenario.simulation?.confidence ?? 0.95,
    probBeyondBackstop: report.simulated.probBeyondBackstop,
  }, lang);
  return { ...report, flags };
}
