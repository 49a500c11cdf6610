// 33. The browser and the CLI agree for every scenario in scenarios/: the same verdict and the
// same figures (1e-9 relative) at 1,000 iterations and seed "agree".
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assert, cli, close, openFile, openApp, readReport, runAndWait, setInput, tid, waitForName, readScenario } from './helpers.mjs';

const ITERATIONS = 1000;
const SEED = 'agree';
const REL = 1e-9;

/** The figures that must agree, as [label, value] pairs. */
function figures(r) {
  const out = [
    ['verdict', r.verdict], ['iterations', r.iterations], ['seed', r.seed], ['income', r.income],
    ['expected.payout', r.expected?.payout],
    ['simulated.mean', r.simulated?.mean], ['simulated.sd', r.simulated?.sd],
  ];
  for (const [k, v] of Object.entries(r.simulated ?? {})) if (/^prob/.test(k)) out.push([`simulated.${k}`, v]);
  for (const [k, v] of Object.entries(r.simulated?.quantiles ?? {})) out.push([`simulated.quantiles.${k}`, v]);
  return out;
}

/** Runs `f` over `items`, at most `n` at a time, keeping the order of the results. */
function limited(items, n, f) {
  const results = new Array(items.length);
  let next = 0;
  const lane = async () => { while (next < items.length) { const i = next++; results[i] = await f(items[i]).catch((e) => e); } };
  return Promise.all(Array.from({ length: n }, lane)).then(() => results);
}

export const tests = [
  {
    name: `the browser and the CLI agree on every scenario in scenarios/ (${ITERATIONS} iterations, seed "${SEED}")`,
    timeout: 120_000,
    run: async ({ page, baseUrl, root, log }) => {
      const files = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.json')).sort();
      assert.ok(files.length > 0, 'no scenarios');
      // The CLI runs (a few at a time) while the browser works through the same files.
      const fromCli = limited(files, 3, (f) => cli(root, ['simulate', `scenarios/${f}`, '--json', '--iterations', String(ITERATIONS), '--seed', SEED]).then(JSON.parse));
      fromCli.catch(() => {});
      page.on('dialog', (d) => d.accept()); // "open another file without saving?" after the edits of the last one

      await openApp(page, baseUrl);
      const fromApp = [];
      for (const f of files) {
        await openFile(page, join(root, 'scenarios', f));
        await waitForName(page, readScenario(root, `scenarios/${f}`).name);
        await setInput(page, tid('iterations'), ITERATIONS);
        await setInput(page, tid('seed'), SEED);
        await runAndWait(page, 30_000);
        fromApp.push(await readReport(page));
      }

      const refs = await fromCli;
      const differences = [];
      files.forEach((f, i) => {
        const ref = refs[i];
        if (ref instanceof Error) return differences.push(`${f}: ${ref.message}`);
        const mine = new Map(figures(fromApp[i]));
        for (const [key, want] of figures(ref)) {
          const got = mine.get(key);
          if (!close(got, want, REL)) differences.push(`${f} ${key}: app ${got}, CLI ${want}`);
        }
      });
      assert.deepEqual(differences, [], `the app and the CLI differ (relative tolerance ${REL})`);
      log(files.map((f, i) => `${f}: ${fromApp[i].verdict}, ${figures(fromApp[i]).length} figures`).join('; '));
    },
  },
];
