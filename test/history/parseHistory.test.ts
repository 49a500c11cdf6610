import { describe, expect, it } from 'vitest';
import { MAX_HISTORY_ROWS } from '../../src/history/parseHistory.ts';
import { parseHistory, validateHistoryRows } from './worded.ts';
import * as codes from '../../src/history/index.ts';

const HEADER = 'year,members,contributions,payouts';

describe('parseHistory: reading', () => {
  it('reads the example of its doc comment', () => {
    expect(parseHistory(`${HEADER}\n2015,720000,25920000,15350000\n`)).toEqual({
      ok: true,
      rows: [{ year: 2015, members: 720000, contributions: 25920000, payouts: 15350000 }],
    });
  });
  it('takes the columns in any order and any case, with claimants optional', () => {
    const r = parseHistory(
      'Payouts, CLAIMANTS ,year,contributions,members\r\n4020000,2236,2015,9986220,332874\r\n',
    );
    expect(r).toEqual({
      ok: true,
      rows: [{ year: 2015, members: 332874, contributions: 9986220, payouts: 4020000, claimants: 2236 }],
    });
  });
  it('tolerates a byte order mark, CRLF, blank lines and spaces around numbers', () => {
    const r = parseHistory(
      `\uFEFF${HEADER}\r\n\r\n 2014 , 91449 ,7623069, 1500000\r\n\r\n2015,332874,9986220,4020000\r\n`,
    );
    expect(r.ok && r.rows.map((x) => x.year)).toEqual([2014, 2015]);
  });
  it('reads a blank contributions cell as not reported (null) and a blank claimants cell as absent', () => {
    const r = parseHistory(`${HEADER},claimants\n2019,46703,,90000,\n`);
    expect(r).toEqual({
      ok: true,
      rows: [{ year: 2019, members: 46703, contributions: null, payouts: 90000 }],
    });
  });
  it('reads exponents and fen', () => {
    const r = parseHistory(`${HEADER}\n2020,152160,27285600,9111314.67\n2021,1e5,4.02e6,0\n`);
    expect(r.ok && r.rows[0].payouts).toBe(9111314.67);
    expect(r.ok && r.rows[1].contributions).toBe(4020000);
  });
});

describe('parseHistory: problems, all at once, located by line and column', () => {
  it('reports every bad cell of every row', () => {
    const r = parseHistory(`${HEADER},claimants\n2014,0,-1,abc,1.5\n2015,100.5,10.001,"4,020,000",-2\n`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { path: 'line 2, members', message: 'must be a whole number from 1 to 1,000,000,000' },
      { path: 'line 2, contributions', message: 'must be an amount from 0 to 1,000,000,000,000 yuan' },
      { path: 'line 2, payouts', message: 'must be a number, not "abc"' },
      { path: 'line 2, claimants', message: 'must be a whole number from 0 to 1,000,000,000' },
      { path: 'line 3, members', message: 'must be a whole number from 1 to 1,000,000,000' },
      { path: 'line 3, contributions', message: 'must have at most 2 decimals (yuan to the fen)' },
      {
        path: 'line 3, payouts',
        message: 'must be written without thousands separators or units, not "4,020,000"',
      },
      { path: 'line 3, claimants', message: 'must be a whole number from 0 to 1,000,000,000' },
    ]);
  });
  it('asks for the required cells and refuses units', () => {
    const r = parseHistory(`${HEADER}\n,1000,,402万\n`);
    expect(!r.ok && r.problems).toEqual([
      { path: 'line 2, year', message: 'is required' },
      {
        path: 'line 2, payouts',
        message: 'must be written without thousands separators or units, not "402万"',
      },
    ]);
  });
  it('requires years strictly increasing whole years from 1900 to 2100', () => {
    const r = parseHistory(
      `${HEADER}\n2016,1,1,1\n2016,1,1,1\n2015,1,1,1\n2017.5,1,1,1\n1800,1,1,1\n2018,1,1,1\n`,
    );
    expect(!r.ok && r.problems).toEqual([
      { path: 'line 3, year', message: 'must come after 2016 (years strictly increasing)' },
      { path: 'line 4, year', message: 'must come after 2016 (years strictly increasing)' },
      { path: 'line 5, year', message: 'must be a whole year from 1900 to 2100' },
      { path: 'line 6, year', message: 'must be a whole year from 1900 to 2100' },
    ]);
  });
  it('refuses an extra column clearly, and still checks the other columns', () => {
    const r = parseHistory(`${HEADER},region\n2015,0,1,1,Wenzhou\n`);
    expect(!r.ok && r.problems).toEqual([
      {
        path: 'line 1, region',
        message:
          'unknown column "region" (allowed: year, members, contributions, payouts, claimants, months, projects)',
      },
      { path: 'line 2, members', message: 'must be a whole number from 1 to 1,000,000,000' },
    ]);
  });
  it('reports missing, duplicate and unnamed columns once, not on every row', () => {
    const r = parseHistory('year,members,members,,claimants\n2015,1,1,,1\n2016,1,1,,1\n');
    expect(!r.ok && r.problems).toEqual([
      { path: 'line 1, members', message: 'column "members" appears twice' },
      { path: 'line 1', message: 'a column has no name' },
      {
        path: 'line 1',
        message:
          'the header has no column "contributions" (the columns are year, members, contributions, payouts, claimants, months, projects)',
      },
      {
        path: 'line 1',
        message:
          'the header has no column "payouts" (the columns are year, members, contributions, payouts, claimants, months, projects)',
      },
    ]);
  });
  it('reports a row with the wrong number of fields', () => {
    const r = parseHistory(`${HEADER}\n2015,1,1\n2016,1,1,1,1\n`);
    expect(!r.ok && r.problems).toEqual([
      { path: 'line 2', message: 'has 3 fields, the header has 4' },
      { path: 'line 3', message: 'has 5 fields, the header has 4' },
    ]);
  });
  it('reports an empty file, a header without rows, and a quote never closed', () => {
    expect(parseHistory('')).toEqual({
      ok: false,
      problems: [
        {
          path: 'line 1',
          message:
            'is empty: a header row is needed (year,members,contributions,payouts,claimants,months,projects)',
        },
      ],
    });
    expect(parseHistory(`${HEADER}\n\n`)).toEqual({
      ok: false,
      problems: [{ path: 'line 1', message: 'has a header but no data rows' }],
    });
    const r = parseHistory(`${HEADER}\n2015,1,"1,1\n`);
    expect(!r.ok && r.problems[0]).toEqual({
      path: 'line 2',
      message: 'a quoted field is not closed (a " is missing)',
    });
  });
  it('refuses more than 1,000 rows and more than 10 MB before reading them', () => {
    const rows = Array.from({ length: MAX_HISTORY_ROWS + 1 }, (_, i) => `${1900 + (i % 200)},1,1,1`).join(
      '\n',
    );
    expect(parseHistory(`${HEADER}\n${rows}`)).toEqual({
      ok: false,
      problems: [{ path: 'line 1002', message: 'more than 1000 data rows' }],
    });
    const big = `${HEADER}\n${' '.repeat(10 * 1024 * 1024)}`;
    expect(parseHistory(big)).toEqual({
      ok: false,
      problems: [{ path: 'line 1', message: 'the text is larger than 10 MB' }],
    });
  });
  it('speaks Chinese when asked, the column names kept', () => {
    const r = parseHistory(`${HEADER}\n2015,0,1,1\n`, { lang: 'zh' });
    expect(!r.ok && r.problems).toEqual([
      { path: '第 2 行，members', message: '必须是 1 到 1,000,000,000 之间的整数' },
    ]);
  });
  it('never throws, whatever the text', () => {
    for (const text of [
      '"',
      '\uFEFF',
      ',,,\n,,,',
      'year\n"',
      '\r\r\r',
      `${HEADER}\n${'"'.repeat(7)}`,
      '\u0000,\u0000',
    ]) {
      expect(() => parseHistory(text)).not.toThrow();
      expect(parseHistory(text).ok).toBe(false);
    }
  });
});

