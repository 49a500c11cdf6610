// 26. 受益人次 on screen, in Chinese, as the CLI says it: the results' figures (受益人次, its share of
// members, the average benefit), the table by group and the leader's report's line beside the
// verdict equal what `huzhu simulate` prints for the same file, iterations and seed (its line
// 受益人次 …（占会员 …），人均受益 … and its table by group), for Ningbo 2015 (/2, four groups) and
// Hangzhou 2016 (/1, one membership: no table by group).
import { join } from 'node:path';
import {
  assert,
  cli,
  log,
  openApp,
  openScenario,
  ROOT,
  runAndWait,
  screenshot,
  setInput,
  tid,
} from './fixtures/helpers.ts';
import { screenLang, tableRows, visibleText } from './fixtures/screen.ts';
import { test } from './fixtures/test.ts';

const ITERATIONS = 400;
const SEED = 'e2e-helped';

test.use({ locale: 'zh-CN' });

for (const file of ['scenarios/ningbo-2015.json', 'scenarios/hangzhou-2016.json'])
  test(`受益人次 and the share of members helped in the results and the leader's report equal the CLI's (${file})`, async ({
    page,
    baseUrl,
  }) => {
    test.setTimeout(180_000);
    const cliText = cli(ROOT, ['simulate', file, '--iterations', String(ITERATIONS), '--seed', SEED]);
    cliText.catch(() => {});
    await openApp(page, baseUrl);
    if (!file.includes('hangzhou-2016')) await openScenario(page, join(ROOT, file));
    await setInput(page, tid('iterations'), ITERATIONS);
    await setInput(page, tid('seed'), SEED);
    await runAndWait(page, 120_000);
    assert.equal(await screenLang(page), 'zh', 'the page is in Chinese');
    const text = await cliText;

    // The CLI's line: 受益人次 60,394（占会员 4.8%），人均受益 ¥1,611.55
    const line = /受益人次 ([\d,]+)（占会员 ([\d.]+%)），人均受益 (\S+)/.exec(text);
    assert.ok(line, `the CLI prints 受益人次: ${text}`);
    const [sentence, times, share, average] = line;
    const shown = async (id: string) => visibleText(page, `${tid(id)} .figure-value`);
    assert.equal(await shown('figure-beneficiary-times'), times, '受益人次 on screen');
    assert.equal(await shown('figure-share-helped'), share, 'share of members helped on screen');
    assert.equal(await shown('figure-average-benefit'), average, 'average benefit on screen');
    assert.equal(await shown('preview-beneficiary-times'), times, '受益人次 in the exact preview');
    log(`${file}: ${sentence}`);

    // The table by group: the CLI's rows "    id: members / income / payout / loss ratio".
    const cliRows = [...text.matchAll(/^ {4}([\w-]+): ([\d,]+) \/ (\S+) \/ (\S+) \/ (\S+)$/gm)].map((m) =>
      m.slice(1, 6),
    );
    if (file.includes('ningbo')) {
      assert.equal(cliRows.length, 4, 'the CLI lists four groups');
      assert.deepEqual(await tableRows(page, tid('group-table')), cliRows, 'the table by group');
      await page.locator(tid('group-table')).scrollIntoViewIfNeeded();
      await screenshot(page, 'results-groups-zh');
    } else {
      assert.equal(cliRows.length, 0, 'no table by group in the CLI');
      assert.equal(await page.locator(tid('group-table')).count(), 0, 'no table by group on screen');
    }

    // The leader's report: the same sentence beside the verdict.
    await page.locator(tid('report')).click();
    const helped = await visibleText(page, tid('report-helped'));
    assert.equal(helped, sentence, "the report's line is the CLI's");
    const verdictBox = page.locator(`${tid('report-verdict')} ${tid('report-helped')}`);
    assert.equal(await verdictBox.count(), 1, 'the line sits in the verdict box');
    await screenshot(page, `report-helped-${file.includes('ningbo') ? 'ningbo' : 'hangzhou'}`);
  });
