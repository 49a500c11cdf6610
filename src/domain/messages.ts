/**
 * Every user-facing text of the scenario file's edge (io/): validation problems and JSON syntax
 * errors, keyed, in English (`en`) and Chinese (`zh`). Both maps have the same keys and the same
 * parameters (the compiler checks it); `message(lang, key, params)` builds one text and
 * `sayer(lang)` gives a function that does so in one language.
 *
 * A message says what a field must be, as a phrase that follows the field's path:
 * `members.count: must be an integer from 1 to 100000000`.
 *
 * @example message('en', 'intRange', { min: 100, max: 1000000 }) // 'must be an integer from 100 to 1000000'
 */

export type Lang = 'en' | 'zh';

type Range = { min: number; max: number };
type Min = { min: number };
type Max = { max: number };

const joinEn = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'none');
/** `a cost`, `an event`. */
const withArticle = (word: string) => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
const joinZh = (xs: readonly string[]) => (xs.length ? xs.join('、') : '无');

export const en = {
  // types and presence
  required: () => 'is required',
  unknownField: () => 'unknown field',
  mustBeNumber: () => 'must be a number',
  mustBeFinite: () => 'must be a finite number',
  mustBeNumberOrNull: () => 'must be a number or null',
  mustBeText: () => 'must be text',
  mustBeObject: () => 'must be an object',
  mustBeList: () => 'must be a list',
  mustBeExactly: (p: { value: string }) => `must be "${p.value}"`,
  oneOf: (p: { options: readonly string[] }) => `must be one of: ${joinEn(p.options)}`,
  invalid: () => 'is not valid',
  // numbers
  range: (p: Range) => `must be from ${p.min} to ${p.max}`,
  intRange: (p: Range) => `must be an integer from ${p.min} to ${p.max}`,
  greaterThan: (p: Min) => `must be greater than ${p.min}`,
  atLeast: (p: Min) => `must be at least ${p.min}`,
  atMost: (p: Max) => `must be at most ${p.max}`,
  greaterThanAtMost: (p: Range) => `must be greater than ${p.min} and at most ${p.max}`,
  moneyDecimals: () => 'must have at most 2 decimals (yuan to the fen)',
  expenseRate: () =>
    'must be at least 0 and less than 1 (a scheme that spends all its income cannot break even)',
  paretoShape: () => 'must be greater than 1 (a Pareto II mean exists only for shape > 1)',
  negativeBinomialCv: (p: { minCv: string }) =>
    `must be at least ${p.minCv} (a negative binomial needs cv² > 1/mean)`,
  // text and lists
  textLength: (p: Range) => `must be ${p.min} to ${p.max} characters`,
  textMax: (p: Max) => `must be at most ${p.max} characters`,
  blank: () => 'must not be blank',
  listLength: (p: Range) => `must have ${p.min} to ${p.max} entries`,
  // across fields
  contributionsSum: () => 'the amounts must add up to more than 0',
  duplicateId: (p: { id: string; other: string }) => `duplicate id "${p.id}" (also ${p.other})`,
  unknownRisk: (p: { known: readonly string[] }) => `names no risk in risks[] (known: ${joinEn(p.known)})`,
  benefitNeedsKind: (p: { type: string; need: string; risk: string; kind: string }) =>
    `${withArticle(p.type)} benefit needs ${withArticle(p.need)} risk, but "${p.risk}" is ${withArticle(p.kind)} risk`,
  dailyNeedsDays: (p: { risk: string }) =>
    `a daily benefit needs a risk with days, but "${p.risk}" has no days`,
  notOnEventRisk: () => 'not allowed on an event risk (only a cost risk has cost and days)',
  bandNullNotLast: () => 'only the last band may be null (no upper end)',
  // the whole
  moreProblems: (p: { count: number }) => `and ${p.count} more problems`,
  moreValueProblems: (p: { count: number }) => `and ${p.count} more values are not valid`,
  moreUnknownFields: (p: { count: number }) => `and ${p.count} more unknown fields`,
  unreadable: (p: { reason: string }) => `could not be read (${p.reason})`,
  // JSON text
  tooLarge: (p: { mb: number }) => `the text is larger than ${p.mb} MB`,
  notJson: (p: { line: number; column: number; reason: string }) =>
    `not valid JSON at line ${p.line}, column ${p.column}: ${p.reason}`,
  unexpectedEnd: () => 'the text ends too early (a bracket, brace or quote is not closed)',
  unexpectedChar: (p: { char: string; expected: string }) => `unexpected ${p.char}, expected ${p.expected}`,
  controlChar: () => 'a line break or control character inside quotes (write it as \\n)',
  expectValue: () => 'a value',
  expectPropertyName: () => 'a field name in double quotes',
  expectColon: () => '":"',
  expectCommaOrBrace: () => '"," or "}"',
  expectCommaOrBracket: () => '"," or "]"',
  expectDigit: () => 'a digit',
  expectHexDigit: () => 'a hexadecimal digit',
  expectEscape: () => 'one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u',
  expectEnd: () => 'the end of the text',
  expectWord: (p: { word: string }) => `"${p.word}"`,
  tooDeep: () => 'nested too deeply',
} satisfies Record<string, (p: never) => string>;

