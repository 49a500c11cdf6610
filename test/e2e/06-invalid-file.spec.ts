// 6. A file that cannot be read says why and where, and leaves the open scenario untouched.
import { join } from 'node:path';
import {
  assert,
  fieldError,
  fieldValues,
  hasCJK,
  log,
  openApp,
  openFile,
  ROOT,
  scenarioName,
  setField,
  textOf,
  tid,
  waitForName,
} from './fixtures/helpers.ts';
import { test } from './fixtures/test.ts';
import type { Page } from '@playwright/test';

/** Opens `file`, waits for the error, checks it and that name and fields are as before. */
async function openBroken(page: Page, root: string, file: string, mustShow: RegExp[]) {
  const name = await scenarioName(page);
  const fields = await fieldValues(page);
  assert.ok(Object.keys(fields).length > 0, 'no [data-field] inputs found');

  await openFile(page, join(root, file));
  try {
    await page.waitForFunction(
      (sel) => (document.querySelector(sel)?.textContent ?? '').trim().length > 0,
      tid('error'),
      { timeout: 10_000, polling: 100 },
    );
  } catch {
    throw new Error(`no error shown in [data-testid="error"] after opening ${file}`);
  }
  const error = await textOf(page, tid('error'));
  assert.ok(await page.locator(tid('error')).first().isVisible(), 'the error is not visible');
  for (const re of mustShow)
    assert.match(error, re, `the error for ${file} should show ${re}: ${JSON.stringify(error)}`);

  await page.waitForTimeout(300);
  assert.equal(await scenarioName(page), name, 'the scenario name changed');
  const after = await fieldValues(page);
  const changed = Object.keys({ ...fields, ...after }).filter((k) => fields[k] !== after[k]);
  assert.deepEqual(changed, [], 'fields changed after opening a broken file');
  return error;
}

test('a file with bands out of order shows benefits[0].bands[2].upTo and keeps unsaved edits', async ({
  page,
  baseUrl,
}) => {
  await openApp(page, baseUrl);
  // Unsaved edits first: opening another file may ask (window.confirm); say yes.
  page.on('dialog', (d) => d.accept());
  const edited = 'Hangzhou 2016 edited before a bad file';
  await setField(page, 'name', edited);
  await setField(page, 'members.count', 700_001);
  await waitForName(page, edited);
  const error = await openBroken(page, ROOT, 'test/fixtures/invalid/bands-out-of-order.json', [
    /benefits\[0\]\.bands\[2\]\.upTo/,
  ]);
  log(`error: ${JSON.stringify(error.slice(0, 160))}`);
});

test('a file that is not JSON (trailing comma) says where, and changes nothing', async ({
  page,
  baseUrl,
}) => {
  await openApp(page, baseUrl);
  // The comma too many is before the `}` at line 10, column 3.
  const error = await openBroken(page, ROOT, 'test/fixtures/invalid/not-json-trailing-comma.json', [
    /\b10\b/,
  ]);
  await waitForName(page, 'Hangzhou 2016');
  log(`error: ${JSON.stringify(error.slice(0, 160))}`);
});

/** Waits until the element's text is `want`; the message says what it showed instead. */
async function waitForText(page: Page, selector: string, want: string) {
  try {
    await page.waitForFunction(
      ([sel, text]) => (document.querySelector(sel)?.textContent ?? '').trim() === text,
      [selector, want],
      { timeout: 10_000, polling: 100 },
    );
  } catch {
    throw new Error(
      `${selector} should read ${JSON.stringify(want)} but reads ${JSON.stringify(await textOf(page, selector))}`,
    );
  }
}

test.describe(() => {
  test.use({ locale: 'zh-CN' });
  test('the refusal and the field errors are re-worded when the language switches', async ({
    page,
    baseUrl,
  }) => {
    await openApp(page, baseUrl);
    page.on('dialog', (d) => d.accept());
    await setField(page, 'members.count', 0);
    await waitForText(page, fieldError('members.count'), '必须是 1 到 100000000 之间的整数');
    const error = await openBroken(page, ROOT, 'test/fixtures/invalid/bands-out-of-order.json', [
      /^无法打开「bands-out-of-order\.json」，当前方案未改动：/,
      /benefits\[0\]\.bands\[2\]\.upTo: 必须大于 10000$/,
    ]);

    await page.locator(tid('lang')).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 5000 });
    await waitForText(page, fieldError('members.count'), 'must be an integer from 1 to 100000000');
    const en = await textOf(page, tid('error'));
    assert.match(en, /^Could not open “bands-out-of-order\.json”; the open scenario is unchanged:/);
    assert.match(en, /benefits\[0\]\.bands\[2\]\.upTo: must be greater than 10000$/);
    assert.ok(!hasCJK(en), `the English refusal has Chinese in it: ${JSON.stringify(en)}`);

    await page.locator(tid('lang')).click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN', null, { timeout: 5000 });
    assert.equal(await textOf(page, tid('error')), error, 'the Chinese refusal reads as before');
    log(`refusal ${JSON.stringify(error)} ⇄ ${JSON.stringify(en)}`);
  });
});
