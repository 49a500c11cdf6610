/**
 * A sheet read as the CSV's records (src/history/sheetRecords.ts) and through the table readers:
 * the same rows and the same problems as the CSV that holds the same text, every refused cell at
 * its address, later problems moved to their cells, Chinese column names as the English ones.
 */
import { describe, expect, it } from 'vitest';
import {
  canonicalColumn,
  cellRef,
  columnLetters,
  headerScale,
  headerCounts,
  HISTORY_ALIASES,
  isRegionTable,
  parseHistory,
  parseRegions,
  REGION_ALIASES,
  sheetRecords,
  sheetRef,
  type SheetRecords,
  type SheetRow,
} from '../../src/history/index.ts';
import { parseClaims } from '../../src/history/parseClaims.ts';
import { parseDistricts } from '../../src/history/parseDistricts.ts';
import { worded } from './worded.ts';

/** Rows as exceljs gives them: values by column number from 1 (index 0 unused). */
const rows = (...rs: unknown[][]): SheetRow[] =>
  rs.map((r, i) => ({ row: i + 1, values: [undefined, ...r] }));

/** The problems of a table reader's result, worded in English (none when it read). */
const problemsOf = (r: ReturnType<typeof parseHistory>) => (r.ok ? [] : worded(r).problems);

const sheet = (rs: SheetRow[], name = 'Sheet1', maxRows?: number): SheetRecords => {
  const r = sheetRecords(name, rs, maxRows);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const { ok: _, ...s } = r;
  void _;
  return s;
};

describe('column letters and cell references', () => {
  it('name columns A…Z, AA…AZ, BA, ZZ, AAA as Excel does', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703].map(columnLetters)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
  it('quote a sheet name with spaces or punctuation, doubling its quotes; not a plain or Chinese one', () => {
    expect(sheetRef('Sheet1')).toBe('Sheet1');
    expect(sheetRef('\u5386\u5e74')).toBe('\u5386\u5e74');
    expect(sheetRef('My data')).toBe("'My data'");
    expect(sheetRef("Bob's")).toBe("'Bob''s'");
    expect(sheetRef('2015')).toBe("'2015'");
    expect(cellRef('Sheet1', 3, 4)).toBe('Sheet1!C4');
  });
});

