/**
 * The leader's report: one printable A4 page in the screen's language. The scheme's name, the
 * verdict in plain words, the decisive numbers, the payout distribution with income and backstop,
 * the comparison with the other versions (when the compare view has one), the solver's answers,
 * the assumptions (members, contributions by payer with the member's own share, fund, risks,
 * benefit table) with their source, and the run's seed, iterations and date.
 *
 * The sheet is laid out at the printed width (A4 less 12 mm margins); once drawn, if its content
 * is taller than the printed height it is zoomed to fit, so it always prints on one page.
 */
import { payoutDistributionSpec } from '../charts/payoutDistribution.ts';
import { resolveScheme } from '../domain/defaults.ts';
import { formatPercent, formatPerMember, formatYuan, type Lang } from '../domain/format.ts';
import type { Report } from '../domain/report.ts';
import type { Scenario } from '../domain/scenario.ts';
import { expectedPayout } from '../engine/expected.ts';
import { fundOf, incomePerMember, verdictOf } from '../engine/fund.ts';
import { affordableCap, isCappable } from '../engine/solve.ts';
import { flagText } from '../messages/flags.ts';
import { allMembers, BENEFICIARY_WORDS } from '../messages/beneficiaries.ts';
import { histogram } from '../stats/histogram.ts';
import { renderChart } from './charts.ts';
import { countText, payoutChartLabels } from './results.ts';
import type { CompareResult } from './compare.ts';
import { compareFlags, renderChanges, renderCompareTable } from './compareTable.ts';
import {
  benefitCap,
  benefitRule,
  benefitTypeName,
  contributionLines,
  limitLines,
  riskText,
} from './describe.ts';
import { dataTable, h } from './dom.ts';
import { contributionSummary } from './editor.ts';
import { LABELS } from './i18n.ts';
import type { Draft } from './paths.ts';
import { breakEvenPerMember } from './solver.ts';

/** The printed area of an A4 page with 12 mm margins, in CSS pixels (96 per inch). */
export const PRINT_WIDTH_MM = 186;
export const PRINT_HEIGHT_MM = 273;
const mm = (x: number) => (x * 96) / 25.4;
/** Leave a little room: rounding in the print layout must not spill one line onto a second page. */
const FIT_SLACK = 0.98;

export interface ReportInput {
  scenario: Scenario;
  /** The run of this very scenario, if any. */
  run: { report: Report; totals: Float64Array } | null;
  running: boolean;
  compare: CompareResult | null;
  lang: Lang;
  date: Date;
}

const figure = (label: string, value: string) =>
  h(
    'div',
    { class: 'figure' },
    h('span', { class: 'figure-label' }, label),
    h('span', { class: 'figure-value' }, value),
  );

export function renderReport(input: ReportInput): { el: HTMLElement; draw: () => Promise<void> } {
  const { scenario, run, lang } = input;
  const L = LABELS[lang];
  const y = (x: number) => formatYuan(x, lang);
  const s = resolveScheme(scenario);
  const fund = fundOf(s);
  const { income, net, threshold } = fund;
  const e = expectedPayout(s);
  const mu = e.payout;
  const report = run?.report ?? null;
  const verdict = report?.verdict ?? verdictOf({ mu, ...fund });
  const times = report?.expected.beneficiaryTimes ?? e.beneficiaryTimes;
  const members = allMembers(s.groups.map((g) => ({ members: g.count })));
  const average = report ? report.expected.averageBenefit : times > 0 ? mu / times : null;
  const date = input.date.toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
  const chartEl = h('div', { class: 'chart report-chart', 'data-testid': 'report-chart-payout' });
  const content = h(
    'div',
    { class: 'report-content' },
    h(
      'header',
      { class: 'report-head' },
      h('h1', {}, L.reportTitle),
      h(
        'p',
        { class: 'report-scheme', 'data-user-text': '' },
        scenario.name,
        scenario.period ? ` · ${scenario.period}` : '',
      ),
      h('p', { class: 'report-date' }, `${L.reportDate}${L.colon}${date}`),
    ),
    h(
      'div',
      { class: `verdict verdict-${verdict}`, 'data-testid': 'report-verdict', 'data-verdict': verdict },
      h('strong', {}, L.verdict[verdict]),
      h('span', {}, L.verdictHint[verdict]),
      h(
        'span',
        {
          class: 'verdict-helped',
          'data-testid': 'report-helped',
          'data-beneficiary-times': String(times),
          'data-share-helped': String(times / members),
        },
        BENEFICIARY_WORDS[lang].helped(
          countText(times),
          formatPercent(times / members, 1),
          average === null ? '—' : formatPerMember(average),
        ),
      ),
    ),
    report &&
      report.flags.length > 0 &&
      h(
        'ul',
        { class: 'flags', 'data-testid': 'report-run-flags' },
        report.flags.map((f) => h('li', { 'data-flag': f.code }, flagText(lang, f))),
      ),
    h('h2', {}, L.reportNumbers),
    h(
      'div',
      { class: 'figures report-figures' },
      figure(L.income, y(income)),
      figure(L.expected, y(mu)),
      figure(L.lossRatio, formatPercent(mu / income)),
      figure(L.backstop, y(s.fund.backstop)),
      report && figure(L.probDeficit, formatPercent(report.simulated.probDeficit, 2)),
      report && figure(L.probBeyond, formatPercent(report.simulated.probBeyondBackstop, 2)),
      report && figure(L.rowP995, y(report.simulated.quantiles.p995)),
      figure(L.breakEven, formatPerMember(breakEvenPerMember(scenario))),
    ),
    report ? chartEl : h('p', { class: 'note' }, input.running ? L.reportRunning : L.reportNoRun),
    input.compare && comparison(input.compare, lang),
    solverPart(scenario, report, lang),
    assumptions(scenario, lang),
    scenario.source &&
      h(
        'p',
        { class: 'report-source' },
        h('strong', {}, `${L.reportSource}${L.colon}`),
        h('span', { 'data-user-text': '' }, scenario.source),
      ),
    h(
      'footer',
      { class: 'report-foot' },
      report ? L.reportRunInfo(report.iterations.toLocaleString('en-US'), report.seed, date) : date,
    ),
  );
  const el = h(
    'article',
    { class: 'report-sheet', 'data-testid': 'report-sheet', lang: lang === 'zh' ? 'zh-CN' : 'en' },
    content,
  );

  const draw = async () => {
    content.style.zoom = '';
    if (run) {
      await renderChart(
        chartEl,
        payoutDistributionSpec(
          { bins: histogram(run.totals, { bins: 40 }), income, net, threshold, expected: mu },
          {
            lang,
            labels: payoutChartLabels(L),
            width: Math.round(mm(PRINT_WIDTH_MM)) - 24,
            height: 210,
          },
        ),
        lang,
      );
    }
    fitToPage(content);
  };
  return { el, draw };
}

