// 27. The compare view over format /2. Hangzhou 2016 (a /1 example) against the same scheme spelt
// out in /2 (one group "all" holding one share each, every contribution and risk naming it, the
// rate given for it, perShare false, no limits; built here from the spec's field table) lists no
// change and the same figures. Ningbo 2015 against an edited copy lists each change in a /2 field
// (holdings, a contribution per share, a group's rate, the waiting amount, a limit) at its path,
// in words, as the CLI's `compare` lists it.
import {
  assert,
  cli,
  log,
  openApp,
  readScenario,
  ROOT,
  runCompare,
  screenshot,
  tid,
  writeTempScenario,
} from './fixtures/helpers.ts';
import { test } from './fixtures/test.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A /1 scheme in /2's explicit spelling: the same scheme by the spec's defaults. */
function explicit2(s: Json): Json {
  const { count, femaleShare, newShare } = s.members;
  return {
    ...s,
    format: 'huzhu-scenario/2',
    members: {
      groups: [{ id: 'all', count, femaleShare, newShare, holdings: [{ shares: 1, fraction: 1 }] }],
    },
    contributions: s.contributions.map((c: Json) => ({ ...c, perShare: false, groups: ['all'] })),
    risks: s.risks.map((r: Json) => ({ ...r, groups: ['all'], rate: { all: r.rate } })),
    benefits: s.benefits.map((b: Json) => ({ ...b, perShare: false })),
    limits: [],
  };
}

/** Opens a scenario file in the compare view's file picker; it becomes `file:<n>`. */
async function addFile(page: import('@playwright/test').Page, path: string, n: number) {
  await page.locator(tid('compare-file')).setInputFiles(path);
  await page.waitForSelector(`${tid('compare-version-1')} option[value="file:${n}"]`, {
    state: 'attached',
    timeout: 5000,
  });
}

test.use({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
test('compare lists no change for a /1 file spelt out in /2, and each change in a /2 field in words', async ({
  page,
  baseUrl,
  tmpDir,
}) => {
  test.setTimeout(240_000);
  const hangzhou = readScenario(ROOT, 'scenarios/hangzhou-2016.json');
  const same = writeTempScenario(tmpDir, 'hangzhou-2016-as-2.json', {
    ...explicit2(hangzhou),
    name: hangzhou.name,
  });
  const ningbo = readScenario(ROOT, 'scenarios/ningbo-2015.json');
  const edited = structuredClone(ningbo);
  edited.name = `${ningbo.name} (edited)`;
  edited.members.groups[0].holdings = [
    { shares: 1, fraction: 0.8 },
    { shares: 2, fraction: 0.2 },
  ];
  edited.contributions[1].perShare = true;
  edited.risks[0].rate.retired = 0.09;
  edited.benefits[2].waitingAmount = 500;
  edited.limits = [{ id: 'inpatient-total', benefits: ['self-pay', 'allowance'], cap: 20000 }];
  const editedPath = writeTempScenario(tmpDir, 'ningbo-edited.json', edited);

  await openApp(page, baseUrl);
  await page.locator(tid('tab-compare')).click();
  await addFile(page, same, 0);
  await runCompare(page, ['example:hangzhou-2016.json', 'file:0'], 500);
  const version1 = `${tid('compare-changes')} [data-version="1"]`;
  assert.equal(await page.locator(`${version1} li`).count(), 0, 'no change listed');
  assert.equal((await page.locator(`${version1} .note`).innerText()).trim(), '与基准相同。');
  const cell = (row: string, v: number) =>
    page
      .locator(`${tid('compare-table')} tr[data-row="${row}"] td[data-version="${v}"]`)
      .getAttribute('data-value');
  for (const row of ['income', 'expected', 'prob-deficit', 'p995'])
    assert.equal(await cell(row, 1), await cell(row, 0), `${row}: the same figure`);

  const cliText = cli(ROOT, ['compare', 'scenarios/ningbo-2015.json', editedPath, '--iterations', '200']);
  cliText.catch(() => {});
  await addFile(page, editedPath, 1);
  await runCompare(page, ['example:ningbo-2015.json', 'file:1'], 500, 120_000);
  // The first comparison's table is still there until the second's replaces it.
  await page.waitForSelector(`${version1} li[data-path="limits"]`, { timeout: 120_000 });
  const lines = await page
    .locator(`${version1} li[data-path]`)
    .evaluateAll((lis) =>
      lis.map((li) => [li.getAttribute('data-path') ?? '', (li as HTMLElement).innerText.trim()]),
    );
  const scheme = lines.filter(([path]) => path !== 'name');
  assert.deepEqual(
    scheme.map(([path]) => path),
    [
      'members.groups[0].holdings',
      'contributions[1].perShare',
      'risks[0].rate.retired',
      'benefits[2].waitingAmount',
      'limits',
    ],
    'the changes, each at its path, in the format’s order',
  );
  const words = Object.fromEntries(scheme);
  assert.equal(
    words['risks[0].rate.retired'],
    'risks[0].rate.retired：0.08 → 0.09（风险 1 · 比例或发生率 · retired）',
  );
  assert.equal(
    words['contributions[1].perShare'],
    'contributions[1].perShare：（无） → 是（缴费方 2 · 按份计）',
  );
  assert.equal(
    words['benefits[2].waitingAmount'],
    'benefits[2].waitingAmount：1,000 → 500（给付项目 3 · 等待期内给付）',
  );
  assert.match(words['members.groups[0].holdings'], /份数 2 · 占比 0\.2/);
  assert.match(words.limits, /代号 「inpatient-total」 · 给付项目 self-pay, allowance · 最高给付 20,000/);
  // The CLI lists the same lines.
  const text = await cliText;
  for (const [, line] of scheme) assert.ok(text.includes(line), `the CLI lists ${line}`);
  await page.locator(tid('compare-changes')).scrollIntoViewIfNeeded();
  await screenshot(page, 'compare-groups-zh');
  log(scheme.map(([, line]) => line).join('\n'));
});
