/**
 * Human-readable CLI output, in Chinese (default: amounts in 万 and 亿) or English.
 * Labels for both languages sit together here so a summary is never mixed.
 */
import { countsText, partYearsText, projectsText, rateSpreadText } from '../messages/rateSpread.ts';
import type { Benefit, Scenario } from '../domain/scenario.ts';
import type { Report, Verdict } from '../domain/report.ts';
import { formatPercent, formatPerMember, formatYuan, type Lang } from '../domain/format.ts';
import type { Comparison } from '../engine/compare.ts';
import type { Projection } from '../engine/project.ts';
import { payerIncomes } from '../engine/fund.ts';
import type { AggregateRegion, AggregateWarning, HistoryAnalysis } from '../history/index.ts';
import { changeLine } from '../messages/fields.ts';
import { flagText } from '../messages/flags.ts';
import { historyMessageText } from '../messages/history.ts';

const labels = {
  zh: {
    verdict: {
      'breaks-even': '持平',
      'deficit-within-backstop': '略亏，托底可覆盖',
      'deficit-beyond-backstop': '亏损超出托底',
    } as Record<Verdict, string>,
    scheme: '方案',
    income: '互助金收入',
    expenses: '管理费用',
    expected: '预期支出（精确）',
    lossRatio: '预期赔付率',
    simulated: '模拟支出',
    mean: '均值',
    sd: '标准差',
    se: '标准误',
    quantiles: '分位数',
    probDeficit: '出现亏损的概率',
    probBeyond: '托底资金不足的概率',
    breakEven: '持平所需互助费（每人）',
    atConfidence: (c: string) => `${c} 置信度所需互助费（每人）`,
    byBenefit: '各项待遇（预期 / 模拟）',
    run: (n: number, seed: string) => `蒙特卡洛 ${n.toLocaleString('en-US')} 次，种子 "${seed}"`,
    flags: '提示',
    benefitAt: (b: Benefit) =>
      b.type === 'daily' ? '住院天数' : b.type === 'lump-sum' ? '事件次数' : '自负医疗费',
    pays: '给付',
    holder: (k: number) => `持 ${k} 份`,
    limitNote: (id: string, cap: string) => `限额 ${id}：每人至多 ${cap}（与同一限额下的其他待遇合计）`,
    helped: (times: string, share: string, avg: string) =>
      `受益人次 ${times}（占会员 ${share}），人均受益 ${avg}`,
    payers: '各方缴费',
    payerNames: { member: '职工个人', employer: '单位', union: '工会', government: '政府' } as Record<
      string,
      string
    >,
    byGroup: '按人群（人数 / 收入 / 预期支出 / 赔付率）',
    limitSaves: '限额节省（预期）',
  },
  en: {
    verdict: {
      'breaks-even': 'breaks even',
      'deficit-within-backstop': 'slight deficit, covered by the backstop',
      'deficit-beyond-backstop': 'deficit beyond the backstop',
    } as Record<Verdict, string>,
    scheme: 'Scheme',
    income: 'Income',
    expenses: 'Expenses',
    expected: 'Expected payout (exact)',
    lossRatio: 'Expected loss ratio',
    simulated: 'Simulated payout',
    mean: 'mean',
    sd: 'sd',
    se: 'standard error',
    quantiles: 'quantiles',
    probDeficit: 'P(deficit year)',
    probBeyond: 'P(backstop not enough)',
    breakEven: 'Break-even contribution per member',
    atConfidence: (c: string) => `Contribution per member at ${c} confidence`,
    byBenefit: 'By benefit (expected / simulated)',
    run: (n: number, seed: string) => `Monte Carlo ${n.toLocaleString('en-US')} iterations, seed "${seed}"`,
    flags: 'Flags',
    benefitAt: (b: Benefit) =>
      b.type === 'daily' ? 'days' : b.type === 'lump-sum' ? 'events' : 'self-paid cost',
    pays: 'pays',
    holder: (k: number) => `holder of ${k} share${k === 1 ? '' : 's'}`,
    limitNote: (id: string, cap: string) =>
      `limit ${id}: at most ${cap} a claimant (with the other benefits under the same limit)`,
    helped: (times: string, share: string, avg: string) =>
      `Beneficiary-times (受益人次) ${times} (${share} of members), average benefit ${avg}`,
    payers: 'Paid by',
    payerNames: { member: 'members themselves' } as Record<string, string>,
    byGroup: 'By group (members / income / expected payout / loss ratio)',
    limitSaves: 'Limits save (expected)',
  },
};

