/**
 * The rules of format `/2` for the waiting amount and the limits, over the raw input (raw.ts):
 *
 * - `waitingAmount` is given only beside `waitingDays` (the schema allows it only on a lump sum);
 * - limit ids are unique; a limit names benefits that exist, each once;
 * - a benefit belongs to at most one limit (the second naming it is reported);
 * - a limit's benefits all pay for the same risk: the first benefit that pays for another risk
 *   than the limit's first is refused, and the message says why (a limit across risks would need
 *   a model of one member's claims across risks, which the format does not define).
 */
import { validationMessage as msg } from '../domain/validation.ts';
import { formatPath, type RawProblem, type Segment } from './path.ts';
import { field, listAt, listed, shown, type Rec } from './raw.ts';
import { LIMITS } from './schema.ts';

export function limitChecks(input: Rec): RawProblem[] {
  return [...checkWaitingAmounts(input), ...checkLimits(input)];
}

function checkWaitingAmounts(input: Rec): RawProblem[] {
  const out: RawProblem[] = [];
  (listAt(input, 'benefits', LIMITS.benefits) ?? []).forEach((b, i) => {
    if (field(b, 'type') !== 'lump-sum' || field(b, 'waitingAmount') === undefined) return;
    if (field(b, 'waitingDays') === undefined)
      out.push({ path: ['benefits', i, 'waitingAmount'], ...msg('waitingAmountNeedsWaitingDays') });
  });
  return out;
}

/** Benefits by id (the first of duplicates) with the risk each pays for (when it names one). */
function benefitRisks(input: Rec): Map<string, string | undefined> {
  const risks = new Map<string, string | undefined>();
  for (const b of listAt(input, 'benefits', LIMITS.benefits) ?? []) {
    const id = field(b, 'id');
    const risk = field(b, 'risk');
    if (typeof id === 'string' && !risks.has(id)) risks.set(id, typeof risk === 'string' ? risk : undefined);
  }
  return risks;
}

function checkLimits(input: Rec): RawProblem[] {
  const limits = listAt(input, 'limits', LIMITS.limits);
  if (!limits) return [];
  const risks = benefitRisks(input);
  const known = listed([...risks.keys()]);
  const ids = new Map<string, number>();
  const owner = new Map<string, string>();
  const out: RawProblem[] = [];
  limits.forEach((limit, i) => {
    const id = field(limit, 'id');
    if (typeof id === 'string') {
      const first = ids.get(id);
      if (first === undefined) ids.set(id, i);
      else
        out.push({
          path: ['limits', i, 'id'],
          ...msg('duplicateId', { id: shown(id), other: formatPath(['limits', first]) }),
        });
    }
    const benefits = listAt(limit, 'benefits', LIMITS.benefits) ?? [];
    out.push(...checkLimitBenefits(benefits, ['limits', i, 'benefits'], risks, known, owner));
  });
  return out;
}

/** One limit's benefits; `owner` maps a benefit to the limit that named it first (filled here). */
function checkLimitBenefits(
  benefits: unknown[],
  at: Segment[],
  risks: Map<string, string | undefined>,
  known: string[],
  owner: Map<string, string>,
): RawProblem[] {
  const out: RawProblem[] = [];
  const seen = new Map<string, number>();
  const limitPath = formatPath(at.slice(0, -1));
  let first: { benefit: string; risk: string } | null = null;
  benefits.forEach((benefit, j) => {
    if (typeof benefit !== 'string') return;
    const path = [...at, j];
    const twice = seen.get(benefit);
    if (twice !== undefined) {
      out.push({ path, ...msg('namedTwice', { id: shown(benefit), other: formatPath([...at, twice]) }) });
      return;
    }
    seen.set(benefit, j);
    if (!risks.has(benefit)) {
      out.push({ path, ...msg('unknownBenefit', { known }) });
      return;
    }
    const other = owner.get(benefit);
    if (other === undefined) owner.set(benefit, limitPath);
    else out.push({ path, ...msg('benefitInTwoLimits', { benefit: shown(benefit), other }) });
    const risk = risks.get(benefit);
    if (risk === undefined) return;
    if (first === null) first = { benefit, risk };
    else if (risk !== first.risk)
      out.push({
        path,
        ...msg('limitAcrossRisks', {
          benefit: shown(benefit),
          risk: shown(risk),
          first: shown(first.benefit),
          firstRisk: shown(first.risk),
        }),
      });
  });
  return out;
}
