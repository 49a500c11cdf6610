/**
 * Shared by the chart tests: a logger that keeps every message of vega-lite or vega, compiling a
 * spec with it, and the charts' texts in both languages.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import type { LoggerInterface } from 'vega-util';
import type { Lang } from '../../src/domain/format.ts';

/**
 * A logger that keeps every message, so that a test can require there be none. Vega calls
 * the methods with the view as `this`, so they close over their record instead.
 */
export interface RecordingLogger extends LoggerInterface {
  messages: { level: string; args: unknown[] }[];
}

export function recordingLogger(): RecordingLogger {
  const messages: { level: string; args: unknown[] }[] = [];
  let level = 0;
  const logger: RecordingLogger = {
    messages,
    level: (_?: number) => (_ === undefined ? level : ((level = _), logger)),
    error: (...args: unknown[]) => (messages.push({ level: 'error', args }), logger),
    warn: (...args: unknown[]) => (messages.push({ level: 'warn', args }), logger),
    info: (...args: unknown[]) => (messages.push({ level: 'info', args }), logger),
    debug: () => logger,
  };
  return logger;
}

/** Every error, warning and info vega-lite logs while compiling `spec`. */
export function compileMessages(spec: TopLevelSpec): RecordingLogger['messages'] {
  const logger = recordingLogger();
  compile(spec, { logger });
  return logger.messages;
}

/** The charts' texts, each beside its translation: [Chinese, English]. */
const TEXTS = {
  payout: {
    title: ['年度给付分布', 'Period payout'],
    x: ['年度给付', 'Payout'],
    y: ['年份占比', 'Share of years'],
    income: ['收入', 'Income'],
    threshold: ['收入+储备+兜底', 'Income + reserve + backstop'],
    expected: ['期望给付', 'Expected'],
    net: ['净收入', 'Net income'],
  },
  curve: { title: ['给付曲线', 'Benefit curve'], x: ['自付费用', 'Self-paid cost'], y: ['给付', 'Benefit'] },
  share: {
    title: ['各项给付占期望给付的比例', 'Share of the expected payout'],
    x: ['占比', 'Share'],
    y: ['给付项目', 'Benefit'],
  },
  names: {
    hangzhou: ['杭州 2016', 'Hangzhou 2016'],
    wenzhou: ['温州 大额', 'Wenzhou big bills'],
    jiaxing: ['嘉兴', 'Jiaxing'],
  },
  overlay: {
    title: ['各方案一年支出的分布', 'Period payout by version'],
    x: ['一年支出', 'Payout'],
    y: ['年份占比', 'Share of years'],
    income: ['收入', 'Income'],
  },
  versions: [
    ['杭州 旧表', 'Hangzhou old table'],
    ['杭州 新表', 'Hangzhou new table'],
  ],
  tornado: {
    title: ['预期赔付率的敏感度', 'Sensitivity of the loss ratio'],
    x: ['预期赔付率', 'Expected loss ratio'],
    low: ['假设下调', 'Assumption lowered'],
    high: ['假设上调', 'Assumption raised'],
    base: ['基准', 'Base'],
    reference: ['持平', 'Break-even'],
  },
  assumptions: [
    ['发生率 ±10%', 'Claim rate ±10%'],
    ['自负费用均值 ±10%', 'Mean cost ±10%'],
    ['参保人数 ±10%', 'Members ±10%'],
  ],
} as const;

type Pair = readonly [string, string];
/** The texts of one language: every pair replaced by one of its strings. */
type InLang<T> = T extends Pair
  ? string
  : T extends readonly (infer U)[]
    ? InLang<U>[]
    : { [K in keyof T]: InLang<T[K]> };

const isPair = (v: unknown): v is Pair =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string';

function inLang(v: unknown, i: 0 | 1): unknown {
  if (isPair(v)) return v[i];
  if (Array.isArray(v)) return v.map((x) => inLang(x, i));
  return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, inLang(x, i)]));
}

/** The charts' texts in `lang`. */
export const chartLabels = (lang: Lang): InLang<typeof TEXTS> =>
  inLang(TEXTS, lang === 'zh' ? 0 : 1) as InLang<typeof TEXTS>;
