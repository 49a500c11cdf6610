/**
 * `huzhu calibrate <scenario.json> --targets <targets.json> [--risk <id>] [--json] [--lang zh|en]`
 * (docs/cli.md): fits a cost risk's family and parameters to several targets at once
 * (history/calibrateTargets.ts) and prints every target against its fitted value, for each family,
 * best first. The targets file is read like a scenario (I/O and JSON syntax: exit 2); invalid or
 * inconsistent targets are exit 1, one `path: message` line each; an unknown or event risk is a
 * usage error (exit 2), as an unknown benefit id is for `benefit`.
 */
import type { Lang } from '../domain/format.ts';
import type { CostRisk, Scenario } from '../domain/scenario.ts';
import {
  calibrateTargets,
  readTargets,
  type FamilyTargetFit,
  type TargetCalibration,
  type TargetRow,
} from '../history/index.ts';
import { parseJson } from '../io/parseJson.ts';
import { average, count } from '../messages/figures.ts';
import { historyMessageText, historyProblemLine } from '../messages/history.ts';
import { jsonReasonText } from '../messages/validation.ts';
import { CliError } from './errors.ts';
import { readText } from './files.ts';

/** The targets file as checked targets, or CliError (2: unreadable or not JSON; 1: invalid). */
export async function readTargetsFile(path: string, lang: Lang) {
  const parsed = parseJson(await readText(path));
  if (!parsed.ok)
    throw new CliError(2, [
      parsed.code === 'too-large'
        ? `${path}: larger than ${parsed.mb} MB`
        : `${path}: not valid JSON at line ${parsed.line}, column ${parsed.column}: ${jsonReasonText('en', parsed.reason)}`,
    ]);
  const read = readTargets(parsed.value);
  if (!read.ok)
    throw new CliError(
      1,
      read.problems.map((p) => historyProblemLine(lang, p)),
    );
  return read.targets;
}

/** The cost risk `id` (default: the first cost risk), or CliError(2) naming the cost risks there are. */
export function costRiskOption(scenario: Scenario, id: unknown): CostRisk {
  const costs = scenario.risks.filter((r): r is CostRisk => r.kind === 'cost');
  const risk = id === undefined ? costs[0] : costs.find((r) => r.id === id);
  if (!risk)
    throw new CliError(2, [
      `--risk: no cost risk "${String(id ?? '')}" (cost risks: ${costs.map((r) => r.id).join(', ') || 'none'})`,
    ]);
  return risk;
}

/**
 * `--json`: the calibration with the risk's id and `otherParts`, the cost risks paying the same
 * table (history/costParts.ts: the targets may count their claimants too).
 */
export function calibrationJson(risk: string, c: TargetCalibration, otherParts: readonly string[]) {
  const { ok: _ok, risk: fitted, fits, ...rest } = c;
  return {
    risk,
    otherParts,
    ...rest,
    best: { family: fits[0].family, rate: fitted.rate, cost: fitted.cost },
    fits,
  };
}

const TEXT = {
  zh: {
    head: (risk: string) => `校准 ${risk}：费用分布族及其两个参数同时拟合全部目标（按 Σz² 由优到劣）`,
    rate: (c: string, m: string, r: string) => `受益率 ${c} / ${m} = 每百人 ${r}`,
    among: (n: string, on: string) => `门槛人数与最大额：${n} 名受益人中，按${on}计`,
    on: { payout: '待遇金额', cost: '自付费用' },
    family: { lognormal: '对数正态', gamma: '伽马', pareto: 'Pareto II' },
    meanCv: (m: string, cv: string) => `均值 ${m}，变异系数 ${cv}`,
    scaleShape: (s: string, a: string) => `尺度 ${s}，形状 ${a}`,
    cols: '目标                  实际          拟合           z',
    claimants: '受益人数',
    paid: '人均支付',
    above: (t: string) => `超过 ${t} 的人数`,
    largest: '最大额（中位数）',
    summary: (k: number, p: number, chi: string) =>
      `${k} 个费用目标，${p} 个参数：Σz² = ${chi}，自由度 ${k - p}`,
    notConverged: '（未收敛）',
    note: '注意：',
    colon: '：',
    semi: '；',
  },
  en: {
    head: (risk: string) =>
      `calibration of ${risk}: the cost family and its two parameters fitted to every target at once (best Σz² first)`,
    rate: (c: string, m: string, r: string) => `claimant rate ${c} / ${m} = ${r} per 100`,
    among: (n: string, on: string) => `counts and the largest: among ${n} claimants, by ${on}`,
    on: { payout: 'payout', cost: 'self-paid cost' },
    family: { lognormal: 'lognormal', gamma: 'gamma', pareto: 'Pareto II' },
    meanCv: (m: string, cv: string) => `mean ${m}, cv ${cv}`,
    scaleShape: (s: string, a: string) => `scale ${s}, shape ${a}`,
    cols: 'target                observed      fitted         z',
    claimants: 'claimants',
    paid: 'paid per claimant',
    above: (t: string) => `above ${t}`,
    largest: 'largest (median)',
    summary: (k: number, p: number, chi: string) =>
      `${k} cost targets, ${p} parameters: Σz² = ${chi} on ${k - p} degrees of freedom`,
    notConverged: ' (not converged)',
    note: 'note: ',
    colon: ': ',
    semi: '; ',
  },
};

