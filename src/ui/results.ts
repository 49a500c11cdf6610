/**
 * The results a leader reads: the verdict in plain words with the decisive numbers, the payout
 * distribution with income and income + reserve + backstop marked, the benefit curves, the share
 * of cost by benefit, the quantiles. Also the exact preview that follows every edit.
 */
import { benefitCurve, defaultMaxCost } from '../benefits/curve.ts';
import { benefitCurveSpec } from '../charts/benefitCurve.ts';
import { benefitShareSpec } from '../charts/benefitShare.ts';
import { payoutDistributionSpec } from '../charts/payoutDistribution.ts';
import { resolveScheme } from '../domain/defaults.ts';
import { formatPercent, formatPerMember, formatYuan, type Lang } from '../domain/format.ts';
import type { Report } from '../domain/report.ts';
import type { Scenario } from '../domain/scenario.ts';
import { expectedPayout } from '../engine/expected.ts';
import { fundOf, netPerMemberContribution, verdictOf } from '../engine/fund.ts';
import { flagText } from '../messages/flags.ts';
import { histogram } from '../stats/histogram.ts';
import { renderChart } from './charts.ts';
import type { ExactPreview } from './exact.ts';
import type { ExactRefusal } from '../engine/fft/exactAccuracy.ts';
import { failureText } from '../messages/failures.ts';
import { allMembers, BENEFICIARY_WORDS } from '../messages/beneficiaries.ts';
import type { GroupResult } from '../domain/report.ts';
import { h } from './dom.ts';
import { LABELS, type Labels } from './i18n.ts';

const figure = (label: string, value: string, testid: string) =>
  h(
    'div',
    { class: 'figure', 'data-testid': testid },
    h('span', { class: 'figure-label' }, label),
    h('span', { class: 'figure-value' }, value),
  );

/** 受益人次, the share of members it is and the average benefit, as the CLI summary gives them (expected). */
export function helpedFigures(
  times: number,
  members: number,
  average: number | null,
  lang: Lang,
  prefix: string,
): HTMLElement[] {
  const W = BENEFICIARY_WORDS[lang];
  return [
    figure(W.times, countText(times), `${prefix}-beneficiary-times`),
    figure(W.shareHelped, formatPercent(times / members, 1), `${prefix}-share-helped`),
    figure(W.averageBenefit, average === null ? '—' : formatPerMember(average), `${prefix}-average-benefit`),
  ];
}

/** A count as the CLI writes it: rounded, grouped (60,412). */
export const countText = (n: number) => Math.round(n).toLocaleString('en-US');

/** Who pays for whom: by group, members, income, expected payout and loss ratio. */
export function groupTable(groups: readonly GroupResult[], lang: Lang): HTMLElement {
  const W = BENEFICIARY_WORDS[lang];
  const y = (x: number) => formatYuan(x, lang);
  return h(
    'table',
    { class: 'quantiles by-group', 'data-testid': 'group-table' },
    h('caption', {}, W.byGroup),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [W.group, W.members, W.income, W.expectedPayout, W.lossRatio].map((t) => h('th', {}, t)),
      ),
    ),
    h(
      'tbody',
      {},
      groups.map((g) =>
        h(
          'tr',
          { 'data-group': g.id },
          h('td', { 'data-user-text': '' }, g.id),
          h('td', {}, countText(g.members)),
          h('td', {}, y(g.income)),
          h('td', {}, y(g.expectedPayout)),
          h('td', {}, g.lossRatio === null ? '—' : formatPercent(g.lossRatio)),
        ),
      ),
    ),
  );
}

/** What each limit saves on average (the payout is after limits, the benefits before). */
export function limitTable(
  limits: readonly { id: string; expectedReduction: number }[],
  lang: Lang,
): HTMLElement {
  const W = BENEFICIARY_WORDS[lang];
  return h(
    'table',
    { class: 'quantiles limit-savings', 'data-testid': 'limit-savings' },
    h('caption', {}, W.limitSaves),
    h('thead', {}, h('tr', {}, h('th', {}, W.limit), h('th', {}, W.saves))),
    h(
      'tbody',
      {},
      limits.map((l) =>
        h(
          'tr',
          { 'data-limit': l.id },
          h('td', { 'data-user-text': '' }, l.id),
          h('td', {}, formatYuan(l.expectedReduction, lang)),
        ),
      ),
    ),
  );
}

