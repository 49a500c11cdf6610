// 5. Nothing typed is lost on a reload: edits are autosaved in the browser.
import {
  assert,
  field,
  inputValue,
  log,
  openApp,
  plainNumber,
  setField,
  waitForName,
} from './fixtures/helpers.ts';
import { test } from './fixtures/test.ts';

test('a reload keeps the edited name and members.count', async ({ page, baseUrl }) => {
  await openApp(page, baseUrl);
  const before = plainNumber(await inputValue(page, field('members.count')));
  assert.equal(before, 720_000, 'Hangzhou 2016 has 720,000 members');
  const name = 'Hangzhou 2016 自动保存 autosave check';
  await setField(page, 'members.count', 654_321);
  await setField(page, 'name', name);
  await waitForName(page, name, 5000);

  // Autosave may be debounced: wait until the edits are in localStorage before reloading.
  await page
    .waitForFunction(
      (n) => {
        for (let i = 0; i < localStorage.length; i++) {
          const v = localStorage.getItem(localStorage.key(i)!) ?? '';
          if (v.includes(n) && v.includes('654321')) return true;
        }
        return false;
      },
      name,
      { timeout: 10_000, polling: 100 },
    )
    .catch(() => {
      throw new Error('the edits did not reach localStorage within 10 s');
    });

  await page.reload({ waitUntil: 'load' });
  await waitForName(page, name, 15_000);
  const after = plainNumber(await inputValue(page, field('members.count')));
  assert.equal(after, 654_321, 'members.count after the reload');
  assert.equal(await inputValue(page, field('name')), name, 'the name field after the reload');
  log(`members.count ${before} → ${after}; name kept`);
});
