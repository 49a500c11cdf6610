/**
 * The CLI's commands: each declares its options (node:util parseArgs) and returns its stdout.
 * Usage mistakes throw CliError(2); invalid files CliError(1) (see files.ts).
 */
import { availableParallelism } from 'node:os';
import type { Lang } from '../domain/format.ts';
import { simulate, simulateExact } from '../engine/simulate.ts';
import { ExactRefusedError } from '../engine/fft/exactAccuracy.ts';
import { compareVersions } from '../engine/compare.ts';
import type { Runner } from '../engine/runner.ts';
import { project } from '../engine/project.ts';
import {
  analyseHistory,
  checkAggregates,
  costParts,
  isRegionTable,
  parseHistory,
  parseRegions,
} from '../history/index.ts';
import { affordableCap, isCappable } from '../engine/solve.ts';
import type { Scenario } from '../domain/scenario.ts';
import { nodeThreadsRunner, type ExitOnBlock } from '../runners/nodeThreads.ts';
import { WorkerFailedError } from '../runners/pool.ts';
import { failureText } from '../messages/failures.ts';
import { RunRefusedError } from '../engine/workBudget.ts';
import { refusalLine } from '../messages/refusals.ts';
import { CliError } from './errors.ts';
import { sharesPayout } from './sharesPayout.ts';
import { LIMITS } from '../io/schema.ts';
import { progressRunner, stderrProgress, type ProgressLine } from './progress.ts';
import { readScenario } from './files.ts';
import { comparisonJson, historyJson, regionsJson, reportJson } from './jsonOutput.ts';
import { historyProblemLine } from '../messages/history.ts';
import { comparisonSheets, historySheets, projectionSheets, reportSheets } from '../workbook/results.ts';
import { readTableFile, writeXlsxOption, XLSX_OPTIONS } from './xlsx.ts';
import {
  calibrateOrFail,
  calibrationJson,
  calibrationText,
  costRiskOption,
  readTargetsFile,
} from './calibrate.ts';
import {
  benefitText,
  compareText,
  historyText,
  projectText,
  regionsText,
  simulateText,
  solveText,
} from './text.ts';

type Values = Record<string, string | boolean | undefined>;
type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export interface Command {
  summary: string;
  args: string;
  options: OptionSpec;
  run(positionals: string[], values: Values): Promise<string>;
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

function onePositional(name: string, positionals: string[]): string {
  if (positionals.length !== 1)
    throw new CliError(2, [`${name}: expected one scenario file, got ${positionals.length}`]);
  return positionals[0];
}

/** An integer option within [min, max], or undefined when absent. */
export function intOption(values: Values, key: string, min: number, max: number): number | undefined {
  const raw = values[key];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new CliError(2, [`--${key}: must be an integer from ${min} to ${max}, got "${String(raw)}"`]);
  }
  return Number(raw);
}

function langOption(values: Values): Lang {
  const lang = values.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en')
    throw new CliError(2, [`--lang: must be zh or en, got "${String(lang)}"`]);
  return lang;
}

