/**
 * Bühlmann–Straub credibility for district claim rates under city-level pooling (shiji tongchou):
 * how far each district's own experience should count against the pool's, and which districts a
 * single pooled contribution subsidises.
 *
 * Data: districts i = 1…r, years j = 1…n_i, exposure m_ij (members) and claimants N_ij;
 * X_ij = N_ij / m_ij. Notation and estimators as in Bühlmann & Gisler (2005), "A Course in
 * Credibility Theory", §4.8, and Klugman, Panjer & Willmot, "Loss Models", the nonparametric
 * Bühlmann–Straub estimators (actuar's `cm(…, method = "Ohlsson")` for one level):
 *
 *   m_i = Σ_j m_ij,  X̄_i = Σ_j m_ij X_ij / m_i,  m = Σ_i m_i,  X̄ = Σ_i m_i X̄_i / m  (the pooled rate)
 *   σ̂² = Σ_i Σ_j m_ij (X_ij − X̄_i)² / Σ_i (n_i − 1)                   within-district variance
 *   â  = [Σ_i m_i (X̄_i − X̄)² − (r − 1) σ̂²] / [m − Σ_i m_i² / m]        between-district variance
 *   k = σ̂²/â,  Z_i = m_i / (m_i + k)
 *   μ̂ = Σ_i Z_i X̄_i / Σ_i Z_i            the credibility-weighted collective mean (the standard
 *                                         Bühlmann–Straub choice; with it the credibility rates
 *                                         reproduce the observed claimants: Σ m_i P_i = Σ N_ij)
 *   P_i = Z_i X̄_i + (1 − Z_i) μ̂         the district's credibility rate
 *
 * Both estimators are unbiased. When â ≤ 0 the districts differ no more than chance would
 * make them: â is truncated to 0, every Z_i = 0 and every district gets the pooled rate
 * (μ̂ = X̄, the exposure-weighted mean, since the Z-weighted one is undefined). When σ̂² = 0 and
 * â > 0, every Z_i = 1. A district's subsidy is measured against the pooled rate X̄: the pool
 * charges every district X̄ (per member), so a district whose credibility rate exceeds X̄ is
 * subsidised by the others.
 * Needs at least 2 districts and one district with 2 or more years. Never throws.
 */
import { wholeProblem } from './cells.ts';
import { historyMessage as msg, type HistoryMessage, type HistoryProblem } from './messages.ts';

export interface DistrictYear {
  year: number;
  /** Exposure: members (or member-years) of the district that year, ≥ 1. */
  members: number;
  claimants: number;
}

export interface District {
  name: string;
  years: DistrictYear[];
}

export interface DistrictCredibility {
  name: string;
  /** m_i. */
  exposure: number;
  claimants: number;
  /** X̄_i. */
  observedRate: number;
  /** Z_i. */
  weight: number;
  /** P_i = Z_i X̄_i + (1 − Z_i) μ̂. */
  credibilityRate: number;
  /** X̄, the same for every district: the rate a pooled contribution charges. */
  pooledRate: number;
  /** credibilityRate > pooledRate: the pool subsidises this district. */
  subsidised: boolean;
}

export interface Credibility {
  ok: true;
  districts: DistrictCredibility[];
  /** σ̂². */
  withinVariance: number;
  /** â as estimated (may be ≤ 0; then every Z = 0). */
  betweenVariance: number;
  /** k = σ̂²/â (Infinity when â ≤ 0). */
  k: number;
  /** μ̂. */
  collectiveMean: number;
  /** X̄. */
  pooledRate: number;
  /** The names of the subsidised districts. */
  subsidised: string[];
  /** Notes, as codes (the shells word them): why all Z are 0; each subsidised district. */
  notes: HistoryMessage[];
}

export type CredibilityResult = Credibility | { ok: false; problems: HistoryProblem[] };

