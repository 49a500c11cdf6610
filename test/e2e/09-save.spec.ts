// 9. Save downloads the scenario as a huzhu-scenario/2 file with the current edits (the bundled
// examples are /1 files: saving one writes the same scheme as /2).
import { readFileSync } from 'node:fs';
import { assert, log, openApp, plainNumber, setField, tid, waitForName } from './fixtures/helpers.ts';
import { test } from './fixtures/test.ts';

test('save downloads a huzhu-scenario/2 JSON file with the current name', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl);
  const name = 'Hangzhou 2016 保存 save check';
  await setField(page, 'name', name);
  await setField(page, 'members.count', 700_000);
  await waitForName(page, name);

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10_000 }),
    page.locator(tid('save')).click(),
  ]);
  const failure = await download.failure();
  assert.equal(failure, null, 'the download failed');
  const text = readFileSync(await download.path(), 'utf8');
  let saved;
  try {
    saved = JSON.parse(text);
  } catch (e) {
    throw new Error(`the saved file is not JSON: ${(e as Error).message}: ${text.slice(0, 120)}`, {
      cause: e,
    });
  }
  assert.equal(saved.format, 'huzhu-scenario/2', 'format');
  assert.equal(saved.name, name, 'name');
  assert.equal(plainNumber(saved.members?.count), 700_000, 'members.count');
  const file = download.suggestedFilename();
  assert.match(file, /\.json$/i, `the file name ${JSON.stringify(file)} ends in .json`);
  log(`saved ${file} (${text.length} characters)`);
});
