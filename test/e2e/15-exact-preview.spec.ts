// 15. While a planner edits, the exact method (FFT, in a worker) redraws the distribution and
// P(deficit) in the preview without a run; the figure matches the CLI's `--method fft`.
import { assert, cli, log, openApp, ROOT, setField, tid } from './fixtures/helpers.ts';
import { test } from './fixtures/test.ts';

test('the preview shows the exact distribution, equal to the CLI’s, and an edit redraws it within moments', async ({
  page,
  baseUrl,
}) => {
  await page.addInitScript(() => localStorage.setItem('huzhu.lang', 'en'));
  await openApp(page, baseUrl);
  await page.waitForSelector(`${tid('preview-chart')} svg`, { timeout: 15_000 });
  const fft = JSON.parse(
    await cli(ROOT, ['simulate', 'scenarios/hangzhou-2016.json', '--method', 'fft', '--json']),
  );
  const shown = (await page.textContent(`${tid('preview-prob-deficit')} .figure-value`))!.trim();
  assert.equal(
    shown,
    `${(fft.simulated.probDeficit * 100).toFixed(2)}%`,
    'preview P(deficit) differs from simulate --method fft',
  );
  const t0 = Date.now();
  await setField(page, 'members.count', 700000);
  await page.waitForSelector(`${tid('preview-chart')} svg`, { timeout: 10_000 });
  log(`P(deficit) ${shown} as the CLI's fft; edit → exact distribution redrawn in ${Date.now() - t0} ms`);
});
