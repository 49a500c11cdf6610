// 17. Every Monte Carlo warning of a heavy-tail run (an uncapped benefit under a Pareto cost of
// shape 1.1, ten claims a period, 500 iterations) shows in the results, the leader's report and
// the exported CSV, in the screen's language, word for word as the CLI says it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  assert,
  cli,
  hasCJK,
  log,
  openApp,
  openScenario,
  parseCsv,
  ROOT,
  runDraft,
  tid,
} from './fixtures/helpers.ts';
import { test } from './fixtures/test.ts';

const FIXTURE = 'test/fixtures/heavy-tail/heavy-tail.json';
const WARNINGS = ['mc-standard-error-large', 'mc-mean-off', 'heavy-tail', 'few-claims'];

interface Flag {
  code: string | null;
  text: string;
}

/** The CLI's flags, `{ code, text }` in order: English from --json, Chinese from the summary. */
async function cliFlags(root: string): Promise<{ en: Flag[]; zh: Flag[] }> {
  const file = join(root, FIXTURE);
  const report = JSON.parse(await cli(root, ['simulate', file, '--workers', '1', '--json']));
  const en = (report.flags as { code: string; message: string }[]).map((f) => ({
    code: f.code,
    text: f.message,
  }));
  const summary = await cli(root, ['simulate', file, '--workers', '1']);
  const zh = [...summary.matchAll(/^ {4}\[([a-z0-9-]+)\] (.*)$/gm)].map((m) => ({ code: m[1], text: m[2] }));
  return { en, zh };
}

/** The flags listed under `selector`, `{ code, text }` in order. */
const shownFlags = (page: Page, selector: string): Promise<Flag[]> =>
  page
    .locator(`${selector} li`)
    .evaluateAll((els) =>
      els.map((el) => ({ code: el.getAttribute('data-flag'), text: (el.textContent ?? '').trim() })),
    );

async function csvFlags(page: Page): Promise<Flag[]> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10_000 }),
    page.locator(tid('export-csv')).click(),
  ]);
  const rows = parseCsv(readFileSync(await download.path(), 'utf8'));
  return rows
    .filter((r) => r[0].startsWith('flags.'))
    .map((r) => ({ code: r[0].slice('flags.'.length), text: r[2] }));
}

async function openReport(page: Page): Promise<void> {
  await page.locator(tid('report')).click();
  await page.waitForSelector(`${tid('report-page')}[data-ready="true"]`, { timeout: 30_000 });
}

async function closeReport(page: Page): Promise<void> {
  await page.locator(tid('report-close')).click();
  await page.waitForSelector(`${tid('report-page')}[hidden]`, { state: 'attached', timeout: 5000 });
}

test.describe(() => {
  test.use({ locale: 'zh-CN' });
  test('every Monte Carlo warning of a heavy-tail run is in the results, the report and the CSV, in Chinese and in English', async ({
    page,
    baseUrl,
  }) => {
    test.setTimeout(120_000);
    const expected = await cliFlags(ROOT);
    for (const code of WARNINGS)
      assert.ok(
        expected.en.some((f) => f.code === code),
        `the CLI raises ${code} for the fixture`,
      );
    assert.deepEqual(
      expected.zh.map((f) => f.code),
      expected.en.map((f) => f.code),
      'the CLI lists the same flags in both languages',
    );
    assert.ok(
      expected.zh.every((f) => hasCJK(f.text)) && expected.en.every((f) => !hasCJK(f.text)),
      'each language in its own words',
    );

    await openApp(page, baseUrl);
    await openScenario(page, join(ROOT, FIXTURE));
    await runDraft(page, { iterations: 500, timeout: 60_000 });

    for (const [lang, want] of [
      ['zh', expected.zh],
      ['en', expected.en],
    ] as const) {
      if (lang === 'en') {
        await page.locator(tid('lang')).click();
        await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 5000 });
      }
      assert.deepEqual(
        await shownFlags(page, tid('flags')),
        want,
        `the results list every flag and warning (${lang})`,
      );
      assert.deepEqual(await csvFlags(page), want, `the CSV has every flag and warning (${lang})`);
      await openReport(page);
      assert.deepEqual(
        await shownFlags(page, tid('report-run-flags')),
        want,
        `the report lists every flag and warning (${lang})`,
      );
      await closeReport(page);
    }
    log(`${expected.en.length} flags: ${expected.en.map((f) => f.code).join(', ')}`);
  });
});
