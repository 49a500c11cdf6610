/**
 * The codes the engine reports, each with its parameters (the figures its text names): the
 * report's flags (the verdict's flags and the Monte Carlo warnings) and the comparison's flags.
 * Declared once here; the engine builds `{ code, params }` values and the catalogue in
 * src/messages turns them into words, one table per language typed against these interfaces,
 * so a missing text or a wrong parameter fails the compiler.
 *
 * | code                                 | params                                                  |
 * | backstop-at-risk                     | P(S > I − E + reserve + backstop), its limit 1 − confidence |
 * | large-surplus                        | μ / (I − E)                                             |
 * | mc-standard-error-large              | standard error, simulated mean, exact μ, iterations     |
 * | mc-mean-off                          | simulated mean, exact μ, their gap in standard errors   |
 * | heavy-tail                           | an uncapped benefit's id and its Pareto shape, or the periods above p99.5 of the iterations |
 * | few-claims                           | claims expected per period                              |
 * | payout-growth-outpaces-contributions | payout and income growth against the baseline (fractions) |
 */
export interface ReportFlagParams {
  'backstop-at-risk': { prob: number; limit: number };
  'large-surplus': { ratio: number };
  'mc-standard-error-large': { standardError: number; mean: number; expected: number; iterations: number };
  /** `standardErrors` null: the standard error is 0 (the gap is infinitely many), so the report stays finite. */
  'mc-mean-off': { mean: number; expected: number; standardErrors: number | null };
  'heavy-tail': { benefit: string; shape: number } | { above: number; iterations: number };
  'few-claims': { claims: number };
}

export interface CompareFlagParams {
  'payout-growth-outpaces-contributions': { payoutGrowth: number; incomeGrowth: number };
}

/** `{ code, params }` for every code of a parameter table: a union discriminated by `code`. */
export type Coded<P> = { [C in keyof P]: { code: C; params: P[C] } }[keyof P];

export type FlagCode = keyof ReportFlagParams;
export type Flag = Coded<ReportFlagParams>;
export type CompareFlagCode = keyof CompareFlagParams;
export type CompareFlag = Coded<CompareFlagParams>;

/** A flag, typed by its code. */
export function flag<C extends FlagCode>(code: C, params: ReportFlagParams[C]): Extract<Flag, { code: C }> {
  return { code, params } as Extract<Flag, { code: C }>;
}
