/**
 * The validation catalogue (src/messages/validation.ts): every code src/io can return has words in
 * both languages, built from its parameters as the hand-written texts below say, and the compiler
 * refuses a table that misses a code or reads a parameter the code does not carry.
 */
import { describe, expect, it } from 'vitest';
import type {
  Expectation,
  JsonReasonParams,
  ScenarioProblem,
  ValidationCode,
  ValidationMessage,
  ValidationParams,
} from '../../src/domain/validation.ts';
import { jsonReason, scenarioProblem, validationMessage } from '../../src/domain/validation.ts';
import type { Catalogue, Texts } from '../../src/messages/catalogue.ts';
import {
  EXPECTATION_TEXTS,
  JSON_REASON_TEXTS,
  jsonReasonText,
  scenarioProblemLine,
  scenarioProblemText,
  VALIDATION_TEXTS,
  validationText,
} from '../../src/messages/validation.ts';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** Parameters for every code (the type makes a missing code a compile error). */
const SAMPLES: { [C in ValidationCode]: ValidationParams[C] } = {
  required: {},
  unknownField: {},
  mustBeNumber: {},
  mustBeFinite: {},
  mustBeNumberOrNull: {},
  mustBeText: {},
  mustBeObject: {},
  mustBeList: {},
  mustBeBoolean: {},
  mustBeExactly: { value: 'huzhu-scenario/1' },
  oneOf: { options: ['cost', 'event'] },
  invalid: {},
  range: { min: 0, max: 1 },
  intRange: { min: 1, max: 100 },
  greaterThan: { min: 0 },
  atLeast: { min: 0 },
  atMost: { max: 10 },
  greaterThanAtMost: { min: 0, max: 1 },
  moneyDecimals: {},
  expenseRate: {},
  paretoShape: {},
  negativeBinomialCv: { minCv: '0.3334' },
  textLength: { min: 1, max: 200 },
  textMax: { max: 20000 },
  blank: {},
  listLength: { min: 1, max: 50 },
  contributionsSum: {},
  duplicateId: { id: 'inpatient', other: 'risks[0]' },
  unknownRisk: { known: ['inpatient'] },
  benefitNeedsKind: { type: 'bands', need: 'cost', risk: 'cancer', kind: 'event' },
  dailyNeedsDays: { risk: 'inpatient' },
  notOnEventRisk: {},
  bandNullNotLast: {},
  needsFormat2: { field: 'groups' },
  rateByGroupNeedsFormat2: {},
  countOrGroups: {},
  countAndGroups: {},
  onEachGroup: { field: 'femaleShare' },
  totalMembers: { max: 100_000_000 },
  reservedGroupId: { id: '__proto__' },
  namedTwice: { id: 'retired', other: 'risks[1].groups[0]' },
  unknownGroup: { known: ['in-service', 'retired'] },
  duplicateShares: { shares: 2, other: 'members.groups[0].holdings[0]' },
  holdingsSum: { sum: 1.000000002 },
  rateNumberOrGroups: {},
  rateForGroup: { group: 'retired' },
  groupNotExposed: { group: 'retired' },
  waitingAmountLumpSumOnly: {},
  waitingAmountNeedsWaitingDays: {},
  unknownBenefit: { known: ['self-pay'] },
  benefitInTwoLimits: { benefit: 'allowance', other: 'limits[0]' },
  limitAcrossRisks: { benefit: 'critical', risk: 'critical', first: 'self-pay', firstRisk: 'inpatient' },
  moreProblems: { count: 3 },
  moreValueProblems: { count: 3 },
  moreUnknownFields: { count: 3 },
  unreadable: { reason: 'getter' },
  tooLarge: { mb: 10 },
  notJson: { line: 1, column: 4, reason: { code: 'unexpectedEnd', params: {} } },
  fileTooLarge: { mb: 10 },
  linkBroken: {},
};

const EVERY_MESSAGE = Object.entries(SAMPLES).map(
  ([code, params]) => ({ code, params }) as ValidationMessage,
);

const EVERY_REASON: { [C in keyof JsonReasonParams]: JsonReasonParams[C] } = {
  unexpectedEnd: {},
  controlChar: {},
  tooDeep: {},
  unexpectedChar: { char: '"}"', expected: 'value' },
};

