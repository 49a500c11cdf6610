/**
 * The rules of one history row (src/history/historyRow.ts) at their ends, checked directly and
 * through the two readers that share them (parseHistory for files, validateHistoryRows for rows
 * in memory): the year range 1900–2100 inclusive, the required cells, money on payouts, the
 * claimants absent when blank, and a row returned only when it has no problem.
 */
import { describe, expect, it, vi } from 'vitest';
import { readNumber } from '../../src/history/cells.ts';
import { checkHistoryRow, checkYearOrder, type RowCells } from '../../src/history/historyRow.ts';
import type { HistoryProblem } from '../../src/history/messages.ts';
import { historyProblem } from '../../src/history/index.ts';
import * as codes from '../../src/history/index.ts';

const HEADER = 'year,members,contributions,payouts';
const cellsOf = (o: Record<string, string>): RowCells =>
  Object.fromEntries(Object.entries(o).map(([k, text]) => [k, { cell: readNumber(text), text }]));
const check = (o: Record<string, string>) => {
  const problems: HistoryProblem[] = [];
  const row = checkHistoryRow(cellsOf(o), (column) => ({ line: 7, column }), problems);
  return { row, problems };
};
const good = { year: '2015', members: '100', contributions: '5000', payouts: '4000' };

describe('checkHistoryRow', () => {
  it('returns the row of good cells, and no claimants key when the claimants cell is blank', () => {
    const { row, problems } = check({ ...good, claimants: '' });
    expect(problems).toEqual([]);
    expect(row).toStrictEqual({ year: 2015, members: 100, contributions: 5000, payouts: 4000 });
    expect(check({ ...good, claimants: '0' }).row).toStrictEqual({
      year: 2015,
      members: 100,
      contributions: 5000,
      payouts: 4000,
      claimants: 0,
    });
  });
  it('returns no row when any cell has a problem, even one that is not needed for the row (contributions)', () => {
    const { row, problems } = check({ ...good, contributions: '-1' });
    expect(row).toBeNull();
    expect(problems).toEqual([
      { at: { line: 7, column: 'contributions' }, code: 'moneyRange', params: { max: 1e12 } },
    ]);
  });
  it('returns no row when a required column is absent from the cells (its absence is reported with the header)', () => {
    for (const missing of ['year', 'members', 'payouts'] as const) {
      const rest: Record<string, string> = { ...good };
      delete rest[missing];
      expect(check(rest), missing).toEqual({ row: null, problems: [] });
    }
    const noContributions: Record<string, string> = { ...good };
    delete noContributions.contributions;
    expect(check(noContributions).row).toStrictEqual({
      year: 2015,
      members: 100,
      contributions: null,
      payouts: 4000,
    });
  });
  it('requires year, members and payouts; contributions and claimants may be blank', () => {
    const { row, problems } = check({ year: '', members: '', contributions: '', payouts: '', claimants: '' });
    expect(row).toBeNull();
    expect(problems).toEqual(
      ['year', 'members', 'payouts'].map((column) => ({
        at: { line: 7, column },
        code: 'required',
        params: {},
      })),
    );
  });
  it('takes years from 1900 to 2100, both included', () => {
    const year = (y: string) => check({ ...good, year: y }).problems.map((p) => p.code);
    expect(year('1900')).toEqual([]);
    expect(year('2100')).toEqual([]);
    expect(year('1899')).toEqual(['yearRange']);
    expect(year('2101')).toEqual(['yearRange']);
    expect(check({ ...good, year: '2101' }).problems[0].params).toEqual({ min: 1900, max: 2100 });
  });
  it('checks payouts as money: not negative, to the fen', () => {
    expect(check({ ...good, payouts: '-0.01' }).problems).toEqual([
      { at: { line: 7, column: 'payouts' }, code: 'moneyRange', params: { max: 1e12 } },
    ]);
    expect(check({ ...good, payouts: '10.001' }).problems).toEqual([
      { at: { line: 7, column: 'payouts' }, code: 'moneyDecimals', params: {} },
    ]);
  });
});

describe('checkYearOrder', () => {
  const order = (years: (number | undefined)[]) => {
    const problems: HistoryProblem[] = [];
    checkYearOrder(
      years.map((year, i) => ({ year, where: { line: i + 2, column: 'year' } })),
      problems,
    );
    return problems.map((p) => [(p.at as { line: number }).line, p.params]);
  };
  it('passes over years outside 1900–2100 and unread years, and keeps the ends 1900 and 2100 in the order', () => {
    expect(order([1900, 1899, 1901])).toEqual([]);
    expect(order([1900, 1900])).toEqual([[3, { previous: 1900 }]]);
    expect(order([2100, 2101, 2100])).toEqual([[4, { previous: 2100 }]]);
    expect(order([2000, undefined, 1999])).toEqual([[4, { previous: 2000 }]]);
    expect(order([2000, 2101, 2001])).toEqual([]);
    expect(order([2000, 1899, 2001])).toEqual([]);
  });
});

