/**
 * A history file (docs/scenario-format.md, "History files") to rows:
 * CSV with a header row naming `year, members, contributions, payouts` and optionally
 * `claimants`, `months` and `projects` (text: the projects the row covers), in any order (names trimmed, any case). Rules per row: see
 * historyRow.ts. A unit in brackets after `members` or `claimants` says what they count
 * (`members (人次)`: enrolments; `claimants (people)`: persons; headerCounts), and every row then
 * carries it as `counted`.
 *
 * - Text over 10 MB (UTF-8) or with more than 1,000 data rows is refused before anything else.
 * - A byte order mark, CRLF line ends and blank lines are tolerated (csv.ts).
 * - Every problem is returned at once, as a code located at `{ line: 4, column: 'payouts' }`
 *   (the line of the file, the column's name); the shells word it (`line 4, payouts: …`); nothing
 *   throws.
 *
 * @example parseHistory('year,members,contributions,payouts\n2015,720000,25920000,15350000\n')
 * // { ok: true, rows: [{ year: 2015, members: 720000, contributions: 25920000, payouts: 15350000 }] }
 */
import { utf8Length } from '../io/parseJson.ts';
import { readNumber } from './cells.ts';
import { readCsv, type CsvRecord } from './csv.ts';
import {
  canonicalColumn,
  headerCounts,
  headerScale,
  HISTORY_ALIASES,
  scaleByTenThousand,
  type Aliases,
  type CountKind,
} from './headerAliases.ts';
import { locateInSheet, sheetRef, type SheetRecords } from './sheetRecords.ts';
import {
  checkHistoryRow,
  checkYearOrder,
  HISTORY_COLUMNS,
  PROJECTS_COLUMN,
  readProjects,
  REQUIRED_COLUMNS,
  type Counted,
  type HistoryColumn,
  type HistoryRow,
  type RowCells,
} from './historyRow.ts';
import { historyMessage as msg, type HistoryPlace, type HistoryProblem } from './messages.ts';

export const MAX_HISTORY_BYTES = 10 * 1024 * 1024;
export const MAX_HISTORY_ROWS = 1000;

export type ParseHistoryResult = { ok: true; rows: HistoryRow[] } | { ok: false; problems: HistoryProblem[] };

export function parseHistory(source: string | SheetRecords): ParseHistoryResult {
  const at = (line: number, column?: string): HistoryPlace =>
    column === undefined ? { line } : { line, column };
  const head = readTable<HistoryColumn | typeof PROJECTS_COLUMN>(
    source,
    [...HISTORY_COLUMNS, PROJECTS_COLUMN],
    REQUIRED_COLUMNS,
    MAX_HISTORY_ROWS,
    undefined,
    HISTORY_ALIASES,
  );
  if (!head.ok) return head;
  const { columns, body, problems, finish } = head;
  const counted = countedOf(columns, head.counts);
  const rows: HistoryRow[] = [];
  const years: { year: number | undefined; where: HistoryPlace }[] = [];
  for (const record of body) {
    const cells: RowCells = {};
    let projects: string[] | undefined;
    columns.forEach((name, j) => {
      const text = record.fields[j] ?? '';
      if (name === PROJECTS_COLUMN) {
        const read = readProjects(text);
        if (read.problem) problems.push({ at: at(record.line, name), ...read.problem });
        projects = read.projects;
      } else if (name !== null) cells[name] = { cell: readNumber(text), text };
    });
    const row = checkHistoryRow(cells, (c) => at(record.line, c), problems);
    if (row) rows.push({ ...row, ...(counted ? { counted } : {}), ...(projects ? { projects } : {}) });
    const y = cells.year?.cell;
    years.push({
      year: y?.kind === 'number' && Number.isInteger(y.value) ? y.value : undefined,
      where: at(record.line, 'year'),
    });
  }
  checkYearOrder(years, problems);
  return problems.length ? { ok: false, problems: finish(problems) } : { ok: true, rows };
}

/** What the header says `members` and `claimants` count (null when it says nothing of either). */
function countedOf(
  columns: readonly (string | null)[],
  counts: readonly (CountKind | null)[],
): Counted | null {
  const out: Counted = {};
  columns.forEach((c, j) => {
    if ((c === 'members' || c === 'claimants') && counts[j]) out[c] = counts[j]!;
  });
  return out.members || out.claimants ? out : null;
}

/**
 * The header and body of a CSV table whose columns come from `allowed`: `columns[j]` names
 * field j, or is null for a column refused in the header (unknown, unnamed or repeated), so
 * that the other columns are still checked and every problem is reported at once.
 */
export type Table<C extends string> =
  | {
      ok: true;
      columns: (C | null)[];
      /** What each column's header says it counts (`(人次)`, `(people)`…; headerCounts), or null. */
      counts: (CountKind | null)[];
      body: CsvRecord[];
      problems: HistoryProblem[];
      /** The problems in the order of the file, each located in the sheet when the table is one. */
      finish(problems: HistoryProblem[]): HistoryProblem[];
    }
  | { ok: false; problems: HistoryProblem[] };

