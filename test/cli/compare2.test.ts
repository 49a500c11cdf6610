/**
 * `compare` over format /2 (docs/cli.md, `compare`): a /1 file against the same scheme written out
 * in /2's explicit spelling lists no change and gives the same figures; changes in the fields /2
 * adds (holdings, per-share contributions, rates by group, the waiting amount, limits) are listed
 * path by path with the values as a planner reads them and the field in words, as the workbench
 * lists them.
 *
 * The /2 spellings are built here from the spec's field table, not by the code under test: one
 * group `"all"` holding one share each, every contribution and risk naming that group, the rate
 * given for it, `perShare: false`, `waitingAmount: 0` and no limits.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const dir = mkdtempSync(join(tmpdir(), 'huzhu-compare2-'));
const read = (file: string): Json => JSON.parse(readFileSync(join(ROOT, 'scenarios', file), 'utf8'));
function write(name: string, s: Json): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(s, null, 2));
  return path;
}
const RUN = ['--iterations', '200', '--workers', '1'];

/** A /1 scheme in /2's explicit spelling: the same scheme by the spec's defaults. */
function explicit2(s: Json): Json {
  const { count, femaleShare, newShare } = s.members;
  return {
    ...s,
    format: 'huzhu-scenario/2',
    members: {
      groups: [{ id: 'all', count, femaleShare, newShare, holdings: [{ shares: 1, fraction: 1 }] }],
    },
    contributions: s.contributions.map((c: Json) => ({ ...c, perShare: false, groups: ['all'] })),
    risks: s.risks.map((r: Json) => ({ ...r, groups: ['all'], rate: { all: r.rate } })),
    benefits: s.benefits.map((b: Json) => ({
      ...b,
      perShare: false,
      ...(b.type === 'lump-sum' && b.waitingDays !== undefined ? { waitingAmount: 0 } : {}),
    })),
    limits: [],
  };
}

describe('compare: format /2', () => {
  it('a /1 file against the same scheme spelt out in /2 lists no change and gives the same figures', () => {
    // Beijing's light-illness project: a lump sum with a waiting period (waitingAmount 0 is /1's reading).
    const one = read('beijing-light-illness-2021.json');
    const two = explicit2(one);
    expect(two.benefits.some((b: Json) => b.waitingAmount === 0)).toBe(true);
    const a = write('one.json', one);
    const b = write('two.json', two);
    const r = runCli(['compare', a, b, ...RUN, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const [v1, v2] = JSON.parse(r.stdout).versions;
    expect(v2.changes).toEqual([]);
    expect(v2.income).toBe(v1.income);
    expect(v2.expected).toEqual(v1.expected);
    expect(v2.simulated).toEqual(v1.simulated);
    const text = runCli(['compare', a, b, ...RUN]);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toContain('改动');
  });

  it('groups listed in another order, and holdings in another order, are no change either', () => {
    const ningbo = read('ningbo-2015.json');
    ningbo.members.groups[0].holdings = [
      { shares: 1, fraction: 0.8 },
      { shares: 2, fraction: 0.2 },
    ];
    const other = structuredClone(ningbo);
    other.members.groups[0].holdings.reverse();
    other.contributions[0].groups.reverse();
    other.risks[1].groups.reverse();
    const r = runCli(['compare', write('n1.json', ningbo), write('n2.json', other), ...RUN, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).versions[1].changes).toEqual([]);
  });

  it('lists each change in a /2 field at its path, with the field in words (zh and en)', () => {
    const ningbo = read('ningbo-2015.json');
    const edited = structuredClone(ningbo);
    edited.members.groups[0].holdings = [
      { shares: 1, fraction: 0.8 },
      { shares: 2, fraction: 0.2 },
    ];
    edited.contributions[1].perShare = true;
    edited.risks[0].rate.retired = 0.09;
    edited.benefits[2].waitingAmount = 500;
    edited.limits = [{ id: 'inpatient-total', benefits: ['self-pay', 'allowance'], cap: 20000 }];
    expect(ningbo.benefits[2]).toMatchObject({ id: 'special-illness', waitingAmount: 1000 });
    const a = write('ningbo.json', ningbo);
    const b = write('ningbo-edited.json', edited);

    const r = runCli(['compare', a, b, ...RUN, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).versions[1].changes).toEqual([
      { path: 'members.groups[0].holdings', from: null, to: edited.members.groups[0].holdings },
      { path: 'contributions[1].perShare', from: null, to: true },
      { path: 'risks[0].rate.retired', from: 0.08, to: 0.09 },
      { path: 'benefits[2].waitingAmount', from: 1000, to: 500 },
      { path: 'limits', from: null, to: edited.limits },
    ]);

    const zh = runCli(['compare', a, b, ...RUN]).stdout;
    expect(zh).toContain(
      'members.groups[0].holdings：（无） → (份数 1 · 占比 0.8) (份数 2 · 占比 0.2)（会员 · 人群 1 · 持有份数）',
    );
    expect(zh).toContain('contributions[1].perShare：（无） → 是（缴费方 2 · 按份计）');
    expect(zh).toContain('risks[0].rate.retired：0.08 → 0.09（风险 1 · 比例或发生率 · retired）');
    expect(zh).toContain('benefits[2].waitingAmount：1,000 → 500（给付项目 3 · 等待期内给付）');
    expect(zh).toContain(
      'limits：（无） → (代号 「inpatient-total」 · 给付项目 self-pay, allowance · 最高给付 20,000)（合计限额）',
    );
    const en = runCli(['compare', a, b, ...RUN, '--lang', 'en']).stdout;
    expect(en).toContain('risks[0].rate.retired: 0.08 → 0.09 (Risk 1 · Rate · retired)');
    expect(en).toContain('contributions[1].perShare: (none) → yes (Payer 2 · Per share)');
  });

  it('one rate against a rate by group reads group by group', () => {
    const ningbo = read('ningbo-2015.json');
    const flat = structuredClone(ningbo);
    flat.risks[0].rate = 0.04;
    const r = runCli(['compare', write('flat.json', flat), write('by-group.json', ningbo), ...RUN, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).versions[1].changes).toEqual([
      { path: 'risks[0].rate.retired', from: 0.04, to: 0.08 },
    ]);
  });
});
