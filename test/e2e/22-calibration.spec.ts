// 22. Calibration: a cost risk to a history's years (Xilingol 2022 with the Inner Mongolia
// scenario), applied to the draft; claim-level fits ranked by AIC put the true family first.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assert,
  field,
  hasCJK,
  log,
  openApp,
  screenshot,
  showTab,
  tid,
  waitForChart,
  waitForName,
} from './fixtures/helpers.ts';
import { yuan } from './fixtures/screen.ts';
import { test } from './fixtures/test.ts';
import type { Page } from '@playwright/test';

/** A seeded uniform source (mulberry32), so the generated claims are the same every run. */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

type Family = 'lognormal' | 'gamma' | 'pareto';
const SAMPLERS: Record<Family, (u: () => number) => () => number> = {
  lognormal: (u) => () => Math.exp(7.6 + 1.1 * Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u())),
  gamma: (u) => () => -1500 * (Math.log(u()) + Math.log(u()) + Math.log(u())), // shape 3, scale 1,500
  pareto: (u) => () => 4000 * (Math.pow(u(), -1 / 2.5) - 1), // Lomax, shape 2.5, scale 4,000
};

function claimsCsv(family: Family, n = 400, seed = 7) {
  const draw = SAMPLERS[family](uniform(seed));
  return `cost\n${Array.from({ length: n }, () => Math.max(1, Math.round(draw() * 100) / 100)).join('\n')}\n`;
}

async function openInnerMongolia(page: Page, baseUrl: string) {
  await openApp(page, baseUrl);
  await page.locator(tid('template')).selectOption('inner-mongolia-forestry-2019.json');
  await waitForName(page, 'Inner Mongolia');
  await showTab(page, 'history');
}

test.describe(() => {
  test.use({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
  test('calibrates the Inner Mongolia inpatient risk to Xilingol 2022: fitted payout 4.93 M, and applying it changes the draft’s rate', async ({
    page,
    baseUrl,
  }) => {
    await openInnerMongolia(page, baseUrl);
    await page.locator(tid('history-example')).selectOption('xilingol.csv');
    await page.waitForSelector(`${tid('calibration-year')}[data-year="2022"]`, { timeout: 5000 });
    for (const y of [2019, 2020, 2021])
      await page.locator(`${tid('calibration-year')}[data-year="${y}"]`).uncheck();
    await page.waitForFunction(
      (sel) => document.querySelectorAll(sel).length === 1,
      `${tid('calibration-table')} tbody tr`,
      { timeout: 5000 },
    );
    const fitted = Number(
      await page
        .locator(`${tid('calibration-table')} tr[data-year="2022"] td[data-col="fitted"]`)
        .getAttribute('data-value'),
    );
    assert.ok(Math.abs(fitted / 4.93e6 - 1) < 0.001, `fitted payout ${fitted} within 0.1% of 4.93 M`);
    const fittedShown = await page
      .locator(`${tid('calibration-table')} tr[data-year="2022"] td[data-col="fitted"]`)
      .innerText();
    assert.equal(fittedShown, yuan(4.93e6, 'zh'), 'the fitted payout as shown');
    assert.equal(await page.locator(tid('calibration-risk')).inputValue(), 'inpatient');
    const summary = await page.locator(tid('calibration-summary')).innerText();
    assert.ok(hasCJK(summary) && summary.includes('4.27'), `the new rate per 100: ${summary}`);
    // Xilingol's figures are of the whole inpatient cost, which this file splits in two: the
    // screen says the fit gives the severe part's claimants to this one.
    assert.ok(
      (await page.locator(tid('calibration-parts')).innerText()).startsWith(
        '「inpatient-severe」与「inpatient」按同一张待遇表支付，是同一项费用的另一部分。',
      ),
    );
    const before = await page.locator(field('risks[0].rate')).inputValue();
    const meanBefore = await page.locator(field('risks[0].cost.mean')).inputValue();
    await page.locator(tid('apply-calibration')).click();
    await page.waitForFunction(
      ([sel, was]) => document.querySelector<HTMLInputElement>(sel)?.value !== was,
      [field('risks[0].rate'), before],
      { timeout: 5000 },
    );
    const after = Number(await page.locator(field('risks[0].rate')).inputValue());
    // The file's claimant rate, Hulunbuir's 16,719 claimants on 651,656 enrolments (0.02566), is
    // split over its two inpatient risks: 94.4% on this one (the lognormal part), 0.024223; the
    // calibration applies to this risk alone and leaves `inpatient-severe` (0.001437) as it was.
    assert.equal(Number(before), 0.024223);
    assert.equal(await page.locator(field('risks[1].rate')).inputValue(), '0.001437');
    assert.ok(Math.abs(after - 4527 / 106094) < 1e-12, `rate ${before} → ${after}`);
    assert.notEqual(
      await page.locator(field('risks[0].cost.mean')).inputValue(),
      meanBefore,
      'the cost mean changes too',
    );
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('huzhu.workbench.v1')!));
    assert.ok(Math.abs(saved.draft.risks[0].rate - after) < 1e-15 && saved.dirty, 'autosaved as an edit');
    await screenshot(page, 'calibration-xilingol');
    log(`fitted ${fitted.toFixed(2)}; rate ${before} → ${after.toFixed(5)}; ${summary}`);
  });
});

test.describe(() => {
  test.use({ locale: 'en-US', viewport: { width: 1400, height: 1000 } });
  test('claim-level fits rank the family that generated the costs first, with a QQ plot, and the chosen fit goes into the cost risk', async ({
    page,
    baseUrl,
    tmpDir,
  }) => {
    await openInnerMongolia(page, baseUrl);
    const ranks: Partial<Record<Family, (string | undefined)[]>> = {};
    for (const family of ['lognormal', 'gamma', 'pareto'] as const) {
      const file = join(tmpDir, `claims-${family}.csv`);
      writeFileSync(file, claimsCsv(family));
      await page.locator(tid('claims-file')).setInputFiles(file);
      await page.waitForFunction(
        (f) => document.querySelector('[data-testid="calibration"]')?.textContent?.includes(f),
        `claims-${family}.csv`,
        { timeout: 5000 },
      );
      await page.waitForSelector(`${tid('fit-table')} tbody tr[data-rank="1"]`, { timeout: 5000 });
      ranks[family] = await page
        .locator(`${tid('fit-table')} tbody tr`)
        .evaluateAll((trs) => trs.map((tr) => tr.dataset.family));
      assert.equal(ranks[family]![0], family, `${family} data: ranked ${ranks[family]!.join(' > ')}`);
    }
    await waitForChart(page, 'chart-qq');
    await screenshot(page, 'claim-fits');
    // Use the gamma fit (second or third) instead of the best, then apply.
    await page.locator(`${tid('fit-table')} tr[data-family="gamma"] ${tid('fit-choose')}`).check();
    await page.locator(tid('apply-fit')).click();
    await page.waitForFunction(
      (sel) => document.querySelector<HTMLSelectElement>(sel)?.value === 'gamma',
      `select${field('risks[0].cost.dist')}`,
      { timeout: 5000 },
    );
    log(JSON.stringify(ranks));
  });
});