/** The exact preview: μ, loss ratio and the verdict from the expectation alone (milliseconds). */
export function renderPreview(scenario: Scenario | null, lang: Lang): HTMLElement {
  const L = LABELS[lang];
  if (!scenario) return h('div', { class: 'preview invalid', 'data-testid': 'preview' }, L.previewInvalid);
  const s = resolveScheme(scenario);
  const fund = fundOf(s);
  const { income } = fund;
  const e = expectedPayout(s);
  const mu = e.payout;
  const verdict = verdictOf({ mu, ...fund });
  const members = allMembers(s.groups.map((g) => ({ members: g.count })));
  const perMemberNet = netPerMemberContribution(s);
  return h(
    'div',
    { class: `preview verdict-${verdict}`, 'data-testid': 'preview', 'data-verdict': verdict },
    h('h3', {}, L.preview),
    h(
      'div',
      { class: 'figures' },
      figure(L.income, formatYuan(income, lang), 'preview-income'),
      figure(L.expected, formatYuan(mu, lang), 'preview-expected'),
      figure(L.lossRatio, formatPercent(mu / income), 'preview-loss-ratio'),
      figure(L.breakEven, formatPerMember(mu / perMemberNet), 'preview-break-even'),
      ...helpedFigures(
        e.beneficiaryTimes,
        members,
        e.beneficiaryTimes > 0 ? mu / e.beneficiaryTimes : null,
        lang,
        'preview',
      ),
      figure('', L.verdict[verdict], 'preview-verdict'),
    ),
  );
}

/** The results of a completed run; charts are drawn after the element is in the page. */
export function renderResults(
  report: Report,
  scenario: Scenario,
  totals: Float64Array,
  lang: Lang,
): { el: HTMLElement; draw: () => Promise<void> } {
  const L = LABELS[lang];
  const y = (x: number) => formatYuan(x, lang);
  const s = resolveScheme(scenario);
  const { net, threshold } = fundOf(s);
  const q = report.simulated.quantiles;
  const payoutEl = h('div', { class: 'chart', 'data-testid': 'chart-payout' });
  const benefitEl = h('div', { class: 'chart', 'data-testid': 'chart-benefit' });
  const shareEl = h('div', { class: 'chart', 'data-testid': 'chart-share' });
  const el = h(
    'section',
    { class: 'results' },
    h(
      'div',
      {
        class: `verdict verdict-${report.verdict}`,
        'data-testid': 'verdict',
        'data-verdict': report.verdict,
      },
      h('strong', {}, L.verdict[report.verdict]),
      h('span', {}, L.verdictHint[report.verdict]),
    ),
    h(
      'div',
      { class: 'figures' },
      figure(L.income, y(report.income), 'figure-income'),
      figure(L.expected, y(report.expected.payout), 'figure-expected'),
      figure(L.lossRatio, formatPercent(report.expected.lossRatio), 'figure-loss-ratio'),
      figure(L.probDeficit, formatPercent(report.simulated.probDeficit, 2), 'figure-prob-deficit'),
      figure(L.probBeyond, formatPercent(report.simulated.probBeyondBackstop, 2), 'figure-prob-beyond'),
      figure(
        L.breakEven,
        report.breakEvenContribution === null ? '—' : formatPerMember(report.breakEvenContribution),
        'figure-break-even',
      ),
      figure(
        L.atConfidence(formatPercent(s.simulation.confidence)),
        report.contributionAtConfidence === null ? '—' : formatPerMember(report.contributionAtConfidence),
        'figure-at-confidence',
      ),
      figure(
        L.simMean,
        `${y(report.simulated.mean)} ± ${y(report.simulated.standardError)}`,
        'figure-sim-mean',
      ),
      ...helpedFigures(
        report.expected.beneficiaryTimes,
        allMembers(report.groups),
        report.expected.averageBenefit,
        lang,
        'figure',
      ),
    ),
    report.groups.length > 1 && groupTable(report.groups, lang),
    report.limits.length > 0 && limitTable(report.limits, lang),
    report.flags.length > 0 &&
      h(
        'ul',
        { class: 'flags', 'data-testid': 'flags' },
        report.flags.map((f) => h('li', { 'data-flag': f.code }, flagText(lang, f))),
      ),
    payoutEl,
    h('div', { class: 'two-col' }, benefitEl, shareEl),
    h(
      'table',
      { class: 'quantiles', 'data-testid': 'quantiles' },
      h('thead', {}, h('tr', {}, h('th', {}, L.quantile), h('th', {}, L.payout))),
      h(
        'tbody',
        {},
        (
          [
            ['50%', q.p50],
            ['75%', q.p75],
            ['90%', q.p90],
            ['95%', q.p95],
            ['99%', q.p99],
            ['99.5%', q.p995],
          ] as const
        ).map(([k, v]) => h('tr', {}, h('td', {}, k), h('td', {}, y(v)))),
      ),
    ),
    h('p', { class: 'run-info' }, L.runInfo(report.iterations.toLocaleString('en-US'), report.seed)),
    h('output', { hidden: true, 'data-testid': 'report-json' }, JSON.stringify(report)),
  );
  const draw = async () => {
    const width = Math.max(320, payoutEl.clientWidth - 40);
    const typeName = { bands: L.typeBands, steps: L.typeSteps, daily: L.typeDaily, 'lump-sum': L.typeLump };
    const label = (id: string) => {
      const b = s.benefits.find((x) => x.id === id)!;
      return `${typeName[b.type]} · ${id}`;
    };
    const costBenefits = s.benefits.filter((b) => b.type === 'bands' || b.type === 'steps');
    const maxCost = Math.max(...costBenefits.map((b) => defaultMaxCost(b)));
    const curves = costBenefits.map((b) => ({
      id: b.id,
      label: label(b.id),
      points: benefitCurve(b, maxCost),
    }));
    await Promise.all([
      renderChart(
        payoutEl,
        payoutDistributionSpec(
          {
            bins: histogram(totals, { bins: 40 }),
            income: report.income,
            net,
            threshold,
            expected: report.expected.payout,
          },
          {
            lang,
            labels: payoutChartLabels(L),
            width,
            height: 260,
          },
        ),
        lang,
      ),
      curves.length > 0
        ? renderChart(
            benefitEl,
            benefitCurveSpec(curves, {
              lang,
              labels: { title: L.chartBenefitTitle, x: L.chartBenefitX, y: L.chartBenefitY },
              width: Math.max(280, width / 2 - 40),
              height: 220,
            }),
            lang,
          )
        : Promise.resolve(),
      renderChart(
        shareEl,
        benefitShareSpec(
          report.benefits.map((b) => ({ id: b.id, label: label(b.id), expected: b.expected })),
          {
            lang,
            labels: { title: L.chartShareTitle, x: L.share },
            width: Math.max(280, width / 2 - 40),
            height: 220,
          },
        ),
        lang,
      ),
    ]);
  };
  return { el, draw };
}

