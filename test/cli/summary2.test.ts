/**
 * The text summary's /2 lines (docs/cli.md, `simulate`): 受益人次 with the share of members helped
 * and the average benefit, each payer's part, the table by group. Ningbo 2015's figures worked by
 * hand from the file: employers pay (850,000 + 200,000) × 97.5 = 102,375,000 of 118,875,000
 * (86.1%), members 10,000 × 50 + 200,000 × 80 = 16,500,000 (13.9%); a retiree's expected payout
 * is 8 claimants a hundred × (766.38 + 228.08) over 80 yuan: 99.4% (test/scenarios/ningbo.test.ts
 * derives the per-claimant figure by closed forms).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { HANGZHOU_2016, mergedExpected } from '../helpers/hangzhou.ts';

const NINGBO = ['simulate', 'scenarios/ningbo-2015.json', '--iterations', '200', '--workers', '1'];

describe('simulate: the /2 lines of the text summary', () => {
  it('Ningbo in Chinese: 受益人次 and the share of members helped, who pays, and the four groups', () => {
    const r = runCli(NINGBO);
    expect(r.code).toBe(0);
    const json = JSON.parse(runCli([...NINGBO, '--json']).stdout);
    const times = json.expected.beneficiaryTimes as number;
    const share = ((100 * times) / 1_260_000).toFixed(1);
    expect(r.stdout).toContain(`受益人次 ${Math.round(times).toLocaleString('en-US')}（占会员 ${share}%）`);
    expect(r.stdout).toMatch(/各方缴费: 单位 ¥1\.02亿 \(86\.1%\) · 职工个人 ¥1,650万 \(13\.9%\)/);
    expect(r.stdout).toMatch(/^ {4}in-service: 850,000 \/ ¥8,288万 \/ /m);
    expect(r.stdout).toMatch(/^ {4}migrant: 200,000 \/ ¥1,950万 \/ /m);
    expect(r.stdout).toMatch(/^ {4}unemployed: 10,000 \/ ¥50万 \/ /m);
    expect(r.stdout).toMatch(/^ {4}retired: 200,000 \/ ¥1,600万 \/ .* \/ 99\.4%$/m);
  });

  it('a one-membership file in English: the members pay it all, and no table by group', () => {
    const r = runCli([
      'simulate',
      'scenarios/hangzhou-2016.json',
      '--iterations',
      '200',
      '--workers',
      '1',
      '--lang',
      'en',
    ]);
    expect(r.code).toBe(0);
    // Inpatient: 720,000 × 4 per 100 = 28,800 claimants, each paid (the bands pay from the first
    // yuan); critical illness: 720,000 × P(N ≥ 1) = 720,000 × (1 − 1.000025^−100) = 1,797.7;
    // women's special illness: 360,000 × (1 − 1.00000285^−100) = 102.6 — 30,700.3 in all, 4.3% of
    // members; the average, μ = 34,682,518 over them, 1,129.71 (test/helpers/hangzhou.ts).
    const { beneficiaries: b, mu } = mergedExpected(HANGZHOU_2016);
    const times = b.inpatient + b.critical + b.women;
    expect(r.stdout).toContain(
      `Beneficiary-times (受益人次) ${Math.round(times).toLocaleString('en-US')} (${((100 * times) / 720_000).toFixed(1)}% of members), average benefit ¥${(mu / times).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
    );
    expect(Math.round(times)).toBe(30_700);
    expect(r.stdout).toContain('Paid by: members themselves ¥34.56 M (100.0%)');
    expect(r.stdout).not.toContain('By group');
  });
});
