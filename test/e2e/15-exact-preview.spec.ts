// 15. While a planner edits, the exact method (FFT, in a worker) redraws the distribution and
// P(deficit) in the preview without a run. What the preview shows (read on screen, in English) is
// what the CLI's `simulate --method fft` prints for the same draft, written by the test's own
// formatting; the exact P(deficit) and p95 also agree with the CLI's Monte Carlo (an independent
// method: a broken FFT would fool the first comparison, not this one); raising the contribution
// lowers the P(deficit) shown; lowering it far enough turns the verdict to each deficit, in words;
// the chart has its bars and no error is shown.
import {
  assert,
  cli,
  log,
  openApp,
  readScenario,
  ROOT,
  setField,
  tid,
  writeTempScenario,
} from './fixtures/helpers.ts';
import {
  barCount,
  previewFromReport,
  readPercent,
  visibleErrors,
  waitForPreview,
  type CliReport,
} from './fixtures/screen.ts';
import { test } from './fixtures/test.ts';
import type { Page } from '@playwright/test';

const MC_ITERATIONS = 4000;

/** The preview's chart shows the exact distribution: at least ten bars, and no error anywhere. */
async function drawnWithoutError(page: Page, when: string): Promise<number> {
  await page.waitForSelector(`${tid('preview-chart')} svg`, { timeout: 15_000 });
  const bars = await barCount(page, 'preview-chart');
  assert.ok(bars >= 10, `${when}: the preview chart has ${bars} bars`);
  assert.deepEqual(await visibleErrors(page), [], `${when}: an error is shown`);
  return bars;
}

test('the preview shows the exact figures the CLI’s fft prints, agreeing with Monte Carlo, and P(deficit) falls as the contribution rises', async ({
  page,
  baseUrl,
  tmpDir,
}) => {
  test.setTimeout(180_000);
  const hangzhou = readScenario(ROOT, 'scenarios/hangzhou-2016.json');
  const at = (amount: number) =>
    writeTempScenario(tmpDir, `hangzhou-${amount}.json`, {
      ...hangzhou,
      contributions: [{ ...hangzhou.contributions[0], amount }],
    });
  const run = async (args: string[]): Promise<CliReport> =>
    JSON.parse(await cli(ROOT, ['simulate', ...args, '--json']));
  // The CLI works through the drafts, one at a time, while the browser shows them.
  const fromCli = (async () => {
    const fft = {
      36: await run(['scenarios/hangzhou-2016.json', '--method', 'fft']),
      26: await run([at(26), '--method', 'fft']),
      28: await run([at(28), '--method', 'fft']),
      25: await run([at(25), '--method', 'fft']),
      20: await run([at(20), '--method', 'fft']),
    };
    const mc26 = await run([at(26), '--iterations', String(MC_ITERATIONS), '--seed', 'preview']);
    return { fft, mc26 };
  })();
  fromCli.catch(() => {});

  await page.addInitScript(() => localStorage.setItem('huzhu.lang', 'en'));
  await openApp(page, baseUrl);
  const { fft, mc26 } = await fromCli;

  // Hangzhou as bundled: 36 yuan a member.
  const at36 = await waitForPreview(page, previewFromReport(fft[36], 'en'));
  await drawnWithoutError(page, 'at 36 yuan');

  // Lowered to 26 yuan: income just above the expected payout, a deficit nearly every other year.
  const t0 = Date.now();
  await setField(page, 'contributions[0].amount', 26);
  const at26 = await waitForPreview(page, previewFromReport(fft[26], 'en'));
  const redrawn = Date.now() - t0;
  const bars = await drawnWithoutError(page, 'at 26 yuan');

  // Raised to 28 yuan: P(deficit) must fall.
  await setField(page, 'contributions[0].amount', 28);
  const at28 = await waitForPreview(page, previewFromReport(fft[28], 'en'));
  await drawnWithoutError(page, 'at 28 yuan');

  // Lowered to 25 yuan, then 20: the expected payout exceeds income, then income, reserve and
  // backstop together; the preview says so in words (as the CLI's verdict), P(deficit) rising.
  assert.equal(fft[25].verdict, 'deficit-within-backstop', 'the CLI at 25 yuan');
  assert.equal(fft[20].verdict, 'deficit-beyond-backstop', 'the CLI at 20 yuan');
  await setField(page, 'contributions[0].amount', 25);
  const at25 = await waitForPreview(page, previewFromReport(fft[25], 'en'));
  await drawnWithoutError(page, 'at 25 yuan');
  await setField(page, 'contributions[0].amount', 20);
  const at20 = await waitForPreview(page, previewFromReport(fft[20], 'en'));
  await drawnWithoutError(page, 'at 20 yuan');
  const q = [at25, at20].map((f) => readPercent(f['prob-deficit']));
  const p26 = readPercent(at26['prob-deficit']);
  assert.ok(
    p26 < q[0] && q[0] < q[1],
    `P(deficit) rises as the contribution falls 26 → 25 → 20: ${p26}, ${q}`,
  );

  const p = [at36, at26, at28].map((f) => readPercent(f['prob-deficit']));
  assert.ok(
    p.every(Number.isFinite),
    `P(deficit) shown as percentages: ${[at36, at26, at28].map((f) => f['prob-deficit'])}`,
  );
  assert.ok(p[1] > p[2], `raising the contribution 26 → 28 lowers P(deficit): ${p[1]} → ${p[2]}`);
  assert.ok(p[2] > p[0], `and 36 yuan has the lowest: ${p[0]} < ${p[2]}`);

  // The exact figures on screen against the Monte Carlo: P(deficit) within four standard errors
  // (plus the half-hundredth of a percent the screen rounds to), p95 within 2%.
  const mcP = mc26.simulated.probDeficit;
  const se = Math.sqrt((mcP * (1 - mcP)) / MC_ITERATIONS);
  assert.ok(
    Math.abs(p[1] - mcP) <= 4 * se + 0.00005,
    `P(deficit) at 26 yuan: preview ${at26['prob-deficit']}, Monte Carlo ${mcP} ± ${se.toFixed(4)} (${MC_ITERATIONS} iterations)`,
  );
  const p95 = fft[26].simulated.quantiles.p95;
  const mcP95 = mc26.simulated.quantiles.p95;
  assert.ok(
    Math.abs(p95 - mcP95) <= 0.02 * mcP95,
    `p95 at 26 yuan: preview ${at26.p95} (fft ${p95}), Monte Carlo ${mcP95}`,
  );
  log(
    `P(deficit) 36 → 26 → 28 → 25 → 20 yuan: ${[at36, at26, at28, at25, at20].map((f) => f['prob-deficit']).join(' → ')}; verdicts ${at25.verdict}, ${at20.verdict} (Monte Carlo at 26: ${(mcP * 100).toFixed(2)}% ± ${(se * 100).toFixed(2)}); p95 ${at26.p95}; edit → figures as the CLI's fft and ${bars} bars in ${redrawn} ms`,
  );
});
