/**
 * Data checks: figures that are probably wrong (a misprint, claims counted as claimants, a part
 * year), raised as warnings that name the figure — never as errors, because a source may be
 * right and surprising. The same checks serve a scheme's years (`checkYears`, used by
 * analyseHistory) and several regions at once (`checkAggregates`, e.g. the Inner Mongolia table).
 *
 * | code | raised when |
 * |---|---|
 * | `claimants-above-members` | claimants > members (a member is counted once) |
 * | `claims-below-claimants` | claims < claimants (every claimant claims at least once) |
 * | `payouts-inconsistent-with-claimants` | paid / count outside **50–50,000 yuan**, or money paid with no count, or a count with nothing paid |
 * | `implausible-average-benefit` | paid / count more than 4× or under ¼ of the median of the others' (robust.ts) |
 * | `implausible-claim-rate` | count / members more than 4× or under ¼ of the median of the others' |
 * | `contribution-per-member-jump` | contributions per member more than double or less than halve from one year to the next |
 * | `projects-changed` | a year's projects (its `projects` cell) differ from the year before's, both said |
 *
 * Why 50–50,000: an inpatient mutual-aid benefit averages 800–2,400 yuan a claimant in every
 * source (docs/sources.md, 'Experience figures'); below 50 no table pays anything meaningful for a hospital stay,
 * and above 50,000 the *average* would exceed the largest single benefits of most tables.
 * Averages per claim (person-times) and per claimant (persons) are compared only with their own kind.
 */
import { historyMessage as msg, type HistoryMessage } from './messages.ts';
import { decimalSlip, outOfLine } from './robust.ts';

export const PLAUSIBLE_AVERAGE = { min: 50, max: 50_000 } as const;
/** Contributions per member may change by at most this factor from one year to the next. */
export const CONTRIBUTION_JUMP = 2;

export type DataCheckCode =
  | 'claimants-above-members'
  | 'claims-below-claimants'
  | 'payouts-inconsistent-with-claimants'
  | 'implausible-average-benefit'
  | 'implausible-claim-rate'
  | 'contribution-per-member-jump'
  | 'projects-changed';

/** One figure questioned: which, its value, and why (in words). */
export interface DataCheck {
  code: DataCheckCode;
  /** The figure questioned, as named in the file (`payouts`, `paid`, `claimants`, `contributions`). */
  field: string;
  value: number;
  /** Why, as a code and the figures it names (the shells word it). */
  note: HistoryMessage;
}

/** One entity to check: a year of a scheme, or a region's total. */
export interface Entity {
  members?: number;
  claimants?: number;
  claims?: number;
  paid: number;
}

type Unit = 'claim' | 'claimant';
const countOf = (e: Entity, unit: Unit) => (unit === 'claim' ? e.claims : e.claimants);

/**
 * The checks of each entity alone and against the others; `paidField` names the money column
 * (`payouts` in a history file, `paid` in a region table). Returns, per entity, its warnings.
 */
