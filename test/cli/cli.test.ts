import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenarioFile, SCENARIO_DIR, scenarioFiles } from '../helpers/scenarios.ts';
import { ROOT, runCli } from '../helpers/cli.ts';
import { affordableSelfPayCap, HANGZHOU_2016, mergedExpected } from '../helpers/hangzhou.ts';

const INVALID = join(ROOT, 'test/fixtures/invalid');

/** Runs the CLI as a user would (the built command, from the repository root). */
const cli = (...args: string[]) => runCli(args);
/** Runs the CLI with `--json`, expects it to succeed, and returns what it printed, parsed. */
function cliJson(...args: string[]) {
  const r = cli(...args, '--json');
  expect(r.code, args.join(' ')).toBe(0);
  return JSON.parse(r.stdout);
}
const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at |Error:|node:internal/m);

describe('benefit', () => {
  it('Hangzhou pays 200.03, 6,500 and 30,200 at 1,000.05, 12,000 and 50,000 (--json)', () => {
    const r = cliJson(
      'benefit',
      'scenarios/hangzhou-2016.json',
      '--id',
      'self-pay',
      '--at',
      '1000.05,12000,50000',
    );
    expect(r).toEqual({
      id: 'self-pay',
      points: [
        { at: 1000.05, pays: 200.03 },
        { at: 12000, pays: 6500 },
        { at: 50000, pays: 30200 },
      ],
    });
  });
  it('Wenzhou pays 2,000 at 45,000 and Jiaxing 450 for 20 days, in readable text by default', () => {
    expect(cli('benefit', 'scenarios/wenzhou-2015.json', '--id', 'big-bill', '--at', '45000').stdout).toMatch(
      /45,000 → 给付 ¥2,000\.00/,
    );
    expect(
      cli('benefit', 'scenarios/jiaxing-2015.json', '--id', 'allowance', '--at', '20', '--lang', 'en').stdout,
    ).toMatch(/days 20 → pays ¥450\.00/);
  });
  it('an unknown benefit id or a non-number is a usage error (exit 2)', () => {
    const r = cli('benefit', 'scenarios/hangzhou-2016.json', '--id', 'nope', '--at', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /no benefit "nope" \(benefits: self-pay, allowance, critical-illness, women-special\)/,
    );
    expect(cli('benefit', 'scenarios/hangzhou-2016.json', '--id', 'self-pay', '--at', '12,abc').code).toBe(2);
  });
});

describe('validate', () => {
  for (const file of scenarioFiles()) {
    it(`prints ok for scenarios/${file}`, () => {
      const r = cli('validate', join(SCENARIO_DIR, file));
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`ok: ${readScenarioFile(file).name}\n`);
    });
  }
  const expected: Record<string, [number, RegExp]> = {
    'absurd-iterations.json': [1, /^simulation\.iterations: must be an integer from 100 to 1000000$/m],
    'bands-out-of-order.json': [1, /^benefits\[0\]\.bands\[2\]\.upTo: must be greater than 10000$/m],
    'impossible-rate.json': [1, /^risks\[1\]\.rate: must be greater than 0 and at most 1$/m],
    'not-json-trailing-comma.json': [2, /line 10, column 3/],
    'pareto-shape-not-above-one.json': [1, /^risks\[0\]\.cost\.shape: must be greater than 1/m],
    'typo-upto.json': [1, /^benefits\[0\]\.bands\[1\]\.upto: unknown field$/m],
    'unknown-risk.json': [1, /^benefits\[1\]\.risk: names no risk/m],
    'wrong-types.json': [1, /^members\.count: must be a number$/m],
  };
  for (const file of readdirSync(INVALID).sort()) {
    it(`rejects ${file} with exit ${expected[file]?.[0]} and the field path, without a stack trace`, () => {
      const r = cli('validate', join(INVALID, file));
      expect(expected[file], `no expectation for ${file}`).toBeDefined();
      expect(r.code).toBe(expected[file][0]);
      expect(r.stderr).toMatch(expected[file][1]);
      expect(r.stdout).toBe('');
      noStackTrace(r.stderr);
    });
  }
  it('reports every problem of a file at once, one line each', () => {
    const r = cli('validate', join(INVALID, 'wrong-types.json'));
    expect(r.stderr.trim().split('\n').length).toBeGreaterThanOrEqual(4);
  });
  it('a missing file, a directory and a missing argument are I/O or usage errors (exit 2)', () => {
    expect(cli('validate', 'no-such-file.json')).toMatchObject({
      code: 2,
      stderr: 'no-such-file.json: cannot read: no such file\n',
    });
    expect(cli('validate', 'scenarios').code).toBe(2);
    expect(cli('validate').code).toBe(2);
    expect(cli('frobnicate').code).toBe(2);
  });
});