/** The options of every command that runs the Monte Carlo on worker threads. */
const RUN_OPTIONS: OptionSpec = {
  iterations: { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  quiet: { type: 'boolean' },
};

/** `--workers`: worker threads, 1–256 (default: one per core). */
const workersOption = (values: Values): number =>
  intOption(values, 'workers', 1, 256) ?? availableParallelism();

/** `--iterations` (100 to 1,000,000; default the scenario's) and `--workers` of a Monte Carlo run. */
const runOptions = (values: Values) => ({
  iterations: intOption(values, 'iterations', 100, 1_000_000),
  workers: workersOption(values),
});

/** `--method` of the commands that can use either the Monte Carlo or the exact (FFT) distribution. */
const METHOD_OPTION: OptionSpec = { method: { type: 'string' } };

function methodOption(values: Values, fallback: 'mc' | 'fft'): 'mc' | 'fft' {
  const method = values.method ?? fallback;
  if (method !== 'mc' && method !== 'fft')
    throw new CliError(2, [`--method: must be mc or fft, got "${String(method)}"`]);
  return method;
}

/**
 * Runs `work` on `workers` worker threads, closing them afterwards. A block whose thread dies is
 * retried once on a fresh thread (runners/nodeThreads.ts); a second death is one line, exit 2.
 * `work` reports its progress to the line it is given (cli/progress.ts): drawn on stderr when it
 * is a terminal and `--quiet` is not set, and erased before anything else is printed.
 */
async function withThreads<T>(
  workers: number,
  lang: Lang,
  values: Values,
  work: (runner: Runner, progress: ProgressLine) => Promise<T>,
): Promise<T> {
  const runner = nodeThreadsRunner(workers, { exitOnBlock: testWorkerExit() });
  const progress = stderrProgress(lang, values.quiet === true);
  try {
    return await work(runner, progress);
  } catch (e) {
    if (!(e instanceof WorkerFailedError)) throw e;
    const params = { blockStart: e.blockStart, attempts: e.attempts, reason: e.reason };
    throw new CliError(2, [failureText(lang, { code: 'worker-failed', params })]);
  } finally {
    progress.clear();
    await runner.close();
  }
}

/**
 * Test hook (docs/cli.md, "Worker threads"): `HUZHU_TEST_WORKER_EXIT="<start>[x<times>]"` makes
 * the first `times` (default 1) threads given the block from iteration `start` exit. Unset in
 * normal use; a value of another form is ignored.
 */
function testWorkerExit(): ExitOnBlock | undefined {
  const m = /^(\d+)(?:x(\d+))?$/.exec(process.env.HUZHU_TEST_WORKER_EXIT ?? '');
  return m ? { start: Number(m[1]), times: m[2] === undefined ? 1 : Number(m[2]) } : undefined;
}

/**
 * The exact (FFT) distribution, or one line and exit 2 when the method refuses the scenario as
 * beyond its accuracy (engine/fft/exactAccuracy.ts): never figures it cannot stand behind.
 */
function exact(scenario: Scenario, lang: Lang) {
  try {
    return simulateExact(scenario);
  } catch (e) {
    if (!(e instanceof ExactRefusedError)) throw e;
    throw new CliError(2, [
      failureText(lang, { code: 'exact-refused', params: { refusal: e.refusal, hint: 'cli' } }),
    ]);
  }
}

/**
 * Runs `work`; a run the engine refuses as too much work (engine/workBudget.ts) becomes one line
 * `path: message` and exit 1, prefixed by its file in a comparison (`files`).
 */
async function refusing<T>(lang: Lang, work: () => Promise<T> | T, files?: string[]): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof RunRefusedError)) throw e;
    const line = refusalLine(lang, e.refusal);
    const file = files?.[e.version ?? -1];
    throw new CliError(1, [file === undefined ? line : `${file}: ${line}`]);
  }
}

const validate: Command = {
  summary: 'checks a scenario file; prints "ok: <name>" or one line per problem',
  args: '<scenario.json>',
  options: { quiet: { type: 'boolean' } },
  async run(positionals) {
    const scenario = await readScenario(onePositional('validate', positionals));
    return `ok: ${scenario.name}\n`;
  },
};

