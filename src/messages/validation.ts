/**
 * The words of the scenario file's codes (src/domain/validation.ts): validation problems, JSON
 * syntax errors and the workbench's own file checks, in English and Chinese. A text is a phrase
 * that follows the field's path: `members.count: must be an integer from 1 to 100000000`.
 *
 * The command line prints the English texts (docs/cli.md); the workbench words a problem in the
 * screen's language each time it draws it, so a language switch re-words the problems on screen.
 * @example validationText('en', { code: 'intRange', params: { min: 100, max: 1000000 } })
 * // 'must be an integer from 100 to 1000000'
 */
import type { Problem } from '../domain/scenario.ts';
import type {
  Expectation,
  JsonReasonParams,
  JsonSyntaxReason,
  ScenarioProblem,
  ValidationMessage,
  ValidationParams,
} from '../domain/validation.ts';
import { type Catalogue, type Lang, say } from './catalogue.ts';

const joinEn = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'none');
/** `a cost`, `an event`. */
const withArticle = (word: string) => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
const joinZh = (xs: readonly string[]) => (xs.length ? xs.join('、') : '无');

/** What was expected where a JSON text went wrong, as the end of `unexpected "x", expected …`. */
export const EXPECTATION_TEXTS: { readonly [L in Lang]: { readonly [E in Expectation]-?: string } } = {
  en: {
    value: 'a value',
    propertyName: 'a field name in double quotes',
    colon: '":"',
    commaOrBrace: '"," or "}"',
    commaOrBracket: '"," or "]"',
    digit: 'a digit',
    hexDigit: 'a hexadecimal digit',
    escape: 'one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u',
    end: 'the end of the text',
    true: '"true"',
    false: '"false"',
    null: '"null"',
  },
  zh: {
    value: '一个值',
    propertyName: '双引号括起的字段名',
    colon: ' ":"',
    commaOrBrace: ' "," 或 "}"',
    commaOrBracket: ' "," 或 "]"',
    digit: '数字',
    hexDigit: '十六进制数字',
    escape: ' \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u 之一',
    end: '文本结尾',
    true: ' "true"',
    false: ' "false"',
    null: ' "null"',
  },
};

export const JSON_REASON_TEXTS: Catalogue<JsonReasonParams> = {
  en: {
    unexpectedEnd: () => 'the text ends too early (a bracket, brace or quote is not closed)',
    controlChar: () => 'a line break or control character inside quotes (write it as \\n)',
    tooDeep: () => 'nested too deeply',
    unexpectedChar: (p) => `unexpected ${p.char}, expected ${EXPECTATION_TEXTS.en[p.expected]}`,
  },
  zh: {
    unexpectedEnd: () => '文本提前结束（有括号或引号没有闭合）',
    controlChar: () => '引号内有换行或控制字符（请写作 \\n）',
    tooDeep: () => '嵌套层数过多',
    unexpectedChar: (p) => `此处不应出现 ${p.char}，应为${EXPECTATION_TEXTS.zh[p.expected]}`,
  },
};

/** Why a text is not JSON, in `lang`: `unexpected "}", expected a value`. */
export function jsonReasonText(lang: Lang, r: JsonSyntaxReason): string {
  return say(JSON_REASON_TEXTS[lang], r);
}