describe('Chinese column names', () => {
  it('stand for the English ones, trimmed, with a unit of yuan or persons in brackets', () => {
    expect(canonicalColumn(' \u5e74\u4efd ', HISTORY_ALIASES)).toBe('year');
    expect(canonicalColumn('\u53c2\u4fdd\u4eba\u6570\uff08\u4eba\uff09', HISTORY_ALIASES)).toBe('members');
    expect(canonicalColumn('\u652f\u51fa(\u5143)', HISTORY_ALIASES)).toBe('payouts');
    expect(canonicalColumn('\u7b79\u96c6\u91d1\u989d', HISTORY_ALIASES)).toBe('contributions');
    expect(canonicalColumn('\u53d7\u76ca\u4eba\u6b21', HISTORY_ALIASES)).toBe('claimants');
    expect(canonicalColumn('\u53d7\u76ca\u4eba\u6b21', REGION_ALIASES)).toBe('claims');
    expect(canonicalColumn('Payouts (yuan)', HISTORY_ALIASES)).toBe('payouts');
    expect(canonicalColumn('\u3000YEAR\u3000', HISTORY_ALIASES)).toBe('year');
  });
  it('read a unit of ten thousand (万元, 万人, 万) as the same column, its figures × 10,000', () => {
    expect(canonicalColumn('\u652f\u51fa\uff08\u4e07\u5143\uff09', HISTORY_ALIASES)).toBe('payouts');
    expect(canonicalColumn('Payouts (10,000 yuan)', HISTORY_ALIASES)).toBe('payouts');
    expect(headerScale('\u652f\u51fa\uff08\u4e07\u5143\uff09')).toBe(10_000);
    expect(headerScale('\u53c2\u4fdd\u4eba\u6570(\u4e07\u4eba)')).toBe(10_000);
    expect(headerScale('\u53c2\u4fdd\u4eba\u6570(\u4e07\u4eba\u6b21)')).toBe(10_000);
    // and 万人 counts people, 万人次 times, as 人 and 人次 do; 万 or 万元 says nothing of it.
    expect(headerCounts('\u53c2\u4fdd\u4eba\u6570\uff08\u4e07\u4eba\uff09')).toBe('people');
    expect(headerCounts('\u53c2\u4fdd\u4eba\u6570(\u4e07\u4eba\u6b21)')).toBe('times');
    expect(headerCounts('\u53c2\u4fdd\u4eba\u6570\uff08\u4e07\uff09')).toBe(null);
    expect(headerCounts('\u652f\u51fa\uff08\u4e07\u5143\uff09')).toBe(null);
    expect(headerScale('payouts (10k yuan)')).toBe(10_000);
    expect(headerScale('\u652f\u51fa\uff08\u5143\uff09')).toBe(1);
    expect(headerScale('\u652f\u51fa')).toBe(1);
  });
  it('read Wenzhou given in 万元 and 万人次 as data/wenzhou.csv in yuan and enrolments', () => {
    // data/wenzhou.csv: 2014,91449,7623069,1500000,507 and 2015,332874,9986220,4020000,2236.
    const yuan = parseHistory(
      'year,members (\u4eba\u6b21),contributions,payouts,claimants\n2014,91449,7623069,1500000,507\n2015,332874,9986220,4020000,2236\n',
    );
    const wan = parseHistory(
      '\u5e74\u4efd,\u53c2\u4fdd\u4eba\u6570(\u4e07\u4eba\u6b21),\u4e92\u52a9\u91d1\u6536\u5165\uff08\u4e07\u5143\uff09,\u652f\u51fa\uff08\u4e07\u5143\uff09,\u53d7\u76ca\u4eba\u6b21\n' +
        '2014,9.1449,762.3069,150,507\n2015,33.2874,998.622,402,2236\n',
    );
    expect(wan).toEqual(yuan);
    expect(yuan.ok).toBe(true);
  });
  it('scale 万 exactly: 0.07 万元 is 700 yuan, not 0.07 × 10,000 = 700.0000000000001', () => {
    const r = parseRegions('region,paid (\u4e07\u5143)\nA,0.07\nB,1.1e2\nC,402.1234\n');
    expect(r).toEqual({
      ok: true,
      regions: [
        { name: 'A', paid: 700 },
        { name: 'B', paid: 1_100_000 },
        { name: 'C', paid: 4_021_234 },
      ],
    });
  });
  it('check a figure in 万 by the yuan it stands for: a fen too many is refused, a unit in the cell as before', () => {
    expect(
      problemsOf(parseHistory('year,members,contributions,payouts (\u4e07\u5143)\n2015,1,1,402.123456\n')),
    ).toEqual([]);
    expect(
      problemsOf(parseHistory('year,members,contributions,payouts (\u4e07\u5143)\n2015,1,1,402.1234567\n')),
    ).toEqual([{ path: 'line 2, payouts', message: 'must have at most 2 decimals (yuan to the fen)' }]);
    expect(
      problemsOf(parseHistory('year,members (\u4e07\u4eba),contributions,payouts\n2015,1.23456,1,1\n')),
    ).toEqual([{ path: 'line 2, members', message: expect.stringMatching(/whole number/) }]);
    expect(
      problemsOf(parseHistory('year,members,contributions,payouts (\u4e07\u5143)\n2015,1,1,402\u4e07\n')),
    ).toEqual([{ path: 'line 2, payouts', message: expect.stringMatching(/not "402\u4e07"/) }]);
  });
  it('refuse the same column given both in yuan and in 万元, rather than read one and drop the other', () => {
    expect(
      problemsOf(
        parseHistory(
          'year,members,contributions,\u652f\u51fa,\u652f\u51fa(\u4e07\u5143)\n2015,1,1,4020000,402\n',
        ),
      ),
    ).toEqual([{ path: 'line 1, payouts', message: 'column "payouts" appears twice' }]);
  });
  it('read a CSV with Chinese headers as the same CSV with English ones', () => {
    const en = parseHistory('year,members,contributions,payouts,claimants\n2014,91449,7623069,1500000,507\n');
    const zh = parseHistory(
      '\u5e74\u4efd,\u53c2\u4fdd\u4eba\u6570,\u4e92\u52a9\u91d1\u6536\u5165,\u652f\u51fa,\u53d7\u76ca\u4eba\u6b21\n2014,91449,7623069,1500000,507\n',
    );
    expect(zh).toEqual(en);
    expect(en).toEqual({
      ok: true,
      rows: [{ year: 2014, members: 91449, contributions: 7623069, payouts: 1500000, claimants: 507 }],
    });
  });
  it('make a region table with 地区 a region table', () => {
    expect(isRegionTable('\u5730\u533a,\u652f\u51fa\nA,1\n')).toBe(true);
    expect(isRegionTable('year,payouts\n')).toBe(false);
    expect(isRegionTable(sheet(rows(['\u5730\u533a', '\u652f\u51fa'], ['A', 1])))).toBe(true);
    expect(isRegionTable(sheet(rows(['year', 'payouts'], [2015, 1])))).toBe(false);
  });
});

