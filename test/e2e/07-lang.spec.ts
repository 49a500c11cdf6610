// 7. The language switch changes every label and html[lang]; no mixed-language screens.
import {
  assert,
  hasCJK,
  labelOf,
  log,
  openApp,
  runAndWait,
  setInput,
  textOf,
  tid,
} from './fixtures/helpers.ts';
import { test } from './fixtures/test.ts';
import type { Page } from '@playwright/test';

/**
 * Visible texts of the page's own labels: buttons, labels, headings, table headers, legends. With
 * `click`, the element of that selector is clicked first, in the same task: the labels are read
 * before any timer or idle callback, so a label the switch re-words only a moment later is caught
 * every time, not by chance.
 */
async function mainLabels(page: Page, click?: string) {
  return page.evaluate(
    ([skip, click]) => {
      if (click) document.querySelector<HTMLElement>(click)!.click();
      const visible = (el: Element) =>
        el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const seen: { tag: string; text: string }[] = [];
      for (const el of document.querySelectorAll<HTMLElement>(
        'button, label, h1, h2, h3, h4, th, legend, summary',
      )) {
        if (!visible(el) || el.closest(skip)) continue;
        // Texts that come from the scenario (its name, ids typed by the user) are not labels.
        if (el.closest('[data-testid="scenario-name"], [data-field], [data-user-text]')) continue;
        const text = (el.innerText || el.getAttribute('aria-label') || '').trim();
        if (text) seen.push({ tag: el.tagName.toLowerCase(), text });
      }
      return { lang: document.documentElement.lang, labels: seen };
    },
    ['[data-testid="lang"], .vega-embed', click] as const,
  );
}

test.describe(() => {
  test.use({ locale: 'zh-CN' });
  test('the language switch changes the labels, the verdict and html[lang]', async ({ page, baseUrl }) => {
    await openApp(page, baseUrl);
    await setInput(page, tid('iterations'), 2000);
    await runAndWait(page, 30_000);
    const lang = () => page.evaluate(() => document.documentElement.lang);
    assert.equal(await lang(), 'zh-CN', 'html[lang] at first');

    // Chinese: the main labels and the verdict are Chinese.
    const zhRun = await labelOf(page, tid('run'));
    const zhVerdict = await textOf(page, tid('verdict'));
    const zhLabels = (await mainLabels(page)).labels;
    assert.ok(hasCJK(zhRun), `run in Chinese: ${JSON.stringify(zhRun)}`);
    assert.ok(hasCJK(zhVerdict), `the verdict in Chinese: ${JSON.stringify(zhVerdict)}`);
    const notChinese = zhLabels.filter((l) => !hasCJK(l.text) && /[A-Za-z][a-z]{2,}/.test(l.text));
    assert.deepEqual(notChinese, [], 'labels without Chinese in Chinese mode');

    // English: html[lang] and every label change in the click's own task.
    const en = await mainLabels(page, tid('lang'));
    assert.equal(en.lang, 'en', 'html[lang] after switching to English');
    const chinese = en.labels.filter((l) => hasCJK(l.text));
    assert.deepEqual(chinese, [], 'labels with Chinese in English mode, read as the switch is clicked');
    const enRun = await labelOf(page, tid('run'));
    const enVerdict = await textOf(page, tid('verdict'));
    assert.notEqual(enRun, zhRun, 'the run label changed');
    assert.ok(!hasCJK(enRun) && /[a-z]/i.test(enRun), `run in English: ${JSON.stringify(enRun)}`);
    assert.ok(
      enVerdict && !hasCJK(enVerdict),
      `the verdict in English has no CJK: ${JSON.stringify(enVerdict)}`,
    );
    // Again once the deferred redraws (the sensitivity charts) have had their moment.
    await page.waitForTimeout(1500);
    const enLabels = (await mainLabels(page)).labels;
    assert.deepEqual(
      enLabels.filter((l) => hasCJK(l.text)),
      [],
      'labels with Chinese in English mode',
    );

    // And back, again in the click's task.
    const zh = await mainLabels(page, tid('lang'));
    assert.equal(zh.lang, 'zh-CN', 'html[lang] after switching back');
    assert.deepEqual(zh.labels, zhLabels, 'the same Chinese labels as before the switch');
    assert.equal(await labelOf(page, tid('run')), zhRun, 'run label back in Chinese');
    log(
      `run ${JSON.stringify(zhRun)} ⇄ ${JSON.stringify(enRun)}; verdict ${JSON.stringify(zhVerdict.slice(0, 40))} ⇄ ${JSON.stringify(enVerdict.slice(0, 60))}; ${zhLabels.length}/${enLabels.length} labels checked`,
    );
  });
});