const count = (n: number) => Math.round(n).toLocaleString('en-US');

export function simulateText(r: Report, s: Scenario, lang: Lang): string {
  const L = labels[lang];
  const y = (x: number) => formatYuan(x, lang);
  const q = r.simulated.quantiles;
  const lines = [
    `${L.scheme}: ${r.name}`,
    `${L.verdict[r.verdict]}  [${r.verdict}]`,
    `  ${L.income}: ${y(r.income)}    ${L.expenses}: ${y(r.expenses)}`,
    `  ${L.expected}: ${y(r.expected.payout)}    ${L.lossRatio}: ${formatPercent(r.expected.lossRatio)}`,
    `  ${L.helped(
      count(r.expected.beneficiaryTimes),
      formatPercent(r.expected.beneficiaryTimes / r.groups.reduce((n, g) => n + g.members, 0), 1),
      r.expected.averageBenefit === null ? '—' : formatPerMember(r.expected.averageBenefit),
    )}`,
    `  ${L.payers}: ${payerIncomes(s)
      .map(
        (p) =>
          `${L.payerNames[p.payer] ?? p.payer} ${y(p.income)} (${formatPercent(p.income / r.income, 1)})`,
      )
      .join(' · ')}`,
    `  ${L.simulated}: ${L.mean} ${y(r.simulated.mean)}, ${L.sd} ${y(r.simulated.sd)}, ${L.se} ${y(r.simulated.standardError)}`,
    `  ${L.quantiles}: p50 ${y(q.p50)}  p90 ${y(q.p90)}  p95 ${y(q.p95)}  p99 ${y(q.p99)}  p99.5 ${y(q.p995)}`,
    `  ${L.probDeficit}: ${formatPercent(r.simulated.probDeficit, 2)}    ${L.probBeyond}: ${formatPercent(r.simulated.probBeyondBackstop, 2)}`,
    `  ${L.breakEven}: ${r.breakEvenContribution === null ? '—' : formatPerMember(r.breakEvenContribution)}`,
    `  ${L.atConfidence(formatPercent(s.simulation?.confidence ?? 0.95))}: ${r.contributionAtConfidence === null ? '—' : formatPerMember(r.contributionAtConfidence)}`,
    `  ${L.byBenefit}:`,
    ...r.benefits.map((b) => `    ${b.id}: ${y(b.expected)} / ${y(b.simulated)}`),
  ];
  if (r.groups.length > 1)
    lines.push(
      `  ${L.byGroup}:`,
      ...r.groups.map(
        (g) =>
          `    ${g.id}: ${count(g.members)} / ${y(g.income)} / ${y(g.expectedPayout)} / ${g.lossRatio === null ? '—' : formatPercent(g.lossRatio)}`,
      ),
    );
  if (r.limits.length > 0)
    lines.push(`  ${L.limitSaves}:`, ...r.limits.map((l) => `    ${l.id}: ${y(l.expectedReduction)}`));
  if (r.flags.length > 0)
    lines.push(`  ${L.flags}:`, ...r.flags.map((f) => `    [${f.code}] ${flagText(lang, f)}`));
  lines.push(
    r.method === 'fft'
      ? `  ${lang === 'zh' ? '精确分布（FFT）' : 'exact distribution (FFT)'}`
      : `  ${L.run(r.iterations, r.seed)}`,
  );
  return `${lines.join('\n')}\n`;
}

