/**
 * Every label of the workbench, in Chinese and English (one place, same keys): a screen is never
 * mixed. Validation messages come from domain/messages.ts and flag texts from
 * domain/reportMessages.ts, both in the same language as the screen.
 */
import type { Verdict } from '../domain/report.ts';
import type { Lang } from '../domain/format.ts';

const zh = {
  appTitle: '互助 · 职工医疗互助保障精算工作台',
  tagline: '测算新给付表能否持平、略亏由托底覆盖，还是亏损超出托底',
  open: '打开方案文件…', save: '保存方案', newFrom: '从示例新建', dropHint: '可将方案文件拖放到此处',
  lang: 'English', run: '运行模拟', cancel: '取消', iterations: '模拟次数', seed: '随机种子',
  running: '模拟中…', cancelled: '已取消，显示上一次结果', runFailed: '模拟出错：',
  unsavedConfirm: '当前方案有未保存的修改，确定要打开另一个方案吗？',
  fileRejected: (name: string) => `无法打开「${name}」，当前方案未改动：`,
  fileTooLarge: '文件过大（超过 10 MB）',
  editorTitle: '方案设置', scheme: '方案', name: '方案名称', period: '期间', source: '数据来源', notes: '备注',
  members: '会员', count: '参保人数', femaleShare: '女性比例', newShare: '新参保比例',
  contributions: '互助费（每人每期）', payer: '缴费方', amount: '金额（元）', total: '合计',
  memberShare: '其中职工个人负担', addPayer: '添加缴费方', remove: '删除',
  fund: '资金', reserve: '期初结余', backstop: '托底资金', expenseRate: '管理费用率',
  risks: '风险与理赔假设', risk: '风险', kind: '类型', kindCost: '医疗费用（住院等）', kindEvent: '确诊事件（一次性给付）',
  who: '适用人群', whoAll: '全体会员', whoFemale: '女性会员', rate: '年发生率（每人）', rateCv: '发生率年度波动（变异系数）',
  cost: '自负医疗费分布', dist: '分布', mean: '均值（元）', cv: '变异系数', scale: '尺度', shape: '形状参数', values: '样本值（逗号分隔）',
  days: '住院天数', daysNone: '（不设）', daysMean: '平均天数', daysValue: '天数',
  addRisk: '添加风险', benefits: '给付项目', benefit: '给付', type: '给付方式', onRisk: '对应风险',
  typeBands: '分段按比例', typeSteps: '按额度阶梯', typeDaily: '住院津贴（按天）', typeLump: '一次性给付',
  deductible: '起付线', bands: '分段', upTo: '上限（元，空 = 不封顶）', bandRate: '给付比例', addBand: '添加分段',
  cap: '最高给付（空 = 不设）', from: '起点（元）', step: '每档（元）', perStep: '每档给付（元）',
  perDay: '每天（元）', maxDays: '最多天数（空 = 不限）', lumpAmount: '每次给付（元）', waitingDays: '等待期（天）',
  addBenefit: '添加给付项目', simulation: '模拟设置', confidence: '置信水平',
  idLabel: '代号',
  preview: '精确预估（随编辑即时更新）', previewInvalid: '方案有误，请先修正标出的字段',
  results: '模拟结果', noResults: '点击「运行模拟」查看支出分布与结论',
  income: '互助费收入', expenses: '管理费用', expected: '预期支出（精确）', lossRatio: '预期赔付率',
  simMean: '模拟平均支出', probDeficit: '出现亏损的概率', probBeyond: '托底资金不足的概率',
  breakEven: '持平所需互助费（每人）', atConfidence: (c: string) => `${c} 把握所需互助费（每人）`,
  quantiles: '支出分位数', quantile: '分位', payout: '支出', share: '各项给付占比', flags: '提示',
  chartPayoutTitle: '一年支出的分布', chartPayoutX: '一年互助金支出', chartPayoutY: '模拟年份占比',
  chartIncome: '收入', chartThreshold: '收入 + 结余 + 托底', chartExpected: '预期支出',
  chartBenefitTitle: '给付曲线', chartBenefitX: '自负医疗费', chartBenefitY: '给付金额',
  chartShareTitle: '各项给付占预期支出', runInfo: (n: string, seed: string) => `蒙特卡洛 ${n} 次 · 种子「${seed}」`,
  verdict: { 'breaks-even': '持平', 'deficit-within-backstop': '略亏，托底可覆盖', 'deficit-beyond-backstop': '亏损超出托底' } as Record<Verdict, string>,
  verdictHint: {
    'breaks-even': '预期支出不超过扣除费用后的收入。',
    'deficit-within-backstop': '预期支出超过收入，但结余与托底资金足以覆盖。',
    'deficit-beyond-backstop': '预期支出超过收入加结余与托底资金，需调整方案。',
  } as Record<Verdict, string>,
  distNames: { lognormal: '对数正态', gamma: '伽马', pareto: '帕累托 II', empirical: '经验样本' } as Record<string, string>,
  daysNames: { poisson: '泊松', 'negative-binomial': '负二项', fixed: '固定', empirical: '经验样本' } as Record<string, string>,
};

type Labels = typeof zh;

