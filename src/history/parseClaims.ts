/**
 * A claim file (CSV, or a sheet: sheetRecords.ts) to costs for `fitClaims`: either a table whose header is the one column `cost` (or its Chinese names, headerAliases.ts), or a
 * plain list, one number per line (no header: the first line already reads as a number). Costs
 * are numbers as in history files (cells.ts: no thousands separators or units) and must be > 0.
 * Blank lines, a byte order mark and CRLF are tolerated; limits 10 MB and 1,000,000 costs.
 * Problems are located as `line 4, cost` (the first 100, then a count); never throws.
 * @example parseClaims('cost\n1200\n35000.5\n') // { ok: true, costs: [1200, 35000.5] }
 * @example parseClaims('1200\n35000.5\n') // { ok: true, costs: [1200, 35000.5] }
 */
import { cellProblem, readNumber } from './cells.ts';
import { readCsv } from './csv.ts';
import { historyMessage as msg, type HistoryProblem } from './messages.ts';
import { CLAIM_ALIASES } from './headerAliases.ts';
import { readTable } from './parseHistory.ts';
import type { SheetRecords } from './sheetRecords.ts';

export const MAX_CLAIM_ROWS = 1_000_000;
const MAX_LISTED_PROBLEMS = 100;

export type ParseClaimsResult = { ok: true; costs: number[] } | { ok: false; problems: HistoryProblem[] };

export function parseClaims(source: string | SheetRecords): ParseClaimsResult {
  const first = typeof source === 'string' ? readCsv(source.slice(0, 4096)).records[0] : source.records[0];
  const plain =
    first !== undefined && first.fields.length === 1 && readNumber(first.fields[0]).kind === 'number';
  const table = readTable(
    source,
    ['cost'],
    ['cost'],
    MAX_CLAIM_ROWS,
    plain ? ['cost'] : undefined,
    CLAIM_ALIASES,
  );
  if (!table.ok) return table;
  const { body, problems, finish } = table;
  const costs: number[] = [];
  let bad = problems.length;
  for (const record of body) {
    const text = record.fields[0];
    const cell = readNumber(text);
    const m =
      cell.kind === 'blank'
        ? msg('required')
        : (cellProblem(cell, text) ?? (cell.kind === 'number' && !(cell.value > 0) ? msg('positive') : null));
    if (m) {
      if (++bad <= MAX_LISTED_PROBLEMS) problems.push({ at: { line: record.line, column: 'cost' }, ...m });
    } else if (cell.kind === 'number') costs.push(cell.value);
  }
  if (bad > MAX_LISTED_PROBLEMS)
    problems.push({ at: { path: 'costs' }, ...msg('moreProblems', { count: bad - MAX_LISTED_PROBLEMS }) });
  return problems.length ? { ok: false, problems: finish(problems) } : { ok: true, costs };
}