export function benefitText(
  b: Benefit,
  points: { at: number; pays: number }[],
  lang: Lang,
  options: { shares?: number; limit?: { id: string; cap: number } } = {},
): string {
  const L = labels[lang];
  const { shares, limit } = options;
  const lines = [
    `${b.id} (${b.type})${shares === undefined ? '' : `, ${L.holder(shares)}`}`,
    ...(limit ? [`  ${L.limitNote(limit.id, formatPerMember(limit.cap))}`] : []),
    ...points.map(
      (p) =>
        `  ${L.benefitAt(b)} ${p.at.toLocaleString('en-US', { maximumFractionDigits: 2 })} → ${L.pays} ${formatPerMember(p.pays)}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

const compareLabels = {
  zh: {
    baseline: '基准',
    version: '版本',
    changes: '改动',
    flags: '提示',
    expected: '预期支出',
    lossRatio: '赔付率',
    income: '收入',
    probDeficit: '亏损概率',
    run: (n: number, seed: string) => `共同随机数：${n.toLocaleString('en-US')} 次，种子 "${seed}"`,
  },
  en: {
    baseline: 'baseline',
    version: 'version',
    changes: 'changes',
    flags: 'flags',
    expected: 'expected payout',
    lossRatio: 'loss ratio',
    income: 'income',
    probDeficit: 'P(deficit)',
    run: (n: number, seed: string) =>
      `common random numbers: ${n.toLocaleString('en-US')} iterations, seed "${seed}"`,
  },
};

export function compareText(c: Comparison, lang: Lang): string {
  const L = compareLabels[lang];
  const V = labels[lang];
  const y = (x: number) => formatYuan(x, lang);
  const base = c.versions[0];
  const lines: string[] = [];
  c.versions.forEach((v, i) => {
    const delta = i === 0 ? '' : `  (${formatYuan(v.expected.payout - base.expected.payout, lang)})`;
    lines.push(
      `${i === 0 ? L.baseline : `${L.version} ${i + 1}`}: ${v.name}`,
      `  ${V.verdict[v.verdict]} [${v.verdict}]  ${L.income} ${y(v.income)}  ${L.expected} ${y(v.expected.payout)}${delta}  ${L.lossRatio} ${formatPercent(v.expected.lossRatio)}  ${L.probDeficit} ${formatPercent(v.simulated.probDeficit, 2)}`,
    );
    if (v.changes.length > 0)
      lines.push(`  ${L.changes}:`, ...v.changes.map((ch) => `    ${changeLine(ch, lang)}`));
    if (v.flags.length > 0)
      lines.push(`  ${L.flags}:`, ...v.flags.map((f) => `    [${f.code}] ${flagText(lang, f)}`));
  });
  lines.push(L.run(c.iterations, c.seed));
  return `${lines.join('\n')}\n`;
}

export function solveText(
  r: {
    breakEvenContribution: number | null;
    contributionAtConfidence: number | null;
    affordableCap?: { benefit: string; cap: number | null };
  },
  s: Scenario,
  lang: Lang,
): string {
  const L = labels[lang];
  const money = (x: number | null) => (x === null ? '—' : formatPerMember(x));
  const lines = [
    `${L.breakEven}: ${money(r.breakEvenContribution)}`,
    `${L.atConfidence(formatPercent(s.simulation?.confidence ?? 0.95))}: ${money(r.contributionAtConfidence)}`,
  ];
  if (r.affordableCap) {
    const cap = r.affordableCap.cap;
    const text =
      cap === null
        ? lang === 'zh'
          ? '不设上限也可持平'
          : 'affordable with no cap at all'
        : formatPerMember(cap);
    lines.push(
      `${lang === 'zh' ? '可负担的最高给付' : 'Largest affordable cap'} (${r.affordableCap.benefit}): ${text}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A fixed-width table: its header as typed, then a line per row, each cell padded to its column's
 * width (a negative width pads on the right, for text).
 */
function textTable<R>(head: string, rows: readonly R[], columns: [number, (r: R) => string][]): string[] {
  const cell = (text: string, w: number) => (w < 0 ? text.padEnd(-w) : text.padStart(w));
  return [head, ...rows.map((r) => columns.map(([w, text]) => cell(text(r), w)).join(' '))];
}

const PROJECTION_HEAD = {
  zh: '年  会员        收入        预期支出     赔付率   基金余额 p5 / p50 / p95             耗尽概率  托底使用',
  en: 'year members    income      expected    loss     fund balance p5 / p50 / p95         P(depl.) backstop',
};

export function projectText(p: Projection, lang: Lang): string {
  const zh = lang === 'zh';
  const y = (x: number) => formatYuan(x, lang);
  const table = textTable(PROJECTION_HEAD[lang], p.years, [
    [-3, (r) => String(r.year)],
    [10, (r) => r.members.toLocaleString('en-US')],
    [11, (r) => y(r.income)],
    [12, (r) => y(r.expectedPayout)],
    [7, (r) => formatPercent(r.expectedLossRatio)],
    [-36, (r) => `${y(r.balance.p5)} / ${y(r.balance.p50)} / ${y(r.balance.p95)}`],
    [8, (r) => formatPercent(r.probDepleted, 2)],
    [9, (r) => y(r.expectedBackstopUse)],
  ]);
  const above = p.firstYearLossRatioAboveOne,
    insufficient = p.firstYearBackstopInsufficient;
  const notes = zh
    ? [
        `预期赔付率超过 100% 的第一年：${above ?? '无'}`,
        `托底资金不足概率超过置信要求的第一年：${insufficient ?? '无'}`,
      ]
    : [
        `first year with an expected loss ratio above 100%: ${above ?? 'none'}`,
        `first year the backstop is not enough (P(depleted) above 1 − confidence): ${insufficient ?? 'none'}`,
      ];
  return `${[p.name, ...table, ...notes].join('\n')}\n`;
}

const HISTORY_HEAD = {
  zh: '年份  会员        互助费      支出        赔付率   互助费增长  支出增长',
  en: 'year  members     contrib.    payouts     loss     contrib. Δ  payouts Δ',
};

export function historyText(a: HistoryAnalysis, lang: Lang): string {
  const zh = lang === 'zh';
  const y = (x: number | null) => (x === null ? '—' : formatYuan(x, lang));
  const g = (x: number | null) => (x === null ? '—' : `${x >= 0 ? '+' : '−'}${formatPercent(Math.abs(x))}`);
  const lines = textTable(HISTORY_HEAD[lang], a.years, [
    [-5, (r) => String(r.year)],
    [10, (r) => r.members.toLocaleString('en-US')],
    [11, (r) => y(r.contributions)],
    [11, (r) => y(r.payouts)],
    [7, (r) => (r.lossRatio === null ? '—' : formatPercent(r.lossRatio))],
    [10, (r) => g(r.contributionGrowth)],
    [10, (r) => g(r.payoutGrowth)],
  ]);
  for (const line of [
    partYearsText(a, lang),
    projectsText(a, lang),
    countsText(a, lang),
    rateSpreadText(a, lang),
  ])
    if (line !== null) lines.push(line);
  if (a.flags.length > 0)
    lines.push(
      zh ? '警示：' : 'Flags:',
      ...a.flags.map((f) => `  ${f.year} [${f.code}] ${historyMessageText(lang, f.note)}`),
    );
  if (a.warnings.length > 0)
    lines.push(
      zh ? '数据疑点：' : 'Data checks:',
      ...a.warnings.map((w) => `  ${w.year} [${w.code}] ${historyMessageText(lang, w.note)}`),
    );
  return `${lines.join('\n')}\n`;
}

export function regionsText(
  r: { regions: AggregateRegion[]; warnings: AggregateWarning[] },
  lang: Lang,
): string {
  const zh = lang === 'zh';
  const lines = r.regions.map(
    (x) =>
      `${x.name}: ${formatYuan(x.paid, lang)}${x.claims ? ` / ${x.claims.toLocaleString('en-US')} ${zh ? '人次' : 'claims'}` : ''}${x.claimants ? ` / ${x.claimants.toLocaleString('en-US')} ${zh ? '人' : 'claimants'}` : ''}`,
  );
  lines.push(
    r.warnings.length === 0
      ? zh
        ? '无数据疑点'
        : 'no data checks raised'
      : zh
        ? '数据疑点：'
        : 'Data checks:',
    ...r.warnings.map((w) => `  ${w.region} [${w.code}] ${historyMessageText(lang, w.note)}`),
  );
  return `${lines.join('\n')}\n`;
}

/**
 * The progress line of a long run (cli/progress.ts): the share done and the time left, e.g.
 * `模拟中 42%，约剩 3 秒` / `simulating 42%, about 3 s left`; `secondsLeft` null while unknown.
 */
export function progressText(fraction: number, secondsLeft: number | null, lang: Lang): string {
  const percent = Math.floor(fraction * 100);
  const left = secondsLeft === null ? null : secondsLeft < 60 ? Math.ceil(secondsLeft) : null;
  const minutes = secondsLeft !== null && secondsLeft >= 60 ? Math.ceil(secondsLeft / 60) : null;
  if (lang === 'zh') {
    const rest =
      left !== null ? `约剩 ${left} 秒` : minutes !== null ? `约剩 ${minutes} 分钟` : '估算剩余时间…';
    return `模拟中 ${percent}%，${rest}`;
  }
  const rest =
    left !== null
      ? `about ${left} s left`
      : minutes !== null
        ? `about ${minutes} min left`
        : 'estimating time left…';
  return `simulating ${percent}%, ${rest}`;
}
