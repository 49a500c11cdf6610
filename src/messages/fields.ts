/**
 * The fields of a scenario in words (zh, en): what a planner reads where the file has a field
 * path. The workbench's compare view and report (src/ui/changes.ts, describe.ts) and the CLI's
 * `compare` listing (src/cli/text.ts) use the same names, so a change reads the same on screen and
 * in a terminal: `benefits[0].cap` is 给付项目 1 · 最高给付 / Benefit 1 · Maximum.
 *
 * A field with no name here keeps its name from the file; a list position is counted from 1.
 */
import type { Lang } from '../domain/format.ts';

export const FIELD_NAMES: Record<Lang, Record<string, string>> = {
  zh: {
    name: '方案名称',
    period: '期间',
    source: '数据来源',
    notes: '备注',
    members: '会员',
    count: '参保人数',
    femaleShare: '女性比例',
    newShare: '新参保比例',
    contributions: '缴费方',
    payer: '缴费方',
    amount: '金额',
    fund: '资金',
    reserve: '期初结余',
    backstop: '托底资金',
    expenseRate: '管理费用率',
    risks: '风险',
    benefits: '给付项目',
    bands: '分段',
    id: '代号',
    kind: '类型',
    who: '适用人群',
    rate: '比例或发生率',
    rateCv: '发生率年度波动',
    cost: '自负医疗费分布',
    days: '住院天数',
    dist: '分布',
    mean: '均值',
    cv: '变异系数',
    scale: '尺度',
    shape: '形状参数',
    values: '样本值',
    value: '天数',
    risk: '对应风险',
    type: '给付方式',
    deductible: '起付线',
    upTo: '上限',
    cap: '最高给付',
    from: '起点',
    step: '每档',
    perStep: '每档给付',
    perDay: '每天',
    maxDays: '最多天数',
    waitingDays: '等待期',
    waitingAmount: '等待期内给付',
    groups: '人群',
    holdings: '持有份数',
    shares: '份数',
    fraction: '占比',
    perShare: '按份计',
    limits: '合计限额',
    trend: '趋势',
    contribution: '互助费',
    simulation: '模拟设置',
    iterations: '模拟次数',
    seed: '随机种子',
    years: '年数',
    confidence: '置信水平',
    $schema: '模式文件',
  },
  en: {
    name: 'Name',
    period: 'Period',
    source: 'Source',
    notes: 'Notes',
    members: 'Members',
    count: 'Members',
    femaleShare: 'Share of women',
    newShare: 'Share of new members',
    contributions: 'Payer',
    payer: 'Payer',
    amount: 'Amount',
    fund: 'Fund',
    reserve: 'Reserve at start',
    backstop: 'Backstop',
    expenseRate: 'Expense rate',
    risks: 'Risk',
    benefits: 'Benefit',
    bands: 'Band',
    id: 'Id',
    kind: 'Kind',
    who: 'Who',
    rate: 'Rate',
    rateCv: 'Rate uncertainty (cv)',
    cost: 'Self-paid cost distribution',
    days: 'Days in hospital',
    dist: 'Distribution',
    mean: 'Mean',
    cv: 'Coefficient of variation',
    scale: 'Scale',
    shape: 'Shape',
    values: 'Values',
    value: 'Days',
    risk: 'Risk',
    type: 'Type',
    deductible: 'Deductible',
    upTo: 'Up to',
    cap: 'Maximum',
    from: 'From',
    step: 'Step',
    perStep: 'Per step',
    perDay: 'Per day',
    maxDays: 'Maximum days',
    waitingDays: 'Waiting period',
    waitingAmount: 'Paid in the waiting period',
    groups: 'Groups',
    holdings: 'Shares held',
    shares: 'Shares',
    fraction: 'Fraction',
    perShare: 'Per share',
    limits: 'Limit',
    trend: 'Trend',
    contribution: 'Contribution',
    simulation: 'Simulation',
    iterations: 'Iterations',
    seed: 'Seed',
    years: 'Years',
    confidence: 'Confidence',
    $schema: 'Schema',
  },
};

const WORDS = {
  zh: { none: '（无）', yes: '是', no: '否', sep: ' · ', quote: (t: string) => `「${t}」` },
  en: { none: '(none)', yes: 'yes', no: 'no', sep: ' · ', quote: (t: string) => `“${t}”` },
};

/** `risks[0].rate.retired` → `['risks', 0, 'rate', 'retired']`. */
function pathParts(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

/**
 * The field path in words: each named part by its name, a list index as a position from 1.
 * @example fieldPathWords('members.groups[1].holdings', 'zh') // '会员 · 人群 2 · 持有份数'
 */
export function fieldPathWords(path: string, lang: Lang): string {
  const names = FIELD_NAMES[lang];
  const words: string[] = [];
  for (const part of pathParts(path)) {
    if (typeof part === 'number') words[words.length - 1] = `${words.at(-1) ?? ''} ${part + 1}`;
    else words.push(Object.hasOwn(names, part) ? names[part] : part);
  }
  return words.join(' · ');
}

/** Longest text a value is written in before it is cut with "…". */
export const MAX_VALUE_TEXT = 60;

const cut = (text: string, max: number) =>
  [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;

/**
 * A value of a scenario as a planner reads it: numbers grouped (13,700; 0.45 stays 0.45), texts
 * quoted, yes/no for a switch, a list of names joined, and a whole element (a group, a band, a
 * limit) as its fields by name, `代号 「retired」 · 参保人数 200,000`; "(none)" for a field
 * present in one version only. A text is cut to `max` characters, anything else to twice that.
 * @example valueWords({ upTo: 50000, rate: 0.6 }, 'en') // 'Up to 50,000 · Rate 0.6'
 */
export function valueWords(v: unknown, lang: Lang, max = MAX_VALUE_TEXT): string {
  return typeof v === 'string' ? WORDS[lang].quote(cut(v, max)) : cut(words(v, lang, max), 2 * max);
}

function words(v: unknown, lang: Lang, max: number): string {
  const W = WORDS[lang];
  if (v === null || v === undefined) return W.none;
  if (typeof v === 'number') return v.toLocaleString('en-US', { maximumFractionDigits: 6 });
  if (typeof v === 'string') return W.quote(cut(v, max));
  if (typeof v === 'boolean') return v ? W.yes : W.no;
  if (Array.isArray(v))
    return v.every((x) => typeof x !== 'object' || x === null)
      ? v.map((x) => (typeof x === 'string' ? x : words(x, lang, max))).join(', ')
      : v.map((x) => `(${words(x, lang, max)})`).join(' ');
  if (typeof v === 'object') {
    const names = FIELD_NAMES[lang];
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${Object.hasOwn(names, k) ? names[k] : k} ${words(x, lang, max)}`)
      .join(W.sep);
  }
  return String(v);
}

/**
 * One change as the workbench and the CLI list it: `benefits[0].cap：13,700 → 30,200（给付项目 1 · 最高给付）`,
 * `benefits[0].cap: 13,700 → 30,200 (Benefit 1 · Maximum)`.
 */
export function changeLine(c: { path: string; from: unknown; to: unknown }, lang: Lang): string {
  const from = valueWords(c.from, lang);
  const to = valueWords(c.to, lang);
  const what = fieldPathWords(c.path, lang);
  return lang === 'zh' ? `${c.path}：${from} → ${to}（${what}）` : `${c.path}: ${from} → ${to} (${what})`;
}
