import { describe, expect, it } from 'vitest';
import { isRegionTable } from '../../src/history/index.ts';
import { parseDistricts } from './worded.ts';

describe('parseDistricts', () => {
  it('groups the rows by district, in any column order and case', () => {
    const r = parseDistricts(
      'Year,District,claimants,MEMBERS\n2020,A,40,1000\n2020,B,9,300\n2021,A,44,1100\n',
    );
    expect(r).toEqual({
      ok: true,
      districts: [
        {
          name: 'A',
          years: [
            { year: 2020, members: 1000, claimants: 40 },
            { year: 2021, members: 1100, claimants: 44 },
          ],
        },
        { name: 'B', years: [{ year: 2020, members: 300, claimants: 9 }] },
      ],
    });
  });
  it('reports every bad cell at once, located by line and column', () => {
    const r = parseDistricts('district,year,members,claimants\n,2020,0,4\nB,2020,100,-1\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual([
      'line 2, district',
      'line 2, members',
      'line 3, claimants',
    ]);
  });
  it('reports a missing column', () => {
    const r = parseDistricts('district,year,members\nA,2020,100\n');
    expect(r.ok).toBe(false);
  });
});

describe('isRegionTable', () => {
  it('tells a regional table by its region column, any case, spaces around', () => {
    expect(isRegionTable('year, Region ,members\n')).toBe(true);
    expect(isRegionTable('region,members,paid\nA,100,5000\n')).toBe(true);
  });
  it('takes a table by year for what it is', () => {
    expect(isRegionTable('year,members,contributions,payouts\n2015,720000,1,2\n')).toBe(false);
    expect(isRegionTable('')).toBe(false);
  });
});
