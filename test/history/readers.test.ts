/**
 * The three other history-side readers (claims, regions, districts) and the header sniffer, at
 * the edges their doc comments state: an empty file, a missing column (its cells then read as
 * blank), the problem cap of a claim file (100 listed, then a count), the plain-list test of a
 * claim file, only the first 4 KiB looked at, names trimmed, counts absent when blank.
 * Results are compared as codes and parameters (src/history returns no words).
 */
import { describe, expect, it } from 'vitest';
import { isRegionTable, parseClaims, parseDistricts, parseRegions } from '../../src/history/index.ts';

const empty = (columns: string) => ({
  ok: false,
  problems: [{ at: { line: 1 }, code: 'emptyFile', params: { columns } }],
});

describe('an empty file', () => {
  it('is refused by each reader, naming its columns', () => {
    expect(parseClaims('')).toEqual(empty('cost'));
    expect(parseRegions('')).toEqual(empty('region,member-years,claimants,claims,paid'));
    expect(parseDistricts('')).toEqual(empty('district,year,members,claimants'));
    expect(parseDistricts('\n\n,,\n')).toEqual(empty('district,year,members,claimants'));
  });
});

describe('parseClaims', () => {
  const bad = (n: number) => `cost\n${Array(n).fill('-1').join('\n')}\n`;
  it('lists exactly 100 bad costs without a count', () => {
    const r = parseClaims(bad(100));
    expect(!r.ok && r.problems.length).toBe(100);
    expect(!r.ok && r.problems[99]).toEqual({
      at: { line: 101, column: 'cost' },
      code: 'positive',
      params: {},
    });
  });
  it('lists the first 100 of 101 bad costs and counts the one more', () => {
    const r = parseClaims(bad(101));
    expect(!r.ok && r.problems.length).toBe(101);
    expect(!r.ok && r.problems[99].at).toEqual({ line: 101, column: 'cost' });
    expect(!r.ok && r.problems[100]).toEqual({
      at: { path: 'costs' },
      code: 'moreProblems',
      params: { count: 1 },
    });
  });
  it('lists the first 100 of 250 and counts 150 more', () => {
    const r = parseClaims(bad(250));
    expect(!r.ok && r.problems.length).toBe(101);
    expect(!r.ok && r.problems[100].params).toEqual({ count: 150 });
  });
  it('takes a first line of two numbers as a header (unknown columns), not as a plain list', () => {
    const r = parseClaims('12,5\n7\n');
    expect(!r.ok && r.problems.map((p) => [p.at, p.code])).toEqual([
      [{ line: 1, column: '12' }, 'unknownColumn'],
      [{ line: 1, column: '5' }, 'unknownColumn'],
      [{ line: 1 }, 'missingColumn'],
      [{ line: 2 }, 'fieldCount'],
    ]);
  });
  it('requires the cost column', () => {
    const r = parseClaims('price\n12\n');
    expect(!r.ok && r.problems).toEqual([
      {
        at: { line: 1, column: 'price' },
        code: 'unknownColumn',
        params: { column: 'price', allowed: ['cost'] },
      },
      { at: { line: 1 }, code: 'missingColumn', params: { column: 'cost', columns: 'cost' } },
    ]);
  });
  it('decides plain or not on the first 4 KiB only: a number after 5,000 blank lines is read as a header', () => {
    const r = parseClaims(`${'\n'.repeat(5000)}1200\n35000.5\n`);
    expect(!r.ok && r.problems.map((p) => [p.at, p.code])).toEqual([
      [{ line: 5001, column: '1200' }, 'unknownColumn'],
      [{ line: 5001 }, 'missingColumn'],
    ]);
    expect(parseClaims(`\n\n1200\n35000.5\n`)).toEqual({ ok: true, costs: [1200, 35000.5] });
  });
});