describe('a sheet read as records', () => {
  it('gives numbers as the text that reads back as the same number, text as itself, blanks as empty', () => {
    const s = sheet(rows(['year', 'members', 'payouts'], [2015, 0.1 + 0.2, '4,020,000'], [2016, null, 1e21]));
    expect(s.records).toEqual([
      { line: 1, fields: ['year', 'members', 'payouts'] },
      { line: 2, fields: ['2015', '0.30000000000000004', '4,020,000'] },
      { line: 3, fields: ['2016', '', '1e+21'] },
    ]);
    expect(s.columns).toEqual([1, 2, 3]);
  });
  it('reads a formula by its saved result, rich text and links by their text', () => {
    const s = sheet(
      rows(
        ['year', { richText: [{ text: 'mem' }, { text: 'bers' }] }],
        [
          { formula: '2014+1', result: 2015 },
          { sharedFormula: 'B2', result: 720000 },
        ],
        [{ text: '2016', hyperlink: 'http://x' }, '7'],
      ),
    );
    expect(s.records.map((r) => r.fields)).toEqual([
      ['year', 'members'],
      ['2015', '720000'],
      ['2016', '7'],
    ]);
    expect(s.problems).toEqual([]);
  });
  it('refuses dates, true/false, error values, formulas without a result and unknown values, each at its cell', () => {
    const s = sheet(
      rows(
        ['year', 'members', 'contributions', 'payouts'],
        [new Date(Date.UTC(2015, 0, 1)), true, { error: '#DIV/0!' }, { formula: 'SUM(A1:A2)' }],
        [2016, { formula: 'X', result: { error: '#REF!' } }, Symbol.iterator, { other: 1 }],
      ),
      'Data 1',
    );
    expect(worded(s).problems).toEqual([
      { path: "'Data 1'!A2", message: 'is a date (2015-01-01), not a number: write the value as a number' },
      { path: "'Data 1'!B2", message: 'is TRUE, not a number' },
      { path: "'Data 1'!C2", message: 'is an error value (#DIV/0!), not a number' },
      {
        path: "'Data 1'!D2",
        message:
          'is a formula (=SUM(A1:A2)) with no saved result: open and save the workbook in Excel or WPS, or paste the values',
      },
      { path: "'Data 1'!B3", message: 'is an error value (#REF!), not a number' },
      { path: "'Data 1'!C3", message: 'holds a value that is neither text nor a number' },
      { path: "'Data 1'!D3", message: 'holds a value that is neither text nor a number' },
    ]);
    expect(worded(sheet(rows(['year'], [new Date(NaN)]))).problems[0].message).toMatch(
      /^is a date \(Invalid Date\)/,
    );
  });
  it('takes the first filled row as the header and its filled cells as the columns; a value outside is refused', () => {
    const s = sheet([
      { row: 3, values: [undefined, undefined, 'year', 'payouts'] },
      { row: 4, values: [undefined, undefined, 2015, 5] },
      { row: 5, values: [undefined, 'note', 2016, 6, 'x'] },
      { row: 6, values: [undefined, '  ', 2017, 7, ''] },
    ]);
    expect(s.columns).toEqual([2, 3]);
    expect(s.records.map((r) => [r.line, ...r.fields])).toEqual([
      [3, 'year', 'payouts'],
      [4, '2015', '5'],
      [5, '2016', '6'],
      [6, '2017', '7'],
    ]);
    expect(worded(s).problems).toEqual([
      { path: 'Sheet1!A5', message: 'has a value outside the table (its header ends at column C)' },
      { path: 'Sheet1!D5', message: 'has a value outside the table (its header ends at column C)' },
    ]);
  });
  it('leaves out rows with no value and reads an empty sheet as no records', () => {
    expect(sheet(rows([null, ''], ['year'], [' ', undefined], [2015])).records.map((r) => r.line)).toEqual([
      2, 4,
    ]);
    expect(sheet([])).toEqual({ sheet: 'Sheet1', records: [], columns: [], problems: [] });
  });
  it('refuses more rows than the limit (after the header) and more columns than 50, before reading a cell', () => {
    const many = rows(['cost'], ...Array.from({ length: 11 }, (_, i) => [i + 1]));
    expect(sheetRecords('S', many, 11).ok).toBe(true);
    expect(worded(sheetRecords('S', [...many, { row: 13, values: [undefined, 12] }], 11))).toEqual({
      ok: false,
      problems: [{ path: 'S!13:13', message: 'more than 11 data rows' }],
    });
    const wide = Array.from({ length: 51 }, (_, i) => `c${i}`);
    expect(sheetRecords('S', rows(wide.slice(0, 50))).ok).toBe(true);
    expect(worded(sheetRecords('S', rows(wide)))).toEqual({
      ok: false,
      problems: [{ path: 'S', message: 'has more than 50 columns with values' }],
    });
  });
});

