// 24. A huzhu-scenario/2 file with member groups in the editor (Ningbo 2015: four groups, a rate by
// group, contributions by group): one row per group with its id and count, one rate field per
// group, a problem in one group's rate shown at that field, and an edited group count moving the
// income on screen by count × that group's contributions (worked out here from the file).
import { join } from 'node:path';
import {
  assert,
  field,
  fieldError,
  inputValue,
  log,
  openApp,
  openScenario,
  plainNumber,
  readScenario,
  ROOT,
  runAndWait,
  setField,
  setInput,
  screenshot,
  tid,
} from './fixtures/helpers.ts';
import { screenLang, visibleText, yuan } from './fixtures/screen.ts';
import { test } from './fixtures/test.ts';

const FILE = 'scenarios/ningbo-2015.json';

test('the editor shows and edits member groups and rates by group; the income follows a group count', async ({
  page,
  baseUrl,
}) => {
  const scenario = readScenario(ROOT, FILE);
  const groups = scenario.members.groups as { id: string; count: number }[];
  await openApp(page, baseUrl);
  await openScenario(page, join(ROOT, FILE));

  const rows = page.locator(tid('member-group'));
  assert.equal(await rows.count(), groups.length, 'one editor row per group');
  for (const [i, g] of groups.entries()) {
    assert.equal(await inputValue(page, field(`members.groups[${i}].id`)), g.id, `group ${i}'s id`);
    assert.equal(
      plainNumber(await inputValue(page, field(`members.groups[${i}].count`))),
      g.count,
      `${g.id}'s count`,
    );
  }
  await rows.first().scrollIntoViewIfNeeded();
  log(`screenshot: ${await screenshot(page, 'editor-groups-ningbo')}`);
  assert.equal(
    await page.locator(field('members.count')).count(),
    0,
    'no single member count beside the groups',
  );

  const inpatient = (scenario.risks as { id: string; rate: unknown }[]).findIndex(
    (r) => typeof r.rate === 'object',
  );
  const rates = scenario.risks[inpatient].rate as Record<string, number>;
  for (const [g, rate] of Object.entries(rates))
    assert.equal(
      Number(await inputValue(page, field(`risks[${inpatient}].rate.${g}`))),
      rate,
      `risks[${inpatient}]'s rate for ${g}`,
    );

  // A rate above 1 for one group is refused at that group's field, and nowhere else.
  const retiredRate = `risks[${inpatient}].rate.retired`;
  await setField(page, retiredRate, 2);
  await page.waitForFunction(
    (sel) => (document.querySelector(sel)?.textContent ?? '').trim() !== '',
    fieldError(retiredRate),
    { timeout: 10_000 },
  );
  log(`refused at ${retiredRate}: ${await visibleText(page, fieldError(retiredRate))}`);
  await setField(page, retiredRate, rates.retired);
  await page.waitForFunction(
    (sel) => (document.querySelector(sel)?.textContent ?? '').trim() === '',
    fieldError(retiredRate),
    { timeout: 10_000 },
  );

  // 100,000 more retirees: income + 100,000 × what a retiree pays (the contributions naming the group).
  const retired = groups.findIndex((g) => g.id === 'retired');
  const contributions = scenario.contributions as { amount: number; groups?: string[] }[];
  const perRetiree = contributions
    .filter((c) => !c.groups || c.groups.includes('retired'))
    .reduce((s, c) => s + c.amount, 0);
  const income = (n: number) =>
    groups.reduce(
      (sum, g, i) =>
        sum +
        (i === retired ? n : g.count) *
          contributions.filter((c) => !c.groups || c.groups.includes(g.id)).reduce((s, c) => s + c.amount, 0),
      0,
    );
  assert.equal(perRetiree, 80, "a retiree's contribution in the file");
  await setField(page, `members.groups[${retired}].count`, groups[retired].count + 100_000);
  await setInput(page, tid('iterations'), 500);
  await runAndWait(page, 120_000);
  const lang = await screenLang(page);
  const shown = await visibleText(page, `${tid('figure-income')} .figure-value`);
  assert.equal(shown, yuan(income(groups[retired].count + 100_000), lang), 'income on screen');
  log(`income on screen ${shown} (file: ${yuan(income(groups[retired].count), lang)})`);
});
