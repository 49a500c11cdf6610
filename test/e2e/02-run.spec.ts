// 2. Open a file, run it, see progress, the verdict and both charts; Hangzhou runs in under 3 s.
import { join } from 'node:path';
import {
  assert,
  inputValue,
  log,
  openApp,
  openFile,
  plainNumber,
  readReport,
  readScenario,
  ROOT,
  runAndWait,
  screenshot,
  tid,
  VERDICTS,
  waitForChart,
  waitForName,
} from './fixtures/helpers.ts';
import { test } from './fixtures/test.ts';

const RUN_BUDGET_MS = 3000;

test.describe(() => {
  test.use({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
  test('opens jiaxing-2015.json, runs with progress, shows the verdict and both charts', async ({
    page,
    baseUrl,
  }) => {
    await openApp(page, baseUrl);
    const jiaxing = readScenario(ROOT, 'scenarios/jiaxing-2015.json');
    await openFile(page, join(ROOT, 'scenarios/jiaxing-2015.json'));
    await waitForName(page, jiaxing.name);

    const record = await runAndWait(page, 30_000);
    assert.ok(record.progress.length > 0, 'no data-progress was seen while running');
    assert.ok(
      record.progress.every((p) => Number.isFinite(p) && p >= 0 && p <= 1),
      `data-progress outside 0..1: ${record.progress.join(', ')}`,
    );
    assert.ok(
      VERDICTS.includes(record.verdict ?? ''),
      `data-verdict ${JSON.stringify(record.verdict)} is not one of ${VERDICTS.join(', ')}`,
    );

    const report = await readReport(page);
    assert.equal(report.name, jiaxing.name, 'the report is for the opened scenario');
    assert.equal(report.verdict, record.verdict, 'report-json and the verdict agree');

    const payout = await waitForChart(page, 'chart-payout');
    const benefit = await waitForChart(page, 'chart-benefit');
    await screenshot(page, 'results');
    log(
      `verdict ${record.verdict} after ${Math.round(record.verdictAt! - record.clickAt!)} ms; progress seen ${record.progress.map((p) => p.toFixed(2)).join(' ')}`,
    );
    log(
      `charts: payout ${payout.tag} ${Math.round(payout.width)}×${Math.round(payout.height)}, benefit ${benefit.tag} ${Math.round(benefit.width)}×${Math.round(benefit.height)}`,
    );
  });
});

test(`runs Hangzhou 2016 at 10,000 iterations in under ${RUN_BUDGET_MS / 1000} s`, async ({
  page,
  baseUrl,
}) => {
  await openApp(page, baseUrl);
  const iterations = plainNumber(await inputValue(page, tid('iterations')));
  assert.equal(iterations, 10_000, 'the default number of iterations');
  const record = await runAndWait(page, 30_000);
  assert.ok(record.clickAt !== null, 'the click on run was not seen');
  const ms = record.verdictAt! - record.clickAt;
  log(
    `Hangzhou 2016, 10,000 iterations: ${Math.round(ms)} ms from click to verdict (budget ${RUN_BUDGET_MS} ms)`,
  );
  const report = await readReport(page);
  assert.equal(report.iterations, 10_000, 'report iterations');
  assert.ok(ms < RUN_BUDGET_MS, `the run took ${Math.round(ms)} ms, more than ${RUN_BUDGET_MS} ms`);
});
