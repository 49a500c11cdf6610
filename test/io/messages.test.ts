/**
 * domain/messages.ts: every validation text exists in English and Chinese, with the same keys,
 * and builds from its parameters.
 */
import { describe, expect, it } from 'vitest';
import { en, message, sayer, zh, type MessageKey } from '../../src/domain/messages.ts';

const SAMPLE = {
  min: 1,
  max: 2,
  value: 'v',
  options: ['a', 'b'],
  minCv: '0.3334',
  id: 'x',
  other: 'risks[0]',
  known: ['a'],
  type: 'bands',
  need: 'cost',
  risk: 'r',
  kind: 'event',
  count: 3,
  reason: 'r',
  mb: 10,
  line: 1,
  column: 2,
  char: '"}"',
  expected: 'e',
  word: 'true',
};

describe('messages', () => {
  it('English and Chinese have the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en) as MessageKey[])(
    '%s builds a non-empty text in both languages, and they differ',
    (key) => {
      const build = (lang: 'en' | 'zh') =>
        (message as (l: 'en' | 'zh', k: MessageKey, p: typeof SAMPLE) => string)(lang, key, SAMPLE);
      expect(build('en').length).toBeGreaterThan(0);
      expect(build('zh').length).toBeGreaterThan(0);
      if (!['expectColon', 'expectCommaOrBrace', 'expectCommaOrBracket', 'expectWord'].includes(key))
        expect(build('zh')).not.toBe(build('en'));
    },
  );

  it('a sayer is bound to its language', () => {
    expect(sayer('en')('intRange', { min: 100, max: 1_000_000 })).toBe(
      'must be an integer from 100 to 1000000',
    );
    expect(sayer('zh')('required')).toBe('必填');
  });

  it('an empty list of known risks reads "none"', () => {
    expect(message('en', 'unknownRisk', { known: [] })).toBe('names no risk in risks[] (known: none)');
    expect(message('zh', 'unknownRisk', { known: [] })).toBe('risks[] 中没有这个风险（已有：无）');
  });

  it('articles follow the word: a cost risk, an event risk', () => {
    expect(
      message('en', 'benefitNeedsKind', { type: 'lump-sum', need: 'event', risk: 'inpatient', kind: 'cost' }),
    ).toBe('a lump-sum benefit needs an event risk, but "inpatient" is a cost risk');
  });
});