describe('parseRegions', () => {
  it('leaves a count out when its cell is blank (not even as undefined)', () => {
    const r = parseRegions('region,paid,member-years,claimants,claims\nA,100,,,\nB,200,10,2,3\n');
    expect(r).toStrictEqual({
      ok: true,
      regions: [
        { name: 'A', paid: 100 },
        { name: 'B', paid: 200, members: 10, claimants: 2, claims: 3 },
      ],
    });
  });
  it('checks paid as money', () => {
    const r = parseRegions('region,paid\nA,-1\nB,10.001\n');
    expect(!r.ok && r.problems).toEqual([
      { at: { line: 2, column: 'paid' }, code: 'moneyRange', params: { max: 1e12 } },
      { at: { line: 3, column: 'paid' }, code: 'moneyDecimals', params: {} },
    ]);
  });
  it('trims names and checks claimants and claims as whole numbers from 0', () => {
    const r = parseRegions('region,paid,claimants,claims\n A ,1,0,0\nB,1,-1,1.5\n');
    expect(!r.ok && r.problems).toEqual([
      { at: { line: 3, column: 'claimants' }, code: 'wholeRange', params: { min: 0, max: 1e9 } },
      { at: { line: 3, column: 'claims' }, code: 'wholeRange', params: { min: 0, max: 1e9 } },
    ]);
    expect(parseRegions('region,paid\n A ,1\n')).toEqual({ ok: true, regions: [{ name: 'A', paid: 1 }] });
  });
  it('checks member-years from 1 and claimants from 0', () => {
    const r = parseRegions('region,paid,member-years,claimants\nA,1,0,0\n');
    expect(!r.ok && r.problems).toEqual([
      { at: { line: 2, column: 'member-years' }, code: 'wholeRange', params: { min: 1, max: 1e9 } },
    ]);
  });
  it('without a region column, says so once and finds every name blank', () => {
    const r = parseRegions('paid\n100\n');
    expect(!r.ok && r.problems).toEqual([
      {
        at: { line: 1 },
        code: 'missingColumn',
        params: { column: 'region', columns: 'region, member-years, claimants, claims, paid' },
      },
      { at: { line: 2, column: 'region' }, code: 'blank', params: {} },
    ]);
  });
});

describe('parseDistricts', () => {
  it('trims names, so " A " and "A" are one district', () => {
    const r = parseDistricts('district,year,members,claimants\n A ,2020,100,4\nA,2021,110,5\n');
    expect(r).toEqual({
      ok: true,
      districts: [
        {
          name: 'A',
          years: [
            { year: 2020, members: 100, claimants: 4 },
            { year: 2021, members: 110, claimants: 5 },
          ],
        },
      ],
    });
  });
  it('requires every cell: a blank one is "required", naming its column', () => {
    const r = parseDistricts('district,year,members,claimants\nA,2020,,40\nB,,1,\n');
    expect(!r.ok && r.problems).toEqual([
      { at: { line: 2, column: 'members' }, code: 'required', params: {} },
      { at: { line: 3, column: 'year' }, code: 'required', params: {} },
      { at: { line: 3, column: 'claimants' }, code: 'required', params: {} },
    ]);
  });
  it('reads the cells of a missing column as blank: the column is named once, each row asks for it', () => {
    const r = parseDistricts('district,year,members\nA,2020,100\n');
    expect(!r.ok && r.problems).toEqual([
      {
        at: { line: 1 },
        code: 'missingColumn',
        params: { column: 'claimants', columns: 'district, year, members, claimants' },
      },
      { at: { line: 2, column: 'claimants' }, code: 'required', params: {} },
    ]);
  });
});

describe('isRegionTable', () => {
  it('looks at the header within the first 4 KiB only', () => {
    expect(isRegionTable('\n\nregion,paid\nA,1\n')).toBe(true);
    expect(isRegionTable(`${'\n'.repeat(5000)}region,paid\nA,1\n`)).toBe(false);
  });
});
