/**
 * One year of experience (a row of a history file) and the rules every row obeys, shared by
 * the CSV reader (`parseHistory`, problems at `line 4, payouts`) and the check of rows built in
 * memory (`validateHistoryRows`, problems at `row 3 (year 2017).members`):
 *
 * - `year`: a whole year from 1900 to 2100; years strictly increasing from row to row (gaps
 *   allowed: growth is then not computed across the gap);
 * - `members`: a whole number ≥ 1 (members, or member-years for a period);
 * - `contributions`, `payouts`: yuan, ≥ 0, at most 2 decimals; `contributions` may be left
 *   blank when the source does not report it (then no loss ratio);
 * - `claimants` (optional column; a blank cell = not reported): a whole number ≥ 0;
 * - `months` (optional column; a blank cell = a whole year): how many months of the year the
 *   row's payouts and claimants cover, more than 0 and at most 12 (11.28 for 1 January to
 *   9 December). Rates and growth are then read per year (analyseHistory), the members' exposure
 *   as members × months / 12.
 * - `projects` (optional column; a blank cell = not said): the mutual-aid projects the row's
 *   figures cover, names separated by `;`, `；` or `、` (at most 20 names of at most 60 characters),
 *   so that a year whose projects differ from the year before is not read as the same scheme
 *   grown (analyseHistory's `projects-changed` check).
 * Claimants above members is not refused here: it is a data check (analyseHistory) because
 * sources do report claim counts (person-times) where claimants (persons) are meant.
 *
 * What the counts count is said by the header, not by a cell (headerAliases.ts, `headerCounts`):
 * `members (人次)` for enrolments (a member counted once for each enrolment: member-years over
 * several years, or once a project), `claimants (人次)` for benefit-times (claims), `(people)` or
 * `(人)` for persons. A row read from such a header carries `counted`; without a unit it has none
 * (not said: read as people, as before).
 */
import { cellProblem, moneyProblem, wholeProblem, type Cell } from './cells.ts';
import type { CountKind } from './headerAliases.ts';
import {
  historyMessage as msg,
  type HistoryMessage,
  type HistoryPlace,
  type HistoryProblem,
} from './messages.ts';

export interface HistoryRow {
  year: number;
  members: number;
  /** null: not reported. */
  contributions: number | null;
  payouts: number;
  /** Absent: not reported. */
  claimants?: number;
  /** The months the payouts and claimants cover, in (0, 12]; absent: the whole year. */
  months?: number;
  /** What `members` and `claimants` count, where the header says (absent: not said). */
  counted?: Counted;
  /** The projects the row's figures cover, in the file's order (absent: not said). */
  projects?: string[];
}

/** The text column of a history file: the projects a row covers. */
export const PROJECTS_COLUMN = 'projects';
export const MAX_PROJECTS = 20;
export const MAX_PROJECT_NAME = 60;
/** What separates two project names in a cell: `;`, `；` or `、`. */
export const PROJECT_SEPARATORS = /[;\uff1b\u3001]/;

/**
 * A `projects` cell as names (split at `;`, `；` or `、`, each trimmed, empty ones dropped):
 * undefined when blank, a problem when there are too many or one is too long.
 * @example readProjects('住院; 重大疾病、女职工') // { projects: ['住院', '重大疾病', '女职工'] }
 */
export function readProjects(text: string): { projects?: string[]; problem?: HistoryMessage } {
  const names = text
    .split(PROJECT_SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0) return {};
  if (names.length > MAX_PROJECTS || names.some((n) => [...n].length > MAX_PROJECT_NAME))
    return { problem: msg('projectsList', { max: MAX_PROJECTS, length: MAX_PROJECT_NAME }) };
  return { projects: names };
}

/** People (人) or times (人次: enrolments, benefit-times) for each count the header qualifies. */
export interface Counted {
  members?: CountKind;
  claimants?: CountKind;
}

/** Claimants counted in 人次 are claims: a claims rate is not a claimant rate. */
export const claimsCounted = (r: Pick<HistoryRow, 'counted'>): boolean => r.counted?.claimants === 'times';

/** The months a row's experience covers: 12 unless the row says fewer. */
export const monthsOf = (r: Pick<HistoryRow, 'months'>): number => r.months ?? 12;

export const HISTORY_COLUMNS = [
  'year',
  'members',
  'contributions',
  'payouts',
  'claimants',
  'months',
] as const;
export type HistoryColumn = (typeof HISTORY_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly HistoryColumn[] = ['year', 'members', 'contributions', 'payouts'];
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/**
 * The cells of one row, each read as a number (or blank, or not a number), with its text. A
 * column absent from the map is not checked (its absence from the header is reported once).
 */
export type RowCells = Partial<Record<HistoryColumn, { cell: Cell; text: string }>>;

/**
 * Checks one row's cells; pushes every problem (located by `where`) and returns the row when
 * it has none.
 */
export function checkHistoryRow(
  cells: RowCells,
  where: (column: HistoryColumn) => HistoryPlace,
  problems: HistoryProblem[],
): HistoryRow | null {
  const before = problems.length;
  const value = (
    column: HistoryColumn,
    blankOk: boolean,
    rule: (v: number) => HistoryMessage | null,
  ): number | undefined => {
    const c = cells[column];
    if (!c) return undefined;
    if (c.cell.kind === 'blank') {
      if (!blankOk) problems.push({ at: where(column), ...msg('required') });
      return undefined;
    }
    const bad = cellProblem(c.cell, c.text) ?? (c.cell.kind === 'number' ? rule(c.cell.value) : null);
    if (bad) {
      problems.push({ at: where(column), ...bad });
      return undefined;
    }
    return c.cell.kind === 'number' ? c.cell.value : undefined;
  };
  const year = value('year', false, (v) =>
    Number.isInteger(v) && v >= MIN_YEAR && v <= MAX_YEAR
      ? null
      : msg('yearRange', { min: MIN_YEAR, max: MAX_YEAR }),
  );
  const members = value('members', false, (v) => wholeProblem(v, 1));
  const contributions = value('contributions', true, (v) => moneyProblem(v));
  const payouts = value('payouts', false, (v) => moneyProblem(v));
  const claimants = value('claimants', true, (v) => wholeProblem(v, 0));
  const months = value('months', true, (v) => (v > 0 && v <= 12 ? null : msg('monthsRange')));
  if (problems.length > before || year === undefined || members === undefined || payouts === undefined)
    return null;
  const row: HistoryRow = { year, members, contributions: contributions ?? null, payouts };
  if (claimants !== undefined) row.claimants = claimants;
  if (months !== undefined && months !== 12) row.months = months;
  return row;
}

/**
 * Years strictly increasing: a problem at each year not after the last good one before it
 * (a year outside 1900–2100 has its own problem and is passed over).
 */
export function checkYearOrder(
  years: readonly { year: number | undefined; where: HistoryPlace }[],
  problems: HistoryProblem[],
): void {
  let previous: number | undefined;
  for (const { year, where } of years) {
    if (year === undefined || year < MIN_YEAR || year > MAX_YEAR) continue;
    if (previous !== undefined && year <= previous)
      problems.push({ at: where, ...msg('yearOrder', { previous }) });
    else previous = year;
  }
}
