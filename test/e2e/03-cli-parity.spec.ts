// 3. The browser's report equals the CLI's for the same scenario, iterations and seed: the report
// the page holds (report-json) to 1e-9, and what the page shows, in English (the verdict's words,
// the figures in ¥ k / M and percent, the quantile table, the run line), as the CLI's figures read.
import {
  assert,
  cli,
  close,
  log,
  openApp,
  readReport,
  ROOT,
  runAndWait,
  setInput,
  tid,
} from './fixtures/helpers.ts';
import { readResults, resultsDifferences, screenLang, type CliReport } from './fixtures/screen.ts';
import { test } from './fixtures/test.ts';
import type { Report } from './fixtures/helpers.ts';

const ITERATIONS = 2000;
const SEED = 'e2e';
const REL = 1e-9;

/** The numbers that must agree, as [label, value] pairs taken from a report. */
function numbers(r: Report): [string, unknown][] {
  const out: [string, unknown][] = [
    ['income', r.income],
    ['expected.payout', r.expected?.payout],
    ['simulated.mean', r.simulated?.mean],
    ['simulated.sd', r.simulated?.sd],
    ['simulated.probDeficit', r.simulated?.probDeficit],
    ['simulated.probBeyondBackstop', r.simulated?.probBeyondBackstop],
  ];
  for (const [k, v] of Object.entries(r.simulated?.quantiles ?? {}))
    out.push([`simulated.quantiles.${k}`, v]);
  return out;
}

test.use({ locale: 'en-US' });
test(`the browser's report and what it shows equal the CLI's (${ITERATIONS} iterations, seed "${SEED}")`, async ({
  page,
  baseUrl,
}) => {
  // The CLI runs while the browser loads.
  const cliOut = cli(ROOT, [
    'simulate',
    'scenarios/hangzhou-2016.json',
    '--json',
    '--iterations',
    String(ITERATIONS),
    '--seed',
    SEED,
  ]);
  cliOut.catch(() => {});
  await openApp(page, baseUrl);
  await setInput(page, tid('iterations'), ITERATIONS);
  await setInput(page, tid('seed'), SEED);
  await runAndWait(page, 30_000);
  const app = await readReport(page);
  const ref = JSON.parse(await cliOut);

  assert.equal(app.iterations, ITERATIONS, 'the app ran the iterations typed in');
  assert.equal(app.seed, SEED, 'the app used the seed typed in');
  assert.equal(app.name, ref.name, 'name');
  assert.equal(app.verdict, ref.verdict, 'verdict');

  const mine = new Map(numbers(app));
  const differences: string[] = [];
  for (const [key, want] of numbers(ref)) {
    const got = mine.get(key);
    if (!close(got, want, REL)) differences.push(`${key}: app ${got}, CLI ${want}`);
  }
  assert.deepEqual(differences, [], `the reports differ (relative tolerance ${REL})`);

  assert.equal(await screenLang(page), 'en', 'the page is in English');
  const shown = await readResults(page);
  assert.deepEqual(
    resultsDifferences(shown, ref as CliReport, 'en'),
    [],
    'the results on screen differ from the CLI',
  );
  log(
    `verdict ${app.verdict}; ${numbers(ref).length} numbers agree; mean ${app.simulated.mean}, p95 ${app.simulated.quantiles?.p95}`,
  );
  log(
    `on screen as the CLI: ${Object.values(shown.figures).join(' | ')}; ${shown.quantiles.map((r) => r.join(' ')).join(', ')}`,
  );
});
