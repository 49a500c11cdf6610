/**
 * `huzhu calibrate`: a cost risk fitted to several targets at once, as docs/cli.md describes it —
 * the Hulunbuir targets of data/hulunbuir-targets.json on the forestry scenario's inpatient risk,
 * each fitted count checked against the fitted lognormal's survival written out here; the exit
 * codes and one-line errors of the other commands.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { phi } from '../helpers/erfc.ts';

const SCENARIO = 'scenarios/inner-mongolia-forestry-2019.json';
const TARGETS = 'data/hulunbuir-targets.json';
const dir = mkdtempSync(join(tmpdir(), 'huzhu-calibrate-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
/** The forestry table's cost at which it pays t (50% to 5,000, then 80%). */
const costAt = (t: number) => (t <= 2500 ? t / 0.5 : 5000 + (t - 2500) / 0.8);

describe('calibrate --json on the Hulunbuir targets', () => {
  it('reports every target against its fitted value for each family, best first, with the fitted rate', () => {
    const r = runCli(['calibrate', SCENARIO, '--targets', TARGETS, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      risk: 'inpatient',
      otherParts: ['inpatient-severe'],
      claimRate: 16719 / 651656,
      draws: 16719,
      on: 'payout',
      targets: 4,
      parameters: 2,
    });
    expect(out.fits.map((f: { family: string }) => f.family).sort()).toEqual([
      'gamma',
      'lognormal',
      'pareto',
    ]);
    const objectives = out.fits.map((f: { objective: number }) => f.objective);
    expect(objectives).toEqual([...objectives].sort((a, b) => a - b));
    expect(out.best).toEqual({ family: out.fits[0].family, rate: 16719 / 651656, cost: out.fits[0].cost });
    const lognormal = out.fits.find((f: { family: string }) => f.family === 'lognormal');
    const { mean, cv } = lognormal.cost;
    const s2 = Math.log(1 + cv * cv);
    const sf = (x: number) => 1 - phi((Math.log(x) - Math.log(mean) + s2 / 2) / Math.sqrt(s2));
    expect(lognormal.rows.map((x: { kind: string }) => x.kind)).toEqual([
      'claimants',
      'paidPerClaimant',
      'above',
      'above',
      'largest',
    ]);
    expect(lognormal.rows[1].observed).toBe(23820000 / 16719);
    for (const [i, t, n] of [
      [2, 5000, 398],
      [3, 10000, 129],
    ]) {
      const row = lognormal.rows[i];
      expect(row.threshold).toBe(t);
      expect(row.observed).toBe(n);
      expect(row.fitted / (16719 * sf(costAt(t)))).toBeCloseTo(1, 5);
      expect(row.z).toBeCloseTo((n - row.fitted) / Math.sqrt(row.fitted), 9);
    }
  });

  it('prints the same fit as text, in English and in Chinese', () => {
    const json = JSON.parse(runCli(['calibrate', SCENARIO, '--targets', TARGETS, '--json']).stdout);
    const en = runCli(['calibrate', SCENARIO, '--targets', TARGETS, '--lang', 'en']);
    expect(en.code).toBe(0);
    const lines = en.stdout.split('\n');
    expect(lines[1]).toMatch(/^note: "inpatient-severe" pays the same table as "inpatient"/);
    expect(lines[2]).toBe('claimant rate 16,719 / 651,656 = 2.566 per 100');
    expect(lines[3]).toBe('counts and the largest: among 16,719 claimants, by payout');
    const above5 = lines.find((l) => l.trimStart().startsWith('above ¥5,000'))!;
    const z = json.fits[0].rows[2].z as number;
    expect(above5.endsWith(`${z < 0 ? '−' : ' '}${Math.abs(z).toFixed(2)}`)).toBe(true);
    expect(en.stdout).toContain(
      `4 cost targets, 2 parameters: Σz² = ${json.fits[0].objective.toFixed(2)} on 2 degrees of freedom`,
    );
    const zh = runCli(['calibrate', SCENARIO, '--targets', TARGETS]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('受益率 16,719 / 651,656 = 每百人 2.566');
    expect(zh.stdout).toContain('注意：「inpatient-severe」与「inpatient」按同一张待遇表支付');
    expect(zh.stdout).toContain('超过 ¥10,000 的人数');
  });
});

describe('calibrate: errors, one line each, with the exit codes of the other commands', () => {
  it('usage: no --targets, an unknown risk, an event risk, a missing file (exit 2)', () => {
    expect(runCli(['calibrate', SCENARIO])).toMatchObject({
      code: 2,
      stderr: 'calibrate: --targets <targets.json> is required\n',
    });
    const unknown = 'inpatient, inpatient-severe';
    expect(runCli(['calibrate', SCENARIO, '--targets', TARGETS, '--risk', 'dental'])).toMatchObject({
      code: 2,
      stderr: `--risk: no cost risk "dental" (cost risks: ${unknown})\n`,
    });
    expect(runCli(['calibrate', SCENARIO, '--targets', TARGETS, '--risk', 'women-health'])).toMatchObject({
      code: 2,
      stderr: '--risk: no cost risk "women-health" (cost risks: inpatient, inpatient-severe)\n',
    });
    expect(runCli(['calibrate', SCENARIO, '--targets', 'nope.json'])).toMatchObject({
      code: 2,
      stderr: 'nope.json: cannot read: no such file\n',
    });
  });

  it('a targets file that is not JSON (exit 2, with line and column)', () => {
    const p = file('broken.json', '{\n  "members": 10,\n}');
    expect(runCli(['calibrate', SCENARIO, '--targets', p])).toMatchObject({
      code: 2,
      stderr: `${p}: not valid JSON at line 3, column 1: unexpected "}", expected a field name in double quotes\n`,
    });
  });

  it('invalid or inconsistent targets (exit 1, one line per problem, in --lang)', () => {
    const p = file(
      'bad.json',
      JSON.stringify({ members: 100, claimants: 10, above: [{ threshold: 10, count: 11 }] }),
    );
    expect(runCli(['calibrate', SCENARIO, '--targets', p, '--lang', 'en'])).toMatchObject({
      code: 1,
      stderr:
        '(root): 1 cost target (paid, counts above thresholds, the largest) for 2 parameters: give at least 2\n',
    });
    const q = file(
      'inconsistent.json',
      JSON.stringify({
        claimants: 10,
        members: 100,
        paid: 5000,
        above: [{ threshold: 10, count: 11 }],
        colour: 1,
      }),
    );
    expect(runCli(['calibrate', SCENARIO, '--targets', q, '--json'])).toMatchObject({
      code: 1,
      stderr:
        'colour: unknown field "colour" (allowed: members, claimants, paid, paidPerClaimant, paidTolerance, above, largest, on, draws, families)\n',
    });
    const r = file(
      'inconsistent2.json',
      JSON.stringify({ claimants: 10, members: 100, paid: 5000, above: [{ threshold: 10, count: 11 }] }),
    );
    expect(runCli(['calibrate', SCENARIO, '--targets', r, '--lang', 'en'])).toMatchObject({
      code: 1,
      stderr: 'above[0].count: 11 is more than the 10 claimants it is among\n',
    });
  });
});
