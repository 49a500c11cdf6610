/**
 * The rules that span several fields, checked over the raw input whatever
 * its shape, so that they run in the same pass as the schema and every problem shows at once:
 *
 * - the contributions add up to more than 0 (path `contributions`);
 * - risk ids and benefit ids are unique (`duplicate id "x" (also risks[0])`);
 * - a negative-binomial days distribution has cv² > 1/mean (and so, as cv ≤ `LIMITS.daysCv`,
 *   a mean above 1/daysCv²; below that the mean is flagged: no cv in range would do);
 * - a benefit names a risk in risks[], of the kind its type needs (bands, steps and daily a cost
 *   risk, daily one with days, lump-sum an event risk);
 * - bands' `upTo` is strictly ascending and only the last one may be null.
 *
 * Format `/2`'s rules (groups, holdings, rates by group, the waiting amount, limits) are in
 * groupChecks.ts and limitChecks.ts; `crossChecks` runs them for every file whose format is not
 * `huzhu-scenario/1`.
 *
 * Defensive: a value of the wrong type is skipped (the schema reports it), and so is a list
 * longer than the schema allows (raw.ts). Never throws on plain data.
 */
import { SCENARIO_FORMAT_1 } from '../domain/scenario.ts';
import { validationMessage as msg, type ValidationMessage } from '../domain/validation.ts';
import type { RawProblem, Segment } from './path.ts';
import { formatPath } from './path.ts';
import { groupChecks } from './groupChecks.ts';
import { limitChecks } from './limitChecks.ts';
import { field, isFiniteNumber, isRecord, listAt, listed, shown, type Rec } from './raw.ts';
import { LIMITS } from './schema.ts';

const risksOf = (input: Rec) => listAt(input, 'risks', LIMITS.risks) ?? [];
const benefitsOf = (input: Rec) => listAt(input, 'benefits', LIMITS.benefits) ?? [];

/** Everything this module checks, in one list (not yet in document order). */
export function crossChecks(input: unknown): RawProblem[] {
  if (!isRecord(input)) return [];
  return [
    ...checkContributions(input),
    ...checkUniqueIds(input, 'risks'),
    ...checkNegativeBinomial(input),
    ...checkUniqueIds(input, 'benefits'),
    ...checkBenefitRisks(input),
    ...checkBands(input),
    ...(field(input, 'format') === SCENARIO_FORMAT_1 ? [] : [...groupChecks(input), ...limitChecks(input)]),
  ];
}

/** Σ amount > 0, when every amount is a number ≥ 0 (otherwise the schema has said enough). */
function checkContributions(input: Rec): RawProblem[] {
  const list = listAt(input, 'contributions', LIMITS.contributions);
  if (!list || list.length === 0) return [];
  let sum = 0;
  for (const c of list) {
    const amount = field(c, 'amount');
    if (!isFiniteNumber(amount) || amount < 0) return [];
    sum += amount;
  }
  return sum > 0 ? [] : [{ path: ['contributions'], ...msg('contributionsSum') }];
}

function checkUniqueIds(input: Rec, list: 'risks' | 'benefits'): RawProblem[] {
  const out: RawProblem[] = [];
  const seen = new Map<string, number>();
  (list === 'risks' ? risksOf(input) : benefitsOf(input)).forEach((item, i) => {
    const id = field(item, 'id');
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else
      out.push({
        path: [list, i, 'id'],
        ...msg('duplicateId', { id: shown(id), other: formatPath([list, first]) }),
      });
  });
  return out;
}

/**
 * The smallest cv (to 4 significant digits) with cv² > 1/mean: √(1/mean) rounded up, one more
 * unit in the last place when that lands exactly on the bound.
 */
export function smallestNegativeBinomialCv(mean: number): string {
  const bound = Math.sqrt(1 / mean);
  const unit = 10 ** (Math.floor(Math.log10(bound)) - 3);
  let steps = Math.ceil(bound / unit - 1e-9);
  const at = (k: number) => Number((k * unit).toPrecision(4));
  while (at(steps) * at(steps) <= 1 / mean) steps++;
  return String(at(steps));
}

