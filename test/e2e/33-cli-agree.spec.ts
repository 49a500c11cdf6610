// 33. The browser and the CLI agree for every scenario in scenarios/: the same verdict and the
// same figures (1e-9 relative) at 1,000 iterations and seed "agree"; and the results on screen
// (verdict in words, figures, quantile table) read as the CLI's figures written out by the test.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assert, cli, close, log, openApp, openScenario, ROOT, runDraft } from './fixtures/helpers.ts';
import {
  readResults,
  resultsDifferences,
  screenLang,
  type CliReport,
  type ResultsOnScreen,
} from './fixtures/screen.ts';
import { test } from './fixtures/test.ts';
import type { Report } from './fixtures/helpers.ts';

const ITERATIONS = 1000;
const SEED = 'agree';
const REL = 1e-9;

/** The figures that must agree, as [label, value] pairs. */
function figures(r: Report): [string, unknown][] {
  const out: [string, unknown][] = [
    ['verdict', r.verdict],
    ['iterations', r.iterations],
    ['seed', r.seed],
    ['income', r.income],
    ['expected.payout', r.expected?.payout],
    ['simulated.mean', r.simulated?.mean],
    ['simulated.sd', r.simulated?.sd],
  ];
  for (const [k, v] of Object.entries(r.simulated ?? {}))
    if (/^prob/.test(k)) out.push([`simulated.${k}`, v]);
  for (const [k, v] of Object.entries(r.simulated?.quantiles ?? {}))
    out.push([`simulated.quantiles.${k}`, v]);
  return out;
}

/** Runs `f` over `items`, at most `n` at a time, keeping the order of the results. */
function limited<T, R>(items: T[], n: number, f: (item: T) => Promise<R>): Promise<(R | Error)[]> {
  const results: (R | Error)[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await f(items[i]).catch((e: Error) => e);
    }
  };
  return Promise.all(Array.from({ length: n }, lane)).then(() => results);
}

test(`the browser and the CLI agree on every scenario in scenarios/ (${ITERATIONS} iterations, seed "${SEED}")`, async ({
  page,
  baseUrl,
}) => {
  test.setTimeout(120_000);
  const files = readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.json'))
    .sort();
  assert.ok(files.length > 0, 'no scenarios');
  // The CLI runs (a few at a time) while the browser works through the same files.
  const fromCli = limited(files, 3, (f) =>
    cli(ROOT, [
      'simulate',
      `scenarios/${f}`,
      '--json',
      '--iterations',
      String(ITERATIONS),
      '--seed',
      SEED,
    ]).then((out): Report => JSON.parse(out)),
  );
  fromCli.catch(() => {});
  page.on('dialog', (d) => d.accept()); // "open another file without saving?" after the edits of the last one

  await openApp(page, baseUrl);
  const fromApp: Report[] = [];
  const shown: ResultsOnScreen[] = [];
  for (const f of files) {
    await openScenario(page, join(ROOT, 'scenarios', f));
    fromApp.push(await runDraft(page, { iterations: ITERATIONS, seed: SEED }));
    shown.push(await readResults(page));
  }
  const lang = await screenLang(page);

  const refs = await fromCli;
  const differences: string[] = [];
  files.forEach((f, i) => {
    const ref = refs[i];
    if (ref instanceof Error) return differences.push(`${f}: ${ref.message}`);
    const mine = new Map(figures(fromApp[i]));
    for (const [key, want] of figures(ref)) {
      const got = mine.get(key);
      if (!close(got, want, REL)) differences.push(`${f} ${key}: app ${got}, CLI ${want}`);
    }
    for (const d of resultsDifferences(shown[i], ref as unknown as CliReport, lang))
      differences.push(`${f} ${d}`);
  });
  assert.deepEqual(differences, [], `the app and the CLI differ (relative tolerance ${REL})`);
  log(files.map((f, i) => `${f}: ${fromApp[i].verdict}, ${figures(fromApp[i]).length} figures`).join('; '));
});
