// 25. Format /2's fields in the editor move the figures a person sees (Ningbo 2015, four groups):
// holdings, a contribution and a benefit paid per share, the lump sum's waiting amount and a limit.
// A field error shows at its field (holdings adding up to 1.1; a limit across risks) while the last
// run's figures stay on screen. The edited scheme, saved as /2 and given to the CLI, gives the same
// report; opened again it shows the same figures (a /2 round trip). The changes are checked
// against arithmetic done here from the file:
//   income + 850,000 in-service × ¥50 × (1.1 − 1) mean shares            = + ¥4,250,000
//   special illness: Σ members × 0.0015 × mean shares × ((1 − w) × 20,000 + w × waiting amount),
//   w = newShare 0.1 × 60 / 365 (one event a member at most: the engine also caps members with two
//   or more events in a period, some rate / 2 = 0.075% of the figure, hence the tolerance)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assert,
  cli,
  close,
  field,
  fieldError,
  log,
  openApp,
  openScenario,
  readReport,
  readScenario,
  ROOT,
  runAndWait,
  screenshot,
  setField,
  setInput,
  tid,
  writeTempScenario,
  type Report,
} from './fixtures/helpers.ts';
import { screenLang, visibleText, yuan } from './fixtures/screen.ts';
import { test } from './fixtures/test.ts';

const FILE = 'scenarios/ningbo-2015.json';
const ITERATIONS = 300;
const SEED = 'e2e-groups';

/** Waits until the text of `selector` is empty (`empty`) or not. */
async function waitText(page: import('@playwright/test').Page, selector: string, empty: boolean) {
  await page.waitForFunction(
    ([sel, e]) => ((document.querySelector(sel as string)?.textContent ?? '').trim() === '') === e,
    [selector, empty] as const,
    { timeout: 10_000 },
  );
}

type Full = Report & {
  benefits: { id: string; expected: number }[];
  limits: { id: string; expectedReduction: number }[];
  expected: { payout: number; beneficiaryTimes: number; averageBenefit: number | null };
};

test('holdings, per-share contributions and benefits, the waiting amount and a limit move the figures; a /2 round trip keeps them', async ({
  page,
  baseUrl,
  tmpDir,
}) => {
  test.setTimeout(240_000);
  const scenario = readScenario(ROOT, FILE);
  const special = scenario.benefits.findIndex((b: { id: string }) => b.id === 'special-illness');
  assert.equal(scenario.benefits[special].waitingAmount, 1000, 'the file pays 1,000 in the waiting period');
  await openApp(page, baseUrl);
  await openScenario(page, join(ROOT, FILE));
  await setInput(page, tid('iterations'), ITERATIONS);
  await setInput(page, tid('seed'), SEED);
  await runAndWait(page, 120_000);
  const before = (await readReport(page)) as Full;
  const lang = await screenLang(page);
  const incomeShown = await visibleText(page, `${tid('figure-income')} .figure-value`);
  assert.equal(incomeShown, yuan(before.income, lang), 'income on screen');

  // Holdings: one share each, then a second holding of 2 shares: the fractions add up to 1.1.
  const holdings = 'members.groups[0].holdings';
  await page.locator(tid('add-holding')).first().click();
  await page.locator(tid('add-holding')).first().click();
  await waitText(page, fieldError(holdings), false);
  const sumError = await visibleText(page, fieldError(holdings));
  assert.match(sumError, /1\.1/, `the holdings' error names their sum: ${sumError}`);
  log(`refused at ${holdings}: ${sumError}`);
  // The last run's figures stay; the preview says the scenario has errors; no run is possible.
  assert.equal(await visibleText(page, `${tid('figure-income')} .figure-value`), incomeShown, 'income kept');
  assert.deepEqual(await readReport(page), before, 'the last report is kept');
  assert.ok(
    await page.locator(`${tid('preview')}.invalid`).isVisible(),
    'the preview says the scenario has errors',
  );
  assert.ok(await page.locator(tid('run')).isDisabled(), 'no run of an invalid scenario');
  await setField(page, `${holdings}[0].fraction`, 0.9);
  await waitText(page, fieldError(holdings), true);

  // The employer's ¥50 for in-service and migrant workers per share; the special illness per share,
  // paying ¥5,000 in the waiting period.
  await page.locator(field('contributions[0].perShare')).check();
  await page.locator(field(`benefits[${special}].perShare`)).check();
  await setField(page, `benefits[${special}].waitingAmount`, 5000);

  // A limit over the inpatient table and allowance: ¥2,000 a claimant. Ticking the special illness
  // too (another risk) is refused at the limit's benefits, with the reason.
  await page.locator(tid('add-limit')).click();
  const choice = field('limits[0].benefits');
  assert.ok(await page.locator(`${choice} input[value="self-pay"]`).isChecked(), 'the limit covers self-pay');
  await page.locator(`${choice} input[value="allowance"]`).check();
  await setField(page, 'limits[0].cap', 2000);
  await page.locator(`${choice} input[value="special-illness"]`).check();
  await waitText(page, fieldError('limits[0].benefits'), false);
  const across = await visibleText(page, fieldError('limits[0].benefits'));
  assert.match(across, /limits\[0\]\.benefits\[2\]/, `the error names the benefit's place: ${across}`);
  assert.match(across, /special-illness/, `the error names the benefit: ${across}`);
  log(`refused at limits[0].benefits: ${across}`);
  await page.locator(`${choice} input[value="special-illness"]`).uncheck();
  await waitText(page, fieldError('limits[0].benefits'), true);
  await screenshot(page, 'editor-groups-edited');

  await runAndWait(page, 120_000);
  const after = (await readReport(page)) as Full;
  assert.equal(after.income - before.income, 850_000 * 50 * 0.1, 'income: + in-service × ¥50 × 0.1 share');
  const w = (0.1 * 60) / 365;
  const lump = (shares: number, waiting: number) => 0.0015 * shares * ((1 - w) * 20_000 + w * waiting);
  const want = lump(850_000 * 1.1 + 200_000, 5000) - lump(850_000 + 200_000, 1000);
  const got =
    after.benefits.find((b) => b.id === 'special-illness')!.expected -
    before.benefits.find((b) => b.id === 'special-illness')!.expected;
  assert.ok(Math.abs(got / want - 1) < 2e-3, `special illness: + ${got} against + ${want} worked out here`);
  const limit = after.limits.find((l) => l.id === 'limit-1');
  assert.ok(limit && limit.expectedReduction > 0, 'the limit saves something');
  const sumBenefits = after.benefits.reduce((s, b) => s + b.expected, 0);
  assert.ok(
    Math.abs(sumBenefits - limit.expectedReduction - after.expected.payout) < 1,
    'payout = Σ benefits before limits − what the limit saves',
  );
  const savings = await visibleText(page, `${tid('limit-savings')} [data-limit="limit-1"]`);
  assert.ok(
    savings.includes(yuan(limit.expectedReduction, lang)),
    `the limit's savings on screen: ${savings}`,
  );
  await page.locator(tid('limit-savings')).scrollIntoViewIfNeeded();
  await screenshot(page, 'results-groups-edited');

  // Save as /2; the CLI gives the same report for the saved file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(tid('save')).click()]);
  const text = readFileSync(await download.path(), 'utf8');
  const saved = JSON.parse(text);
  assert.equal(saved.format, 'huzhu-scenario/2', 'saved as /2');
  assert.deepEqual(saved.members.groups[0].holdings, [
    { shares: 1, fraction: 0.9 },
    { shares: 2, fraction: 0.1 },
  ]);
  assert.deepEqual(saved.limits, [{ id: 'limit-1', benefits: ['self-pay', 'allowance'], cap: 2000 }]);
  const path = writeTempScenario(tmpDir, 'ningbo-edited.json', saved);
  const ref = JSON.parse(await cli(ROOT, ['simulate', path, '--json'])) as Full;
  for (const key of ['income', 'expected.payout', 'expected.beneficiaryTimes', 'expected.averageBenefit']) {
    const pick = (r: Full) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], r);
    assert.ok(close(pick(after), pick(ref), 1e-9), `${key}: screen ${pick(after)}, CLI ${pick(ref)}`);
  }
  assert.ok(close(limit.expectedReduction, ref.limits[0].expectedReduction, 1e-9), "the limit's savings");

  // Open the saved file again: the same figures.
  await openScenario(page, path);
  assert.equal(await page.locator(field(`${holdings}[1].shares`)).inputValue(), '2', 'holding read back');
  assert.equal(await page.locator(field('limits[0].cap')).inputValue(), '2000', 'limit read back');
  await runAndWait(page, 120_000);
  const reopened = (await readReport(page)) as Full;
  assert.deepEqual(
    [reopened.income, reopened.expected, reopened.limits, reopened.simulated],
    [after.income, after.expected, after.limits, after.simulated],
    'the same figures after a /2 round trip',
  );
});