/** Zooms the content down when it is taller than the printed page (never up). */
export function fitToPage(content: HTMLElement): void {
  content.style.zoom = '';
  const height = content.scrollHeight;
  const room = mm(PRINT_HEIGHT_MM) * FIT_SLACK;
  if (height > room) content.style.zoom = String(Math.floor((room / height) * 1000) / 1000);
}

function comparison(r: CompareResult, lang: Lang): HTMLElement {
  const L = LABELS[lang];
  return h(
    'section',
    { class: 'report-compare', 'data-testid': 'report-compare' },
    h('h2', {}, L.reportComparison),
    renderCompareTable(r, lang, true),
    compareFlags(r.comparison, lang, 'report-flags'),
    renderChanges(r.comparison, lang, 6),
  );
}

function solverPart(scenario: Scenario, report: Report | null, lang: Lang): HTMLElement {
  const L = LABELS[lang];
  const perMember = incomePerMember(scenario);
  const confidence = resolveScheme(scenario).simulation.confidence;
  const caps = scenario.benefits.filter(isCappable).map((b) => {
    const cap = affordableCap(scenario, b.id);
    return cap === null
      ? L.capNone(b.id)
      : cap === 0
        ? L.capZero(b.id)
        : L.capSentence(b.id, formatYuan(cap, lang));
  });
  return h(
    'section',
    { class: 'report-solver', 'data-testid': 'report-solver' },
    h('h2', {}, L.reportSolver),
    h(
      'p',
      {},
      L.breakEvenSentence(formatPerMember(breakEvenPerMember(scenario)), formatPerMember(perMember)),
      report?.contributionAtConfidence != null
        ? ` ${L.atConfidenceSentence(formatPercent(confidence, 1), formatPerMember(report.contributionAtConfidence))}`
        : '',
      caps.length > 0 ? ` ${caps.join(' ')}` : '',
    ),
  );
}

function assumptions(scenario: Scenario, lang: Lang): HTMLElement {
  const L = LABELS[lang];
  const s = resolveScheme(scenario);
  const members = s.groups.reduce((a, g) => a + g.count, 0);
  return h(
    'section',
    { class: 'report-assumptions', 'data-testid': 'report-assumptions' },
    h('h2', {}, L.reportAssumptions),
    h(
      'div',
      { class: 'report-two' },
      h(
        'ul',
        {},
        h(
          'li',
          {},
          `${L.members}${L.colon}${L.membersLine(members.toLocaleString('en-US'), formatPercent(s.groups.reduce((a, g) => a + g.count * g.femaleShare, 0) / members, 0))}`,
          scenario.members.groups &&
            L.groupsLine(
              scenario.members.groups
                .map((g) => `${g.id} ${g.count.toLocaleString('en-US')}`)
                .join(L.listSep),
            ),
        ),
        h('li', {}, `${L.contributions}${L.colon}${contributionLines(scenario, lang).join(L.listSep)}`),
        contributionSummary(scenario as unknown as Draft, L) !== '' &&
          h('li', {}, contributionSummary(scenario as unknown as Draft, L)),
        h(
          'li',
          {},
          `${L.fund}${L.colon}${L.reserveBackstop(formatYuan(s.fund.reserve, lang), formatYuan(s.fund.backstop, lang), formatPercent(s.fund.expenseRate, 1))}`,
        ),
      ),
      h(
        'ul',
        {},
        scenario.risks.map((r) => h('li', {}, riskText(r, lang))),
        limitLines(scenario, lang).map((t) => h('li', { 'data-testid': 'report-limit' }, t)),
      ),
    ),
    dataTable(
      { class: 'report-benefits' },
      L.benefitTableCols,
      scenario.benefits.map((b) =>
        h(
          'tr',
          {},
          h('td', { 'data-user-text': '' }, b.id),
          h('td', {}, benefitTypeName(b, lang)),
          h('td', {}, benefitRule(b, lang)),
          h('td', {}, benefitCap(b, lang)),
        ),
      ),
    ),
  );
}