describe('the validation catalogue', () => {
  it('has the same codes in English and Chinese, and one text for every code', () => {
    expect(Object.keys(VALIDATION_TEXTS.zh).sort()).toEqual(Object.keys(VALIDATION_TEXTS.en).sort());
    expect(Object.keys(VALIDATION_TEXTS.en).sort()).toEqual(Object.keys(SAMPLES).sort());
    expect(Object.keys(JSON_REASON_TEXTS.zh).sort()).toEqual(Object.keys(EVERY_REASON).sort());
    expect(Object.keys(EXPECTATION_TEXTS.zh).sort()).toEqual(Object.keys(EXPECTATION_TEXTS.en).sort());
  });

  it.each(EVERY_MESSAGE.map((m) => [m.code, m] as const))(
    '%s reads in English without Chinese, in Chinese with it, on one line, nothing unfilled',
    (_, m) => {
      const en = validationText('en', m);
      const zh = validationText('zh', m);
      expect(en).not.toMatch(CJK);
      expect(zh).toMatch(CJK);
      for (const t of [en, zh]) {
        expect(t.length).toBeGreaterThan(0);
        expect(t).not.toMatch(/NaN|undefined|\[object|\n/);
      }
    },
  );

  it('puts the parameters in words', () => {
    const en = (m: ValidationMessage) => validationText('en', m);
    const zh = (m: ValidationMessage) => validationText('zh', m);
    expect(en(validationMessage('intRange', { min: 100, max: 1_000_000 }))).toBe(
      'must be an integer from 100 to 1000000',
    );
    expect(zh(validationMessage('intRange', { min: 100, max: 1_000_000 }))).toBe(
      '必须是 100 到 1000000 之间的整数',
    );
    expect(en(validationMessage('required'))).toBe('is required');
    expect(zh(validationMessage('required'))).toBe('必填');
    expect(en(validationMessage('duplicateId', { id: 'a', other: 'risks[0]' }))).toBe(
      'duplicate id "a" (also risks[0])',
    );
    expect(zh(validationMessage('duplicateId', { id: 'a', other: 'risks[0]' }))).toBe(
      'id "a" 重复（另见 risks[0]）',
    );
    expect(en(validationMessage('fileTooLarge', { mb: 10 }))).toBe('the file is larger than 10 MB');
    expect(zh(validationMessage('fileTooLarge', { mb: 10 }))).toBe('文件过大（超过 10 MB）');
  });

  it('an empty list of known risks reads "none"', () => {
    expect(validationText('en', validationMessage('unknownRisk', { known: [] }))).toBe(
      'names no risk in risks[] (known: none)',
    );
    expect(validationText('zh', validationMessage('unknownRisk', { known: [] }))).toBe(
      'risks[] 中没有这个风险（已有：无）',
    );
    expect(validationText('en', validationMessage('oneOf', { options: ['a', 'b'] }))).toBe(
      'must be one of: a, b',
    );
    expect(validationText('zh', validationMessage('oneOf', { options: ['a', 'b'] }))).toBe(
      '必须是以下之一：a、b',
    );
  });

  it('words the format /2 codes with their parameters, in both languages', () => {
    const both = (m: ValidationMessage) => [validationText('en', m), validationText('zh', m)];
    expect(both(validationMessage('needsFormat2', { field: 'limits' }))).toEqual([
      '"limits" needs format huzhu-scenario/2 (this file says huzhu-scenario/1; change "format" to use it)',
      '"limits" 需要 huzhu-scenario/2 格式（本文件为 huzhu-scenario/1；请修改 "format" 后使用）',
    ]);
    expect(both(validationMessage('holdingsSum', { sum: 1.000000002 }))).toEqual([
      'the fractions must add up to 1 (they add up to 1.000000002)',
      '各比例之和必须为 1（现为 1.000000002）',
    ]);
    expect(both(validationMessage('rateForGroup', { group: 'retired' }))).toEqual([
      'is required (the risk exposes group "retired")',
      '必填（该风险覆盖人群 "retired"）',
    ]);
    expect(both(validationMessage('unknownGroup', { known: [] }))).toEqual([
      'names no group in members.groups (known: none)',
      'members.groups 中没有这个人群（已有：无）',
    ]);
    const across = validationMessage('limitAcrossRisks', {
      benefit: 'critical',
      risk: 'critical',
      first: 'self-pay',
      firstRisk: 'inpatient',
    });
    expect(validationText('en', across)).toBe(
      'benefit "critical" pays for risk "critical", but "self-pay" pays for risk "inpatient": a limit covers ' +
        'the benefits of one risk (a limit across risks needs a model of one member’s claims across risks, ' +
        'which the format does not define)',
    );
    expect(validationText('zh', across)).toContain('跨风险的限额需要对单个会员在各风险下的理赔建模');
  });

  it('articles follow the word: a cost risk, an event risk', () => {
    const m = validationMessage('benefitNeedsKind', {
      type: 'lump-sum',
      need: 'event',
      risk: 'inpatient',
      kind: 'cost',
    });
    expect(validationText('en', m)).toBe(
      'a lump-sum benefit needs an event risk, but "inpatient" is a cost risk',
    );
    expect(validationText('zh', m)).toBe('lump-sum 类待遇需要 event 类风险，但 "inpatient" 是 cost 类风险');
  });

  it('a syntax error names its line, column and reason, the reason in the same language', () => {
    const trailingComma = validationMessage('notJson', {
      line: 10,
      column: 3,
      reason: jsonReason('unexpectedChar', { char: '"}"', expected: 'propertyName' }),
    });
    expect(validationText('en', trailingComma)).toBe(
      'not valid JSON at line 10, column 3: unexpected "}", expected a field name in double quotes',
    );
    expect(validationText('zh', trailingComma)).toBe(
      '不是有效的 JSON，第 10 行第 3 列：此处不应出现 "}"，应为双引号括起的字段名',
    );
    const early = validationMessage('notJson', { line: 1, column: 4, reason: jsonReason('unexpectedEnd') });
    expect(validationText('zh', early)).toBe(
      '不是有效的 JSON，第 1 行第 4 列：文本提前结束（有括号或引号没有闭合）',
    );
  });

  it('says what was expected, for every expectation', () => {
    const expected = (lang: 'en' | 'zh', e: Expectation) =>
      jsonReasonText(lang, jsonReason('unexpectedChar', { char: '"x"', expected: e }));
    expect(expected('en', 'colon')).toBe('unexpected "x", expected ":"');
    expect(expected('zh', 'colon')).toBe('此处不应出现 "x"，应为 ":"');
    expect(expected('en', 'null')).toBe('unexpected "x", expected "null"');
    expect(expected('zh', 'value')).toBe('此处不应出现 "x"，应为一个值');
    expect(expected('en', 'escape')).toBe(
      'unexpected "x", expected one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u',
    );
    for (const e of Object.keys(EXPECTATION_TEXTS.en) as Expectation[]) {
      expect(expected('en', e)).not.toMatch(CJK);
      expect(expected('zh', e)).toMatch(CJK);
    }
  });

  it('a problem is listed as `path: message` in the language asked', () => {
    const p: ScenarioProblem = scenarioProblem('members.count', 'intRange', { min: 1, max: 100_000_000 });
    expect(p).toEqual({ path: 'members.count', code: 'intRange', params: { min: 1, max: 100_000_000 } });
    expect(scenarioProblemLine('en', p)).toBe('members.count: must be an integer from 1 to 100000000');
    expect(scenarioProblemText('zh', p)).toEqual({
      path: 'members.count',
      message: '必须是 1 到 100000000 之间的整数',
    });
  });
});

describe('the compiler', () => {
  it('refuses a table without a Chinese text, a text that reads a parameter its code does not carry, and a problem with the wrong parameters', () => {
    type Two = Pick<ValidationParams, 'required' | 'intRange'>;
    const missing: Catalogue<Two> = {
      en: { required: () => 'is required', intRange: (p) => `from ${p.min} to ${p.max}` },
      // @ts-expect-error the Chinese table has no text for 'intRange'
      zh: { required: () => '必填' },
    };
    const wrong: Texts<Pick<ValidationParams, 'intRange'>> = {
      // @ts-expect-error intRange carries `min` and `max`, not `value`
      intRange: (p) => `${p.value}`,
    };
    // @ts-expect-error intRange needs its `max`
    const short = scenarioProblem('members.count', 'intRange', { min: 1 });
    // @ts-expect-error `required` has no parameters
    const extra = validationMessage('required', { min: 1 });
    // @ts-expect-error a problem's params must be those of its code
    const bad: ScenarioProblem = { path: 'x', code: 'tooLarge', params: { count: 1 } };
    expect([missing, wrong, short, extra, bad]).toHaveLength(5);
  });
});