const simulateCommand: Command = {
  summary: 'one period: exact expectation, Monte Carlo distribution, verdict',
  args: '<scenario.json> [--iterations N] [--seed S] [--workers W] [--method mc|fft] [--json] [--xlsx out.xlsx] [--lang zh|en] [--quiet]',
  options: { ...RUN_OPTIONS, ...METHOD_OPTION, xlsx: XLSX_OPTIONS.xlsx },
  async run(positionals, values) {
    const file = onePositional('simulate', positionals);
    const { iterations, workers } = runOptions(values);
    const method = methodOption(values, 'mc');
    const seed = seedOption(values);
    const lang = langOption(values);
    const scenario = await readScenario(file);
    if (method === 'fft') {
      const { report } = await refusing(lang, () => exact(scenario, lang));
      await writeXlsxOption(values.xlsx, () => reportSheets(report, lang));
      return values.json ? json(reportJson(report)) : simulateText(report, scenario, lang);
    }
    const { report } = await refusing(lang, () =>
      withThreads(workers, lang, values, (runner, progress) =>
        simulate(scenario, progressRunner(runner, 1, progress), { iterations, seed }),
      ),
    );
    await writeXlsxOption(values.xlsx, () => reportSheets(report, lang));
    return values.json ? json(reportJson(report)) : simulateText(report, scenario, lang);
  },
};