const en: Labels = {
  appTitle: 'huzhu · actuarial workbench for medical mutual aid',
  tagline: 'Does the new benefit table break even, run a deficit the backstop covers, or a deficit beyond it?',
  open: 'Open scenario…', save: 'Save scenario', newFrom: 'New from example', dropHint: 'or drop a scenario file here',
  lang: '中文', run: 'Run simulation', cancel: 'Cancel', iterations: 'Iterations', seed: 'Seed',
  running: 'Simulating…', cancelled: 'Cancelled; the last result stays on screen', runFailed: 'The simulation failed: ',
  unsavedConfirm: 'The open scenario has unsaved edits. Open another one anyway?',
  fileRejected: (name: string) => `Could not open “${name}”; the open scenario is unchanged:`,
  fileTooLarge: 'the file is larger than 10 MB',
  editorTitle: 'Scheme version', scheme: 'Scheme', name: 'Name', period: 'Period', source: 'Source', notes: 'Notes',
  members: 'Members', count: 'Members', femaleShare: 'Share of women', newShare: 'Share of new members',
  contributions: 'Contributions (per member per period)', payer: 'Payer', amount: 'Amount (yuan)', total: 'Total',
  memberShare: "Members' own share", addPayer: 'Add payer', remove: 'Remove',
  fund: 'Fund', reserve: 'Reserve at start', backstop: 'Backstop', expenseRate: 'Expense rate',
  risks: 'Risks and claim assumptions', risk: 'Risk', kind: 'Kind', kindCost: 'Medical cost (inpatient…)', kindEvent: 'Diagnosis events (lump sums)',
  who: 'Who', whoAll: 'All members', whoFemale: 'Women', rate: 'Yearly rate per member', rateCv: 'Year-to-year rate uncertainty (cv)',
  cost: 'Self-paid cost distribution', dist: 'Distribution', mean: 'Mean (yuan)', cv: 'Coefficient of variation', scale: 'Scale', shape: 'Shape', values: 'Values (comma-separated)',
  days: 'Days in hospital', daysNone: '(none)', daysMean: 'Mean days', daysValue: 'Days',
  addRisk: 'Add risk', benefits: 'Benefits', benefit: 'Benefit', type: 'Type', onRisk: 'Risk',
  typeBands: 'Banded share', typeSteps: 'Steps', typeDaily: 'Daily allowance', typeLump: 'Lump sum',
  deductible: 'Deductible', bands: 'Bands', upTo: 'Up to (yuan; empty = no end)', bandRate: 'Rate', addBand: 'Add band',
  cap: 'Maximum (empty = none)', from: 'From (yuan)', step: 'Step (yuan)', perStep: 'Per step (yuan)',
  perDay: 'Per day (yuan)', maxDays: 'Maximum days (empty = none)', lumpAmount: 'Per event (yuan)', waitingDays: 'Waiting period (days)',
  addBenefit: 'Add benefit', simulation: 'Simulation', confidence: 'Confidence',
  idLabel: 'Id',
  preview: 'Exact preview (updates as you edit)', previewInvalid: 'The scenario has errors: fix the marked fields first',
  results: 'Results', noResults: 'Click “Run simulation” to see the payout distribution and the verdict',
  income: 'Income', expenses: 'Expenses', expected: 'Expected payout (exact)', lossRatio: 'Expected loss ratio',
  simMean: 'Simulated mean payout', probDeficit: 'P(deficit year)', probBeyond: 'P(backstop not enough)',
  breakEven: 'Break-even contribution per member', atConfidence: (c: string) => `Contribution per member at ${c} confidence`,
  quantiles: 'Payout quantiles', quantile: 'Quantile', payout: 'Payout', share: 'Share by benefit', flags: 'Flags',
  chartPayoutTitle: 'Distribution of one period’s payout', chartPayoutX: 'Payout in one period', chartPayoutY: 'Share of simulated periods',
  chartIncome: 'Income', chartThreshold: 'Income + reserve + backstop', chartExpected: 'Expected payout',
  chartBenefitTitle: 'Benefit curve', chartBenefitX: 'Self-paid cost', chartBenefitY: 'Benefit paid',
  chartShareTitle: 'Share of the expected payout by benefit', runInfo: (n: string, seed: string) => `Monte Carlo ${n} iterations · seed “${seed}”`,
  verdict: { 'breaks-even': 'Breaks even', 'deficit-within-backstop': 'Slight deficit, covered by the backstop', 'deficit-beyond-backstop': 'Deficit beyond the backstop' },
  verdictHint: {
    'breaks-even': 'The expected payout does not exceed income net of expenses.',
    'deficit-within-backstop': 'The expected payout exceeds income, but the reserve and the backstop cover it.',
    'deficit-beyond-backstop': 'The expected payout exceeds income plus reserve and backstop: the table needs changing.',
  },
  distNames: { lognormal: 'Lognormal', gamma: 'Gamma', pareto: 'Pareto II', empirical: 'Empirical' },
  daysNames: { poisson: 'Poisson', 'negative-binomial': 'Negative binomial', fixed: 'Fixed', empirical: 'Empirical' },
};

export const LABELS: Record<Lang, Labels> = { zh, en };
export type { Labels };

/** The browser's preferred language: Chinese if any preferred language is Chinese, else English. */
export function preferredLang(languages: readonly string[] = navigator.languages ?? [navigator.language]): Lang {
  return languages.length === 0 || languages[0].toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