function checkNegativeBinomial(input: Rec): RawProblem[] {
  const out: RawProblem[] = [];
  risksOf(input).forEach((risk, i) => {
    const days = field(risk, 'days');
    if (field(days, 'dist') !== 'negative-binomial') return;
    const mean = field(days, 'mean');
    const cv = field(days, 'cv');
    if (!isFiniteNumber(mean) || mean <= 0) return;
    const lowest = 1 / LIMITS.daysCv ** 2;
    if (mean <= lowest) {
      out.push({ path: ['risks', i, 'days', 'mean'], ...msg('greaterThan', { min: lowest }) });
      return;
    }
    if (!isFiniteNumber(cv) || cv <= 0) return;
    if (cv * cv > 1 / mean) return;
    out.push({
      path: ['risks', i, 'days', 'cv'],
      ...msg('negativeBinomialCv', { minCv: smallestNegativeBinomialCv(mean) }),
    });
  });
  return out;
}

interface KnownRisk {
  kind: unknown;
  hasDays: boolean;
}

/** Risks by id (the first of duplicates). */
function knownRisks(input: Rec): Map<string, KnownRisk> {
  const risks = new Map<string, KnownRisk>();
  for (const r of risksOf(input)) {
    const id = field(r, 'id');
    if (typeof id === 'string' && !risks.has(id))
      risks.set(id, { kind: field(r, 'kind'), hasDays: field(r, 'days') !== undefined });
  }
  return risks;
}

const NEEDS: Record<string, 'cost' | 'event'> = {
  bands: 'cost',
  steps: 'cost',
  daily: 'cost',
  'lump-sum': 'event',
};

/** What is wrong with a benefit of `type` naming risk `id` (found as `risk`), or null. */
function benefitRiskProblem(
  type: unknown,
  id: string,
  risk: KnownRisk | undefined,
  known: string[],
): ValidationMessage | null {
  if (!risk) return msg('unknownRisk', { known });
  if (typeof type !== 'string' || !Object.hasOwn(NEEDS, type)) return null;
  const need = NEEDS[type];
  if (risk.kind !== 'cost' && risk.kind !== 'event') return null;
  if (risk.kind !== need) return msg('benefitNeedsKind', { type, need, risk: shown(id), kind: risk.kind });
  if (type === 'daily' && !risk.hasDays) return msg('dailyNeedsDays', { risk: shown(id) });
  return null;
}

function checkBenefitRisks(input: Rec): RawProblem[] {
  if (!listAt(input, 'risks', LIMITS.risks)) return [];
  const risks = knownRisks(input);
  const known = listed([...risks.keys()]);
  const out: RawProblem[] = [];
  benefitsOf(input).forEach((b, i) => {
    const id = field(b, 'risk');
    if (typeof id !== 'string') return;
    const problem = benefitRiskProblem(field(b, 'type'), id, risks.get(id), known);
    if (problem) out.push({ path: ['benefits', i, 'risk'], ...problem });
  });
  return out;
}

function checkBands(input: Rec): RawProblem[] {
  const out: RawProblem[] = [];
  benefitsOf(input).forEach((b, i) => {
    if (field(b, 'type') !== 'bands') return;
    const bands = listAt(b, 'bands', LIMITS.bands) ?? [];
    let highest = -Infinity;
    bands.forEach((band, j) => {
      const upTo = field(band, 'upTo');
      const path: Segment[] = ['benefits', i, 'bands', j, 'upTo'];
      if (upTo === null && j < bands.length - 1) out.push({ path, ...msg('bandNullNotLast') });
      if (!isFiniteNumber(upTo)) return;
      if (upTo <= highest) out.push({ path, ...msg('greaterThan', { min: highest }) });
      highest = Math.max(highest, upTo);
    });
  });
  return out;
}
