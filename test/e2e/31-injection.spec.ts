// 31. Text from a scenario file is text everywhere: a name, payer labels, risk and benefit ids
// holding script or HTML show literally in the editor, header, results, charts, compare view and
// report page; no dialog fires, no element is made from them, no request leaves the origin.
import {
  assert,
  assertNoDialogs,
  field,
  log,
  openApp,
  openScenario,
  readScenario,
  ROOT,
  runCompare,
  runDraft,
  tid,
  waitForChart,
  writeTempScenario,
} from './fixtures/helpers.ts';
import { test } from './fixtures/test.ts';
import type { Page } from '@playwright/test';
import { watchSecurity } from './fixtures/security.ts';

const NAME = '<img src=x onerror=alert(1)> <script>alert(1)</script>';
const PAYER_A = '<script>alert(2)</script>';
const PAYER_B = 'javascript:alert(3)';
const RISK = '"><svg onload=alert(4)>';
const BENEFIT = '<img src=x onerror=alert(5)>';
const PAYLOADS = [NAME, PAYER_A, PAYER_B, RISK, BENEFIT];

/** Hangzhou 2016 with every text hostile: its 48 yuan split between two payers, the first risk and
 * benefit ids the payloads themselves, the others (ids are unique) the payloads numbered. */
function hostile(root: string) {
  const s = readScenario(root, 'scenarios/hangzhou-2016.json');
  type Risk = { id: string };
  type Benefit = { id: string; risk: string };
  const numbered = (payload: string, i: number) => (i === 0 ? payload : `${payload} ${i + 1}`);
  const riskIds = new Map(s.risks.map((r: Risk, i: number) => [r.id, numbered(RISK, i)]));
  return {
    ...s,
    name: NAME,
    notes: 'javascript:alert(6) "><svg onload=alert(7)>',
    contributions: [
      { payer: PAYER_A, amount: 40 },
      { payer: PAYER_B, amount: 8 },
    ],
    risks: s.risks.map((r: Risk, i: number) => ({ ...r, id: numbered(RISK, i) })),
    benefits: s.benefits.map((b: Benefit, i: number) => ({
      ...b,
      id: numbered(BENEFIT, i),
      risk: riskIds.get(b.risk),
    })),
  };
}

/** Elements that could only have come from markup in the data, and any dialog seen. */
async function injected(page: Page) {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll(
        'img, script:not([src]), [onerror], [onload], iframe, object, embed, a[href^="javascript:" i]',
      ),
    ].map((el) => el.outerHTML.slice(0, 120)),
  );
}

/** Payloads not found literally in the page's text, its input values and its svg text. */
async function missing(page: Page, wanted: string[]) {
  return page.evaluate((want) => {
    const texts = [
      document.body.innerText,
      document.title,
      ...[...document.querySelectorAll<HTMLInputElement>('input, textarea, select')].map((el) => el.value),
      ...[...document.querySelectorAll('svg text, svg title')].map((el) => el.textContent),
    ].join('\n');
    return want.filter((p) => !texts.includes(p));
  }, wanted);
}

test('script and HTML in a name, payer labels, risk and benefit ids stay inert and literal in every view', async ({
  page,
  baseUrl,
  tmpDir,
  guard,
}) => {
  test.setTimeout(90_000);
  const sec = await watchSecurity(page);
  await openApp(page, baseUrl);
  await openScenario(page, writeTempScenario(tmpDir, 'hostile.json', hostile(ROOT)));
  const checks: string[] = [];
  const check = async (where: string, wanted: string[]) => {
    assert.deepEqual(await injected(page), [], `elements injected (${where})`);
    assert.deepEqual(await missing(page, wanted), [], `payloads not shown literally (${where})`);
    checks.push(where);
  };

  // Header and editor.
  assert.equal((await page.locator(tid('scenario-name')).textContent())!.trim(), NAME, 'scenario-name');
  assert.equal(await page.locator(field('contributions[0].payer')).inputValue(), PAYER_A, 'payer 1');
  assert.equal(await page.locator(field('contributions[1].payer')).inputValue(), PAYER_B, 'payer 2');
  assert.equal(await page.locator(field('risks[0].id')).inputValue(), RISK, 'risk id');
  assert.equal(await page.locator(field('benefits[0].id')).inputValue(), BENEFIT, 'benefit id');
  await check('editor and header', PAYLOADS);

  // Results and charts.
  assert.equal((await runDraft(page, { iterations: 2000 })).name, NAME, 'report name');
  await waitForChart(page, 'chart-payout');
  await waitForChart(page, 'chart-benefit');
  await page.waitForTimeout(300);
  await check('results and charts', [NAME]);

  // Compare view (the scenario against itself as an example baseline) and the report page.
  await runCompare(page, ['example:hangzhou-2016.json', 'draft'], 2000);
  await check('compare view', [NAME]);
  await page.locator(tid('report')).click();
  await page.waitForSelector(`${tid('report-page')}[data-ready="true"]`, { timeout: 20_000 });
  await page.waitForTimeout(300);
  await check('report page', [NAME]);

  // The other language redraws everything.
  await page.locator(tid('lang')).click();
  await page.waitForSelector(`${tid('report-page')}[data-ready="true"]`, { timeout: 20_000 });
  await check('report page, other language', [NAME]);
  await page.locator(tid('report-close')).click();
  await check('workbench, other language', PAYLOADS);

  assertNoDialogs(guard);
  assert.deepEqual(await sec.violations(), [], 'CSP violations');
  assert.deepEqual(sec.foreign(baseUrl), [], 'requests to another origin');
  log(`inert and literal in: ${checks.join('; ')}`);
});
