/**
 * Experience tables (src/history): history files and their analysis (loss ratios, growth, flags,
 * data checks), regional aggregates, calibration of a cost risk to aggregates, maximum-likelihood
 * fits of claim-level costs, and Bühlmann–Straub credibility for district claim rates.
 * Pure functions over text and numbers: no IO, no DOM, no randomness.
 */
export {
  parseHistory,
  MAX_HISTORY_BYTES,
  MAX_HISTORY_ROWS,
  type ParseHistoryResult,
} from './parseHistory.ts';
export { validateHistoryRows } from './validateHistoryRows.ts';
export { HISTORY_COLUMNS, type HistoryRow } from './historyRow.ts';
export {
  analyseHistory,
  GROWTH_GAP,
  SURGE_FACTOR,
  type HistoryAnalysis,
  type HistoryFlag,
  type HistoryFlagCode,
  type HistoryWarning,
  type HistoryYear,
} from './analyseHistory.ts';
export {
  checkAggregates,
  PLAUSIBLE_AVERAGE,
  CONTRIBUTION_JUMP,
  type AggregateRegion,
  type AggregateWarning,
  type DataCheck,
  type DataCheckCode,
} from './dataChecks.ts';
export { parseRegions, REGION_COLUMNS, type ParseRegionsResult } from './parseRegions.ts';
export {
  calibrateRisk,
  calibrateScenario,
  scaleCost,
  mostPaid,
  type Calibration,
  type CalibrationResult,
  type CalibrationRow,
  type CalibrationYear,
} from './calibrate.ts';
export { calibrationYears } from './calibrationYears.ts';
export {
  calibrateTargets,
  costAbove,
  type FamilyTargetFit,
  type TargetCalibration,
  type TargetCalibrationResult,
  type TargetKind,
  type TargetRow,
} from './calibrateTargets.ts';
export { costParts } from './costParts.ts';
export {
  readTargets,
  DEFAULT_PAID_TOLERANCE,
  FAMILIES,
  TARGET_FIELDS,
  type CountTarget,
  type ReadTargetsResult,
  type Targets,
} from './readTargets.ts';
export { nelderMead, type Minimum } from './nelderMead.ts';
export {
  fitClaims,
  MIN_CLAIMS,
  type ClaimFit,
  type ClaimFits,
  type Family,
  type FitClaimsResult,
} from './fitClaims.ts';
export { parseClaims, type ParseClaimsResult } from './parseClaims.ts';
export {
  credibility,
  type Credibility,
  type CredibilityResult,
  type District,
  type DistrictCredibility,
  type DistrictYear,
} from './credibility.ts';
export { parseDistricts, type ParseDistrictsResult } from './parseDistricts.ts';
export { isRegionTable } from './isRegionTable.ts';
export {
  sheetRecords,
  cellRef,
  columnLetters,
  sheetRef,
  MAX_SHEET_COLUMNS,
  type SheetRecords,
  type SheetRecordsResult,
  type SheetRow,
} from './sheetRecords.ts';
export {
  canonicalColumn,
  headerCounts,
  headerScale,
  HISTORY_ALIASES,
  REGION_ALIASES,
  CLAIM_ALIASES,
  DISTRICT_ALIASES,
} from './headerAliases.ts';
export {
  historyMessage,
  historyProblem,
  type HistoryMessage,
  type HistoryMessageCode,
  type HistoryMessageParams,
  type HistoryPlace,
  type HistoryProblem,
} from './messages.ts';
