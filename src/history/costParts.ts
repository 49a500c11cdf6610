/**
 * The other parts of a cost that a scenario splits into several risks. A cost whose tail no single
 * family reproduces can be modelled as two thinned risks — a common part and a severe part — each
 * with its own family and a share of the claimant rate, each paid by its own copy of the same
 * benefit table. A source's figures (claimants, total paid, counts above thresholds, the largest)
 * are then the parts' together, and fitting them to one part alone gives that part every claimant
 * and every yuan while the other parts still claim on top.
 *
 * Parts are recognised by what they pay: a cost risk whose benefits, apart from their `id` and
 * `risk`, are the same tables as the chosen risk's (same type, bands, steps, caps, rounding,
 * waiting, in any order), for the same members (`who` and `groups`).
 * @example costParts(forestry, 'inpatient') // ['inpatient-severe']
 */
import type { Benefit, Risk } from '../domain/scenario.ts';

/** The ids of the cost risks that pay the same tables as `riskId` for the same members (not itself). */
export function costParts(
  scenario: { risks: readonly Risk[]; benefits: readonly Benefit[] },
  riskId: string,
): string[] {
  const risk = scenario.risks.find((r) => r.id === riskId);
  if (!risk || risk.kind !== 'cost') return [];
  const tables = tablesOf(scenario.benefits, riskId);
  if (tables === '') return [];
  return scenario.risks
    .filter((r) => r.id !== riskId && r.kind === 'cost' && sameMembers(r, risk))
    .filter((r) => tablesOf(scenario.benefits, r.id) === tables)
    .map((r) => r.id);
}

/** Same `who` (default all) and same groups (default every group). */
function sameMembers(a: Risk, b: Risk): boolean {
  return (
    (a.who ?? 'all') === (b.who ?? 'all') &&
    canonical([...(a.groups ?? [])].sort()) === canonical([...(b.groups ?? [])].sort())
  );
}

/** The risk's benefits without `id` and `risk`, each as JSON with sorted keys, sorted: '' for none. */
function tablesOf(benefits: readonly Benefit[], riskId: string): string {
  return benefits
    .filter((b) => b.risk === riskId)
    .map(({ id: _id, risk: _risk, ...table }) => canonical(table))
    .sort()
    .join('\n');
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}