describe('a sheet through the table readers', () => {
  const HEAD = ['\u5e74\u4efd', '\u53c2\u4fdd\u4eba\u6570', '\u4e92\u52a9\u91d1\u6536\u5165', '\u652f\u51fa'];
  it('gives the rows of the same CSV', () => {
    const r = parseHistory(
      sheet(rows(HEAD, [2014, 91449, 7623069, 1500000], [2015, 332874, 9986220, 4020000])),
    );
    expect(r).toEqual(
      parseHistory(
        'year,members,contributions,payouts\n2014,91449,7623069,1500000\n2015,332874,9986220,4020000\n',
      ),
    );
  });
  it('moves each problem to its cell, named by its column; a problem of a header or a whole row to the row', () => {
    const s = sheet([
      { row: 2, values: [undefined, undefined, ...HEAD, 'x'] },
      { row: 3, values: [undefined, undefined, 2015, 1.5, '4,020,000', new Date(Date.UTC(2015, 5, 1)), 1] },
      { row: 4, values: [undefined, undefined, 2015, 10, 10, 10, 1] },
    ]);
    expect(problemsOf(parseHistory(s))).toEqual([
      {
        path: 'Sheet1!F2 (x)',
        message:
          'unknown column "x" (allowed: year, members, contributions, payouts, claimants, months, projects)',
      },
      { path: 'Sheet1!C3 (members)', message: 'must be a whole number from 1 to 1,000,000,000' },
      {
        path: 'Sheet1!D3 (contributions)',
        message: 'must be written without thousands separators or units, not "4,020,000"',
      },
      { path: 'Sheet1!E3', message: 'is a date (2015-06-01), not a number: write the value as a number' },
      { path: 'Sheet1!B4 (year)', message: 'must come after 2015 (years strictly increasing)' },
    ]);
    const header = problemsOf(parseHistory(sheet(rows(['year', 'members', 'payouts'], [2015, 1, 1]), 'S')));
    expect(header).toEqual([
      {
        path: 'S!1:1',
        message:
          'the header has no column "contributions" (the columns are year, members, contributions, payouts, claimants, months, projects)',
      },
    ]);
  });
  it('says an empty sheet is empty, at the sheet', () => {
    expect(problemsOf(parseHistory(sheet([], 'S')))).toEqual([
      {
        path: 'S',
        message:
          'is empty: a header row is needed (year,members,contributions,payouts,claimants,months,projects)',
      },
    ]);
  });
  it('applies the table’s own row limit (1,000 years) at the row it is passed', () => {
    const many = rows(HEAD, ...Array.from({ length: 1001 }, (_, i) => [1000 + i, 1, 1, 1]));
    expect(worded(parseHistory(sheet(many)))).toEqual({
      ok: false,
      problems: [{ path: 'Sheet1!1002:1002', message: 'more than 1000 data rows' }],
    });
  });
  it('reads regions and claims as their CSVs, with their Chinese names', () => {
    const regions = sheet(
      rows(['\u5730\u533a', '\u53d7\u76ca\u4eba\u6b21', '\u652f\u4ed8\u91d1\u989d'], ['A', 10, 5000]),
    );
    expect(parseRegions(regions)).toEqual(parseRegions('region,claims,paid\nA,10,5000\n'));
    expect(parseRegions(regions)).toEqual({ ok: true, regions: [{ name: 'A', claims: 10, paid: 5000 }] });
    expect(parseClaims(sheet(rows(['\u8d39\u7528'], [1200], [35000.5])))).toEqual({
      ok: true,
      costs: [1200, 35000.5],
    });
    expect(parseClaims(sheet(rows([1200], [35000.5])))).toEqual({ ok: true, costs: [1200, 35000.5] });
    expect(worded(parseClaims(sheet(rows([1200], [-1]), 'C')))).toEqual({
      ok: false,
      problems: [{ path: 'C!A2 (cost)', message: 'must be greater than 0' }],
    });
  });
  it('reads districts as their CSV, with their Chinese names, each problem at its cell; claim costs in 万元 × 10,000', () => {
    const zh = ['\u533a\u53bf', '\u5e74\u4efd', '\u53c2\u4fdd\u4eba\u6570', '\u53d7\u76ca\u4eba\u6b21'];
    const districts = sheet(rows(zh, ['A', 2020, 1000, 40], ['B', 2020, 800, 25]), '\u533a\u53bf');
    expect(parseDistricts(districts)).toEqual(
      parseDistricts('district,year,members,claimants\nA,2020,1000,40\nB,2020,800,25\n'),
    );
    expect(parseDistricts(districts)).toEqual({
      ok: true,
      districts: [
        { name: 'A', years: [{ year: 2020, members: 1000, claimants: 40 }] },
        { name: 'B', years: [{ year: 2020, members: 800, claimants: 25 }] },
      ],
    });
    expect(worded(parseDistricts(sheet(rows(zh, ['A', 2020, 0, 40], ['', 2021, 800, 2.5]), 'D')))).toEqual({
      ok: false,
      problems: [
        { path: 'D!C2 (members)', message: expect.stringMatching(/whole number from 1/) },
        { path: 'D!A3 (district)', message: expect.stringMatching(/blank/) },
        { path: 'D!D3 (claimants)', message: expect.stringMatching(/whole number from 0/) },
      ],
    });
    expect(parseClaims(sheet(rows(['\u8d39\u7528(\u4e07\u5143)'], [0.12], [3.50005])))).toEqual({
      ok: true,
      costs: [1200, 35000.5],
    });
  });
});
