import { describe, expect, it } from 'vitest';
import { BOM, csvField, toCsv } from '../../src/ui/csv.ts';

describe('CSV fields (RFC 4180)', () => {
  it('leaves plain text and numbers as they are, numbers at full precision', () => {
    expect(csvField('杭州 2016')).toBe('杭州 2016');
    expect(csvField(0.7163208654467937)).toBe('0.7163208654467937');
    expect(csvField(-1500)).toBe('-1500');
  });
  it('quotes a field with a comma, a quote, a line break or surrounding spaces, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
  });
  it('writes nothing for null, undefined and numbers that are not finite', () => {
    expect([null, undefined, NaN, Infinity].map(csvField)).toEqual(['', '', '', '']);
  });
  it('defuses text that a spreadsheet would read as a formula, but never a number', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField(-2)).toBe('-2');
  });
  it('joins rows with CRLF after a byte-order mark, ending with a line break', () => {
    expect(toCsv([['key', 'value'], ['name', 'a,b']])).toBe(`${BOM}key,value\r\nname,"a,b"\r\n`);
  });
});