export type Messages = typeof en;
export type MessageKey = keyof Messages;

export const zh: Messages = {
  required: () => '必填',
  unknownField: () => '未知字段',
  mustBeNumber: () => '必须是数字',
  mustBeFinite: () => '必须是有限的数字',
  mustBeNumberOrNull: () => '必须是数字或 null',
  mustBeText: () => '必须是文本',
  mustBeObject: () => '必须是对象',
  mustBeList: () => '必须是列表',
  mustBeExactly: (p) => `必须为 "${p.value}"`,
  oneOf: (p) => `必须是以下之一：${joinZh(p.options)}`,
  invalid: () => '无效',
  range: (p) => `必须在 ${p.min} 到 ${p.max} 之间`,
  intRange: (p) => `必须是 ${p.min} 到 ${p.max} 之间的整数`,
  greaterThan: (p) => `必须大于 ${p.min}`,
  atLeast: (p) => `不能小于 ${p.min}`,
  atMost: (p) => `不能大于 ${p.max}`,
  greaterThanAtMost: (p) => `必须大于 ${p.min} 且不大于 ${p.max}`,
  moneyDecimals: () => '最多两位小数（以元为单位，精确到分）',
  expenseRate: () => '必须不小于 0 且小于 1（把全部收入都用于运营的方案不可能持平）',
  paretoShape: () => '必须大于 1（Pareto II 分布仅在 shape > 1 时有均值）',
  negativeBinomialCv: (p) => `不能小于 ${p.minCv}（负二项分布要求 cv² > 1/mean）`,
  textLength: (p) => `长度必须为 ${p.min} 到 ${p.max} 个字符`,
  textMax: (p) => `长度不能超过 ${p.max} 个字符`,
  blank: () => '不能只有空白',
  listLength: (p) => `必须有 ${p.min} 到 ${p.max} 项`,
  contributionsSum: () => '各项金额之和必须大于 0',
  duplicateId: (p) => `id "${p.id}" 重复（另见 ${p.other}）`,
  unknownRisk: (p) => `risks[] 中没有这个风险（已有：${joinZh(p.known)}）`,
  benefitNeedsKind: (p) => `${p.type} 类待遇需要 ${p.need} 类风险，但 "${p.risk}" 是 ${p.kind} 类风险`,
  dailyNeedsDays: (p) => `daily 类待遇需要带 days 的风险，但 "${p.risk}" 没有 days`,
  notOnEventRisk: () => 'event 类风险不能有此字段（只有 cost 类风险才有 cost 和 days）',
  bandNullNotLast: () => '只有最后一档可以为 null（无上限）',
  moreProblems: (p) => `另有 ${p.count} 个问题`,
  moreValueProblems: (p) => `另有 ${p.count} 个值无效`,
  moreUnknownFields: (p) => `另有 ${p.count} 个未知字段`,
  unreadable: (p) => `无法读取（${p.reason}）`,
  tooLarge: (p) => `文本超过 ${p.mb} MB`,
  notJson: (p) => `不是有效的 JSON，第 ${p.line} 行第 ${p.column} 列：${p.reason}`,
  unexpectedEnd: () => '文本提前结束（有括号或引号没有闭合）',
  unexpectedChar: (p) => `此处不应出现 ${p.char}，应为${p.expected}`,
  controlChar: () => '引号内有换行或控制字符（请写作 \\n）',
  expectValue: () => '一个值',
  expectPropertyName: () => '双引号括起的字段名',
  expectColon: () => ' ":"',
  expectCommaOrBrace: () => ' "," 或 "}"',
  expectCommaOrBracket: () => ' "," 或 "]"',
  expectDigit: () => '数字',
  expectHexDigit: () => '十六进制数字',
  expectEscape: () => ' \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u 之一',
  expectEnd: () => '文本结尾',
  expectWord: (p) => ` "${p.word}"`,
  tooDeep: () => '嵌套层数过多',
};

const tables: Record<Lang, Messages> = { en, zh };

/** The parameters of one message (none for most). */
export type MessageArgs<K extends MessageKey> = Parameters<Messages[K]>;

/** Builds the text of message `key` in `lang`. */
export function message<K extends MessageKey>(lang: Lang, key: K, ...args: MessageArgs<K>): string {
  const template = tables[lang][key] as (...a: MessageArgs<K>) => string;
  return template(...args);
}

/** A message builder bound to one language. */
export type Say = <K extends MessageKey>(key: K, ...args: MessageArgs<K>) => string;

/** `sayer('zh')('required')` is `'必填'`. */
export function sayer(lang: Lang): Say {
  return (key, ...args) => message(lang, key, ...args);
}
