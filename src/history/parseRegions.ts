/**
 * A regional table (several regions' totals over one period, like data/inner-mongolia-regions.csv)
 * to `AggregateRegion`s for `checkAggregates`. CSV with a header naming `region` and `paid` and
 * optionally `member-years`, `claimants`, `claims`, in any order:
 * - `region`: the name, not blank, not repeated;
 * - `member-years` (members exposed, summed over the period's years), `claimants` (persons),
 *   `claims` (person-times): whole numbers (≥ 1 for member-years, ≥ 0 for the counts), blank = not reported;
 * - `paid`: yuan, ≥ 0, at most 2 decimals.
 * Limits, syntax and problem locations as in parseHistory (`line 12, paid`). Never throws.
 */
import { cellProblem, moneyProblem, readNumber, wholeProblem } from './cells.ts';
import type { AggregateRegion } from './dataChecks.ts';
import { historyMessage as msg, type HistoryMessage, type HistoryProblem } from './messages.ts';
import { REGION_ALIASES } from './headerAliases.ts';
import { MAX_HISTORY_ROWS, readTable } from './parseHistory.ts';
import type { SheetRecords } from './sheetRecords.ts';

export const REGION_COLUMNS = ['region', 'member-years', 'claimants', 'claims', 'paid'] as const;
type RegionColumn = (typeof REGION_COLUMNS)[number];

export type ParseRegionsResult =
  { ok: true; regions: AggregateRegion[] } | { ok: false; problems: HistoryProblem[] };

export function parseRegions(source: string | SheetRecords): ParseRegionsResult {
  const table = readTable<RegionColumn>(
    source,
    REGION_COLUMNS,
    ['region', 'paid'],
    MAX_HISTORY_ROWS,
    undefined,
    REGION_ALIASES,
  );
  if (!table.ok) return table;
  const { columns, body, problems, finish } = table;
  const regions: AggregateRegion[] = [];
  const names = new Set<string>();
  for (const record of body) {
    const before = problems.length;
    const cell = (c: RegionColumn) => {
      const j = columns.indexOf(c);
      return j < 0 ? undefined : record.fields[j];
    };
    const at = (c: RegionColumn) => ({ line: record.line, column: c });
    const number = (
      c: RegionColumn,
      rule: (v: number) => HistoryMessage | null,
      required: boolean,
    ): number | undefined => {
      const text = cell(c);
      if (text === undefined) return undefined;
      const read = readNumber(text);
      if (read.kind === 'blank') {
        if (required) problems.push({ at: at(c), ...msg('required') });
        return undefined;
      }
      const bad = cellProblem(read, text) ?? (read.kind === 'number' ? rule(read.value) : null);
      if (bad) problems.push({ at: at(c), ...bad });
      return read.kind === 'number' && !bad ? read.value : undefined;
    };
    const name = (cell('region') ?? '').trim();
    if (name === '') problems.push({ at: at('region'), ...msg('blank') });
    else if (names.has(name)) problems.push({ at: at('region'), ...msg('duplicateName', { name }) });
    names.add(name);
    const members = number('member-years', (v) => wholeProblem(v, 1), false);
    const claimants = number('claimants', (v) => wholeProblem(v, 0), false);
    const claims = number('claims', (v) => wholeProblem(v, 0), false);
    const paid = number('paid', (v) => moneyProblem(v), true);
    if (problems.length > before || paid === undefined) continue;
    const region: AggregateRegion = { name, paid };
    if (members !== undefined) region.members = members;
    if (claimants !== undefined) region.claimants = claimants;
    if (claims !== undefined) region.claims = claims;
    regions.push(region);
  }
  return problems.length ? { ok: false, problems: finish(problems) } : { ok: true, regions };
}