const benefit: Command = {
  summary: 'a benefit table evaluated exactly (to the fen) at given costs, days or event counts',
  args: '<scenario.json> --id <benefit> --at v1,v2,… [--shares k] [--json]',
  options: {
    id: { type: 'string' },
    at: { type: 'string' },
    shares: { type: 'string' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
    quiet: { type: 'boolean' },
  },
  async run(positionals, values) {
    const file = onePositional('benefit', positionals);
    if (typeof values.id !== 'string') throw new CliError(2, ['benefit: --id <benefit> is required']);
    if (typeof values.at !== 'string') throw new CliError(2, ['benefit: --at v1,v2,… is required']);
    const at = values.at.split(',').map((v) => v.trim());
    const bad = at.filter((v) => !/^\d+(\.\d+)?$/.test(v));
    if (bad.length > 0)
      throw new CliError(
        2,
        bad.map((v) => `--at: "${v}" is not a non-negative number`),
      );
    const shares = sharesOption(values.shares);
    const lang = langOption(values);
    const scenario = await readScenario(file);
    const b = scenario.benefits.find((x) => x.id === values.id);
    if (!b)
      throw new CliError(2, [
        `--id: no benefit "${values.id}" (benefits: ${scenario.benefits.map((x) => x.id).join(', ')})`,
      ]);
    const each = at.map((v) => ({ at: Number(v), ...sharesPayout(scenario, b, v, shares ?? 1) }));
    const points = each.map((p) => ({ at: p.at, pays: p.pays }));
    const limit = each[0]?.limit;
    if (values.json)
      return json({ id: b.id, ...(shares ? { shares } : {}), ...(limit ? { limit } : {}), points });
    return benefitText(b, points, lang, { shares, limit });
  },
};

/** `--shares k`: a whole number of shares from 1 to the format's largest holding (LIMITS.shares); absent: undefined. */
function sharesOption(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const k = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  if (!(k >= 1 && k <= LIMITS.shares))
    throw new CliError(2, [
      `--shares: "${String(v)}" is not a whole number of shares from 1 to ${LIMITS.shares}`,
    ]);
  return k;
}

const compare: Command = {
  summary: 'scheme versions side by side with common random numbers; the first is the baseline',
  args: '<a.json> <b.json> [more…] [--iterations N] [--seed S] [--workers W] [--json] [--xlsx out.xlsx] [--lang zh|en] [--quiet]',
  options: { ...RUN_OPTIONS, xlsx: XLSX_OPTIONS.xlsx },
  async run(positionals, values) {
    if (positionals.length < 2)
      throw new CliError(2, [`compare: expected at least two scenario files, got ${positionals.length}`]);
    const { iterations, workers } = runOptions(values);
    const lang = langOption(values);
    const scenarios = await readScenarios(positionals);
    const { comparison } = await refusing(
      lang,
      () =>
        withThreads(workers, lang, values, (runner, progress) =>
          compareVersions(scenarios, progressRunner(runner, scenarios.length, progress), {
            iterations,
            seed: seedOption(values),
          }),
        ),
      positionals,
    );
    await writeXlsxOption(values.xlsx, () => comparisonSheets(comparison, lang));
    return values.json ? json(comparisonJson(comparison)) : compareText(comparison, lang);
  },
};

const solve: Command = {
  summary: 'the contributions that meet the targets; with --cap, the largest affordable cap of a benefit',
  args: '<scenario.json> [--cap <benefit>] [--method fft|mc] [--iterations N] [--seed S] [--json] [--lang zh|en] [--quiet]',
  options: { ...RUN_OPTIONS, ...METHOD_OPTION, cap: { type: 'string' } },
  async run(positionals, values) {
    const file = onePositional('solve', positionals);
    const lang = langOption(values);
    const scenario = await readScenario(file);
    const capId = values.cap;
    if (capId !== undefined) {
      const b = scenario.benefits.find((x) => x.id === capId);
      if (typeof capId !== 'string' || !b)
        throw new CliError(2, [
          `--cap: no benefit "${String(capId)}" (benefits: ${scenario.benefits.map((x) => x.id).join(', ')})`,
        ]);
      if (!isCappable(b))
        throw new CliError(2, [
          `--cap: benefit "${capId}" is a ${b.type} benefit, which has no cap (its limit is maxDays)`,
        ]);
    }
    const { report } = await refusing(lang, () => confidenceReport(scenario, values, lang));
    const cap = typeof capId === 'string' ? await refusing(lang, () => affordableCap(scenario, capId)) : null;
    const result = {
      breakEvenContribution: report.breakEvenContribution,
      contributionAtConfidence: report.contributionAtConfidence,
      ...(typeof capId === 'string' ? { affordableCap: { benefit: capId, cap } } : {}),
    };
    return values.json ? json(result) : solveText(result, scenario, lang);
  },
};

/**
 * The distribution the contribution at confidence is read from: the exact (FFT) distribution,
 * or with --method mc the Monte Carlo one.
 */
async function confidenceReport(scenario: Scenario, values: Values, lang: Lang) {
  if (methodOption(values, 'fft') === 'fft') return exact(scenario, lang);
  const { iterations, workers } = runOptions(values);
  return withThreads(workers, lang, values, (runner, progress) =>
    simulate(scenario, progressRunner(runner, 1, progress), { iterations, seed: seedOption(values) }),
  );
}

function seedOption(values: Values): string | undefined {
  const seed = values.seed;
  if (seed !== undefined && (typeof seed !== 'string' || seed.length === 0 || seed.length > 200)) {
    throw new CliError(2, ['--seed: must be a non-empty string of at most 200 characters']);
  }
  return seed;
}

/** Reads every file, reporting the problems of all of them (each line prefixed by its file). */
async function readScenarios(paths: string[]): Promise<Scenario[]> {
  const results = await Promise.allSettled(paths.map((p) => readScenario(p)));
  const errors = results.flatMap((r, i) =>
    r.status === 'rejected' ? [{ path: paths[i], error: r.reason }] : [],
  );
  if (errors.length === 0) return results.map((r) => (r as PromiseFulfilledResult<Scenario>).value);
  const code = errors.some((e) => e.error instanceof CliError && e.error.code === 2) ? 2 : 1;
  throw new CliError(
    code,
    errors.flatMap((e) =>
      (e.error instanceof CliError ? e.error.lines : [String(e.error)]).map((l) =>
        l.startsWith(e.path) ? l : `${e.path}: ${l}`,
      ),
    ),
  );
}

const projectCommand: Command = {
  summary: "the fund over T periods with the scenario's trend: balance fan, P(depleted), backstop use",
  args: '<scenario.json> [--years T] [--iterations N] [--seed S] [--workers W] [--json] [--xlsx out.xlsx] [--lang zh|en] [--quiet]',
  options: { ...RUN_OPTIONS, years: { type: 'string' }, xlsx: XLSX_OPTIONS.xlsx },
  async run(positionals, values) {
    const file = onePositional('project', positionals);
    const years = intOption(values, 'years', 1, 50);
    const { iterations, workers } = runOptions(values);
    const lang = langOption(values);
    const scenario = await readScenario(file);
    const projection = await refusing(lang, () =>
      withThreads(workers, lang, values, (runner, progress) =>
        project(scenario, runner, {
          years,
          iterations,
          seed: seedOption(values),
          onProgress: (done, total) => progress.update(done / total),
        }),
      ),
    );
    await writeXlsxOption(values.xlsx, () => projectionSheets(projection, lang));
    return values.json ? json(projection) : projectText(projection, lang);
  },
};

const history: Command = {
  summary:
    'experience by year: loss ratios, growth rates, flags and data checks (or a table of regions: data checks)',
  args: '<history.csv|.xlsx> [--sheet NAME] [--json] [--xlsx out.xlsx] [--lang zh|en] [--quiet]',
  options: {
    json: { type: 'boolean' },
    lang: { type: 'string' },
    quiet: { type: 'boolean' },
    ...XLSX_OPTIONS,
  },
  async run(positionals, values) {
    const file = onePositional('history', positionals);
    const lang = langOption(values);
    const messages = values.json ? 'en' : lang;
    const text = await readTableFile(file, values.sheet, messages);
    // A table of regions (a `region` column) gets the cross-sectional checks; a yearly history the rest.
    if (
      typeof text === 'string'
        ? /^\uFEFF?[^\n]*\bregion\b/i.test(text) || isRegionTable(text)
        : isRegionTable(text)
    ) {
      const parsed = parseRegions(text);
      if (!parsed.ok)
        throw new CliError(
          1,
          parsed.problems.map((p) => historyProblemLine(messages, p)),
        );
      const result = { regions: parsed.regions, warnings: checkAggregates(parsed.regions) };
      return values.json ? json(regionsJson(result)) : regionsText(result, lang);
    }
    const parsed = parseHistory(text);
    if (!parsed.ok)
      throw new CliError(
        1,
        parsed.problems.map((p) => historyProblemLine(messages, p)),
      );
    const analysis = analyseHistory(parsed.rows);
    await writeXlsxOption(values.xlsx, () => historySheets(analysis, lang));
    return values.json ? json(historyJson(analysis)) : historyText(analysis, lang);
  },
};

const calibrate: Command = {
  summary:
    "a cost risk's family and parameters fitted to several targets at once (claimants, paid, counts above thresholds, the largest), every target against its fit",
  args: '<scenario.json> --targets <targets.json> [--risk <id>] [--json] [--lang zh|en]',
  options: {
    targets: { type: 'string' },
    risk: { type: 'string' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
    quiet: { type: 'boolean' },
  },
  async run(positionals, values) {
    const file = onePositional('calibrate', positionals);
    if (typeof values.targets !== 'string')
      throw new CliError(2, ['calibrate: --targets <targets.json> is required']);
    const lang = langOption(values);
    const messages = values.json ? 'en' : lang;
    const scenario = await readScenario(file);
    const risk = costRiskOption(scenario, values.risk);
    const targets = await readTargetsFile(values.targets, messages);
    const result = calibrateOrFail(targets, risk, scenario, messages);
    const parts = costParts(scenario, risk.id);
    return values.json
      ? json(calibrationJson(risk.id, result, parts))
      : calibrationText(risk.id, result, lang, parts);
  },
};

export const commands: Record<string, Command> = {
  validate,
  simulate: simulateCommand,
  benefit,
  compare,
  solve,
  project: projectCommand,
  history,
  calibrate,
};

export function usage(): string {
  const lines = [
    'huzhu — actuarial workbench for medical mutual-aid schemes',
    '',
    'usage: huzhu <command> [args]   (also: npx huzhu …, npm run --silent cli -- …)',
    '',
  ];
  for (const [name, c] of Object.entries(commands)) lines.push(`  ${name} ${c.args}`, `      ${c.summary}`);
  return `${lines.join('\n')}\n`;
}