/** Adds the exact distribution to the preview: P(deficit), p95 and the payout chart (FFT, milliseconds). */
export async function drawExactPreview(
  box: HTMLElement,
  scenario: Scenario,
  p: ExactPreview,
  lang: Lang,
): Promise<void> {
  const L = LABELS[lang];
  const preview = box.querySelector('[data-testid="preview"]');
  if (!preview) return;
  const s = resolveScheme(scenario);
  const { income, net, threshold } = fundOf(s);
  const chart = h('div', { class: 'chart', 'data-testid': 'preview-chart' });
  preview
    .querySelector('.figures')
    ?.append(
      figure(L.probDeficit, formatPercent(p.probDeficit, 2), 'preview-prob-deficit'),
      figure('p95', formatYuan(p.p95, lang), 'preview-p95'),
    );
  preview.append(chart);
  const width = Math.max(320, chart.clientWidth - 40);
  await renderChart(
    chart,
    payoutDistributionSpec(
      { bins: p.bins, income, net, threshold, expected: expectedPayout(s).payout },
      {
        lang,
        labels: payoutChartLabels(L),
        width,
        height: 180,
      },
    ),
    lang,
  );
}

/**
 * In place of the exact preview's figures and chart: why the exact method refused the scenario
 * (engine/fft/exactAccuracy.ts), so that the preview never shows figures it cannot stand behind.
 */
export function showExactRefusal(box: HTMLElement, refusal: ExactRefusal, lang: Lang): void {
  box
    .querySelector('[data-testid="preview"]')
    ?.append(
      h(
        'p',
        { class: 'exact-refused', 'data-testid': 'preview-exact-refused' },
        failureText(lang, { code: 'exact-refused', params: { refusal, hint: 'workbench' } }),
      ),
    );
}

/** The payout chart's labels in the screen's language (the results, the preview and the report). */
export function payoutChartLabels(L: Labels) {
  return {
    title: L.chartPayoutTitle,
    x: L.chartPayoutX,
    y: L.chartPayoutY,
    income: L.chartIncome,
    threshold: L.chartThreshold,
    expected: L.chartExpected,
  };
}