/**
 * Reads a table — CSV text, or the records of a sheet (sheetRecords.ts: its rows as the fields
 * the CSV would hold, with its own problems) — : size and row limits, syntax problems, the header
 * (unknown, duplicate and missing columns; a name is matched trimmed, in any case, or by its
 * Chinese alias from `aliases`) and records with as many fields as the header (a record with
 * another count is a problem and is not read further). A column whose name ends in a unit of
 * ten thousand (`支出（万元）`, headerAliases.ts) is that column with each plain number × 10,000,
 * exactly (its text's exponent raised by 4), before the cell rules: 402.15 万元 is 4,021,500 yuan,
 * and 402.123 万元 is refused as 4,021,230 yuan with a fen too many. Shared by the history,
 * region, claim and district files. With `implicitHeader`, every record is data and the header is taken as given (a plain
 * list). `ok: false` only when nothing can be read (too large, empty, too many rows).
 */
export function readTable<C extends string>(
  source: string | SheetRecords,
  allowed: readonly C[],
  required: readonly C[],
  maxRows: number,
  implicitHeader?: readonly C[],
  aliases: Aliases = {},
): Table<C> {
  const at = (line: number, column?: string): HistoryPlace =>
    column === undefined ? { line } : { line, column };
  if (typeof source === 'string' && utf8Length(source, MAX_HISTORY_BYTES) > MAX_HISTORY_BYTES) {
    return {
      ok: false,
      problems: [{ at: at(1), ...msg('tooLarge', { mb: MAX_HISTORY_BYTES / 1024 / 1024 }) }],
    };
  }
  const { records, problems: syntax } =
    typeof source === 'string' ? readCsv(source) : { records: source.records, problems: [] };
  const problems: HistoryProblem[] = syntax.map((p) => ({
    at: at(p.line),
    ...msg(p.kind === 'unterminated-quote' ? 'unterminatedQuote' : 'textAfterQuote'),
  }));
  if (typeof source !== 'string') problems.push(...source.problems);
  const [header, ...body] = implicitHeader ? [{ line: 0, fields: [...implicitHeader] }, ...records] : records;
  if (!header) {
    const empty: HistoryProblem = { at: at(1), ...msg('emptyFile', { columns: allowed.join(',') }) };
    if (typeof source !== 'string') empty.at = { cell: sheetRef(source.sheet) };
    return { ok: false, problems: [...problems, empty] };
  }
  const finish = (ps: HistoryProblem[]) =>
    typeof source === 'string' ? sortByLine(ps) : locateInSheet(source, header, columns, sortByLine(ps));
  const columns: (C | null)[] = [];
  const counts = header.fields.map(headerCounts);
  if (body.length > maxRows)
    return {
      ok: false,
      problems: finish([{ at: at(body[maxRows].line), ...msg('tooManyRows', { max: maxRows }) }]),
    };
  const seen = new Set<string>();
  const scaled: number[] = [];
  for (const raw of header.fields) {
    if (headerScale(raw) !== 1) scaled.push(columns.length);
    const name = canonicalColumn(raw, aliases);
    let ok = false;
    if (name === '') problems.push({ at: at(header.line), ...msg('blankColumnName') });
    else if (!(allowed as readonly string[]).includes(name))
      problems.push({
        at: at(header.line, raw.trim()),
        ...msg('unknownColumn', { column: raw.trim(), allowed }),
      });
    else if (seen.has(name))
      problems.push({ at: at(header.line, name), ...msg('duplicateColumn', { column: name }) });
    else ok = true;
    seen.add(name);
    columns.push(ok ? (name as C) : null);
  }
  for (const c of required) {
    if (!seen.has(c))
      problems.push({
        at: at(header.line),
        ...msg('missingColumn', { column: c, columns: allowed.join(', ') }),
      });
  }
  if (body.length === 0) problems.push({ at: at(header.line), ...msg('noRows') });
  for (const record of body) {
    if (record.fields.length !== columns.length) {
      problems.push({
        at: at(record.line),
        ...msg('fieldCount', { got: record.fields.length, expected: columns.length }),
      });
    }
  }
  const kept = body.filter((r) => r.fields.length === columns.length);
  return {
    ok: true,
    columns,
    counts,
    body: scaled.length === 0 ? kept : kept.map((r) => ({ ...r, fields: tenThousands(r.fields, scaled) })),
    problems,
    finish,
  };
}

/** `fields` with those at `scaled` × 10,000 (scaleByTenThousand). */
function tenThousands(fields: readonly string[], scaled: readonly number[]): string[] {
  const out = [...fields];
  for (const j of scaled) out[j] = scaleByTenThousand(out[j]);
  return out;
}

/** Problems in the order of the file (a stable sort by line number; messages of a line keep their order). */
export function sortByLine(problems: HistoryProblem[]): HistoryProblem[] {
  const line = (p: HistoryProblem) => ('line' in p.at ? p.at.line : Infinity);
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => line(a.p) - line(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

export type { HistoryColumn, HistoryRow };
