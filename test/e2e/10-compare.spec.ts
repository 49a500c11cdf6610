// 10. Compare versions with common random numbers: the figures side by side, the payout
// distributions on shared bins, the benefit curves, what changed field by field, the growth flag.
// The exact P(deficit) row is required (the engine has an exact method) and reads as the CLI's
// `--method fft`; income, expected payout and verdict read on screen as the CLI's figures.
import { join } from 'node:path';
import {
  assert,
  cli,
  hasCJK,
  log,
  openApp,
  ROOT,
  runCompare,
  screenshot,
  tid,
  waitForChart,
} from './fixtures/helpers.ts';
import { cellValue, percent, VERDICT_WORDS, yuan, type CliReport } from './fixtures/screen.ts';
import { test } from './fixtures/test.ts';

test.describe(() => {
  test.use({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
  test('compares Hangzhou’s old table with the 2016 table: the cap change 13,700 → 30,200 and both charts', async ({
    page,
    baseUrl,
  }) => {
    // The CLI's exact figures for both versions, computed while the browser compares.
    const fromCli = Promise.all(
      ['hangzhou-2015-old-table.json', 'hangzhou-2016.json'].map(async (f): Promise<CliReport> =>
        JSON.parse(await cli(ROOT, ['simulate', `scenarios/${f}`, '--method', 'fft', '--json'])),
      ),
    );
    fromCli.catch(() => {});
    await openApp(page, baseUrl);
    const seconds = await runCompare(page, [
      'example:hangzhou-2015-old-table.json',
      'example:hangzhou-2016.json',
    ]);

    const heads = await page.locator(`${tid('compare-table')} thead th[data-version]`).allInnerTexts();
    assert.equal(heads.length, 2, 'two versions in the table');
    assert.match(heads[0], /基准/, 'the first is the baseline');
    const cell = (row: string, v: number) =>
      page.locator(`${tid('compare-table')} tr[data-row="${row}"] td[data-version="${v}"]`);
    const income = await Promise.all([0, 1].map((v) => cell('income', v).getAttribute('data-value')));
    // The old single project at 36 yuan; the merged scheme (三合一) at 48 (scenarios/hangzhou-2016.json).
    assert.equal(Number(income[0]), 720_000 * 36, 'old income');
    assert.equal(Number(income[1]), 720_000 * 48, 'the merged scheme’s income');
    const payout = await Promise.all(
      [0, 1].map(async (v) => Number(await cell('expected', v).getAttribute('data-value'))),
    );
    assert.ok(payout[1] > payout[0], `the new table pays more: ${payout.join(' → ')}`);
    assert.match(
      await cell('expected', 1).innerText(),
      /\+¥[\d,.]+万 \(\+\d+\.\d%\)/,
      'the difference against the baseline, in 万 and percent',
    );
    assert.ok(
      ['breaks-even', 'deficit-within-backstop', 'deficit-beyond-backstop'].includes(
        (await cell('verdict', 1).getAttribute('data-value')) ?? '',
      ),
    );

    const changes = page.locator(`${tid('compare-changes')} li[data-path="benefits[0].cap"]`);
    assert.equal(await changes.count(), 1, 'the cap change is listed');
    const capText = await changes.innerText();
    assert.ok(
      capText.includes('benefits[0].cap：13,700 → 30,200'),
      `cap change in words: ${JSON.stringify(capText)}`,
    );
    assert.ok(hasCJK(capText), 'the change is described in Chinese');
    const flags = page.locator(`${tid('compare-flags')} [data-flag]`);
    assert.equal(await flags.count(), 1, 'one flag for Hangzhou');
    assert.equal(await flags.getAttribute('data-flag'), 'payout-growth-outpaces-contributions');
    const flagText = await flags.innerText();
    // P(deficit) is also given exactly (the engine has an exact method): the row is there for
    // both versions, and it, the income, the expected payout and the verdict read as the CLI's.
    const fft = await fromCli;
    const cellSel = (row: string, v: number) =>
      `${tid('compare-table')} tr[data-row="${row}"] td[data-version="${v}"]`;
    const differences: string[] = [];
    for (const v of [0, 1]) {
      const want: [string, string][] = [
        ['income', yuan(fft[v].income, 'zh')],
        ['expected', yuan(fft[v].expected.payout, 'zh')],
        ['prob-deficit-exact', percent(fft[v].simulated.probDeficit, 2)],
        ['verdict', VERDICT_WORDS.zh[fft[v].verdict]],
      ];
      for (const [row, text] of want) {
        const shown = await cellValue(page, cellSel(row, v)).catch((e: Error) => e.message);
        if (shown !== text)
          differences.push(`version ${v} ${row}: screen ${JSON.stringify(shown)}, CLI ${text}`);
      }
    }
    assert.deepEqual(differences, [], 'the comparison on screen differs from the CLI');
    // Two projects added: the expected payout grows far more than income (48 / 36 − 1 = +33%), both
    // growths from the CLI's exact figures, and the gap between them in percentage points.
    const growth = (f: (r: CliReport) => number) => f(fft[1]) / f(fft[0]) - 1;
    const [payoutGrowth, incomeGrowth] = [growth((r) => r.expected.payout), growth((r) => r.income)];
    assert.ok(Math.abs(incomeGrowth - 1 / 3) < 1e-12, `income growth ${incomeGrowth}`);
    for (const part of [
      `预期支出 +${Math.round(payoutGrowth * 100)}%`,
      `收入 +${Math.round(incomeGrowth * 100)}%`,
      `支出增速快 ${Math.round((payoutGrowth - incomeGrowth) * 100)} 个百分点`,
    ])
      assert.ok(flagText.includes(part), `the flag says ${part}: ${flagText}`);
    const exact = fft.map((r) => r.simulated.probDeficit);

    const a = await waitForChart(page, 'chart-compare-payout');
    const b = await waitForChart(page, 'chart-compare-benefit');
    await screenshot(page, 'compare-hangzhou');
    log(
      `exact P(deficit) ${exact.length ? exact.map((p) => p.toExponential(2)).join(' → ') : 'not available'}`,
    );
    log(
      `compared in ${seconds.toFixed(1)} s; expected payout ${payout.map(Math.round).join(' → ')}; charts ${Math.round(a.width)}×${Math.round(a.height)}, ${Math.round(b.width)}×${Math.round(b.height)}; "${capText}"`,
    );
  });
});

test.describe(() => {
  test.use({ locale: 'en-US', viewport: { width: 1400, height: 1000 } });
  test('flags Wenzhou 2015 (an opened file) against 2014: payouts outgrow contributions, with the numbers, in either language', async ({
    page,
    baseUrl,
  }) => {
    await openApp(page, baseUrl);
    await page.locator(tid('tab-compare')).click();
    await page.locator(tid('compare-file')).setInputFiles(join(ROOT, 'scenarios/wenzhou-2015.json'));
    await page.waitForSelector(`${tid('compare-version-1')} option[value="file:0"]`, {
      state: 'attached',
      timeout: 5000,
    });
    await runCompare(page, ['example:wenzhou-2014.json', 'file:0']);
    const flag = page.locator(`${tid('compare-flags')} [data-flag="payout-growth-outpaces-contributions"]`);
    assert.equal(await flag.count(), 1, 'the flag is shown once');
    const text = await flag.innerText();
    assert.match(text, /\+\d+%/, `the payout growth: ${text}`);
    assert.ok(text.includes('+187%'), `the income growth +187% (91,449 × 38 → 332,874 × 30): ${text}`);
    assert.match(text, /¥[\d.,]+ (k|M) → ¥[\d.,]+ (k|M)/, `the amounts: ${text}`);
    const rowLabels = await page.locator(`${tid('compare-table')} tbody th`).allInnerTexts();
    assert.deepEqual(rowLabels.filter(hasCJK), [], 'the figure names are in English');
    const change = await page
      .locator(`${tid('compare-changes')} li[data-path="contributions[0].amount"]`)
      .innerText();
    assert.ok(change.includes('38 → 30'), `the contribution cut: ${change}`);
    await waitForChart(page, 'chart-compare-payout');
    await waitForChart(page, 'chart-compare-benefit');

    // The comparison stays on screen in the other language, the flag in Chinese.
    await page.locator(tid('lang')).click();
    await page.waitForFunction(
      (sel) => /与基准相比/.test(document.querySelector(sel)?.textContent ?? ''),
      `${tid('compare-flags')} [data-flag]`,
      { timeout: 5000 },
    );
    const zh = await flag.innerText();
    assert.ok(
      zh.includes('+187%') && /¥[\d.,]+万 → ¥[\d.,]+万/.test(zh),
      `the flag in Chinese with 万: ${zh}`,
    );
    log(`flag: ${text}`);
    log(`旗标: ${zh}`);
  });
});

test('a comparison shows progress over all versions and can be cancelled', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl);
  await page.locator(tid('tab-compare')).click();
  await page.locator(tid('compare-version-0')).selectOption('draft');
  await page.locator(tid('compare-version-1')).selectOption('example:jiaxing-2015.json');
  // Long enough to cancel, within the work limit for the two versions together: 12 units of work
  // a claimant with days (src/engine/workBudget.ts) for Hangzhou 2016's 28,800 and Jiaxing 2015's
  // 16,000 (400,000 × 4 per 100) inpatient claimants, about 5.4·10^5 an iteration against the limit
  // of 6·10^9: at most 11,000 iterations.
  await page.locator(tid('compare-iterations')).fill('10000');
  await page.locator(tid('compare-run')).click();
  const bar = page.locator(tid('compare-progress'));
  await page.waitForFunction(
    (sel) => Number(document.querySelector(sel)?.getAttribute('data-progress')) > 0,
    tid('compare-progress'),
    { timeout: 20_000, polling: 50 },
  );
  const p = Number(await bar.getAttribute('data-progress'));
  assert.ok(p > 0 && p < 1, `progress between 0 and 1: ${p}`);
  await page.locator(tid('compare-cancel')).click();
  await page.waitForSelector(tid('compare-progress'), { state: 'detached', timeout: 5000 });
  assert.equal(await page.locator(tid('compare-table')).count(), 0, 'no table from a cancelled comparison');
  assert.equal(await page.locator(tid('compare-run')).isEnabled(), true, 'run is enabled again');
  log(`cancelled at ${p.toFixed(3)}`);
});
