import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/history/csv.ts';

const fields = (text: string) => readCsv(text).records.map((r) => r.fields);

describe('readCsv (RFC 4180)', () => {
  it('reads the example of its doc comment', () => {
    expect(readCsv('year,members\r\n2015,720000\r\n')).toEqual({
      records: [
        { line: 1, fields: ['year', 'members'] },
        { line: 2, fields: ['2015', '720000'] },
      ],
      problems: [],
    });
  });
  it('treats CRLF, LF and a lone CR alike, with or without a final line break', () => {
    for (const text of ['a,b\r\n1,2\r\n', 'a,b\n1,2\n', 'a,b\r1,2\r', 'a,b\n1,2'])
      expect(fields(text)).toEqual([
        ['a', 'b'],
        ['1', '2'],
      ]);
  });
  it('drops a byte order mark and blank records (empty lines, lines of commas) but keeps line numbers', () => {
    const r = readCsv('\uFEFFa,b\n\n,\n  \n1,2\n');
    expect(r.records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 5, fields: ['1', '2'] },
    ]);
  });
  it('reads quoted fields: commas, doubled quotes and line breaks inside, the line counted', () => {
    const r = readCsv('name,note\n"Hohhot, 呼和浩特","say ""hi""\nagain"\nx,y\n');
    expect(r.records).toEqual([
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['Hohhot, 呼和浩特', 'say "hi"\nagain'] },
      { line: 4, fields: ['x', 'y'] },
    ]);
  });
  it('reports a quote never closed, at the line where it opens', () => {
    expect(readCsv('a,b\n1,"2\n3,4\n').problems).toEqual([{ line: 2, kind: 'unterminated-quote' }]);
  });
  it('reports text after a closing quote and keeps it', () => {
    const r = readCsv('a\n"12"3\n');
    expect(r.problems).toEqual([{ line: 2, kind: 'text-after-quote' }]);
    expect(r.records[1].fields).toEqual(['123']);
  });
  it('keeps empty fields and an empty last field', () => {
    expect(fields('a,b,c\n1,,\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
    ]);
  });
});

describe('readCsv: the edges of its dialect', () => {
  it('keeps a quote inside an unquoted field as text, without a problem', () => {
    expect(readCsv('ab"c,d\n')).toEqual({ records: [{ line: 1, fields: ['ab"c', 'd'] }], problems: [] });
  });
  it('keeps the text of a quote never closed, up to the end and nothing more', () => {
    expect(readCsv('a\n"xy')).toEqual({
      records: [
        { line: 1, fields: ['a'] },
        { line: 2, fields: ['xy'] },
      ],
      problems: [{ line: 2, kind: 'unterminated-quote' }],
    });
  });
  it('counts a lone CR inside quotes as a line, and a CRLF inside quotes as one line', () => {
    expect(readCsv('"a\rb",c\rx,y').records).toEqual([
      { line: 1, fields: ['a\rb', 'c'] },
      { line: 3, fields: ['x', 'y'] },
    ]);
    expect(readCsv('"a\r\nb",c\r\nx,y\r\n').records).toEqual([
      { line: 1, fields: ['a\r\nb', 'c'] },
      { line: 3, fields: ['x', 'y'] },
    ]);
  });
  it('finds no text after a closing quote at the end of the text or before a lone CR', () => {
    expect(readCsv('a\n"x"')).toEqual({
      records: [
        { line: 1, fields: ['a'] },
        { line: 2, fields: ['x'] },
      ],
      problems: [],
    });
    expect(readCsv('"a"\r"b"\r')).toEqual({
      records: [
        { line: 1, fields: ['a'] },
        { line: 2, fields: ['b'] },
      ],
      problems: [],
    });
  });
  it('keeps a last record without a final line break: one field, or ending in an empty field', () => {
    expect(fields('a\n1')).toEqual([['a'], ['1']]);
    expect(fields('a,b\n1,')).toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
  });
});

describe('readCsv: a closing quote before a line break', () => {
  it('is no problem before LF, CRLF or a comma', () => {
    expect(readCsv('"a"\n"b"\r\n"c","d"\n').problems).toEqual([]);
  });
});
