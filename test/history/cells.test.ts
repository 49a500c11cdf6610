/**
 * One cell read as a number (src/history/cells.ts): what is plain, what is a number written with
 * separators or units (refused with its own message), what is not a number at all; and the
 * shared range checks at their ends.
 *
 * The two patterns are built when cells.ts loads. Each test below imports the module afresh
 * (`vi.resetModules()` then `import()`), so that the patterns are built inside the test: a
 * mutant that Stryker switches on for the tests only, after the test file has loaded its
 * imports, would otherwise never reach them (docs/mutation.md, "Mutants in code run at load").
 */
import { describe, expect, it, vi } from 'vitest';

const fresh = async () => {
  vi.resetModules();
  return import('../../src/history/cells.ts');
};

describe('readNumber: a plain number', () => {
  it('reads a sign, digits, a decimal point, an exponent', async () => {
    const { readNumber } = await fresh();
    const cases: [string, number][] = [
      ['5', 5],
      ['2015', 2015],
      [' 720000 ', 720000],
      ['-1', -1],
      ['+3', 3],
      ['12.5', 12.5],
      ['9111314.67', 9111314.67],
      ['12.', 12],
      ['.5', 0.5],
      ['.25', 0.25],
      ['-.75', -0.75],
      ['1e5', 100000],
      ['1E5', 100000],
      ['4.02e6', 4020000],
      ['1e+5', 100000],
      ['1e-5', 0.00001],
      ['2.5e12', 2.5e12],
      ['1e10', 1e10],
    ];
    for (const [text, value] of cases) expect(readNumber(text), text).toEqual({ kind: 'number', value });
  });
  it('reads a blank or all-space cell as blank', async () => {
    const { readNumber } = await fresh();
    expect(readNumber('')).toEqual({ kind: 'blank' });
    expect(readNumber('   ')).toEqual({ kind: 'blank' });
  });
});

describe('readNumber: separators and units are told apart from text that is not a number', () => {
  it('calls a number with thousands separators, a currency sign or a unit a separator problem', async () => {
    const { readNumber } = await fresh();
    for (const text of [
      '1,000',
      '4,020,000',
      '-1,000',
      '9\uff0c000', // a full-width comma
      '1 000',
      '¥90000',
      '￥90000',
      '¥ 90,000',
      '402万',
      '402 万',
      '402万元',
      '90000元',
      '3.5亿',
      '12k',
      '1.2M',
      '1.2m',
      '300 yuan',
    ])
      expect(readNumber(text), text).toEqual({ kind: 'separator' });
  });
  it('calls anything else invalid: letters before or after, hexadecimal, a bare exponent, no digit', async () => {
    const { readNumber } = await fresh();
    for (const text of [
      'abc',
      'abc12',
      '12abc',
      'x1,000',
      '1,000x',
      '0x10',
      '0b1',
      '1e',
      'e5',
      '1e5x',
      '1.2.3e',
      'Infinity',
      '.,',
      ',',
      '¥',
      '--1',
    ])
      expect(readNumber(text), text).toEqual({ kind: 'invalid' });
  });
  it('calls a plain number too large for a double invalid, not Infinity', async () => {
    const { readNumber } = await fresh();
    expect(readNumber('1e999')).toEqual({ kind: 'invalid' });
    expect(readNumber('-1e999')).toEqual({ kind: 'invalid' });
  });
});

describe('the range checks at their ends', () => {
  it('wholeProblem: a whole number from min to max (1e9 by default), both ends included', async () => {
    const { wholeProblem, MAX_COUNT } = await fresh();
    expect(MAX_COUNT).toBe(1e9);
    expect(wholeProblem(1e9, 0)).toBeNull();
    expect(wholeProblem(1e9 + 1, 0)).toEqual({ code: 'wholeRange', params: { min: 0, max: 1e9 } });
    expect(wholeProblem(1, 1)).toBeNull();
    expect(wholeProblem(0, 1)).toEqual({ code: 'wholeRange', params: { min: 1, max: 1e9 } });
    expect(wholeProblem(10, 0, 10)).toBeNull();
    expect(wholeProblem(11, 0, 10)).toEqual({ code: 'wholeRange', params: { min: 0, max: 10 } });
    expect(wholeProblem(2.5, 0)).toEqual({ code: 'wholeRange', params: { min: 0, max: 1e9 } });
  });
  it('moneyProblem: 0 to one trillion yuan, to the fen', async () => {
    const { moneyProblem, MAX_HISTORY_MONEY } = await fresh();
    expect(MAX_HISTORY_MONEY).toBe(1e12);
    expect(moneyProblem(0)).toBeNull();
    expect(moneyProblem(1e12)).toBeNull();
    expect(moneyProblem(1e12 + 0.5)).toEqual({ code: 'moneyRange', params: { max: 1e12 } });
    expect(moneyProblem(-0.01)).toEqual({ code: 'moneyRange', params: { max: 1e12 } });
    expect(moneyProblem(0.01)).toBeNull();
    expect(moneyProblem(0.005)).toEqual({ code: 'moneyDecimals', params: {} });
  });
  it('cellProblem names the text as written, trimmed', async () => {
    const { cellProblem, readNumber } = await fresh();
    expect(cellProblem(readNumber(' 4,020 '), ' 4,020 ')).toEqual({
      code: 'thousandsSeparator',
      params: { text: '4,020' },
    });
    expect(cellProblem(readNumber('  abc '), '  abc ')).toEqual({
      code: 'notNumber',
      params: { text: 'abc' },
    });
    expect(cellProblem(readNumber('12'), '12')).toBeNull();
    expect(cellProblem(readNumber(''), '')).toBeNull();
  });
});