describe('simulate', () => {
  for (const file of scenarioFiles()) {
    it(`--json is byte-identical across runs and across --workers 1 and 2 for ${file}, its mean within 4 standard errors`, () => {
      const args = ['simulate', join(SCENARIO_DIR, file), '--json', '--iterations', '2000'];
      const a = cli(...args, '--workers', '1');
      const b = cli(...args, '--workers', '2');
      const c = cli(...args, '--workers', '2');
      expect(a.code).toBe(0);
      expect(b.stdout).toBe(a.stdout);
      expect(c.stdout).toBe(a.stdout);
      const report = JSON.parse(a.stdout);
      expect(report.format).toBe('huzhu-report/1');
      expect(Math.abs(report.simulated.mean - report.expected.payout)).toBeLessThan(
        4 * report.simulated.standardError,
      );
    });
  }
  it('prints a summary in Chinese by default, amounts in 万', () => {
    const r = cli('simulate', 'scenarios/hangzhou-2016.json', '--iterations', '500');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/互助金收入: ¥3,456万/);
    expect(r.stdout).toMatch(/^略亏，托底可覆盖/m);
  });
  it('rejects absurd options with exit 2', () => {
    for (const args of [
      ['--iterations', '5'],
      ['--iterations', '1e9'],
      ['--workers', '0'],
      ['--method', 'magic'],
      ['--bogus'],
    ]) {
      const r = cli('simulate', 'scenarios/hangzhou-2016.json', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      noStackTrace(r.stderr);
    }
  });
  it('an invalid scenario exits 1 before simulating', () => {
    expect(cli('simulate', join(INVALID, 'unknown-risk.json')).code).toBe(1);
  });
});

