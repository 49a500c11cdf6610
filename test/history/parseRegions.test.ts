import { describe, expect, it } from 'vitest';
import { parseRegions } from './worded.ts';

describe('parseRegions', () => {
  it('reads regions with any of the optional counts, blank meaning not reported', () => {
    const r = parseRegions(
      'paid,region,claims,claimants,member-years\n9111314.67,Hohhot 呼和浩特,,6712,152160\n85450000,"Forestry, 森工",10300,,\n',
    );
    expect(r).toEqual({
      ok: true,
      regions: [
        { name: 'Hohhot 呼和浩特', paid: 9111314.67, claimants: 6712, members: 152160 },
        { name: 'Forestry, 森工', paid: 85450000, claims: 10300 },
      ],
    });
  });
  it('needs region and paid; refuses other columns, blank and repeated names, bad figures — all at once, by line', () => {
    const r = parseRegions('region,paid,claims,note\nA,,1.5,x\n,100,2,y\nA,1e3,-1,z\n');
    expect(!r.ok && r.problems).toEqual([
      {
        path: 'line 1, note',
        message: 'unknown column "note" (allowed: region, member-years, claimants, claims, paid)',
      },
      { path: 'line 2, claims', message: 'must be a whole number from 0 to 1,000,000,000' },
      { path: 'line 2, paid', message: 'is required' },
      { path: 'line 3, region', message: 'must not be blank' },
      { path: 'line 4, region', message: '"A" appears twice' },
      { path: 'line 4, claims', message: 'must be a whole number from 0 to 1,000,000,000' },
    ]);
    const missing = parseRegions('region,claims\nA,1\n');
    expect(!missing.ok && missing.problems).toEqual([
      {
        path: 'line 1',
        message:
          'the header has no column "paid" (the columns are region, member-years, claimants, claims, paid)',
      },
    ]);
  });
  it('speaks Chinese when asked', () => {
    const r = parseRegions('region,paid\nA,abc\n', { lang: 'zh' });
    expect(!r.ok && r.problems).toEqual([{ path: '第 2 行，paid', message: '必须是数字，而不是 "abc"' }]);
  });
});