describe('validateHistoryRows: rows built in memory', () => {
  it('accepts good rows as parseHistory would', () => {
    expect(
      validateHistoryRows([{ year: 2015, members: 720000, contributions: 25920000, payouts: 15350000 }]),
    ).toEqual(parseHistory(`${HEADER}\n2015,720000,25920000,15350000\n`));
  });
  it('locates problems as row N (year Y).field', () => {
    const r = validateHistoryRows([
      { year: 2016, members: 10, contributions: null, payouts: 1 },
      { year: 2017, members: 0, contributions: 1, payouts: '1', extra: 1 },
      { year: 2016, members: 1, contributions: 1, payouts: 1 },
    ]);
    expect(!r.ok && r.problems).toEqual([
      {
        path: 'row 2 (year 2017).extra',
        message:
          'unknown column "extra" (allowed: year, members, contributions, payouts, claimants, months, projects)',
      },
      { path: 'row 2 (year 2017).members', message: 'must be a whole number from 1 to 1,000,000,000' },
      { path: 'row 2 (year 2017).payouts', message: 'must be a number, not "1"' },
      { path: 'row 3 (year 2016).year', message: 'must come after 2017 (years strictly increasing)' },
    ]);
  });
  it('names a row without a readable year by its number alone', () => {
    const r = validateHistoryRows([{ members: 1, contributions: 1, payouts: 1 }]);
    expect(!r.ok && r.problems).toEqual([{ path: 'row 1.year', message: 'is required' }]);
  });
});

describe('parseHistory and validateHistoryRows return codes, not words', () => {
  it('gives each problem its place as data, its code and its parameters', () => {
    const r = codes.parseHistory(`${HEADER}\n2014,0,1,abc\n,1000,,402万\n`);
    expect(!r.ok && r.problems).toEqual([
      { at: { line: 2, column: 'members' }, code: 'wholeRange', params: { min: 1, max: 1e9 } },
      { at: { line: 2, column: 'payouts' }, code: 'notNumber', params: { text: 'abc' } },
      { at: { line: 3, column: 'year' }, code: 'required', params: {} },
      { at: { line: 3, column: 'payouts' }, code: 'thousandsSeparator', params: { text: '402万' } },
    ]);
    expect(codes.parseHistory(`${HEADER}\n`)).toEqual({
      ok: false,
      problems: [{ at: { line: 1 }, code: 'noRows', params: {} }],
    });
    const v = codes.validateHistoryRows([{ year: 2015, members: 0, contributions: 1, payouts: 1 }]);
    expect(!v.ok && v.problems).toEqual([
      { at: { row: 1, year: 2015, field: 'members' }, code: 'wholeRange', params: { min: 1, max: 1e9 } },
    ]);
  });
});