describe('parseHistory: the required columns and the size limit', () => {
  // The module is loaded afresh in these tests, so that its constants (the required columns, the
  // 10 MB limit) are built inside the test (docs/mutation.md, "Mutants in code run at load").
  const fresh = async () => {
    vi.resetModules();
    return import('../../src/history/parseHistory.ts');
  };
  it('names each required column missing from the header', async () => {
    const { parseHistory } = await fresh();
    const r = parseHistory('claimants\n1\n');
    expect(!r.ok && r.problems).toEqual(
      ['year', 'members', 'contributions', 'payouts'].map((column) => ({
        at: { line: 1 },
        code: 'missingColumn',
        params: { column, columns: 'year, members, contributions, payouts, claimants, months, projects' },
      })),
    );
  });
  it('reads 10 MB of text exactly (UTF-8 bytes) and refuses one byte more', async () => {
    const { parseHistory, MAX_HISTORY_BYTES } = await fresh();
    expect(MAX_HISTORY_BYTES).toBe(10 * 1024 * 1024);
    // Filled with 中 (3 bytes in UTF-8, one UTF-16 unit) on a line of its own: that line is then a
    // record of 1 field, which the reader reports, so it did read the text.
    const head = `${HEADER}\n2015,1,1,1\n`;
    const pad = (bytes: number) => {
      const rest = bytes - head.length;
      return head + '中'.repeat(Math.floor(rest / 3)) + ' '.repeat(rest % 3);
    };
    expect(parseHistory(pad(10 * 1024 * 1024))).toEqual({
      ok: false,
      problems: [{ at: { line: 3 }, code: 'fieldCount', params: { got: 1, expected: 4 } }],
    });
    expect(parseHistory(pad(10 * 1024 * 1024 + 1))).toEqual({
      ok: false,
      problems: [{ at: { line: 1 }, code: 'tooLarge', params: { mb: 10 } }],
    });
  });
  it('reads 1,000 data rows (each then checked), and refuses 1,001 before reading them', async () => {
    const { parseHistory } = await fresh();
    // Years must increase within 1900–2100, so 1,000 rows of 2015 give 999 year-order problems.
    const rows = (n: number) => Array(n).fill('2015,1,1,1').join('\n');
    const r = parseHistory(`${HEADER}\n${rows(1000)}\n`);
    expect(!r.ok && r.problems.length).toBe(999);
    expect(!r.ok && r.problems.every((p) => p.code === 'yearOrder')).toBe(true);
    expect(parseHistory(`${HEADER}\n${rows(1001)}\n`)).toEqual({
      ok: false,
      problems: [{ at: { line: 1002 }, code: 'tooManyRows', params: { max: 1000 } }],
    });
  });
});

describe('parseHistory: places and texts of problems', () => {
  it('names the text of a bad cell as written in the file, trimmed, and a bad header name trimmed', () => {
    const r = codes.parseHistory(`${HEADER}, Region \n2015,1," 1,000 ",abc ,x\n`);
    expect(!r.ok && r.problems).toEqual([
      {
        at: { line: 1, column: 'Region' },
        code: 'unknownColumn',
        params: {
          column: 'Region',
          allowed: ['year', 'members', 'contributions', 'payouts', 'claimants', 'months', 'projects'],
        },
      },
      { at: { line: 2, column: 'contributions' }, code: 'thousandsSeparator', params: { text: '1,000' } },
      { at: { line: 2, column: 'payouts' }, code: 'notNumber', params: { text: 'abc' } },
    ]);
  });
  it('says which syntax problem: a quote never closed, or text after a closing quote', () => {
    const r = codes.parseHistory(`${HEADER}\n2015,1,"1"2,1\n2016,1,1,"1\n`);
    expect(!r.ok && r.problems.slice(0, 2)).toEqual([
      { at: { line: 2 }, code: 'textAfterQuote', params: {} },
      { at: { line: 3 }, code: 'unterminatedQuote', params: {} },
    ]);
  });
  it('keeps the order of the problems of one line and puts the header problems first', () => {
    const r = codes.parseHistory(`year,members,contributions,payouts,bad\n2015,0,-1,x,1\n`);
    expect(!r.ok && r.problems.map((p) => [p.at, p.code])).toEqual([
      [{ line: 1, column: 'bad' }, 'unknownColumn'],
      [{ line: 2, column: 'members' }, 'wholeRange'],
      [{ line: 2, column: 'contributions' }, 'moneyRange'],
      [{ line: 2, column: 'payouts' }, 'notNumber'],
    ]);
  });
  it('checks the year order of rows that have other problems, by their year cell', () => {
    const r = codes.parseHistory(`${HEADER}\n2016,1,1,1\n2015,0,1,1\n`);
    expect(!r.ok && r.problems.map((p) => [p.at, p.code])).toEqual([
      [{ line: 3, column: 'members' }, 'wholeRange'],
      [{ line: 3, column: 'year' }, 'yearOrder'],
    ]);
  });
  it('does not order a year that is not whole: 2016, 2017.5, 2017 asks only for a whole year', () => {
    const r = codes.parseHistory(`${HEADER}\n2016,1,1,1\n2017.5,1,1,1\n2017,1,1,1\n`);
    expect(!r.ok && r.problems).toEqual([
      { at: { line: 3, column: 'year' }, code: 'yearRange', params: { min: 1900, max: 2100 } },
    ]);
  });
  it('reads the first of two columns of one name and leaves the second unread', () => {
    const r = codes.parseHistory('year,members,contributions,payouts,members\n2015,1,1,1,0\n');
    expect(!r.ok && r.problems).toEqual([
      { at: { line: 1, column: 'members' }, code: 'duplicateColumn', params: { column: 'members' } },
    ]);
  });
  it('a row whose field count differs from the header is reported and not read further', () => {
    const r = codes.parseHistory(`${HEADER}\n2015,1,1\n2016,1,1,1\n`);
    expect(!r.ok && r.problems).toStrictEqual([
      { at: { line: 2 }, code: 'fieldCount', params: { got: 3, expected: 4 } },
    ]);
  });
});