describe('compare, solve and project', () => {
  it('compare --json flags Wenzhou 2015 against 2014 with both growth figures, and lists the changes', () => {
    const c = cliJson(
      'compare',
      'scenarios/wenzhou-2014.json',
      'scenarios/wenzhou-2015.json',
      '--iterations',
      '500',
    );
    expect(c.versions).toHaveLength(2);
    expect(c.versions[1].flags[0].code).toBe('payout-growth-outpaces-contributions');
    expect(c.versions[1].flags[0].message).toMatch(/\+\d+% against income \+187%/);
    expect(c.versions[1].changes).toContainEqual({ path: 'contributions[0].amount', from: 38, to: 30 });
  });
  it('compare needs two files, and reports every invalid file', () => {
    expect(cli('compare', 'scenarios/hangzhou-2016.json').code).toBe(2);
    const r = cli('compare', 'scenarios/hangzhou-2016.json', join(INVALID, 'unknown-risk.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown-risk\.json: benefits\[1\]\.risk/);
  });
  it('solve --json gives the break-even contribution and the affordable cap (null: affordable uncapped)', () => {
    // μ = 34,682,518 over 720,000 and the self-paid maximum at which μ is 48 × 720,000, both worked
    // out by hand (test/helpers/hangzhou.ts).
    const s = cliJson('solve', 'scenarios/hangzhou-2016.json', '--cap', 'self-pay', '--iterations', '500');
    expect(s.breakEvenContribution).toBeCloseTo(mergedExpected(HANGZHOU_2016).mu / 720000, 2);
    // At 48 yuan the self-paid cap must come down from 30,200 for the scheme to break even.
    expect(s.affordableCap.benefit).toBe('self-pay');
    const byHand = affordableSelfPayCap(HANGZHOU_2016, 48 * 720_000);
    expect(Math.abs(byHand - s.affordableCap.cap)).toBeLessThan(0.02);
    // Jiaxing's 2nd period affords its self-paid benefit with no cap at all.
    expect(cliJson('solve', 'scenarios/jiaxing-2015.json', '--cap', 'self-pay').affordableCap).toEqual({
      benefit: 'self-pay',
      cap: null,
    });
  });
  it('solve refuses a cap on a daily allowance (exit 2)', () => {
    expect(cli('solve', 'scenarios/jiaxing-2015.json', '--cap', 'allowance').code).toBe(2);
  });
  it('project --json gives the years of cli.md, byte-identical across worker counts', () => {
    const args = ['project', 'scenarios/hangzhou-2016.json', '--years', '3', '--iterations', '300', '--json'];
    const a = cli(...args, '--workers', '1');
    const b = cli(...args, '--workers', '2');
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const p = JSON.parse(a.stdout);
    expect(p.years.map((y: { year: number }) => y.year)).toEqual([1, 2, 3]);
    expect(Object.keys(p.years[0])).toEqual(
      expect.arrayContaining([
        'year',
        'members',
        'income',
        'expectedPayout',
        'balance',
        'probDepleted',
        'expectedBackstopUse',
      ]),
    );
  });
});

describe('history', () => {
  it('flags Wenzhou 2015 with both growth figures (--json)', () => {
    const h = cliJson('history', 'data/wenzhou.csv');
    const flag = h.flags.find((f: { code: string }) => f.code === 'payout-growth-outpaces-contributions');
    expect(flag.year).toBe(2015);
    expect(flag.message).toMatch(/\+168%.*\+31%/);
    expect(h.years[1]).toMatchObject({
      year: 2015,
      contributionGrowth: expect.closeTo(0.31, 4),
      payoutGrowth: expect.closeTo(1.68, 4),
    });
  });
  it('flags Beijing transport for payouts above contributions (142%)', () => {
    const h = cliJson('history', 'data/beijing-transport.csv');
    expect(h.flags.filter((f: { code: string }) => f.code === 'loss-ratio-above-one').length).toBe(5);
    expect(h.years[0].lossRatio).toBeCloseTo(1.42, 2);
  });
  it('questions the forestry group’s 85.45 M for 10,300 claims in the regional table', () => {
    const r = cliJson('history', 'data/inner-mongolia-regions.csv');
    const w = r.warnings.find((x: { region: string }) => /Forestry/.test(x.region));
    expect(w.code).toBe('implausible-average-benefit');
    expect(w.message).toMatch(/8,296/);
  });
  it('an invalid history file exits 1 with one line per problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'huzhu-'));
    const f = join(dir, 'bad.csv');
    writeFileSync(f, 'year,members,contributions,payouts\n2015,abc,10,5\n2014,100,10,5\n');
    const r = cli('history', f);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').length).toBeGreaterThanOrEqual(2);
    noStackTrace(r.stderr);
  });
});

describe('simulate --method fft', () => {
  it('gives the same report fields, exactly, for Hangzhou: mean = expected payout, no standard error', () => {
    const report = cliJson('simulate', 'scenarios/hangzhou-2016.json', '--method', 'fft');
    expect(report.method).toBe('fft');
    expect(report.simulated.standardError).toBe(0);
    expect(Math.abs(report.simulated.mean / report.expected.payout - 1)).toBeLessThan(1e-4);
    expect(Object.keys(report.simulated.quantiles)).toEqual(['p50', 'p75', 'p90', 'p95', 'p99', 'p995']);
    expect(report.exact.aliasedMass).toBeLessThan(1e-9);
  });
});

describe('the work limit', () => {
  const write = (doc: object) => {
    const path = join(mkdtempSync(join(tmpdir(), 'huzhu-')), 'big.json');
    writeFileSync(path, JSON.stringify(doc));
    return path;
  };
  const base = {
    format: 'huzhu-scenario/1',
    name: 'big',
    members: { count: 1000 },
    contributions: [{ payer: 'member', amount: 36 }],
    risks: [{ id: 'r', kind: 'cost', rate: 0.04, cost: { dist: 'lognormal', mean: 4000, cv: 3 } }],
    benefits: [{ id: 'b', risk: 'r', type: 'bands', bands: [{ upTo: null, rate: 0.5 }], cap: 30200 }],
  };
  it('a 50-year projection with every trend at 10 is refused in one line naming simulation.years (exit 1)', () => {
    const file = write({
      ...base,
      trend: { members: 10, contribution: 10, rate: 10, cost: 10 },
      simulation: { years: 50 },
    });
    const t0 = performance.now();
    const r = cli('project', file, '--lang', 'en');
    expect(performance.now() - t0).toBeLessThan(60_000);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^simulation\.years: this projection .* project at most \d+ years\n$/);
    noStackTrace(r.stderr);
    // In Chinese by default, the same field.
    expect(cli('project', file).stderr).toMatch(/^simulation\.years: 本次多年预测.*预测年数请不超过 \d+\n$/);
  });
  it('100,000,000 claimants a period: simulate and compare refuse naming the field', () => {
    const file = write({
      ...base,
      members: { count: 100_000_000 },
      risks: [{ ...base.risks[0], rate: 1 }],
    });
    const sim = cli('simulate', file, '--lang', 'en');
    expect([sim.code, sim.stderr]).toEqual([
      1,
      expect.stringMatching(/^risks\[0\]\.rate: too large to compute: 100,000,000 claimants a period/),
    ]);
    const cmp = cli('compare', 'scenarios/hangzhou-2016.json', file, '--lang', 'en');
    expect(cmp.code).toBe(1);
    expect(cmp.stderr.startsWith(`${file}: risks[0].rate: `)).toBe(true);
    noStackTrace(cmp.stderr);
  });
});
