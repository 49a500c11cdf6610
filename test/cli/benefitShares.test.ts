/**
 * `benefit --shares k`: what one benefit pays a holder of k shares, exact to the fen. Every
 * expected figure below is worked by hand from the table in the scenario (no engine code).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

/**
 * A Wenzhou-like comprehensive project bought in shares: the Hangzhou 2016 bands paid per share with
 * a one-share cap of 27,600 (two shares: 55,200); a daily allowance of 50 a day for at most 30
 * days, not per share, under a per-share limit of 1,000; a lump sum of 4,000 per share per event.
 */
const SCENARIO = {
  format: 'huzhu-scenario/2',
  name: 'shares: a Wenzhou-like per-share table',
  members: {
    groups: [
      {
        id: 'all',
        count: 10000,
        femaleShare: 0.5,
        holdings: [
          { shares: 1, fraction: 0.6 },
          { shares: 2, fraction: 0.4 },
        ],
      },
    ],
  },
  contributions: [{ payer: 'member', amount: 30, perShare: true }],
  risks: [
    {
      id: 'inpatient',
      kind: 'cost',
      rate: 0.04,
      cost: { dist: 'lognormal', mean: 4000, cv: 2 },
      days: { dist: 'poisson', mean: 9 },
    },
    { id: 'critical', kind: 'event', rate: 0.002 },
  ],
  benefits: [
    {
      id: 'comprehensive',
      risk: 'inpatient',
      type: 'bands',
      perShare: true,
      bands: [
        { upTo: 1000, rate: 0.2 },
        { upTo: 10000, rate: 0.5 },
        { upTo: 15000, rate: 0.9 },
        { upTo: 50000, rate: 0.6 },
      ],
      cap: 27600,
    },
    { id: 'allowance', risk: 'inpatient', type: 'daily', perDay: 50, maxDays: 30 },
    { id: 'critical', risk: 'critical', type: 'lump-sum', amount: 4000, perShare: true },
  ],
  limits: [{ id: 'allowance-limit', benefits: ['allowance'], cap: 1000, perShare: true }],
};

const file = join(mkdtempSync(join(tmpdir(), 'huzhu-shares-')), 'shares.json');
writeFileSync(file, JSON.stringify(SCENARIO));
const cli = (...args: string[]) => runCli(['benefit', file, ...args]);
function points(id: string, at: string, shares?: string) {
  const r = cli('--id', id, '--at', at, ...(shares ? ['--shares', shares] : []), '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('benefit --shares k', () => {
  it('two shares of a per-share table pay 55,200 where one pays 27,600 (the per-share cap × 2)', () => {
    // 50,000: 0.2·1,000 + 0.5·9,000 + 0.9·5,000 + 0.6·35,000 = 30,200, capped at 27,600 a share
    expect(points('comprehensive', '50000', '1').points).toEqual([{ at: 50000, pays: 27600 }]);
    expect(points('comprehensive', '50000', '2')).toEqual({
      id: 'comprehensive',
      shares: 2,
      points: [{ at: 50000, pays: 55200 }],
    });
  });

  it('below the cap k shares pay k × the one-share amount: 12,000 pays 6,500 a share, 19,500 for three', () => {
    // 12,000: 200 + 4,500 + 0.9·2,000 = 6,500
    expect(points('comprehensive', '12000', '3').points).toEqual([{ at: 12000, pays: 19500 }]);
  });

  it('rounds the one-share amount to the fen before multiplying: 1,000.03 pays 200.02 a share, 400.04 for two', () => {
    // one share: 0.2·1,000 + 0.5·0.03 = 200.015 → 200.02 (half up); two shares 400.04, not round(400.03)
    expect(points('comprehensive', '1000.03').points).toEqual([{ at: 1000.03, pays: 200.02 }]);
    expect(points('comprehensive', '1000.03', '2').points).toEqual([{ at: 1000.03, pays: 400.04 }]);
  });

  it('a benefit not paid per share pays the same for any k, within its per-share limit (1,000 × k)', () => {
    // 30 days: 50 · 30 = 1,500 (not per share); limit 1,000 a share: k = 1 → 1,000, k = 2 → 1,500 (2,000 does not bind)
    expect(points('allowance', '10,30', '1')).toEqual({
      id: 'allowance',
      shares: 1,
      limit: { id: 'allowance-limit', cap: 1000 },
      points: [
        { at: 10, pays: 500 },
        { at: 30, pays: 1000 },
      ],
    });
    expect(points('allowance', '10,30', '2')).toEqual({
      id: 'allowance',
      shares: 2,
      limit: { id: 'allowance-limit', cap: 2000 },
      points: [
        { at: 10, pays: 500 },
        { at: 30, pays: 1500 },
      ],
    });
  });

  it('a per-share lump sum pays 4,000 per share per event: two events, three shares, 24,000', () => {
    expect(points('critical', '2', '3').points).toEqual([{ at: 2, pays: 24000 }]);
  });

  it('without --shares the output is as before (no shares field): one share', () => {
    expect(points('comprehensive', '50000')).toEqual({
      id: 'comprehensive',
      points: [{ at: 50000, pays: 27600 }],
    });
  });

  it('reads as text in both languages, naming the holding and the limit', () => {
    const en = cli('--id', 'allowance', '--at', '30', '--shares', '2', '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.stdout).toBe(
      'allowance (daily), holder of 2 shares\n' +
        '  limit allowance-limit: at most ¥2,000.00 a claimant (with the other benefits under the same limit)\n' +
        '  days 30 → pays ¥1,500.00\n',
    );
    const zh = cli('--id', 'comprehensive', '--at', '50000', '--shares', '2');
    expect(zh.stdout).toBe('comprehensive (bands), 持 2 份\n  自负医疗费 50,000 → 给付 ¥55,200.00\n');
  });

  it.each([['0'], ['101'], ['1.5'], ['two'], ['-1'], ['']])(
    'refuses --shares=%j with one line and exit 2 (a whole number from 1 to 100)',
    (k) => {
      const r = runCli(['benefit', file, '--id', 'comprehensive', '--at', '1', `--shares=${k}`]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([
        `--shares: "${k}" is not a whole number of shares from 1 to 100`,
      ]);
    },
  );

  it('accepts the largest holding the format allows, 100 shares', () => {
    expect(points('comprehensive', '12000', '100').points).toEqual([{ at: 12000, pays: 650000 }]);
  });
});