export function checkEntities(
  entities: readonly Entity[],
  others: 'years' | 'regions',
  paidField: string,
): DataCheck[][] {
  const out: DataCheck[][] = entities.map(() => []);
  entities.forEach((e, i) => {
    if (e.claimants !== undefined && e.members !== undefined && e.claimants > e.members) {
      out[i].push({
        code: 'claimants-above-members',
        field: 'claimants',
        value: e.claimants,
        note: msg('checkClaimantsAboveMembers', { claimants: e.claimants, members: e.members }),
      });
    }
    if (e.claims !== undefined && e.claimants !== undefined && e.claims < e.claimants) {
      out[i].push({
        code: 'claims-below-claimants',
        field: 'claims',
        value: e.claims,
        note: msg('checkClaimsBelowClaimants', { claims: e.claims, claimants: e.claimants }),
      });
    }
  });
  for (const unit of ['claimant', 'claim'] as const) {
    entities.forEach((e, i) => {
      const n = countOf(e, unit);
      if (n === undefined) return;
      const inconsistent = (note: HistoryMessage) =>
        out[i].push({
          code: 'payouts-inconsistent-with-claimants',
          field: paidField,
          value: e.paid,
          note,
        });
      if (n === 0 && e.paid > 0) inconsistent(msg('checkPaidWithoutCount', { unit, paid: e.paid }));
      else if (n > 0 && e.paid === 0) inconsistent(msg('checkCountWithoutPaid', { unit, n }));
      else if (n > 0) {
        const avg = e.paid / n;
        if (avg < PLAUSIBLE_AVERAGE.min || avg > PLAUSIBLE_AVERAGE.max) {
          inconsistent(msg('checkAverageOutOfRange', { unit, paid: e.paid, n, ...PLAUSIBLE_AVERAGE }));
        }
      }
    });
    peers(entities, (e) => {
      const n = countOf(e, unit);
      return n && e.paid > 0 ? e.paid / n : undefined;
    }).forEach(({ index, median, ratio }) => {
      const e = entities[index];
      const slip = decimalSlip(ratio);
      out[index].push({
        code: 'implausible-average-benefit',
        field: paidField,
        value: e.paid,
        note: msg('checkAverageOutlier', {
          unit,
          others,
          paid: e.paid,
          n: countOf(e, unit)!,
          median,
          corrected: slip && Math.round(e.paid * slip * 100) / 100,
        }),
      });
    });
    peers(entities, (e) => {
      const n = countOf(e, unit);
      return n && e.members ? n / e.members : undefined;
    }).forEach(({ index, median }) => {
      const e = entities[index];
      const n = countOf(e, unit)!;
      out[index].push({
        code: 'implausible-claim-rate',
        field: unit === 'claim' ? 'claims' : 'claimants',
        value: n,
        note: msg('checkClaimRateOutlier', { unit, others, n, members: e.members!, median }),
      });
    });
  }
  return out;
}

/** outOfLine over the entities that have the figure, with indices back into `entities`. */
function peers(entities: readonly Entity[], figure: (e: Entity) => number | undefined) {
  const idx: number[] = [];
  const values: number[] = [];
  entities.forEach((e, i) => {
    const v = figure(e);
    if (v !== undefined && Number.isFinite(v)) {
      idx.push(i);
      values.push(v);
    }
  });
  return outOfLine(values).map((o) => ({ ...o, index: idx[o.index] }));
}

/** A region's totals for `checkAggregates`: claims (person-times) and/or claimants (persons), paid, members or member-years. */
export interface AggregateRegion {
  name: string;
  claims?: number;
  paid: number;
  claimants?: number;
  members?: number;
}

export interface AggregateWarning extends DataCheck {
  region: string;
}

/**
 * Cross-sectional checks of several regions' totals (each region alone, and each against the
 * median of the others). The Inner Mongolia forestry group's 85.45 M for 10,300 claims (8,296 a
 * claim against a median of about 905) is questioned, with the hint that 8.545 M would fit.
 * @example checkAggregates([{ name: 'A', claims: 100, paid: 90000 }, { name: 'B', claims: 200, paid: 170000 },
 *   { name: 'C', claims: 100, paid: 830000 }, { name: 'D', claims: 100, paid: 95000 }])
 * // [{ region: 'C', code: 'implausible-average-benefit', field: 'paid', value: 830000,
 * //    message: '¥830 k paid for 100 claims is ¥8,300 a claim, 9.2 times the median ¥900 of the other regions (…); ¥83,000 would give ¥830, in line with the others: a misprint?' }]
 */
export function checkAggregates(regions: readonly AggregateRegion[]): AggregateWarning[] {
  return checkEntities(regions, 'regions', 'paid').flatMap((checks, i) =>
    checks.map((c) => ({ region: regions[i].name, ...c })),
  );
}