describe('validateHistoryRows: what is not a row list, and what is not a number', () => {
  it('refuses no rows and more than 1,000 rows, at path rows', () => {
    const refusal = (code: string, params = {}) => ({
      ok: false,
      problems: [{ at: { path: 'rows' }, code, params }],
    });
    expect(codes.validateHistoryRows([])).toEqual(refusal('noRows'));
    expect(codes.validateHistoryRows(null as unknown as unknown[])).toEqual(refusal('noRows'));
    expect(codes.validateHistoryRows({ length: 3 } as unknown as unknown[])).toEqual(refusal('noRows'));
    const many = Array.from({ length: 1001 }, (_, i) => ({
      year: 1900 + (i % 200),
      members: 1,
      contributions: 1,
      payouts: 1,
    }));
    expect(codes.validateHistoryRows(many)).toEqual(refusal('tooManyRows', { max: 1000 }));
    const thousand = codes.validateHistoryRows(
      Array(1000).fill({ year: 2015, members: 1, contributions: 1, payouts: 1 }),
    );
    expect(!thousand.ok && thousand.problems.length).toBe(999);
    expect(!thousand.ok && thousand.problems.every((p) => p.code === 'yearOrder')).toBe(true);
  });
  it('reads a string, an infinite number, an object or a boolean as not a number, naming it', () => {
    const r = codes.validateHistoryRows([
      { year: 2015, members: '7', contributions: Infinity, payouts: { a: 1 }, claimants: true },
    ]);
    const at = (field: string) => ({ row: 1, year: 2015, field });
    expect(!r.ok && r.problems).toEqual([
      { at: at('members'), code: 'notNumber', params: { text: '7' } },
      { at: at('contributions'), code: 'notNumber', params: { text: 'null' } },
      { at: at('payouts'), code: 'notNumber', params: { text: '{"a":1}' } },
      { at: at('claimants'), code: 'notNumber', params: { text: 'true' } },
    ]);
  });
  it('reads null as blank: allowed for contributions, required for payouts', () => {
    const r = codes.validateHistoryRows([{ year: 2015, members: 1, contributions: null, payouts: null }]);
    expect(!r.ok && r.problems).toEqual([
      { at: { row: 1, year: 2015, field: 'payouts' }, code: 'required', params: {} },
    ]);
  });
  it('locates a row by its number alone when its year is not a whole number, and does not order it', () => {
    const r = codes.validateHistoryRows([
      { year: 2016, members: 1, contributions: 1, payouts: 1 },
      { year: 2015.5, members: 1, contributions: 1, payouts: 1 },
      { year: '2014', members: 1, contributions: 1, payouts: 1 },
    ]);
    // toStrictEqual: the place has no year key at all.
    expect(!r.ok && r.problems).toStrictEqual([
      { at: { row: 2, field: 'year' }, code: 'yearRange', params: { min: 1900, max: 2100 } },
      { at: { row: 3, field: 'year' }, code: 'notNumber', params: { text: '2014' } },
    ]);
  });
  it('returns every good row, in order, when there is no problem', () => {
    const rows = [
      { year: 2015, members: 10, contributions: null, payouts: 1 },
      { year: 2017, members: 20, contributions: 5, payouts: 2, claimants: 3 },
    ];
    expect(codes.validateHistoryRows(rows)).toStrictEqual({
      ok: true,
      rows: [
        { year: 2015, members: 10, contributions: null, payouts: 1 },
        { year: 2017, members: 20, contributions: 5, payouts: 2, claimants: 3 },
      ],
    });
  });
});

describe('historyProblem', () => {
  it('puts a place before a code and its parameters', () => {
    expect(historyProblem({ line: 4, column: 'payouts' }, 'required')).toEqual({
      at: { line: 4, column: 'payouts' },
      code: 'required',
      params: {},
    });
    expect(historyProblem({ path: 'years' }, 'calNoClaimants')).toEqual({
      at: { path: 'years' },
      code: 'calNoClaimants',
      params: {},
    });
  });
});