export const VALIDATION_TEXTS: Catalogue<ValidationParams> = {
  en: {
    // types and presence
    required: () => 'is required',
    unknownField: () => 'unknown field',
    mustBeNumber: () => 'must be a number',
    mustBeFinite: () => 'must be a finite number',
    mustBeNumberOrNull: () => 'must be a number or null',
    mustBeText: () => 'must be text',
    mustBeObject: () => 'must be an object',
    mustBeList: () => 'must be a list',
    mustBeBoolean: () => 'must be true or false',
    mustBeExactly: (p) => `must be "${p.value}"`,
    oneOf: (p) => `must be one of: ${joinEn(p.options)}`,
    invalid: () => 'is not valid',
    // numbers
    range: (p) => `must be from ${p.min} to ${p.max}`,
    intRange: (p) => `must be an integer from ${p.min} to ${p.max}`,
    greaterThan: (p) => `must be greater than ${p.min}`,
    atLeast: (p) => `must be at least ${p.min}`,
    atMost: (p) => `must be at most ${p.max}`,
    greaterThanAtMost: (p) => `must be greater than ${p.min} and at most ${p.max}`,
    moneyDecimals: () => 'must have at most 2 decimals (yuan to the fen)',
    expenseRate: () =>
      'must be at least 0 and less than 1 (a scheme that spends all its income cannot break even)',
    paretoShape: () => 'must be greater than 1 (a Pareto II mean exists only for shape > 1)',
    negativeBinomialCv: (p) => `must be at least ${p.minCv} (a negative binomial needs cv² > 1/mean)`,
    // text and lists
    textLength: (p) => `must be ${p.min} to ${p.max} characters`,
    textMax: (p) => `must be at most ${p.max} characters`,
    blank: () => 'must not be blank',
    listLength: (p) => `must have ${p.min} to ${p.max} entries`,
    // across fields
    contributionsSum: () => 'the amounts must add up to more than 0',
    duplicateId: (p) => `duplicate id "${p.id}" (also ${p.other})`,
    unknownRisk: (p) => `names no risk in risks[] (known: ${joinEn(p.known)})`,
    benefitNeedsKind: (p) =>
      `${withArticle(p.type)} benefit needs ${withArticle(p.need)} risk, but "${p.risk}" is ${withArticle(p.kind)} risk`,
    dailyNeedsDays: (p) => `a daily benefit needs a risk with days, but "${p.risk}" has no days`,
    notOnEventRisk: () => 'not allowed on an event risk (only a cost risk has cost and days)',
    bandNullNotLast: () => 'only the last band may be null (no upper end)',
    // format /2
    needsFormat2: (p) =>
      `"${p.field}" needs format huzhu-scenario/2 (this file says huzhu-scenario/1; change "format" to use it)`,
    rateByGroupNeedsFormat2: () =>
      'a rate by group needs format huzhu-scenario/2 (in huzhu-scenario/1 a rate is a number)',
    countOrGroups: () => 'is required, unless members.groups is given',
    countAndGroups: () => 'cannot be given together with count (give the members as one count or as groups)',
    onEachGroup: (p) => `not allowed beside groups (give ${p.field} on each group)`,
    totalMembers: (p) => `the groups' counts must add up to at most ${p.max}`,
    reservedGroupId: (p) => `"${p.id}" cannot be a group id`,
    namedTwice: (p) => `"${p.id}" is named twice (also ${p.other})`,
    unknownGroup: (p) => `names no group in members.groups (known: ${joinEn(p.known)})`,
    duplicateShares: (p) => `the same number of shares (${p.shares}) as ${p.other}`,
    holdingsSum: (p) => `the fractions must add up to 1 (they add up to ${p.sum})`,
    rateNumberOrGroups: () => 'must be a number or an object of rates by group',
    rateForGroup: (p) => `is required (the risk exposes group "${p.group}")`,
    groupNotExposed: (p) => `group "${p.group}" is not exposed to this risk (see the risk's groups)`,
    waitingAmountLumpSumOnly: () => 'only a lump-sum benefit has a waiting amount',
    waitingAmountNeedsWaitingDays: () => 'needs waitingDays (it is what an event in the waiting period pays)',
    unknownBenefit: (p) => `names no benefit in benefits[] (known: ${joinEn(p.known)})`,
    benefitInTwoLimits: (p) =>
      `benefit "${p.benefit}" is already in ${p.other} (a benefit belongs to at most one limit)`,
    limitAcrossRisks: (p) =>
      `benefit "${p.benefit}" pays for risk "${p.risk}", but "${p.first}" pays for risk "${p.firstRisk}": ` +
      'a limit covers the benefits of one risk (a limit across risks needs a model of one member’s claims ' +
      'across risks, which the format does not define)',
    // the whole
    moreProblems: (p) => `and ${p.count} more problems`,
    moreValueProblems: (p) => `and ${p.count} more values are not valid`,
    moreUnknownFields: (p) => `and ${p.count} more unknown fields`,
    unreadable: (p) => `could not be read (${p.reason})`,
    // the text
    tooLarge: (p) => `the text is larger than ${p.mb} MB`,
    notJson: (p) => `not valid JSON at line ${p.line}, column ${p.column}: ${jsonReasonText('en', p.reason)}`,
    // the workbench's own checks
    fileTooLarge: (p) => `the file is larger than ${p.mb} MB`,
    linkBroken: () => 'the link is damaged or incomplete',
  },
  zh: {
    required: () => '必填',
    unknownField: () => '未知字段',
    mustBeNumber: () => '必须是数字',
    mustBeFinite: () => '必须是有限的数字',
    mustBeNumberOrNull: () => '必须是数字或 null',
    mustBeText: () => '必须是文本',
    mustBeObject: () => '必须是对象',
    mustBeList: () => '必须是列表',
    mustBeBoolean: () => '必须是 true 或 false',
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
    needsFormat2: (p) =>
      `"${p.field}" 需要 huzhu-scenario/2 格式（本文件为 huzhu-scenario/1；请修改 "format" 后使用）`,
    rateByGroupNeedsFormat2: () =>
      '按人群给出发生率需要 huzhu-scenario/2 格式（huzhu-scenario/1 中发生率是一个数字）',
    countOrGroups: () => '必填（除非给出 members.groups）',
    countAndGroups: () => '不能与 count 同时给出（会员人数要么是一个 count，要么按人群 groups 给出）',
    onEachGroup: (p) => `与 groups 同时给出时不允许（请在每个人群中给出 ${p.field}）`,
    totalMembers: (p) => `各人群人数之和不能超过 ${p.max}`,
    reservedGroupId: (p) => `"${p.id}" 不能用作人群 id`,
    namedTwice: (p) => `"${p.id}" 重复列出（另见 ${p.other}）`,
    unknownGroup: (p) => `members.groups 中没有这个人群（已有：${joinZh(p.known)}）`,
    duplicateShares: (p) => `份数（${p.shares}）与 ${p.other} 相同`,
    holdingsSum: (p) => `各比例之和必须为 1（现为 ${p.sum}）`,
    rateNumberOrGroups: () => '必须是数字，或按人群给出发生率的对象',
    rateForGroup: (p) => `必填（该风险覆盖人群 "${p.group}"）`,
    groupNotExposed: (p) => `人群 "${p.group}" 不在该风险的覆盖范围内（见该风险的 groups）`,
    waitingAmountLumpSumOnly: () => '只有 lump-sum 类待遇才有等待期金额',
    waitingAmountNeedsWaitingDays: () => '需要同时给出 waitingDays（这是等待期内发生事件时支付的金额）',
    unknownBenefit: (p) => `benefits[] 中没有这项待遇（已有：${joinZh(p.known)}）`,
    benefitInTwoLimits: (p) => `待遇 "${p.benefit}" 已在 ${p.other} 中（一项待遇最多属于一个限额）`,
    limitAcrossRisks: (p) =>
      `待遇 "${p.benefit}" 针对风险 "${p.risk}"，而 "${p.first}" 针对风险 "${p.firstRisk}"：` +
      '一个限额只能覆盖同一风险下的待遇（跨风险的限额需要对单个会员在各风险下的理赔建模，本格式没有定义这种模型）',
    moreProblems: (p) => `另有 ${p.count} 个问题`,
    moreValueProblems: (p) => `另有 ${p.count} 个值无效`,
    moreUnknownFields: (p) => `另有 ${p.count} 个未知字段`,
    unreadable: (p) => `无法读取（${p.reason}）`,
    tooLarge: (p) => `文本超过 ${p.mb} MB`,
    notJson: (p) => `不是有效的 JSON，第 ${p.line} 行第 ${p.column} 列：${jsonReasonText('zh', p.reason)}`,
    fileTooLarge: (p) => `文件过大（超过 ${p.mb} MB）`,
    linkBroken: () => '链接已损坏或不完整',
  },
};

/** The words of a validation code in `lang`. */
export function validationText(lang: Lang, m: ValidationMessage): string {
  return say(VALIDATION_TEXTS[lang], m);
}

/** A scenario problem as the shells list it: `{ path, message }`, the message in `lang`. */
export function scenarioProblemText(lang: Lang, p: ScenarioProblem): Problem {
  return { path: p.path, message: validationText(lang, p) };
}

/** A scenario problem on one line, `path: message`, as the command line prints it. */
export function scenarioProblemLine(lang: Lang, p: ScenarioProblem): string {
  return `${p.path}: ${validationText(lang, p)}`;
}
