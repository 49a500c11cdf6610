/**
 * A districts × years table for `credibility` — CSV, or a sheet (sheetRecords.ts) — : a header
 * naming `district, year, members, claimants` (any order, any case, or their Chinese names:
 * headerAliases.ts), one row per district and year. Read with the history files' reader
 * (readTable: size and row limits, CSV syntax, unknown or missing columns) and their cell rules
 * (numbers without separators; years whole, members ≥ 1, claimants ≥ 0); problems are located as
 * line and column (`{ line: 4, column: 'members' }`; in a sheet, at the cell), every one at once,
 * as codes. Never throws.
 * @example parseDistricts('district,year,members,claimants\nA,2020,1000,40\n') // { ok: true, districts: [{ name: 'A', years: [{ year: 2020, members: 1000, claimants: 40 }] }] }
 */
import { cellProblem, readNumber, wholeProblem } from './cells.ts';
import type { District } from './credibility.ts';
import { DISTRICT_ALIASES } from './headerAliases.ts';
import { historyMessage as msg, type HistoryProblem } from './messages.ts';
import { MAX_HISTORY_ROWS, readTable } from './parseHistory.ts';
import type { SheetRecords } from './sheetRecords.ts';

const COLUMNS = ['district', 'year', 'members', 'claimants'] as const;
type Column = (typeof COLUMNS)[number];

export type ParseDistrictsResult =
  { ok: true; districts: District[] } | { ok: false; problems: HistoryProblem[] };

export function parseDistricts(source: string | SheetRecords): ParseDistrictsResult {
  const table = readTable<Column>(source, COLUMNS, COLUMNS, MAX_HISTORY_ROWS, undefined, DISTRICT_ALIASES);
  if (!table.ok) return table;
  const { columns, body, problems, finish } = table;
  const byName = new Map<string, District>();
  for (const record of body) {
    const before = problems.length;
    const at = (c: Column) => ({ line: record.line, column: c });
    const cell = (c: Column) => record.fields[columns.indexOf(c)] ?? '';
    const number = (c: Column, min: number): number | undefined => {
      const raw = cell(c);
      const read = readNumber(raw);
      const bad =
        read.kind === 'blank'
          ? msg('required')
          : (cellProblem(read, raw) ?? (read.kind === 'number' ? wholeProblem(read.value, min) : null));
      if (bad) {
        problems.push({ at: at(c), ...bad });
        return undefined;
      }
      return read.kind === 'number' ? read.value : undefined;
    };
    const name = cell('district').trim();
    if (name === '') problems.push({ at: at('district'), ...msg('blank') });
    const year = number('year', 1900);
    const members = number('members', 1);
    const claimants = number('claimants', 0);
    if (problems.length > before || year === undefined || members === undefined || claimants === undefined)
      continue;
    const d = byName.get(name) ?? { name, years: [] };
    byName.set(name, d);
    d.years.push({ year, members, claimants });
  }
  return problems.length
    ? { ok: false, problems: finish(problems) }
    : { ok: true, districts: [...byName.values()] };
}
