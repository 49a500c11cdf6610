/**
 * The codes src/history reports — problems in history, region, claim and district files, the
 * experience flags, the data checks, calibration, fitting and credibility notes — each with its
 * parameters (the figures its text names). History returns `{ code, params }` values; the words,
 * in English and Chinese, are in src/messages/history.ts, typed against `HistoryMessageParams`,
 * so a missing text or a wrong parameter fails the compiler.
 *
 * A problem is `{ at, code, params }`: `at` says where, as data — a line of a file and its column
 * (`{ line: 4, column: 'payouts' }`), a cell of a sheet (`{ cell: 'Sheet1!D4', column: 'payouts' }`), a row of a table and its field (`{ row: 1, year: 2019,
 * field: 'members' }`), or a path into the input (`{ path: 'costs[3]' }`); the shells word it.
 * @example historyMessage('flagPayoutGrowth', { payoutGrowth: 1.68, contributionGrowth: 0.31 })
 * // { code: 'flagPayoutGrowth', params: { payoutGrowth: 1.68, contributionGrowth: 0.31 } }
 */
import type { Coded } from '../domain/flags.ts';

/** No parameters. */
export type None = Record<never, never>;
type Others = { others: 'years' | 'regions' };
type Unit = { unit: 'claim' | 'claimant' };

export interface HistoryMessageParams {
  // the file
  tooLarge: { mb: number };
  tooManyRows: { max: number };
  emptyFile: { columns: string };
  noRows: None;
  unterminatedQuote: None;
  textAfterQuote: None;
  missingColumn: { column: string; columns: string };
  unknownColumn: { column: string; allowed: readonly string[] };
  duplicateColumn: { column: string };
  blankColumnName: None;
  fieldCount: { got: number; expected: number };
  // workbooks (.xlsx)
  notWorkbook: None;
  oldExcelFormat: None;
  workbookUnreadable: { reason: string };
  unzippedTooLarge: { mb: number };
  compressionRatio: { entry: string; ratio: number };
  tooManyEntries: { max: number };
  noSheet: None;
  unknownSheet: { sheet: string; sheets: readonly string[] };
  tooManyColumns: { max: number };
  cellDate: { text: string };
  cellBoolean: { text: string };
  cellError: { text: string };
  cellFormula: { formula: string };
  cellUnknown: None;
  cellOutsideTable: { last: string };
  // cells
  required: None;
  blank: None;
  notNumber: { text: string };
  thousandsSeparator: { text: string };
  yearRange: { min: number; max: number };
  monthsRange: None;
  projectsList: { max: number; length: number };
  yearOrder: { previous: number };
  wholeRange: { min: number; max: number };
  moneyRange: { max: number };
  moneyDecimals: None;
  positive: None;
  tooFewValues: { min: number; got: number };
  duplicateName: { name: string };
  moreProblems: { count: number };
  duplicateYear: { year: number };
  // flags
  flagPayoutGrowth: { payoutGrowth: number; contributionGrowth: number };
  flagLossRatio: { payouts: number; contributions: number };
  flagLossRatioNoIncome: { payouts: number };
  flagEnrollmentSurge: { from: number; to: number };
  // data checks
  checkClaimantsAboveMembers: { claimants: number; members: number };
  checkClaimsBelowClaimants: { claims: number; claimants: number };
  checkAverageOutOfRange: Unit & { paid: number; n: number; min: number; max: number };
  checkPaidWithoutCount: Unit & { paid: number };
  checkCountWithoutPaid: Unit & { n: number };
  checkAverageOutlier: Unit & Others & { paid: number; n: number; median: number; corrected?: number };
  checkClaimRateOutlier: Unit & Others & { n: number; members: number; median: number };
  checkContributionJump: { from: number; to: number; memberGrowth: number };
  checkProjectsChanged: { added: readonly string[]; dropped: readonly string[] };
  // calibration
  calNoYears: None;
  calNoClaimants: None;
  calRateAboveOne: { claimants: number; members: number };
  calUnknownRisk: { risk: string; known: readonly string[] };
  calNotCostRisk: { risk: string };
  calNoCostBenefit: { risk: string };
  calNeedsDays: { benefit: string };
  calBelowFloor: { target: number; floor: number };
  calAboveCeiling: { target: number; ceiling: number };
  calNotReached: { target: number; reached: number };
  // calibration to several targets
  tgtNotObject: None;
  tgtUnknownField: { field: string; allowed: readonly string[] };
  tgtOn: None;
  tgtTolerance: None;
  tgtPaidBoth: None;
  tgtFamilies: { allowed: readonly string[] };
  tgtAboveList: None;
  tgtTooFew: { targets: number; parameters: number };
  tgtRatePair: None;
  tgtNeedsDraws: None;
  tgtPaidNeedsClaimants: None;
  tgtTailWithDaily: { benefit: string };
  tgtThresholdOrder: { previous: number };
  tgtCountsIncrease: { count: number; previous: number; previousCount: number };
  tgtCountAboveDraws: { count: number; draws: number };
  tgtAboveMostPaid: { threshold: number; most: number };
  tgtLargestVsCount: { largest: number; threshold: number; count: number };
  tgtLargestAtMost: { largest: number; most: number };
  tgtOtherParts: { risk: string; parts: readonly string[] };
  // fitting
  fitNoMean: { shape: number };
  fitExponentialLimit: None;
  fitAllEqual: None;
  // credibility
  credTooFewDistricts: None;
  credNoRepeatYears: None;
  credNegativeBetween: None;
  credSubsidised: { district: string; rate: number; pooled: number };
}

export type HistoryMessageCode = keyof HistoryMessageParams;
export type HistoryMessage = Coded<HistoryMessageParams>;

/** Where a problem lies: a line of a file (and its column), a row of a table and its field, or a path. */
export type HistoryPlace =
  | { line: number; column?: string }
  | { cell: string; column?: string }
  | { row: number; year?: number; field: string }
  | { path: string };

export type HistoryProblem = { at: HistoryPlace } & HistoryMessage;

/** The parameters of `code`, left out when it has none. */
type Args<C extends HistoryMessageCode> = None extends HistoryMessageParams[C]
  ? []
  : [HistoryMessageParams[C]];

/** `{ code, params }`, typed by its code. */
export function historyMessage<C extends HistoryMessageCode>(
  code: C,
  ...args: Args<C>
): Extract<HistoryMessage, { code: C }> {
  return { code, params: args[0] ?? {} } as Extract<HistoryMessage, { code: C }>;
}

/** A problem at `at`, typed by its code. */
export function historyProblem<C extends HistoryMessageCode>(
  at: HistoryPlace,
  code: C,
  ...args: Args<C>
): HistoryProblem {
  return { at, ...historyMessage(code, ...args) };
}