export function credibility(districts: readonly District[]): CredibilityResult {
  const problems = checkDistricts(districts);
  if (problems.length) return { ok: false, problems };

  const r = districts.length;
  const stats = districts.map((d) => {
    const exposure = d.years.reduce((s, y) => s + y.members, 0);
    const claimants = d.years.reduce((s, y) => s + y.claimants, 0);
    return { exposure, claimants, rate: claimants / exposure };
  });
  const m = stats.reduce((s, d) => s + d.exposure, 0);
  const pooledRate = stats.reduce((s, d) => s + d.claimants, 0) / m;
  let within = 0,
    dof = 0;
  districts.forEach((d, i) => {
    for (const y of d.years) within += y.members * (y.claimants / y.members - stats[i].rate) ** 2;
    dof += d.years.length - 1;
  });
  const withinVariance = within / dof;
  const between = stats.reduce((s, d) => s + d.exposure * (d.rate - pooledRate) ** 2, 0);
  const betweenVariance =
    (between - (r - 1) * withinVariance) / (m - stats.reduce((s, d) => s + d.exposure ** 2, 0) / m);
  const k = betweenVariance > 0 ? withinVariance / betweenVariance : Infinity;
  const weights = stats.map((d) => (k === Infinity ? 0 : d.exposure / (d.exposure + k)));
  const zSum = weights.reduce((s, z) => s + z, 0);
  const collectiveMean = zSum > 0 ? weights.reduce((s, z, i) => s + z * stats[i].rate, 0) / zSum : pooledRate;
  const out = districts.map((d, i): DistrictCredibility => {
    const z = weights[i];
    const credibilityRate = z * stats[i].rate + (1 - z) * collectiveMean;
    return {
      name: d.name,
      exposure: stats[i].exposure,
      claimants: stats[i].claimants,
      observedRate: stats[i].rate,
      weight: z,
      credibilityRate,
      pooledRate,
      subsidised: credibilityRate > pooledRate,
    };
  });
  const subsidised = out.filter((d) => d.subsidised);
  const notes = [
    ...(k === Infinity ? [msg('credNegativeBetween')] : []),
    ...subsidised.map((d) =>
      msg('credSubsidised', { district: d.name, rate: d.credibilityRate, pooled: pooledRate }),
    ),
  ];
  return {
    ok: true,
    districts: out,
    withinVariance,
    betweenVariance,
    k,
    collectiveMean,
    pooledRate,
    subsidised: subsidised.map((d) => d.name),
    notes,
  };
}

function checkDistricts(districts: readonly District[]): HistoryProblem[] {
  if (!Array.isArray(districts) || districts.length < 2)
    return [{ at: { path: 'districts' }, ...msg('credTooFewDistricts') }];
  const problems: HistoryProblem[] = [];
  const names = new Set<string>();
  districts.forEach((d, i) => {
    if (typeof d.name !== 'string' || d.name.trim() === '')
      problems.push({ at: { path: `districts[${i}].name` }, ...msg('blank') });
    else if (names.has(d.name))
      problems.push({ at: { path: `districts[${i}].name` }, ...msg('duplicateName', { name: d.name }) });
    names.add(d.name);
    if (!Array.isArray(d.years) || d.years.length === 0) {
      problems.push({ at: { path: `districts[${i}].years` }, ...msg('tooFewValues', { min: 1, got: 0 }) });
      return;
    }
    const years = new Set<number>();
    d.years.forEach((y: DistrictYear, j: number) => {
      const at = (f: string) => ({ path: `districts[${i}].years[${j}].${f}` });
      if (years.has(y.year)) problems.push({ at: at('year'), ...msg('duplicateYear', { year: y.year }) });
      years.add(y.year);
      const bad = [
        ['members', wholeProblem(y.members, 1)],
        ['claimants', wholeProblem(y.claimants, 0)],
      ] as const;
      for (const [f, m] of bad) if (m) problems.push({ at: at(f), ...m });
    });
  });
  if (problems.length === 0 && !districts.some((d) => d.years.length >= 2)) {
    problems.push({ at: { path: 'districts' }, ...msg('credNoRepeatYears') });
  }
  return problems;
}