test('a one-membership file divided into groups keeps its figures; a group added pays the contribution', async ({
  page,
  baseUrl,
}) => {
  // Hangzhou 2016 (/1): 720,000 members paying ¥48 each (the merged scheme, scenarios/hangzhou-2016.json).
  const scenario = readScenario(ROOT, 'scenarios/hangzhou-2016.json');
  assert.equal(scenario.members.count, 720_000);
  assert.deepEqual(scenario.contributions, [{ payer: 'member', amount: 48 }]);
  await openApp(page, baseUrl);
  const lang = await screenLang(page);
  const preview = (id: string) => visibleText(page, `${tid(`preview-${id}`)} .figure-value`);
  const expected = await preview('expected');
  assert.equal(await preview('income'), yuan(720_000 * 48, lang), 'income before');

  await page.locator(tid('split-groups')).click();
  assert.equal(await page.locator(tid('member-group')).count(), 1, 'one group');
  assert.equal(await page.locator(field('members.groups[0].id')).inputValue(), 'all');
  assert.equal(await page.locator(field('members.groups[0].count')).inputValue(), '720000');
  assert.equal(await page.locator(field('members.count')).count(), 0, 'no single count beside the groups');
  assert.equal(await preview('income'), yuan(720_000 * 48, lang), 'the same income as one group');
  assert.equal(await preview('expected'), expected, 'the same expected payout as one group');

  await page.locator(tid('add-group')).click();
  assert.equal(await page.locator(tid('member-group')).count(), 2, 'a second group');
  await setField(page, 'members.groups[1].count', 80_000);
  await page.waitForFunction(
    ([sel, want]) => (document.querySelector(sel)?.textContent ?? '').trim() === want,
    [`${tid('preview-income')} .figure-value`, yuan(800_000 * 48, lang)],
    { timeout: 10_000 },
  );
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(tid('save')).click()]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.format, 'huzhu-scenario/2');
  assert.deepEqual(
    saved.members.groups.map((g: { id: string; count: number }) => [g.id, g.count]),
    [
      ['all', 720_000],
      ['group-2', 80_000],
    ],
  );
});