const sig = (x: number, d = 4) => x.toLocaleString('en-US', { maximumSignificantDigits: d });

/** The family's parameters in words. */
export function parametersText(f: FamilyTargetFit, lang: Lang): string {
  const l = TEXT[lang];
  const c = f.cost;
  if (c.dist === 'pareto') return l.scaleShape(average(c.scale), sig(c.shape));
  if (c.dist === 'lognormal' || c.dist === 'gamma') return l.meanCv(average(c.mean), sig(c.cv));
  return '';
}

/** A row's label, observed and fitted value as the text shows them. */
function rowCells(r: TargetRow, lang: Lang): [string, string, string] {
  const l = TEXT[lang];
  if (r.kind === 'claimants') return [l.claimants, count(r.observed), count(Math.round(r.fitted))];
  if (r.kind === 'paidPerClaimant') return [l.paid, average(r.observed), average(r.fitted)];
  if (r.kind === 'above') return [l.above(average(r.threshold!)), count(r.observed), sig(r.fitted)];
  return [l.largest, average(r.observed), average(r.fitted)];
}

export function calibrationText(
  risk: string,
  c: TargetCalibration,
  lang: Lang,
  otherParts: readonly string[] = [],
): string {
  const l = TEXT[lang];
  const lines = [l.head(risk)];
  if (otherParts.length > 0)
    lines.push(
      `${l.note}${historyMessageText(lang, { code: 'tgtOtherParts', params: { risk, parts: otherParts } })}`,
    );
  const claimants = c.fits[0].rows.find((r) => r.kind === 'claimants');
  if (claimants && c.claimRate !== null)
    lines.push(
      l.rate(count(claimants.observed), count(claimants.observed / c.claimRate), sig(c.claimRate * 100)),
    );
  if (c.draws !== null) lines.push(l.among(count(c.draws), l.on[c.on]));
  for (const f of c.fits) {
    lines.push(
      '',
      `${l.family[f.family]}${l.colon}${parametersText(f, lang)}${l.semi}Σz² = ${f.objective.toFixed(2)}${f.converged ? '' : l.notConverged}`,
      `  ${l.cols}`,
    );
    for (const r of f.rows) {
      const [label, observed, fitted] = rowCells(r, lang);
      const z = `${r.z < 0 ? '−' : ' '}${Math.abs(r.z).toFixed(2)}`;
      lines.push(`  ${label.padEnd(20)} ${observed.padStart(10)} ${fitted.padStart(12)} ${z.padStart(9)}`);
    }
  }
  lines.push('', l.summary(c.targets, c.parameters, c.fits[0].objective.toFixed(2)));
  return `${lines.join('\n')}\n`;
}

/** Runs the calibration, or CliError(1) with one line per problem. */
export function calibrateOrFail(
  targets: Parameters<typeof calibrateTargets>[0],
  risk: CostRisk,
  scenario: Scenario,
  lang: Lang,
) {
  const r = calibrateTargets(targets, risk, scenario.benefits);
  if (!r.ok)
    throw new CliError(
      1,
      r.problems.map((p) => historyProblemLine(lang, p)),
    );
  return r;
}
